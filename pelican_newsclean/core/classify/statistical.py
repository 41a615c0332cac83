"""The statistical pass: boilerplate on sites no rule was written for.

The phrase rules decide what they recognise; this pass decides the rest on
any site and in any language, from what the text alone offers. It runs in
three steps, each a function:

1. :func:`measure` (context-free): per block, length (words, or characters
   for Chinese and Japanese), share of function words (stop words of the
   document's language), sentence punctuation, digits, Title-Case words;
   and from them a class: prose, maybe prose, short, or not prose.
2. :func:`article_run` (context): the article is one contiguous run of
   prose. The run starts from the heaviest cluster of prose blocks and grows
   over a gap of non-prose blocks only when the prose beyond outweighs the
   gap, whose cost grows faster than its length (linear time overall); at
   its edges it takes what belongs to the article though it is no prose (a
   list or a table the article announces, its own lines under one label).
3. :func:`name_drops`: short and non-prose blocks outside the run are
   boilerplate, those inside it (subheadings, short quotes) are article
   text; a few generic shapes are boilerplate wherever they are (photo
   credits and the caption they close); bylines and dates also at the head
   of the run; a headed list of headlines inside it.

Every threshold is a named default in :mod:`.defaults`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter
import re

from pelican_newsclean.core.scripts import CJK, HIRAGANA
from pelican_newsclean.core.text import ENDS_CLAUSE, SENTENCE_ENDS, WORD, non_ascii

from . import defaults as d, shapes
from .stopwords import detect_language, document_language, stoplist

__all__ = ["KEEP", "Verdict", "article_run", "classify_blocks", "detect_language", "measure", "name_drops"]

KEEP = "keep"
"""The value of ``fixed[i]`` for a block the rules kept as article text."""

Verdict = tuple[str, str] | None
"""None to keep a block, or (reason, rule) to drop it."""

# Function characters of written Chinese (no stop list ships for it).
_ZH_FUNCTION = frozenset("的了是在和有也就都而及與与之其這这那不我他她们們个個")


# ------------------------------------------------------------------ 1. measure ---


@dataclass(frozen=True)
class Features:
    """What the pass measures of one block."""

    words: float  # words, or CJK characters / 2
    stop: float  # share of function words, -1 when unknown
    sentences: int  # sentence ends inside the block
    ends: bool  # ends like a sentence (or a colon)
    digits: float  # share of digits among non-space characters
    title: float  # share of words starting with a capital


def features(text: str, language: str, stops: frozenset[str]) -> Features:
    """Measure one block."""
    tokens = WORD.findall(text)
    cjk = len(CJK.findall(text)) if language in ("Japanese", "Chinese") and not text.isascii() else 0
    if cjk:
        others = [t for t in tokens if not CJK.search(t)]
        words = len(others) + cjk / 2
        if language == "Japanese":
            stop = len(HIRAGANA.findall(text)) / cjk
        else:
            stop = sum(1 for ch in text if ch in _ZH_FUNCTION) / cjk
    else:
        words = float(len(tokens))
        stop = sum(map(stops.__contains__, map(str.lower, tokens))) / len(tokens) if stops and tokens else -1.0
    chars = (len(text) - text.count(" ")) or 1
    alpha = list(filter(str.isalpha, map(itemgetter(0), tokens)))  # the words' first letters
    title = sum(map(str.isupper, alpha)) / len(alpha) if alpha else 0.0
    return Features(
        words=words,
        stop=stop,
        sentences=len(SENTENCE_ENDS.findall(text)),
        ends=bool(ENDS_CLAUSE.search(text)),
        digits=_count_digits(text) / chars,
        title=title,
    )


def _count_digits(text: str) -> int:
    """How many characters of ``text`` are digits (:meth:`str.isdigit`: "²" and "٣" too),
    counted by C-speed searches rather than a test a character.

    >>> _count_digits("Page 2 of ٣, x²")
    3
    """
    found = sum(map(text.count, "0123456789"))
    return found if text.isascii() else found + sum(map(str.isdigit, non_ascii(text)))


# Block classes.
GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"


def block_class(f: Features, ref: float) -> str:  # noqa: PLR0911 - one answer per case
    """Prose (good), maybe prose (near), short, or non-prose (bad)."""
    if f.words < d.SHORT_WORDS_DEFAULT:
        return SHORT
    high, low = d.STOP_HIGH_DEFAULT * ref, d.STOP_LOW_DEFAULT * ref
    if f.stop < 0:  # no stop list: punctuation and length only
        if f.words >= d.GOOD_NO_STOPLIST_WORDS_DEFAULT and (f.ends or f.sentences):
            return GOOD
        return NEAR if f.ends else BAD
    sentence = f.ends or f.sentences > 0
    if f.words >= d.GOOD_WORDS_DEFAULT and f.stop >= high and (sentence or f.words >= d.GOOD_LONG_WORDS_DEFAULT):
        return GOOD
    if f.words >= d.GOOD_LONG_WORDS_DEFAULT and f.stop >= 0.5 * low and f.ends:
        return GOOD
    if f.stop >= low:
        return NEAR
    return BAD


_CONTINUES = re.compile(r"^[\"'“‘(]?[a-zà-öø-ÿа-я]")


_CUT_AFTER = ",-–—("
"""Besides a lower-case word, what a line broken off mid-sentence can end with."""


def _cut_mid_sentence(line: str) -> bool:
    """Whether a line reads as broken off mid-sentence: two words or more, ending in a comma,
    a dash, an opening bracket or a word in lower case. A line ending on a capitalised word, a
    number or a quote ("Sponsored Links", "Posted by: Ana at 3:17 PM", a lone name) is a line of
    its own, however the next one starts.
    """
    words = line.split()
    if len(words) < 2:
        return False
    last = line[-1:]
    return last in _CUT_AFTER or (last.islower() and not words[-1][:1].isupper())


def _wrapped_paragraphs(texts: Sequence[str]) -> list[tuple[int, int]]:
    """Runs [first, last) of lines that are one hard-wrapped paragraph: each
    line after the first starts in lower case after a line cut off
    mid-sentence (:func:`_cut_mid_sentence`), and the last ends like a
    sentence (a list of teasers, each opening with a lower-case tag, does not).
    """
    runs = []
    first = 0
    for i in range(1, len(texts) + 1):
        if i < len(texts) and _CONTINUES.match(texts[i]) and _cut_mid_sentence(texts[i - 1]):
            continue
        if i - first > 1 and ENDS_CLAUSE.search(texts[i - 1]):
            runs.append((first, i))
        first = i
    return runs


_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?>")


def shows_markup(text: str) -> bool:
    """A block that is mostly HTML tags printed as text (a form's list of the
    tags it allows, a code sample): furniture, however many words it has.
    """
    if text.count("<") < d.MARKUP_MIN_TAGS_DEFAULT:
        return False
    tags = _TAG.findall(text)
    return len(tags) >= d.MARKUP_MIN_TAGS_DEFAULT and sum(map(len, tags)) >= d.MARKUP_MIN_SHARE_DEFAULT * len(text)


def _reference_density(feats: Sequence[Features]) -> float:
    """Typical stop-word share of this document's longer blocks."""
    dens = sorted(f.stop for f in feats if f.words >= d.REFERENCE_MIN_WORDS_DEFAULT and f.stop >= 0)
    if len(dens) >= 3:
        # upper part: prose, not long lists of names
        return max(dens[int(len(dens) * d.REFERENCE_QUANTILE_DEFAULT)], d.REFERENCE_FLOOR_DEFAULT)
    return d.REFERENCE_FALLBACK_DEFAULT


