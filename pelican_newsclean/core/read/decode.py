"""Bytes to text: UTF-8 (with or without BOM) first, then a detected encoding.

Scraped files come in every state. :func:`decode` says what it did, so the
reader can tell the user (and the report can list it):

- UTF-8, with or without a byte-order mark: read as it is (the mark dropped).
- UTF-16 or UTF-32 with a byte-order mark, or UTF-16 without one (every
  other byte NUL): read as such.
- UTF-8 with a few invalid bytes (a stray ``é`` saved by another program, a
  cut multi-byte sequence): a lone invalid byte is read as cp1252, anything
  else becomes U+FFFD, and the count is reported.
- Another encoding (cp1252, cp1251, GBK, Shift-JIS...): detected by
  charset-normalizer. Short Latin texts fit several code pages equally well
  (``Café crème`` is valid cp1250 too, where it reads ``crčme``), so among
  the candidates that fit equally well the one whose letters belong to a
  single language's alphabet wins, and cp1252 wins ties.
- A few NUL bytes in otherwise readable text are dropped; binary data (an
  image or archive named ``.txt``, many control bytes, no plausible
  encoding) raises :class:`UndecodableError`.
"""

from __future__ import annotations

import codecs
import contextlib
from dataclasses import dataclass
import re
import threading
from typing import Any
import unicodedata

from pelican_newsclean.core.model import Repair
from pelican_newsclean.core.scripts import EAST_ASIAN, letter_script


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we can detect (binary data)."""


@dataclass(frozen=True)
class Decoded:
    """A file's text and how it was read.

    ``note`` says what was done when it was more than reading plain UTF-8
    (None otherwise); ``lossy`` is True when some of the text may be wrong or
    missing (bytes replaced or dropped): the user should look at the file.
    """

    text: str
    encoding: str
    note: str | None = None
    lossy: bool = False

    def repair(self) -> Repair | None:
        """The decode as a ``decode`` repair (None for plain UTF-8 or a dropped BOM)."""
        if self.note is None or self.encoding == "utf-8-sig":
            return None
        return Repair(before="(bytes)", after=self.note, kind="decode")


_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
    (b"\x00\x00\x00", "binary data"),
)

_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

_CONTROL_BYTES = frozenset(range(0, 9)) | frozenset(range(14, 27)) | frozenset(range(28, 32))
"""C0 control bytes that text does not use (tab, line ends, form feed and ESC are allowed)."""
_CONTROL_BYTE_STRING = bytes(sorted(_CONTROL_BYTES))
_CONTROL_CHARS = re.compile("[" + "".join(map(chr, sorted(_CONTROL_BYTES))) + "]")

MAX_CONTROL_SHARE = 0.02
"""More control bytes than this share of the file: binary data, not text."""

MIN_UTF8_SHARE = 0.5
"""A file is UTF-8 with some bad bytes when this share of its non-ASCII sequences is valid UTF-8."""

NEAR_CHAOS = 0.05
"""Detected encodings whose chaos is this close to the best one's fit the bytes as well."""

SAMPLE_CHARS = 65536
"""The checks that look at characters one by one look at the start of the text only."""

PREFERRED = "cp1252"
"""Wins ties among Latin code pages: the most common legacy encoding of scraped text."""

ALSO_TRIED = (PREFERRED, "cp1250", "cp1251")
"""The most common legacy code pages, tried even when charset-normalizer does not list them."""

# The letters (beyond ASCII) of languages written in the Latin legacy code pages.
_ALPHABETS = tuple(
    frozenset(letters + letters.upper())
    for letters in (
        "àâçéèêëîïôœùûüÿ",  # French
        "äöüß",  # German
        "áéíñóúü",  # Spanish
        "áâãàçéêíóôõú",  # Portuguese
        "àèéìíîòóùú",  # Italian
        "àçèéíïòóúü",  # Catalan
        "éëïóöü",  # Dutch
        "æøåéó",  # Danish, Norwegian
        "åäöé",  # Swedish, Finnish
        "áðéíóúýþæö",  # Icelandic
        "áčďéěíňóřšťúůýž",  # Czech
        "áäčďéíĺľňóôŕšťúýž",  # Slovak
        "ąćęłńóśźż",  # Polish
        "áéíóöőúüű",  # Hungarian
        "ăâîşţșț",  # Romanian
        "čćđšž",  # Croatian, Bosnian, Slovenian
        "ąčęėįšųūž",  # Lithuanian
        "āčēģīķļņšūž",  # Latvian
        "äõöüšž",  # Estonian
        "çğıöşüİ",  # Turkish
        "ëç",  # Albanian
        "ạảãàáâậầấẩẫăắằặẳẵđèéẹẻẽêềếểễệìíịỉĩòóọỏõôồốổỗộơờớởỡợùúụủũưừứửữựỳýỵỷỹ",  # Vietnamese
    )
)


