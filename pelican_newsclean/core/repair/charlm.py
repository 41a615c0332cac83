"""A character-bigram language model: how much a string reads like text.

One model per language (55 of them, from ``data/charlm.json``, built by
``tools/build_charlm.py`` from langdetect's profiles), loaded on first use.
A text's score is the mean log-probability per character bigram under the
language that fits it best, so candidates decoded by different codecs are
compared on one scale. Characters are normalised as the profiles were
counted: letters lower-cased, digits, punctuation and spaces to a word
boundary, kana to one sign per syllabary, Han to classes of related
characters. Symbols and controls, what mojibake is made of, get the
:data:`ODD_LOG_PROB_DEFAULT` of a character no language writes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, repeat
import json
import operator
import re
from typing import cast
import unicodedata

from pelican_newsclean.data import data_file

_HAN = "\u4e00"  # the key in :attr:`Model.writers` of the languages written with Han, whatever the character

ODD = "\x00"
"""What a symbol, a control or an unassigned code point is normalised to."""

ODD_LOG_PROB_DEFAULT = -9.0
"""The log-probability of a bigram with a symbol or a control in it."""

UNKNOWN_LOG_PROB_DEFAULT = -10.0
"""The log-probability of a letter the language does not write (or too rarely to be kept)."""

BACKOFF_DEFAULT = -1.0
"""Added to a letter's own log-probability when its bigram was not kept."""

BOUNDARY_LOG_PROB_DEFAULT = -1.8
"""The log-probability of a word boundary after a letter, when the bigram was not kept."""


SCORED_MAX_DEFAULT = 50_000
"""Unseen bigrams a language remembers the score of, at most, before it forgets them all."""


RARE_HAN_DEFAULT = -2.0
"""Added to the log-probability of a Han character the model does not keep and no legacy
standard counts among its commonest (see :func:`common_han`)."""


_LEVEL_ONE = {"gb2312": (0xB0, 0xD7), "big5": (0xA4, 0xC6), "cp932": (0x88, 0x98)}


@lru_cache(maxsize=65536)
def common_han(ch: str, standard: str | None = None) -> bool:
    """Whether ``ch`` is a Han character of the commonest level of GB2312, Big5 or JIS X 0208
    (of ``standard`` alone, if given: "gb2312", "big5" or "cp932").

    Those standards order their characters by use (GB2312's level 1 holds 3755, Big5's 5401,
    JIS X 0208's 2965): a fact of the encodings that complements the profiles' few hundred.

    >>> common_han("麻"), common_han("鶹")
    (True, False)
    """
    for codec, (low, high) in _LEVEL_ONE.items():
        if standard not in (None, codec):
            continue
        raw = ch.encode(codec, "ignore")
        if len(raw) == 2 and low <= raw[0] <= high:
            return True
    return False


@dataclass(frozen=True)
class Language:
    """One language's model: log-probabilities of characters and of bigrams (next given previous)."""

    name: str
    uni: dict[str, float]
    bi: dict[str, float]
    mean: float  # what the language's own text scores, per bigram
    han: float | None  # the log-probability of a Han character not in uni (None: the language writes none)
    # every bigram scored so far, kept ones and unseen ones (:func:`_unseen`) alike: one lookup each
    scored: dict[str, float] = field(default_factory=dict, compare=False, hash=False, repr=False)


@dataclass(frozen=True)
class Model:
    """The languages, and which languages write each character."""

    languages: tuple[Language, ...]
    writers: dict[str, tuple[int, ...]]


@lru_cache(maxsize=1)
def model() -> Model:
    """The shipped model, read once."""
    raw = json.loads(data_file("charlm.json").read_text(encoding="utf-8"))
    scale = float(raw["scale"])
    languages = tuple(
        Language(
            name,
            {ch: lp / scale for ch, lp in tables["uni"].items()},
            {gram: lp / scale for gram, lp in tables["bi"].items()},
            tables["mean"] / scale,
            tables["han"] / scale if "han" in tables else None,
        )
        for name, tables in sorted(raw["languages"].items())
    )
    writers: dict[str, list[int]] = {}
    for i, language in enumerate(languages):
        for ch in language.uni:
            writers.setdefault(ch, []).append(i)
    # any Han character: the languages written with Han
    writers[_HAN] = [i for i, language in enumerate(languages) if language.han is not None]
    return Model(languages, {ch: tuple(ids) for ch, ids in writers.items()})


_BOUNDARIES = re.compile(" {2,}")