@dataclass(frozen=True)
class Measures:
    """The context-free view of a document: each block's features and class."""

    texts: tuple[str, ...]
    features: tuple[Features, ...]
    classes: tuple[str, ...]


def measure(texts: Sequence[str]) -> Measures:
    """Measure every block against the document's language; a hard-wrapped
    paragraph is measured whole, for each of its lines.
    """
    texts = [t.strip() for t in texts]
    language = document_language(texts)
    stops = stoplist(language)
    feats = [features(t, language, stops) for t in texts]
    ref = _reference_density(feats)
    classes = [BAD if shows_markup(t) else block_class(f, ref) for t, f in zip(texts, feats, strict=True)]
    for first, last in _wrapped_paragraphs(texts):
        whole = features(" ".join(texts[first:last]), language, stops)
        cls = block_class(whole, ref)
        for k in range(first, last):
            classes[k] = cls
            feats[k] = whole
    return Measures(tuple(texts), tuple(feats), tuple(classes))


# ------------------------------------------------------------- 2. article run ---


def _gap_size(cls: str, f: Features, fx: str | None) -> float:
    """How much one non-prose block separates the prose around it."""
    if fx is not None:
        return 1.0
    if f.digits > 0.5:  # a figure: table cell, counter
        return 0.25
    if cls in (SHORT, NEAR) and f.ends and f.stop != 0:
        return 0.5
    if cls != BAD and f.stop > 0 and f.title < 0.5:  # lower-case fragment
        return 0.5
    return 1.5 if cls == BAD else 1.0


