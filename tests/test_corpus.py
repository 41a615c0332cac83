"""The benchmark corpus generator: deterministic, counted, and parseable."""

from __future__ import annotations

import hashlib
from html.parser import HTMLParser
from pathlib import Path
import re

from conftest import load_benchmark_corpus
import pytest

ROOT = Path(__file__).resolve().parent.parent


corpus = load_benchmark_corpus()


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _txt_header(text: str) -> dict[str, str]:
    head, sep, _ = text.partition("\n\n")
    assert sep, "no blank line after the metadata header"
    fields = {}
    for line in head.split("\n"):
        key, colon, value = line.partition(": ")
        assert colon and re.fullmatch(r"[A-Za-z_]+", key), f"not a metadata line: {line!r}"
        fields[key] = value
    return fields


class _HeadParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.meta: dict[str, str] = {}
        self.paragraphs = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "meta":
            self.meta[attrs["name"]] = attrs["content"]
        elif tag == "p":
            self.paragraphs += 1

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


@pytest.mark.parametrize("fmt", corpus.FORMATS)
def test_same_seed_gives_a_byte_identical_corpus(tmp_path, fmt):
    a = corpus.write_corpus(tmp_path / "a", 60, seed=7, fmt=fmt)
    b = corpus.write_corpus(tmp_path / "b", 60, seed=7, fmt=fmt)
    assert len(a) == len(b) == 60
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")


def test_another_seed_gives_another_corpus(tmp_path):
    corpus.write_corpus(tmp_path / "a", 30, seed=1)
    corpus.write_corpus(tmp_path / "b", 30, seed=2)
    assert _digest(tmp_path / "a") != _digest(tmp_path / "b")


def test_a_small_corpus_is_the_start_of_a_larger_one():
    small = [a.body for a in corpus.make_articles(20, seed=3)]
    large = [a.body for a in corpus.make_articles(50, seed=3)]
    assert large[:20] == small


def test_the_command_writes_n_files(tmp_path):
    assert corpus.main([str(tmp_path / "out"), "-n", "25", "--seed", "4"]) == 0
    files = sorted((tmp_path / "out").iterdir())
    assert len(files) == 25 and all(p.suffix == ".txt" for p in files)


def test_txt_articles_have_a_pelican_header_and_unique_titles(tmp_path):
    paths = corpus.write_corpus(tmp_path, 200, seed=5)
    titles = set()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        fields = _txt_header(text)
        assert set(fields) <= {"Title", "Date", "Source", "Source_URL"}
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", fields["Date"])
        assert ("Source_URL" in fields) == ("Source" in fields)
        titles.add(fields["Title"])
        assert text.partition("\n\n")[2].strip(), "empty body"
    assert len(titles) == len(paths)


def test_the_corpus_mixes_the_kinds_of_article():
    kinds = [set(a.kinds) for a in corpus.make_articles(300, seed=1)]
    assert any("clean" in k for k in kinds)
    assert any("mojibake" in k for k in kinds)
    assert any("legacy-header" in k for k in kinds)
    bodies = [a.body for a in corpus.make_articles(300, seed=1)]
    assert any("â€" in b for b in bodies)  # UTF-8 read as cp1252
    assert len(set(bodies)) > 250


def test_html_articles_parse_and_hold_the_clean_paragraphs(tmp_path):
    articles = list(corpus.make_articles(40, seed=6))
    paths = corpus.write_corpus(tmp_path, 40, seed=6, fmt="html")
    for article, path in zip(articles, paths, strict=False):
        parser = _HeadParser()
        parser.feed(path.read_text(encoding="utf-8"))
        assert parser.title == article.title
        assert parser.meta["date"] == article.date
        assert parser.paragraphs == len(article.paragraphs) > 0


def test_mojibake_is_utf8_read_as_cp1252():
    assert corpus.mojibake("Moscow’s café") == "Moscowâ€™s cafÃ©"
