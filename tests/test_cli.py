"""The `newsclean` command: clean, diff, errors that name the file, never overwriting input."""

from __future__ import annotations

import io
import json
import sys

import pytest

from pelican_newsclean.cli import main as newsclean

ARTICLE = "Skip to main content\nBridge reopens after repairs\nThe old bridge reopened on Monday after two years of repairs.\nShare\n"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_clean_prints_title_blank_line_and_paragraphs(article, capsys):
    assert newsclean(["clean", str(article)]) == 0
    assert capsys.readouterr().out == (
        "Bridge reopens after repairs\n\nThe old bridge reopened on Monday after two years of repairs.\n"
    )


def test_body_only_prints_paragraphs_only(article, capsys):
    assert newsclean(["clean", "--body-only", str(article)]) == 0
    assert capsys.readouterr().out == "The old bridge reopened on Monday after two years of repairs.\n"


def test_dash_reads_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))
    assert newsclean(["clean", "--body-only", "-"]) == 0
    assert capsys.readouterr().out.startswith("The old bridge")


def test_json_has_the_documented_keys(article, capsys):
    assert newsclean(["clean", "--json", str(article)]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["path"] == str(article)
    assert got["title"] == "Bridge reopens after repairs"
    assert got["removed"] == [
        {"line": 1, "text": "Skip to main content", "reason": "navigation", "rule": "remove_boilerplate:navigation"},
        {"line": 4, "text": "Share", "reason": "share-widget", "rule": "remove_boilerplate:share-widget"},
    ]


def test_a_missing_file_is_named_and_the_others_still_processed(article, tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    assert newsclean(["clean", "--body-only", str(missing), str(article)]) == 1
    out, err = capsys.readouterr()
    assert "The old bridge" in out
    assert err.strip().splitlines() == [
        f"newsclean: {missing}: No such file or directory",
        "newsclean: 2 files: 1 cleaned, 1 failed",
    ]


def test_a_binary_file_is_named_as_undecodable(article, tmp_path, capsys):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert newsclean(["clean", str(binary), str(article)]) == 1
    out, err = capsys.readouterr()
    assert str(binary) in err and "binary" in err
    assert "The old bridge" in out


def test_another_encoding_is_decoded_and_reported(tmp_path, capsys):
    path = tmp_path / "ru.txt"
    path.write_bytes(
        "Москва. Городской совет утвердил новый бюджет во вторник вечером после долгих споров.\n".encode("cp1251")
    )
    assert newsclean(["clean", "--json", str(path)]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["paragraphs"][0].startswith("Москва.")
    assert any("cp1251" in r["after"].lower() or "1251" in r["after"] for r in got["repairs"])


def test_diff_shows_each_removal_with_its_reason_plain_when_piped(article, capsys):
    assert newsclean(["diff", str(article)]) == 0
    out = capsys.readouterr().out
    assert "\033[" not in out
    assert "[navigation] Skip to main content" in out
    assert "[share-widget] Share" in out
    assert "2 removed" in out


def test_output_dir_writes_one_file_per_input(article, tmp_path):
    out = tmp_path / "clean"
    assert newsclean(["clean", "--body-only", "-o", str(out), str(article)]) == 0
    assert (out / "bridge.txt").read_text(encoding="utf-8").startswith("The old bridge")
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_output_dir_refuses_to_overwrite_its_input(article, capsys):
    assert newsclean(["clean", "-o", str(article.parent), str(article)]) == 4
    assert "refusing to overwrite" in capsys.readouterr().err
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_a_folder_stands_for_its_files(article, tmp_path, capsys):
    assert newsclean(["clean", "--body-only", str(tmp_path)]) == 0
    assert "The old bridge" in capsys.readouterr().out


def test_jobs_give_the_same_output_in_the_same_order(tmp_path, capsys):
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(
            f"Share\nArticle number {i} tells of a bridge that reopened on Monday.\n", encoding="utf-8"
        )
    files = [str(tmp_path / f"{i}.txt") for i in range(6)]
    assert newsclean(["clean", "--json", *files]) == 0
    serial = capsys.readouterr().out
    assert newsclean(["clean", "--json", "--jobs", "2", *files]) == 0
    assert capsys.readouterr().out == serial


def test_behaviours_can_be_switched_off(article, capsys):
    assert newsclean(["clean", "--body-only", "--off", "remove_boilerplate", "--off", "statistical", str(article)]) == 0
    assert "Share" in capsys.readouterr().out


def test_a_pelican_metadata_header_is_metadata_not_text(tmp_path, capsys):
    """A file from a site's content folder previews as the site will publish it."""
    path = tmp_path / "with-header.txt"
    path.write_text("Title: The bridge is open\nSource: Daily Bugle\nDate: 2024-04-17\n\n" + ARTICLE, encoding="utf-8")
    assert newsclean(["clean", "--json", str(path)]) == 0
    got = json.loads(capsys.readouterr().out)
    assert (got["title"], got["publisher"]) == ("The bridge is open", "Daily Bugle")
    assert got["paragraphs"] == ["The old bridge reopened on Monday after two years of repairs."]
    assert [r["line"] for r in got["removed"]] == [5, 8]  # lines of the file, header included


def test_diff_shows_control_characters_of_removed_text_as_text(tmp_path, capsys):
    path = tmp_path / "escape.txt"
    prose = "The council met on Tuesday to approve the budget for the new bridge over the river."
    path.write_text(f"Share \x1b[2J\x1b[31mRED\x1b[0m now\n{prose}\n", encoding="utf-8")
    assert newsclean(["diff", "--off", "repair_encoding", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b[2J" in out


def test_diff_html_is_one_audit_page_with_scraped_text_as_text(tmp_path, capsys):
    path = tmp_path / "hostile.txt"
    prose = "The council met on Tuesday to approve the budget for the new bridge over the river."
    path.write_text(f"<script>alert(1)</script> Share now\n{prose}\nShare\n", encoding="utf-8")
    assert newsclean(["diff", "--html", str(path), str(path)]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!doctype html>") and page.count('class="article') == 2
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'data-figure="removed"><b>4</b>' in page


def test_output_dir_writes_pelican_content_the_plugin_publishes_without_cleaning_again(
    article, tmp_path, make_site, monkeypatch
):
    from pelican_newsclean.core import pipeline

    out = tmp_path / "clean"
    assert newsclean(["clean", "-o", str(out), str(article)]) == 0
    written = (out / "bridge.txt").read_text(encoding="utf-8")
    assert written.startswith("Title: Bridge reopens after repairs\n") and "\nNewsclean: cleaned\n" in written
    assert written.endswith("\n\nThe old bridge reopened on Monday after two years of repairs.\n")
    runs = []
    monkeypatch.setattr(pipeline, "classify", lambda *a, **k: runs.append(1))
    output = make_site({"bridge.txt": written}, NEWSCLEAN={"min_words": 0})
    body = (output / "bridge-reopens-after-repairs.html").read_text(encoding="utf-8")
    assert "The old bridge reopened" in body and 'data-newsclean="footer"' in body
    assert "2 parts of the scraped page" in body and runs == []


def test_a_folder_of_subfolders_is_cleaned_whole_and_written_alike(article, tmp_path):
    scrapes = tmp_path / "scrapes"
    (scrapes / "2024" / "may").mkdir(parents=True)
    (scrapes / "2024" / "may" / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    (scrapes / ".hidden").mkdir()
    (scrapes / ".hidden" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert newsclean(["clean", "-q", "-o", str(out), str(scrapes)]) == 0
    assert [p.relative_to(out).as_posix() for p in out.rglob("*.txt")] == ["2024/may/bridge.txt"]


def test_exit_statuses_have_one_meaning_each(article, tmp_path, capsys):
    broken = tmp_path / "profiles"
    broken.mkdir()
    (broken / "x.toml").write_text("name = ", encoding="utf-8")
    assert newsclean(["clean", "--profile-dir", str(broken), str(article)]) == 3
    assert newsclean(["clean", str(tmp_path / "empty-folder-that-is-not-there")]) == 1
    (tmp_path / "empty").mkdir()
    assert newsclean(["clean", str(tmp_path / "empty")]) == 1
    with pytest.raises(SystemExit) as usage:
        newsclean(["clean", "--no-such-option", str(article)])
    assert usage.value.code == 2


def test_quiet_says_nothing_but_errors(tmp_path, capsys):
    ru = tmp_path / "ru.txt"
    ru.write_bytes(
        "Москва. Городской совет утвердил новый бюджет во вторник вечером после долгих споров.\n".encode("cp1251")
    )
    assert newsclean(["clean", "-q", str(ru), str(ru)]) == 0
    assert capsys.readouterr().err == ""


def test_a_long_run_on_a_terminal_shows_progress_on_stderr_only(tmp_path, monkeypatch, capsys):
    from pelican_newsclean import cli

    shown = []
    real = cli._Progress

    class Watched(real):
        def __init__(self, total, show):
            shown.append((total, show))
            super().__init__(total, show)

    monkeypatch.setattr(cli, "_Progress", Watched)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(cli.PROGRESS_MIN_FILES):
        (folder / f"{i:03}.txt").write_text(ARTICLE, encoding="utf-8")
    assert newsclean(["clean", "--body-only", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert shown == [(cli.PROGRESS_MIN_FILES, True)]
    assert out == "The old bridge reopened on Monday after two years of repairs.\n" * cli.PROGRESS_MIN_FILES
    assert err.strip().endswith(f"{cli.PROGRESS_MIN_FILES} files: {cli.PROGRESS_MIN_FILES} cleaned, 0 failed")


def test_version_and_verbose(article, tmp_path, capsys):
    import pelican_newsclean

    with pytest.raises(SystemExit) as done:
        newsclean(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.strip() == f"newsclean {pelican_newsclean.__version__}"
    out = tmp_path / "out"
    assert newsclean(["clean", "-v", "-o", str(out), str(article)]) == 0
    assert f"-> {out / 'bridge.txt'}" in capsys.readouterr().err


# newsclean repair: the repair on its own


def test_repair_prints_the_text_repaired_and_nothing_removed(tmp_path, capsys):
    path = tmp_path / "page.txt"
    path.write_text("Skip to main content\nÏðèâåò, ìèð!\nCafÃ© ¹úÎñÔº\n", encoding="utf-8")
    assert newsclean(["repair", str(path)]) == 0
    assert capsys.readouterr().out == "Skip to main content\nПривет, мир!\nCafé 国务院\n"


def test_repair_reads_stdin_without_files(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("ÅÄÖ åäö\nCafÃ©".encode())))
    assert newsclean(["repair"]) == 0
    assert capsys.readouterr().out == "ÅÄÖ åäö\nCafé"


def test_repair_explain_names_each_chain(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("ok\nCafГѓВ© crГѓВЁme\n".encode())))
    assert newsclean(["repair", "--explain", "-"]) == 0
    assert capsys.readouterr().out == (
        "<stdin>:2: legacy-encoding: CafГѓВ© crГѓВЁme -> Café crème"
        " (utf-8 shown as cp1251, then utf-8 shown as sloppy-cp1252)\n"
    )


def test_repair_names_a_missing_file_and_goes_on(tmp_path, capsys):
    path = tmp_path / "ok.txt"
    path.write_text("fine\n", encoding="utf-8")
    assert newsclean(["repair", str(tmp_path / "missing.txt"), str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "fine\n" and "missing.txt" in captured.err
