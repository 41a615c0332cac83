"""The build report: one JSON file listing what was cleaned out of every article.

Each cleaned article carries its record as plain, JSON-ready data
(``article.newsclean_record``, so cached builds keep it) and, once every
article has its last one, escaped for themes (``article.newsclean``). At the
end of the build the records of all content objects are gathered into one report.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
import functools
import json
import os
from typing import Any

from markupsafe import Markup

from pelican_newsclean.core.html.sanitise import escape_text
from pelican_newsclean.core.model import CleanResult, Repair

REPORT_FORMAT = 1
RECORD_ATTRIBUTE = "newsclean"
"""The article attribute themes read: the record, every text in it escaped."""

RAW_RECORD_ATTRIBUTE = "newsclean_record"
"""The article attribute the report is made from: the record as plain data."""

SHOWN_FROM_ATTRIBUTE = "newsclean_shown_from"
"""The article attribute holding the plain record its escaped one was made from."""

_CONTENT_LISTS = (
    "articles",
    "translations",
    "drafts",
    "drafts_translations",
    "hidden_articles",
    "hidden_translations",
    "pages",
    "hidden_pages",
    "draft_pages",
    "draft_translations",
)


def repair_entry(repair: Repair, field: str = "body") -> dict[str, Any]:
    """A repair as JSON: where (``field``, ``line``), what kind, before and after."""
    return {
        "field": field,
        "line": repair.line,
        "kind": repair.kind,
        "before": repair.before,
        "after": repair.after,
    }


def make_record(  # noqa: PLR0913 - each argument is one field of the record
    *,
    source_path: str | None,
    title: str | None,
    url: str | None = None,
    status: str,
    result: CleanResult | None = None,
    note: str | None = None,
    metadata_repairs: Sequence[dict[str, Any]] = (),
    attribution: dict[str, Any] | None = None,
    extracted: bool = False,
    numbering: str = "block",
    sanitised: Sequence[dict[str, str]] = (),
    dropped_metadata: Sequence[dict[str, str]] = (),
    provenance: dict[str, str | None] | None = None,
) -> dict[str, Any]:
    """The record of one article (``status`` is ``cleaned`` or ``uncleaned``).

    An uncleaned article (the cleaner would have left too little of it) still
    lists what the cleaner would have removed, so the owner can see why.
    ``numbering`` says what the ``line`` of a removal counts: ``line`` (a line
    of the source file) or ``block`` (a block element of an HTML body, from 1).
    ``sanitised`` lists the markup the sanitiser dropped from an untrusted
    HTML body, ``dropped_metadata`` the metadata keys that were not kept.
    """
    record: dict[str, Any] = {
        "source_path": source_path,
        "title": title,
        "url": url,
        "status": status,
        "note": note,
        "extracted_from_page": extracted,
        "numbering": numbering,
    }
    record.update(attribution or {})
    record["found"] = dict(provenance or {})  # how the date, author and publisher were found
    record["removed"] = [r.as_dict() for r in result.removed] if result else []
    record["repairs"] = list(metadata_repairs) + ([repair_entry(r) for r in result.repairs] if result else [])
    record["sanitised"] = list(sanitised)
    record["dropped_metadata"] = list(dropped_metadata)
    return record


def attach_record(content: Any, record: dict[str, Any]) -> None:
    """Give an article its record, as data for the report (:func:`show_records` escapes it for
    themes, once every article has its last one: the copies of a story are added to records made
    before).
    """
    setattr(content, RAW_RECORD_ATTRIBUTE, record)


def show_records(generators: Iterable[Any]) -> None:
    """Give every content object its record escaped for themes (``article.newsclean``).

    Only the entries that changed since an article's record was last shown are escaped again:
    an article the generator cache kept, with a record no build changed, is not escaped at all.
    """
    for content in _contents(generators):
        record = getattr(content, RAW_RECORD_ATTRIBUTE, None)
        if not isinstance(record, dict):
            continue
        old, shown = getattr(content, SHOWN_FROM_ATTRIBUTE, None), getattr(content, RECORD_ATTRIBUTE, None)
        if old is record and isinstance(shown, dict):
            continue
        if isinstance(old, dict) and isinstance(shown, dict) and old.keys() == record.keys() == shown.keys():
            shown = {k: shown[k] if old[k] is v else escaped(v) for k, v in record.items()}
        else:
            shown = escaped(record)
        setattr(content, RECORD_ATTRIBUTE, shown)
        setattr(content, SHOWN_FROM_ATTRIBUTE, record)


SHORT_TEXT = 64
"""Record strings up to this long (reasons, rules, statuses, fields: most of a record) are escaped
once per process, not once per record."""


@functools.lru_cache(maxsize=4096)
def _escaped_short(value: str) -> Markup:
    return Markup(escape_text(value))


def escaped(value: Any) -> Any:
    """A record with every string in it escaped text (:class:`~markupsafe.Markup`): what a theme
    prints of it is text, even without ``|e``.
    """
    if isinstance(value, str):
        short = type(value) is str and len(value) <= SHORT_TEXT  # a Markup is not the str it equals
        return _escaped_short(value) if short else Markup(escape_text(value))
    if isinstance(value, dict):
        return {key: escaped(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [escaped(item) for item in value]
    return value


def _contents(generators: Iterable[Any]) -> Iterator[Any]:
    """Every content object of the build's generators, once each."""
    seen: set[int] = set()
    for generator in generators:
        for name in _CONTENT_LISTS:
            for content in getattr(generator, name, None) or ():
                if id(content) not in seen:
                    seen.add(id(content))
                    yield content


def collect_records(generators: Iterable[Any]) -> list[dict[str, Any]]:
    """The records of every content object of the build, by source path."""
    records = []
    for content in _contents(generators):
        record = getattr(content, RAW_RECORD_ATTRIBUTE, None)
        if isinstance(record, dict):
            records.append({**record, "url": getattr(content, "url", record.get("url"))})
    return sorted(records, key=lambda r: r.get("source_path") or "")


def build_report(records: Sequence[dict[str, Any]], groups: Sequence[Sequence[str]] = ()) -> dict[str, Any]:
    """The report: the records, the groups of copies of one story, and the totals."""
    return {
        "format": REPORT_FORMAT,
        "generator": "pelican-newsclean",
        "totals": {
            "articles": len(records),
            "cleaned": sum(1 for r in records if r["status"] == "cleaned"),
            "uncleaned": sum(1 for r in records if r["status"] != "cleaned"),
            "removed": sum(len(r["removed"]) for r in records),
            "repairs": sum(len(r["repairs"]) for r in records),
            "sanitised": sum(len(r.get("sanitised", ())) for r in records),
            "dropped_metadata": sum(len(r.get("dropped_metadata", ())) for r in records),
            "unknown_source": sum(1 for r in records if not r.get("publisher")),
            "copy_groups": len(groups),
        },
        "copy_groups": [list(group) for group in groups],
        "articles": list(records),
    }


def write_report(path: str, report: dict[str, Any]) -> None:
    """Write the report as UTF-8 JSON (folders made as needed), one article to a line.

    Each part goes through the json module's C encoder (an indented dump is
    encoded in Python: about a millisecond an article).
    """
    folder = os.path.dirname(path)
    if folder:
        os.makedirs(folder, exist_ok=True)

    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, default=str)

    head = ",\n ".join(f"{dumps(key)}: {dumps(value)}" for key, value in report.items() if key != "articles")
    articles = ",\n  ".join(dumps(record) for record in report.get("articles", ()))
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(f'{{{head},\n "articles": [\n  {articles}\n ]}}\n' if articles else dumps(report) + "\n")
