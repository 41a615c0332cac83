"""Pelican signal handlers: the thin layer between Pelican and the cleaning core.

:func:`connect` (called by ``register()``) connects them. Every handler
first finds its build's :class:`~.state.BuildState`, so it acts only in
builds that list the plugin and leave it enabled.
"""

from __future__ import annotations

from collections.abc import Mapping
import dataclasses
import datetime as dt
import functools
import logging
import os
import re
from typing import Any

from markupsafe import Markup
from pelican.contents import Article, Page
from pelican.readers import default_metadata
from pelican.urlwrappers import Author
from pelican.utils import get_date, set_date_tzinfo, truncate_html_paragraphs, truncate_html_words

from pelican import readers as readers_module
from pelican.plugins import signals  # type: ignore[attr-defined]  # mypy reads this repo's pelican/plugins
from pelican_newsclean.audit import write_audit
from pelican_newsclean.core.classify.profiles import ProfileError
from pelican_newsclean.core.copies import group_copies, sketch
from pelican_newsclean.core.html import CleanedHtml, clean_html, render_result, style_captions
from pelican_newsclean.core.html.sanitise import SITE_LINK_DEFAULT, Dropped, sanitise_html
from pelican_newsclean.core.model import CleanResult
from pelican_newsclean.core.pipeline import credit
from pelican_newsclean.core.read.header import CLEANED_MARK
from pelican_newsclean.core.repair import repair_line

from . import report, state, untrusted
from .cache import Published
from .footer import has_footer, render_footer
from .keys import (
    AUTHOR_FROM_KEY,
    DATE_FROM_KEY,
    DECODE_KEY,
    DROPPED_KEY,
    FOUND_BYLINE_KEY,
    FOUND_DATE_KEY,
    FOUND_PUBLISHER_KEY,
    FOUND_WIRE_KEY,
    LANGUAGE_KEY,
    LINES_KEY,
    METADATA_REPAIRS_KEY,
    PELICAN_FATAL,
    READER_NAME,
    REMOVED_COUNT_KEY,
    SAVED_PAGE_KEY,
    drop_reserved,
)
from .options import Options
from .reader import NewsTextReader
from .state import BuildState
from .untrusted import (
    install_safe_filters,
    is_scrape,
    make_content_safe,
    record_title,
    should_clean,
)

logger = logging.getLogger(__name__)

REPAIRED_METADATA = ("title", "source", "wire", "subtitle", "description")
"""Text metadata whose mojibake is repaired before the slug is made."""


ALSO_SHOWN_DEFAULT = 10
"""The other copies of a story a footer names, at most."""
COPIES_LISTED_DEFAULT = ALSO_SHOWN_DEFAULT
"""The other copies of a story an article's record lists, at most: those its footer names
(``copies_more`` says how many more; the report's ``copy_groups`` lists every member). A story
copied thousands of times would otherwise make a report that grows with the square of its copies."""

UNKNOWN_AUTHOR = "Unknown source"
"""The author of a republished article of which nothing is known: never the site owner."""


def connect() -> None:
    """Connect the handlers to Pelican's signals (see ``register()``)."""
    signals.initialized.connect(start_build)
    signals.readers_init.connect(add_reader)
    signals.article_generator_context.connect(repair_metadata)
    signals.page_generator_context.connect(repair_metadata)
    signals.content_object_init.connect(clean_content)
    signals.article_generator_pretaxonomy.connect(credit_copies)
    signals.all_generators_finalized.connect(gather_records)
    signals.finalized.connect(write_build_report)


def report_path(settings: Mapping[str, Any], options: Options) -> str | None:
    """Where a copy of the report goes under OUTPUT_PATH (None: off, or inside the content folder)."""
    if not options.report_path:
        return None
    return _outside_content(os.path.join(settings["OUTPUT_PATH"], options.report_path), settings)


def audit_dir(settings: Mapping[str, Any], options: Options) -> str | None:
    """The audit folder, beside OUTPUT_PATH: not deployed with the site (None: off, or inside content)."""
    if not options.audit_dir:
        return None
    parent = os.path.dirname(os.path.abspath(settings["OUTPUT_PATH"]))
    return _outside_content(os.path.join(parent, options.audit_dir), settings)


