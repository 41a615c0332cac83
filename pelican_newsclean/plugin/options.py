"""The ``NEWSCLEAN`` setting: defaults, validation, and the cleaner's Config.

A site configures the plugin with one dict in ``pelicanconf.py``::

    NEWSCLEAN = {"clean_all": False, "footer": True, "extra_phrases": ["Sponsored"]}

Every key is optional. An unknown key, or a value of the wrong type, is
logged as an ERROR naming the key and ignored: the default is kept. A
footer template that does not compile is an ERROR too (the shipped footer is
used), and so is a folder of ``profile_dirs`` holding a broken profile: the
error names the file, and the site is cleaned without that folder's profiles.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
import logging
import os
from typing import Any

from pelican_newsclean.core.classify.profiles import ProfileError, load_profiles
from pelican_newsclean.core.config import Config

from .footer import template_problem

logger = logging.getLogger(__name__)

SETTING_NAME = "NEWSCLEAN"
PLUGIN_NAME = "pelican_newsclean"
PLUGIN_NAMES = frozenset({PLUGIN_NAME, "pelican.plugins.newsclean", "newsclean"})
"""The names ``PLUGINS`` may give the plugin (Pelican keeps a namespace plugin's module name)."""

ENABLED_DEFAULT = True
TXT_READER_DEFAULT = True
EXTENSIONS_DEFAULT: tuple[str, ...] = ("txt",)
CLEAN_ALL_DEFAULT = False
EXTRACT_PAGES_DEFAULT = True
FOOTER_DEFAULT = True
FOOTER_TEMPLATE_DEFAULT: str | None = None
REPORT_PATH_DEFAULT: str | None = None
AUDIT_DIR_DEFAULT: str | None = "newsclean-audit"
MIN_WORDS_DEFAULT = 20
MAX_SIZE_DEFAULT: int | None = 1_000_000
MAX_PARAGRAPHS_DEFAULT: int | None = 5_000
BYLINE_AUTHOR_DEFAULT = True
CLEAN_CACHE_DEFAULT = True
SYNDICATED_DEFAULT = "all"
SYNDICATED_CHOICES = ("all", "one")


@dataclass(frozen=True)
class Options:
    """The plugin's options, validated; ``config`` is what the cleaner gets."""

    enabled: bool = ENABLED_DEFAULT
    txt_reader: bool = TXT_READER_DEFAULT
    extensions: tuple[str, ...] = EXTENSIONS_DEFAULT
    clean_all: bool = CLEAN_ALL_DEFAULT
    extract_pages: bool = EXTRACT_PAGES_DEFAULT
    footer: bool = FOOTER_DEFAULT
    footer_template: str | None = FOOTER_TEMPLATE_DEFAULT
    report_path: str | None = REPORT_PATH_DEFAULT
    audit_dir: str | None = AUDIT_DIR_DEFAULT
    min_words: int = MIN_WORDS_DEFAULT
    max_size: int | None = MAX_SIZE_DEFAULT
    max_paragraphs: int | None = MAX_PARAGRAPHS_DEFAULT
    byline_author: bool = BYLINE_AUTHOR_DEFAULT
    syndicated: str = SYNDICATED_DEFAULT
    clean_cache: bool = CLEAN_CACHE_DEFAULT
    config: Config = field(default_factory=Config)

    def too_big(self, size: int, paragraphs: int) -> str | None:
        """Why an article is too big to clean (None: it is not), from ``max_size``/``max_paragraphs``."""
        if self.max_paragraphs is not None and paragraphs > self.max_paragraphs:
            return f"{paragraphs:,} paragraphs, more than max_paragraphs ({self.max_paragraphs:,})"
        if self.max_size is not None and size > self.max_size:
            return f"{size:,} characters, more than max_size ({self.max_size:,})"
        return None


def _is_str_list(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)


def _is_optional_str(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_limit(value: Any) -> bool:
    return value is None or (_is_count(value) and value > 0)


# key -> (check, description of the expected type, conversion)
_PLUGIN_KEYS: dict[str, tuple[Any, str, Any]] = {
    "enabled": (lambda v: isinstance(v, bool), "True or False", bool),
    "txt_reader": (lambda v: isinstance(v, bool), "True or False", bool),
    "extensions": (
        lambda v: _is_str_list(v) and all(e and not e.startswith(".") for e in v),
        "a list of file extensions without a dot, such as ['txt']",
        tuple,
    ),
    "clean_all": (lambda v: isinstance(v, bool), "True or False", bool),
    "extract_pages": (lambda v: isinstance(v, bool), "True or False", bool),
    "footer": (lambda v: isinstance(v, bool), "True or False", bool),
    "footer_template": (
        lambda v: v is None or (isinstance(v, str) and os.path.isfile(v)),
        ("None or the path of an existing template file (absolute, or relative to the folder pelican runs in)"),
        lambda v: v,
    ),
    "report_path": (_is_optional_str, "a path under OUTPUT_PATH, or None", lambda v: v),
    "audit_dir": (_is_optional_str, "a folder beside OUTPUT_PATH (or an absolute path), or None", lambda v: v),
    "min_words": (_is_count, "a whole number >= 0", int),
    "byline_author": (lambda v: isinstance(v, bool), "True or False", bool),
    "clean_cache": (lambda v: isinstance(v, bool), "True or False", bool),
    "syndicated": (lambda v: v in SYNDICATED_CHOICES, "'all' (publish every copy) or 'one' (one copy per story)", str),
    "max_size": (
        _is_limit,
        "None (no limit) or a whole number > 0 (characters of an article's body)",
        lambda v: v,
    ),
    "max_paragraphs": (
        _is_limit,
        "None (no limit) or a whole number > 0 (paragraphs of an article's body)",
        lambda v: v,
    ),
}

_CONFIG_KEYS: dict[str, tuple[Any, str, Any]] = {
    name: (lambda v: isinstance(v, bool), "True or False", bool)
    for name in Config.option_names()
    if name not in ("extra_phrases", "profile_dirs")
}
_CONFIG_KEYS["extra_phrases"] = (_is_str_list, "a list of phrases (strings)", tuple)
_CONFIG_KEYS["profile_dirs"] = (_is_str_list, "a list of folder paths (strings)", tuple)


def setting_names() -> tuple[str, ...]:
    """Every key the ``NEWSCLEAN`` dict accepts."""
    return tuple(_PLUGIN_KEYS) + tuple(_CONFIG_KEYS)


def parse_options(value: Any) -> Options:
    """Validate a ``NEWSCLEAN`` value and merge it over the defaults.

    Problems are logged as ERRORs naming the key; the default is kept.

    >>> parse_options({"footer": False}).footer
    False
    >>> parse_options(None).config.repair_encoding
    True
    """
    if value is None:
        return Options()
    if not isinstance(value, Mapping):
        logger.error(
            "%s must be a dict of options, not %s: using the defaults",
            SETTING_NAME,
            type(value).__name__,
        )
        return Options()
    plugin: dict[str, Any] = {}
    config: dict[str, Any] = {}
    for key, raw in value.items():
        if key in _PLUGIN_KEYS:
            target, (check, expected, convert) = plugin, _PLUGIN_KEYS[key]
        elif key in _CONFIG_KEYS:
            target, (check, expected, convert) = config, _CONFIG_KEYS[key]
        else:
            logger.error(
                "%s: unknown setting %r ignored (known settings: %s)",
                SETTING_NAME,
                key,
                ", ".join(setting_names()),
            )
            continue
        if not check(raw):
            logger.error(
                "%s: setting %r must be %s, not %r: the default is kept",
                SETTING_NAME,
                key,
                expected,
                raw,
            )
            continue
        target[key] = convert(raw)
    if plugin.get("footer_template") and not _template_compiles(plugin["footer_template"]):
        del plugin["footer_template"]
    if config.get("profile_dirs") and config.get("use_profiles", True):
        config["profile_dirs"] = _usable_profile_dirs(config["profile_dirs"])
    return Options(**plugin, config=Config(**config))


def _template_compiles(path: str) -> bool:
    """Whether a footer template can be used; if not, an ERROR says why."""
    problem = template_problem(path)
    if problem is not None:
        logger.error("%s: setting 'footer_template': %s: the shipped footer is used instead", SETTING_NAME, problem)
    return problem is None


def _usable_profile_dirs(folders: tuple[str, ...]) -> tuple[str, ...]:
    """The profile folders whose profiles all load; an ERROR names each broken file."""
    usable = []
    for folder in folders:
        try:
            load_profiles((str(folder),))
        except ProfileError as error:
            logger.error(  # noqa: TRY400 - the message says what to fix; a traceback would bury it
                "%s: setting 'profile_dirs': %s: articles are cleaned without the profiles in %s until it is fixed",
                SETTING_NAME,
                error,
                folder,
            )
            continue
        usable.append(folder)
    return tuple(usable)


def plugin_listed(settings: Mapping[str, Any]) -> bool:
    """Whether this build's ``PLUGINS`` names the plugin.

    Pelican's signals are process-wide: after one build with the plugin, its
    handlers stay connected for every later build in the same process. The
    handlers use this to act only for builds that asked for the plugin.
    """
    for plugin in settings.get("PLUGINS") or ():
        name = plugin if isinstance(plugin, str) else getattr(plugin, "__name__", "")
        if name in PLUGIN_NAMES:
            return True
    return False


__all__ = ["PLUGIN_NAME", "SETTING_NAME", "Options", "parse_options", "plugin_listed", "setting_names"]
