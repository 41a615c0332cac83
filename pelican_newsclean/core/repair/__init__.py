"""Repair the characters of scraped text, line by line, and say what changed.

Three repairs, in this order (:data:`REPAIRS`), each reported as a
:class:`~pelican_newsclean.core.model.Repair` of its kind:

- ``legacy-encoding`` (:mod:`.legacy`, on :mod:`.chains`): text in one
  encoding shown as another (GBK, Big5, EUC-KR, Shift-JIS, cp1251... read as
  Latin-1, UTF-8 shown through cp1251 or Mac Roman, two layers of it), found
  per damaged segment and ranked by a character language model (:mod:`.charlm`);
- ``ftfy`` (:mod:`.mojibake`): UTF-8 mojibake, entities, control characters, NFC;
- ``whitespace`` (:mod:`.spaces`): no-break spaces to spaces, zero-width junk dropped.

Most lines are clean: an ASCII line costs two C-speed scans, and ftfy runs
only where its badness check (or an entity, a control char, non-NFC text) asks.
"""

from __future__ import annotations

from collections.abc import Callable
import re

from pelican_newsclean.core.model import Repair

from .legacy import explain_legacy_encoding, fix_legacy_encoding, signed
from .mojibake import FTFY_CONFIG, fix_mojibake, looks_bad
from .spaces import normalize_spaces

__all__ = [
    "FTFY_CONFIG",
    "REPAIRS",
    "explain_line",
    "fix_legacy_encoding",
    "fix_mojibake",
    "looks_bad",
    "normalize_spaces",
    "repair_line",
    "repair_text",
]

_ASCII_SUSPECT = re.compile(r"[&\x00-\x08\x0b\x0e-\x1f\x7f]|\$[B@]")  # an entity, a control, ISO-2022-JP

MAX_ROUNDS_DEFAULT = 3
"""Rounds of repair at most: one fix can uncover another (a no-break space hid mojibake)."""


def _legacy_if_signed(text: str) -> str | None:
    """The legacy-encoding repair, tried only on text with a signature of damage (:func:`.chains.signed`)."""
    return fix_legacy_encoding(text) if signed(text) else None


REPAIRS: tuple[tuple[str, Callable[[str], str | None]], ...] = (
    ("legacy-encoding", _legacy_if_signed),
    ("ftfy", fix_mojibake),
    ("whitespace", normalize_spaces),
)
"""The repairs in the order they run: (kind reported, fix returning the new text or None)."""


def _span(before: str, after: str) -> tuple[str, str]:
    """The changed part of a line, widened to whole whitespace-delimited tokens."""
    limit = min(len(before), len(after))
    start = next((i for i in range(limit) if before[i] != after[i]), limit)
    end = next((i for i in range(limit - start) if before[-1 - i] != after[-1 - i]), limit - start)
    while start and not before[start - 1].isspace():
        start -= 1
    while end and not before[-end].isspace():
        end -= 1
    return before[start : len(before) - end], after[start : len(after) - end]


def repair_line(text: str, line: int | None = None) -> tuple[str, tuple[Repair, ...]]:
    """Repair one line (or block) of text; return it and the repairs made.

    >>> repair_line("Plain ASCII stays as it is.")
    ('Plain ASCII stays as it is.', ())
    >>> repair_line("Â鶹´«Ã½", line=1)
    ('麻豆传媒', (Repair(before='Â鶹´«Ã½', after='麻豆传媒', kind='legacy-encoding', line=1),))
    >>> repair_line("Ecuadorâ€™s “purely political” decision")[0]
    'Ecuador’s “purely political” decision'
    """
    if text.isascii() and not _ASCII_SUSPECT.search(text):
        return text, ()
    repairs: list[Repair] = []
    for _ in range(MAX_ROUNDS_DEFAULT):  # one fix can uncover another (a no-break space hid mojibake)
        changed = False
        for kind, fix in REPAIRS:
            fixed = fix(text)
            if fixed is not None and fixed != text:
                before, after = _span(text, fixed)
                repairs.append(Repair(before=before, after=after, kind=kind, line=line))
                text, changed = fixed, True
        if not changed or text.isascii():
            break
    return text, tuple(repairs)


def explain_line(text: str) -> list[tuple[str, str, str, str]]:
    """How :func:`repair_line` repairs ``text``: (kind, before, after, how) per repair, where
    ``how`` names the chain of damage undone by a ``legacy-encoding`` repair, outermost first
    (and is the kind itself for the others).

    >>> for step in explain_line("Ïðèâåò, ìèð! CafÃ©"):
    ...     print(step)
    ('legacy-encoding', 'Ïðèâåò, ìèð!', 'Привет, мир!', 'cp1251 shown as sloppy-cp1252')
    ('ftfy', 'CafÃ©', 'Café', 'ftfy')
    """
    steps: list[tuple[str, str, str, str]] = []
    current = text
    for repair in repair_line(text)[1]:
        if repair.kind == "legacy-encoding":
            steps += [("legacy-encoding", *found) for found in explain_legacy_encoding(current)]
        else:
            steps.append((repair.kind, repair.before, repair.after, repair.kind))
        current = current.replace(repair.before, repair.after, 1)
    return steps


def repair_text(text: str) -> tuple[str, tuple[Repair, ...]]:
    """Repair each line of ``text`` (split on "\\n", numbered from 1).

    >>> fixed, repairs = repair_text("ok\\nDon&#8217;t\\u00a0panic")
    >>> fixed, [(r.kind, r.line, r.after) for r in repairs]
    ('ok\\nDon’t panic', [('ftfy', 2, 'Don’t'), ('whitespace', 2, 'Don’t panic')])
    """
    lines: list[str] = []
    repairs: list[Repair] = []
    for number, original in enumerate(text.split("\n"), start=1):
        fixed, done = repair_line(original, number)
        lines.append(fixed)
        repairs.extend(done)
    return "\n".join(lines), tuple(repairs)