def decode(data: bytes) -> Decoded:
    """Decode a scraped file's bytes, saying how (see the module docstring).

    >>> decode("Café crème à la française".encode("cp1252")).text
    'Café crème à la française'
    >>> decode(b"caf\\xc3\\xa9 and caf\\xe9 na\\xc3\\xafve").note
    'UTF-8 with 1 invalid byte sequence: 1 read as cp1252'
    """
    for mark, codec, name in _BOMS:
        if data.startswith(mark):
            return _decode_wide(data[len(mark) :], codec, f"{name} (byte-order mark)")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        if not data.strip():
            return Decoded("", "utf-8-sig", "UTF-8 with a byte-order mark (dropped)")
        decoded = _decode_narrow(data)
        if decoded.note is None:
            return Decoded(decoded.text, "utf-8-sig", "UTF-8 with a byte-order mark (dropped)")
        return decoded
    return _decode_narrow(data)


def decode_bytes(data: bytes) -> tuple[str, Repair | None]:
    """Decode a scraped file's bytes: the text, and the decode as a repair (or None).

    UTF-8 is tried first (a BOM is dropped). Otherwise the encoding is
    detected, and the choice is returned as a ``decode`` repair so the user
    can see it. Bytes that are no text at all raise :class:`UndecodableError`.

    >>> decode_bytes("Café".encode("cp1252"))[0]
    'Café'
    """
    decoded = decode(data)
    return decoded.text, decoded.repair()


def _kind_of_binary(data: bytes) -> str | None:
    """What binary data the bytes are, when they are (None: they may be text)."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind if kind == "binary data" else f"binary data ({kind})"
    if not data:
        return None
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTE_STRING))
    if controls > MAX_CONTROL_SHARE * len(sample):
        return f"binary data ({controls} control bytes in the first {len(sample)})"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the bytes look like UTF-16 text without a mark."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _decode_wide(data: bytes, codec: str, how: str) -> Decoded:
    try:
        text = data.decode(codec)
        lossy = False
    except UnicodeDecodeError:
        text, lossy = data.decode(codec, errors="replace"), True
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise UndecodableError(f"binary data (not text as {how})")
    note = f"decoded as {how}"
    if lossy:
        note += f", {text.count(chr(0xFFFD))} invalid sequence(s) replaced with U+FFFD"
    return Decoded(text, codec, note, lossy)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:SAMPLE_CHARS]
    return len(_CONTROL_CHARS.findall(sample)) / len(sample)


def _decode_narrow(data: bytes) -> Decoded:
    """Bytes without a UTF-16/32 mark: UTF-8, UTF-8 with bad bytes, or a detected encoding."""
    if b"\x00" in data:
        wide = _utf16_without_bom(data)
        if wide is not None:
            return _decode_wide(data, wide, f"{wide.upper()} (no byte-order mark)")
    kind = _kind_of_binary(data)
    if kind is not None:
        raise UndecodableError(kind)
    nuls = data.count(0)
    if nuls:
        decoded = _decode_narrow(data.replace(b"\x00", b""))
        how = f"{nuls} NUL byte{'s' if nuls > 1 else ''} dropped"
        note = how if decoded.note is None else f"{decoded.note}; {how}"
        return Decoded(decoded.text, decoded.encoding, note, True)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    return _detect(data)


class _Tally:
    """Counts what the ``newsclean-utf8`` error handler did."""

    def __init__(self) -> None:
        self.as_cp1252 = 0
        self.replaced = 0

    def handle(self, error: UnicodeDecodeError) -> tuple[str, int]:
        bad = error.object[error.start : error.end]
        if len(bad) == 1:
            try:
                char = bytes(bad).decode("cp1252")
            except UnicodeDecodeError:
                pass
            else:
                self.as_cp1252 += 1
                return char, error.end
        self.replaced += 1
        return "\ufffd", error.end


_TALLIES = threading.local()
_ESCAPED = re.compile("[\udc80-\udcff]+")


def _dispatch(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    tally: _Tally = _TALLIES.current
    return tally.handle(error)


codecs.register_error("newsclean-utf8", _dispatch)


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few invalid bytes, when that is what the bytes are (else None)."""
    loose = data.decode("utf-8", errors="surrogateescape")  # one U+DCxx per invalid byte
    escaped = sum(len(run) for run in _ESCAPED.findall(loose))
    valid = len(loose) - len(loose.encode("ascii", errors="ignore")) - escaped
    if valid == 0 or valid < MIN_UTF8_SHARE * (valid + escaped):
        return None
    tally = _Tally()
    _TALLIES.current = tally
    try:
        text = data.decode("utf-8", errors="newsclean-utf8")
    finally:
        del _TALLIES.current
    bad = tally.as_cp1252 + tally.replaced
    parts = []
    if tally.as_cp1252:
        parts.append(f"{tally.as_cp1252} read as cp1252")
    if tally.replaced:
        parts.append(f"{tally.replaced} replaced with U+FFFD")
    note = f"UTF-8 with {bad} invalid byte sequence{'s' if bad > 1 else ''}: {', '.join(parts)}"
    return Decoded(text, "utf-8", note, lossy=tally.replaced > 0)


