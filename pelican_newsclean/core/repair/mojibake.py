"""UTF-8 mojibake, entities and control characters: ftfy, called only when needed.

ftfy's defaults are kept, minus what alters correct text or layout; its
badness check is run only around the characters every sequence it looks for
holds one of (:data:`TRIGGERS`), and on a shortened text when there are many.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
import re
import unicodedata

import ftfy
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES, is_bad
from ftfy.chardata import CONTROL_CHARS

#: ftfy's defaults, minus what alters correct text or layout: curly quotes,
#: fullwidth CJK punctuation, ligatures (ﬁ, but also Dutch ĳ, Serbian ǌ) and
#: line breaks (one line in, one line out).
FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    fix_line_breaks=False,
    explain=False,
    normalization=None,  # NFC is applied after, leaving what it would replace alone (see nfc)
)


@lru_cache(maxsize=4096)
def _replaced_alone(ch: str) -> bool:
    """Whether NFC replaces ``ch`` even on its own: a singleton (a CJK compatibility ideograph,
    the Ångström sign) or a composition exclusion (Bengali য়, Devanagari क़, Hebrew שׁ).
    """
    return unicodedata.normalize("NFC", ch) != ch


def nfc(text: str) -> str:
    """NFC, but characters NFC would replace on their own stay: it would map Korean hanja
    (CJK compatibility ideographs) onto other characters, and split Bengali য় and Devanagari
    क़ into letter and nukta, changing correct text of those languages.

    >>> nfc("e\u0301 \uf900 \u09df") == "\u00e9 \uf900 \u09df"
    True
    """
    if unicodedata.is_normalized("NFC", text):
        return text
    parts, start = [], 0
    for i, ch in enumerate(text):
        if ch >= "\u0340" and _replaced_alone(ch):
            parts += [unicodedata.normalize("NFC", text[start:i]), ch]
            start = i + 1
    parts.append(unicodedata.normalize("NFC", text[start:]))
    return "".join(parts)


def _class_of(codes: Iterable[int]) -> str:
    return "".join(re.escape(chr(code)) for code in sorted(codes))


# What ftfy's fixers other than its encoding fix act on, besides entities: C1 and other control
# characters (terminal escapes among them, ftfy's own table of them), surrogates.
_C1_AND_SURROGATES = "\x80-\x9f\ud800-\udfff"
_OTHER_FIXES = _C1_AND_SURROGATES + _class_of(CONTROL_CHARS)
# An entity, or what ftfy removes: ftfy is asked then (the zero-width no-break space aside, which
# the whitespace repair drops and reports).
_FTFY_SUSPECT = re.compile(f"&#?[0-9A-Za-z]{{1,24}};|[{_C1_AND_SURROGATES}{_class_of(set(CONTROL_CHARS) - {0xFEFF})}]")
INERT_SCRIPTS = (
    "\u0530-\u06ff\u0900-\u0eff\u1000-\u109f\u10a0-\u10ff\u1100-\u11ff\u1200-\u137f"
    "\u1780-\u17ff\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff00-\uffef"
)
"""Scripts no pattern of ftfy's badness check names (Hebrew, Arabic, Indic, Thai, Lao, Georgian,
Hangul, kana, Han, CJK and fullwidth punctuation...): like ASCII, far from other characters they
can go (a test checks that none of them is in the check's pattern)."""
_LONG_INERT = re.compile(f"[\x00-\x7f{INERT_SCRIPTS}]{{16,}}")


_TRIGGER_CATEGORIES = ("c1", "bad", "upper_accented", "box", "start_punctuation", "end_punctuation", "currency")
TRIGGERS = "".join(MOJIBAKE_CATEGORIES[name] for name in (*_TRIGGER_CATEGORIES, "numeric", "law"))
TRIGGERS += "ŒœÂÃÎÐØÙ°²³µ¹¼½¾√≈Ђ"
"""Characters of which every sequence ftfy's badness check seeks holds one: each of its
patterns has a part that can only be one of these (the second of "lower accented letter,
then upper accented", the middle of its 3-character Cyrillic and Greek patterns, the Ђ of
"вЂ"...). A Cyrillic or Greek letter, a lower-case accented one or a no-break space alone
is never enough. A test checks this against the check itself."""
_TRIGGER = re.compile(f"[{TRIGGERS}]")
_SPAN = 7  # the longest sequence the check seeks ("ГўВЂВ" and two more)
_WINDOWS_MAX = 8  # more triggers than this: one pass over the shortened text is cheaper


def looks_bad(text: str) -> bool:
    """``ftfy.badness.is_bad(text)``, faster: its pattern is tried only around each
    character of :data:`TRIGGERS` (a sequence it seeks spans at most 7 and holds
    one). With many of them, the check runs once on the text without its long runs
    of ASCII and of :data:`INERT_SCRIPTS`, which no pattern names (tests check both).
    """
    found = []
    for hit in _TRIGGER.finditer(text):
        found.append(hit.start())
        if len(found) > _WINDOWS_MAX:
            return is_bad(_LONG_INERT.sub(lambda m: m[0][:7] + "\0" + m[0][-7:], text))
    return any(BADNESS_RE.search(text, max(0, at - _SPAN), at + _SPAN + 1) for at in found)


_BESIDE_ENCODING = re.compile(f"[&{_OTHER_FIXES}]")  # an entity's "&", or what ftfy removes


@lru_cache(maxsize=256)
def ftfy_fix(text: str) -> str:
    """``ftfy.fix_text(text, FTFY_CONFIG)``, remembered for the few texts it is asked of twice:
    the repair search asks ftfy about a segment, and the line that segment is, more than once.

    On one line that holds, before and after, nothing the other fixers act on, that is
    ``ftfy.fix_encoding(text)``, at half the cost: ``fix_text`` would then change nothing
    else, and repeat the encoding fix (which stops only where it changes nothing) to find
    nothing more. A test holds the two equal.
    """
    if "\n" not in text and len(text) <= FTFY_CONFIG.max_decode_length and not _BESIDE_ENCODING.search(text):
        fixed = ftfy.fix_encoding(text)
        if not _BESIDE_ENCODING.search(fixed):
            return fixed
    return ftfy.fix_text(text, FTFY_CONFIG)


def fix_mojibake(text: str) -> str:
    """Ftfy with :data:`FTFY_CONFIG`, skipped when its cheap checks find nothing."""
    if not (_FTFY_SUSPECT.search(text) or nfc(text) != text or looks_bad(text)):
        return text
    fixed = nfc(ftfy_fix(text))
    # ftfy reads "Â " as a lost no-break space (UTF-8 C2 A0); alone, that is too
    # little evidence against the letter Â ("Â is a letter in Romanian").
    return text if fixed == text.replace("Â ", "\u00a0") else fixed
