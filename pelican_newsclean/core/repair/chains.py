"""Mojibake of any common kind: a search over chains of (shown as, really) codecs.

Text is damaged when its bytes, in one encoding, are shown as another (UTF-8
shown as cp1252 gives "cafÃ©"; GBK shown as Latin-1 gives "¹úÎñÔº"), and
sometimes twice. For each damaged *segment* of a line (a run of words with
suspect characters; the rest of the line stays as it is) every chain of
:data:`CHAINS` is tried: the segment encoded as it was shown, decoded as what
it really was, with the lossy steps that damage often takes along:

- a byte the display dropped (cp1252's undefined 0x81, 0x8D, 0x8F, 0x90,
  0x9D; a soft hyphen 0xAD stripped later), put back;
- curly quotes (cp1252's 0x91-0x94) straightened to ' and ", curled again;
- the *mixed* form: UTF-8 mojibake fixed where a fixer saw it (ftfy) and
  left elsewhere, so that a character may be one byte or its UTF-8.

Candidates are ranked by the character language model (:mod:`.charlm`) plus
a prior per chain (:attr:`Chain.prior`), and the best is accepted only with
enough evidence (:func:`_acceptable`): when unsure, the text stays as it is.
"""

from __future__ import annotations

import bisect
import codecs
from collections import Counter
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
import itertools
import re
import unicodedata

from pelican_newsclean.core.scripts import CJK, CJK_CHARS, dominant_script, letter_script, one_writing_system

from .charlm import ODD_LOG_PROB_DEFAULT, UNKNOWN_LOG_PROB_DEFAULT, best_language, char_log_prob, common_han
from .mojibake import ftfy_fix, looks_bad

SLOPPY = "sloppy-cp1252"
"""A display that shows a byte as cp1252 where cp1252 defines it, as Latin-1 elsewhere."""

_CP1252 = {ch: b for b in range(0x80, 0xA0) if (ch := bytes([b]).decode("cp1252", "ignore"))}
_TO_LATIN1 = str.maketrans({ch: chr(b) for ch, b in _CP1252.items()})
_CP1252_UNDEFINED = b"\x81\x8d\x8f\x90\x9d"
_SOFT_HYPHEN = b"\xad"  # shown as a soft hyphen, which cleaners strip

MIN_SUSPECTS_DEFAULT = 3
"""Suspect characters a line must have before any repair is tried (and the chain must undo)."""

MARGIN_DEFAULT = 1.2
"""How much better (language-model score plus prior) a repair must read than the text it replaces."""

SYMBOLS_DISTINCT_DEFAULT = 4
"""Distinct suspect characters a segment without letters needs to be read as text."""

KANJI_ALONE_MAX_DEFAULT = 6
"""Kanji a Japanese repair may hold without any kana (a headline of nouns)."""

COMMON_HAN_SHARE_DEFAULT = 0.8
"""The share of a repair's Han characters that must be of the commonest level of GB2312, Big5 or JIS."""

UTF8_SHARE_DEFAULT = 0.5
"""A segment this much made of UTF-8 sequences shown as cp1252 is read as UTF-8 only, if UTF-8 reads it..."""

ALPHABET_LEADS_DEFAULT = 0.85
"""The share of UTF-8 lead bytes that two values make in an alphabet's UTF-8."""

UTF8_ONLY_DEFAULT = 0.7
"""...and this much, as UTF-8 or not at all (legacy double-byte text shown so stays below 0.6)."""

SURE_GAIN_DEFAULT = 4.0
"""A reading that wins by this much, and reads as its language does (:data:`SURE_READS_DEFAULT`)..."""

SURE_READS_DEFAULT = -0.5
"""...ends the weighing of readings of less prior (see :func:`_best_of`)."""

DENSITY_MAX_DEFAULT = 4.0
"""At most this many characters of a segment per suspect one weigh its gain (see :func:`_best`)."""

CANDIDATE_MIN_DEFAULT = -3.5
"""A repair must read at least this well (relative score)."""

ALPHABET_CANDIDATE_MIN_DEFAULT = -1.8
"""...and a repair written in an alphabet this well: alphabets are few letters, each known to the model."""

LETTERS_READ_DEFAULT = -1.5
"""A segment of Latin letters alone that reads this well is text of a Latin language, and left as it is."""

LETTERS_ORIGINAL_MAX_DEFAULT = -4.0
"""A segment of Latin letters only reads at most this well if it is mojibake of another script."""

LETTERS_CANDIDATE_MIN_DEFAULT = -0.8
"""...and its repair reads at least this well (a row of accented letters, "àèìòù", read as
Cyrillic makes letters, not words: about -1.2; Cyrillic, Greek and Arabic text, -0.6 and above)."""

CHANGED_MIN_DEFAULT = 2
"""Characters a repair of one character for one must change to stand on its own evidence ("»ß«" is no "»Я«")."""

MIXED_ORIGINAL_DEFAULT = -5.0
"""The score, at best, of a segment whose words mix Latin-1 letters with another script's."""

GBK_PUNCTUATION_MIN_DEFAULT = 2
"""GBK punctuation marks an otherwise ASCII line needs to be read as GBK."""

FTFY_PREFERRED_DEFAULT = 0.3
"""ftfy's own clean reading of a line wins unless ours reads this much better: ftfy's repair is the tested one."""

RUNS_SHARE_DEFAULT = 0.5
"""The share of non-ASCII characters in runs of two or more that a double-byte text shown byte by byte has."""

MIXED_LATIN1_SHARE_DEFAULT = 0.5
"""The share of a segment's non-ASCII characters that must be Latin-1 or cp1252 for the mixed form to be tried."""

WORD_SUSPECTS_DEFAULT = 4
"""Suspect characters a word needs to be repaired on its own, apart from its damaged neighbours."""

MAX_SEGMENT_DEFAULT = 400
"""Characters in one damaged segment, at most, for the lossy search (strict readings have no limit)."""

LOSSY_BUDGET_DEFAULT = 2000
"""Characters the lossy search reads in one line, at most: a line of noise costs no more than that."""

BEAM_DEFAULT = 10
"""Partial decodings kept at each character by the lossy search."""


@dataclass(frozen=True)
class Chain:
    """One way text was damaged: bytes in ``true`` shown as ``shown``, and how that lost bytes.

    ``prior`` is the log-odds of this damage against the commonest kind
    (UTF-8 shown as cp1252): rarer chains must read that much better.
    """

    shown: str
    true: str
    prior: float = 0.0
    lossy: bool = False  # the display may have dropped bytes or straightened quotes
    mixed: bool = False  # a fixer decoded some of the UTF-8 in it

    def describe(self) -> str:
        """The chain in words: "gbk shown as sloppy-cp1252"."""
        return f"{self.true} shown as {self.shown}"


