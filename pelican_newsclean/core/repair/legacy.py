"""Legacy encodings read by a mixed decoder: the ``legacy-encoding`` repair.

GBK, Big5, Shift-JIS, EUC-KR or cp1251 text read by a *mixed* decoder (UTF-8
where the bytes were valid UTF-8, Latin-1/cp1252 elsewhere) shows as runs of
Latin-1 letters and symbols. Each suspect word is read back to bytes and
decoded from each candidate encoding; the candidate that gives the most
everyday characters of its language wins, if it wins clearly. It runs on the
original line, as ftfy's partial UTF-8 fixes scramble such lines.
"""

from __future__ import annotations

from functools import lru_cache
import re
import unicodedata

import ftfy
from ftfy.badness import is_bad

from pelican_newsclean.core.read.decode import alphabet_fit
from pelican_newsclean.core.scripts import letter_script

from .mojibake import FTFY_CONFIG, looks_bad

LATIN_FIT_DEFAULT = 0.9
"""Text whose letters fit one Latin language's alphabet this well is read as that language, not as cp1251."""

# A byte 0x80-0xFF read as Latin-1 or cp1252 shows as one of _HIGH; two in a
# row are the signature of a legacy encoding read that way.
_CP1252 = {ch: b for b in range(0x80, 0xA0) if (ch := bytes([b]).decode("cp1252", "ignore"))}
_HIGH = "\x80-\xff" + "".join(_CP1252)
SIGNATURE = re.compile(f"[{_HIGH}]{{2}}")
_HAS_HIGH = re.compile(f"[{_HIGH}]")
_UTF8_2BYTE = re.compile(f"[^\x00-\xff{''.join(_CP1252)}\u0800-\U0010ffff]")  # what 2-byte UTF-8 makes
_TOKENS = re.compile(r"([ \t\r\f\v]+)")  # ASCII only: a NBSP or NEL may be a byte 0xA0 or 0x85
_LONE_LOWER = re.compile(r"(?<![A-Za-z])[a-z](?![A-Za-z])")
_SANDWICH = re.compile(r"[A-Za-z](?:(?![A-Za-z])[^\W\d_]){1,2}[A-Za-z]")  # "Gr" + Han + "e"
_RU_WORD = re.compile(r"[^\w\s]*\w+(?:[-'’]\w+)*[^\w\s]*")
_NEUTRAL = "°±×÷№℃‰€¥￥○●◎◇◆□■△▲▽▼☆★※→←↑↓"  # symbols at home in CJK or Russian text

# Candidates in order of preference on a tie: (codec, language, scripts it writes).
_CANDIDATES = (
    *((codec, "zh", {"Han"}) for codec in ("gbk", "gb18030", "big5")),
    ("euc_kr", "ko", {"Hangul", "Han"}),
    ("cp932", "ja", {"Han", "Kana"}),
    ("cp1251", "ru", {"Cyrillic"}),
)
_KANA = "".join(map(chr, [*range(0x3041, 0x3097), *range(0x30A1, 0x30FB), 0x30FC]))
_HAN = (  # the commonest Chinese characters, simplified and traditional
    "的一是不了在人有我他这這个個们們中来來上大为為和国國地到以说說时時要就出会會可也你对對生能而子那得"
    "于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經去法学學如都同现現当當没沒动動面起看"
    "定天分还還进進好小部其些主样樣理心她本前开開但因只从從想实實日军軍者意无無力它与與长長把机機十民第"
    "公此已工使情明性知全三又关關点點正业業外将將两兩高间間由问問很最重并物手应應战戰向头頭文体體政美相"
    "见見被利什二等产產或新己制身果加西月话話合回特代内信表化老给給世位次度门門任常先海通教儿兒原东東声"
)
_COMMON = {  # a language's commonest characters: the decoding with more of them wins
    "zh": frozenset(_HAN),
    "ja": frozenset(_KANA + _HAN),
    "ko": frozenset(
        "이다는의에하고을가지서기한로사대도리으자인어국시들일있정라수를부해전상스아보구나제주장거것과동게무내"
        "만성소적요경면화조위원우여비신세생중마발관연학공오업분방때물개문미실행회러단되금계통명안터저월현그날"
        "말었습니까며년와했않던진치민결당합출체선은았겠였영용예음받감강외교법후입데초"
    ),
    "ru": frozenset("оеаинтсрвлкмдпуяыОЕАИНТСРВЛКМДПУЯЫ"),
}


