"""The one configuration object of the cleaner, with its defaults."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

PathLike = str | Path


@dataclass(frozen=True)
class Config:
    """What the cleaner does; every behaviour can be switched off.

    >>> Config().repair_encoding
    True
    >>> Config(extra_phrases=("Sponsored content",)).extra_phrases
    ('Sponsored content',)

    Attributes:
        repair_encoding: fix mojibake (ftfy and legacy mixed-decoder text),
            no-break and zero-width characters.
        remove_boilerplate: drop calls to action, site furniture and nags
            found by the generic phrase rules.
        use_profiles: apply the publisher profiles (shipped and extra).
        statistical: drop blocks that read as boilerplate by their text
            statistics and neighbours (for sites with no profile).
        drop_related: drop a trailing run of unrelated headlines.
        drop_comments: drop a thread of reader comments after the article.
        drop_gallery: drop a photo gallery's counters, controls and repeated captions.
        cut_glued_nags: cut a nag glued to the start of an article sentence.
        join_datelines: join a dateline alone on its line to the next paragraph.
        drop_other_script: drop a block in another script than the article.
        extra_phrases: more boilerplate phrases (a block made of one of them,
            or starting with one, is dropped with reason ``custom``).
        profile_dirs: more folders of publisher profiles (``*.toml``); a
            profile with the same ``id`` as a shipped one replaces it.

    """

    repair_encoding: bool = True
    remove_boilerplate: bool = True
    use_profiles: bool = True
    statistical: bool = True
    drop_related: bool = True
    drop_comments: bool = True
    drop_gallery: bool = True
    cut_glued_nags: bool = True
    join_datelines: bool = True
    drop_other_script: bool = True
    extra_phrases: tuple[str, ...] = ()
    profile_dirs: tuple[PathLike, ...] = ()

    def with_options(self, **changes: Any) -> Config:
        """A copy with some options changed (unknown names raise TypeError)."""
        return replace(self, **changes)

    @classmethod
    def option_names(cls) -> tuple[str, ...]:
        """The names of every option."""
        return tuple(f.name for f in fields(cls))


DEFAULT_CONFIG = Config()
