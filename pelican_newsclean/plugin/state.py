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

from .cache import CleanCache, build_fingerprint, open_cache
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
    saved_pages: dict[str, str] = field(default_factory=dict)
    """Saved web pages the reader read this build, by real path, until ``content_object_init``
    takes them (see :func:`~.untrusted.saved_page`)."""
    copy_groups: list[list[str]] = field(default_factory=list)
    left_out: list[Any] = field(default_factory=list)
    cache: CleanCache | None = None
    fingerprint: str | None = None

    @property
    def site_language(self) -> str | None:
        """The site's language (``DEFAULT_LANG``): what the language detection tries first."""
        value = self.settings.get("DEFAULT_LANG")
        return str(value) if value else None

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

    def open_cache(self) -> None:
        """Open the clean cache, and keep Pelican's content cache from serving what older settings made.

        Pelican keys its cache on files only: when the build fingerprint differs
        from the last build's, its content cache is not loaded for this build
        (``LOAD_CONTENT_CACHE`` off; it is saved afresh), so every article
        reaches the plugin again.
        """
        self.cache = open_cache(self.settings, self.options)
        if self.cache is None:
            return
        self.fingerprint = build_fingerprint(self.options, self.settings)
        if self.settings.get("LOAD_CONTENT_CACHE") and self.cache.meta(FINGERPRINT_KEY) != self.fingerprint:
            logger.info(
                "newsclean: the settings or the plugin changed since the last build: "
                "Pelican's content cache is not loaded for this build"
            )
            if isinstance(self.settings, dict):
                self.settings["LOAD_CONTENT_CACHE"] = False

    def close(self, finished: bool = True) -> None:
        """Save the clean cache, and the fingerprint of a finished build (Pelican saved its cache under it)."""
        if self.cache is None:
            return
        if self.cache.hits or self.cache.misses:
            logger.debug("newsclean: clean cache: %d hits, %d misses", self.cache.hits, self.cache.misses)
        saved = finished and self.settings.get("CACHE_CONTENT")
        self.cache.close({FINGERPRINT_KEY: self.fingerprint} if saved and self.fingerprint else None)
        self.cache = None


FINGERPRINT_KEY = "build"
"""The clean cache's record of the fingerprint of the last build that finished."""

_STATES: dict[int, BuildState] = {}


def start(settings: Mapping[str, Any], whole_build: bool = False) -> BuildState | None:
    """A new state for a build that uses the plugin (its settings parsed and checked once).

    A whole build (``initialized``) also opens the clean cache.
    """
    if not plugin_listed(settings):
        return None
    previous = _STATES.get(id(settings))
    if previous is not None:
        previous.close(finished=False)
    state = BuildState(settings, parse_options(settings.get(SETTING_NAME)))
    _STATES[id(settings)] = state
    if whole_build and state.options.enabled:
        state.open_cache()
    return state


def of(settings: Mapping[str, Any]) -> BuildState | None:
    """The state of the build these settings belong to, when the plugin is listed and enabled."""
    state = _STATES.get(id(settings))
    if state is None or state.settings is not settings:
        state = start(settings)  # a handler called outside a whole build (a test, a tool)
    return state if state is not None and state.options.enabled else None


def finish(settings: Mapping[str, Any]) -> None:
    """Drop the state of a finished build (its clean cache saved)."""
    state = _STATES.pop(id(settings), None)
    if state is not None:
        state.close()
