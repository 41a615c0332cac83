"""The five seed articles come out exactly as tests/data/seeds-expected.json says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pelican_newsclean import clean_bytes
from pelican_newsclean.cli import main as newsclean

DATA = Path(__file__).parent / "data"
EXPECTED = {
    name: case
    for name, case in json.loads((DATA / "seeds-expected.json").read_text(encoding="utf-8")).items()
    if not name.startswith("_")
}


@pytest.fixture(params=sorted(EXPECTED), ids=lambda name: name[:3])
def seed(request):
    name = request.param
    return name, EXPECTED[name], clean_bytes((DATA / "seeds" / name).read_bytes())


def test_title_publisher_paragraphs_and_captions_are_exact(seed):
    _, expected, result = seed
    assert result.title == expected["title"]
    assert result.publisher == expected["publisher"]
    assert list(result.paragraphs) == expected["paragraphs"]
    assert list(result.captions) == expected["captions"]


def test_exactly_the_listed_lines_are_removed(seed):
    _, expected, result = seed
    removed = {r.line for r in result.removed}
    assert set(expected["removed_lines"]) <= removed
    assert removed - set(expected["removed_lines"]) <= set(expected["partially_kept_lines"])


def test_every_removal_has_a_reason(seed):
    _, _, result = seed
    assert all(r.reason and r.rule for r in result.removed)


def test_glued_fragments_are_cut_and_recorded(seed):
    _, expected, result = seed
    cut = {r.text for r in result.removed}
    for fragment in expected.get("removed_fragments", []):
        assert fragment in cut
        assert not any(fragment in p for p in result.paragraphs)


def test_repairs_are_reported(seed):
    _, expected, result = seed
    for before, after in expected.get("repaired", {}).items():
        assert any(r.before == before and r.after == after for r in result.repairs)


def test_command_json_matches_expected(capsys):
    """`newsclean clean --json` on every seed: one line each, with exactly the documented keys."""
    paths = [str(DATA / "seeds" / name) for name in sorted(EXPECTED)]
    assert newsclean(["clean", "--json", *paths]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(paths)
    for name, line in zip(sorted(EXPECTED), lines, strict=False):
        got = json.loads(line)
        assert set(got) == {"path", "title", "publisher", "wire", "paragraphs", "captions", "removed", "repairs"}
        expected = EXPECTED[name]
        assert got["paragraphs"] == expected["paragraphs"]
        assert got["title"] == expected["title"]
        assert all(set(r) == {"line", "text", "reason", "rule"} for r in got["removed"])
        assert all(set(r) == {"before", "after"} for r in got["repairs"])