def _readings(ch: str) -> tuple[bytes, ...]:
    """The bytes a mixed decoder may have read as ``ch``: one byte if ``ch``
    is Latin-1 or cp1252, else its UTF-8; and for a one-byte char also its
    UTF-8, in case it came from a valid 2-byte sequence (C3 BD as "ý").
    """
    if ch < "\x80":
        return (ch.encode(),)
    one = bytes([ord(ch)]) if ch < "\u0100" else bytes([_CP1252[ch]]) if ch in _CP1252 else b""
    utf8 = ch.encode("utf-8", "surrogatepass")
    return (one, utf8) if one else (utf8,)


@lru_cache(maxsize=65536)
def _char(codec: str, raw: bytes) -> str | None:
    """``raw`` (one or two bytes) strictly decoded as one character, or None."""
    try:
        ch = raw.decode(codec)
    except UnicodeDecodeError:
        return None
    return ch if len(ch) == 1 else None


@lru_cache(maxsize=65536)
def _core(ch: str, codec: str) -> bool:
    """Whether ``ch`` is an everyday character of ``codec`` (its level-1 set)."""
    if codec == "euc_kr":
        return "\uac00" <= ch <= "\ud7a3"
    if codec == "cp1251":  # the Russian alphabet; і, ў, ђ... are rarer
        return "\u0410" <= ch <= "\u044f" or ch in "Ёё"
    if codec in ("gbk", "gb18030"):  # GB2312 level 1, or Big5's for traditional text
        return 0xB0 <= (ch.encode("gb2312", "ignore") or b"\0")[0] <= 0xD7 or _core(ch, "big5")
    lead = (ch.encode(codec, "ignore") or b"\0")[0]
    return 0xA4 <= lead <= 0xC6 if codec == "big5" else ch in _KANA or 0x88 <= lead <= 0x98


def _cost(ch: str, codec: str, lang: str) -> int:
    """How unlikely ``ch`` is in ``lang`` text: below 0 for its commonest."""
    if ch in _COMMON[lang]:
        return -2
    if ch.isalpha():
        return 0 if _core(ch, codec) else 3
    return 0 if ch < "\x80" or unicodedata.category(ch)[0] in "PZ" else 1


def _decode_token(token: str, codec: str, lang: str, mixed: bool) -> str | None:
    """Undo the mixed decoder on ``token``, then decode it from ``codec``.

    If the decoder also read 2-byte UTF-8 (``mixed``), "µ" may be byte B5 or
    C2 B5, and a wrong guess can still decode, shifted, into valid text. A
    small Viterbi search over the decoder state (lead byte pending, last raw
    byte) keeps the reading of the most everyday characters (:func:`_cost`);
    two raw bytes forming UTF-8 are impossible (it would have decoded them).
    """
    states = {(-1, -1): (0, "")}  # (pending lead byte, last raw byte) -> (cost, text)
    for ch in token:
        after: dict[tuple[int, int], tuple[int, str]] = {}
        for (pending, last), (cost, text) in states.items():
            for flip, raw in enumerate(_readings(ch)[: 2 if mixed else 1]):
                if mixed and len(raw) == 1 and 0xC2 <= last <= 0xDF and 0x80 <= raw[0] <= 0xBF:
                    continue
                lead, out, total = pending, text, cost + 3 * flip
                for byte in raw:
                    if lead >= 0:
                        got, lead = _char(codec, bytes((lead, byte))), -1
                    elif byte < 0x80:
                        got = chr(byte)
                    elif (got := _char(codec, bytes((byte,)))) is None:
                        lead, got = byte, ""
                    if got is None:
                        break
                    out += got
                    total += _cost(got, codec, lang) if got else 0
                else:
                    key = (lead, raw[0] if len(raw) == 1 else -1)
                    if key not in after or total < after[key][0]:
                        after[key] = (total, out)
        states = after
    return min((found for (lead, _), found in states.items() if lead < 0), default=(0, None))[1]


