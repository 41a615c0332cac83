"""Combine the rules and a block's context into one decision per block.

The passes run in this order, each leaving what earlier ones decided alone:

1. phrase rules: publisher profiles first (a hit also identifies the
   publisher), then the user's extra phrases, the generic phrase table and
   widget lines; captions and datelines are recognised here too;
2. glued nags: a nag sentence glued to an article sentence is cut off;
3. context: mojibake garbage in another script than the article, a trailing
   run of unrelated headlines after a section header;
4. the headline: the first headline-like block after the chrome;
5. the statistical classifier, for sites no rule was written for;
6. a block printed twice in a row is kept once.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from . import rules, statistical
from .config import Config
from .encoding import dominant_script
from .model import Block, Decision, Removal
from .phrases import Hit, RuleTable
from .profiles import Profile

# A tail-run block sharing more than this share of its content words with the
# article is taken for article text, and ends the run.
RELATED_OVERLAP_MAX = 0.34
# The article "has begun" once this many words of prose paragraphs were kept.
ARTICLE_STARTED_WORDS = 40


@dataclass(frozen=True)
class Classification:
    """Decisions in block order, the cut-off fragments, and the publisher hit."""

    decisions: tuple[Decision, ...]
    fragments: tuple[Removal, ...]
    profile: Optional[Profile]


def classify(
    blocks: Sequence[Block],
    config: Config,
    profiles: Sequence[Profile],
    repaired_lines: frozenset[int] = frozenset(),
) -> Classification:
    """Decide, for every block, whether it is article text and in what role."""
    phrases = _Phrases.for_config(config, profiles)
    profile_hits: Counter[str] = Counter()
    by_id = {p.id: p for p in profiles}
    decisions: list[Decision] = []
    fragments: list[Removal] = []

    for original in blocks:
        block, cut = original, []
        if config.cut_glued_nags:
            block, cut = _cut_glued(block, phrases)
        decision, profile_id = _first_pass(block, phrases)
        if profile_id:
            profile_hits[profile_id] += 1
        if decision.rule == "doubled-caption":
            fragments.append(Removal(block.line, decision.kept_text, "duplicate", "doubled-caption"))
        if cut and decision.kept:
            fragments.extend(cut)
            profile_hits.update(r.rule.split(":")[1] for r in cut if r.rule.startswith("profile:"))
            decision = replace(decision, block=original, text=decision.text or block.text, rule="glued-nag-cut")
        decisions.append(decision)

    if config.drop_other_script:
        decisions = _drop_foreign_repairs(decisions, repaired_lines)
    if config.drop_related:
        decisions = _drop_related_tail(decisions, phrases)
    decisions = _mark_title(decisions)
    if config.statistical:
        decisions = _statistical(decisions)
    decisions = _drop_duplicates(decisions)

    profile = by_id[profile_hits.most_common(1)[0][0]] if profile_hits else None
    return Classification(tuple(decisions), tuple(fragments), profile)


@dataclass(frozen=True)
class _Phrases:
    """Every phrase rule that applies under a config, in order: publisher
    profiles, the user's extra phrases, the generic table."""

    table: RuleTable
    widgets: bool

    @classmethod
    def for_config(cls, config: Config, profiles: Sequence[Profile]) -> "_Phrases":
        return cls(_merged_table(config, tuple(profiles)), config.remove_boilerplate)

    def hit(self, text: str) -> tuple[Optional[Hit], Optional[str]]:
        """The first rule that fires on ``text``, and the id of its profile if it is one."""
        hit = self.table.first_hit(text)
        if hit is not None:
            return hit, (hit.rule.split(":")[1] if hit.rule.startswith("profile:") else None)
        return (rules.widget_hit(text) if self.widgets else None), None


@functools.lru_cache(maxsize=16)
def _merged_table(config: Config, profiles: tuple[Profile, ...]) -> RuleTable:
    tables = [p.rules for p in profiles] if config.use_profiles else []
    tables.append(rules.custom_rules(tuple(config.extra_phrases)))
    if config.remove_boilerplate:
        tables.append(rules.generic_rules())
    return RuleTable.merged(tables)


