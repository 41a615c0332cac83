"""The clean cache: what the cleaner made of a body, kept between builds under ``CACHE_PATH``.

Pelican's own content cache keeps what a reader returned (the reader layer)
or whole articles (the generator layer), keyed by file and time only, not by
settings. The plugin cleans in ``content_object_init``, which the reader
layer runs again on every build; without this cache every rebuild would clean
every article again.

An entry is keyed on the body Pelican gives the plugin (what the reader made
of the file's bytes), its line numbers, the cleaning settings (the
:class:`~pelican_newsclean.core.config.Config`, the contents of its profile
folders) and the code (the plugin's version and a digest of its files, the
versions of the libraries it repairs with): a change to any of them misses,
and the article is cleaned again. Credits are not in the key: an entry keeps
the metadata its record was credited with, and an article whose metadata
differs is credited again.

Two more tables keep what depends on a cleaning and little else: each cleaned
body as published (sanitised when it is untrusted HTML, and its summary), keyed
on that body, the Pelican settings those steps read and the code, Pelican's
version included; and fragments rendered from the shipped templates (each
article's footer, each record's section of the audit page), keyed on what they
were rendered from and the code.

The cache follows Pelican's settings: it is written when ``CACHE_CONTENT``
is on and read when ``LOAD_CONTENT_CACHE`` is on (``pelican --ignore-cache``
ignores it too). ``NEWSCLEAN = {"clean_cache": False}`` turns it off.

:func:`build_fingerprint` covers every setting that changes a published
article; when it differs from the last build's, Pelican's content cache is not
loaded for the build (its cached articles and reader results were made under
the old settings) and saved afresh.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
import dataclasses
from functools import lru_cache
import hashlib
import importlib.metadata
import logging
import os
from pathlib import Path
import pickle
import sqlite3
from typing import Any, TypeVar

from pelican_newsclean.core.config import Config
from pelican_newsclean.core.html import CleanedHtml
from pelican_newsclean.core.html.sanitise import Dropped
from pelican_newsclean.core.model import CleanResult
from pelican_newsclean.core.read import Scraped

from .options import Options

logger = logging.getLogger(__name__)

FOLDER_NAME = "newsclean"
"""The cache's folder under ``CACHE_PATH``."""
DATABASE_NAME = "clean-cache.sqlite"
FORMAT = 2
"""The layout of an entry; a new layout starts a new cache."""
LIBRARIES = (
    "pelican-newsclean",
    "ftfy",
    "charset-normalizer",
    "beautifulsoup4",
    "nh3",
    "justext",
    "trafilatura",
    "pelican",
    "jinja2",
    "markupsafe",
)
"""The plugin, and the libraries whose version changes what the cleaner makes of a body (Pelican:
its summary; Jinja2 and MarkupSafe: the fragments rendered from the shipped templates)."""
PUBLISHING_SETTINGS = ("INTRASITE_LINK_REGEX", "SUMMARY_MAX_LENGTH", "SUMMARY_MAX_PARAGRAPHS", "SUMMARY_END_SUFFIX")
"""The Pelican settings that sanitising a body and making its summary read (part of their key)."""
PELICAN_SETTINGS = (
    *PUBLISHING_SETTINGS,
    "DEFAULT_DATE",
    "TIMEZONE",
    "DEFAULT_LANG",
    "SLUG_REGEX_SUBSTITUTIONS",
    "SLUGIFY_PRESERVE_CASE",
    "SLUGIFY_USE_UNICODE",
)
"""Pelican settings the plugin reads when it makes an article (part of the build fingerprint)."""
TABLES = ("entries", "published", "fragments")
"""The cache's tables: bodies' cleanings, cleaned bodies as published, rendered fragments."""
PRUNE_SLACK_DEFAULT = 1000
"""Entries beyond twice those used in a build, at most, before the unused ones are deleted."""


FINGERPRINTED = (".py", ".toml", ".json", ".html")
"""The package's files whose contents are part of :func:`code_fingerprint`: code, data, templates."""


def _digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The plugin's version, a digest of its files, and the versions of the libraries it cleans with."""
    root = Path(__file__).resolve().parent.parent
    parts: list[bytes | str] = [str(FORMAT)]
    for path in sorted(root.rglob("*")):
        if path.suffix in FINGERPRINTED and "__pycache__" not in path.parts:
            parts += [str(path.relative_to(root)), path.read_bytes()]
    for name in LIBRARIES:
        try:
            parts.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{name}=-")
    return _digest(*parts)


