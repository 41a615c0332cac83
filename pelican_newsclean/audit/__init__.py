"""The audit page: the build report as a page a site owner reads in a browser.

A summary across the site (articles cleaned, removals by reason, repairs,
sources found or unknown, copies of one story), then each article: what was
removed and why, the repairs, the source. A reason filter hides the rest.
Everything that came from a scrape is shown as text (Jinja2 autoescapes):
the page is opened from disk, where a script would run. Used by the plugin
(beside the report) and by ``newsclean diff --html``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
import functools
import hashlib
from importlib import resources
import json
import os
from typing import Any

import jinja2
from markupsafe import Markup

from pelican_newsclean.core.model import CleanResult

TEMPLATE = "audit.html"
SECTION_TEMPLATE = "article.html"
"""One article's section of the page, rendered alone."""


@functools.lru_cache(maxsize=2)
def _template(name: str = TEMPLATE) -> jinja2.Template:
    folder = str(resources.files(__package__) / "templates")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    return env.get_template(name)


Keep = Callable[[str, Callable[[], str]], str]
"""``keep(key, make)``: what is kept for ``key``, else ``make()``, kept (the plugin's clean cache)."""


def section_key(record: Mapping[str, Any]) -> str:
    """What an article's section is kept under: a digest of its record."""
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def summary(report: Mapping[str, Any]) -> dict[str, Any]:
    """The figures the page shows at its top, from a report."""
    articles = report.get("articles", [])
    reasons = Counter(r["reason"] for a in articles for r in a.get("removed", ()))
    sources = Counter("known" if a.get("publisher") else "unknown" for a in articles)
    return {
        "articles": len(articles),
        "cleaned": sum(1 for a in articles if a.get("status") == "cleaned"),
        "uncleaned": sum(1 for a in articles if a.get("status") == "uncleaned"),
        "removed": sum(reasons.values()),
        "reasons": sorted(reasons.items(), key=lambda item: (-item[1], item[0])),
        "repairs": sum(len(a.get("repairs", ())) for a in articles),
        "sources_known": sources["known"],
        "sources_unknown": sources["unknown"],
        "copy_groups": len(report.get("copy_groups", ())),
        "sanitised": sum(len(a.get("sanitised", ())) for a in articles),
    }


def render_audit(report: Mapping[str, Any], title: str = "What newsclean did", sections: Keep | None = None) -> str:
    """The audit page of a report (the JSON the plugin writes, or :func:`report_of`'s).

    ``sections`` keeps each article's rendered section by :func:`section_key` of its record
    (the plugin's clean cache), so that a rebuild renders only the records that changed.
    """
    article = _template(SECTION_TEMPLATE)

    def section(record: Mapping[str, Any]) -> Markup:
        def render() -> str:
            return article.render(article=record)

        html = render() if sections is None else sections(section_key(record), render)
        return Markup(html)  # rendered by the autoescaping template

    return _template().render(title=title, report=report, summary=summary(report), section=section)


def write_audit(
    folder: str,
    report: Mapping[str, Any],
    title: str = "What newsclean did",
    sections: Keep | None = None,
) -> str:
    """Write ``index.html`` into ``folder`` (made as needed); return its path."""
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "index.html")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(render_audit(report, title, sections))
    return path


def record_of(path: str, result: CleanResult) -> dict[str, Any]:
    """A report record of one file cleaned outside a site (``newsclean diff --html``)."""
    return {
        "source_path": path,
        "title": result.title,
        "status": "cleaned",
        "note": None,
        "publisher": result.publisher,
        "link": result.link,
        "wire": result.wire,
        "date": result.date,
        "found": {"publisher": result.publisher_from},
        "removed": [r.as_dict() for r in result.removed],
        "repairs": [
            {"field": "body", "line": r.line, "kind": r.kind, "before": r.before, "after": r.after}
            for r in result.repairs
        ],
        "sanitised": [],
        "dropped_metadata": [],
        "copies": [],
    }


def report_of(records: Iterable[dict[str, Any]], groups: Sequence[Sequence[str]] | None = None) -> dict[str, Any]:
    """A report of records made outside a site."""
    return {
        "format": 1,
        "generator": "pelican-newsclean",
        "articles": list(records),
        "copy_groups": [list(g) for g in groups or ()],
    }
