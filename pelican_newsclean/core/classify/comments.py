"""The comments pass: a thread of reader comments after the article.

Inside a scraped page or container, readers' comments read like prose, so the
statistical pass alone would count them as article. A thread gives itself away
by structure: comment *headers* recur with the readers' text between them.
A header is a short line that is one of:

- ``said``: a name and a verb of saying, "Jane Doe says:", "Anonymous said...",
  "Max on 9 May 2012 at 10:20 wrote:";
- ``dated``: a name, a handle or a counter with a date or a time of day,
  "Elaine July 26, 2012 at 4:01 pm", "by kim (1128057) on Tuesday July 24,
  @09:07AM", "3 hours ago";
- ``repeated``: the same short line three times or more ("Reply", "Flag as
  Inappropriate", "Re: (Score:2)" with its figures ignored).

A run of headers close together (:data:`~.defaults.THREAD_GAP_DEFAULT`) with
text between them is a thread when it holds enough comments
(:data:`~.defaults.THREAD_MIN_COMMENTS_DEFAULT`) and enough evidence: two
``said`` headers, or three ``dated`` ones backed by repeated action lines, a
thread heading ("38 Responses to ...", "4 comments:") or names. Bare times
("10:05 PM") are not names, so a live blog's timeline is never a thread. The
thread must start after the article has begun, and is dropped from its heading
(when one opens it) to the text of its last comment, with the reason
``comments``. Words are vocabulary (``data/comments.toml``); the decision is
the structure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
import re
import statistics

from pelican_newsclean.core.model import Decision
from pelican_newsclean.core.text import ENDS_CLAUSE
from pelican_newsclean.core.wires import alternation
from pelican_newsclean.data import load_toml

from . import defaults as d

__all__ = ["Thread", "find_threads", "header_kind"]

_TABLE = load_toml("comments.toml")
_MONTHS = alternation(_TABLE["months"])
_SAID_ENDS = (":", "...", "…", ",")  # how a "who said" line ends, before white space
_SAID = re.compile(
    rf"^(?P<who>.{{1,120}}?)\s+(?:{alternation(_TABLE['said'])})\s*(?:{alternation(_SAID_ENDS)})\s*$", re.IGNORECASE
)
_HEADING = re.compile(rf"(?<!\w)(?:{alternation(_TABLE['heading'])})(?!\w)", re.IGNORECASE)
_TIME_OF_DAY = re.compile(
    r"(?<![\d$€£.,])\d{1,2}(?:[:h]\d{2}(?::\d{2})?|\.\d{2}(?=\s*[ap]\.?m))(?:\s*[ap]\.?m\.?)?(?!\w)"
    r"|(?<![\d$€£.,])\d{1,2}\s*[ap]\.?m\.?(?!\w)",
    re.IGNORECASE,
)
_DATE = re.compile(
    rf"(?<!\w)(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?(?!\w)"
    rf"|(?<!\w)\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:{_MONTHS})\.?(?:,?\s+\d{{4}})?(?!\w)"
    r"|(?<!\d)\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?!\d)",
    re.IGNORECASE,
)
_FULL_DATE = re.compile(  # a date with its year: "July 26, 2012", "26 July 2012", "10/31/2012"
    rf"(?<!\w)(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}(?!\w)"
    rf"|(?<!\w)\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}(?!\w)"
    r"|(?<![\d.])\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?![\d.])|(?<![\d.])\d{4}-\d{2}-\d{2}(?![\d.])",
    re.IGNORECASE,
)
_AGO = re.compile(r"(?<!\w)\d+\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago(?!\w)", re.I)
_DATE_WORDS = re.compile(
    r"(?<!\w)(?:on|at|by|posted|updated|published|edited|permalink|link|reply|"
    r"mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"am|pm|a\.m\.|p\.m\.|gmt|utc|est|edt|pst|pdt|cet|cest|bst)(?!\w)",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[.!?。！？][\"'”’»)\]]*\s*$")
_FIGURES = re.compile(r"\d+")
_LETTER_WORD = re.compile(r"[^\W\d_][\w'’.-]*")

SAID, DATED, REPEATED = "said", "dated", "repeated"


_NOT_NAMES = frozenset(_TABLE["not_names"])
_DASHES = ("—", "–", "-")


def _is_name(text: str) -> bool:
    """Who a header names: one handle, or a few words each capitalised (or with a figure)."""
    words = text.split()
    if not words or len(words) > d.THREAD_NAME_MAX_WORDS_DEFAULT or words[0].lower() in _NOT_NAMES:
        return False
    if len(words) == 1:
        return True
    return all(w[0].isupper() or w[0].isdigit() or any(c.isdigit() or c in "@_" for c in w) for w in words)


def _undated(text: str) -> str:
    """The text of a header with its dates, times and their little words taken out."""
    for pattern in (_DATE, _TIME_OF_DAY, _AGO, _DATE_WORDS):
        text = pattern.sub(" ", text)
    return text


def header_kind(text: str) -> str | None:
    """``said`` or ``dated`` for a comment header, else None (see the module's doc).

    >>> header_kind("Blake Hall says:"), header_kind("October 15, 2012 at 6:24 am")
    ('said', 'dated')
    >>> header_kind("The minister told reporters on Monday that she said:") is None
    True
    """
    words = len(text.split())
    if words > d.THREAD_HEADER_MAX_WORDS_DEFAULT:
        return None
    said = _SAID.match(text) if text.rstrip().endswith(_SAID_ENDS) else None  # the pattern is slow to fail
    if said:
        who = said["who"]
        if _is_name(_undated(who).strip(" ,|-–—()[]")) or _TIME_OF_DAY.search(who) or _FULL_DATE.search(who):
            return SAID  # "Jane says:", "On May 5, 2012 at 2:08am, the baker said..."
    if _SENTENCE.search(text) and not text.rstrip().endswith(("a.m.", "p.m.")):
        return None
    if text.startswith(_DASHES):  # an embedded post's attribution, "— Jane (@jane) May 5"
        return None
    if _TIME_OF_DAY.search(text) or _AGO.search(text) or _FULL_DATE.search(text):
        return DATED
    return None


def _named(text: str) -> bool:
    """A dated header that also names someone (or numbers a comment): not a bare timestamp."""
    return bool(_LETTER_WORD.search(_undated(text)))


def _signature(text: str) -> str | None:
    """A short line as it repeats from comment to comment: lower case, figures ignored."""
    if len(text.split()) > d.THREAD_ACTION_MAX_WORDS_DEFAULT or ENDS_CLAUSE.search(text):
        return None
    if not _LETTER_WORD.search(text):  # a figure, a rule of underscores: table cells, separators
        return None
    return _FIGURES.sub("#", " ".join(text.lower().split()))


def _is_heading(text: str) -> bool:
    """A thread's heading: "38 Responses to ...", "4 comments:", "Leave a Reply"."""
    words = len(text.split())
    limit = d.THREAD_HEADING_MAX_WORDS_DEFAULT * (2 if text[:1].isdigit() else 1)
    return words <= limit and not _SENTENCE.search(text) and bool(_HEADING.search(text))


@dataclass(frozen=True)
class Thread:
    """A comment thread: blocks [start, end), the headers that proved it."""

    start: int
    end: int
    headers: tuple[tuple[int, str], ...]


def _markers(texts: Sequence[str]) -> tuple[list[tuple[int, str]], set[int]]:
    """The blocks that may head a comment, with their kind; and the repeated short lines."""
    signatures = [_signature(t) for t in texts]
    counts = Counter(s for s in signatures if s)
    headers = [
        (i, kind)
        for i, text in enumerate(texts)
        if (kind := header_kind(text)) and not (i and texts[i - 1].strip() in _DASHES)
    ]  # after a dash alone on its line: an embedded post's attribution, "—" / "Jane (@jane) May 5"
    # a run of dated lines one after another is a list (an archive, tour dates), not headers
    runs: list[list[tuple[int, str]]] = []
    for header in headers:
        if runs and header[0] == runs[-1][-1][0] + 1:
            runs[-1].append(header)
        else:
            runs.append([header])
    headers = [h for run in runs if len(run) < d.THREAD_LIST_RUN_DEFAULT for h in run]
    repeated = {i for i, s in enumerate(signatures) if s and counts[s] >= d.THREAD_REPEATS_DEFAULT}
    return headers, repeated


def _chains(markers: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Headers grouped where each is close to the one before."""
    chains: list[list[tuple[int, str]]] = []
    for marker in markers:
        if chains and marker[0] - chains[-1][-1][0] <= d.THREAD_GAP_DEFAULT:
            chains[-1].append(marker)
        else:
            chains.append([marker])
    return chains


def _segment_words(chain: list[tuple[int, str]], skip: set[int], texts: Sequence[str]) -> list[list[int]]:
    """For each header, the word counts of the blocks after it, up to the next header."""
    bounds = [i for i, _ in chain] + [min(len(texts), chain[-1][0] + 1 + d.THREAD_GAP_DEFAULT)]
    return [[len(texts[j].split()) for j in range(a + 1, b) if j not in skip] for a, b in pairwise(bounds)]


def _heading_before(start: int, texts: Sequence[str]) -> int | None:
    """The thread's heading, a few blocks before its first header, with no prose between."""
    for j in range(start - 1, max(-1, start - 1 - d.THREAD_HEADING_LOOKBACK_DEFAULT), -1):
        if _is_heading(texts[j]):
            return j
        if len(texts[j].split()) >= d.THREAD_PROSE_WORDS_DEFAULT:
            return None
    return None


def _thread_of(
    chain: list[tuple[int, str]], repeated: set[int], texts: Sequence[str], article_begins: int
) -> Thread | None:
    """The thread a chain of headers proves, or None when the evidence is short.

    Headers before ``article_begins`` (the article's own date, its byline) are
    left out of the chain.
    """
    chain = [h for h in chain if h[0] >= article_begins]
    if not chain:
        return None
    skip = {i for i, _ in chain} | repeated
    words = _segment_words(chain, skip, texts)
    # a first "header" over far more text than a comment is the article's own byline
    while len(chain) > 1 and sum(words[0]) > d.THREAD_ARTICLE_HEAD_FACTOR_DEFAULT * statistics.median(
        map(sum, words[1:])
    ):
        chain, words = chain[1:], words[1:]
    # a header on the line after another (a name, then its date) heads the same comment
    firsts = [k for k in range(len(chain)) if k == 0 or chain[k][0] - chain[k - 1][0] > 1]
    comments = sum(
        1
        for k, after in pairwise([*firsts, len(chain)])
        if any(n >= d.THREAD_BODY_MIN_WORDS_DEFAULT for seg in words[k:after] for n in seg)
    )
    kinds = Counter(kind for _, kind in chain)
    kinds[REPEATED] = sum(1 for j in repeated if chain[0][0] <= j <= chain[-1][0] + d.THREAD_GAP_DEFAULT)
    named = sum(1 for i, kind in chain if kind == DATED and _named(texts[i]))
    start = chain[0][0]
    heading = _heading_before(start, texts)
    proved = kinds[SAID] >= 2 or (kinds[DATED] >= 3 and (kinds[REPEATED] >= 2 or heading is not None or named >= 3))
    least = d.THREAD_MIN_COMMENTS_DEFAULT - (1 if heading is not None else 0)
    enough = comments >= least and comments >= d.THREAD_COMMENT_SHARE_DEFAULT * len(firsts)
    if not (proved and enough):
        return None
    steps = [b[0] - a[0] for a, b in pairwise(chain)] or [1]
    end = min(len(texts), chain[-1][0] + 1 + int(statistics.median(steps)))
    return Thread(heading if heading is not None else start, end, tuple(chain))


def find_threads(texts: Sequence[str], article_begins: int) -> list[Thread]:
    """The comment threads among ``texts`` that start at or after block ``article_begins``."""
    threads: list[Thread] = []
    headers, repeated = _markers(texts)
    for chain in _chains(headers):
        thread = _thread_of(chain, repeated, texts, article_begins)
        if thread is None or thread.start < article_begins:
            continue
        if threads and thread.start - threads[-1].end <= d.THREAD_MERGE_GAP_DEFAULT:
            # what lies between two threads is a long comment of the one thread
            thread = Thread(threads[-1].start, thread.end, threads[-1].headers + thread.headers)
            threads.pop()
        threads.append(thread)
    return threads


def _article_begins(decisions: Sequence[Decision]) -> int:
    """The block after which the article has begun: enough prose kept before it."""
    words = 0
    for i, dec in enumerate(decisions):
        if dec.kept and dec.role == "paragraph":
            n = len(dec.kept_text.split())
            if n >= d.THREAD_PROSE_WORDS_DEFAULT:
                words += n
        if words >= d.THREAD_ARTICLE_WORDS_DEFAULT:
            return i + 1
    return len(decisions)


def drop_comments(decisions: list[Decision], context: object) -> list[Decision]:
    """Drop the comment threads that follow the article (reason ``comments``)."""
    texts = [dec.block.text for dec in decisions]
    out = list(decisions)
    for thread in find_threads(texts, _article_begins(decisions)):
        kinds = "+".join(sorted({kind for _, kind in thread.headers}))
        for j in range(thread.start, thread.end):
            if out[j].kept:
                out[j] = replace(out[j], role=None, reason="comments", rule=f"drop_comments:{kinds}")
    return out
