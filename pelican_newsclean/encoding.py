"""Repair the characters of scraped text: mojibake, entities, stray spaces.

Three repairs, tried in this order on each line, each reported as a
:class:`~pelican_newsclean.model.Repair`:

``legacy-encoding``
    Text in a legacy encoding (GBK, Big5, Shift-JIS, EUC-KR, cp1251) read by a
    *mixed* decoder: UTF-8 where the bytes were valid UTF-8, Latin-1/cp1252
    elsewhere. ftfy only undoes UTF-8 mojibake, so this runs first: ftfy's
    partial UTF-8 fixes would scramble these lines further.
``ftfy``
    UTF-8 read as Latin-1/cp1252, HTML entities, control characters, NFC
    (:data:`FTFY_CONFIG`: options that would change correct text are off).
``whitespace``
    No-break spaces become spaces; zero-width junk and soft hyphens go.

Most lines are clean, so a clean line costs a few cheap checks and no ftfy.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Optional

import ftfy
from ftfy.badness import is_bad

from .model import Repair

#: ftfy's defaults, minus what would alter correct typography or layout:
#: curly quotes, fullwidth CJK punctuation, ligatures (ﬁ but also Dutch ĳ,
#: Serbian ǌ) and line breaks (one line in, one line out).
FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    fix_line_breaks=False,
    explain=False,
)

# Cheap gates. An ASCII line needs work only for an entity or a control char;
# other lines go to ftfy only if is_bad() or one of these finds something.
_ASCII_SUSPECT = re.compile(r"[&\x00-\x08\x0b\x0e-\x1f\x7f]")
_FTFY_SUSPECT = re.compile(
    r"&#?[0-9A-Za-z]{1,24};|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u206a-\u206f\ufff9-\ufffc\ud800-\udfff]"
)
_NO_BREAK = re.compile("[\u00a0\u202f\u2007]")
_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff\u00ad]")  # ZWNJ/ZWJ are letters' business: kept
_SPACE_JUNK = re.compile("[\u00a0\u202f\u2007\u200b\u2060\ufeff\u00ad]")

# Legacy mixed-decoder mojibake. A byte 0x80-0xFF read as cp1252 or Latin-1
# shows as one of these; two in a row is the signature we look for.
_CP1252_HIGH = {ch: b for b in range(0x80, 0xA0) if (ch := bytes([b]).decode("cp1252", "ignore"))}
_HIGH = "[\x80-\xff" + "".join(_CP1252_HIGH) + "]"
_SIGNATURE = re.compile(_HIGH + "{2}")
_HIGH_CHAR = re.compile(_HIGH)
_TOKENS = re.compile(r"([^\S\u00a0]+)")  # split on whitespace; a NBSP may be a 0xA0 byte
_LONE_LOWER = re.compile(r"(?<![A-Za-z])[a-z](?![A-Za-z])")
_RU_WORD = re.compile(r"[^\w\s]*\w+(?:[-'’]\w+)*[^\w\s]*")
_NEUTRAL_SYMBOLS = "°±×÷№℃‰%€¥￥"

# The encodings tried, in order of preference on a tie, with the language
# whose common characters score a decoding (see _score).
_CANDIDATES = (
    ("gbk", "zh"),
    ("gb18030", "zh"),
    ("big5", "zh"),
    ("euc_kr", "ko"),
    ("cp932", "ja"),
    ("cp1251", "ru"),
)
_SCRIPTS = {"zh": {"Han"}, "ko": {"Hangul", "Han"}, "ja": {"Han", "Kana"}, "ru": {"Cyrillic"}}
_KANA = "".join(map(chr, range(0x3041, 0x3097))) + "".join(map(chr, range(0x30A1, 0x30FB)))
_COMMON_HAN = (
    "的一是不了在人有我他这這个個们們中来來上大为為和国國地到以说說时時要就出会會可也你对對生"
    "能而子那得于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經去法学學如都同现現"
    "当當没沒动動面起看定天分还還进進好小部其些主样樣理心她本前开開但因只从從想实實日军軍者意无"
    "無力它与與长長把机機十民第公此已工使情明性知全三又关關点點正业業外将將两兩高间間由问問很最"
    "重并物手应應战戰向头頭文体體政美相见見被利什二等产產或新己制身果加西月话話合回特代内信表化"
    "老给給世位次度门門任常先海通教儿兒原东東声聲提立及比员員解水名真论論处處走义義各入几幾口认"
    "認条條平系气氣题題活更别別打女变變四神总總何电電数數安少报報才结結反受目太量再感建务務做接"
)
_COMMON = {
    "zh": frozenset(_COMMON_HAN),
    "ja": frozenset(_KANA + _COMMON_HAN),
    "ko": frozenset(
        "이다는의에하고을가지서기한로사대도리으자인어국시들일있정라수를부해전상스아보구나제주장거것과"
        "동게무내만성소적요경면화조위원우여비신세생중마발관연학공오업분방때물개문미실행회러단되금계통"
        "명안터저월현그날말었습니까며년와했않던진치민결당합출체선은았겠였영용예음받감강외교법후입데초"
    ),
    "ru": frozenset("оеаинтсрвлкмдпуяыОЕАИНТСРВЛКМДПУЯЫ"),
}


@lru_cache(maxsize=4096)
def _script(ch: str) -> Optional[str]:
    """The script of one letter, from its Unicode name ("Latin", "Han", "Kana"...)."""
    words = unicodedata.name(ch, "").split()
    if words[:1] in (["FULLWIDTH"], ["HALFWIDTH"], ["MATHEMATICAL"]):
        words = words[1:]
    if not words or words[0] in ("MODIFIER", "SMALL"):
        return None
    if words[0] in ("CJK", "IDEOGRAPHIC"):
        return "Han"
    if words[0].startswith(("HIRAGANA", "KATAKANA")):
        return "Kana"
    return words[0].title()


def dominant_script(text: str) -> Optional[str]:
    """The script of most of the letters in ``text``, or None if it has none.

    Kana with Han is Japanese; Han with Hangul is Korean, under "Hangul".

    >>> dominant_script("Breaking news: Größe matters")
    'Latin'
    >>> dominant_script("日本語のニュース（東京）"), dominant_script("中文新闻")
    ('Japanese', 'Han')
    >>> dominant_script("美 대선") is None, dominant_script("2024 -- 42!")
    (False, None)
    """
    counts: Counter[str] = Counter(_script(ch) for ch in text if ch.isalpha())
    counts.pop(None, None)  # type: ignore[call-overload]
    if counts["Kana"]:
        counts["Japanese"] = counts.pop("Kana") + counts.pop("Han", 0)
    elif counts["Hangul"]:
        counts["Hangul"] += counts.pop("Han", 0)
    best = max(counts.items(), key=lambda kv: kv[1], default=(None, 0))
    return best[0] if best[1] else None


def normalize_spaces(text: str) -> str:
    """No-break spaces to plain spaces; zero-width spaces, word joiners, BOMs
    and soft hyphens dropped. ZWNJ and ZWJ (Persian, Indic, emoji) are kept.

    >>> normalize_spaces("10\\u00a0km de Paris\\u202f!")
    '10 km de Paris !'
    >>> normalize_spaces("news\\u200bpaper, co\\u00adop\\ufeff")
    'newspaper, coop'
    """
    if not _SPACE_JUNK.search(text):
        return text
    return _ZERO_WIDTH.sub("", _NO_BREAK.sub(" ", text))


def _readings(ch: str) -> tuple[bytes, ...]:
    """The bytes a mixed decoder may have read as ``ch``, likeliest first:
    one byte for a char <= U+00FF or in cp1252's table, else its UTF-8; and
    the UTF-8 too for those one-byte chars (a valid 2-byte sequence)."""
    if ch < "\u0080":
        return (ch.encode(),)
    one = bytes([ord(ch)]) if ch < "\u0100" else bytes([_CP1252_HIGH[ch]]) if ch in _CP1252_HIGH else b""
    utf8 = ch.encode("utf-8", "surrogatepass")
    return (one, utf8) if one else (utf8,)


@lru_cache(maxsize=65536)
def _char(encoding: str, raw: bytes) -> Optional[str]:
    """``raw`` (one or two bytes) strictly decoded as one character, or None."""
    try:
        ch = raw.decode(encoding)
    except UnicodeDecodeError:
        return None
    return ch if len(ch) == 1 else None


def _decode_token(token: str, encoding: str, lang: str) -> Optional[str]:
    """Undo the mixed decoder on ``token`` and decode it from ``encoding``.

    Each char has one or two byte readings (see :func:`_readings`), and a
    wrong guess can still decode, shifted, into valid but unlikely text. So a
    small Viterbi search over the decoder state (a lead byte waiting for its
    trail, or none) keeps, per state, the reading whose characters are the
    most everyday ones (see :func:`_cost`).
    """
    states: dict[int, tuple[int, str]] = {-1: (0, "")}  # pending lead byte -> (cost, text)
    for ch in token:
        after: dict[int, tuple[int, str]] = {}
        for pending, (cost, text) in states.items():
            for extra, raw in enumerate(_readings(ch)):
                lead, out, total = pending, text, cost + 4 * extra
                for byte in raw:
                    if lead >= 0:
                        got = _char(encoding, bytes((lead, byte)))
                        lead = -1
                    elif byte < 0x80:
                        got = chr(byte)
                    else:
                        got = _char(encoding, bytes((byte,)))
                        if got is None:
                            lead, got = byte, ""
                    if got is None:
                        break
                    out += got
                    total += _cost(got, encoding, lang) if got else 0
                else:
                    if lead not in after or total < after[lead][0]:
                        after[lead] = (total, out)
        states = after
    return states[-1][1] if -1 in states else None


@lru_cache(maxsize=65536)
def _cost(ch: str, encoding: str, lang: str) -> int:
    """How unlikely ``ch`` is in text of ``lang`` written in ``encoding``:
    negative for its commonest characters, so more of them is better."""
    if ch in _COMMON[lang]:
        return -2
    if ch.isascii() or (ch.isalpha() and _core(ch, encoding)):
        return 0
    return 3 if ch.isalpha() else 1


def _plausible(token: str, lang: str) -> bool:
    """Could ``token`` be a word of ``lang`` as its encoding writes it?"""
    letters = [ch for ch in token if ch.isalpha()]
    for ch in token:
        if ch.isascii() or ch.isalpha() or "\u3000" <= ch <= "\u303f" or ch in _NEUTRAL_SYMBOLS:
            continue
        if unicodedata.category(ch)[0] != "P" and not ("\uff01" <= ch <= "\uff60"):
            return False  # a control, a private-use char, a box-drawing piece...
    if any(_script(ch) not in _SCRIPTS[lang] for ch in letters if not ch.isascii()):
        return False
    if any("\uff61" <= ch <= "\uff9f" for ch in token):
        return False  # halfwidth katakana: what GBK or Big5 bytes look like in Shift-JIS
    if lang == "ru":  # one word, one script, sane case: "«Москва»", "ЦИК,", "из-за"
        word = "".join(letters)
        return (
            _RU_WORD.fullmatch(token) is not None
            and not any(ch.isascii() for ch in word)
            and (word.islower() or word.isupper() or (word[:1].isupper() and word[1:].islower()))
        )
    # CJK: Latin glued to a decoded char must be a real word ("iPhone手机", "A股"),
    # not a leftover letter of a Latin word ("Größe" -> "Gr" + Han + "e").
    if _LONE_LOWER.search(token):
        return False
    return not re.search(r"[A-Za-z][^\x00-\x7f]+[A-Za-z]", token)


def _core(ch: str, encoding: str) -> bool:
    """Is ``ch`` among the everyday characters of ``encoding`` (its level 1)?"""
    if encoding in ("gbk", "gb18030"):
        return 0xB0 <= (ch.encode("gb2312", "ignore") or b"\0")[0] <= 0xD7
    if encoding == "euc_kr":
        return "\uac00" <= ch <= "\ud7a3"
    if encoding == "cp1251":  # the Russian alphabet; і, ў, ђ... are rarer
        return "\u0410" <= ch <= "\u044f" or ch in "Ёё"
    raw = ch.encode(encoding, "ignore") or b"\0"
    if encoding == "big5":
        return 0xA4 <= raw[0] <= 0xC6
    return ch in _KANA or 0x88 <= raw[0] <= 0x98  # cp932: kana, JIS level 1 kanji


def _legacy_fix(line: str) -> Optional[str]:
    """The line decoded from the legacy encoding it was written in, or None
    unless one encoding gives clearly better text (see module docstring)."""
    nonspace = len(line) - sum(ch.isspace() for ch in line)
    if 3 * sum(not ch.isascii() for ch in line) < nonspace:
        return None
    first = b"".join(_readings(ch)[0] for ch in line)
    if _decodes(first, "utf-8") is not None:
        return None  # UTF-8 mojibake: ftfy's job
    tokens = _TOKENS.split(line)
    suspects = [i for i, tok in enumerate(tokens) if i % 2 == 0 and _HIGH_CHAR.search(tok)]
    best: tuple[float, str] = (-1.0, "")
    for encoding, lang in _CANDIDATES:
        fixed = list(tokens)
        for i in suspects:
            word = _decode_token(tokens[i], encoding, lang)
            if word is None or not _plausible(word, lang):
                break
            fixed[i] = word
        else:
            letters = [ch for i in suspects for ch in fixed[i] if ch.isalpha() and not ch.isascii()]
            core = sum(_core(ch, encoding) for ch in letters)
            if len(letters) < 2 or core < 0.8 * len(letters):
                continue
            text = "".join(fixed)
            score = sum(ch in _COMMON[lang] for ch in letters) / len(letters)
            if score > best[0] and text != line and not is_bad(text):
                best = (score, text)
    return best[1] or None


def _decodes(raw: bytes, encoding: str) -> Optional[str]:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def _span(before: str, after: str) -> tuple[str, str]:
    """The changed part of a line, widened to whole whitespace-delimited tokens."""
    start = 0
    limit = min(len(before), len(after))
    while start < limit and before[start] == after[start]:
        start += 1
    end = 0
    while end < limit - start and before[-1 - end] == after[-1 - end]:
        end += 1
    while start and not before[start - 1].isspace():
        start -= 1
    while end and not before[len(before) - end].isspace():
        end -= 1
    return before[start : len(before) - end], after[start : len(after) - end]


def repair_line(text: str, line: Optional[int] = None) -> tuple[str, tuple[Repair, ...]]:
    """Repair one line (or block) of text; return it with the repairs made.

    >>> repair_line("Plain ASCII stays as it is.")
    ('Plain ASCII stays as it is.', ())
    >>> repair_line("Â鶹´«Ã½", line=1)
    ('麻豆传媒', (Repair(before='Â鶹´«Ã½', after='麻豆传媒', kind='legacy-encoding', line=1),))
    >>> repair_line("Ecuadorâ€™s “purely political” decision")[0]
    'Ecuador’s “purely political” decision'
    """
    if text.isascii() and not _ASCII_SUSPECT.search(text):
        return text, ()
    repairs = []
    current = text
    steps = (
        ("legacy-encoding", _legacy_fix if _SIGNATURE.search(text) else None),
        ("ftfy", _ftfy_fix),
        ("whitespace", normalize_spaces),
    )
    for kind, fix in steps:
        fixed = fix(current) if fix else None
        if fixed is not None and fixed != current:
            before, after = _span(current, fixed)
            repairs.append(Repair(before=before, after=after, kind=kind, line=line))
            current = fixed
    return current, tuple(repairs)


def _ftfy_fix(text: str) -> str:
    """ftfy with :data:`FTFY_CONFIG`, skipped when its cheap checks find nothing."""
    if (
        not _FTFY_SUSPECT.search(text)
        and unicodedata.is_normalized("NFC", text)
        and (text.isascii() or not is_bad(text))
    ):
        return text
    return ftfy.fix_text(text, FTFY_CONFIG)


def repair_text(text: str) -> tuple[str, tuple[Repair, ...]]:
    """Repair every line of ``text`` (split on "\\n"); lines are numbered from 1.

    >>> repair_text("ok\\ncaf&eacute;\\u00a0cr&egrave;me")
    ('ok\\ncafé crème', (Repair(before='caf&eacute;\\xa0cr&egrave;me', after='café\\xa0crème', kind='ftfy', line=2), Repair(before='café\\xa0crème', after='café crème', kind='whitespace', line=2)))
    """
    lines = []
    repairs: list[Repair] = []
    for number, original in enumerate(text.split("\n"), start=1):
        fixed, done = repair_line(original, number)
        lines.append(fixed)
        repairs.extend(done)
    return "\n".join(lines), tuple(repairs)