def _folder_digest(folders: Iterable[Any]) -> list[bytes | str]:
    """The names and contents of the profiles in ``folders`` (they change what the cleaner drops)."""
    parts: list[bytes | str] = []
    for folder in folders:
        parts.append(str(folder))
        for path in sorted(Path(folder).glob("*.toml")):
            try:
                parts += [path.name, path.read_bytes()]
            except OSError:
                parts.append(path.name)
    return parts


def config_fingerprint(config: Config) -> str:
    """Everything a body's cleaning depends on besides the body: the code and the Config."""
    return _digest(code_fingerprint(), repr(config), *_folder_digest(config.profile_dirs))


def build_fingerprint(options: Options, settings: Mapping[str, Any]) -> str:
    """Everything a published article depends on besides its file: the plugin's options, its
    footer template, the Pelican settings it reads, and the code.
    """
    parts: list[bytes | str] = [config_fingerprint(options.config), repr(options)]
    if options.footer_template:
        try:
            parts.append(Path(options.footer_template).read_bytes())
        except OSError:
            parts.append("-")
    parts += [f"{key}={settings.get(key)!r}" for key in PELICAN_SETTINGS]
    return _digest(*parts)


def body_key(  # noqa: PLR0913, PLR0917 - each argument is one thing the cleaning depends on
    config_print: str, body: str, lines: Sequence[int] | None, extract: bool, page: bool, lang: str | None = None
) -> str:
    """The key of one body's entry."""
    shape = f"{extract}:{page}:{lang or '-'}:{','.join(map(str, lines)) if lines else '-'}"
    if extract:
        from pelican_newsclean.core.html import extractor_available

        shape += f":{extractor_available()}"
    return _digest(config_print, shape, body)


@dataclasses.dataclass(frozen=True)
class Entry:
    """What is kept of one body: the cleaned HTML and record (decisions left out), its sketch, and
    the credits (the article's metadata) its record was credited with.
    """

    cleaned: CleanedHtml
    sketch: tuple[int, ...]
    credits: tuple[tuple[str, Any], ...] = ()

    def credited_with(self, credits: Mapping[str, Any]) -> bool:
        """Whether the record was credited with these credits (then crediting it again changes nothing)."""
        return self.credits == _credit_items(credits)


