"""Stop words and the language of a document, for the statistical pass.

Stop words come from jusText's stop lists (BSD) when the ``justext`` package
is installed; its files are read directly, the package is not imported.
Without them the statistical pass falls back on punctuation and length alone.
A document's language is told by a compact index of every list
(:func:`stop_index`, built once and cached); only the list of the language
found is then read (:func:`stoplist`).
"""

from __future__ import annotations

import array
import bisect
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache
import hashlib
import importlib.util
import json
import os
from pathlib import Path
import sys
import zlib

from pelican_newsclean.core.scripts import CJK, HIRAGANA
from pelican_newsclean.core.text import WORD
from pelican_newsclean.data import load_toml

SAMPLE_CHARS_DEFAULT = 4000
"""Characters of the longest blocks a document's language is told by."""
SAMPLE_WORDS_DEFAULT = 1500
"""Words of that sample looked up in the stop lists, at most."""
PRIOR_SHARE_DEFAULT = 0.3
"""The share of the sample's words that must be stop words of the site's language (a prior, see
:func:`site_language`) for it to be the document's without weighing every other language. On the
development sets a text in another language has at most 0.11 of its words in the English list;
an English text, most of them 0.3 or more."""


@lru_cache(maxsize=1)
def _stoplist_dir() -> Path | None:
    """The folder of jusText's stop lists, found without importing jusText."""
    try:
        spec = importlib.util.find_spec("justext")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for loc in spec.submodule_search_locations:
        folder = Path(loc) / "stoplists"
        if folder.is_dir():
            return folder
    return None


@lru_cache(maxsize=1)
def stoplists() -> dict[str, frozenset[str]]:
    """Language name -> lowercase stop words, every list (empty when jusText is absent).

    The cleaner itself reads only the list of a document's language
    (:func:`stoplist`) and the compact index (:func:`stop_index`).
    """
    folder = _stoplist_dir()
    if folder is None:
        return {}
    return {path.stem: stoplist(path.stem) for path in sorted(folder.glob("*.txt"))}


@cache
def stoplist(language: str) -> frozenset[str]:
    """The lowercase stop words of one language (empty for a language with no list)."""
    folder = _stoplist_dir()
    path = folder / f"{language}.txt" if folder is not None and language.isidentifier() else None
    if path is None or not path.is_file():
        return frozenset()
    return _read_list(path)


def _read_list(path: Path) -> frozenset[str]:
    return frozenset(path.read_text(encoding="utf-8").lower().split())


def _word_key(word: str) -> int:
    """A 64-bit key of a word for the index (two C-speed checksums; no collision among the stop words)."""
    data = word.encode("utf-8", "surrogatepass")
    return (zlib.crc32(data) << 32) | zlib.adler32(data)