def _outside_content(path: str, settings: Mapping[str, Any]) -> str | None:
    path = os.path.realpath(path)
    content = os.path.realpath(settings["PATH"])
    return None if os.path.commonpath([path, content]) == content else path


def start_build(pelican: Any) -> None:
    """``initialized``: a new build state; NEWSCLEAN is validated once, so errors show at the start."""
    build = state.start(pelican.settings, whole_build=True)
    if build is None or not build.options.enabled:
        return
    options = build.options
    for key, where in (("report_path", report_path), ("audit_dir", audit_dir)):
        if getattr(options, key) and where(pelican.settings, options) is None:
            logger.error(
                "NEWSCLEAN: setting %r (%r) points into the content folder: "
                "the plugin never writes there, so it will not be written",
                key,
                getattr(options, key),
            )


def add_reader(readers: Any) -> None:
    """``readers_init``: read scraped text files with the configured extensions, and read
    republished HTML and reST files with their untrusted parts switched off.
    """
    build = state.of(readers.settings)
    if build is None:
        return
    for stock, safer in (
        (readers_module.HTMLReader, untrusted.HTMLReader),
        (readers_module.RstReader, untrusted.RstReader),
    ):
        for extension, reader in list(readers.reader_classes.items()):
            if reader is stock:
                readers.reader_classes[extension] = safer
    if build.options.txt_reader:
        for extension in build.options.extensions:
            readers.reader_classes[extension] = NewsTextReader


def _markup(text: str) -> list[str]:
    return [c for c in text if c in "<>&"]


def repair_metadata(generator: Any, metadata: dict[str, Any]) -> None:
    """``*_generator_context``: repair the title and text metadata before the slug.

    Titles of Markdown, reST and HTML articles are HTML: a repair that would
    change their markup (unescape ``&lt;``, say) is not applied. Values are
    escaped later, in ``content_object_init`` (the slug does not change).
    """
    build = state.of(generator.settings)
    if build is None:
        return
    if metadata.get("reader") not in (READER_NAME, "html", "rst"):  # a reader not the plugin's (Markdown)
        drop_reserved(metadata)
    plain_text = metadata.get("reader") == READER_NAME
    if should_clean(metadata, build.options) and build.options.config.repair_encoding:
        found: list[dict[str, Any]] = []
        for key in REPAIRED_METADATA:
            value = metadata.get(key)
            if not isinstance(value, str) or not value:
                continue
            fixed, repairs = repair_line(value)
            if fixed != value and (plain_text or _markup(fixed) == _markup(value)):
                metadata[key] = fixed
                found.extend(report.repair_entry(r, field=key) for r in repairs)
        if found:
            metadata[METADATA_REPAIRS_KEY] = found
    if should_clean(metadata, build.options):
        _choose_date(metadata)
        if build.options.byline_author:
            _choose_author(metadata, generator.settings)


def _choose_date(metadata: dict[str, Any]) -> None:
    """The date of a republished article without a date of its own: a date in a line the
    cleaner removed as a timestamp or byline, else the site's DEFAULT_DATE, else (in
    ``content_object_init``, which knows the file) the file's modification time.
    """
    if metadata.get(DATE_FROM_KEY) in ("header", "page"):
        return
    if metadata.get("reader") != READER_NAME and DATE_FROM_KEY not in metadata:
        return  # Markdown, reST, HTML: a Date of its own or DEFAULT_DATE, as Pelican decided
    found = metadata.get(FOUND_DATE_KEY)
    if found:
        try:
            metadata["date"], metadata[DATE_FROM_KEY] = get_date(str(found)), "removed-line"
            return  # noqa: TRY300 - the return is the try's own success
        except ValueError:
            pass
    if metadata.get("date") is not None:
        metadata[DATE_FROM_KEY] = "default"


def _choose_author(metadata: dict[str, Any], settings: Mapping[str, Any]) -> None:
    """The author of a republished article whose header names none: the byline found in the
    scrape, else the wire, else the publisher; never the site owner (Pelican's AUTHOR).
    """
    if metadata.get("author") or metadata.get("authors"):
        return
    for how, name in (
        ("byline", metadata.get(FOUND_BYLINE_KEY)),
        ("wire", metadata.get("wire") or metadata.get(FOUND_WIRE_KEY)),
        ("publisher", metadata.get("source") or metadata.get(FOUND_PUBLISHER_KEY) or metadata.get("source_site")),
        ("unknown", UNKNOWN_AUTHOR),
    ):
        if name:
            metadata["author"] = Author(str(name), settings)
            metadata[AUTHOR_FROM_KEY] = how
            return