def _credit_items(credits: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    """Credits as an entry keeps them."""
    return tuple(sorted(credits.items()))


@dataclasses.dataclass(frozen=True)
class Published:
    """A body as published: sanitised when it is untrusted HTML, what that dropped, and its summary
    (None when the article has a summary of its own).
    """

    html: str
    dropped: tuple[Dropped, ...]
    summary: str | None


_Kept = TypeVar("_Kept", Entry, CleanResult, Published, str)


class CleanCache:
    """One build's view of the clean cache: reads on demand, writes committed when the build ends."""

    def __init__(self, path: Path, config: Config, load: bool, save: bool) -> None:
        """Open (or create) the cache at ``path``; nothing is read unless ``load``, written unless ``save``."""
        self.path, self.load, self.save = path, load, save
        self.config_print = config_fingerprint(config)
        self.used: set[str] = set()
        self.pending: dict[str, dict[str, bytes]] = {table: {} for table in TABLES}
        self.hits = self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._meta: dict[str, str] | None = None

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path)
                for table in TABLES:
                    db.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, value BLOB)")
                db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            except (OSError, sqlite3.Error) as error:
                logger.warning(
                    "newsclean: the clean cache %s cannot be used (%s): cleaning everything", self.path, error
                )
                self.load = self.save = False
                self._clear()
                return None
            self._db = db
        return self._db

    def key(self, body: str, lines: Sequence[int] | None, extract: bool, page: bool, lang: str | None = None) -> str:
        """The key of one body's entry under this build's cleaning settings."""
        return body_key(self.config_print, body, lines, extract, page, lang)

    def _clear(self) -> None:
        for pending in self.pending.values():
            pending.clear()

    def _load(self, key: str, table: str) -> Any:
        self.used.add(key)
        db = self._connect() if self.load else None
        row = db.execute(f"SELECT value FROM {table} WHERE key = ?", (key,)).fetchone() if db else None
        if row is None:
            return None
        try:
            return pickle.loads(row[0])
        except Exception:  # noqa: BLE001 - a damaged or foreign entry is cleaned again
            return None

    def _store(self, key: str, value: object, table: str = "entries") -> None:
        self.used.add(key)
        if self.save:
            self.pending[table][key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)

    def _fetch(self, key: str, kind: type[_Kept], table: str = "entries") -> _Kept | None:
        """What is kept for ``key`` if it is a ``kind`` (a damaged or foreign entry is a miss), counted."""
        found = self._load(key, table)
        if isinstance(found, kind):
            self.hits += 1
            return found
        self.misses += 1
        return None

    def get(self, key: str) -> Entry | None:
        """The entry kept for ``key``, if any (a damaged entry is a miss)."""
        return self._fetch(key, Entry)

    def put(self, key: str, cleaned: CleanedHtml, sketch: tuple[int, ...], credits: Mapping[str, Any]) -> None:
        """Keep a body's cleaning, credited with ``credits``, for the next build (decisions are not
        kept: nothing reads them).
        """
        light = dataclasses.replace(cleaned, result=dataclasses.replace(cleaned.result, decisions=()))
        self._store(key, Entry(light, sketch, _credit_items(credits)))

    def scraped_key(self, scraped: Scraped) -> str:
        """The key of the reader's cleaning of a scraped file (its blocks, header and decode)."""
        blocks = "\n".join(f"{b.line}\t{b.text}" for b in scraped.blocks)
        header = repr(sorted(scraped.metadata.items()))
        return _digest(self.config_print, "scraped", blocks, header, repr(scraped.decode_repair))

    def get_result(self, key: str) -> CleanResult | None:
        """The reader's result kept for ``key``, decisions included, if any."""
        return self._fetch(key, CleanResult)

    def put_result(self, key: str, result: CleanResult) -> None:
        """Keep the reader's result (decisions included: the body is printed from them)."""
        self._store(key, result)

    def published_key(self, body: str, from_html: bool, summary: bool, settings: Mapping[str, Any]) -> str:
        """The key of a body's published form under this build's code and settings."""
        read = [f"{name}={settings.get(name)!r}" for name in PUBLISHING_SETTINGS]
        return _digest(self.config_print, "published", f"{from_html}:{summary}", *read, body)

    def _kept(self, key: str, kind: type[_Kept], table: str, make: Callable[[], _Kept]) -> _Kept:
        """What is kept for ``key`` in ``table``, else ``make()``, kept for the next build."""
        found = self._fetch(key, kind, table)
        if found is None:
            found = make()
            self._store(key, found, table)
        return found

    def published(self, key: str, make: Callable[[], Published]) -> Published:
        """A body's published form (see :meth:`published_key`): kept, or made and kept."""
        return self._kept(key, Published, "published", make)

    def fragment(self, kind: str, key: str, make: Callable[[], str]) -> str:
        """A fragment of ``kind`` (``footer``, ``audit-section``) rendered from what ``key`` names:
        kept, or made and kept.
        """
        return self._kept(_digest(self.config_print, kind, key), str, "fragments", make)

    def meta(self, key: str) -> str | None:
        """A value the last build stored (the build fingerprint)."""
        db = self._connect()
        row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone() if db else None
        return None if row is None else str(row[0])

    def close(self, meta: Mapping[str, str] | None = None) -> None:
        """Write the new entries (and ``meta``), drop entries no build uses any more, and close."""
        if self._db is None and not (any(self.pending.values()) or meta):
            return
        db = self._connect()
        if db is None:
            return
        try:
            with db:
                for table, pending in self.pending.items():
                    db.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)", pending.items())
                db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", (meta or {}).items())
                if self.save:
                    self._prune(db)
        except sqlite3.Error as error:
            logger.warning("newsclean: the clean cache %s cannot be written (%s)", self.path, error)
        finally:
            db.close()
            self._db = None
            self._clear()

    def _prune(self, db: sqlite3.Connection) -> None:
        for table in TABLES:
            (count,) = db.execute(f"SELECT count(*) FROM {table}").fetchone()
            if count <= 2 * len(self.used) + PRUNE_SLACK_DEFAULT:
                continue
            stale = [(key,) for (key,) in db.execute(f"SELECT key FROM {table}") if key not in self.used]
            db.executemany(f"DELETE FROM {table} WHERE key = ?", stale)


def open_cache(settings: Mapping[str, Any], options: Options) -> CleanCache | None:
    """The build's clean cache, or None when Pelican caches no content or the setting turns it off."""
    save, load = bool(settings.get("CACHE_CONTENT")), bool(settings.get("LOAD_CONTENT_CACHE"))
    if not (save or load) or not settings.get("CACHE_PATH"):
        return None
    path = Path(os.fspath(settings["CACHE_PATH"])) / FOLDER_NAME / DATABASE_NAME
    return CleanCache(path, options.config, load=load and options.clean_cache, save=save and options.clean_cache)
