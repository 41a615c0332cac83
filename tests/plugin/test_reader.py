"""The reader of scraped .txt articles, on its own."""

from __future__ import annotations

import datetime as dt
import logging

from pelican.tests.support import get_settings
import pytest

from pelican_newsclean.core.assemble import short_title
from pelican_newsclean.core.read import split_header
from pelican_newsclean.plugin.keys import LINES_KEY
from pelican_newsclean.plugin.reader import NewsTextReader

HEADER = "Title: A title\nDate: 2024-04-17\nSource: The Paper\nTags: a, b\n\n"
BODY = (
    "Officials said on Wednesday that the forces would leave the region within weeks.\n"
    "\n"
    "The decision was agreed by both countries, a spokesman said in a call with journalists.\n"
)


def read(tmp_path, data, name="article.txt"):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return NewsTextReader(get_settings()).read(str(path))


@pytest.mark.parametrize(
    "text, expected",
    [
        (HEADER + BODY, {"title": "A title", "date": "2024-04-17", "source": "The Paper", "tags": "a, b"}),
        ("Source_URL: https://example.org/a\n\nBody", {"source_url": "https://example.org/a"}),
        ("Date: 2024-04-17\nMy_key: custom\n\nBody", {"date": "2024-04-17", "my_key": "custom"}),
    ],
)
def test_header_is_metadata(text, expected):
    assert split_header(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Total Views : 25\n\nBody",  # a space before the colon
        "Russian Peacekeepers Start Withdrawal\n\nTotal Views : 25\n",  # a headline first
        "Updated: Monday\n\nBody",  # no known key
        "Title: no blank line after it\nBody goes on",  # no blank line: all body
        "Date: 2024-04-17\nRussia: troops leave\nBody\n\nMore",  # not every line is Key: value
        "Breaking News: troops leave\n\nBody",  # the key is two words
        "",
    ],
)
def test_body_is_not_metadata(text):
    assert split_header(text) == ({}, 0)


def test_read_header_and_escaped_paragraphs(tmp_path):
    html, metadata = read(tmp_path, HEADER + BODY + "A <script>alert(1)</script> & more.\n")
    assert metadata["title"] == "A title"
    assert metadata["date"] == dt.datetime(2024, 4, 17)
    assert [str(t) for t in metadata["tags"]] == ["a", "b"]
    assert metadata["source"] == "The Paper"
    assert html.count("<p>") == 3
    assert "<p>A &lt;script&gt;alert(1)&lt;/script&gt; &amp; more.</p>" in html
    assert metadata[LINES_KEY] == (6, 8, 9)  # the file's own line numbers


def test_read_without_header_finds_the_headline(tmp_path):
    text = "Peacekeepers begin to leave the region\n\n" + BODY
    _html, metadata = read(tmp_path, text)
    assert metadata["title"] == "Peacekeepers begin to leave the region"
    assert "date" not in metadata  # Pelican's DEFAULT_DATE applies
    assert metadata[LINES_KEY] == (1, 3, 5)


def test_read_without_headline_makes_a_short_title(tmp_path, caplog):
    caplog.set_level(logging.INFO)
    _, metadata = read(tmp_path, BODY)
    assert metadata["title"] == "Officials said on Wednesday that the forces would leave the region within…"
    assert any(r.levelno == logging.INFO and "article.txt" in r.getMessage() for r in caplog.records)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_read_decodes_other_encodings(tmp_path):
    html, metadata = read(tmp_path, ("Title: Café\n\n" + BODY + "Le café a rouvert ses portes.\n").encode("cp1252"))
    assert metadata["title"] == "Café"
    assert "Le café a rouvert ses portes." in html


def test_read_binary_is_skipped_with_a_warning(tmp_path, caplog):
    html, metadata = read(tmp_path, b"\x00\x01binary")
    assert metadata == {"status": "skip"} and html == ""
    assert any(r.levelno == logging.WARNING and "article.txt" in r.getMessage() for r in caplog.records)


def test_reader_registers_no_extension_by_itself():
    assert NewsTextReader.file_extensions == []


@pytest.mark.parametrize(
    "sentence, title",
    [
        ("Short one. Then more.", "Short one"),
        ("No full stop at all", "No full stop at all"),
        (
            "One two three four five six seven eight nine ten eleven twelve thirteen.",
            "One two three four five six seven eight nine ten eleven twelve…",
        ),
    ],
)
def test_short_title(sentence, title):
    assert short_title(sentence) == title