CHAINS: tuple[Chain, ...] = (
    Chain(SLOPPY, "utf-8", 0.0, lossy=True),
    Chain(SLOPPY, "gbk", -0.3, lossy=True, mixed=True),
    Chain(SLOPPY, "big5", -0.4, lossy=True, mixed=True),
    Chain(SLOPPY, "euc_kr", -0.3, lossy=True, mixed=True),
    Chain(SLOPPY, "shift_jis", -0.4, lossy=True, mixed=True),
    Chain(SLOPPY, "euc_jp", -0.5, lossy=True, mixed=True),
    Chain(SLOPPY, "cp1251", -0.3, mixed=True),
    Chain(SLOPPY, "koi8_r", -0.6),
    Chain(SLOPPY, "cp1253", -0.5),
    Chain(SLOPPY, "cp1256", -0.5),
    Chain(SLOPPY, "cp1250", -0.6),
    Chain(SLOPPY, "cp850", -0.8),
    Chain(SLOPPY, "mac_roman", -0.8),
    Chain(SLOPPY, "cp874", -0.6),
    Chain("cp1251", "utf-8", -0.2),
    Chain("cp1253", "utf-8", -0.4),
    Chain("cp1256", "utf-8", -0.4),
    Chain("cp874", "utf-8", -0.4, lossy=True),
    Chain("mac_roman", "utf-8", -0.6),
    Chain("cp437", "utf-8", -0.6),
    Chain("cp850", "utf-8", -0.7),
    Chain("cp1250", "utf-8", -0.5),
)
"""The candidate set: (shown as, really) with its prior. Each chain may follow
another that ended in UTF-8 (two layers: UTF-8 shown as cp1252, saved as
UTF-8, shown as cp1251), at the sum of their priors and :data:`LAYER_PRIOR_DEFAULT`."""

LAYER_PRIOR_DEFAULT = -0.6
"""The prior of a second layer of damage."""

LOSSY_COST_DEFAULT = 1.5
"""The cost (in log-probability of the decoded characters) of one byte put back or one quote curled."""

FLIP_COST_DEFAULT = 2.0
"""The cost, in the mixed form, of reading a Latin-1 character as the UTF-8 of two bytes."""

PUNCTUATION_COST_DEFAULT = 5.0
"""The cost, in the lossy search, of a non-ASCII punctuation mark or space (about that of a rare letter)."""

UTF8_PAIR_COST_DEFAULT = 2.5
"""The cost, in the mixed form, of two bytes read alone that make a UTF-8 pair (a mixer may have missed it)."""

ASCII_COST_DEFAULT = 3.0
"""The cost, in the lossy search, of an ASCII character: a decoding that splits a double-byte
character into a symbol and an ASCII one is not cheaper than the character."""

AMBIGUITY_DEFAULT = 1.0

AMBIGUITY_LM_DEFAULT = 4.0
"""...unless the language model reads one at least this much better (in all): "Россия", not "Россис";"""

AMBIGUITY_LM_LEGACY_DEFAULT = 0.15
"""...and for double-byte text this much per character: the model knows too little Han to tell 新 from 协."""
"""Double-byte decodings of the lossy search that cost less apart than this are compared by the
language model (UTF-8 ones, byte by byte put back: see :func:`_settle_inserted`)..."""


_DROPPED = {  # the bytes a display may have dropped: those it does not define
    chain.shown: _CP1252_UNDEFINED + _SOFT_HYPHEN
    if chain.shown == SLOPPY
    else bytes(b for b in range(0x80, 0x100) if not bytes([b]).decode(chain.shown, "ignore"))
    for chain in CHAINS
    if chain.lossy
}
_CODEC_CHARS = {
    chain.shown: "".join(
        ch
        for b in range(0x80, 0x100)
        if (ch := bytes([b]).decode(chain.shown if chain.shown != SLOPPY else "latin-1", "ignore"))
    )
    for chain in CHAINS
}
_TYPOGRAPHY = "“”‘’–—…•\u00a0"  # at home in any text: no evidence of damage on their own
_SUSPECT_CHARS = "".join(sorted({*"".join(_CODEC_CHARS.values()), *_CP1252} - set(_TYPOGRAPHY)))

_LATIN1_SUSPECTS = "".join(sorted({*map(chr, range(0x80, 0x100)), *_CP1252} - set(_TYPOGRAPHY)))
_SYMBOL_SUSPECTS = "".join(ch for ch in _LATIN1_SUSPECTS if not ch.isalpha() or unicodedata.category(ch) == "Lm")


_LATIN_DISPLAYS = {"cp1250", "cp437", "cp850", "mac_roman"}


def _shown_bytes(shown: str, low: int, high: int) -> str:
    """The characters ``shown`` displays bytes ``low``..``high`` as, escaped for a character class."""
    return re.escape(bytes(range(low, high + 1)).decode(shown, "ignore"))


def _utf8_shown(shown: str) -> list[str]:
    """Patterns of UTF-8 as ``shown`` displays it: two sequences in a row ("РџСЂ"; Thai's 3-byte
    ones through cp874, "เธฃเธ±"), or one glued to a Latin letter ("CafГ©") where the display's
    leads are not Latin letters themselves (cp1250's are: "Čeština"). Each starts at a
    continuation byte (the lead looked behind for), or at cp874's one lead "เ".
    """
    cont = f"[{_shown_bytes(shown, 0x80, 0xBF)}]"
    if shown == "cp874":
        lead = _shown_bytes(shown, 0xE0, 0xE0)
        return [f"{lead}{cont}{{2}}{lead}{cont}{{2}}"]
    lead = f"[{_shown_bytes(shown, 0xC2, 0xF4)}]"
    pairs = [f"(?<={lead}){cont}{lead}{cont}"]
    if shown in _LATIN_DISPLAYS:
        return pairs
    return [*pairs, f"(?<=[A-Za-z]{lead}){cont}", f"(?<={lead}){cont}(?=[A-Za-z])"]


_DISPLAYS = sorted({chain.shown for chain in CHAINS if chain.shown != SLOPPY})
# The characters a match can start at: the engine tries the alternatives only there, so most
# characters of clean text fail one lookup.
_FIRST = "".join(
    [re.escape(_LATIN1_SUSPECTS), "\\u2500-\\u259f$"]
    + [_shown_bytes(shown, 0xE0, 0xE0) if shown == "cp874" else _shown_bytes(shown, 0x80, 0xBF) for shown in _DISPLAYS]
)
SIGNATURE = re.compile(
    f"(?=[{_FIRST}])(?:"
    + "|".join(
        [
            f"[{re.escape(_LATIN1_SUSPECTS)}]{{2}}",
            f"(?<=[A-Za-z])[{re.escape(_SYMBOL_SUSPECTS)}]",
            "(?<=[A-Za-z])[\\u2500-\\u259f]|[\\u2500-\\u259f][A-Za-z]",  # a box-drawing piece glued to a letter
            "\\$[B@][\\x21-\\x7e]{2}",
            *(pattern for shown in _DISPLAYS for pattern in _utf8_shown(shown)),
        ]
    )
    + ")"
)
"""The C-speed gate of the search (:func:`signed`): two Latin-1 or cp1252 characters in a row,
such a symbol or a box-drawing piece glued to a letter ("ni¤o", "K├╢ln"), UTF-8 as another code
page shows it ("РџСЂ", "CafГ©"), escape-less ISO-2022-JP. Clean text of any script seldom matches."""


def signed(text: str) -> bool:
    """Whether ``text`` shows a signature of damage (:data:`SIGNATURE`).

    >>> signed("Привет, мир"), signed("РџСЂРёРІРµС‚"), signed("cafÃ©"), signed("Größe")
    (False, True, True, True)
    """
    return SIGNATURE.search(text) is not None