def _gap_cost(size: float) -> float:
    """Superlinear: a long run of non-prose splits more than its parts."""
    return float(d.GAP_PRICE_DEFAULT * size**1.5)


def _heaviest_span(weights: Sequence[float], gaps: Sequence[float]) -> tuple[int, int] | None:  # noqa: PLR0912 - one case after another, read top to bottom
    """[start, end) of the article: the heaviest cluster of prose blocks,
    extended over the gaps whose crossing the prose beyond pays for.
    ``weights[i] > 0`` marks prose; ``gaps[i]`` sizes the other blocks.
    """
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
    lookahead = d.LOOKAHEAD_CLUSTERS_DEFAULT
    while True:  # extend right
        best, net, pick = 0.0, 0.0, hi
        for k in range(hi + 1, min(hi + 1 + lookahead, len(clusters))):
            net += clusters[k][2] - _gap_cost(before[k])
            if net > best:
                best, pick = net, k
        if pick == hi:
            break
        hi = pick
    while True:  # extend left
        best, net, pick = 0.0, 0.0, lo
        for k in range(lo - 1, max(lo - 1 - lookahead, -1), -1):
            net += clusters[k][2] - _gap_cost(before[k + 1])
            if net > best:
                best, pick = net, k
        if pick == lo:
            break
        lo = pick
    return int(clusters[lo][0]), int(clusters[hi][1]) + 1


def _edge_sentence(text: str, f: Features, cls: str) -> bool:
    """A short block that reads like a sentence (may end or open the article);
    one ending in a colon only if it is a clause ("The minister said:"), not a
    label ("Related:", "Read more:").
    """
    return (
        cls in (SHORT, NEAR)
        and f.ends
        and f.stop != 0
        and f.title < 0.6
        and (not text.rstrip().endswith(":") or f.words >= d.EDGE_ANNOUNCE_MIN_WORDS_DEFAULT)
        and not shapes.opens_like_byline(text)
    )


_NUMERIC_CELL = re.compile(r"^[\d\s.,:;%$€£¥₩+\-–—/()#]+$")


def _spans(n: int, member: Callable[[int], bool]) -> Iterator[tuple[int, int]]:
    """The maximal runs [first, last) of blocks ``0..n-1`` for which ``member`` holds."""
    first = None
    for k in range(n + 1):
        if k < n and member(k):
            first = k if first is None else first
        elif first is not None:
            yield first, k
            first = None


def _table_runs(texts: Sequence[str], feats: Sequence[Features], fixed: Sequence[str | None]) -> list[tuple[int, int]]:
    """Runs [first, last) of short undecided blocks that read as table cells:
    enough of them, and enough of them figures alone (scores, prices, counts).
    """
    cells = _spans(len(texts), lambda k: fixed[k] is None and feats[k].words <= d.TABLE_CELL_WORDS_DEFAULT)
    return [
        (i, j)
        for i, j in cells
        if j - i >= d.TABLE_MIN_CELLS_DEFAULT
        and sum(1 for k in range(i, j) if _NUMERIC_CELL.match(texts[k])) >= d.TABLE_MIN_NUMERIC_DEFAULT * (j - i)
    ]


def _list_runs(texts: Sequence[str], feats: Sequence[Features], fixed: Sequence[str | None]) -> list[tuple[int, int]]:
    """Runs [first, last) of undecided blocks that are one bulleted or numbered
    list: every block marked, most of them items that read as no headline.
    """
    items = _spans(len(texts), lambda k: fixed[k] is None and bool(_ITEM_MARK.match(texts[k])))
    return [
        (i, j)
        for i, j in items
        if j - i >= d.MARKED_LIST_MIN_ITEMS_DEFAULT
        and sum(1 for k in range(i, j) if _list_item(texts[k], feats[k])) >= d.LIST_MIN_ITEM_SHARE_DEFAULT * (j - i)
    ]


def _row_runs(texts: Sequence[str], fixed: Sequence[str | None]) -> list[tuple[int, int]]:
    """Runs [first, last) of undecided blocks that are the rows of one table (``| a | b |``)."""
    rows = _spans(len(texts), lambda k: fixed[k] is None and bool(_TABLE_ROW.match(texts[k])))
    return [(i, j) for i, j in rows if j - i >= d.MARKED_LIST_MIN_ITEMS_DEFAULT]


