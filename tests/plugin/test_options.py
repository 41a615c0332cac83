"""The NEWSCLEAN setting: defaults, validation, the cleaner's Config."""

from __future__ import annotations

import logging

import pytest

from pelican_newsclean import Config
from pelican_newsclean.plugin.options import (
    MIN_WORDS_DEFAULT,
    REPORT_PATH_DEFAULT,
    Options,
    parse_options,
    setting_names,
)


def test_defaults():
    options = parse_options(None)
    assert options == Options()
    assert options.enabled and options.footer and options.txt_reader and options.extract_pages
    assert not options.clean_all
    assert options.extensions == ("txt",)
    assert options.report_path == REPORT_PATH_DEFAULT
    assert options.min_words == MIN_WORDS_DEFAULT
    assert options.config == Config()


def test_values_are_merged_over_the_defaults():
    options = parse_options(
        {
            "footer": False,
            "extensions": ["txt", "text"],
            "statistical": False,
            "extra_phrases": ["Sponsored"],
            "report_path": None,
            "min_words": 5,
        }
    )
    assert options.footer is False and options.enabled is True
    assert options.extensions == ("txt", "text")
    assert options.report_path is None and options.min_words == 5
    assert options.config == Config(statistical=False, extra_phrases=("Sponsored",))


def test_every_config_option_can_be_set():
    assert set(Config.option_names()) <= set(setting_names())


@pytest.mark.parametrize(
    "value, key",
    [
        ({"colour": "blue"}, "colour"),
        ({"footer": "yes"}, "footer"),
        ({"min_words": -1}, "min_words"),
        ({"min_words": True}, "min_words"),
        ({"extensions": "txt"}, "extensions"),
        ({"extensions": [".txt"]}, "extensions"),
        ({"extra_phrases": "Sponsored"}, "extra_phrases"),
        ({"repair_encoding": 1}, "repair_encoding"),
        ({"report_path": 3}, "report_path"),
    ],
)
def test_bad_key_is_an_error_naming_it_and_the_default_is_kept(caplog, value, key):
    with caplog.at_level(logging.ERROR):
        options = parse_options(value)
    assert options == Options()
    (record,) = caplog.records
    assert record.levelno == logging.ERROR and repr(key) in record.getMessage()


def test_not_a_dict(caplog):
    assert parse_options(["footer"]) == Options()
    assert "NEWSCLEAN must be a dict" in caplog.text


def test_importing_the_package_registers_no_reader():
    import subprocess
    import sys

    code = (
        "import sys, pelican_newsclean;"
        "from pelican.readers import Readers; from pelican.settings import DEFAULT_CONFIG;"
        "assert 'txt' not in Readers(dict(DEFAULT_CONFIG)).readers;"
        "assert 'pelican_newsclean.plugin.reader' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_missing_footer_template_is_an_error(caplog, tmp_path):
    with caplog.at_level(logging.ERROR):
        assert parse_options({"footer_template": str(tmp_path / "nope.html")}).footer_template is None
    assert "'footer_template'" in caplog.text
    template = tmp_path / "footer.html"
    template.write_text("x", encoding="utf-8")
    assert parse_options({"footer_template": str(template)}).footer_template == str(template)