def _pop_metadata(instance: Any, key: str) -> Any:
    value = instance.metadata.pop(key, None)
    if hasattr(instance, key):
        delattr(instance, key)
    return value


def _original_date(instance: Any) -> tuple[str | None, str | None]:
    """The article's date for the footer, unless it is the site's DEFAULT_DATE."""
    date = getattr(instance, "date", None)
    if not isinstance(date, dt.datetime):
        return None, None
    default = default_metadata(settings=instance.settings).get("date")
    if isinstance(default, dt.datetime) and default.replace(tzinfo=None) == date.replace(tzinfo=None):
        return None, None
    if instance.settings.get("DEFAULT_DATE") == "fs" and instance.source_path:
        try:
            if abs(os.path.getmtime(instance.source_path) - date.timestamp()) < 1:
                return None, None
        except OSError:
            pass
    return getattr(instance, "locale_date", date.date().isoformat()), date.isoformat()


def _text(value: Any) -> str | None:
    """A metadata value as stripped text, or None (escaped metadata is read back as text)."""
    if isinstance(value, Markup):
        value = value.unescape()
    text = str(value).strip() if value else ""
    return text or None


_CAPTION = re.compile(r'<p class="newsclean-caption"[^>]*>.*?</p>\s*', re.DOTALL)


def _summary(body: str, settings: Mapping[str, Any]) -> str:
    """The summary Pelican would make of a body (before the footer is added), captions left out:
    they describe a photo that is not there.
    """
    body = _CAPTION.sub("", body)
    if settings.get("SUMMARY_MAX_PARAGRAPHS") is not None:
        body = truncate_html_paragraphs(body, settings["SUMMARY_MAX_PARAGRAPHS"])
    if settings.get("SUMMARY_MAX_LENGTH") is None:
        return body
    return str(truncate_html_words(body, settings["SUMMARY_MAX_LENGTH"], settings.get("SUMMARY_END_SUFFIX", "…")))


Why = tuple[str, tuple[Any, ...]] | None
"""Why an article is published uncleaned: a message template of its own (so ``LOG_FILTER`` can
silence one kind) and its arguments; None when it is cleaned."""


def _too_short(cleaned: CleanedHtml, options: Options) -> Why:
    """Why the cleaned article is not published (None: it is fine)."""
    after, before = cleaned.words_after, cleaned.words_before
    if after < before and (after == 0 or after < options.min_words):
        return "cleaning would leave %d of %d words (min_words is %d)", (after, before, options.min_words)
    return None


_ADVICE = {
    logging.WARNING: "Check what the report lists for it, or give it 'Newsclean: off'.",
    logging.ERROR: "Fix the problem and build again.",
}


def _not_cleaned(build: BuildState, instance: Any) -> None:
    """An article the plugin does not clean: the site's own, or a scrape that opts out (still
    made safe: what a scrape says of itself is untrusted too).
    """
    if is_scrape(instance.metadata):
        make_content_safe(instance, from_html=instance.metadata.get("reader") != READER_NAME)
    elif isinstance(instance, Article):
        build.slugs.add_own(instance)