def _announced_end(end: int, m: Measures, fixed: Sequence[str | None]) -> int:
    """The article's last block announces what follows (it ends with a colon):
    keep what follows up to the next block the rules dropped, or else the
    list that follows (numbered, or items that read as no headline), or else
    the short lines that follow, whatever they read like.
    """
    texts = m.texts
    for j in range(end, len(texts)):
        if fixed[j] is not None and fixed[j] != KEEP:
            return j
    listed = max(_numbered_list_end(end, texts), _item_list_end(end, m, fixed), _bulleted_list_end(end, m, fixed))
    return listed if listed > end else _short_lines_end(end, m, fixed)


_ANNOUNCING = re.compile(
    r"(?:^|[.!?]\s+)(?:here(?:['’]s| are| is|,)\s|(?:see|find) (?:them )?below\b)"
    r"|\b(?:as follows|the following|(?:listed|found|shown|see) below)\W*$"
    r"|\b(?:these|the following)\b[^.!?]*\?\W*$",
    re.IGNORECASE,
)


def _announces(text: str) -> bool:
    """Whether prose announces what follows it, without a colon, in its last few sentences.

    "Here are our picks for Week 8.", "The dates are as follows.", "Would you read any of
    these titles?": within :data:`~.defaults.ANNOUNCE_TAIL_CHARS_DEFAULT` of its end.
    """
    return bool(_ANNOUNCING.search(text, max(0, len(text) - d.ANNOUNCE_TAIL_CHARS_DEFAULT)))


def _announced_line(text: str, f: Features) -> bool:
    """A line of a list that prose announced without a colon: short, no sentence (unless it
    announces more: "Their UK dates can be found below."), opening with a word, a quote or a
    bullet (not an arrow: "‹ Back to Story"), no "|" between links.
    """
    return (
        _short_line(text, f)
        and (not text.endswith(".") or _announces(text))
        and bool(_LINE_OPENS.match(text))
        and "|" not in text
    )


def _short_lines_end(start: int, m: Measures, fixed: Sequence[str | None]) -> int:
    """End of the run of short lines from ``start`` on, whatever they read like (titles, names,
    places: "Brazil", "India"...), or ``start`` when there are too few.
    """
    return _run_end(start, m, fixed, _short_line, d.INNER_LIST_MIN_ITEMS_DEFAULT)


def _short_line(_text: str, f: Features) -> bool:
    """A line of a list, whatever it reads like: short, one sentence at most."""
    return f.words <= d.LIST_ITEM_MAX_WORDS_DEFAULT and f.sentences <= 1


def _run_end(
    start: int, m: Measures, fixed: Sequence[str | None], belongs: Callable[[str, Features], bool], minimum: int
) -> int:
    """End of the run of undecided blocks from ``start`` on that ``belongs`` accepts, or ``start``
    when the run has fewer than ``minimum``.
    """
    j = start
    while j < len(m.texts) and fixed[j] is None and belongs(m.texts[j], m.features[j]):
        j += 1
    return j if j - start >= minimum else start


_TABLE_ROW = re.compile(r"^\|.*\|.*\|\s*$")
_BULLET = "[-–•*·▪]"
_ITEM_MARK = re.compile(rf"^\s*(?:{_BULLET}|\d+(?:[.,/]\d+)?\s|[½¼¾⅓⅔])")
_LINE_OPENS = re.compile(rf"^(?:[\w\"'“‘(\[]|{_BULLET})")  # a word, a quote, a bracket or a bullet


def _list_item(text: str, f: Features) -> bool:
    """A list item that is no headline: a table row, or a short item marked by a
    bullet or a quantity, or in lower case ("1 large onion", "- salt to taste").
    """
    if _TABLE_ROW.match(text):
        return True
    return (
        f.words <= d.LIST_ITEM_MAX_WORDS_DEFAULT
        and f.sentences <= 1
        and (
            f.title < d.LIST_ITEM_MAX_TITLE_DEFAULT
            or (bool(_ITEM_MARK.match(text)) and f.title < d.LIST_MARKED_ITEM_MAX_TITLE_DEFAULT)
        )
    )


