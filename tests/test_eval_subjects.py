"""The subject evaluation's pieces that need no corpus and no Annif: the title lookup baseline
and the threshold Annif's suggestions are cut at, and the Annif project file."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.annif_baselines import Annif, doc_id
from eval.eval_subjects import TitleLookup, annif_chosen

from sixfold.model import Document
from sixfold.subjects import Vocabulary
from sixfold.subjects.corpus import Example
from sixfold.subjects.features import extract


def example(symbol: str, title: str, session: int, subjects: tuple[str, ...]) -> Example:
    doc = Document(symbol=symbol, language="en", title=title)
    return Example(extract(doc, Vocabulary.default()), session, subjects, title)


def test_title_lookup_copies_the_latest_namesake() -> None:
    older = example("A/RES/75/1", "Rights of the child", 75, ("1",))
    newer = example("A/RES/76/1", "Rights of the Child", 76, ("2",))
    test = example("A/RES/77/1", "Rights of the child", 77, ("2",))
    assert TitleLookup([older, newer], folded=True).predict(test) == ["2"]
    assert TitleLookup([older, newer], folded=False).predict(test) == ["1"]
    assert TitleLookup([older], folded=True).predict(example("A/RES/77/2", "Other", 77, ())) == []


def test_annif_threshold_is_the_best_for_mean_f1() -> None:
    docs = [example("A/RES/77/1", "One", 77, ("a",)), example("A/RES/77/2", "Two", 77, ("b",))]
    ranked = {
        doc_id(docs[0]): [("a", 0.9), ("x", 0.2)],
        doc_id(docs[1]): [("b", 0.6), ("y", 0.3)],
    }
    threshold, chosen = annif_chosen(ranked, docs, {doc_id(d) for d in docs})
    assert 0.3 < threshold <= 0.6  # drops x and y, keeps a and b: F1 1.0
    assert chosen == {doc_id(docs[0]): ["a"], doc_id(docs[1]): ["b"]}


def test_annif_projects_and_local_tokenizer_data(tmp_path: Path) -> None:
    annif = Annif(Path("annif"), tmp_path)
    annif.write_projects(["en", "zh"])
    config = (tmp_path / "projects.cfg").read_text("utf-8")
    assert "[omikuji-zh]" in config
    assert "sources=tfidf-en,mllm-en,omikuji-en" in config
    assert "analyzer=snowball(english)" in config
    punkt = tmp_path / "nltk_data" / "tokenizers" / "punkt_tab" / "english"
    assert (punkt / "abbrev_types.txt").exists()
    assert annif.env["NLTK_DATA"] == str(tmp_path / "nltk_data")
