"""Bad input: every kind of broken file builds, is named in the log, and costs no other article.

Log levels (Pelican exits 0 unless run with ``--fatal``, so the level is the exit status):
DEBUG for a dropped byte-order mark, INFO for a file decoded from another encoding,
WARNING for a file not published (binary, empty, header only), text lost in decoding,
or an article published uncleaned (too big); ERROR for broken settings, templates, profiles.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
import subprocess
import sys

from conftest import article_body, footers, soup_of
import pytest

from pelican_newsclean.cli import main as newsclean
from pelican_newsclean.core.read import UndecodableError, decode

GOOD = (
    "Title: Bridge reopens\nDate: 2024-05-01\nSource: Gazette\n\nShare this article\n"
    "The old bridge over the river reopened to traffic on Monday after two years of repairs, "
    "the city said, and buses will use it again from next week.\n"
)
GOOD_PAGE = "bridge-reopens.html"
PARAGRAPH = (
    "The council approved the new budget on Tuesday after a long debate about the cost "
    "of the new bridge and the state of the roads in the north of the city."
)

LEGACY = {
    "cp1252": "Le café de la place a rouvert lundi après trois mois de travaux, a déclaré le maire.",
    "cp1251": "Городской совет утвердил новый бюджет во вторник вечером после долгих споров о мосте.",
    "gbk": "北京市政府周二宣布，新的地铁线路将于明年开通，连接城市东部和西部的主要商业区。",
    "shift_jis": "東京都は火曜日、新しい地下鉄路線が来年開業すると発表した。都心と空港を結ぶ。",
}


def messages(records, name: str, level: int | None = None) -> list[logging.LogRecord]:
    return [r for r in records if name in r.getMessage() and (level is None or r.levelno == level)]


def paragraphs(page: Path) -> list[str]:
    body = article_body(page)
    return [
        " ".join(p.get_text().split())
        for p in body.find_all("p")
        if not p.find_parent(attrs={"data-newsclean": "footer"})
    ]


def build_with_good(make_site, files: dict, **settings) -> Path:
    """Build the bad files next to a good article; the good one must come out cleaned."""
    output = make_site({"good.txt": GOOD, **files}, **settings)
    assert paragraphs(output / GOOD_PAGE)[0].startswith("The old bridge over the river")
    assert "Share this article" not in paragraphs(output / GOOD_PAGE)
    return output


# --- decoding ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Café crème à la française",
        "Noël à Besançon",
        "El niño jugó en el jardín mientras su mamá leía.",
        "Regeringen meddelade på måndag att skatten sänks för många.",
        "He said “hello” — and left…",
    ],
)
def test_short_cp1252_is_not_read_as_cp1250(text):
    decoded = decode(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.note == "not UTF-8: decoded as cp1252"


@pytest.mark.parametrize(
    "text",
    [
        "Příliš žluťoučký kůň úpěl ďábelské ódy.",
        "Rząd przyjął w środę projekt ustawy budżetowej na przyszły rok.",
    ],
)
def test_central_european_cp1250_stays_cp1250(text):
    assert decode(text.encode("cp1250")).text == text


@pytest.mark.parametrize("encoding", sorted(LEGACY))
def test_legacy_encodings_decode(encoding):
    decoded = decode(LEGACY[encoding].encode(encoding))
    assert decoded.text == LEGACY[encoding] and not decoded.lossy
    assert decoded.note.startswith("not UTF-8: decoded as")


def test_stray_cp1252_byte_in_utf8_is_read_as_cp1252():
    decoded = decode("Le café est très bon. ".encode() + b"Caf\xe9 cr\xe8me.")
    assert decoded.text == "Le café est très bon. Café crème."
    assert decoded.encoding == "utf-8" and not decoded.lossy
    assert decoded.note == "UTF-8 with 2 invalid byte sequences: 2 read as cp1252"


def test_cut_utf8_sequence_becomes_a_replacement_character():
    decoded = decode("Le café est très bon".encode() + b" \xe2\x80 fin.")
    assert decoded.text == "Le café est très bon \ufffd fin." and decoded.lossy


def test_utf16_with_and_without_bom():
    text = "Hello wörld, this is UTF-16 text.\n"
    assert decode(text.encode("utf-16")).text == text
    assert decode(text.encode("utf-16-le")).text == text


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"%PDF-1.7\n%\xe2\xe3\n", bytes(range(256)) * 4],
)
def test_binary_data_is_undecodable(data):
    with pytest.raises(UndecodableError, match="binary"):
        decode(data)


def test_large_legacy_file_decodes_fast():
    data = (LEGACY["cp1251"] + "\n").encode("cp1251") * 60_000  # 10 MB
    assert decode(data).encoding == "cp1251"  # a per-byte error handler here took 20 s


# --- the Pelican build ---------------------------------------------------------------


@pytest.mark.parametrize("encoding", sorted(LEGACY))
def test_legacy_encoded_txt_is_published_with_an_info(make_site, warnings_and_errors, encoding):
    data = f"Title: Legacy {encoding}\nDate: 2024-05-01\n\n{LEGACY[encoding]}\n".encode(encoding)
    output = build_with_good(make_site, {"legacy.txt": data})
    (page,) = output.glob("legacy-*.html")
    assert LEGACY[encoding] in paragraphs(page)
    (info,) = [m for m in messages(warnings_and_errors(logging.INFO), "legacy.txt") if "decoded" in m.getMessage()]
    assert info.levelno == logging.INFO and "decoded as" in info.getMessage()
    report = json.loads((output.parent / "newsclean-audit" / "report.json").read_text(encoding="utf-8"))
    (record,) = [a for a in report["articles"] if a["source_path"] == "legacy.txt"]
    assert record["repairs"][0]["kind"] == "decode" and record["repairs"][0]["field"] == "file"


def test_cp1252_title_and_body_are_not_read_as_cp1250(make_site):
    data = "Title: Café crème à la française\nDate: 2024-05-01\n\nLe café a rouvert.\n".encode("cp1252")
    output = make_site({"cafe.txt": data}, NEWSCLEAN={"min_words": 0})
    page = output / "cafe-creme-a-la-francaise.html"
    assert page.is_file(), sorted(p.name for p in output.glob("*.html"))
    assert soup_of(page).find("h1", class_="entry-title").get_text().strip() == "Café crème à la française"


def test_invalid_utf8_bytes_are_replaced_with_a_warning(make_site, warnings_and_errors):
    data = (
        "Title: Broken bytes\nDate: 2024-05-01\n\n" + PARAGRAPH + " Le café est très bon"
    ).encode() + b" \xe2\x80 fin.\n"
    output = build_with_good(make_site, {"broken.txt": data})
    assert "\ufffd fin." in paragraphs(output / "broken-bytes.html")[0]
    (warning,) = messages(warnings_and_errors(), "broken.txt")
    assert warning.levelno == logging.WARNING and "U+FFFD" in warning.getMessage()


def test_stray_latin1_byte_is_read_as_cp1252_with_an_info(make_site, warnings_and_errors):
    data = ("Title: Stray byte\nDate: 2024-05-01\n\n" + PARAGRAPH + " Le café").encode() + b" caf\xe9.\n"
    output = build_with_good(make_site, {"stray.txt": data})
    assert paragraphs(output / "stray-byte.html")[0].endswith("Le café café.")
    assert messages(warnings_and_errors(logging.INFO), "stray.txt", logging.INFO)
    assert not messages(warnings_and_errors(), "stray.txt")


def test_utf8_bom_does_not_hide_the_header(make_site, warnings_and_errors, caplog):
    caplog.set_level(logging.DEBUG)
    data = b"\xef\xbb\xbf" + f"Title: With a mark\nDate: 2024-06-12\nSource: Gazette\n\n{PARAGRAPH}\n".encode()
    output = build_with_good(make_site, {"bom.txt": data})
    page = output / "with-a-mark.html"
    assert page.is_file(), sorted(p.name for p in output.glob("*.html"))
    assert "\ufeff" not in page.read_text(encoding="utf-8")
    assert soup_of(page).find("abbr", class_="published")["title"].startswith("2024-06-12")
    assert not messages(warnings_and_errors(logging.INFO), "bom.txt")  # routine: DEBUG only
    assert messages(caplog.records, "bom.txt", logging.DEBUG)


def test_a_few_nul_bytes_are_dropped_with_a_warning(make_site, warnings_and_errors):
    body = PARAGRAPH.replace("budget", "bud\x00get") + " " + PARAGRAPH
    data = f"Title: Nul bytes\nDate: 2024-05-01\n\n{body}\n".encode()
    output = build_with_good(make_site, {"nul.txt": data})
    assert "budget" in paragraphs(output / "nul-bytes.html")[0]
    (warning,) = messages(warnings_and_errors(), "nul.txt")
    assert warning.levelno == logging.WARNING and "1 NUL byte dropped" in warning.getMessage()


@pytest.mark.parametrize(
    "data, what",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "PNG image"),
        (b"Title: x\n\n" + bytes(range(256)) * 8, "binary data"),
    ],
)
def test_binary_txt_is_not_published_with_a_warning(make_site, warnings_and_errors, data, what):
    output = build_with_good(make_site, {"picture.txt": data})
    assert not (output / "picture.html").exists() and not (output / "x.html").exists()
    (warning,) = messages(warnings_and_errors(), "picture.txt")
    assert warning.levelno == logging.WARNING
    assert what in warning.getMessage() and "not published" in warning.getMessage()


@pytest.mark.parametrize("data", [b"", b"\n\n  \r\n", b"\xef\xbb\xbf"])
def test_empty_txt_is_not_published_with_a_warning(make_site, warnings_and_errors, data):
    output = build_with_good(make_site, {"empty.txt": data})
    (warning,) = messages(warnings_and_errors(), "empty.txt")
    assert warning.levelno == logging.WARNING and "is empty: not published" in warning.getMessage()
    assert not (output / "untitled.html").exists()


@pytest.mark.parametrize("ending", ["\n", "\n\n", ""])
def test_header_without_body_is_not_published_with_a_warning(make_site, warnings_and_errors, ending):
    data = "Title: Only a header\nDate: 2024-05-01\nSource: Gazette" + ending
    output = build_with_good(make_site, {"header.txt": data})
    (warning,) = messages(warnings_and_errors(), "header.txt")
    assert warning.levelno == logging.WARNING and "no article text" in warning.getMessage()
    assert not (output / "only-a-header.html").exists()


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_lone_cr_line_ends(make_site, newline):
    text = f"Title: Old line ends\nDate: 2024-05-01\n\nShare this article\n{PARAGRAPH}\nAdvertisement\n"
    output = build_with_good(make_site, {"crlf.txt": text.replace("\n", newline).encode()})
    page = output / "old-line-ends.html"
    assert paragraphs(page) == [PARAGRAPH]
    assert "\r" not in page.read_text(encoding="utf-8")
    report = json.loads((output.parent / "newsclean-audit" / "report.json").read_text(encoding="utf-8"))
    (record,) = [a for a in report["articles"] if a["source_path"] == "crlf.txt"]
    assert {(r["line"], r["text"]) for r in record["removed"]} == {
        (4, "Share this article"),
        (6, "Advertisement"),
    }  # line numbers as an editor shows them


# Size limits: the same code path as a 10 MB article under the default limits, at small limits.
SMALL_LIMITS = {"max_size": 5_000, "max_paragraphs": 200}


def test_article_over_max_size_is_published_uncleaned_with_a_warning(make_site, warnings_and_errors):
    line = "Share\n" + PARAGRAPH + "\n"
    count = 2 * SMALL_LIMITS["max_size"] // len(line)
    data = "Title: Huge\nDate: 2024-05-01\n\n" + line * count
    output = build_with_good(make_site, {"huge.txt": data}, NEWSCLEAN=SMALL_LIMITS)
    (warning,) = messages(warnings_and_errors(), "huge.txt")
    assert warning.levelno == logging.WARNING
    assert "more than max_size" in warning.getMessage() and "published uncleaned" in warning.getMessage()
    body = article_body(output / "huge.html")
    assert len(footers(body)) == 1 and "as it was scraped" in footers(body)[0].get_text()
    assert body.get_text().count(PARAGRAPH) == count  # nothing lost


def test_header_less_file_over_max_size_gets_a_short_title(make_site):
    data = ("Share " + PARAGRAPH + "\n") * 40  # too big to look for a headline
    output = build_with_good(make_site, {"giant.txt": data}, NEWSCLEAN=SMALL_LIMITS)
    (page,) = [p for p in output.glob("*.html") if p.name.startswith("share-the-council")]
    assert len(soup_of(page).find("h1", class_="entry-title").get_text().strip()) <= 121


@pytest.mark.parametrize("max_size", [None, "default"])
def test_single_one_megabyte_line(make_site, warnings_and_errors, max_size):
    # no spaces (a naive title would be a 1 MB file name), and not one character repeated:
    # the cleaner halves a text that is two copies of its half (see test_never_lose_data)
    blob = "".join(hashlib.sha256(str(i).encode()).hexdigest() for i in range(1_048_576 // 64))
    settings = {"NEWSCLEAN": {"max_size": None}} if max_size is None else {}
    output = build_with_good(make_site, {"blob.txt": blob + "\n"}, **settings)
    (page,) = [p for p in output.glob("*.html") if p.name.startswith(blob[:20])]
    assert len(page.name) < 200
    assert blob in page.read_text(encoding="utf-8")  # published, and nothing lost
    if max_size == "default":
        (warning,) = messages(warnings_and_errors(), "blob.txt")
        assert "more than max_size" in warning.getMessage()


def test_article_over_max_paragraphs_is_published_uncleaned(make_site, warnings_and_errors):
    data = "Title: Many lines\nDate: 2024-05-01\n\n" + "".join(f"No. {i}\n" for i in range(1_000))
    output = build_with_good(make_site, {"lines.txt": data}, NEWSCLEAN=SMALL_LIMITS)
    (warning,) = messages(warnings_and_errors(), "lines.txt")
    assert "1,000 paragraphs, more than max_paragraphs (200)" in warning.getMessage()
    text = article_body(output / "many-lines.html").get_text()
    assert "No. 0\n" in text and "No. 999\n" in text


def test_default_limits_are_what_the_readme_says():
    from pelican_newsclean.plugin.options import Options

    assert (Options().max_size, Options().max_paragraphs) == (1_000_000, 5_000)


# --- exit status: Pelican's convention, through its own command -------------------------


def run_pelican(tmp_path: Path, files: dict[str, bytes], *args: str) -> subprocess.CompletedProcess:
    content = tmp_path / "content"
    content.mkdir(parents=True)
    for name, data in files.items():
        (content / name).write_bytes(data)
    conf = tmp_path / "conf.py"
    conf.write_text(
        'PLUGINS = ["pelican_newsclean"]\nTIMEZONE = "UTC"\nDEFAULT_DATE = (2024, 1, 1)\n'
        "FEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\nAUTHOR_FEED_ATOM = None\n"
        "AUTHOR_FEED_RSS = None\nTRANSLATION_FEED_ATOM = None\n",
        encoding="utf-8",
    )
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            str(content),
            "-s",
            str(conf),
            "-o",
            str(tmp_path / "out"),
            "--cache-path",
            str(tmp_path / "cache"),
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_exit_status_follows_pelicans_fatal_option(tmp_path):
    good = {"good.txt": GOOD.encode()}
    legacy = {"ru.txt": f"Title: Ru\n\n{LEGACY['cp1251']}\n".encode("cp1251")}
    bad = {"picture.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "empty.txt": b""}
    # a decoded legacy file is routine (INFO): even --fatal warnings passes
    run = run_pelican(tmp_path / "a", {**good, **legacy}, "--fatal", "warnings")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    # files not published are WARNINGs: the build goes on and exits 0 ...
    run = run_pelican(tmp_path / "b", {**good, **legacy, **bad})
    log = " ".join((run.stdout + run.stderr).split())
    assert run.returncode == 0, log[-3000:]
    assert "picture.txt" in log and "empty.txt" in log
    assert (tmp_path / "b" / "out" / GOOD_PAGE).is_file()
    # ... unless the site asks warnings to fail it
    run = run_pelican(tmp_path / "c", {**good, **bad}, "--fatal", "warnings")
    assert run.returncode == 1


# --- settings, templates and profiles --------------------------------------------------


@pytest.mark.parametrize(
    "newsclean, key",
    [
        ({"min_words": "20"}, "'min_words'"),
        ({"extensions": "txt"}, "'extensions'"),
        ({"profile_dirs": "profiles"}, "'profile_dirs'"),
        ({"extra_phrases": [1, 2]}, "'extra_phrases'"),
        ({"max_size": -1}, "'max_size'"),
        ({"max_paragraphs": 2.5}, "'max_paragraphs'"),
        ({"report_path": 3}, "'report_path'"),
        ("yes", "must be a dict"),
    ],
)
def test_setting_of_the_wrong_type_is_an_error_and_the_build_goes_on(make_site, warnings_and_errors, newsclean, key):
    build_with_good(make_site, {}, NEWSCLEAN=newsclean)
    errors = [r.getMessage() for r in warnings_and_errors(logging.ERROR)]
    assert any(key in m and "NEWSCLEAN" in m for m in errors), errors


def test_missing_footer_template_is_an_error_and_the_shipped_footer_is_used(make_site, warnings_and_errors, tmp_path):
    output = build_with_good(make_site, {}, NEWSCLEAN={"footer_template": str(tmp_path / "nope.html")})
    assert any("'footer_template'" in r.getMessage() for r in warnings_and_errors(logging.ERROR))
    (footer,) = footers(article_body(output / GOOD_PAGE))
    assert "Originally published by Gazette" in " ".join(footer.get_text().split())


@pytest.mark.parametrize(
    "template, problem",
    [
        ("<p>{{ publisher }</p>", "TemplateSyntaxError"),  # does not compile
        ("<p>{% include 'missing.html' %}</p>", "TemplateNotFound"),  # fails when rendered
        ("<p>{{ removed / 0 }}</p>", "ZeroDivisionError"),
    ],
)
def test_broken_footer_template_is_an_error_and_the_shipped_footer_is_used(
    make_site, warnings_and_errors, tmp_path, template, problem
):
    path = tmp_path / "footer.html"
    path.write_text(template, encoding="utf-8")
    output = build_with_good(make_site, {}, NEWSCLEAN={"footer_template": str(path)})
    errors = [r.getMessage() for r in warnings_and_errors(logging.ERROR)]
    assert any("'footer_template'" in m and str(path) in m and problem in m for m in errors), errors
    (footer,) = footers(article_body(output / GOOD_PAGE))
    assert "Originally published by Gazette" in " ".join(footer.get_text().split())


@pytest.mark.parametrize(
    "toml, problem",
    [
        ('name = "Broken\n', "not valid TOML"),
        ('home = "https://x.example"\n', "'name'"),
    ],
)
def test_broken_profile_is_an_error_naming_the_file_and_articles_are_still_cleaned(
    make_site, warnings_and_errors, tmp_path, toml, problem
):
    good_dir, bad_dir = tmp_path / "good-profiles", tmp_path / "bad-profiles"
    good_dir.mkdir()
    bad_dir.mkdir()
    (good_dir / "gazette.toml").write_text(
        'name = "The Gazette"\ndomains = ["gazette.example"]\n'
        '[[rules]]\nreason = "promotion"\nexact = ["Gazette reader offer"]\n',
        encoding="utf-8",
    )
    (bad_dir / "broken.toml").write_text(toml, encoding="utf-8")
    article = GOOD.replace("Share this article\n", "Share this article\nGazette reader offer\n")
    output = make_site({"good.txt": article}, NEWSCLEAN={"profile_dirs": [str(bad_dir), str(good_dir)]})
    errors = [r.getMessage() for r in warnings_and_errors(logging.ERROR)]
    assert any("'profile_dirs'" in m and "broken.toml" in m and problem in m for m in errors), errors
    kept = paragraphs(output / GOOD_PAGE)
    assert kept[0].startswith("The old bridge") and "Share this article" not in kept
    assert "Gazette reader offer" not in kept  # the folder that loads is still used


def test_missing_profile_folder_is_an_error_and_articles_are_still_cleaned(make_site, warnings_and_errors, tmp_path):
    build_with_good(make_site, {}, NEWSCLEAN={"profile_dirs": [str(tmp_path / "nowhere")]})
    errors = [r.getMessage() for r in warnings_and_errors(logging.ERROR)]
    assert any("'profile_dirs'" in m and "nowhere" in m for m in errors), errors


def test_profile_error_inside_the_cleaner_publishes_uncleaned(make_site, warnings_and_errors, monkeypatch):
    from pelican_newsclean import ProfileError
    from pelican_newsclean.core import pipeline

    def broken(*args, **kwargs):
        raise ProfileError("profiles/x.toml: changed on disk and broken")

    monkeypatch.setattr(pipeline, "classify", broken)
    output = make_site({"good.txt": GOOD})
    assert "Share this article" in paragraphs(output / GOOD_PAGE)  # published, uncleaned
    (error,) = messages(warnings_and_errors(), "good.txt")
    assert error.levelno == logging.ERROR and "profiles/x.toml" in error.getMessage()


def test_report_path_that_cannot_be_written_is_an_error(make_site, warnings_and_errors):
    output = build_with_good(make_site, {}, NEWSCLEAN={"report_path": "."})  # a folder
    assert output.is_dir()
    assert any("'report_path'" in r.getMessage() for r in warnings_and_errors(logging.ERROR))


# --- the command ------------------------------------------------------------------------


def test_cli_names_each_bad_file_and_says_what_was_done(tmp_path, capsys):
    files = {
        "good.txt": f"{PARAGRAPH}\n".encode(),
        "ru.txt": f"{LEGACY['cp1251']}\n".encode("cp1251"),
        "broken.txt": (PARAGRAPH + " Le café est très bon").encode() + b" \xe2\x80 fin.\n",
        "empty.txt": b"",
        "picture.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "crlf.txt": f"Share\r\n{PARAGRAPH}\r\n".encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    status = newsclean(["clean", "--json", *(str(tmp_path / n) for n in files)])
    out, err = capsys.readouterr()
    assert status == 1  # one file could not be read at all
    results = {Path(r["path"]).name: r for r in map(json.loads, out.splitlines())}
    assert set(results) == set(files) - {"picture.txt"}
    assert results["ru.txt"]["paragraphs"] == [LEGACY["cp1251"]]
    assert results["crlf.txt"]["paragraphs"] == [PARAGRAPH]
    err_lines = err.splitlines()
    assert f"newsclean: {tmp_path / 'ru.txt'}: not UTF-8: decoded as cp1251" in err_lines
    assert any(str(tmp_path / "broken.txt") in line and "warning" in line and "U+FFFD" in line for line in err_lines)
    assert any(str(tmp_path / "empty.txt") in line and "empty" in line for line in err_lines)
    assert any(str(tmp_path / "picture.txt") in line and "binary data" in line for line in err_lines)
    assert not any("good.txt" in line or "crlf.txt" in line for line in err_lines)


def test_cli_exit_status_is_zero_when_everything_was_read(tmp_path, capsys):
    (tmp_path / "ru.txt").write_bytes(f"{LEGACY['cp1251']}\n".encode("cp1251"))
    assert newsclean(["clean", str(tmp_path / "ru.txt")]) == 0
    assert LEGACY["cp1251"] in capsys.readouterr().out


def test_pelicans_fatal_error_while_cleaning_passes_through(make_site, monkeypatch, caplog):
    """Under --fatal warnings, a library warning logged while cleaning stops the build as Pelican
    says, not as 'the cleaner failed'."""
    from pelican.log import FatalLogger

    from pelican_newsclean.core import pipeline

    classify = pipeline.classify

    def warning_first(*args, **kwargs):
        logging.getLogger("a.library").warning("a library warns")
        return classify(*args, **kwargs)

    monkeypatch.setattr(pipeline, "classify", warning_first)
    monkeypatch.setattr(FatalLogger, "fatal_lvl", logging.WARNING)  # what pelican --fatal warnings sets
    republished = f"Title: Republished\nDate: 2024-05-01\nSource: Gazette\n\n{PARAGRAPH}\n"
    with pytest.raises(RuntimeError, match="Warning or error encountered"):
        make_site({"republished.md": republished})
    assert not [r for r in caplog.records if "cleaner failed" in r.getMessage()]


def test_log_filter_can_silence_one_kind_of_message(make_site, warnings_and_errors):
    short = "newsclean: %s: " + "cleaning would leave %d of %d words (min_words is %d)" + ": published uncleaned. %s"
    make_site(
        {
            "short.txt": "Title: Short\nDate: 2024-05-01\n\nShare\nToo short.\n",
            "huge.txt": "Title: Huge\nDate: 2024-05-01\n\n" + ("Share\n" + PARAGRAPH + "\n") * 40,
        },
        NEWSCLEAN={"max_size": 5_000},
        LOG_FILTER=[(logging.WARNING, short)],
    )
    found = [r.getMessage() for r in warnings_and_errors()]
    assert not [m for m in found if "short.txt" in m] and [m for m in found if "huge.txt" in m]


def test_many_articles_published_uncleaned_fold_into_a_few_lines(make_site, warnings_and_errors):
    short = {f"short{i}.txt": f"Title: Short {i}\nDate: 2024-05-01\n\nShare\nToo short {i}.\n" for i in range(12)}
    make_site(short, NEWSCLEAN={"min_words": 50})
    uncleaned = [r for r in warnings_and_errors() if "short" in r.getMessage() or "more articles" in r.getMessage()]
    assert 1 < len(uncleaned) < 12  # Pelican's fold: the first few, then one line for the rest
    assert any("more articles published uncleaned" in r.getMessage() for r in uncleaned)