def clean_content(instance: Any) -> None:
    """``content_object_init``: clean the body, set the summary, add the footer.

    Works on ``instance._content`` only (``content`` and ``summary`` are
    memoized). A body that already has the footer is left alone.
    """
    if not isinstance(instance, (Article, Page)):  # static files, stubs
        return
    build = state.of(instance.settings)
    if build is None:
        return
    if instance.metadata.get(SAVED_PAGE_KEY) and not instance._content:
        instance._content = untrusted.saved_page(build, instance.source_path)  # the reader gave Pelican none
    metadata_repairs = _metadata_repairs(instance)
    body, meta = instance._content, instance.metadata
    if not should_clean(meta, build.options):
        _not_cleaned(build, instance)
        return
    provenance = _provenance(instance)
    date, date_iso = _original_date(instance)
    credits = {
        "source": meta.get("source"),
        "source_url": meta.get("source_url"),
        "wire": meta.get("wire"),
        "source_site": meta.get("source_site"),
        "date": date_iso,
    }  # as text, before the metadata is escaped: the footer escapes them itself
    credits = {key: text for key, value in credits.items() if (text := _text(value))}
    from_html = meta.get("reader") != READER_NAME
    dropped_metadata = [*(_pop_metadata(instance, DROPPED_KEY) or ()), *make_content_safe(instance, from_html)]
    if body is None or has_footer(body):
        return
    cleaned, why, level = _clean_body(build, instance, body, credits)
    result = cleaned.result
    note = None
    if why is not None:
        template, args = why
        note = (template % args) + ": published uncleaned"
        logger.log(
            level,
            "newsclean: %s: " + template + ": published uncleaned. %s",
            instance.source_path,
            *args,
            _ADVICE[level],
            extra={"limit_msg": "newsclean: more articles published uncleaned (see the audit)"},
        )
    else:
        body = cleaned.html
        logger.debug(
            "newsclean: %s: %d blocks removed, %d repairs",
            instance.source_path,
            len(result.removed),
            len(result.repairs),
        )
    published = _publish(build, body, from_html, "summary" not in meta, instance.settings)
    body, sanitised = published.html, published.dropped
    attribution = {
        "publisher": result.publisher,
        "source_url": credits.get("source_url"),
        "link": result.link,
        "wire": result.wire,
        "date": date_iso,
    }
    if published.summary is not None:
        instance._summary = meta["summary"] = published.summary
    if build.options.footer:
        variables = {
            **attribution,
            "source_url": result.link,  # only ever a safe URL in a template
            "date": date,
            "date_iso": date_iso,
            "title": getattr(instance, "title", None),
            "cleaned": note is None,
            "removed": len(result.removed) or _count(_pop_metadata(instance, REMOVED_COUNT_KEY)),
            "repairs": sum(_fixes_characters(r) for r in (*result.repairs, *metadata_repairs)),
        }
        footer = _footer(build, instance, variables)
        instance.newsclean_footer = (variables, footer)  # to name the other copies, once all are read
        body = f"{body.rstrip()}\n{footer}\n"
    instance._content = body
    instance.newsclean_sketch = _sketch(instance, result) if note is None else ()
    instance.newsclean_words = cleaned.words_after
    report.attach_record(
        instance,
        report.make_record(
            source_path=instance.relative_source_path,
            url=instance.url,
            title=record_title(getattr(instance, "title", None)),
            status="uncleaned" if note else "cleaned",
            result=result,
            note=note,
            metadata_repairs=metadata_repairs,
            attribution=attribution,
            extracted=cleaned.extracted,
            numbering="line" if cleaned.line_numbers else "block",
            sanitised=[d.as_dict() for d in sanitised],
            dropped_metadata=dropped_metadata,
            provenance={**provenance, "publisher": result.publisher_from},
        ),
    )
    if isinstance(instance, Article):
        build.slugs.add_republished(instance, result.publisher)
    if result.publisher is None:
        logger.info(
            "newsclean: %s: no source known (no Source, no profile, no Source_URL): "
            "its footer says the source is unknown; give it a 'Source:' to credit it",
            instance.source_path,
            extra={"limit_msg": "newsclean: more articles with no known source"},
        )


def _publish(build: BuildState, body: str, from_html: bool, summary: bool, settings: Mapping[str, Any]) -> Published:
    """The body as published: sanitised when it is untrusted HTML (a text file's body is escaped
    text by construction), and its ``summary`` when the article has none; kept in the clean cache.
    """

    def make() -> Published:
        html = body
        dropped: tuple[Dropped, ...] = ()
        if from_html:
            clean = sanitise_html(body, _site_link(settings))
            html, dropped = style_captions(clean.html), clean.dropped
        return Published(html, dropped, _summary(html, settings) if summary else None)

    if build.cache is None:
        return make()
    return build.cache.published(build.cache.published_key(body, from_html, summary, settings), make)


