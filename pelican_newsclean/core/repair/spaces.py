"""No-break and zero-width characters: the ``whitespace`` repair."""

from __future__ import annotations

import re

# Mongolian joins a word and its suffix with a narrow no-break space: that one stays.
_NO_BREAK = re.compile("[\u00a0\u2007]|(?<![\u1800-\u18af])\u202f(?![\u1800-\u18af])")
# Thai, Lao, Myanmar and Khmer separate words with zero-width spaces: those stay, wherever one
# side of them is a letter of those scripts (before a digit or a quote too).
_SEPARATED_BY_ZWSP = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\uaa60-\uaa7f\ua9e0-\ua9ff"
_ZERO_WIDTH = re.compile(  # not ZWNJ/ZWJ: Persian, Indic and emoji need them
    f"[\u2060\ufeff\u00ad]|(?<![{_SEPARATED_BY_ZWSP}])\u200b(?![{_SEPARATED_BY_ZWSP}])"
)
_SPACE_JUNK = re.compile("[\u00a0\u202f\u2007\u200b\u2060\ufeff\u00ad]")


def normalize_spaces(text: str) -> str:
    """No-break spaces (U+00A0, U+202F but Mongolian's, U+2007) to plain spaces; zero-width
    spaces (but the word separators of Thai, Lao, Myanmar and Khmer), word
    joiners, BOMs and soft hyphens dropped; ZWNJ and ZWJ kept.

    >>> normalize_spaces("10\\u00a0km de Paris\\u202f!"), normalize_spaces("news\\u200bpa\\u00adper")
    ('10 km de Paris !', 'newspaper')
    """
    if not _SPACE_JUNK.search(text):
        return text
    return _ZERO_WIDTH.sub("", _NO_BREAK.sub(" ", text))
