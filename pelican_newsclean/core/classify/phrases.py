"""The phrase rules that apply under a configuration, merged into one table.

In order: the publisher profiles (``use_profiles``), the user's extra phrases
(``extra_phrases``), the generic table ``data/boilerplate.toml`` and widget
lines (``remove_boilerplate``). Each rule's name starts with the option that
switches it on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
import functools

from pelican_newsclean.core.config import Config
from pelican_newsclean.data import load_toml

from . import shapes
from .profiles import Profile
from .rules import GENERIC, Hit, Probe, RuleTable, compile_rules


@functools.lru_cache(maxsize=1)
def generic_rules() -> RuleTable:
    """The shipped generic phrase rules (``data/boilerplate.toml``)."""
    return compile_rules(load_toml("boilerplate.toml")["rules"], "data/boilerplate.toml", GENERIC)


@functools.lru_cache(maxsize=16)
def custom_rules(phrases: tuple[str, ...]) -> RuleTable:
    """Rules for a user's extra phrases: a block equal to or starting with one."""
    return compile_rules(
        [{"reason": "custom", "exact": list(phrases), "starts": list(phrases)}], "extra phrases", "extra_phrases"
    )


@dataclass(frozen=True)
class PhraseRules:
    """Every phrase rule that applies under a config, in order."""

    table: RuleTable
    widgets: bool

    @classmethod
    def for_config(cls, config: Config, profiles: Sequence[Profile]) -> PhraseRules:
        """The phrase rules ``config`` switches on, the profiles' first."""
        return cls(_merged_table(config, tuple(profiles)), config.remove_boilerplate)

    def hit(self, text: str | Probe) -> Hit | None:
        """The first rule that fires on ``text`` (its ``profile`` names a publisher profile)."""
        hit = self.table.first_hit(text)
        if hit is not None and hit.rule.startswith(GENERIC) and shapes.quotes_someone(_text(text)):
            return None  # a quoted speaker's words: the generic vocabulary is not about them
        if hit is not None or not self.widgets:
            return hit
        return shapes.widget_hit(_text(text))


def _text(text: str | Probe) -> str:
    return text if isinstance(text, str) else text.text


@functools.lru_cache(maxsize=16)
def _merged_table(config: Config, profiles: tuple[Profile, ...]) -> RuleTable:
    tables = [p.rules for p in profiles] if config.use_profiles else []
    tables.append(custom_rules(tuple(config.extra_phrases)))
    if config.remove_boilerplate:
        tables.append(generic_rules())
    return RuleTable.merged(tables)