def _sketch(instance: Any, result: CleanResult) -> tuple[int, ...]:
    """The copy-detection sketch of a cleaned article (the clean cache may have it already)."""
    made = getattr(instance, "newsclean_sketch", None)
    return made if made is not None else sketch(result.paragraphs)


def _site_link(settings: Mapping[str, Any]) -> re.Pattern[str]:
    """Pelican's intra-site link syntax as this site sets it, at the start of a URL."""
    return _link_pattern(settings.get("INTRASITE_LINK_REGEX"))


@functools.lru_cache(maxsize=8)
def _link_pattern(source: str | None) -> re.Pattern[str]:
    try:
        return re.compile(source) if source else SITE_LINK_DEFAULT
    except re.error:
        return SITE_LINK_DEFAULT


def _provenance(instance: Any) -> dict[str, str | None]:
    """Where the article's date and author came from; a file's time when it has no date at all."""
    date_from = _pop_metadata(instance, DATE_FROM_KEY)
    if not isinstance(getattr(instance, "date", None), dt.datetime):
        mtime = dt.datetime.fromtimestamp(os.path.getmtime(instance.source_path))
        instance.date = instance.metadata["date"] = set_date_tzinfo(mtime, instance.settings.get("TIMEZONE"))
        instance.locale_date = instance.date.strftime(instance.date_format)
        date_from = "file"
    if date_from not in (None, "header"):
        logger.info(
            "newsclean: %s: no date of its own: dated %s (%s)",
            instance.source_path,
            instance.date.date().isoformat(),
            _DATE_SOURCES.get(date_from, date_from),
        )
    for key in (FOUND_DATE_KEY, FOUND_BYLINE_KEY, FOUND_WIRE_KEY, FOUND_PUBLISHER_KEY):
        _pop_metadata(instance, key)
    return {"date": date_from or "header", "author": _pop_metadata(instance, AUTHOR_FROM_KEY)}


_DATE_SOURCES = {
    "page": "the saved page's own date",
    "removed-line": "a date in a line removed as a timestamp or byline",
    "default": "DEFAULT_DATE",
    "file": "the file's modification time",
}


def _count(value: Any) -> int:
    """A count from metadata (0 when there is none)."""
    try:
        return max(int(str(value)), 0)
    except ValueError:
        return 0


def _fixes_characters(repair: Any) -> bool:
    """Whether a repair fixed broken characters (a no-break space made plain, a decode, are not that)."""
    kind = repair.kind if hasattr(repair, "kind") else repair.get("kind")
    return kind not in ("whitespace", "decode")


def _metadata_repairs(instance: Any) -> list[dict[str, Any]]:
    """The repairs made before the body: the file's decode, then the metadata's (taken off the article)."""
    repairs = _pop_metadata(instance, METADATA_REPAIRS_KEY) or []
    decode_repair = _pop_metadata(instance, DECODE_KEY)
    return [decode_repair, *repairs] if decode_repair else repairs


_BLOCK_START = re.compile(r"<(?:p|li|h[1-6]|blockquote|div|td|dd|dt|figcaption)[\s>]", re.IGNORECASE)


def _uncleaned(build: BuildState, credits: Mapping[str, str | None]) -> CleanedHtml:
    """The stand-in result of an article the cleaner did not clean: credits from its metadata."""
    empty = credit(CleanResult(title=None, paragraphs=()), credits, build.options.config)
    return CleanedHtml(html="", result=empty, changed=False, words_before=0, words_after=0)