def _item_list_end(start: int, m: Measures, fixed: Sequence[str | None]) -> int:
    """End of the run of list items from ``start`` on (``start`` when there is none)."""
    return _run_end(start, m, fixed, _list_item, d.LIST_MIN_ITEMS_DEFAULT)


def _section_header(text: str, f: Features) -> bool:
    """A header over one section of a list: a list header, or one ending in a colon
    ("Colleges", "CALL HANDLING", "Changes and improvements:").
    """
    return _is_list_header(f) or (1 <= f.words <= 4 and f.digits == 0 and text.endswith((":", "：")))


def _bulleted_list_end(start: int, m: Measures, fixed: Sequence[str | None]) -> int:
    """End of the bulleted (or "1."-numbered) list from ``start``, whatever its items read
    like, with the sections that follow it: a header of its own and its list ("Colleges",
    then its items). ``start`` when there is no list of two items or more.
    """
    texts, feats, n = m.texts, m.features, len(m.texts)
    end = j = start
    while True:
        k = j
        while k < n and fixed[k] is None and _LIST_ITEM.match(texts[k]):
            k += 1
        if k - j < d.LIST_MIN_ITEMS_DEFAULT:
            return end
        end = j = k
        if j < n and fixed[j] in (None, KEEP) and _section_header(texts[j], feats[j]):
            j += 1


def _announced_lists(m: Measures, weights: Sequence[float], fixed: Sequence[str | None]) -> list[tuple[int, int]]:
    """Runs [first, last) of bulleted lists that a block of the article announces (prose, or a
    kept heading, ending with a colon: "The seven pieces in this issue are:" and its items), or
    that stand right after its prose in sections, each under a header of its own.
    """
    runs = []
    texts, feats, n = m.texts, m.features, len(m.texts)
    for k, text in enumerate(texts):
        if text.endswith((":", "：")) and (weights[k] > 0 or fixed[k] == KEEP):
            end = _bulleted_list_end(k + 1, m, fixed)
            if end > k + 1:
                runs.append((k + 1, end))
        elif (
            weights[k] > 0
            and k + 1 < n
            and fixed[k + 1] in (None, KEEP)
            and _section_header(texts[k + 1], feats[k + 1])
        ):
            # prose, then a list in sections of its own ("Public schools", its items; "Colleges", ...)
            end = _bulleted_list_end(k + 2, m, fixed)
            headers = sum(1 for j in range(k + 1, end) if not _LIST_ITEM.match(texts[j]))
            if end > k + 2 and headers >= d.LIST_MIN_SECTIONS_DEFAULT:
                runs.append((k + 1, end))
    return runs


def _lists_between_prose(
    texts: Sequence[str], weights: Sequence[float], fixed: Sequence[str | None]
) -> list[tuple[int, int]]:
    """Runs [first, last) of bulleted (or "1."-numbered) lists that stand between prose and
    prose: right after a block of prose, with prose again within
    :data:`~.defaults.LIST_PROSE_AFTER_DEFAULT` blocks after it. Such a list is the
    article's, whatever its items read like (the subject lines an article compares).
    """
    n = len(texts)
    items = _spans(n, lambda k: fixed[k] is None and bool(_LIST_ITEM.match(texts[k])))
    return [
        (i, j)
        for i, j in items
        if j - i >= d.MARKED_LIST_MIN_ITEMS_DEFAULT
        and i > 0
        and weights[i - 1] > 0
        and any(weights[k] > 0 for k in range(j, min(j + d.LIST_PROSE_AFTER_DEFAULT, n)))
    ]


def _attached_table_end(end: int, m: Measures, fixed: Sequence[str | None]) -> int:
    """A table right after the article (its rows ``| a | b |``) belongs to it."""
    j = end
    while j < len(m.texts) and fixed[j] is None and _TABLE_ROW.match(m.texts[j]):
        j += 1
    return j if j - end >= d.LIST_MIN_ITEMS_DEFAULT else end


_ITEM = re.compile(r"^\s*(\d{1,3})\s*[).:]\s+\S")
_LIST_ITEM = re.compile(rf"^\s*(?:{_BULLET}|\d{{1,3}}\s*[).])\s+\S")  # a bullet or "1." ("1932 Ford" is no item)


def _first_item(text: str) -> bool:
    """Whether ``text`` is the first item of a numbered list ("1. ...", "1) ...")."""
    found = _ITEM.match(text)
    return found is not None and found[1] == "1"


