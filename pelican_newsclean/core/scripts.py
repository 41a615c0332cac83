"""Letters and the scripts they belong to: the one home of script tables.

Which script a letter is written in (from its Unicode name), the script most
of a text is written in, and which scripts make one writing system (Japanese
mixes Han and kana, Korean Hangul and hanja). Used by the decoder, the repair
and the classifier alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Set
from functools import lru_cache
import re
import unicodedata

from pelican_newsclean.core.text import non_ascii

CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""A character class body: kana and the CJK ideograph blocks (for ``re``)."""

HIRAGANA_CHARS = "\u3040-\u309f"
"""A character class body: hiragana, Japanese's function morphemes."""

CJK = re.compile(f"[{CJK_CHARS}]")
HIRAGANA = re.compile(f"[{HIRAGANA_CHARS}]")

EAST_ASIAN = frozenset({"Han", "Kana", "Hangul"})
"""Scripts of Chinese, Japanese and Korean text."""

WRITINGS_WITH_HAN = frozenset({"Japanese", "Hangul"})
"""Writing systems (as :func:`dominant_script` names them) that include Han characters."""

_SCRIPT_NAME = re.compile(r"(\w+) (?:.* )?(?:LETTER|LIGATURE|SYLLABLE|SYLLABICS|CHARACTER)\b")
_NOT_ASCII_LETTERS = re.compile(r"[^A-Za-z]+")


@lru_cache(maxsize=8192)
def letter_script(ch: str) -> str | None:
    """The script of a letter, from its Unicode name: "Latin", "Han", "Kana"...
    (None for a character of no script, such as a modifier letter).

    >>> letter_script("é"), letter_script("ж"), letter_script("の"), letter_script("1")
    ('Latin', 'Cyrillic', 'Kana', None)
    """
    name = unicodedata.name(ch, "").replace("FULLWIDTH ", "").replace("HALFWIDTH ", "")
    if name.startswith(("CJK", "IDEOGRAPHIC")):
        return "Han"
    if name.startswith(("HIRAGANA", "KATAKANA")):
        return "Kana"
    found = _SCRIPT_NAME.match(name)  # not "MICRO SIGN", "FEMININE ORDINAL INDICATOR"
    return found[1].title() if found and found[1] != "MODIFIER" else None


def dominant_script(text: str) -> str | None:
    """The script of most letters in ``text`` ("Latin", "Cyrillic", "Han"...),
    or None without letters. Kana with Han counts as "Japanese"; Hangul with
    Han (Hanja) as "Hangul".

    >>> dominant_script("Größe matters"), dominant_script("Ελληνικά"), dominant_script("2024!")
    ('Latin', 'Greek', None)
    >>> dominant_script("日本語のニュース（東京）"), dominant_script("中文新闻"), dominant_script("美 대선")
    ('Japanese', 'Han', 'Hangul')
    """
    counts: Counter[str] = Counter()
    counts["Latin"] = len(_NOT_ASCII_LETTERS.sub("", text))  # ASCII letters, counted in C
    counts.update(script for ch in non_ascii(text) if ch.isalpha() and (script := letter_script(ch)))
    if not counts["Latin"]:
        del counts["Latin"]
    if counts["Kana"]:
        counts["Japanese"] = counts.pop("Kana") + counts.pop("Han", 0)
    elif counts["Hangul"]:
        counts["Hangul"] += counts.pop("Han", 0)
    script, n = max(counts.items(), key=lambda item: item[1], default=(None, 0))
    return script if n else None


def one_writing_system(scripts: Set[str]) -> bool:
    """Whether these scripts of letters (as :func:`letter_script` names them) make one writing
    system: one script, or Japanese's Han and kana, or Korean's Hangul and hanja.

    >>> one_writing_system({"Han", "Kana"}), one_writing_system({"Latin", "Cyrillic"})
    (True, False)
    """
    return len(scripts) <= 1 or scripts in ({"Han", "Kana"}, {"Hangul", "Han"})


def same_writing(script: str, other: str) -> bool:
    """Whether two scripts (as :func:`dominant_script` names them) are one writing system.

    >>> same_writing("Han", "Japanese"), same_writing("Han", "Latin")
    (True, False)
    """
    if script == other:
        return True
    pair = {script, other}
    return "Han" in pair and bool(pair & WRITINGS_WITH_HAN)
