"""The record themes read: every string from a scrape is escaped text."""

from __future__ import annotations

from types import SimpleNamespace

from markupsafe import Markup

from pelican_newsclean.plugin.report import SHORT_TEXT, attach_record, escaped, show_records


def test_every_string_of_a_record_reaches_a_theme_escaped_short_or_long():
    long = "<script>alert(1)</script> " * 10
    record = {
        "publisher": "<b>Tom & Jerry's</b>",
        "removed": [{"text": long, "reason": "navigation", "line": 3}, {"text": "<i>x</i>", "reason": "navigation"}],
        "found": {"date": None, "author": "byline"},
        "extracted_from_page": False,
    }
    shown = escaped(record)
    assert len(record["publisher"]) <= SHORT_TEXT < len(long)
    assert shown["publisher"] == "&lt;b&gt;Tom &amp; Jerry&#x27;s&lt;/b&gt;"
    assert shown["removed"][0]["text"] == long.replace("<", "&lt;").replace(">", "&gt;")
    assert shown["removed"][1]["text"] == "&lt;i&gt;x&lt;/i&gt;"
    assert all(isinstance(r["reason"], Markup) for r in shown["removed"])
    assert shown["removed"][0]["line"] == 3 and shown["found"] == {"date": None, "author": "byline"}
    assert shown["extracted_from_page"] is False
    assert escaped(record) == shown  # the same record, escaped again, reads the same


def test_a_record_is_escaped_for_themes_once_and_again_only_where_it_changed():
    article = SimpleNamespace()
    generator = SimpleNamespace(articles=[article])
    record = {"publisher": "<b>Wire</b>", "removed": [{"text": "<i>Share</i>", "reason": "share-widget"}], "copies": []}
    attach_record(article, record)
    show_records([generator])
    shown = article.newsclean
    assert shown == escaped(record)
    show_records([generator])  # nothing changed: the same escaped record
    assert article.newsclean is shown
    attach_record(article, {**record, "copies": [{"publisher": "<u>Other</u>", "published": True}]})
    show_records([generator])
    assert article.newsclean["copies"] == [{"publisher": "&lt;u&gt;Other&lt;/u&gt;", "published": True}]
    assert article.newsclean["removed"] is shown["removed"]  # unchanged: not escaped again