def _numbered_list_end(start: int, texts: Sequence[str]) -> int:
    """End of a list numbered 1, 2, 3... starting within a few blocks of
    ``start`` (``start`` itself when there is none); an item spans the
    blocks up to the next one, and the last item as many as the others.
    """
    expected, last, span = 1, None, 1
    for j in range(start, len(texts)):
        m = _ITEM.match(texts[j])
        if m and int(m.group(1)) == expected:
            if last is not None:
                span = max(span, j - last)
            expected, last = expected + 1, j
        elif j - (last if last is not None else start) > d.LIST_ITEM_GAP_DEFAULT:
            break
    if last is None or expected <= 3:
        return start
    return min(len(texts), last + span)


@dataclass(frozen=True)
class Run:
    """The article run [start, end), and the weight of each block as prose (0: not prose)."""

    start: int
    end: int
    weights: tuple[float, ...]


def _edges(span: tuple[int, int], m: Measures, fixed: Sequence[str | None]) -> tuple[int, int]:
    """The run grown over what stands at its edges: short sentences (more after
    it when they speak of what the article does), an announced list, a table,
    the article's own lines under one label.
    """
    texts, feats, classes, n = m.texts, m.features, m.classes, len(m.texts)
    start, end = span

    def edge(i: int) -> bool:
        return 0 <= i < n and fixed[i] is None and _edge_sentence(texts[i], feats[i], classes[i])

    for _ in range(d.EDGE_SENTENCES_DEFAULT):
        start -= edge(start - 1)
    for _ in range(d.EDGE_SENTENCES_DEFAULT):
        end += edge(end)
    vocabulary: set[str] | None = None  # the run's words, read only if a sentence stands after it
    for _ in range(d.EDGE_RELATED_SENTENCES_DEFAULT):
        words = shapes.content_words(texts[end]) if edge(end) else set()
        if not words:
            break
        if vocabulary is None:
            vocabulary = set().union(*(shapes.content_words(texts[k]) for k in range(start, end)))
        if len(words & vocabulary) / len(words) < d.EDGE_RELATED_OVERLAP_DEFAULT:
            break
        end += 1
    if end < n and fixed[end] in (None, KEEP) and texts[end].endswith((":", "：")):  # "Ingredients:" and its list
        listed = max(_item_list_end(end + 1, m, fixed), _bulleted_list_end(end + 1, m, fixed))
        end = listed if listed > end + 1 else end
    if end > start and texts[end - 1].endswith((":", "：")):
        end = _announced_end(end, m, fixed)
    elif end > start and _announces(texts[end - 1]):
        listed = max(_item_list_end(end, m, fixed), _bulleted_list_end(end, m, fixed))
        end = listed if listed > end else _run_end(end, m, fixed, _announced_line, d.INNER_LIST_MIN_ITEMS_DEFAULT)
    first = next((k for k in range(end, min(end + d.NUMBERED_LIST_GAP_DEFAULT, n)) if _first_item(texts[k])), None)
    listed = end if first is None else _numbered_list_end(first, texts)
    if listed > end and all(fixed[k] in (None, KEEP) for k in range(end, listed)):
        end = listed  # a list numbered 1, 2, 3... right after the article: its own ("most read" stands off)
    return start, _parallel_end(start, _attached_table_end(end, m, fixed), m, fixed)


_LABEL = re.compile(r"^([^\W\d][^\s:]*(?:\s[^\s:]+){0,2}):\s+\S")


def _label(text: str) -> str | None:
    """The label a line opens with ("Q:", "BEST MOMENT:"), if any."""
    found = _LABEL.match(text)
    return found[1] if found else None


def _parallel_end(start: int, end: int, m: Measures, fixed: Sequence[str | None]) -> int:
    """The article's own parallel lines go on after the run: when blocks of the run open
    with the same label ("BEST MOMENT: ...", "Q: ...", "A: ..."), the undecided blocks right
    after it that open with one of those labels are the article's too.
    """
    texts = m.texts
    seen = Counter(label for label in map(_label, texts[start:end]) if label)
    labels = {label for label, count in seen.items() if count >= d.PARALLEL_MIN_LINES_DEFAULT}
    j = end
    while labels and j < len(texts) and fixed[j] is None and _label(texts[j]) in labels:
        j += 1
    return j


def _headlines_run_together(f: Features) -> bool:
    """Whether a long block reads as headlines run together rather than prose: most of its
    words capitalised, at most one sentence end ("12 Thoughtful Edible Gifts For the Holidays
    How to Seed a Pomegranate ..."). Such a block does not anchor the article.
    """
    long_enough = f.words >= d.HEADLINE_RUN_MIN_WORDS_DEFAULT
    return long_enough and f.title >= d.HEADLINE_RUN_TITLE_DEFAULT and f.sentences <= 1 and not f.ends