def _script(ch: str) -> str:
    """A letter's script, Chinese, Japanese and Korean counted as one."""
    script = letter_script(ch) or "Other"
    return "East Asian" if script in EAST_ASIAN else script


def alphabet_fit(text: str) -> float:
    """How well the text's letters fit one alphabet: 1.0 when they all do.

    Latin letters beyond ASCII are scored against the alphabets of single
    languages; letters of other scripts fit when they share the text's main
    script (Chinese, Japanese and Korean count as one). A letter of another
    script glued to an ASCII letter (``Cafй``), a character inside a word
    that is no letter (``d³ugiej``: Polish read as cp1252) and a symbol
    touching a letter (``╧Ёшт``) never fit. A text with no such
    characters scores 1.0.
    """
    sample = text[:SAMPLE_CHARS]
    scripts: dict[str, list[str]] = {}
    misfits = 0
    last = len(sample) - 1
    for index, ch in enumerate(sample):
        if ord(ch) <= 127:
            continue
        before = sample[index - 1] if index else " "
        after = sample[index + 1] if index < last else " "
        if ch.isalpha():
            script = _script(ch)
            glued = (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())
            if script != "Latin" and glued:
                misfits += 1
            else:
                scripts.setdefault(script, []).append(ch)
        elif (before.isalpha() and after.isalpha()) or (
            unicodedata.category(ch).startswith("S") and (before.isalpha() or after.isalpha())
        ):
            misfits += 1
    letters = sum(len(found) for found in scripts.values())
    if not letters:  # only punctuation (curly quotes, dashes) fits: not symbols alone
        others = [ch for ch in sample if ord(ch) > 127 and not ch.isspace()]
        punctuation = sum(1 for ch in others if unicodedata.category(ch).startswith("P"))
        return punctuation / (len(others) + misfits) if others else 1.0
    main = max(scripts, key=lambda script: len(scripts[script]))
    if main != "Latin":
        fitting = len(scripts[main])
    else:
        latin = scripts[main]
        fitting = max(sum(1 for ch in latin if ch in alphabet) for alphabet in _ALPHABETS)
    return fitting / (letters + misfits)


def _pick(data: bytes, matches: Any) -> tuple[str, str]:
    """The encoding to use among charset-normalizer's candidates, and the text.

    The candidates that fit the bytes about as well as the best one (its
    "chaos" is close) are ranked by how well their letters fit one alphabet;
    charset-normalizer's order breaks ties, except that cp1252 wins them.
    charset-normalizer does not always list cp1252 when another code page
    gives the same text, so it is tried too, with cp1250 and cp1251. UTF-16 and UTF-32 are not
    candidates here: text in them has NUL bytes or a byte-order mark, both
    handled before detection.
    """
    best = matches.best()
    candidates = [
        (m.encoding, str(m))
        for m in matches
        if m.chaos <= best.chaos + NEAR_CHAOS and not m.encoding.startswith(("utf_16", "utf_32"))
    ]
    listed = {encoding for encoding, _ in candidates}
    for encoding in ALSO_TRIED:
        if encoding not in listed:
            with contextlib.suppress(UnicodeDecodeError):
                candidates.append((encoding, data.decode(encoding)))
    if not candidates:
        return best.encoding, str(best)
    ranked = sorted(
        range(len(candidates)),
        key=lambda i: (-round(alphabet_fit(candidates[i][1]), 3), candidates[i][0] != PREFERRED, i),
    )
    return candidates[ranked[0]]


def _detect(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    if matches.best() is None:
        raise UndecodableError("not UTF-8, and no text encoding fits its bytes")
    encoding, text = _pick(data, matches)
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise UndecodableError(f"binary data (not text as {encoding})")
    return Decoded(text, encoding, f"not UTF-8: decoded as {encoding}")


__all__ = ["Decoded", "UndecodableError", "decode", "decode_bytes"]
