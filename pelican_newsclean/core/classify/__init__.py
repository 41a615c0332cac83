"""Classify: one decision per block, from named passes run in order.

1. the per-block pass (:mod:`.blocks`): phrase rules (publisher profiles
   first, whose hits also identify the publisher, then the user's extra
   phrases, the generic table and widget lines); captions and datelines;
   ``cut_glued_nags`` cuts a nag glued to an article sentence;
2. the context passes of :data:`PASSES` (:mod:`.context`), in order:
   ``drop_other_script``, ``drop_related``, ``headline``, ``drop_comments``,
   ``drop_gallery``, ``statistical``, ``duplicate``, ``lone_headline``.

As with ftfy's fixers, a pass has one name: the :class:`~..config.Config`
option that switches it off (for those that can be), the function, and the
start of the rule it reports with each removal.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pelican_newsclean.core.config import Config
from pelican_newsclean.core.model import Block, Decision, Removal

from . import context
from .blocks import per_block
from .comments import drop_comments
from .gallery import drop_gallery
from .phrases import PhraseRules
from .profiles import Profile, ProfileError, load_profiles, profile_for_domain

__all__ = [
    "PASSES",
    "Classification",
    "Pass",
    "Profile",
    "ProfileError",
    "classify",
    "load_profiles",
    "profile_for_domain",
]


@dataclass(frozen=True)
class Pass:
    """A context pass: its name (its option, unless ``always``) and its function."""

    name: str
    run: Callable[[list[Decision], context.Context], list[Decision]]
    always: bool = False

    def enabled(self, config: Config) -> bool:
        """Whether the pass runs under ``config``."""
        return self.always or bool(getattr(config, self.name))


PASSES: tuple[Pass, ...] = (
    Pass("drop_other_script", context.drop_other_script),
    Pass("drop_related", context.drop_related),
    Pass("headline", context.headline, always=True),
    Pass("drop_comments", drop_comments),
    Pass("drop_gallery", drop_gallery),
    Pass("statistical", context.statistical),
    Pass("duplicate", context.duplicate, always=True),
    Pass("lone_headline", context.lone_headline, always=True),
)
"""The context passes, in the order they run."""


@dataclass(frozen=True)
class Classification:
    """Decisions in block order, the fragments cut off kept blocks, and the publisher hit."""

    decisions: tuple[Decision, ...]
    fragments: tuple[Removal, ...]
    profile: Profile | None


def classify(
    blocks: Sequence[Block],
    config: Config,
    profiles: Sequence[Profile],
    repaired_lines: frozenset[int] = frozenset(),
) -> Classification:
    """Decide, for every block, whether it is article text and in what role."""
    phrases = PhraseRules.for_config(config, profiles)
    first = per_block(list(blocks), phrases, config.cut_glued_nags)
    decisions = first.decisions
    where = context.Context(phrases, repaired_lines)
    for step in PASSES:
        if step.enabled(config):
            decisions = step.run(decisions, where)
    hits = Counter(first.profiles)
    by_id = {p.id: p for p in profiles}
    profile = by_id[hits.most_common(1)[0][0]] if hits else None
    return Classification(tuple(decisions), tuple(first.fragments), profile)