def _clean_body(
    build: BuildState, instance: Any, body: str, credits: Mapping[str, str | None]
) -> tuple[CleanedHtml, Why, int]:
    """The cleaned body, or why it is published uncleaned and at what log level.

    An article too big to clean in reasonable time (``max_size``,
    ``max_paragraphs``), one the cleaner would leave too short
    (``min_words``), and one the cleaner fails on are published as they are:
    a build never loses an article to the plugin. A scraped text the reader
    already cleaned (to find its headline) is not cleaned again.
    """
    options = build.options
    if str(instance.metadata.get("newsclean", "")).strip().lower() == CLEANED_MARK:
        done = credit(CleanResult(title=None, paragraphs=()), credits, options.config)  # newsclean clean -o
        return CleanedHtml(html=body, result=done, changed=False, words_before=0, words_after=0), None, logging.INFO
    lines = instance.metadata.get(LINES_KEY) or None
    paragraphs = len(lines) if lines else len(_BLOCK_START.findall(body))
    big = options.too_big(len(body), paragraphs)
    if big:
        return (
            _uncleaned(build, credits),
            ("%s (raise NEWSCLEAN 'max_size' or 'max_paragraphs' to clean it)", (big,)),
            logging.WARNING,
        )
    extract = options.extract_pages and instance.metadata.get("reader") == "html"
    page = bool(instance.metadata.get(SAVED_PAGE_KEY))
    lang = _stated_lang(instance.metadata)
    key = build.cache.key(body, lines, extract, page, lang) if build.cache is not None else None
    # what the cleaner is told besides the text: the credits, and the article's language or the site's
    given = {**credits, "lang": lang} if lang else {**credits, "default_lang": build.site_language}
    try:
        stored = build.take(instance.source_path, body)
        entry = build.cache.get(key) if stored is None and build.cache is not None and key else None
        credited: Mapping[str, Any] = credits  # what the result is credited with
        if stored is not None:
            cleaned = render_result(body, credit(stored, credits, options.config), options.config, lines)
        elif entry is not None:  # cleaned by an earlier build: credited again if its credits changed
            cleaned = entry.cleaned
            if not entry.credited_with(given):
                cleaned = dataclasses.replace(cleaned, result=credit(cleaned.result, credits, options.config))
            instance.newsclean_sketch = entry.sketch
        else:
            credited = given
            cleaned = clean_html(body, options.config, given, lines=lines, extract=extract, page=page)
        if entry is None and build.cache is not None and key:
            instance.newsclean_sketch = sketch(cleaned.result.paragraphs)
            build.cache.put(key, _as_cleaned_here(cleaned), instance.newsclean_sketch, credited)
    except ProfileError as error:  # settings drop broken profile folders: this is a file changed since
        return _uncleaned(build, credits), ("a publisher profile cannot be used (%s)", (error,)), logging.ERROR
    except Exception as error:  # a bug in the cleaner must not cost the site an article
        if isinstance(error, RuntimeError) and str(error) == PELICAN_FATAL:
            raise  # pelican --fatal: a message logged while cleaning stops the build, as Pelican asked
        logger.debug("newsclean: %s: cleaner failed", instance.source_path, exc_info=True)
        why = ("the cleaner failed (%s: %s; please report it)", (type(error).__name__, error))
        return _uncleaned(build, credits), why, logging.ERROR
    if cleaned.extraction_failed:
        logger.warning(
            "newsclean: %s: a saved web page whose article could not be found: cleaned as a "
            "whole page instead. Check it, or save the article alone.",
            instance.source_path,
            extra={"limit_msg": "newsclean: more saved pages whose article could not be found"},
        )
    if cleaned.extractor_missing and build.once("extractor-missing"):
        logger.warning(
            "newsclean: a whole saved web page needs trafilatura to find its article "
            "(pip install 'pelican-newsclean[html]'); cleaning such pages as they are. "
            "Set NEWSCLEAN = {'extract_pages': False} to silence this."
        )
    return cleaned, _too_short(cleaned, options), logging.WARNING


def _stated_lang(metadata: Mapping[str, Any]) -> str | None:
    """The language an article states: its own ``Lang:``, or a saved page's language. Pelican's
    ``DEFAULT_LANG`` is not in the metadata (an article's ``lang`` only falls back to it): it states
    nothing about a scrape, whose language is then detected, the site's first.
    """
    for key in ("lang", LANGUAGE_KEY):
        value = metadata.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _as_cleaned_here(cleaned: CleanedHtml) -> CleanedHtml:
    """A result as :func:`clean_html` makes it of the body: the reader's, made from the file, also
    holds the file's decode (reported from the metadata here), and it is not kept.
    """
    repairs = tuple(r for r in cleaned.result.repairs if r.kind != "decode")
    if len(repairs) == len(cleaned.result.repairs):
        return cleaned
    return dataclasses.replace(cleaned, result=dataclasses.replace(cleaned.result, repairs=repairs))


