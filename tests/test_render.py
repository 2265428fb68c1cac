"""The renderer of raw forms (eval/render.py) on real AKN files, two per language."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest
import regex

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
ARCHIVES = SHARED / "corpus" / "akn-ga" / "77session"
sys.path.insert(0, str(REPO / "eval"))

from render import FORMS, render  # noqa: E402
from sixfold.model import Document  # noqa: E402
from sixfold.readers.akn import read_akn  # noqa: E402

pytestmark = pytest.mark.skipif(not ARCHIVES.is_dir(), reason="needs /work/shared corpus")

FILES = [
    ("Arabic", "A_RES_77_10-2225538A.xml", "ar"),
    ("Arabic", "A_RES_77_102-2228247A.xml", "ar"),
    ("Chinese", "A_RES_77_10-2225538C.xml", "zh"),
    ("Chinese", "A_RES_77_102-2228247C.xml", "zh"),
    ("English", "A_RES_77_10-2225538E.xml", "en"),
    ("English", "A_RES_77_102-2228247E.xml", "en"),
    ("French", "A_RES_77_10-2225538F.xml", "fr"),
    ("French", "A_RES_77_102-2228247F.xml", "fr"),
    ("Russian", "A_RES_77_10-2225538R.xml", "ru"),
    ("Russian", "A_RES_77_102-2228247R.xml", "ru"),
    ("Spanish", "A_RES_77_10-2225538S.xml", "es"),
    ("Spanish", "A_RES_77_102-2228247S.xml", "es"),
]
# Furniture each form must carry (``{job}`` is the gold job number, ``{symbol}`` the symbol).
FURNITURE = {
    "ods": ["[DU1]", "<<ODS JOB NO>>", "<<ODS DOC SYMBOL1>>{symbol}", "{job}", "Distr."],
    "markdown": ["Distr.", "{job}"],
    "segmented": ["%%%"],
    "pdftext": ["{symbol}", "Distr.", "{job}"],
}
RECYCLE = {"markdown", "pdftext"}
WORD = regex.compile(r"\p{Han}|[\p{L}\p{M}]{4,}")
ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def load(folder: str, name: str) -> tuple[bytes, Document]:
    with zipfile.ZipFile(ARCHIVES / f"{folder}.zip") as archive:
        member = next(m for m in archive.namelist() if m.endswith(name))
        data = archive.read(member)
    return data, read_akn(data, member)


def words(text: str) -> list[str]:
    """Han characters, or letter runs of four or more (numbers change script in Arabic)."""
    return WORD.findall(text)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("folder", "name", "lang"), FILES)
def test_render(folder: str, name: str, lang: str, form: str) -> None:
    data, gold = load(folder, name)
    assert gold.language == lang
    text = render(data, gold, form, seed=7)
    assert text is not None
    assert text == render(data, gold, form, seed=7)
    assert text != render(data, gold, form, seed=8) or (form == "segmented" and lang != "zh")
    flat = regex.sub(r"\s+", "", text) if lang == "zh" else text
    for para in gold.paragraphs:
        for word in words(para.text.replace("()", "")):
            assert word in flat, (para.id, word)
    for item in FURNITURE[form]:
        expected = item.format(job=gold.job_number or "", symbol=gold.symbol or "")
        assert expected in text, expected
    if form in RECYCLE:
        assert text.count("\n") > 20


@pytest.mark.parametrize(("folder", "name", "lang"), FILES)
def test_markers(folder: str, name: str, lang: str) -> None:
    data, gold = load(folder, name)
    markdown = render(data, gold, "markdown", seed=1) or ""
    ods = render(data, gold, "ods", seed=1) or ""
    for note in gold.footnotes:
        if lang == "ar":
            assert f"^({note.marker.translate(str.maketrans('0123456789', '٠١٢٣٤٥٦٧٨٩'))})" in (
                markdown
            )
            assert f"({note.marker})" in ods
        else:
            assert f"<sup>{note.marker}</sup>" in markdown
            assert regex.search(rf"\S{note.marker}(\s|$)", ods), note.marker
            assert regex.search(rf"(?m)^{note.marker} \S", ods), note.marker


@pytest.mark.parametrize(
    ("form", "lang", "pattern"),
    [
        ("ods", "en", r"(?m)^\t1\.\t"),
        ("ods", "ar", r"(?m)^\t1 -\t"),
        ("markdown", "ar", r"(?m)^١ - "),
        ("markdown", "ar", r"(?m)^(## )?١٠/٧٧ - "),
        ("markdown", "zh", r"(?m)^(## )?77/10\. "),
        ("segmented", "zh", r"^%%%[A-Z ,()'-]+\|"),
        ("segmented", "en", r" 1\.? \.? ?\S"),
        ("pdftext", "en", r"(?m)^ 1\. "),
    ],
)
def test_conventions(form: str, lang: str, pattern: str) -> None:
    folder = {"ar": "Arabic", "zh": "Chinese", "en": "English"}[lang]
    data, gold = load(folder, f"A_RES_77_10-2225538{folder[0]}.xml")
    assert regex.search(pattern, render(data, gold, form, seed=3) or "")


def test_bad_xml_gives_none() -> None:
    assert render(b"<not-akn/>", Document(), "ods", 0) is None
    with pytest.raises(ValueError):
        render(b"<not-akn/>", Document(), "docx", 0)


@pytest.mark.parametrize("form", FORMS)
def test_meeting_and_part_letter_are_printed(form: str) -> None:
    """What the printed documents show and the XML marks up in less common ways: the meeting
    of an emergency special session (an event's ``location``) and the letter of a part
    adopted on its own ("B", a second ``docNumber`` of the preface)."""
    emergency = SHARED / "corpus" / "akn-ga" / "ES-11session" / "English.zip"
    with zipfile.ZipFile(emergency) as archive:
        data = archive.read("A_RES_ES-11_3-2205216E.xml")
    text = render(data, read_akn(data), form, 1) or ""
    assert "10th plenary meeting" in text
    with zipfile.ZipFile(ARCHIVES / "French.zip") as archive:
        member = next(m for m in archive.namelist() if "77_290B" in m)
        data = archive.read(member)
    text = render(data, read_akn(data), form, 1) or ""
    assert regex.search(r"(?m)(?:^|Abyei )B(?:<sup>1</sup>|1)?\s", text)


@pytest.mark.parametrize("form", ["ods", "markdown", "pdftext"])
def test_repeated_reference_prints_its_marker_not_the_note_again(form: str) -> None:
    """Session 74's XML prints a second reference to a note as bare ``<sup>1</sup>``: the
    forms print the marker where it stands and the note once, as the printed documents do."""
    archive_path = SHARED / "corpus" / "akn-ga" / "74session"
    with zipfile.ZipFile(archive_path / "GA resolutions_74session_English.zip") as archive:
        data = archive.read("English/74_10.xml")
    gold = read_akn(data)
    again = next(p for p in gold.paragraphs if "annual report, including" in p.text)
    assert again.footnotes == ["1"] and "report,1" not in again.text
    text = render(data, gold, form, 2) or ""
    marker = "<sup>1</sup>" if form == "markdown" else "1"
    assert f"annual report,{marker}" in regex.sub(r"\s+", " ", text)
    note = next(f.text for f in gold.footnotes if f.marker == "1")
    assert regex.sub(r"\s+", " ", text).count(note[:30]) == 1
