"""One build's state: its options, the results the reader made, the records.

Pelican's signals are process-wide and a process may run several builds (a
test suite, ``pelican --autoreload``). Everything the plugin keeps during a
build lives on one :class:`BuildState`, made when the build starts
(``initialized``) and dropped when it ends (``finalized``), found from any
signal through the build's settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
import hashlib
import logging
from typing import Any

from pelican_newsclean.core.config import Config
from pelican_newsclean.core.model import CleanResult

from .copies import Slugs
from .options import SETTING_NAME, Options, parse_options, plugin_listed

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Stored:
    """A result the reader made, with the digest of the body it returned."""

    body_digest: str
    result: CleanResult
    config: Config


def digest(body: str) -> str:
    """A body's fingerprint, to tell that an article is the one a result was made from."""
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class BuildState:
    """What the plugin keeps during one build."""

    settings: Mapping[str, Any]
    options: Options
    results: dict[str, Stored] = field(default_factory=dict)
    records: list[dict[str, Any]] | None = None
    logged: set[str] = field(default_factory=set)
    slugs: Slugs = field(default_factory=Slugs)
    saved_pages: set[str] = field(default_factory=set)
    copy_groups: list[list[str]] = field(default_factory=list)
    left_out: list[Any] = field(default_factory=list)

    def once(self, key: str) -> bool:
        """True the first time ``key`` is asked in this build (for messages said once)."""
        if key in self.logged:
            return False
        self.logged.add(key)
        return True

    def keep(self, source_path: str, body: str, result: CleanResult) -> None:
        """Keep the reader's result for ``content_object_init``."""
        self.results[source_path] = Stored(digest(body), result, self.options.config)

    def take(self, source_path: str | None, body: str) -> CleanResult | None:
        """The reader's result for this article, if the reader made one for this very body.

        None on a reader-cache hit (Pelican did not call the reader this build).
        """
        stored = self.results.pop(source_path or "", None)
        if stored is None or stored.config != self.options.config or stored.body_digest != digest(body):
            return None
        return stored.result


_STATES: dict[int, BuildState] = {}


def start(settings: Mapping[str, Any]) -> BuildState | None:
    """A new state for a build that uses the plugin (its settings parsed and checked once)."""
    if not plugin_listed(settings):
        return None
    state = BuildState(settings, parse_options(settings.get(SETTING_NAME)))
    _STATES[id(settings)] = state
    return state


def of(settings: Mapping[str, Any]) -> BuildState | None:
    """The state of the build these settings belong to, when the plugin is listed and enabled."""
    state = _STATES.get(id(settings))
    if state is None or state.settings is not settings:
        state = start(settings)  # a handler called outside a whole build (a test, a tool)
    return state if state is not None and state.options.enabled else None


def is_saved_page(path: str) -> bool:
    """Whether a build under way read the file at ``path`` (a real path) as a saved web page."""
    return any(path in build.saved_pages for build in _STATES.values())


def finish(settings: Mapping[str, Any]) -> None:
    """Drop the state of a finished build."""
    _STATES.pop(id(settings), None)