def _footer(build: BuildState, instance: Any, variables: Mapping[str, Any]) -> str:
    """The footer from the site's template; the shipped one if that template fails."""
    template = build.options.footer_template
    lang = getattr(instance, "lang", None)
    if template is not None:
        try:
            return render_footer(variables, template, lang)
        except Exception as error:  # jinja2.TemplateError, or the template's own code failing  # noqa: BLE001 - a site's template may raise anything: the shipped footer is used instead
            if build.once(f"footer-template:{template}"):
                logger.error(  # noqa: TRY400 - the message says what to fix; a traceback would bury it
                    "NEWSCLEAN: setting 'footer_template': %s failed on %s (%s: %s): "
                    "the shipped footer is used instead",
                    template,
                    instance.source_path,
                    type(error).__name__,
                    error,
                )
    return _shipped_footer(build, variables, lang)


def _shipped_footer(build: BuildState, variables: Mapping[str, Any], lang: str | None) -> str:
    """The shipped footer, kept in the clean cache by what it shows (the template is the code's)."""

    def make() -> str:
        return render_footer(variables, lang=lang)

    if build.cache is None:
        return make()
    key = repr((lang, sorted(variables.items())))  # text, numbers and lists of them: the same each build
    return build.cache.fragment("footer", key, make)


def credit_copies(generator: Any) -> None:
    """``article_generator_pretaxonomy``: find the copies of one story among all articles (cached
    ones too), name the others in each one's footer, and with ``syndicated: 'one'`` publish one.
    The records are then final, and escaped for themes before the generator cache is saved.

    The copy published is the longest text; a tie goes to the earliest date, then the file name.
    """
    build = state.of(generator.settings)
    if build is None:
        return
    articles = [a for a in generator.articles if getattr(a, "newsclean_sketch", None)]
    groups: list[list[Any]] = group_copies({index: a.newsclean_sketch for index, a in enumerate(articles)})
    build.copy_groups = []
    left_out: set[int] = set()
    for group in groups:
        members = [articles[i] for i in group]
        kept = members
        if build.options.syndicated == "one":
            best = min(members, key=lambda a: (-_words(a), a.date, a.relative_source_path))
            kept = [best]
            for article in members:
                if article is not best:
                    left_out.add(id(article))
                    build.left_out.append(article)
                    logger.info(
                        "newsclean: %s: a copy of %s: not published (syndicated: 'one')",
                        article.source_path,
                        best.source_path,
                    )
        build.copy_groups.append(sorted(a.relative_source_path for a in members))
        _credit_group(build, members, kept)
    if left_out:
        generator.articles[:] = [a for a in generator.articles if id(a) not in left_out]
    grouped = {id(articles[i]) for group in groups for i in group}
    _forget_copies(build, [a for a in articles if id(a) not in grouped])
    # the articles' records are final: escaped now, the generator cache keeps them escaped
    report.show_records([generator, _LeftOut(build.left_out)])


def _credit_group(build: BuildState, members: list[Any], kept: list[Any]) -> None:
    """Each member's record lists the other copies of its story (at most ``COPIES_LISTED_DEFAULT``,
    with how many more: the report's ``copy_groups`` has them all), and each published member's
    footer names them. Work and size grow with the group, not with its square.
    """
    published = {id(a) for a in kept}
    entries = []
    for a in members:
        publisher, link = _credit(a)
        path = a.relative_source_path
        entries.append({"source_path": path, "publisher": publisher, "link": link, "published": id(a) in published})
    for n, article in enumerate(members):
        head = [entry for i, entry in enumerate(entries[: COPIES_LISTED_DEFAULT + 1]) if i != n]
        listed = head[:COPIES_LISTED_DEFAULT]
        record = dict(getattr(article, report.RAW_RECORD_ATTRIBUTE))
        record["copies"] = listed
        record.pop("copies_more", None)
        if len(members) - 1 > len(listed):
            record["copies_more"] = len(members) - 1 - len(listed)
        if id(article) not in published:
            record["status"], record["note"] = "not published", f"a copy of {kept[0].relative_source_path}"
        elif record.get("status") == "not published":  # left out by an earlier build (generator cache)
            record["status"], record["note"] = "cleaned", None
        report.attach_record(article, record)
        if id(article) in published and getattr(article, "newsclean_footer", None):
            _name_copies(build, article, listed, len(members) - 1)


