"""Text patterns shared by several stages: the one home of each.

What a word is, what ends a sentence, how white space is folded. Each is
compiled once here; a stage that needs one imports it.
"""

from __future__ import annotations

import re

WORD = re.compile(r"\w+")
"""A word, as every count of words and every feature sees it."""

SENTENCE_END = re.compile(r"[.!。！]\s*[\"'”’»)]?$")
"""A block that ends like a finished sentence (a headline does not)."""

ENDS_CLAUSE = re.compile(r"[.!?。！？…:;：][\"'”’»)\]]*\s*$")
"""A block that ends like a sentence, or announces what follows (a colon)."""

SENTENCE_ENDS = re.compile(r"(?<![.!?。！？…])[.!?。！？…]++[\"'”’»)\]]*+(?:\s|$)")
"""Each sentence end inside a block (possessive: a run of 100,000 dots costs one pass)."""

SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s")
"""Where one sentence ends and the next begins (to take a text's first sentence)."""

SENTENCE_STOPS = (".", "!", "?", "。", "！", "？")
"""Characters a finished sentence ends with."""

_ASCII_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def collapse_space(text: str) -> str:
    """Runs of ASCII white space as one space, trimmed (no-break spaces are kept).

    >>> collapse_space("  a\\t b\\n")
    'a b'
    """
    return _ASCII_SPACE.sub(" ", text).strip(" ")
