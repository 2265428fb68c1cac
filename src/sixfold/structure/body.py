"""Blocks of the body to paragraphs: number, kind, lead, footnote references.

Before the first numbered paragraph a block is preambular (operative when the enacting formula
has no comma: "The General Assembly" / "Adopts the following ..."); numbered blocks are
operative; an unnumbered block after them is preambular only when it opens with a lead (the
preamble of a later part), else "other": a heading, or the opening words of a declaration the
resolution adopts ("We, Heads of State and Government ...").  Sub-items
("(a) ...") belong to the paragraph that introduces them, one per line, and so do the closing
words of a list.
"""

from __future__ import annotations

from sixfold.clean.blocks import ends_sentence, line_rules
from sixfold.clean.footnotes import take_references
from sixfold.facts.digits import to_ascii_digits
from sixfold.model import Paragraph, ParagraphKind
from sixfold.structure.langdata import StructureData
from sixfold.structure.leads import find_lead

# A sub-item ending with a comma leaves its sentence open: the unnumbered line after it that
# opens with no lead closes the list ("(f) ..., / and in the commitments contained therein,");
# so does one in lower case after any sub-item where no paragraph opens in lower case
# ("c) ... ; / et souligne l'importance ...").
LIST_COMMAS = ",،，"


def build_paragraphs(
    blocks: list[str],
    data: StructureData,
    *,
    numbered_kind: ParagraphKind = "operative",
    operative_first: bool = False,
) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    seen_operative = False
    lower_case_continues = line_rules(data.lang, data.terminal).lower_case_continues
    after_item = open_list = False  # the last block was a sub-item (ending with a comma)
    for block in blocks:
        text, markers = take_references(block)
        if not text:
            continue
        number_match = data.operative_number.match(text)
        closes_list = not number_match and (
            (open_list and find_lead(text, data.lang) is None)
            or (after_item and lower_case_continues and text[:1].islower())
        )
        after_item = bool(data.sub_item.match(text))
        open_list = after_item and text.rstrip()[-1:] in LIST_COMMAS
        if (data.sub_item.match(text) or closes_list) and paragraphs:
            paragraphs[-1].text = f"{paragraphs[-1].text}\n{text}"
            paragraphs[-1].footnotes.extend(m for m in markers if m not in paragraphs[-1].footnotes)
            continue
        kind: ParagraphKind
        number: str | None = None
        lead = find_lead(text, data.lang)
        if number_match:
            number = to_ascii_digits(number_match.group(1))
            text = text[number_match.end() :].strip()
            lead = find_lead(text, data.lang)
            kind = numbered_kind
        elif operative_first and not paragraphs:
            kind = numbered_kind
        elif numbered_kind == "other" or (
            seen_operative and (lead is None or not ends_sentence(text, data.terminal))
        ):
            kind = "other"
        else:
            kind = "preambular"
        seen_operative = seen_operative or kind == numbered_kind
        lead = lead if kind != "other" or number else None
        paragraphs.append(
            Paragraph(id="", kind=kind, number=number, lead=lead, text=text, footnotes=markers)
        )
    return paragraphs


def number_ids(paragraphs: list[Paragraph], prefix: str = "") -> None:
    """Stable ids: "pre1", "op1", "other1"... in document order (per kind)."""
    counters: dict[str, int] = {}
    short = {"preambular": "pre", "operative": "op", "other": "other"}
    for paragraph in paragraphs:
        key = short[paragraph.kind]
        counters[key] = counters.get(key, 0) + 1
        paragraph.id = f"{prefix}{key}{counters[key]}"
