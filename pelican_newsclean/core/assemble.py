"""Assemble: what each block becomes in the published article.

The one place that turns decisions into the article's parts: dropped blocks
go, the headline is printed apart (as the title), a dateline alone on its
line is joined to the next paragraph (``join_datelines``), captions are
printed once. The library's paragraphs and the HTML body are both made from
the same :func:`layout`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .model import Decision
from .text import first_sentence


@dataclass(frozen=True)
class Printed:
    """What a kept block prints in the body: its text and its role."""

    text: str
    role: str


def layout(decisions: Sequence[Decision], join_datelines: bool = True) -> list[Printed | None]:
    """For each decision, in order: what it prints in the body, or None.

    None for a dropped block, the headline (printed apart), and a dateline
    joined to the paragraph after it. A caption does not take a dateline;
    datelines with no paragraph after them are printed as one paragraph.
    """
    out: list[Printed | None] = []
    pending: list[int] = []  # indices of datelines waiting for their paragraph
    for d in decisions:
        if not d.kept or d.role == "title":
            out.append(None)
            continue
        role = d.role or "paragraph"
        text = d.kept_text
        if role == "dateline" and join_datelines:
            pending.append(len(out))
            out.append(Printed(text, role))
            continue
        if pending and role != "caption":
            text = " ".join([*(out[i].text for i in pending), text])  # type: ignore[union-attr]
            for i in pending:
                out[i] = None
            pending.clear()
        out.append(Printed(text, role))
    if len(pending) > 1:
        first = pending[0]
        out[first] = Printed(" ".join(out[i].text for i in pending), "dateline")  # type: ignore[union-attr]
        for i in pending[1:]:
            out[i] = None
    return out


@dataclass(frozen=True)
class Article:
    """The parts of the published article."""

    title: str | None
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...]


def assemble(decisions: Sequence[Decision], join_datelines: bool = True) -> Article:
    """The title, the paragraphs and the captions, from the decisions."""
    title = next((d.kept_text for d in reversed(decisions) if d.kept and d.role == "title"), None)
    printed = [p for p in layout(decisions, join_datelines) if p is not None]
    return Article(
        title=title,
        paragraphs=tuple(p.text for p in printed if p.role != "caption"),
        captions=tuple(p.text for p in printed if p.role == "caption"),
    )


TITLE_MAX_WORDS_DEFAULT = 12
TITLE_MAX_CHARS_DEFAULT = 120


def short_title(sentence: str, max_words: int = TITLE_MAX_WORDS_DEFAULT) -> str:
    """A title made from a sentence: its first sentence, at most ``max_words`` words.

    >>> short_title("Russian forces are leaving. Officials said so.")
    'Russian forces are leaving'
    >>> short_title("one two three four five", max_words=3)
    'one two three…'
    >>> short_title("U.S. officials met Mr. Peskov in Moscow. Talks went on.")
    'U.S. officials met Mr. Peskov in Moscow'
    """
    first = first_sentence(sentence.strip()).rstrip(".!?")
    words = first.split()
    title = " ".join(words[:max_words])
    limit = TITLE_MAX_CHARS_DEFAULT
    if len(title) > limit:  # a very long word: a link, a blob of data
        title = title[:limit].rsplit(" ", 1)[0] if " " in title[:limit] else title[:limit]
        return title.rstrip(",;:") + "…"
    if len(words) > max_words:
        return title.rstrip(",;:") + "…"
    return title
