"""The values that flow through the cleaner: blocks, decisions, repairs, results.

Everything here is an immutable dataclass, so a :class:`CleanResult` can be
cached, compared, pickled and sent across processes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Repair:
    """One change made to the text so that it reads as the author wrote it.

    ``kind`` names the repair: ``decode`` (the file's bytes were not UTF-8),
    ``ftfy`` (mojibake, entities, control characters fixed by ftfy),
    ``legacy-encoding`` (a legacy encoding read by a mixed decoder), or
    ``whitespace`` (no-break or zero-width characters normalised).
    """

    before: str
    after: str
    kind: str
    line: int | None = None


@dataclass(frozen=True)
class Block:
    """One unit of text with its origin: the 1-based number of its line in a
    text file, or of its block element in an HTML body.
    """

    line: int
    text: str


@dataclass(frozen=True)
class Decision:
    """What the classifier made of one block.

    A kept block has a ``role`` (``title``, ``paragraph``, ``caption``,
    ``dateline``); a dropped one has a ``reason`` from the documented
    vocabulary. ``rule`` names the rule or publisher profile that decided, and
    ``text`` is what is kept of the block (a glued nag cut off, a doubled
    caption printed once).
    """

    block: Block
    role: str | None = None
    reason: str | None = None
    rule: str = ""
    text: str | None = None

    @property
    def kept(self) -> bool:
        """Whether the block is kept (it has no reason to go)."""
        return self.reason is None

    @property
    def kept_text(self) -> str:
        """The text the block contributes when kept: its changed text, or the block's."""
        return self.text if self.text is not None else self.block.text


@dataclass(frozen=True)
class Removal:
    """Text taken out of the article, with the reason and the rule that fired."""

    line: int
    text: str
    reason: str
    rule: str = ""

    def as_dict(self) -> dict[str, Any]:
        """As JSON for the report."""
        return {"line": self.line, "text": self.text, "reason": self.reason, "rule": self.rule}


@dataclass(frozen=True)
class CleanResult:
    """The cleaned article and the record of every decision that made it."""

    title: str | None
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...] = ()
    publisher: str | None = None
    publisher_url: str | None = None
    wire: str | None = None
    source_url: str | None = None
    date: str | None = None
    removed: tuple[Removal, ...] = ()
    repairs: tuple[Repair, ...] = ()
    decisions: tuple[Decision, ...] = field(default=(), compare=False, repr=False)
    profile: str | None = None
    """The id of the publisher profile whose rules the text matched, if any."""
    link: str | None = None
    """The address to credit: ``source_url`` or the publisher's home, only ever http(s)."""
    publisher_from: str | None = None
    """How the publisher was found (see :class:`~.attribute.Attribution`)."""
    byline: str | None = None
    """The author's name in a removed byline, if any."""
    found_date: str | None = None
    """The date in a removed timestamp or byline line, if any (ISO)."""

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the shape ``newsclean clean --json`` prints)."""
        return {
            "title": self.title,
            "publisher": self.publisher,
            "wire": self.wire,
            "paragraphs": list(self.paragraphs),
            "captions": list(self.captions),
            "removed": [{"line": r.line, "text": r.text, "reason": r.reason, "rule": r.rule} for r in self.removed],
            "repairs": [{"before": r.before, "after": r.after} for r in self.repairs],
        }