def _first_pass(block: Block, phrases: _Phrases) -> tuple[Decision, Optional[str]]:
    """A block's decision from the rules about it alone, and the profile that hit."""
    text = block.text
    hit, profile_id = phrases.hit(text)
    if hit:
        return Decision(block, reason=hit.reason, rule=hit.rule), profile_id
    single = rules.doubled_caption(text)
    if single is not None:
        role = "caption" if rules.is_caption(single) or len(single.split()) >= 6 else "paragraph"
        return Decision(block, role=role, rule="doubled-caption", text=single), None
    if rules.is_caption(text):
        return Decision(block, role="caption", rule="photo-credit"), None
    if rules.is_dateline(text):
        return Decision(block, role="dateline", rule="dateline"), None
    return Decision(block, role="paragraph"), None


def _cut_glued(block: Block, phrases: _Phrases) -> tuple[Block, list[Removal]]:
    """Cut nag sentences glued (no space) to the start or end of an article sentence.

    Returns the block with what is left of its text, and the cut fragments.
    """
    text = block.text
    cut: list[Removal] = []
    for first in (True, False):
        points = rules.glue_points(text)
        if not points:
            break
        at = points[0] if first else points[-1]
        nag, rest = (text[:at], text[at:]) if first else (text[at:], text[:at])
        hit, _ = phrases.hit(nag)
        if hit and len(rest.split()) >= 4 and phrases.hit(rest)[0] is None:
            cut.append(Removal(block.line, nag, hit.reason, hit.rule))
            text = rest
    return (replace(block, text=text) if cut else block), cut


def _drop_foreign_repairs(decisions: list[Decision], repaired: frozenset[int]) -> list[Decision]:
    """Drop a block that was repaired into another script than the article's."""
    if not repaired:
        return decisions
    sample = "\n".join(d.kept_text for d in decisions if d.kept and d.block.line not in repaired)
    article_script = dominant_script(sample[:4000])
    if article_script is None:
        return decisions
    out = []
    for d in decisions:
        if d.kept and d.block.line in repaired:
            script = dominant_script(d.kept_text)
            if script and not _same_writing(script, article_script):
                d = replace(d, role=None, reason="mojibake-garbage", rule=f"script:{script}!={article_script}")
        out.append(d)
    return out


# Han characters are part of Japanese and (as Hanja) of Korean writing.
_WRITINGS_WITH_HAN = frozenset({"Japanese", "Hangul"})


def _same_writing(script: str, article_script: str) -> bool:
    if script == article_script:
        return True
    pair = {script, article_script}
    return "Han" in pair and bool(pair & _WRITINGS_WITH_HAN)


def _drop_related_tail(decisions: list[Decision], phrases: _Phrases) -> list[Decision]:
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
        if d.reason is not None and prose_words >= ARTICLE_STARTED_WORDS and _is_tail_header(d, phrases):
            article_words = set().union(*map(rules.content_words, prose))
            run = _unrelated_run(out, i + 1, article_words)
            if sum(len(out[j].kept_text.split()) for j in run) < prose_words:
                for j in run:
                    out[j] = replace(out[j], role=None, reason=d.reason, rule=f"after:{d.rule}")
            i = (run[-1] if run else i) + 1
            continue
        if d.kept and d.role == "paragraph" and rules.is_prose(d.kept_text):
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
        words = rules.content_words(d.kept_text)
        if words and len(words & article_words) / len(words) > RELATED_OVERLAP_MAX:
            break
        run.append(j)
    return run


def _is_tail_header(d: Decision, phrases: _Phrases) -> bool:
    hit, _ = phrases.hit(d.block.text)
    return bool(hit and hit.tail)


def _drop_duplicates(decisions: list[Decision]) -> list[Decision]:
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


def _mark_title(decisions: list[Decision]) -> list[Decision]:
    """The first kept block that reads as a headline, past short labels, is the title."""
    for i, d in enumerate(decisions):
        if not d.kept or d.role in ("caption", "dateline"):
            continue
        text = d.kept_text
        if d.role == "paragraph" and rules.is_headline_like(text):
            decisions = list(decisions)
            decisions[i] = replace(d, role="title", rule="headline")
            break
        if not rules.is_label(text):
            break
    return decisions


def _statistical(decisions: list[Decision]) -> list[Decision]:
    """Let the statistical classifier decide the paragraphs no rule decided."""
    texts = [d.kept_text for d in decisions]
    fixed = [(statistical.KEEP if d.role != "paragraph" else None) if d.kept else d.reason for d in decisions]
    verdicts = statistical.classify_blocks(texts, fixed)
    return [
        replace(d, role=None, reason=v[0], rule=v[1]) if v is not None and fixed[i] is None else d
        for i, (d, v) in enumerate(zip(decisions, verdicts))
    ]
