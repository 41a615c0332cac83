"""The context passes: each decides a block by the blocks around it.

Each is a function ``(decisions, context) -> decisions`` that leaves what
earlier passes decided alone, except to drop a block it has a reason for.
Their rule names start with the pass's name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from pelican_newsclean.core.model import Decision
from pelican_newsclean.core.scripts import dominant_script, same_writing

from . import defaults, shapes, statistical as stats
from .phrases import PhraseRules


@dataclass(frozen=True)
class Context:
    """What the context passes may consult besides the decisions."""

    phrases: PhraseRules
    repaired_lines: frozenset[int] = frozenset()


def drop_other_script(decisions: list[Decision], context: Context) -> list[Decision]:
    """Drop a block that was repaired into another script than the article's."""
    repaired = context.repaired_lines
    if not repaired:
        return decisions
    sample = "\n".join(d.kept_text for d in decisions if d.kept and d.block.line not in repaired)
    article_script = dominant_script(sample[: defaults.SCRIPT_SAMPLE_CHARS_DEFAULT])
    if article_script is None:
        return decisions
    out = []
    for d in decisions:
        if d.kept and d.block.line in repaired:
            script = dominant_script(d.kept_text)
            if script and not same_writing(script, article_script):
                d = replace(
                    d, role=None, reason="mojibake-garbage", rule=f"drop_other_script:{script}!={article_script}"
                )
        out.append(d)
    return out


def drop_related(decisions: list[Decision], context: Context) -> list[Decision]:
    """After a related-stories header, drop the blocks that share nothing with the article.

    The header counts only once the article has begun (some prose kept before
    it), and a run is dropped only when it is smaller than the prose before it:
    a "tail" longer than the article is more likely the article itself.
    """
    out = list(decisions)
    prose: list[str] = []
    prose_words = 0
    i = 0
    while i < len(out):
        d = out[i]
        if (
            d.reason is not None
            and prose_words >= defaults.ARTICLE_STARTED_WORDS_DEFAULT
            and _is_tail_header(d, context.phrases)
        ):
            article_words = set().union(*map(shapes.content_words, prose))
            run = _unrelated_run(out, i + 1, article_words)
            if sum(len(out[j].kept_text.split()) for j in run) < prose_words:
                for j in run:
                    out[j] = replace(out[j], role=None, reason=d.reason, rule=f"drop_related:{d.rule}")
            i = (run[-1] if run else i) + 1
            continue
        if d.kept and d.role == "paragraph" and shapes.is_prose(d.kept_text):
            prose.append(d.kept_text)
            prose_words += len(prose[-1].split())
        i += 1
    return out


def _unrelated_run(decisions: list[Decision], start: int, article_words: set[str]) -> list[int]:
    """Indices of the kept blocks from ``start`` on that share little with the article."""
    run = []
    for j in range(start, len(decisions)):
        d = decisions[j]
        if not d.kept:
            continue
        words = shapes.content_words(d.kept_text)
        if words and len(words & article_words) / len(words) > defaults.RELATED_OVERLAP_MAX_DEFAULT:
            break
        run.append(j)
    return run


def _is_tail_header(d: Decision, phrases: PhraseRules) -> bool:
    hit = phrases.hit(d.block.text)
    return bool(hit and hit.tail)


def headline(decisions: list[Decision], context: Context) -> list[Decision]:
    """The first kept block that reads as a headline, past short labels, is the title."""
    for i, d in enumerate(decisions):
        if not d.kept or d.role in ("caption", "dateline"):
            continue
        text = d.kept_text
        if d.role == "paragraph" and shapes.is_headline_like(text) and not _goes_on(decisions, i):
            decisions = list(decisions)
            decisions[i] = replace(d, role="title", rule="headline")
            break
        if not shapes.is_label(text):
            break
    return decisions


def lone_headline(decisions: list[Decision], context: Context) -> list[Decision]:
    """A headline with no paragraph left below it, once every pass has run, is the text.

    :func:`headline` asks this before the other passes; a post whose only line
    sat above a comment form learns it only when the form is gone.
    """
    if any(d.kept and d.role == "paragraph" for d in decisions):
        return decisions
    return [
        replace(d, role="paragraph", rule="lone_headline") if d.kept and d.role == "title" else d for d in decisions
    ]


def _goes_on(decisions: Sequence[Decision], i: int) -> bool:
    """Whether the block at ``i`` is the start of the text rather than a headline above it.

    It is when it ends in the middle of a clause (a comma, a colon), when the
    next kept block carries on its sentence in lower case (a hard-wrapped
    line), or when no paragraph would be left below it.
    """
    if decisions[i].kept_text.rstrip()[-1:] in _CLAUSE_GOES_ON:
        return True
    below = next((d for d in decisions[i + 1 :] if d.kept and d.role == "paragraph"), None)
    return below is None or below.kept_text[:1].islower()


_CLAUSE_GOES_ON = frozenset(",;:")


def statistical(decisions: list[Decision], context: Context) -> list[Decision]:
    """Let the statistical pass (:mod:`.statistical`) decide the paragraphs no rule decided."""
    texts = [d.kept_text for d in decisions]
    fixed = [(stats.KEEP if d.role != "paragraph" else None) if d.kept else d.reason for d in decisions]
    verdicts = stats.classify_blocks(texts, fixed)
    return [
        replace(d, role=None, reason=v[0], rule=f"statistical:{v[1]}") if v is not None and fixed[i] is None else d
        for i, (d, v) in enumerate(zip(decisions, verdicts, strict=False))
    ]


def duplicate(decisions: Sequence[Decision], context: Context) -> list[Decision]:
    """Drop a block repeating the one kept just before it (a scraper's double print).

    The title is not in the way: it is printed apart from the body.
    """
    out = []
    previous = ""
    for d in decisions:
        if d.kept and d.role != "title":
            key = " ".join(d.kept_text.split())
            if key == previous and len(key) > 3:
                d = replace(d, role=None, reason="duplicate", rule="duplicate")
            previous = key
        out.append(d)
    return out