def article_run(m: Measures, fixed: Sequence[str | None]) -> Run:
    """Where the article is: the run of prose, with short sentences at its
    edges and what its last block announces.
    """
    texts, feats, classes, n = m.texts, m.features, m.classes, len(m.texts)
    weights: list[float] = []
    gaps: list[float] = []
    for cls, f, fx in zip(classes, feats, fixed, strict=False):
        prose = cls == GOOD and fx in (None, KEEP) and not _headlines_run_together(f)
        weights.append(min(f.words, d.PROSE_WEIGHT_MAX_DEFAULT) if prose else 0.0)
        # a kept title or caption neither anchors the article nor splits it
        gaps.append(0.0 if prose or fx == KEEP else _gap_size(cls, f, fx))
    lists = (
        *_list_runs(texts, feats, fixed),
        *_announced_lists(m, weights, fixed),
        *_lists_between_prose(texts, weights, fixed),
    )
    for first, last in (*_table_runs(texts, feats, fixed), *lists, *_row_runs(texts, fixed)):
        for k in range(first, last):  # a table or a list inside the article does not split it
            gaps[k] = 0.0
    span = _heaviest_span(weights, gaps)
    if span is None:
        return Run(0, n, tuple(weights))
    start, end = _edges(span, m, fixed)
    return Run(start, end, tuple(weights))


# ------------------------------------------------------------- 3. name drops ---


def _headline_like(f: Features, cls: str) -> bool:
    """A list item that reads like a headline: a few words, no sentence end."""
    return cls in (NEAR, BAD, SHORT) and 3 <= f.words <= 25 and not f.ends


def _is_list_header(f: Features) -> bool:
    """A section header over a list: one to four words, no punctuation."""
    return 1 <= f.words <= 4 and not f.ends and f.digits == 0


def _headline_item(f: Features, cls: str) -> bool:
    """A related-story headline: five or more words, no sentence end, no figures."""
    return _headline_like(f, cls) and f.words >= 5 and f.digits < 0.03


def _reason(text: str, f: Features, cls: str) -> tuple[str, str]:
    """Name the kind of boilerplate a dropped block is."""
    if shapes.opens_like_byline(text) and f.words <= d.BYLINE_MAX_WORDS_DEFAULT and not f.ends:
        return "byline", "byline"
    if (
        f.words <= d.TIMESTAMP_MAX_WORDS_DEFAULT
        and not f.ends
        and not _LIST_ITEM.match(text)  # "1. Kebede - 2:04:38", "- May 3rd, 2012: the launch": a list's item
        and shapes.mentions_time(text)
        and f.digits >= d.TIMESTAMP_MIN_DIGITS_DEFAULT
    ):
        return "timestamp", "date-time"
    if cls == SHORT and f.words <= 3:
        return "navigation", "short-outside-article"
    if _headline_like(f, cls):
        return "related-stories", "headline-outside-article"
    return "boilerplate", f"{cls}-outside-article"


def _is_credit(text: str, f: Features) -> bool:
    """A photo credit line: short, no sentence, names an agency or 'Photo:'."""
    return (
        f.words <= d.CREDIT_MAX_WORDS_DEFAULT
        and f.sentences == 0
        and (shapes.opens_with_credit(text) or shapes.is_caption(text))
    )


def _inner_lists(m: Measures, run: Run, fixed: Sequence[str | None], out: list[Verdict]) -> None:
    """Inside the article run, drop runs of headline-like blocks (a related
    or trending list) unless a block ending in ':' introduces them.
    """
    texts, feats, classes, weights = m.texts, m.features, m.classes, run.weights
    i = run.start
    while i < run.end:
        if weights[i] > 0:
            i += 1
            continue
        j = i
        while j < run.end and weights[j] <= 0:
            j += 1
        items_run = [k for k in range(i, j) if fixed[k] is None and out[k] is None]
        if items_run and _is_list_header(feats[items_run[0]]):
            items = [k for k in items_run[1:] if _headline_item(feats[k], classes[k])]
            intro = i > 0 and texts[i - 1].rstrip().endswith((":", "："))
            if len(items) >= d.INNER_LIST_MIN_ITEMS_DEFAULT and len(items) + 1 >= len(items_run) and not intro:
                for k in items_run:
                    out[k] = ("related-stories", "headline-list-in-article")
        i = j