_ISO2022 = re.compile(r"\$([B@])((?:[\x21-\x7e][\x21-\x7e])+?)\(([BJ])")
KANA = re.compile("[\u3041-\u3096\u30a1-\u30fa]")
_UTF8_BYTES = re.compile("[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
_HIGH_RUN = re.compile("[^\x00-\x7f]{2,}")
_LOSSY_LEFT: ContextVar[int] = ContextVar("lossy_left", default=LOSSY_BUDGET_DEFAULT)
_C1 = re.compile("[\x80-\x9f]")
_TOKEN = re.compile(r"[^ \t\n\r\f\v]+")  # ASCII spaces only: a no-break space may be a byte 0xA0
_HAS_SUSPECT = re.compile(f"[{re.escape(_SUSPECT_CHARS)}]")
_ASCII_LETTER = re.compile("[A-Za-z]")
_CJK_PUNCTUATION = "，。、；：？！（）「」『』《》【】〈〉…—·“”‘’\u3000"
_NEUTRAL = "°±×÷№℃‰€¥£￥○●◎◇◆□■△▲▽▼☆★※→←↑↓©®™§¶"  # symbols at home in text of any script


@dataclass(frozen=True)
class Found:
    """A repair of one segment: where, what it becomes, by which chains, and how it scored."""

    start: int
    end: int
    before: str
    text: str
    chains: tuple[Chain, ...]
    score: float


@lru_cache(maxsize=256)
def _encode(text: str, shown: str) -> bytes | None:
    """The bytes that ``shown`` displays as ``text``, or None (remembered: the chains of one
    display all ask it of the same segment).
    """
    try:
        if shown == SLOPPY:
            return text.translate(_TO_LATIN1).encode("latin-1")
        return text.encode(shown)
    except UnicodeEncodeError:
        return None


def _decode(raw: bytes, true: str) -> str | None:
    try:
        return raw.decode(true)
    except UnicodeDecodeError:
        return None


@lru_cache(maxsize=262144)
def _feed(true: str, pending: bytes, byte: int) -> tuple[str, bytes] | None:
    """One more byte for a strict decoder of ``true`` holding ``pending``:
    the character it completes ("" if none yet) and the bytes then pending,
    or None if no character can start so.
    """
    raw = pending + bytes((byte,))
    try:
        got = raw.decode(true)
    except UnicodeDecodeError:
        pass
    else:
        if len(got) == 1:
            return got, b""
        return None
    if len(raw) >= 4:
        return None
    try:
        return ("", raw) if codecs.getincrementaldecoder(true)().decode(raw, final=False) == "" else None
    except UnicodeDecodeError:
        return None


@lru_cache(maxsize=65536)
def _char_cost(ch: str) -> float:
    """How unlikely ``ch`` is as a character of text, as the lossy search compares decodings."""
    if ch < "\x80":
        return ASCII_COST_DEFAULT
    category = unicodedata.category(ch)
    if "\uff61" <= ch <= "\uff9f" or category[0] == "C":  # halfwidth katakana, controls
        return -ODD_LOG_PROB_DEFAULT
    if ch in _CJK_PUNCTUATION:
        return PUNCTUATION_COST_DEFAULT - 2.0
    if category[0] in "PZS":
        if "\uff01" <= ch <= "\uffee" or (category[0] == "S" and ch not in _NEUTRAL):
            return -ODD_LOG_PROB_DEFAULT
        return PUNCTUATION_COST_DEFAULT
    return -char_log_prob(ch)


def _readings(ch: str, chain: Chain) -> list[tuple[bytes, float]]:
    """The bytes ``ch`` may stand for under ``chain``, each with its cost."""
    one = _encode(ch, chain.shown)
    out = [(one, 0.0)] if one is not None else []
    if chain.mixed and ch >= "\x80" and ch != "\ufffd":  # a replacement character was no byte
        utf8 = ch.encode("utf-8", "surrogatepass")
        out.append((utf8, FLIP_COST_DEFAULT if one is not None else 0.0))
    if chain.mixed and ch == "\xa0":  # ftfy's fixer reads "Â " as a no-break space, so may a mixer
        out.append((b"\xc2 ", FLIP_COST_DEFAULT / 2))
    if chain.lossy and chain.true == "utf-8" and ch in "'\"":
        out += [(bytes((b,)), LOSSY_COST_DEFAULT) for b in (b"\x91\x92" if ch == "'" else b"\x93\x94")]
    return out


@lru_cache(maxsize=262144)
def _advance(true: str, pending: bytes, raw: bytes) -> tuple[bytes, str, float] | None:
    """Bytes ``raw`` fed to a strict decoder of ``true`` holding ``pending``: the bytes then
    pending, the characters completed and their cost, or None if the bytes cannot follow.
    """
    state, got, cost = pending, "", 0.0
    for byte in raw:
        step = _feed(true, state, byte)
        if step is None:
            return None
        char, state = step
        if char:
            got += char
            cost += _char_cost(char)
    return state, got, cost


def _lossy_decode(text: str, chain: Chain) -> str | None:
    """The likeliest decoding of ``text`` under ``chain`` with bytes put back, quotes curled or (mixed)
    characters read as their UTF-8 (:func:`_lossy_search`), within the line's budget of characters.
    """
    left = _LOSSY_LEFT.get()
    if left < len(text):
        return None
    _LOSSY_LEFT.set(left - len(text))
    return _lossy_search(text, chain)


@lru_cache(maxsize=4096)
def _options(ch: str, chain: Chain) -> tuple[tuple[bytes, float, int], ...]:
    """What ``ch`` may have been under ``chain``: (bytes, cost, the byte if it was read alone in
    the mixed form, else -1), a dropped byte put before it included where ``chain`` is lossy.
    """
    readings = _readings(ch, chain)
    options = [(raw, c, raw) for raw, c in readings]
    if chain.lossy:
        inserts = _DROPPED.get(chain.shown, b"")
        options += [(bytes((b,)) + raw, c + LOSSY_COST_DEFAULT, raw) for b in inserts for raw, c in readings]
    return tuple(
        (raw, c, read[0] if chain.mixed and len(read) == 1 and read[0] >= 0x80 else -1) for raw, c, read in options
    )


_PATHS = 3  # partial decodings kept per state of the decoder


@lru_cache(maxsize=1024)
def _lossy_search(text: str, chain: Chain) -> str | None:
    """:func:`_lossy_decode`'s beam search over the states of a strict decoder (pure: a site's
    damaged name, on every page of the site, is searched once).
    """
    inserts = _DROPPED.get(chain.shown, b"")
    # state: (bytes pending in the decoder, the last byte if it was read alone in the mixed form)
    beam: dict[tuple[bytes, int], list[tuple[float, str]]] = {(b"", -1): [(0.0, "")]}
    for ch in text:
        options = _options(ch, chain)
        if not options:
            return None
        after: dict[tuple[bytes, int], list[tuple[float, str]]] = {}
        for (pending, last), paths in beam.items():
            for raw, extra, alone in options:
                if 0xC2 <= last <= 0xDF and 0x80 <= alone <= 0xBF:
                    extra += UTF8_PAIR_COST_DEFAULT  # a mixer that decodes UTF-8 would have decoded these two
                fed = _advance(chain.true, pending, raw)
                if fed is None:
                    continue
                state, got, got_cost = fed
                kept = after.setdefault((state, alone), [])
                for cost, out in paths:
                    path = (cost + extra + got_cost, out + got)
                    if len(kept) == _PATHS and path >= kept[-1]:
                        continue  # no better than the state's worst kept path: it would go
                    if all(path[1] != other for _, other in kept):
                        bisect.insort(kept, path)
                        del kept[_PATHS:]
        if not after:
            return None
        beam = dict(sorted(after.items(), key=lambda item: item[1][0][0])[:BEAM_DEFAULT])
    if _SOFT_HYPHEN.decode("latin-1") in text:  # a display that shows soft hyphens did not strip one
        inserts = inserts.replace(_SOFT_HYPHEN, b"")
    return _pick(sorted(_ends(beam, chain, inserts)), chain, inserts, quotes="'" in text or '"' in text)


def _pick(ends: list[tuple[float, str]], chain: Chain, inserts: bytes, quotes: bool) -> str | None:
    """The decoding the lossy search settles on among its complete ones (cheapest first), or None."""
    if not ends:
        return None
    if chain.true == "utf-8":
        return _settle_inserted(ends[0][1], inserts, quotes)
    if len(ends) > 1 and ends[1][0] - ends[0][0] < AMBIGUITY_DEFAULT:  # close: the language model decides
        close = sorted(
            ((_rescore(out), out) for cost, out in ends[:4] if cost - ends[0][0] < AMBIGUITY_DEFAULT), reverse=True
        )
        needed = AMBIGUITY_LM_LEGACY_DEFAULT * len(close[0][1])
        return close[0][1] if close[0][0] - close[1][0] >= needed else None
    return ends[0][1]


def _ends(
    beam: dict[tuple[bytes, int], list[tuple[float, str]]], chain: Chain, inserts: bytes
) -> list[tuple[float, str]]:
    """The complete decodings in ``beam``, and those a byte dropped at the very end completes."""
    ends = [path for (pending, _), paths in beam.items() if not pending for path in paths]
    for (pending, _), paths in beam.items():
        for byte in inserts if pending and chain.lossy else b"":
            fed = _advance(chain.true, pending, bytes((byte,)))
            if fed is not None and not fed[0]:
                ends += [(cost + LOSSY_COST_DEFAULT + fed[2], out + fed[1]) for cost, out in paths]
    return ends


def _settle_inserted(text: str, inserts: bytes, quotes: bool) -> str | None:
    """``text``, a UTF-8 reading with bytes put back, with each put-back byte the one the language
    model reads best (a dropped byte shows nowhere, so a character holding one was put back; a
    curled quote, where the text had straight ones, may be either of a pair), or None if for one
    of them two bytes read about as well ("Сегодня" or "Сегоднс", "Бизнес" or "Визнес").
    """
    chars = list(text)
    for i, ch in enumerate(chars):
        raw = ch.encode("utf-8")
        group = next(
            (g for g in (inserts, *((b"\x91\x92", b"\x93\x94") if quotes else ())) if any(b in g for b in raw[1:])),
            None,
        )
        if len(raw) < 2 or group is None:
            continue
        readings = []
        for byte in group:
            other = bytes(b if b not in group else byte for b in raw)
            got = _decode(other, "utf-8")
            if got is not None and len(got) == 1:
                readings.append((_rescore("".join([*chars[:i], got, *chars[i + 1 :]])), got))
        readings.sort(reverse=True)
        if len(readings) > 1 and readings[0][0] - readings[1][0] < AMBIGUITY_LM_DEFAULT:
            return None
        chars[i] = readings[0][1]
    straight = "".join(chars)
    return None if _QUOTE_IN_WORD.search(straight) else straight


_QUOTE_IN_WORD = re.compile("(?<=[^\\x00-\\x7f])['\"](?=[^\\x00-\\x7f])")


def _rescore(text: str) -> float:
    """The language model's log-probability of a reading in all (not per bigram), a straight
    quote left between two letters of a word ("шс'л") counted as a rare letter.
    """
    return best_language(text)[1] * len(text) + UNKNOWN_LOG_PROB_DEFAULT * len(_QUOTE_IN_WORD.findall(text))


def decode_chain(text: str, chain: Chain) -> str | None:
    """``text`` decoded under ``chain``: strictly if its bytes decode, else by the lossy search, or None.

    >>> decode_chain("Ã©tÃ©", CHAINS[0]), decode_chain("Ã tÃ©", CHAINS[0])
    ('été', None)
    """
    return _decode_chain(text, chain, lossy=False) or _decode_chain(text, chain, lossy=True)


def _decode_chain(text: str, chain: Chain, lossy: bool) -> str | None:
    """:func:`decode_chain`'s strict decoding (``lossy`` off), or else its lossy search alone."""
    raw = _encode(text, chain.shown)
    if raw is not None:
        got = _decode(raw, chain.true)
        if got is not None or not chain.lossy or not _worth_lossy(text, raw, chain):
            return None if lossy else got
    elif not chain.mixed or not _mixed_form(text):
        return None
    if not lossy:
        return None
    got = _lossy_decode(text, chain)
    if got is not None and not any(ch > "\x7f" and ch.isalpha() for ch in got):
        return None  # bytes put back to make punctuation alone: a guess
    return got


def _worth_lossy(text: str, raw: bytes, chain: Chain) -> bool:
    """Whether bytes that do not decode show damage the lossy search undoes: for UTF-8, an
    intact sequence among them (clean "débat" has none); for a double-byte code, suspects
    enough to be text in it.
    """
    if chain.true == "utf-8":
        if chain.shown == SLOPPY:
            return _UTF8_BYTES.search(raw.decode("latin-1")) is not None
        return signed(text)
    return _suspects(text) >= WORD_SUSPECTS_DEFAULT and _in_runs(text)


def _mixed_form(text: str) -> bool:
    """Whether ``text`` may be the mixed form of a legacy encoding: mostly Latin-1 and cp1252
    characters, a few others (UTF-8 a fixer decoded), as "Â鶹´«Ã½"; not "Zażółć".
    """
    high = [ch for ch in text if ch > "\x7f" and not ch.isspace()]
    latin1 = sum(ch <= "\xff" or ch in _CP1252 for ch in high)
    return latin1 >= WORD_SUSPECTS_DEFAULT and latin1 >= MIXED_LATIN1_SHARE_DEFAULT * len(high) and _in_runs(text)


@lru_cache(maxsize=256)
def _in_runs(text: str) -> bool:
    """Whether most non-ASCII characters of ``text`` come in runs, as a double-byte text's do
    when shown byte by byte; a Latin text's accented letters stand alone ("débat animé").
    """
    high = sum(ch > "\x7f" for ch in text)
    return sum(map(len, _HIGH_RUN.findall(text))) >= RUNS_SHARE_DEFAULT * high


@lru_cache(maxsize=1024)
def _suspects(text: str) -> int:
    """How many suspect characters ``text`` holds (asked of a segment by every chain)."""
    return len(_HAS_SUSPECT.findall(text))


def _segments(line: str) -> list[tuple[int, int]]:
    """Spans of runs of words with suspect characters, with the words without letters between them."""
    spans: list[tuple[int, int]] = []
    open_span: tuple[int, int] | None = None
    last_suspect_end = -1
    for match in _TOKEN.finditer(line):
        word = match[0]
        if _HAS_SUSPECT.search(word):
            open_span = (match.start() if open_span is None else open_span[0], match.end())
            last_suspect_end = match.end()
        elif word.isascii() and _ASCII_LETTER.search(word) is None and open_span is not None:
            continue  # "-", "2024": a word between two damaged ones
        elif open_span is not None:
            spans.append((open_span[0], last_suspect_end))
            open_span = None
    if open_span is not None:
        spans.append((open_span[0], last_suspect_end))
    return spans


def _acceptable(before: str, after: str) -> bool:
    """Whether ``after`` may replace ``before``: every word in one writing system, no letter
    turned into a symbol or a control, no letter of another script glued into a Latin word, and
    a letter made where a code page shows one byte per character.
    """
    scripts: set[str] = set()
    for word in after.split():
        letters = _word_scripts(word)
        if letters is None:
            return False
        scripts |= letters
    if not one_writing_system(scripts) and not scripts <= {"Latin", "Han", "Kana"}:
        return False
    hangul = sum("\uac00" <= ch <= "\ud7a3" for ch in after)
    if hangul and hangul < len(CJK.findall(after)):
        return False  # Korean is written in Hangul, with a few hanja
    if _symbols(after) > _symbols(before):
        return False  # a letter turned into a symbol or a punctuation mark
    if len(after) == len(before) and not any(a != b and b.isalpha() for a, b in zip(before, after, strict=True)):
        return False  # one character for one, and no letter made: "Version®" is no "Version«"
    return "\ufffd" not in after or "\ufffd" in before


_FOLLOWING_VOWEL = re.compile("[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e\u0eb0-\u0ebc\u0ec8-\u0ecd]")
_IN_WORD = "·’‐‑–—"  # marks at home between two letters: "l·l", "aujourd’hui", "well‐known"
_WORD_MODIFIERS = "ー々ゝゞヽヾๆໆـ"  # modifier letters that are letters of words
_QUERIED = re.compile(f"[{CJK_CHARS}\uac00-\ud7a3][?A-Za-z][{CJK_CHARS}\uac00-\ud7a3]")
_GLUED = re.compile("[A-Za-z][^\\x00-\\x7f]+[A-Za-z]|(?<![A-Za-z])[a-z][^\\x00-\\x7f]")
# where the letter-by-letter checks of a word can find something (each matches a superset of what they seek)
_LATIN_BESIDE_OTHER = re.compile("[A-Za-z][^\\x00-\\x7f]|[^\\x00-\\x7f][A-Za-z]")
_MARK_BETWEEN_LETTERS = re.compile(r"(?<=[^\W\d_])[^\w\s\x00-\x7f](?=[^\W\d_])")


@lru_cache(maxsize=4096)
def _word_scripts(word: str) -> frozenset[str] | None:  # noqa: PLR0911 - one test after another, read top to bottom
    """The scripts of the non-ASCII letters of a repaired ``word``, or None if it is no word:
    two writing systems, a control or a symbol, a mark with no letter, mixed case, a letter
    of another script glued to a Latin one (remembered: candidates share most of their words).
    """
    letters = frozenset(s for ch in word if ch > "\x7f" and ch.isalpha() and (s := letter_script(ch)))
    if not one_writing_system(letters) or _odd_character(word):
        return None
    for part in re.split("[-'’]", word) if word != word.lower() else ():  # no upper case: no mixed case
        cased = "".join(ch for ch in part if ch.isalpha() and ch.lower() != ch.upper())
        if cased and not (cased.islower() or cased.isupper() or (cased[0].isupper() and cased[1:].islower())):
            return None  # "їЖС": no word mixes cases so ("Петров-Водкин" has two words)
    if letters & {"Thai", "Lao"} and _FOLLOWING_VOWEL.match(word):
        return None  # a vowel sign that follows its consonant cannot open a word
    for a, b in itertools.pairwise(word) if _LATIN_BESIDE_OTHER.search(word) else ():
        if (a < "\x80" and a.isalpha() and _glues(b)) or (b < "\x80" and b.isalpha() and _glues(a)):
            return None  # "Itร", "$М": a letter of an alphabet glued to a Latin letter
    for a, b, c in zip(word, word[1:], word[2:], strict=False) if _MARK_BETWEEN_LETTERS.search(word) else ():
        if (
            a.isalpha()
            and c.isalpha()
            and "\x7f" < b < "\u3000"
            and unicodedata.category(b)[0] in "PS"
            and b not in _IN_WORD
        ):
            return None  # "Not¡fall": a mark inside a word
    if _QUERIED.search(word):
        return None  # "鱈?蔵", "鞢A氣": a byte lost, or a trail byte left alone by a slipped decoding
    if letters - {"Latin"} and _GLUED.search(word):
        return None  # "Gr鲞e", "a鲞": a letter glued into or onto a Latin word
    return letters


def _damaged_score(segment: str) -> float:
    """The language model's score of a damaged ``segment``, at most :data:`MIXED_ORIGINAL_DEFAULT`
    where no word is written so ("Â鶹", "minist\x8fre", "d‚put‚").
    """
    score = best_language(segment)[1]
    if _mixes_writing(segment) or _C1.search(segment) or _mark_in_word(segment):
        return min(score, MIXED_ORIGINAL_DEFAULT)
    return score


def _mark_in_word(text: str) -> bool:
    """Whether ``text`` holds a mark between two letters of a word that no word holds there
    ("d‚put‚", "Stra§e"; not "aujourd’hui" or "l·l"): the model reads a mark as a word boundary,
    so "d‚put‚" would read as well as two words.
    """
    return any(match[0] not in _IN_WORD for match in _MARK_BETWEEN_LETTERS.finditer(text))


def _odd_character(word: str) -> bool:
    """Whether ``word`` holds what no word does: a control, a symbol, halfwidth katakana, a mark
    with no letter before it, a modifier letter ("ˆ") that is a symbol here.
    """
    for i, ch in enumerate(word):
        if ch < "\x80":
            continue
        category = unicodedata.category(ch)
        if category[0] == "C" or (category[0] == "S" and ch not in _NEUTRAL) or "\uff61" <= ch <= "\uff9f":
            return True
        if category[0] == "M" and (i == 0 or not word[i - 1].isalpha()):
            return True
        if category == "Lm" and ch not in _WORD_MODIFIERS:
            return True
    return False


@lru_cache(maxsize=4096)
def _glues(ch: str) -> bool:
    """Whether ``ch`` is a letter of a script other than Latin, Han and kana (which sit next to Latin: "A股")."""
    return ch > "\x7f" and ch.isalpha() and letter_script(ch) not in {"Latin", "Han", "Kana", None}


def _symbols(text: str) -> int:
    """Non-ASCII characters of ``text`` that are neither letters, marks nor spaces (fullwidth punctuation aside)."""
    return sum(
        text.count(ch)
        for ch in set(text)
        if ch > "\x7f"
        and not ch.isspace()
        and unicodedata.category(ch)[0] not in "LM"
        and not ("\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff60")
    )


def _changed(before: str, after: str) -> str:
    """The characters of ``before`` that ``after`` changes, where one stands for one (else all of ``before``)."""
    if len(before) != len(after):
        return before
    return "".join(a for a, b in zip(before, after, strict=True) if a != b)


def _latin_letters_only(text: str) -> bool:
    """Whether every non-ASCII character of ``text`` is a Latin letter (a Latin-1 row, "Ôôô"),
    typography aside ("Líonì (1964—2022)": a dash is no evidence of damage).
    """
    return all(
        ch < "\x80" or (ch.isalpha() and letter_script(ch) == "Latin") or ch in _TYPOGRAPHY or ch in _ORDINALS
        for ch in set(text)
        if not ch.isspace()
    )


_ORDINALS = "ºª"  # letters of Latin text ("3º nível") that belong to no script


@lru_cache(maxsize=256)
def _cjk_count(text: str) -> int:
    return len(CJK.findall(text)) + sum("\uac00" <= ch <= "\ud7a3" for ch in text)


_GLUED_DAMAGE = re.compile("[A-Za-z][\u2500-\u259f]|[\u2500-\u259f][A-Za-z]|[\x80-\x9f]")


def _glued_damage(text: str) -> bool:
    """Whether ``text`` shows damage no clean word has, enough for one damaged letter to be
    repaired: a word mixing Latin with Cyrillic or Greek ("Γ–lpreise"), a box-drawing piece
    glued to a letter ("D├╝sseldorf"), a C1 control.
    """
    return _GLUED_DAMAGE.search(text) is not None or any(
        _ASCII_LETTER.search(word) and _mixes_writing(word) for word in text.split()
    )


def _mixes_writing(text: str) -> bool:
    """Whether a word of ``text`` mixes scripts as no word does: Latin-1 letters with CJK
    ("Â鶹"), Latin letters with Cyrillic or Greek ("GrГѓВ¶").
    """
    for word in text.split():
        scripts = {s for ch in word if ch > "\x7f" and ch.isalpha() and (s := letter_script(ch))}
        if _ASCII_LETTER.search(word):
            if scripts - {"Latin", "Han", "Kana", "Hangul"}:
                return True
        elif "Latin" in scripts and len(scripts) > 1:
            return True
    return False


def _utf8_share(segment: str) -> float:
    """The share of ``segment`` that reads, as cp1252 bytes, as UTF-8 sequences."""
    raw = _encode(segment, SLOPPY)
    if raw is None:
        return 0.0
    return sum(map(len, _UTF8_BYTES.findall(raw.decode("latin-1")))) / max(1, len(segment.strip()))


def _alphabet_utf8(segment: str) -> bool:
    """Whether ``segment``, as cp1252 bytes, is an alphabet's UTF-8 (some bytes maybe lost):
    one or two lead bytes (Cyrillic's D0 and D1, "Ð" and "Ñ"), each before every other byte.
    """
    raw = _encode(segment, SLOPPY)
    if raw is None:
        return False
    high = [b for b in raw if b >= 0x80]
    leads = Counter(b for b in high if 0xC2 <= b <= 0xDF)
    top = sum(n for _, n in leads.most_common(2))
    return top >= 3 and top >= ALPHABET_LEADS_DEFAULT * sum(leads.values()) and 2 * top >= 0.8 * len(high)


def _alphabet_share(segment: str) -> float:
    """The share of ``segment``'s letters written in one alphabet beyond Latin-1 (Cyrillic, Greek...)."""
    scripts = Counter(letter_script(ch) for ch in segment if ch > "\xff" and ch.isalpha())
    letters = sum(ch.isalpha() for ch in segment)
    top = max((n for script, n in scripts.items() if script not in {"Han", "Kana", "Hangul", "Latin", None}), default=0)
    return top / max(1, letters)


def _plans() -> tuple[tuple[float, tuple[int, ...]], ...]:
    """(prior, plan): every chain as indexes into :data:`CHAINS`, each that ends in UTF-8 followed
    by the pairs it opens (two layers, at the sum of their priors and :data:`LAYER_PRIOR_DEFAULT`).
    """
    plans: list[tuple[float, tuple[int, ...]]] = []
    for i, chain in enumerate(CHAINS):
        plans.append((chain.prior, (i,)))
        if chain.true == "utf-8":
            plans += [(chain.prior + inner.prior + LAYER_PRIOR_DEFAULT, (i, j)) for j, inner in enumerate(CHAINS)]
    return tuple(plans)


_IN_CHAIN_ORDER = _plans()
_BY_PRIOR = tuple(sorted(_IN_CHAIN_ORDER, key=lambda item: -item[0]))  # ties in chain order


def _candidates(
    segment: str, lossy: bool, spread: bool, plans: tuple[tuple[float, tuple[int, ...]], ...]
) -> Iterator[tuple[str, tuple[Chain, ...], float]]:
    """Every decoding of ``segment`` by a chain (or two), with its prior, in the order of ``plans``,
    each made only when asked for: the strict ones, or (``lossy``) those only the lossy search
    makes. A pair is read only where its first chain read text that still shows damage. A
    segment mostly in one alphabet beyond Latin-1 is UTF-8 fixed but for a letter, not the mixed
    form of a legacy encoding: read so, it would make everyday Han.
    """
    alphabet: dict[str, bool] = {}  # "подпиÑали": UTF-8 fixed but for a letter
    read: dict[tuple[int, ...], str] = {}
    for prior, plan in plans:
        source = segment if len(plan) == 1 else read.get(plan[:1])
        if source is None or (len(plan) > 1 and not signed(source)):
            continue
        chain = CHAINS[plan[-1]]
        if source not in alphabet:
            alphabet[source] = _alphabet_share(source) >= UTF8_SHARE_DEFAULT
        if (alphabet[source] and chain.mixed) or (spread and len(plan) == 1 and (chain.lossy or chain.mixed)):
            continue
        got = _decode_chain(source, chain, lossy)
        if got is None or got == source:
            continue
        if (
            lossy
            and HAN.search(got)
            and not all(common_han(ch, _HAN_STANDARD.get(chain.true)) for ch in HAN.findall(got))
        ):
            continue  # a byte put back into double-byte text: only everyday characters are evidence enough
        read[plan] = got
        yield got, tuple(CHAINS[i] for i in plan), prior


def _best(segment: str, spread: bool = False) -> Found | None:
    """The repair of one damaged segment, or None when none is clearly right.

    A candidate's gain is its score less the segment's, times the segment's
    length per suspect character (at most :data:`DENSITY_MAX_DEFAULT`): a few
    damaged letters in a long segment move the mean per bigram less than a
    segment of nothing but damage, for the same evidence. With its chain's
    prior, the gain must reach :data:`MARGIN_DEFAULT`. A whole line (``spread``: damage spread
    thin) is read by the code pages of one byte per character alone.
    """
    suspects = _suspects(segment)
    if suspects < 2 or _symbol_row(segment) or _reads_as_latin(segment):
        return None
    passes = (False,) if spread or len(segment) > MAX_SEGMENT_DEFAULT else (False, True)
    for lossy in passes:  # the lossy search only if no strict reading wins, and on segments not too long
        ranked = (
            sorted(_candidates(segment, True, spread, _IN_CHAIN_ORDER), key=lambda c: -c[2])
            if lossy  # every lossy reading is made, in chain order: each spends the line's budget
            else _candidates(segment, False, spread, _BY_PRIOR)  # weighed as they are made
        )
        found = _best_of(segment, ranked, suspects)
        if found is not None:
            return None if found is _FTFY else found
    return None


_FTFY = Found(0, 0, "", "", (), 0.0)
"""What :func:`_best_of` gives for a segment that ftfy reads cleanly: ftfy's repair, after this one."""


def _best_of(segment: str, candidates: Iterable[tuple[str, tuple[Chain, ...], float]], suspects: int) -> Found | None:
    """The best of ``candidates`` (highest prior first) for ``segment`` if it wins clearly (or
    :data:`_FTFY`), else None.

    The weighing stops at one that reads as its language does and wins by
    :data:`SURE_GAIN_DEFAULT`: the rest, of less prior, could not beat it.
    """
    share = _utf8_share(segment)
    utf8_only = share >= UTF8_ONLY_DEFAULT or _alphabet_utf8(segment)
    if not utf8_only and share >= UTF8_SHARE_DEFAULT:
        candidates = list(candidates)
        utf8_only = any(c[1][0].true == "utf-8" and _acceptable(segment, c[0]) for c in candidates)
    if utf8_only:  # mostly UTF-8 sequences shown as cp1252 ("Ð¿Ð¾Ð´"): read as GBK they would make everyday Han
        candidates = (c for c in candidates if c[1][0].true == "utf-8")
    original: float | None = None
    density = min(DENSITY_MAX_DEFAULT, len(segment) / suspects)
    ranked: list[tuple[float, str, tuple[Chain, ...]]] = []
    for text, chain, prior in candidates:
        if not _acceptable(segment, text) or len(_changed(segment, text)) < CHANGED_MIN_DEFAULT:
            continue
        if original is None:
            original = _damaged_score(segment)
        reads = _reads_as_text(segment, text, chain, original, suspects)
        if reads is None:
            continue
        ranked.append(((reads - original) * density + prior, text, chain))
        if ranked[-1][0] >= SURE_GAIN_DEFAULT and reads >= SURE_READS_DEFAULT:
            break
    if not ranked:
        return None
    ranked.sort(key=lambda item: -item[0])
    gain, text, chain = ranked[0]
    if gain < MARGIN_DEFAULT or (chain[0].true != "utf-8" and _has_utf8_word(segment)):
        return None
    if _ftfy_reads_clean(segment):
        return _FTFY
    return Found(0, len(segment), segment, text, chain, gain)


def _ftfy_reads_clean(segment: str) -> bool:
    """Whether ftfy repairs ``segment`` into text that shows no damage (then ftfy repairs it).

    Its repair of encodings starts only where its badness check fires.
    """
    return looks_bad(segment) and _clean_reading(segment, ftfy_fix(segment))


def _clean_reading(before: str, after: str | None) -> bool:
    """Whether ``after``, a reading of ``before``, changes it and shows no damage left."""
    return after is not None and after != before and not looks_bad(after) and not signed(after)


def _reads_as_latin(segment: str) -> bool:
    """Whether ``segment`` is Latin letters alone that read as a language's ("Größe", "ÅÄÖ åäö")."""
    return _latin_letters_only(segment) and best_language(segment)[1] > LETTERS_READ_DEFAULT


def _symbol_row(segment: str) -> bool:
    """Whether ``segment`` is a row of a few symbols, no letters ("····· ─"): a rule or a separator."""
    distinct = len(set(_HAS_SUSPECT.findall(segment)))
    return distinct < SYMBOLS_DISTINCT_DEFAULT and not any(ch.isalpha() for ch in segment)


def _reads_as_text(segment: str, text: str, chain: tuple[Chain, ...], original: float, suspects: int) -> float | None:
    """The score of a candidate repair of ``segment``, or None if it does not read as text enough."""
    _, reads = best_language(text)
    if reads < (CANDIDATE_MIN_DEFAULT if _cjk_count(text) else ALPHABET_CANDIDATE_MIN_DEFAULT) or looks_bad(text):
        return None  # reads as no language, or still looks like mojibake to ftfy
    if _latin_letters_only(_changed(segment, text)) and (
        dominant_script(text) == "Latin"
        or original > LETTERS_ORIGINAL_MAX_DEFAULT
        or reads < LETTERS_CANDIDATE_MIN_DEFAULT
    ):
        # "ÅÄÖ åäö", "Ôôô": letters of a Latin alphabet need more to be read as another; as other
        # Latin letters, never: Icelandic "orðið" is no cp1250 for "orđiđ", whatever the model knows
        # (nor Italian "«%s» è più" for "č piů": the guillemets it leaves as they are are no evidence)
        return None
    if _cjk_count(text) and (_cjk_count(text) < 2 or suspects < 4):
        return None  # "âœ”" is no Chinese word
    return reads if _plausible_cjk(text, chain[-1].true) else None


_HAN_STANDARD = {"gbk": "gb2312", "gb18030": "gb2312", "big5": "big5", "shift_jis": "cp932", "euc_jp": "cp932"}


def _plausible_cjk(text: str, true: str) -> bool:
    """Whether CJK characters decoded from ``true`` are written as its language writes: mostly
    common Han; Japanese with kana among many kanji, Chinese without kana.
    """
    han = HAN.findall(text)
    standard = _HAN_STANDARD.get(true)
    if han and sum(common_han(ch, standard) for ch in han) < COMMON_HAN_SHARE_DEFAULT * len(han):
        return False  # text is written in common characters; a slipped decoding lands on rare ones
    kana = KANA.search(text) is not None
    if true in ("shift_jis", "euc_jp"):
        return kana or len(han) < KANJI_ALONE_MAX_DEFAULT
    return not kana or true not in ("gbk", "big5")


def _has_utf8_word(segment: str) -> bool:
    """Whether a word of a segment of several is UTF-8 shown as cp1252 ("CafÃ©"): then the
    segment is not one legacy text, and its words are repaired one by one.
    """
    words = segment.split()
    for word in words if len(words) > 1 else ():
        raw = _encode(word, SLOPPY)
        got = None if raw is None or raw.isascii() else _decode(raw, "utf-8")
        if got is not None and not looks_bad(got):
            return True
    return False


def _by_word(line: str, words: list[tuple[int, int]]) -> list[tuple[int, int, Found]]:
    """Repairs of single words of a segment that is not repaired whole: words with
    enough evidence alone, then their neighbours if the same chain reads them better.
    """
    if len(words) < 2:
        return []
    fixes: dict[int, Found] = {}
    for i, (a, b) in enumerate(words):
        if _suspects(line[a:b]) >= WORD_SUSPECTS_DEFAULT and (fix := _best(line[a:b])) is not None:
            fixes[i] = fix
    changed = True
    while changed:
        changed = False
        for i, (a, b) in enumerate(words):
            word = line[a:b]
            if i in fixes or _suspects(word) < 2:
                continue
            for j in (i - 1, i + 1):
                if j not in fixes or len(fixes[j].chains) != 1:
                    continue
                chain = fixes[j].chains[0]
                got = decode_chain(word, chain)
                if got and got != word and _acceptable(word, got) and best_language(got)[1] > best_language(word)[1]:
                    fixes[i] = Found(0, len(word), word, got, (chain,), fixes[j].score)
                    changed = True
                    break
    return [(words[i][0], words[i][1], fixes[i]) for i in sorted(fixes)]


def _iso2022(line: str) -> tuple[str, list[Found]] | None:
    """ISO-2022-JP that lost its escape bytes: "$B" ... "(B" runs, with the escapes put back."""
    found: list[Found] = []

    def restore(match: re.Match[str]) -> str:
        raw = f"\x1b${match[1]}{match[2]}\x1b({match[3]}".encode("ascii")
        got = _decode(raw, "iso2022_jp")
        if got is None or not _acceptable(match[0], got) or best_language(got)[1] < CANDIDATE_MIN_DEFAULT:
            return match[0]
        found.append(Found(match.start(), match.end(), match[0], got, (Chain("ascii", "iso2022_jp"),), 0.0))
        return got

    fixed = _ISO2022.sub(restore, line)
    return (fixed, found) if found else None


_GBK_PUNCTUATION = re.compile("(?<=[A-Za-z0-9])((?:[\xa1\xa3][\xa1-\xfe])+)(?=[A-Za-z0-9]|$)")


def _gbk_punctuation(line: str) -> tuple[str, tuple[Found, ...]] | None:
    """An ASCII line whose only other characters are GBK's fullwidth punctuation shown as Latin-1
    ("Beijing£¬China¡£"): pairs glued to letters or digits, at least two, each a CJK punctuation mark.
    """
    rest = _GBK_PUNCTUATION.sub("", line)
    if not rest.isascii() or len(rest) == len(line):
        return None
    found: list[Found] = []
    for match in _GBK_PUNCTUATION.finditer(line):
        got = _decode(match[1].encode("latin-1"), "gbk")
        if got is None or not all(ch in _CJK_PUNCTUATION or "\uff01" <= ch <= "\uff5e" for ch in got):
            return None
        found.append(Found(match.start(1), match.end(1), match[1], got, (Chain(SLOPPY, "gbk"),), 0.0))
    if sum(len(f.before) for f in found) < 2 * GBK_PUNCTUATION_MIN_DEFAULT:
        return None
    pieces, last = [], 0
    for f in found:
        pieces += [line[last : f.start], f.text]
        last = f.end
    return "".join(pieces) + line[last:], tuple(found)


def find_repairs(line: str) -> tuple[str, tuple[Found, ...]]:
    """``line`` with each damaged segment repaired, and the repairs (none if nothing was sure).

    >>> find_repairs("Ïðèâåò, ìèð! Hello")[0]
    'Привет, мир! Hello'
    >>> find_repairs("ÅÄÖ åäö")
    ('ÅÄÖ åäö', ())
    """
    if line.isascii() and "$" not in line:
        return line, ()
    if not signed(line):
        return line, ()
    _LOSSY_LEFT.set(LOSSY_BUDGET_DEFAULT)
    found: list[Found] = []
    if "$" in line and (iso := _iso2022(line)) is not None:
        line, found = iso[0], iso[1]
    if (punctuation := _gbk_punctuation(line)) is not None:
        return punctuation
    if _ftfy_reads(line):
        return line, tuple(found)  # UTF-8 shown as cp1252, whole: ftfy's repair, after this one
    fixed, segments = _repair_segments(line)
    if (
        not segments
        and _suspects(line) >= MIN_SUSPECTS_DEFAULT
        and not _ftfy_reads_clean(line)  # else ftfy's repair, as the search would conclude
        and (whole := _best(line, spread=True)) is not None
    ):
        fixed, segments = whole.text, [whole]  # damage spread thin over the line: "publiŽ un communiquŽ"
    found += segments
    return (fixed, tuple(found)) if found and _confirmed(line, fixed, found) else (line, ())


def _ftfy_reads(line: str) -> bool:
    """Whether ``line``, as cp1252 bytes, is UTF-8 that reads cleanly: nothing for the search."""
    raw = _encode(line, SLOPPY)
    return _clean_reading(line, None if raw is None else _decode(raw, "utf-8"))


def _repair_segments(line: str) -> tuple[str, list[Found]]:
    """``line`` with its damaged segments (or, failing that, their words) repaired, and the repairs."""
    fixes: list[tuple[int, int, Found]] = []
    left: list[tuple[int, int]] = []  # segments with nothing repaired
    for start, end in _segments(line):
        if _ftfy_reads_clean(line[start:end]):
            beyond = _beyond_ftfy(line[start:end])
            if beyond is not None:
                fixes.append((start, end, beyond))
            continue  # UTF-8 that ftfy reads (as cp1252, cp1251...): ftfy's repair, after this one
        best = _best(line[start:end])
        if best is not None:
            fixes.append((start, end, best))
            continue
        # the words one by one: one may be damaged another way, or not at all
        words = _by_word(line, [(start + m.start(), start + m.end()) for m in _TOKEN.finditer(line[start:end])])
        if words:
            fixes += words
        else:
            left.append((start, end))
    fixes = sorted(fixes + _alike(line, fixes, left), key=lambda fix: fix[0])
    found: list[Found] = []
    pieces: list[str] = []
    last = 0
    for a, b, fix in fixes:
        pieces += [line[last:a], fix.text]
        if found and found[-1].chains == fix.chains and not line[found[-1].end : a].strip(" "):
            joined = found.pop()  # one repair for neighbouring words damaged alike
            a, text = joined.start, joined.text + line[joined.end : a] + fix.text
        else:
            text = fix.text
        found.append(Found(a, b, line[a:b], text, fix.chains, fix.score))
        last = b
    return "".join(pieces) + line[last:], found


def _alike(line: str, fixes: list[tuple[int, int, Found]], left: list[tuple[int, int]]) -> list[tuple[int, int, Found]]:
    """Repairs of the segments ``left`` of ``line`` by the one code page that repaired the others:
    a line is shown through one display, so a segment with too little evidence alone ("Wêgier",
    beside "spotka³ siê") is read as its neighbours were, if it then reads better.
    """
    chains = {fix.chains for _, _, fix in fixes}
    if len(chains) != 1 or len(chain := next(iter(chains))) != 1 or chain[0].mixed or chain[0].lossy:
        return []
    out = []
    for a, b in left:
        segment = line[a:b]
        got = _decode_chain(segment, chain[0], lossy=False)
        if (
            got is not None
            and got != segment
            and _acceptable(segment, got)
            and best_language(got)[1] > _damaged_score(segment)
        ):
            out.append((a, b, Found(0, b - a, segment, got, chain, fixes[0][2].score)))
    return out


def _confirmed(line: str, fixed: str, found: list[Found]) -> bool:
    """Whether the repairs of ``line`` stand as a whole: enough suspect characters undone,
    ftfy's badness check no worse, and no clean reading of the line by ftfy as good.
    """
    undone = sum(_suspects(line[f.start : f.end]) for f in found)
    if undone < MIN_SUSPECTS_DEFAULT and not all(
        f.chains[0].shown == "ascii" or _glued_damage(f.before) for f in found
    ):
        return False
    if looks_bad(fixed) and not looks_bad(line):
        return False
    utf8 = ftfy_fix(line)  # UTF-8 that ftfy reads as well: ftfy's repair, after this one
    if utf8 == line or looks_bad(utf8):
        return True
    ours = ftfy_fix(fixed)
    if _completes(utf8, ours):
        return best_language(utf8)[1] < best_language(ours)[1]
    return best_language(utf8)[1] < best_language(ours)[1] - FTFY_PREFERRED_DEFAULT


_LEAD_BYTES = re.compile("[\xc2-\xf4]")
# a two-byte lead shown as cp1252 with no continuation byte after it (one the display dropped)
_LONE_LEAD = re.compile(f"[\xc2-\xdf](?![\x80-\xbf{''.join(_CP1252)}\ufffd])")


def _beyond_ftfy(segment: str) -> Found | None:
    """A repair of UTF-8 shown as cp1252 that ftfy reads but for a few letters, where a byte the
    display dropped left a lead byte alone ("ÄtvrtletnÃ­", Ä for č: C4 8D lost its 8D): the
    lossy search reads the whole segment, bytes put back, if that reads better than ftfy's.
    """
    if not _LONE_LEAD.search(segment):
        return None  # no lead byte without its continuation: nothing was dropped
    theirs = ftfy_fix(segment)
    ours = _lossy_decode(segment, CHAINS[0])
    if ours is None or not _completes(theirs, ours) or not _acceptable(segment, ours):
        return None
    if best_language(ours)[1] <= best_language(theirs)[1]:
        return None
    return Found(0, len(segment), segment, ours, (CHAINS[0],), 0.0)


def _completes(theirs: str, ours: str) -> bool:
    """Whether ``ours`` is ``theirs`` (ftfy's reading) with lead bytes it left alone read as letters."""
    return (
        theirs != ours
        and len(theirs) == len(ours)
        and all(a == b or (_LEAD_BYTES.match(a) and b.isalpha()) for a, b in zip(theirs, ours, strict=True))
    )
