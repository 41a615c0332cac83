"""The per-block pass: what the rules say of each block on its own.

A block is dropped by the first phrase rule that fires on it, or kept in a
role: a photo caption (a doubled caption printed once), a dateline, or a
paragraph. Before that, ``cut_glued_nags`` cuts a nag glued to the start or
end of an article sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from pelican_newsclean.core.model import Block, Decision, Removal

from . import shapes
from .phrases import PhraseRules


@dataclass(frozen=True)
class Cut:
    """A nag cut off a block, and the publisher profile whose rule cut it."""

    removal: Removal
    profile: str | None


def decide_block(block: Block, phrases: PhraseRules) -> tuple[Decision, str | None]:
    """A block's decision from the rules about it alone, and the profile that hit."""
    text = block.text
    hit = phrases.hit(text)
    if hit:
        return Decision(block, reason=hit.reason, rule=hit.rule), hit.profile
    single = shapes.doubled_caption(text)
    if single is not None:
        role = "caption" if shapes.is_caption(single) or len(single.split()) >= 6 else "paragraph"
        return Decision(block, role=role, rule="doubled-caption", text=single), None
    if shapes.is_caption(text):
        return Decision(block, role="caption", rule="photo-credit"), None
    if shapes.is_dateline(text):
        return Decision(block, role="dateline", rule="dateline"), None
    return Decision(block, role="paragraph"), None


def cut_glued_nags(block: Block, phrases: PhraseRules) -> tuple[Block, list[Cut]]:
    """Cut nag sentences glued (no space) to the start or end of an article sentence.

    Returns the block with what is left of its text, and the cuts.
    """
    text = block.text
    cuts: list[Cut] = []
    for first in (True, False):
        points = shapes.glue_points(text)
        if not points:
            break
        at = points[0] if first else points[-1]
        nag, rest = (text[:at], text[at:]) if first else (text[at:], text[:at])
        hit = phrases.hit(nag)
        if hit and len(rest.split()) >= 4 and phrases.hit(rest) is None:
            cuts.append(Cut(Removal(block.line, nag, hit.reason, hit.rule), hit.profile))
            text = rest
    return (replace(block, text=text) if cuts else block), cuts


@dataclass(frozen=True)
class BlockPass:
    """The per-block decisions, the fragments cut off kept blocks, and the profiles that hit."""

    decisions: list[Decision]
    fragments: list[Removal]
    profiles: list[str]


def per_block(blocks: list[Block], phrases: PhraseRules, cut_nags: bool) -> BlockPass:
    """Decide every block on its own (see the module docstring)."""
    out = BlockPass([], [], [])
    for original in blocks:
        block, cuts = cut_glued_nags(original, phrases) if cut_nags else (original, [])
        decision, profile = decide_block(block, phrases)
        if profile:
            out.profiles.append(profile)
        if decision.rule == "doubled-caption":
            out.fragments.append(Removal(block.line, decision.kept_text, "duplicate", "doubled-caption"))
        if cuts and decision.kept:
            out.fragments.extend(c.removal for c in cuts)
            out.profiles.extend(c.profile for c in cuts if c.profile)
            decision = replace(decision, block=original, text=decision.text or block.text, rule="cut_glued_nags")
        out.decisions.append(decision)
    return out