def _closing_lines(m: Measures, run: Run, fixed: Sequence[str | None]) -> set[int]:
    """The short lines that close the article rather than open the site's teasers: right under
    the run (each under the one before), no prose anywhere below them, few capitals in a script
    that has them (a credit, a sign-off, a source: "Thanks to Jo for the photos"), no "|" of a menu.
    """
    texts, feats, classes, n = m.texts, m.features, m.classes, len(m.texts)
    if any(classes[k] == GOOD and fixed[k] is None for k in range(run.end, n)):
        return set()
    closing: set[int] = set()
    for i in range(run.end, min(n, run.end + d.CLOSING_LINES_DEFAULT)):
        f = feats[i]
        if (
            fixed[i] is not None
            or _reason(texts[i], f, classes[i])[1] != "headline-outside-article"
            or f.title >= d.CLOSING_TITLE_MAX_DEFAULT
            or texts[i].lower() == texts[i].upper()  # no cased letters (Han, Hangul): capitals tell nothing
            or "|" in texts[i]
        ):
            break
        closing.add(i)
    return closing


def _prose_before(run: Run, i: int) -> int:
    """Prose blocks of the run before block ``i``: past the lede, a date is the article's."""
    return sum(1 for k in range(run.start, i) if run.weights[k] > 0)


def name_drops(m: Measures, run: Run, fixed: Sequence[str | None]) -> list[Verdict]:
    """The verdict on every undecided block, given where the article is."""
    texts, feats, classes, n = m.texts, m.features, m.classes, len(m.texts)
    out: list[Verdict] = [None] * n
    prose = [k for k in range(run.start, run.end) if run.weights[k] > 0]
    first_prose, last_prose = (prose[0], prose[-1]) if prose else (run.start, run.end)
    closing = _closing_lines(m, run, fixed)
    for i, (text, f, cls) in enumerate(zip(texts, feats, classes, strict=False)):
        if fixed[i] is not None:
            continue
        if not first_prose <= i <= last_prose and shapes.is_meta_list(text):
            out[i] = ("navigation", "meta-list")  # "Tags: ...", "Filed under: ..." at the article's edges
        elif _is_credit(text, f):
            out[i] = ("boilerplate", "photo-credit")
        elif f.words <= d.CAPTION_MAX_WORDS_DEFAULT and shapes.ends_with_bracketed_credit(text):
            out[i] = ("boilerplate", "caption-with-credit")
        elif not run.start <= i < run.end:
            lede = i < run.start and run.weights[i] > 0 and shapes.opens_with_dateline(text)
            if i not in closing and not lede:  # a news story's lede, its dateline first, is the article's
                out[i] = _reason(text, f, cls)
        elif i < run.start + d.HEAD_ZONE_DEFAULT and run.weights[i] <= 0 and _prose_before(run, i) <= 1:
            reason = _reason(text, f, cls)
            if reason[0] in ("byline", "timestamp"):
                out[i] = reason
    _inner_lists(m, run, fixed, out)
    # a short caption closed by a photo credit
    for i in range(1, n):
        prev = i - 1
        verdict = out[i]
        if (
            verdict is not None
            and verdict[1] == "photo-credit"
            and fixed[prev] is None
            and out[prev] is None
            and feats[prev].words <= d.CAPTION_MAX_WORDS_DEFAULT
            and feats[prev].sentences <= 2
        ):
            out[prev] = ("boilerplate", "caption-before-credit")
    return out


def classify_blocks(texts: Sequence[str], fixed: Sequence[str | None] | None = None) -> list[Verdict]:
    """For each block: None to keep it, or (reason, rule) to drop it.

    ``fixed[i]`` is a decision the rules already made (None: undecided,
    :data:`KEEP`: article text, else a drop reason); it is never overridden,
    only used as context.

    >>> classify_blocks(["Home", "News", "The council met on Tuesday and agreed to build a new bridge "
    ...                  "over the river, which the town has wanted for a decade."])
    [('navigation', 'short-outside-article'), ('navigation', 'short-outside-article'), None]
    """
    n = len(texts)
    fixed = list(fixed) if fixed is not None else [None] * n
    if len(fixed) != n:
        raise ValueError("fixed must have one entry per block")
    if not n:
        return []
    m = measure(texts)
    return name_drops(m, article_run(m, fixed), fixed)
