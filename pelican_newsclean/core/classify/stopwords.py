"""Stop words and the language of a document, for the statistical pass.

Stop words come from jusText's stop lists (BSD) when the ``justext`` package
is installed; its files are read directly, the package is not imported.
Without them the statistical pass falls back on punctuation and length alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
import importlib.util
from pathlib import Path

from pelican_newsclean.core.scripts import CJK, HIRAGANA
from pelican_newsclean.core.text import WORD

SAMPLE_CHARS_DEFAULT = 4000
"""Characters of the longest blocks a document's language is told by."""
SAMPLE_WORDS_DEFAULT = 1500
"""Words of that sample looked up in the stop lists, at most."""


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
    """Language name -> lowercase stop words (empty when jusText is absent)."""
    folder = _stoplist_dir()
    if folder is None:
        return {}
    lists = {}
    for path in sorted(folder.glob("*.txt")):
        words = path.read_text(encoding="utf-8").lower().split()
        lists[path.stem] = frozenset(words)
    return lists


@lru_cache(maxsize=1)
def _stop_index() -> dict[str, tuple[str, ...]]:
    """Stop word -> the languages whose list holds it (for detection)."""
    index: dict[str, list[str]] = {}
    for lang, words in stoplists().items():
        for word in words:
            index.setdefault(word, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


def detect_language(text: str, sample: int = SAMPLE_WORDS_DEFAULT) -> str:
    """Guess the language of ``text``: a jusText stop-list name, ``Japanese``,
    ``Chinese`` or ``unknown``, from at most ``sample`` words.

    >>> detect_language("The mayor said that the bridge would open on Monday.")
    'English'
    """
    head = text[: sample * 8]
    cjk = 0 if head.isascii() else len(CJK.findall(head))
    words = WORD.findall(head)[:sample]
    if cjk and cjk * 3 > len(words):
        kana = len(HIRAGANA.findall(head))
        return "Japanese" if kana * 10 > cjk else "Chinese"
    index = _stop_index()
    if not index:
        return "unknown"
    hits: Counter[str] = Counter()
    for word, count in Counter(map(str.lower, words)).items():
        for lang in index.get(word, ()):
            hits[lang] += count
    if not hits:
        return "unknown"
    return hits.most_common(1)[0][0]


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
