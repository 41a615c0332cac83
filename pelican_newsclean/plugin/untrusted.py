"""Untrusted input: what a republished article brings is made safe before any template sees it.

- Metadata values (title, description, any header key, author, category and
  tag names) are escaped text: no markup, no attribute break-out. Keys that
  steer Pelican (``save_as``, ``url``, ``template``...) must hold a plain path.
- A saved page's ``<meta>`` tags are allow-listed (:class:`HTMLReader`);
  a republished reST file is read with file inclusion and raw HTML off
  (:class:`RstReader`).
- Jinja's ``striptags`` unescapes what it strips, which would undo the
  escaping: builds with republished articles get a ``striptags`` that
  escapes its result again (:func:`safe_striptags`).
"""

from __future__ import annotations

from collections.abc import Mapping
import html
import logging
import os
import re
from typing import Any

from markupsafe import Markup
from pelican.urlwrappers import URLWrapper

from pelican import readers
from pelican_newsclean.core.attribute import safe_url
from pelican_newsclean.core.html.page import is_saved_page, page_metadata
from pelican_newsclean.core.html.sanitise import escape_text, sanitise_html, text_of_html
from pelican_newsclean.core.read import decode

from . import state
from .copies import site_slug
from .keys import (
    AUTHOR_FROM_KEY,
    DATE_FROM_KEY,
    DROPPED_KEY,
    LANGUAGE_KEY,
    READER_NAME,
    RESERVED,
    SAVED_PAGE_KEY,
    drop_reserved,
)
from .options import Options
from .wrappers import ESCAPED

logger = logging.getLogger(__name__)

OPT_OUT = frozenset({"off", "no", "false", "0"})
OPT_IN = frozenset({"on", "yes", "true", "1"})

PAGE_METADATA = frozenset(
    {
        "title",
        "date",
        "modified",
        "author",
        "authors",
        "description",
        "lang",
        "source",
        "source_url",
        "wire",
        "newsclean",
    }
)
"""The ``<meta>`` keys kept from a republished HTML file; the others are dropped."""

STEERING = frozenset({"save_as", "url", "template", "status", "slug", "lang", "translation", "translation_of"})
"""Keys that steer Pelican: a republished file's own (``<meta>``) are dropped, a header's must be plain."""

PLACING = frozenset({"save_as", "url"})
"""Steering keys a republished file never sets: where a page is written and linked is the site's
(``Save_as: index.html`` would replace the front page, ``Url: //host/x`` link away)."""


_PLAIN_VALUE = re.compile(r"(?!.*\.\.)[\w.\-/~+]*")  # no "..": nothing outside the site


UNTOUCHED = frozenset({"reader", "date", "modified"})


def is_scrape(metadata: Mapping[str, Any]) -> bool:
    """Whether an article is a scrape by what it is (a scraped ``.txt``, a saved web page): untrusted
    whatever it says of itself, ``Newsclean: off`` included (that only leaves it uncleaned).
    """
    return metadata.get("reader") == READER_NAME or bool(metadata.get(SAVED_PAGE_KEY))


def should_clean(metadata: Mapping[str, Any], options: Options) -> bool:
    """Whether an article is republished content: the plugin cleans it and treats it as untrusted.

    ``Newsclean: off`` opts out and ``Newsclean: on`` opts in; otherwise a
    scraped ``.txt``, an article with ``Source`` or ``Source_URL`` metadata,
    or any article under ``clean_all``. An article that opts out is not
    cleaned; a scrape (:func:`is_scrape`) that does is still made safe.
    """
    flag = str(metadata.get("newsclean", "")).strip().lower()
    if flag in OPT_OUT:
        return False
    if flag in OPT_IN or metadata.get("reader") == READER_NAME or metadata.get(SAVED_PAGE_KEY):
        return True
    return options.clean_all or bool(metadata.get("source") or metadata.get("source_url"))


def _plain(value: str, from_html: bool) -> str:
    return text_of_html(value) if from_html else value


def _safe_wrapper(wrapper: URLWrapper, from_html: bool) -> None:
    """An author, category or tag: its slug from its text, its name escaped (and said to be HTML)."""
    escaped = ESCAPED.get(type(wrapper))
    if escaped is None:
        return  # done already, or a class of the site's own
    text = _plain(str(wrapper.name), from_html)
    wrapper.name = text
    wrapper.slug = wrapper.slug  # fixed now, from the text: escaping the name must not change it
    wrapper.name = Markup(escape_text(text, quotes=False))
    wrapper.__class__ = escaped


def _attribute(key: str) -> str:
    """The article attribute Pelican sets from a metadata key."""
    return f"override_{key}" if key in ("save_as", "url") else key.lower()


def _slug(instance: Any, text: str) -> str:
    """A slug made of ``text`` as Pelican makes slugs (of the title, when ``text`` has none)."""
    title = str(getattr(instance, "title", ""))
    return site_slug(text, instance.settings) or site_slug(title, instance.settings) or "untitled"


def _fallback(instance: Any, key: str) -> str | None:
    """What Pelican gives an article without ``key`` (None: nothing, the key is optional)."""
    return {
        "lang": instance.settings.get("DEFAULT_LANG", "en"),
        "template": instance.default_template,
        "status": "published",
    }.get(key)