def _forget_copies(build: BuildState, articles: list[Any]) -> None:
    """Articles that are no copies now, but were in the build their record and footer come from
    (the generator cache keeps both): their record and footer name no copies.
    """
    for article in articles:
        old = getattr(article, report.RAW_RECORD_ATTRIBUTE, None)
        if not old or not old.get("copies"):
            continue
        record = {**old, "copies": []}
        record.pop("copies_more", None)
        if record.get("status") == "not published":
            record["status"], record["note"] = "cleaned", None
        report.attach_record(article, record)
        if getattr(article, "newsclean_footer", None):
            _name_copies(build, article, [], 0)


class _LeftOut:
    """The copies left out of the site (``syndicated: 'one'``), for the report: never lost silently."""

    def __init__(self, articles: list[Any]) -> None:
        self.articles = articles


def _words(article: Any) -> int:
    """How long a copy is: the words the cleaner kept of it."""
    return int(getattr(article, "newsclean_words", 0))


def _credit(article: Any) -> tuple[str | None, str | None]:
    record = getattr(article, report.RAW_RECORD_ATTRIBUTE, {})
    return record.get("publisher"), record.get("link")


def _name_copies(build: BuildState, article: Any, others: list[dict[str, Any]], count: int) -> None:
    """The article's footer, rendered again with the other copies of its story (``others``, the
    first of the ``count`` other copies, from the records; linked on this site when published here).
    """
    variables, old = article.newsclean_footer
    shown = [
        {
            "publisher": entry["publisher"],
            "link": entry["link"],
            "url": f"{{filename}}/{entry['source_path']}" if entry["published"] else None,
        }
        for entry in others[:ALSO_SHOWN_DEFAULT]
    ]
    new = _footer(build, article, {**variables, "also": shown, "also_more": count - len(shown)})
    if new != old and old in article._content:
        head, _, tail = article._content.rpartition(old)
        article._content = head + new + tail
        article.newsclean_footer = (variables, new)


def gather_records(generators: list[Any]) -> None:
    """``all_generators_finalized``: escape the records not escaped yet (pages, drafts), and
    gather the records of every article.

    Gathered from the content objects, not from ``content_object_init``:
    articles served from the generator cache keep their record but do not
    go through that signal again.
    """
    if not generators:
        return
    build = state.of(generators[0].settings)
    if build is not None:
        every = [*generators, _LeftOut(build.left_out)]
        report.show_records(every)
        build.records = report.collect_records(every)
        if build.records:  # republished articles, cached ones included: no theme may unescape them
            install_safe_filters(generators)


def write_build_report(pelican: Any) -> None:
    """``finalized``: write the report and the audit page once the site is written, and end the build.

    They go in the audit folder beside the output (not deployed), and only
    when the build cleaned something: a site of your own posts gets no file.
    """
    build = state.of(pelican.settings)
    try:
        if build is not None and build.records:
            _write_report(build, build.records, pelican.settings)
    finally:
        state.finish(pelican.settings)  # after the audit: its sections are kept in the clean cache


def _write_report(build: BuildState, records: list[dict[str, Any]], settings: Mapping[str, Any]) -> None:
    """The report, and the audit page beside its copy in the audit folder."""
    built = report.build_report(records, build.copy_groups)
    folder = audit_dir(settings, build.options)
    targets = [("report_path", report_path(settings, build.options))]
    if folder is not None:
        targets.append(("audit_dir", os.path.join(folder, "report.json")))
    sections = functools.partial(build.cache.fragment, "audit-section") if build.cache is not None else None
    for key, path in targets:
        if path is None:
            continue
        try:
            report.write_report(path, built)
            if key == "audit_dir":
                title = f"What newsclean did: {settings.get('SITENAME', '')}"
                write_audit(os.path.dirname(path), built, title=title, sections=sections)
        except OSError as error:
            logger.error(  # noqa: TRY400 - the message says what to fix; a traceback would bury it
                "NEWSCLEAN: setting %r: the report cannot be written to %s (%s)",
                key,
                path,
                error.strerror or error,
            )
            continue
        logger.info("newsclean: report of %d articles written to %s", len(records), path)
