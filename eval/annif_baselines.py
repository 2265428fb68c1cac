"""Annif as the baseline of the subject evaluation (issue 6, acceptance 1a).

Annif (https://annif.org) is the standard open-source subject indexer; its tfidf, mllm and
omikuji backends and their ensemble are the figures sixfold is held against.  Annif is not a
dependency of sixfold: it lives in its own virtual environment (its web stack and scikit-learn
pins have nothing to do with sixfold), and this module drives its command line:

    python3 -m venv /work/annif-venv
    /work/annif-venv/bin/pip install 'annif[omikuji]==1.4.3'
    python eval/eval_subjects.py --annif /work/annif-venv/bin/annif

Per language, one project per backend is trained on the same training resolutions, with the
same UNBIS vocabulary (all six label languages, as CSV) and the same gold, then indexes the test
resolutions (``annif index``, 10 suggestions).  Analyzers: NLTK Snowball for en, fr, es, ru and
ar; Chinese is segmented first with jieba (the texts and the Chinese labels, so mllm can match
labels) and read by the ``simple`` analyzer, keeping one-character words.  Annif tokenizes with
NLTK's ``punkt_tab`` data, which it would download: the parameter files are written here, empty
(Punkt's defaults, no learnt abbreviations), so nothing is downloaded.  The ensemble averages the
three backends with equal weights.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sixfold.subjects import Vocabulary
from sixfold.subjects.corpus import Example
from sixfold.subjects.vocabulary import SCHEME

BACKENDS = ("tfidf", "mllm", "omikuji", "ensemble")
ANALYZERS = {
    "en": "snowball(english)",
    "fr": "snowball(french)",
    "es": "snowball(spanish)",
    "ru": "snowball(russian)",
    "ar": "snowball(arabic)",
    "zh": "simple(token_min_length=1)",
}
LIMIT = 10
_PUNKT_FILES = ("collocations.tab", "sent_starters.txt", "abbrev_types.txt", "ortho_context.tab")


@dataclass
class AnnifRun:
    """What Annif suggested for each test document of one language, per backend."""

    ranked: dict[str, dict[str, list[tuple[str, float]]]] = field(default_factory=dict)
    train_seconds: dict[str, float] = field(default_factory=dict)
    index_seconds: dict[str, float] = field(default_factory=dict)
    segment_seconds: float = 0.0


def doc_id(ex: Example) -> str:
    return f"{ex.features.symbol}|{ex.features.lang}"


def _uri(concept_id: str) -> str:
    return f"{SCHEME}/{concept_id}"


def _segmenter(lang: str) -> Callable[[str], str]:
    """Text as Annif should read it: Chinese words separated by spaces, others unchanged."""
    if lang != "zh":
        return lambda text: text
    import jieba

    jieba.setLogLevel(60)
    return lambda text: " ".join(w for w in jieba.cut(text) if w.strip())


class Annif:
    """One working folder of Annif projects, vocabulary and corpora, driven by its CLI."""

    def __init__(self, executable: Path, workdir: Path) -> None:
        self.executable = executable
        self.workdir = workdir
        workdir.mkdir(parents=True, exist_ok=True)
        punkt = workdir / "nltk_data" / "tokenizers" / "punkt_tab" / "english"
        punkt.mkdir(parents=True, exist_ok=True)
        for name in _PUNKT_FILES:
            (punkt / name).touch()
        self.env = {
            **os.environ,
            "NLTK_DATA": str(workdir / "nltk_data"),
            "ANNIF_PROJECTS": str(workdir / "projects.cfg"),
        }

    def cli(self, *args: str) -> None:
        result = subprocess.run(
            [str(self.executable), *args],
            cwd=self.workdir,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"annif {' '.join(args[:2])} failed: {result.stderr[-2000:]}")

    def write_projects(self, langs: Iterable[str]) -> None:
        sections = []
        for lang in langs:
            for backend in BACKENDS[:-1]:
                sections.append(
                    f"[{backend}-{lang}]\nname={backend} {lang}\nlanguage={lang}\n"
                    f"backend={backend}\nanalyzer={ANALYZERS[lang]}\nvocab=unbis-{lang}\n"
                    "limit=100\n"
                )
            sources = ",".join(f"{b}-{lang}" for b in BACKENDS[:-1])
            sections.append(
                f"[ensemble-{lang}]\nname=ensemble {lang}\nlanguage={lang}\n"
                f"backend=ensemble\nsources={sources}\nvocab=unbis-{lang}\nlimit=100\n"
            )
        (self.workdir / "projects.cfg").write_text("\n".join(sections), "utf-8")

    def load_vocabulary(self, vocabulary: Vocabulary, lang: str) -> None:
        """The thesaurus's concepts (not microthesauri) with their six labels; the Chinese ones
        segmented like the texts, so mllm can find them."""
        segment = _segmenter(lang)
        path = self.workdir / f"unbis-{lang}.csv"
        langs = sorted({code for c in vocabulary.concepts.values() for code in c.labels})
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["uri", *(f"label_{code}" for code in langs)])
            for concept in vocabulary.concepts.values():
                if concept.is_microthesaurus:
                    continue
                labels = [concept.labels.get(code, "") for code in langs]
                labels = [
                    segment(t) if code == lang else t for code, t in zip(langs, labels, strict=True)
                ]
                writer.writerow([f"<{_uri(concept.id)}>", *labels])
        self.cli("load-vocab", f"unbis-{lang}", str(path), "--force")

    def write_corpus(self, name: str, examples: list[Example], texts: list[str]) -> Path:
        path = self.workdir / f"{name}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for ex, text in zip(examples, texts, strict=True):
                record = {
                    "document_id": doc_id(ex),
                    "text": text,
                    "subjects": [{"uri": _uri(c)} for c in ex.subjects],
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return path

    def read_results(self, path: Path) -> dict[str, list[tuple[str, float]]]:
        ranked = {}
        for line in path.read_text("utf-8").splitlines():
            record = json.loads(line)
            ranked[record["document_id"]] = [
                (s["uri"].rsplit("/", 1)[-1], float(s["score"])) for s in record["results"]
            ]
        return ranked


def run_annif(
    executable: Path,
    workdir: Path,
    vocabulary: Vocabulary,
    train: list[Example],
    test: list[Example],
    langs: Iterable[str],
) -> dict[str, AnnifRun]:
    """Train every backend per language on ``train`` and rank ``test``; timings per step."""
    langs = list(langs)
    annif = Annif(executable, workdir)
    annif.write_projects(langs)
    runs = {}
    for lang in langs:
        run = AnnifRun()
        segment = _segmenter(lang)
        annif.load_vocabulary(vocabulary, lang)
        train_lang = [ex for ex in train if ex.features.lang == lang]
        test_lang = [ex for ex in test if ex.features.lang == lang]
        training = annif.write_corpus(
            f"train-{lang}", train_lang, [segment(ex.text) for ex in train_lang]
        )
        started = time.perf_counter()
        test_texts = [segment(ex.text) for ex in test_lang]
        run.segment_seconds = time.perf_counter() - started  # jieba's share, for Chinese
        testing = annif.write_corpus(f"test-{lang}", test_lang, test_texts)
        for backend in BACKENDS:
            project = f"{backend}-{lang}"
            if backend != "ensemble":
                started = time.perf_counter()
                annif.cli("train", project, str(training))
                run.train_seconds[backend] = time.perf_counter() - started
            results = workdir / f"{project}.results.jsonl"
            results.unlink(missing_ok=True)
            started = time.perf_counter()
            annif.cli(
                "index",
                project,
                str(testing),
                "--limit",
                str(LIMIT),
                "-O",
                str(results),
                "--no-include-doc",
            )
            run.index_seconds[backend] = time.perf_counter() - started
            run.ranked[backend] = annif.read_results(results)
        runs[lang] = run
    return runs