def make_content_safe(instance: Any, from_html: bool) -> list[dict[str, str]]:  # noqa: PLR0912 - one case after another, read top to bottom
    """Escape every text value of a republished article's metadata, in place (idempotent).

    ``from_html``: the values are HTML (Markdown, reST, HTML readers), so
    their tags go and their entities are read first; a text file's are plain
    text. Escaped values are :class:`~markupsafe.Markup`, which marks them
    done. Returns what was dropped: a steering key whose value is no plain
    path or name (a WARNING names the file and the key).
    """
    metadata = instance.metadata
    dropped = []
    for key, value in list(metadata.items()):
        if key in UNTOUCHED or key.startswith(RESERVED) or isinstance(value, Markup):
            continue
        new: Any = value
        if isinstance(value, (list, tuple)) and value and all(isinstance(v, str) for v in value):
            # a key given twice (Markdown, <meta> tags): one value, the first, as for a title
            dropped.append({"key": key, "value": str(value[1:])[:200], "why": "given more than once: the first kept"})
            value = new = str(value[0])
            metadata[key] = value
            setattr(instance, _attribute(key), value)
        if isinstance(value, URLWrapper):
            _safe_wrapper(value, from_html)
        elif isinstance(value, (list, tuple)) and all(isinstance(v, URLWrapper) for v in value):
            for wrapper in value:
                _safe_wrapper(wrapper, from_html)
        elif not isinstance(value, str):
            if isinstance(value, (list, tuple, dict, set)):  # no text a theme could print as it is
                dropped.append({"key": key, "value": str(value)[:200], "why": "not a text value"})
                _drop(instance, key)
            continue
        elif key == "summary":
            new = Markup(sanitise_html(value).html)
        elif key == "source_url" and safe_url(value) is None:
            dropped.append({"key": key, "value": value[:200], "why": "not a web address (http, https)"})
            _drop(instance, key)
            continue
        elif key in PLACING or (key in STEERING and not _PLAIN_VALUE.fullmatch(value)):
            if key == "slug":
                new = _slug(instance, _plain(value, from_html))
            else:
                why = "where a republished page goes is the site's" if key in PLACING else "not a plain path or name"
                dropped.append({"key": key, "value": value[:200], "why": why})
                logger.warning(
                    "newsclean: %s: metadata %r (%r) ignored: %s", instance.source_path, key, value[:80], why
                )
                _drop(instance, key)
                continue
        elif key not in STEERING:
            new = Markup(escape_text(_plain(value, from_html)))
        if new is not value:
            metadata[key] = new
            setattr(instance, _attribute(key), new)
    if "summary" in metadata:
        instance._summary = metadata["summary"]
    return dropped


def _drop(instance: Any, key: str) -> None:
    """Take ``key`` off an article: what Pelican gives an article without it, if anything."""
    del instance.metadata[key]
    fallback = _fallback(instance, key)
    if fallback is not None:
        setattr(instance, _attribute(key), fallback)
    elif hasattr(instance, _attribute(key)):
        delattr(instance, _attribute(key))


def safe_striptags(value: Any) -> Markup:
    """Jinja's ``striptags``, then the text escaped again (Jinja's own unescapes it).

    >>> safe_striptags('&lt;/title&gt;&lt;script&gt; "x"')
    Markup('&lt;/title&gt;&lt;script&gt; &quot;x&quot;')
    """
    return Markup(html.escape(Markup(str(value)).striptags(), quote=True))


def install_safe_filters(generators: list[Any]) -> None:
    """Give every generator's Jinja environment :func:`safe_striptags` (unless the site set its own)."""
    for generator in generators:
        env = getattr(generator, "env", None)
        custom = generator.settings.get("JINJA_FILTERS") or {}
        if env is not None and "striptags" not in custom:
            env.filters["striptags"] = safe_striptags


