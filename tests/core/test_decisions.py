"""Decisions written as data (``tests/data/decisions/*.json``): a document as
its blocks, and the decision expected for each (see that folder's README).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pelican_newsclean.core.config import Config
from pelican_newsclean.core.pipeline import clean_blocks

DATA = Path(__file__).parent.parent / "data" / "decisions"


def _cases() -> list[pytest.param]:
    cases = []
    for path in sorted(DATA.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
            cases.append(pytest.param(case, id=f"{path.stem}: {case['name']}", marks=marks))
    return cases


def _verdict(kept: bool, role: str | None, reason: str | None, expected: str) -> bool:
    if expected == "*":
        return True
    if expected == "keep":
        return kept
    if expected in ("title", "caption", "paragraph"):
        return kept and role == expected
    if expected == "drop":
        return not kept
    return not kept and reason == expected


@pytest.mark.parametrize("case", _cases())
def test_decisions(case):
    config = Config(**case.get("config", {}))
    texts = [text for text, _ in case["blocks"]]
    result = clean_blocks(texts, config)
    assert len(result.decisions) == len(texts)
    wrong = [
        f"{text[:60]!r}: expected {expected}, got {'keep' if d.kept else d.reason} ({d.rule})"
        for (text, expected), d in zip(case["blocks"], result.decisions, strict=True)
        if not _verdict(d.kept, d.role, d.reason, expected)
    ]
    assert not wrong, "\n".join(wrong)
