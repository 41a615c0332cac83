"""Generic statistical and context classifier for text blocks.

The phrase rules decide what they recognise; this module decides the rest on
any site and in any language, from what the text alone offers:

* per block: length (words, or characters for Chinese and Japanese), share of
  function words (stop words of the document's language), sentence
  punctuation, digits, Title-Case words;
* per document: the article is one contiguous run of prose. The run starts
  from the heaviest cluster of prose blocks and grows over a gap of
  non-prose blocks only when the prose beyond outweighs the gap, whose cost
  grows faster than its length (linear time overall); short and non-prose
  blocks outside the run are boilerplate, those inside it (subheadings,
  short quotes) are article text;
* a few generic shapes are boilerplate wherever they are: photo credits and
  the caption they close ("Advertisement" and copyright lines are phrase
  rules, in ``data/boilerplate.toml``); bylines and
  dates also at the head of the run; a headed list of headlines inside it.

Stop words come from jusText's stop lists (BSD) when the ``justext`` package
is installed; its files are read directly, the package is not imported.
Without them the classifier falls back on punctuation and length alone.
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from . import rules

__all__ = ["classify_blocks", "detect_language", "KEEP"]

#: The value of ``fixed[i]`` for a block the rules kept as article text.
KEEP = "keep"

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u309f]")  # hiragana: Japanese function morphemes
# Possessive runs, entered only at their start: a run of 100,000 dots costs one pass.
_SENTENCE_END = re.compile(r"(?<![.!?。！？…])[.!?。！？…]++[\"'”’»)\]]*+(?:\s|$)")
_ENDS_SENTENCE = re.compile(r"[.!?。！？…:;：][\"'”’»)\]]*\s*$")
_DIGIT = re.compile(r"\d")

# Function characters of written Chinese (no stop list ships for it).
_ZH_FUNCTION = frozenset("的了是在和有也就都而及與与之其這这那不我他她们們个個")

# A credit line opens with "Photo:", "Credit:", "Photo by"... (what ends with a
# credit, "(AP Photo/Name)", "Name / AFP", is rules.is_caption's to say).
_CREDIT_OPENING = re.compile(
    r"^\(?\s*(photo|photos|foto|fotos|image|images|picture|credit|credits|"
    r"bild|imagem|immagine|фото|사진)\b\s*(by)?\s*[:/.…]|"
    r"^\(?[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} ?/ ?[A-Z]",
)
_CREDIT_TAIL = re.compile(
    r"\((photo|photos|image|images|picture|foto|fotos|credit|bild|imagem)\s*:[^()]*\)\W*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(by|von|por|di|de|par|oleh|door|av|af|автор|author|written by|words by|"
    r"text|texto|reporter)\b[:\s]",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"(\b\d{1,2}:\d{2}\b|\b(19|20)\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|"
    r"\b(am|pm|gmt|utc|est|edt|pst|pdt|cet|cest|bst|ist|kst|jst)\b|"
    r"(?<!\d)\d++\s*(min|mins|minutes?|hours?|hrs?|days?|hari|jam|시간|분|일)\b)",
    re.IGNORECASE,
)


# --------------------------------------------------------------- stop words ---

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
def _stoplists() -> dict[str, frozenset[str]]:
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
    for lang, words in _stoplists().items():
        for word in words:
            index.setdefault(word, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


_SAMPLE_CHARS = 4000  # of the longest blocks: enough words to tell a language by


def detect_language(text: str, sample: int = 1500) -> str:
    """Guess the language of ``text``: a jusText stop-list name, ``Japanese``,
    ``Chinese`` or ``unknown``, from at most ``sample`` words."""
    head = text[: sample * 8]
    cjk = 0 if head.isascii() else len(_CJK.findall(head))
    words = _WORD.findall(head)[:sample]
    if cjk and cjk * 3 > len(words):
        kana = len(_KANA.findall(head))
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


def _prose_sample(texts: Sequence[str], chars: int = _SAMPLE_CHARS) -> str:
    """The longest blocks, up to ``chars`` characters: the article's prose
    rather than the menus around it, for language detection."""
    sample, size = [], 0
    for text in sorted(texts, key=len, reverse=True):
        if size >= chars:
            break
        sample.append(text)
        size += len(text)
    return "\n".join(sample)


# ------------------------------------------------------------------ features ---

@dataclass(frozen=True)
class _Features:
    words: float  # words, or CJK characters / 2
    stop: float  # share of function words, -1 when unknown
    sentences: int  # sentence ends inside the block
    ends: bool  # ends like a sentence (or a colon)
    digits: float  # share of digits among non-space characters
    title: float  # share of words starting with a capital


def _features(text: str, language: str, stops: frozenset[str]) -> _Features:
    """Measure one block."""
    tokens = _WORD.findall(text)
    cjk = len(_CJK.findall(text)) if language in ("Japanese", "Chinese") and not text.isascii() else 0
    if cjk:
        others = [t for t in tokens if not _CJK.search(t)]
        words = len(others) + cjk / 2
        if language == "Japanese":
            stop = len(_KANA.findall(text)) / cjk
        else:
            stop = sum(1 for ch in text if ch in _ZH_FUNCTION) / cjk
    else:
        words = float(len(tokens))
        if stops and tokens:
            stop = sum(t in stops for t in map(str.lower, tokens)) / len(tokens)
        else:
            stop = -1.0
    chars = (len(text) - text.count(" ")) or 1
    alpha = [t for t in tokens if t[0].isalpha()]
    title = sum(t[0].isupper() for t in alpha) / len(alpha) if alpha else 0.0
    return _Features(
        words=words,
        stop=stop,
        sentences=len(_SENTENCE_END.findall(text)),
        ends=bool(_ENDS_SENTENCE.search(text)),
        digits=sum(map(str.isdigit, text)) / chars,
        title=title,
    )


# Block classes.
_GOOD, _NEAR, _SHORT, _BAD = "good", "near", "short", "bad"


def _block_class(f: _Features, ref: float) -> str:
    """Prose (good), maybe prose (near), short, or non-prose (bad)."""
    if f.words < 6:
        return _SHORT
    high, low = 0.55 * ref, 0.35 * ref
    if f.stop < 0:  # no stop list: punctuation and length only
        if f.words >= 15 and (f.ends or f.sentences):
            return _GOOD
        return _NEAR if f.ends else _BAD
    sentence = f.ends or f.sentences > 0
    if f.words >= 12 and f.stop >= high and (sentence or f.words >= 20):
        return _GOOD
    if f.words >= 20 and f.stop >= 0.5 * low and f.ends:
        return _GOOD
    if f.stop >= low:
        return _NEAR
    return _BAD


_CONTINUES = re.compile(r"^[\"'“‘(]?[a-zà-öø-ÿа-я]")


def _wrapped_paragraphs(texts: Sequence[str]) -> list[tuple[int, int]]:
    """Runs [first, last) of lines that are one hard-wrapped paragraph: each
    line after the first starts in lower case after a line with no sentence
    end."""
    runs = []
    first = 0
    for i in range(1, len(texts) + 1):
        if (i < len(texts) and _CONTINUES.match(texts[i])
                and not _ENDS_SENTENCE.search(texts[i - 1])):
            continue
        if i - first > 1:
            runs.append((first, i))
        first = i
    return runs


def _reference_density(feats: Sequence[_Features]) -> float:
    """Typical stop-word share of this document's longer blocks."""
    dens = sorted(f.stop for f in feats if f.words >= 15 and f.stop >= 0)
    if len(dens) >= 3:
        # upper half: prose, not long lists of names
        return max(dens[(3 * len(dens)) // 4], 0.12)
    return 0.40


# ------------------------------------------------------------------- context ---

_GAP_PRICE = 1.5  # cost of crossing a gap of non-prose blocks: price * size ** 1.5
_LOOKAHEAD = 8  # clusters looked at when extending the article run
_EDGE_SENTENCES = 2
_HEAD_ZONE = 6  # first blocks of the run where bylines and dates are dropped  # short sentences kept right before or after the run


def _gap_size(cls: str, f: _Features, fx: str | None) -> float:
    """How much one non-prose block separates the prose around it."""
    if fx is not None:
        return 1.0
    if f.digits > 0.5:  # a figure: table cell, counter
        return 0.25
    if cls in (_SHORT, _NEAR) and f.ends and f.stop != 0:
        return 0.5
    if cls != _BAD and f.stop > 0 and f.title < 0.5:  # lower-case fragment
        return 0.5
    return 1.5 if cls == _BAD else 1.0


def _gap_cost(size: float) -> float:
    """Superlinear: a long run of non-prose splits more than its parts."""
    return _GAP_PRICE * size**1.5


def _article_span(weights: Sequence[float], gaps: Sequence[float]) -> tuple[int, int] | None:
    """[start, end) of the article: the heaviest cluster of prose blocks,
    extended over the gaps whose crossing the prose beyond pays for.
    ``weights[i] > 0`` marks prose; ``gaps[i]`` sizes the other blocks."""
    # clusters of prose blocks: (first, last, weight), with the gap before each
    clusters: list[list[float]] = []
    before: list[float] = []
    gap = 0.0
    for i, w in enumerate(weights):
        if w <= 0:
            gap += gaps[i]
            continue
        if clusters and gap <= 1.0:
            clusters[-1][1] = i
            clusters[-1][2] += w
        else:
            clusters.append([i, i, w])
            before.append(gap)
        gap = 0.0
    if not clusters:
        return None
    seed = max(range(len(clusters)), key=lambda k: clusters[k][2])
    lo = hi = seed
    while True:  # extend right
        best, net, pick = 0.0, 0.0, hi
        for k in range(hi + 1, min(hi + 1 + _LOOKAHEAD, len(clusters))):
            net += clusters[k][2] - _gap_cost(before[k])
            if net > best:
                best, pick = net, k
        if pick == hi:
            break
        hi = pick
    while True:  # extend left
        best, net, pick = 0.0, 0.0, lo
        for k in range(lo - 1, max(lo - 1 - _LOOKAHEAD, -1), -1):
            net += clusters[k][2] - _gap_cost(before[k + 1])
            if net > best:
                best, pick = net, k
        if pick == lo:
            break
        lo = pick
    return int(clusters[lo][0]), int(clusters[hi][1]) + 1


def _edge_sentence(text: str, f: _Features, cls: str) -> bool:
    """A short block that reads like a sentence (may end or open the article)."""
    return (cls in (_SHORT, _NEAR) and f.ends and f.stop != 0 and f.title < 0.6
            and not text.rstrip().endswith(":") and not _BYLINE.match(text))


def _headline_like(f: _Features, cls: str) -> bool:
    """A list item that reads like a headline: a few words, no sentence end."""
    return cls in (_NEAR, _BAD, _SHORT) and 3 <= f.words <= 25 and not f.ends


def _is_list_header(text: str, f: _Features) -> bool:
    """A section header over a list: one to four words, no punctuation."""
    return 1 <= f.words <= 4 and not f.ends and f.digits == 0


def _headline_item(f: _Features, cls: str) -> bool:
    """A related-story headline: five or more words, no sentence end, no figures."""
    return _headline_like(f, cls) and f.words >= 5 and f.digits < 0.03


def _reason(text: str, f: _Features, cls: str) -> tuple[str, str]:
    """Name the kind of boilerplate a dropped block is."""
    if _BYLINE.match(text) and f.words <= 12 and not f.ends:
        return "byline", "shape:byline"
    if f.words <= 14 and not f.ends and _TIME.search(text) and f.digits >= 0.08:
        return "timestamp", "shape:date-time"
    if cls == _SHORT and f.words <= 3:
        return "navigation", "context:short-outside-article"
    if _headline_like(f, cls):
        return "related-stories", "context:headline-outside-article"
    return "boilerplate", f"context:{cls}-outside-article"


def classify_blocks(
    texts: Sequence[str], fixed: Sequence[str | None] | None = None
) -> list[tuple[str, str] | None]:
    """For each block: None to keep it, or (reason, rule) to drop it.

    ``fixed[i]`` is a decision the rules already made (None: undecided,
    ``"keep"``: article text, else a drop reason); it is never overridden,
    only used as context.
    """
    n = len(texts)
    fixed = list(fixed) if fixed is not None else [None] * n
    if len(fixed) != n:
        raise ValueError("fixed must have one entry per block")
    out: list[tuple[str, str] | None] = [None] * n
    if not n:
        return out

    language = detect_language(_prose_sample(texts))
    stops = _stoplists().get(language, frozenset())
    texts = [t.strip() for t in texts]
    feats = [_features(t, language, stops) for t in texts]
    ref = _reference_density(feats)
    classes = [_block_class(f, ref) for f in feats]
    for first, last in _wrapped_paragraphs(texts):
        whole = _features(" ".join(texts[first:last]), language, stops)
        cls = _block_class(whole, ref)
        for k in range(first, last):
            classes[k] = cls
            feats[k] = whole

    weights, gaps = [], []
    for cls, f, fx in zip(classes, feats, fixed):
        prose = cls == _GOOD and fx in (None, KEEP)
        weights.append(min(f.words, 80.0) if prose else 0.0)
        # a kept title or caption neither anchors the article nor splits it
        gaps.append(0.0 if prose or fx == KEEP else _gap_size(cls, f, fx))
    for first, last in _table_runs(texts, feats, fixed):
        for k in range(first, last):  # a table inside the article does not split it
            gaps[k] = 0.0
    span = _article_span(weights, gaps)
    start, end = span if span else (0, n)
    if span:  # short sentences at the edges of the run
        for _ in range(_EDGE_SENTENCES):
            if start > 0 and fixed[start - 1] is None and _edge_sentence(
                    texts[start - 1], feats[start - 1], classes[start - 1]):
                start -= 1
        for _ in range(_EDGE_SENTENCES):
            if end < n and fixed[end] is None and _edge_sentence(
                    texts[end], feats[end], classes[end]):
                end += 1
        if end > start and texts[end - 1].endswith((":", "：")):
            end = _announced_end(end, texts, fixed)

    for i, (text, f, cls) in enumerate(zip(texts, feats, classes)):
        if fixed[i] is not None:
            continue
        if _is_credit(text, f):
            out[i] = ("boilerplate", "shape:photo-credit")
        elif f.words <= 40 and _CREDIT_TAIL.search(text):
            out[i] = ("boilerplate", "shape:caption-with-credit")
        elif not start <= i < end:
            out[i] = _reason(text, f, cls)
        elif i < start + _HEAD_ZONE and weights[i] <= 0:
            reason = _reason(text, f, cls)
            if reason[0] in ("byline", "timestamp"):
                out[i] = reason

    _drop_inner_lists(texts, feats, classes, weights, fixed, out, start, end)

    # a short caption closed by a photo credit
    for i in range(1, n):
        prev = i - 1
        if (out[i] is not None and out[i][1] == "shape:photo-credit"
                and fixed[prev] is None and out[prev] is None
                and feats[prev].words <= 40 and feats[prev].sentences <= 2):
            out[prev] = ("boilerplate", "context:caption-before-credit")
    return out


def _drop_inner_lists(
    texts: Sequence[str],
    feats: Sequence[_Features],
    classes: Sequence[str],
    weights: Sequence[float],
    fixed: Sequence[str | None],
    out: list[tuple[str, str] | None],
    start: int,
    end: int,
) -> None:
    """Inside the article run, drop runs of headline-like blocks (a related
    or trending list) unless a block ending in ':' introduces them."""
    i = start
    while i < end:
        if weights[i] > 0:
            i += 1
            continue
        j = i
        while j < end and weights[j] <= 0:
            j += 1
        run = [k for k in range(i, j) if fixed[k] is None and out[k] is None]
        if run and _is_list_header(texts[run[0]], feats[run[0]]):
            items = [k for k in run[1:] if _headline_item(feats[k], classes[k])]
            intro = i > 0 and texts[i - 1].rstrip().endswith((":", "："))
            if len(items) >= 3 and len(items) + 1 >= len(run) and not intro:
                for k in run:
                    out[k] = ("related-stories", "context:headline-list-in-article")
        i = j


def _is_credit(text: str, f: _Features) -> bool:
    """A photo credit line: short, no sentence, names an agency or 'Photo:'."""
    return f.words <= 12 and f.sentences == 0 and (bool(_CREDIT_OPENING.match(text)) or rules.is_caption(text))



_NUMERIC_CELL = re.compile(r"^[\d\s.,:;%$€£¥₩+\-–—/()#]+$")
_TABLE_MIN_CELLS = 8
_TABLE_MIN_NUMERIC = 0.25
_CELL_WORDS = 12


def _table_runs(texts: Sequence[str], feats: Sequence[_Features],
                fixed: Sequence[str | None]) -> list[tuple[int, int]]:
    """Runs [first, last) of short undecided blocks that read as table cells:
    at least eight, a quarter of them figures alone (scores, prices, counts)."""
    runs = []
    i, n = 0, len(texts)
    while i < n:
        j = i
        while j < n and fixed[j] is None and feats[j].words <= _CELL_WORDS:
            j += 1
        if j - i >= _TABLE_MIN_CELLS:
            numeric = sum(1 for k in range(i, j) if _NUMERIC_CELL.match(texts[k]))
            if numeric >= _TABLE_MIN_NUMERIC * (j - i):
                runs.append((i, j))
        i = max(j, i + 1)
    return runs


def _announced_end(end: int, texts: Sequence[str], fixed: Sequence[str | None]) -> int:
    """The article's last block announces what follows (it ends with a colon):
    keep what follows up to the next block the rules dropped, or else to the
    end of the numbered list that follows."""
    n = len(texts)
    for j in range(end, n):
        if fixed[j] is not None and fixed[j] != KEEP:
            return j
    return _numbered_list_end(end, texts)


_ITEM = re.compile(r"^\s*(\d{1,3})\s*[).:]\s+\S")
_ITEM_GAP = 3  # blocks an item may span (a link, a note under it)


def _numbered_list_end(start: int, texts: Sequence[str]) -> int:
    """End of a list numbered 1, 2, 3... starting within a few blocks of
    ``start`` (``start`` itself when there is none); an item spans the
    blocks up to the next one, and the last item as many as the others."""
    expected, last, span = 1, None, 1
    for j in range(start, len(texts)):
        m = _ITEM.match(texts[j])
        if m and int(m.group(1)) == expected:
            if last is not None:
                span = max(span, j - last)
            expected, last = expected + 1, j
        elif j - (last if last is not None else start) > _ITEM_GAP:
            break
    if last is None or expected <= 3:
        return start
    return min(len(texts), last + span)
