"""No-break and zero-width characters: the ``whitespace`` repair."""

from __future__ import annotations

import re

_NO_BREAK = re.compile("[\u00a0\u202f\u2007]")
_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff\u00ad]")  # not ZWNJ/ZWJ: Persian, Indic and emoji need them
_SPACE_JUNK = re.compile("[\u00a0\u202f\u2007\u200b\u2060\ufeff\u00ad]")


def normalize_spaces(text: str) -> str:
    """No-break spaces (U+00A0, U+202F, U+2007) to plain spaces; zero-width
    spaces, word joiners, BOMs and soft hyphens dropped; ZWNJ and ZWJ kept.

    >>> normalize_spaces("10\\u00a0km de Paris\\u202f!"), normalize_spaces("news\\u200bpa\\u00adper")
    ('10 km de Paris !', 'newspaper')
    """
    if not _SPACE_JUNK.search(text):
        return text
    return _ZERO_WIDTH.sub("", _NO_BREAK.sub(" ", text))