class StopIndex:
    """Which languages' stop lists hold a word, for every word of every list, in little memory.

    Sorted 64-bit word keys, and for each the index of its tuple of languages
    (in the lists' order); a word's lookup is remembered for the next documents.
    """

    def __init__(self, keys: array.array[int], sets: array.array[int], languages: tuple[tuple[str, ...], ...]) -> None:
        """Keys sorted, ``sets[i]`` the index in ``languages`` of the languages of ``keys[i]``."""
        self.keys, self.sets, self.languages = keys, sets, languages
        self._seen: dict[str, int] = {}
        self._names = list(dict.fromkeys(lang for langs in languages for lang in langs))
        field = {lang: _TALLY_BITS * i for i, lang in enumerate(self._names)}
        self._packed = [sum(1 << field[lang] for lang in langs) for langs in languages]

    def __len__(self) -> int:
        """How many words the index holds."""
        return len(self.keys)

    def languages_of(self, word: str) -> tuple[str, ...]:
        """The languages whose stop list holds ``word`` (lowercase), in the lists' order."""
        found = self.set_of(word)
        return self.languages[found] if found >= 0 else ()

    def set_of(self, word: str) -> int:
        """The index in :attr:`languages` of the languages of ``word`` (lowercase); -1 for none."""
        found = self._seen.get(word)
        if found is None:
            found = self._search(word)
            if len(self._seen) >= SEEN_WORDS_DEFAULT:
                self._seen.clear()
            self._seen[word] = found
        return found

    def _search(self, word: str) -> int:
        key = _word_key(word)
        at = bisect.bisect_left(self.keys, key)
        return self.sets[at] if at < len(self.keys) and self.keys[at] == key else -1

    def count_sets(self, words: list[str]) -> dict[int, int]:
        """How many of ``words`` (lowercase) each tuple of languages holds, by index in
        :attr:`languages`, in the order the words first meet them; words of no list are left out.
        The words' look-ups are counted at C speed; only words not met before are searched.
        """
        seen = self._seen
        missing = set(words).difference(seen)
        if len(seen) + len(missing) > SEEN_WORDS_DEFAULT:
            seen.clear()
            missing = set(words)
        for word in missing:
            seen[word] = self._search(word)  # a sample of more words than that is kept whole
        counts = Counter(map(seen.__getitem__, words))
        counts.pop(-1, None)
        return counts

    def most_common(self, counts: dict[int, int]) -> str | None:
        """The language holding most of the words counted in ``counts`` (index in
        :attr:`languages` -> number of words), None for no words. A tie goes to the language a
        word-by-word count meets first (``counts`` in order, each tuple in order).

        Each tuple of languages is one integer with a field of :data:`_TALLY_BITS` bits per
        language, so a document's tally is a few dozen big-integer products and sums in C, not
        one Python increment per word and language.
        """
        if not counts:
            return None
        packed = self._packed
        total = sum(packed[found] * count for found, count in counts.items())
        fields = array.array(_TALLY_TYPE, total.to_bytes(_TALLY_BITS // 8 * len(self._names), sys.byteorder))
        best = max(fields)
        if fields.count(best) == 1:
            return self._names[fields.index(best)]
        leaders = {self._names[i] for i, field in enumerate(fields) if field == best}
        return next(lang for found in counts for lang in self.languages[found] if lang in leaders)

    @classmethod
    def build(cls, lists: dict[str, frozenset[str]]) -> StopIndex:
        """The index of ``lists`` (language -> words), languages in the order given."""
        by_word: dict[str, list[str]] = {}
        for language, words in lists.items():
            for word in words:
                by_word.setdefault(word, []).append(language)
        order: dict[tuple[str, ...], int] = {}
        pairs = sorted((_word_key(w), order.setdefault(tuple(langs), len(order))) for w, langs in by_word.items())
        keys = array.array("Q", (k for k, _ in pairs))
        if len(set(keys)) != len(keys):
            raise ValueError("two stop words share a key")
        return cls(keys, array.array("H", (s for _, s in pairs)), tuple(order))

    def to_bytes(self) -> bytes:
        """The index as bytes, for :meth:`from_bytes` on the same machine."""
        head = json.dumps({"n": len(self.keys), "languages": self.languages}).encode("utf-8")
        return b"".join([_MAGIC, len(head).to_bytes(4, "little"), head, self.keys.tobytes(), self.sets.tobytes()])

    @classmethod
    def from_bytes(cls, data: bytes) -> StopIndex:
        """An index written by :meth:`to_bytes` (ValueError if it is not one)."""
        if not data.startswith(_MAGIC):
            raise ValueError("not a stop-word index")
        size = int.from_bytes(data[len(_MAGIC) : len(_MAGIC) + 4], "little")
        at = len(_MAGIC) + 4
        head = json.loads(data[at : at + size])
        keys, sets = array.array("Q"), array.array("H")
        n, at = int(head["n"]), at + size
        keys.frombytes(data[at : at + 8 * n])
        sets.frombytes(data[at + 8 * n : at + 10 * n])
        languages = tuple(tuple(langs) for langs in head["languages"])
        if len(keys) != n or len(sets) != n or (n and max(sets) >= len(languages)):
            raise ValueError("a truncated stop-word index")
        return cls(keys, sets, languages)


_TALLY_TYPE = "Q"
_TALLY_BITS = 8 * array.array(_TALLY_TYPE).itemsize
"""Bits of one language's field in :meth:`StopIndex.most_common` (an unsigned 64-bit integer)."""
SEEN_WORDS_DEFAULT = 200_000
"""Word lookups remembered across documents, at most (the vocabulary of many articles)."""
_MAGIC = f"newsclean-stop-index-1-{sys.byteorder}\n".encode("ascii")


def _index_cache_path(folder: Path) -> Path | None:
    """Where the index of the lists in ``folder`` is kept: the user's cache folder, named for the
    lists' files (names, sizes, times), so a new jusText builds a new one.
    """
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not base or base.startswith("~"):
        return None
    stamp = hashlib.sha256(_MAGIC + str(folder).encode("utf-8", "surrogatepass"))
    for path in sorted(folder.glob("*.txt")):
        info = path.stat()
        stamp.update(f"{path.name}:{info.st_size}:{info.st_mtime_ns};".encode("utf-8", "surrogatepass"))
    return Path(base) / "pelican-newsclean" / f"stop-index-{stamp.hexdigest()[:16]}.bin"


@lru_cache(maxsize=1)
def stop_index() -> StopIndex | None:
    """The index of every stop list (None when jusText is absent).

    Built once from the lists and kept in the user's cache folder
    (``$XDG_CACHE_HOME/pelican-newsclean``); every later process reads it
    (about 1.5 MB) instead of every list. Where the folder cannot be written,
    the index is built in memory.
    """
    folder = _stoplist_dir()
    if folder is None:
        return None
    cached = _index_cache_path(folder)
    if cached is not None:
        try:
            return StopIndex.from_bytes(cached.read_bytes())
        except (OSError, ValueError, KeyError, TypeError):
            pass
    index = StopIndex.build({path.stem: _read_list(path) for path in sorted(folder.glob("*.txt"))})  # not kept
    if cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
            partial.write_bytes(index.to_bytes())
            partial.replace(cached)  # atomic: a process reading it never sees half of it
        except OSError:
            pass
    return index


def detect_language(text: str, sample: int = SAMPLE_WORDS_DEFAULT, prior: str | None = None) -> str:
    """Guess the language of ``text``: a jusText stop-list name, ``Japanese``,
    ``Chinese`` or ``unknown``, from at most ``sample`` words.

    ``prior`` (a stop-list name: the site's language) is taken when at least
    :data:`PRIOR_SHARE_DEFAULT` of the words are its stop words; otherwise every
    list is weighed, and the text may be in any language.

    >>> detect_language("The mayor said that the bridge would open on Monday.")
    'English'
    >>> detect_language("Der Bürgermeister sagte, dass die Brücke am Montag öffnet.", prior="English")
    'German'
    """
    head = text[: sample * 8]
    cjk = 0 if head.isascii() else len(CJK.findall(head))
    words = WORD.findall(head)[:sample]
    if cjk and cjk * 3 > len(words):
        kana = len(HIRAGANA.findall(head))
        return "Japanese" if kana * 10 > cjk else "Chinese"
    lowered = list(map(str.lower, words))
    stops = stoplist(prior) if prior else None
    if prior and stops and sum(map(stops.__contains__, lowered)) >= PRIOR_SHARE_DEFAULT * len(lowered):
        return prior  # the site's language: no other list need be weighed
    index = stop_index()
    if not index:
        return "unknown"
    return index.most_common(index.count_sets(lowered)) or "unknown"


@lru_cache(maxsize=1)
def _language_codes() -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in load_toml("languages.toml")["codes"].items()}


def language_for_code(code: str) -> str | None:
    """The stop-list name of a language code (``en``, ``pt-BR``, ``de_AT``), None when unknown.

    >>> language_for_code("pt-BR"), language_for_code("xx")
    ('Portuguese', None)
    """
    primary = code.strip().replace("_", "-").split("-")[0].lower()
    return _language_codes().get(primary)


_STATED: ContextVar[str | None] = ContextVar("newsclean_stated_language", default=None)
_SITE: ContextVar[str | None] = ContextVar("newsclean_site_language", default=None)


@contextmanager
def stated_language(code: str | None) -> Iterator[str | None]:
    """While cleaning one document: the language its metadata states (``Lang:``, a saved page's
    own), which the statistical pass then takes instead of detecting one. A code that names no
    known language states nothing. Gives the stop-list name, or None.
    """
    with _setting(_STATED, code) as name:
        yield name


@contextmanager
def site_language(code: str | None) -> Iterator[str | None]:
    """While cleaning one document: the language of the site it is published on (Pelican's
    ``DEFAULT_LANG``), a prior the detection keeps when the document's prose reads as it
    (:data:`PRIOR_SHARE_DEFAULT`). It states nothing: a scrape may be in any language. Gives the
    stop-list name, or None.
    """
    with _setting(_SITE, code) as name:
        yield name


@contextmanager
def _setting(var: ContextVar[str | None], code: str | None) -> Iterator[str | None]:
    """``var`` set to the stop-list name of ``code`` (None for no known language) while in use."""
    name = language_for_code(code) if code else None
    token = var.set(name)
    try:
        yield name
    finally:
        var.reset(token)


def document_language(texts: Sequence[str]) -> str:
    """The language of a document of blocks: the one its metadata states, else detected from the
    prose (:func:`prose_sample`), the site's language first (:func:`site_language`).
    """
    return _STATED.get() or detect_language(prose_sample(texts), prior=_SITE.get())


def prose_sample(texts: Sequence[str], chars: int = SAMPLE_CHARS_DEFAULT) -> str:
    """The longest blocks, up to ``chars`` characters: the article's prose
    rather than the menus around it, for language detection.
    """
    sample, size = [], 0
    for text in sorted(texts, key=len, reverse=True):
        if size >= chars:
            break
        sample.append(text)
        size += len(text)
    return "\n".join(sample)
