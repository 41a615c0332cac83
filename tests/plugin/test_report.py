"""The record themes read: every string from a scrape is escaped text."""

from __future__ import annotations

from markupsafe import Markup

from pelican_newsclean.plugin.report import SHORT_TEXT, escaped


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