def _plausible(word: str, lang: str, scripts: set[str]) -> bool:
    """Whether ``word``, decoded, could be a word of ``lang``."""
    for ch in word:
        if ch.isalpha():
            if ch > "\x7f" and (letter_script(ch) not in scripts or "\uff61" <= ch <= "\uff9f"):
                return False  # another script, or halfwidth kana (GBK read as Shift-JIS)
        elif (
            ch > "\x7f"
            and ch not in _NEUTRAL
            and not ("\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff60")
            and unicodedata.category(ch)[0] != "P"
        ):
            return False  # a control, a private-use char, a box-drawing piece...
    if lang != "ru":  # Latin glued to CJK is a word ("iPhone手机", "A股"), not a letter
        return not _LONE_LOWER.search(word) and not _SANDWICH.search(word)
    letters = "".join(ch for ch in word if ch.isalpha())
    return (  # one script, sane case, vowels: "«Москва»", "ЦИК,", "из-за"
        _RU_WORD.fullmatch(word) is not None
        and not any(ch < "\x80" for ch in letters)
        and (letters.islower() or letters.isupper() or letters.istitle())
        and letters[:1].lower() not in "ьъы"
        and (len(letters) < 3 or letters.isupper() or any(ch in "аеёиоуыэюяіїє" for ch in letters.lower()))
    )


_MAX_TOKEN = 200  # characters in one mojibake word, at most


def fix_legacy_encoding(line: str) -> str | None:
    """``line`` decoded from the legacy encoding it was written in, or None
    unless one candidate gives clearly better text than the line.
    """
    if 5 * sum(ch > "\x7f" for ch in line) < len(line) - sum(ch.isspace() for ch in line):
        return None  # mostly ASCII: a Latin text with a few accents
    try:
        b"".join(_readings(ch)[0] for ch in line).decode("utf-8")
        return None  # UTF-8 read as Latin-1: ftfy's job  # noqa: TRY300 - the return is the try's own success
    except UnicodeDecodeError:
        pass
    mixed = _UTF8_2BYTE.search(line) is not None
    tokens = _TOKENS.split(line)
    suspects = [i for i in range(0, len(tokens), 2) if _HAS_HIGH.search(tokens[i])]
    if any(len(tokens[i]) > _MAX_TOKEN for i in suspects):
        return None  # no word is that long: not mojibake of one (and keeps the search linear)
    bad_looking = looks_bad(line)  # CJK read as Latin-1 always does, cp1251 often not
    latin = not bad_looking and alphabet_fit(line) >= LATIN_FIT_DEFAULT  # "ÅÄÖ åäö": Swedish, not Russian
    best, best_score = None, -1.0
    for codec, lang, scripts in _CANDIDATES:
        if (not bad_looking and lang != "ru") or (lang == "ru" and latin):
            continue
        fixed = list(tokens)
        for i in suspects:
            fixed[i] = _decode_token(tokens[i], codec, lang, mixed) or ""
            if not fixed[i] or not _plausible(fixed[i], lang, scripts):
                break
        else:
            letters = [ch for i in suspects for ch in fixed[i] if ch.isalpha() and ch > "\x7f"]
            core = sum(_core(ch, codec) for ch in letters)
            if len(letters) < (4 if lang == "ru" else 2) or core < 0.8 * len(letters):
                continue
            score = sum(ch in _COMMON[lang] for ch in letters) / len(letters)
            if score > best_score and not is_bad(text := "".join(fixed)):
                best, best_score = text, score
    if best is None:
        return None
    utf8 = ftfy.fix_encoding(line, FTFY_CONFIG)  # if ftfy reads it cleanly as UTF-8, it's UTF-8
    return None if utf8 != line and not is_bad(utf8) and not SIGNATURE.search(utf8) else best
