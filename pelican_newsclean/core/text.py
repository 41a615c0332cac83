"""Text patterns shared by several stages: the one home of each.

What a word is, what ends a sentence, how white space is folded. Each is
compiled once here; a stage that needs one imports it.
"""

from __future__ import annotations

import re

from pelican_newsclean.data import load_toml

WORD = re.compile(r"\w+")
"""A word, as every count of words and every feature sees it."""

SENTENCE_END = re.compile(r"[.!。！]\s*[\"'”’»)]?$")
"""A block that ends like a finished sentence (a headline does not)."""

ENDS_CLAUSE = re.compile(r"[.!?。！？…:;：][\"'”’»)\]]*\s*$")
"""A block that ends like a sentence, or announces what follows (a colon)."""

SENTENCE_ENDS = re.compile(r"[.!?。！？…](?<![.!?。！？…][.!?。！？…])[.!?。！？…]*+[\"'”’»)\]]*+(?:\s|$)")
"""Each sentence end inside a block: the first of a run of stops, the run, closing quotes, a space
or the end (possessive: a run of 100,000 dots costs one pass; opening on the stop, not on a look
behind, lets the engine skip to the next stop)."""

SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
"""Where one sentence may end and the next begin (see :func:`first_sentence`)."""

ABBREVIATIONS: frozenset[str] = frozenset(word for words in load_toml("abbreviations.toml").values() for word in words)
"""Words a full stop follows without ending a sentence (``data/abbreviations.toml``)."""

_LAST_WORD = re.compile(r"(\S+)[.!?]$")


def first_sentence(text: str) -> str:
    """The first sentence of a text: it does not end after "Mr.", "U.S." or an initial.

    >>> first_sentence("The U.S. Senate met Mr. J. Smith on Monday. He left.")
    'The U.S. Senate met Mr. J. Smith on Monday.'
    """
    for match in SENTENCE_BREAK.finditer(text):
        head, rest = text[: match.start()], text[match.end() :]
        last = _LAST_WORD.search(head)
        word = last[1].lower().strip("(\"'“‘") if last else ""
        if head.endswith(".") and (word in ABBREVIATIONS or "." in word or (len(word) == 1 and word.isalpha())):
            continue
        if rest[:1].islower():
            continue
        return head
    return text


SENTENCE_STOPS = (".", "!", "?", "。", "！", "？")
"""Characters a finished sentence ends with."""

MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
"""English month names and their abbreviations, as the body of a regex alternation (match it
case-insensitively)."""

_ASCII_RUN = re.compile(r"[\x00-\x7f]+")


def non_ascii(text: str) -> str:
    """The characters of ``text`` beyond ASCII, in order: what a per-character test needs to look
    at once the ASCII ones are counted in C.

    >>> non_ascii("Café № 5")
    'é№'
    """
    return _ASCII_RUN.sub("", text)


_ASCII_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def collapse_space(text: str) -> str:
    """Runs of ASCII white space as one space, trimmed (no-break spaces are kept).

    >>> collapse_space("  a\\t b\\n")
    'a b'
    """
    return _ASCII_SPACE.sub(" ", text).strip(" ")