@lru_cache(maxsize=65536)
def normalize_char(ch: str) -> str:  # noqa: PLR0911 - one case per kind of character
    """``ch`` as the model sees it: a letter (lower case), a word boundary " ", :data:`ODD`, or nothing.

    >>> [normalize_char(c) for c in "Ab1,é©あカ"]
    ['a', 'b', ' ', ' ', 'é', '\\x00', 'あ', 'ア']
    """
    if ch < "\x80":
        return ch.lower() if ch.isalpha() else " "
    category = unicodedata.category(ch)
    if "\u3041" <= ch <= "\u3096":
        return "\u3042"
    if "\u30a1" <= ch <= "\u30fa" or ch == "\u30fc":  # not the iteration marks: rare, as mojibake goes
        return "\u30a2"
    if category[0] == "L":
        if "\u1ea0" <= ch <= "\u1eff":
            return "\u1ec3"  # Vietnamese vowels with tone marks, as the profiles count them
        low = ch.lower()
        return {"ș": "ş", "ț": "ţ", "ی": "ي"}.get(low, low) if len(low) == 1 else ch
    if category[0] == "M":
        return ch
    if category == "Cf":  # soft hyphens, zero-width spaces and joiners are no characters of the text
        return ""
    if category[0] in "PZ" or category == "Nd" or ch in "\t\r\n":
        return " "
    return ODD


def _normalized(text: str) -> str:
    """``text`` normalised, word boundaries collapsed, with one at each end."""
    norm = _BOUNDARIES.sub(" ", " " + "".join(map(normalize_char, text)))
    return norm if norm.endswith(" ") else norm + " "


def _language_score(language: Language, bigrams: list[str]) -> float:
    """The mean log-probability per bigram in one language of the ``bigrams`` of a normalised text.

    They are looked up all at once; only those the language has not seen are
    then scored one by one (:func:`_unseen`), in place, so the sum runs in text order,
    and remembered with the seen ones (up to :data:`SCORED_MAX_DEFAULT` of them).
    """
    scored = language.scored
    if not scored or len(scored) > len(language.bi) + SCORED_MAX_DEFAULT:
        scored.clear()
        scored.update(language.bi)
    values: list[float | None] = list(map(scored.get, bigrams))
    if None in values:
        for i, value in enumerate(values):
            if value is None:
                values[i] = scored[bigrams[i]] = _unseen(language, bigrams[i])
    return sum(cast("list[float]", values)) / max(1, len(bigrams))


def _unseen(language: Language, bigram: str) -> float:
    """The log-probability of a bigram the model holds none for (the model holds none with :data:`ODD`)."""
    a, b = bigram[0], bigram[1]
    if ODD in bigram:
        return ODD_LOG_PROB_DEFAULT
    uni = language.uni
    if b == " ":
        return BOUNDARY_LOG_PROB_DEFAULT if a in uni else UNKNOWN_LOG_PROB_DEFAULT
    if b in uni:
        return uni[b] + BACKOFF_DEFAULT
    if language.han is not None and "\u3400" <= b <= "\u9fff":
        return language.han + BACKOFF_DEFAULT + (0.0 if common_han(b) else RARE_HAN_DEFAULT)
    return UNKNOWN_LOG_PROB_DEFAULT + BACKOFF_DEFAULT


@lru_cache(maxsize=16384)
def best_language(text: str) -> tuple[str | None, float]:
    """The language ``text`` reads most like, and its score: the mean
    log-probability per bigram less what the language's own text gets, so
    that scores of different scripts compare (about 0 reads like the
    language, -3 and below like no language). Text without letters scores
    0.0 in no language.

    >>> best_language("Привет, мир")[0], best_language("Ã©tÃ©")[1] < best_language("été")[1]
    ('ru', True)
    """
    norm = _normalized(text)
    if len(norm) <= 2:
        return None, 0.0
    found = model()
    writers = found.writers
    # a vote from each distinct character for each language that writes it (any Han for Han's)
    keys = [_HAN if "\u3400" <= ch <= "\u9fff" else ch for ch in set(norm)]
    votes = Counter(chain.from_iterable(map(writers.get, keys, repeat(()))))
    bigrams = list(map(operator.add, norm, norm[1:]))
    if not votes:  # nothing any language writes: every language fares as badly
        return None, _language_score(found.languages[0], bigrams) - found.languages[0].mean
    most = max(votes.values())
    best: tuple[str | None, float] = (None, -1e9)
    for i, n in votes.items():
        if n >= most - 2:
            score = _language_score(found.languages[i], bigrams) - found.languages[i].mean
            if score > best[1]:
                best = (found.languages[i].name, score)
    return best


def score(text: str) -> float:
    """:func:`best_language`'s score alone: higher reads more like text."""
    return best_language(text)[1]


@lru_cache(maxsize=65536)
def char_log_prob(ch: str) -> float:
    """The log-probability of ``ch`` in the language that writes it most (a word boundary is 0.0).

    >>> char_log_prob("е") > char_log_prob("Ã") > char_log_prob("ђ")
    True
    """
    norm = normalize_char(ch)
    if norm in ("", " "):
        return 0.0
    if norm == ODD:
        return ODD_LOG_PROB_DEFAULT
    found = model()
    han = "\u3400" <= norm <= "\u9fff"
    best = UNKNOWN_LOG_PROB_DEFAULT
    for i in found.writers.get(_HAN if han else norm, ()):
        language = found.languages[i]
        lp = language.uni.get(norm)
        if lp is None and han and language.han is not None:
            lp = language.han + (0.0 if common_han(norm) else RARE_HAN_DEFAULT)
        if lp is not None and lp > best:
            best = lp
    return best