class HTMLReader(readers.HTMLReader):
    """Pelican's HTML reader, for HTML the plugin will clean (named as Pelican's: an article's
    ``reader`` metadata stays ``html``).

    A whole saved web page (see :func:`~..core.html.page.is_saved_page`) is read
    here: its title, date, author, publisher and canonical URL from what it
    says of itself (Open Graph, JSON-LD, ``<title>`` without the site's name).
    Its content goes to Pelican empty, the document kept for ``content_object_init``
    to extract the article from: what Pelican does next to a reader's content is
    meant for an author's markup (its check for images without ``alt`` takes
    minutes on some saved pages, typogrify would rewrite the whole page), and the
    reader cache then stores no copy of the page. A republished Pelican
    HTML article is read by Pelican, and only :data:`PAGE_METADATA` is kept of
    its ``<meta>`` tags: Pelican turns every named ``<meta>`` into metadata, so a
    saved page would decide ``save_as``, ``template``, ``status``...
    """

    def read(self, filename: str) -> tuple[str, dict[str, Any]]:
        """Return ``(content, metadata)`` of an HTML file, as Pelican's reader, made safe."""
        build = state.of(self.settings)
        if build is not None and build.options.extract_pages:
            document = _document(filename)
            if is_saved_page(document):  # a scrape: what it says of itself cannot opt it out
                build.saved_pages[os.path.realpath(filename)] = document
                return "", self._saved_page(filename, document)
        content, metadata = super().read(filename)
        if build is None or not should_clean({**metadata, "reader": "html"}, build.options):
            return content, metadata
        dropped = [
            {"key": key, "value": str(value)[:200], "why": "not allowed from a republished page"}
            for key, value in metadata.items()
            if key not in PAGE_METADATA
        ]
        kept = {key: value for key, value in metadata.items() if key in PAGE_METADATA}
        if isinstance(kept.get("title"), list):  # <title> and <meta name="title">: one title
            kept["title"] = kept["title"][0]
        if dropped:
            kept[DROPPED_KEY] = dropped
            logger.info(
                "newsclean: %s: metadata from the page ignored: %s", filename, ", ".join(d["key"] for d in dropped)
            )
        return content, kept

    def _saved_page(self, filename: str, document: str) -> dict[str, Any]:
        """The metadata of a saved page: its own ``<meta name>`` of :data:`PAGE_METADATA`, else what
        the page says of itself.
        """
        own = _own_meta(document)
        page = page_metadata(document)
        metadata: dict[str, Any] = {SAVED_PAGE_KEY: True, "title": own.get("title") or page.title or "Untitled"}
        for key, value in (
            ("source", own.get("source")),
            ("wire", own.get("wire")),
            ("source_url", own.get("source_url") or page.url),
            ("source_site", page.publisher),
            (LANGUAGE_KEY, page.language),
        ):
            if value:
                metadata[key] = value
        author = own.get("author") or (page.author.split(";")[0].strip() if page.author else None)
        for key, value in (("date", own.get("date") or page.date), ("author", author)):
            if value:
                try:
                    metadata[key] = self.process_metadata(key, value)
                except ValueError:
                    logger.info("newsclean: %s: the page's %s %r cannot be read: ignored", filename, key, value)
        if "date" in metadata:
            metadata[DATE_FROM_KEY] = "page"
        if "author" in metadata:
            metadata[AUTHOR_FROM_KEY] = "page"
        steering = [
            {"key": key, "value": value[:200], "why": "not allowed from a saved page"}
            for key, value in own.items()
            if key in STEERING
        ]
        if steering:
            metadata[DROPPED_KEY] = steering
        return metadata


def saved_page(build: state.BuildState, source_path: str) -> str:
    """A saved web page's document: the one :class:`HTMLReader` kept, else (on a reader-cache
    hit, when Pelican did not call the reader) the file read again.
    """
    return build.saved_pages.pop(os.path.realpath(source_path), None) or _document(source_path)


def _document(path: str) -> str:
    """An HTML file's text, decoded as every scrape is."""
    with open(path, "rb") as handle:
        return decode(handle.read()).text


def _read(read: Any) -> tuple[str, dict[str, Any]]:
    """What a Pelican reader returned, typed."""
    content, metadata = read
    return str(content), dict(metadata)


def _own_meta(document: str) -> dict[str, str]:
    """A page's ``<meta name=... content=...>`` tags, by lower-case name (the first of each)."""
    found: dict[str, str] = {}
    for match in _META.finditer(document[:200_000]):
        name, content = match["name"].lower(), html.unescape(match["content"])
        found.setdefault(name, content)
    return found


_META = re.compile(
    r"""<meta\s+name\s*=\s*["']?(?P<name>[\w:.-]+)["']?\s+content\s*=\s*(?P<q>["'])(?P<content>.*?)(?P=q)""",
    re.IGNORECASE | re.DOTALL,
)


class RstReader(readers.RstReader):
    """Pelican's reST reader (named as Pelican's); a republished file is read with file inclusion
    and raw HTML off.

    docutils' ``include`` and ``raw`` directives would let a republished file
    read any file of the machine into the site. Every file is read with them
    off first, and whether it is republished is told from what docutils read
    (no reading of field lists of our own to get round): only the site's own
    files are read again with the site's settings.
    """

    settings: dict[str, Any]

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Return ``(content, metadata)`` of a reST file, as Pelican's reader."""
        build = state.of(self.settings)
        if build is None:
            return _read(super().read(source_path))
        content, metadata = self._read_safely(source_path)
        if not should_clean(metadata, build.options):
            content, metadata = _read(super().read(source_path))  # the site's own file
        drop_reserved(metadata)
        return content, metadata

    def _read_safely(self, source_path: str) -> tuple[str, dict[str, Any]]:
        own = self.settings
        safe = {
            **(own.get("DOCUTILS_SETTINGS") or {}),
            "file_insertion_enabled": False,
            "raw_enabled": False,
            "halt_level": 5,
            "report_level": 5,
        }  # a disabled directive is no error
        self.settings = {**own, "DOCUTILS_SETTINGS": safe}
        try:
            return _read(super().read(source_path))
        finally:
            self.settings = own


def record_title(title: str | None) -> str | None:
    """A title as the report shows it: text, not HTML."""
    return html.unescape(str(title)) if title is not None else None
