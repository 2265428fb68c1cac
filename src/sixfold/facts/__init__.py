"""Language facts read off mastheads and closing lines, in six languages.

Import the modules (``sixfold.facts.dates``, ``.ordinals``, ``.agenda``, ``.origin``,
``.digits``); this package stays empty so that the symbol grammar can use its data loader
without an import cycle.
"""
