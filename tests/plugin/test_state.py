"""One build's state: options parsed once, found from any signal, dropped at the end."""

from __future__ import annotations

import logging

import pelican_newsclean
from pelican_newsclean.plugin import state
from pelican_newsclean.plugin.options import Options, plugin_listed


def test_options_are_parsed_once_per_build(caplog):
    settings = {"NEWSCLEAN": {"nope": 1}, "PLUGINS": ["pelican_newsclean"]}
    with caplog.at_level(logging.ERROR):
        assert state.of(settings) is state.of(settings)
    assert len(caplog.records) == 1
    state.finish(settings)


def test_active_only_when_listed_and_enabled():
    assert plugin_listed({"PLUGINS": ["pelican_newsclean"]})
    assert plugin_listed({"PLUGINS": [pelican_newsclean]})
    assert not plugin_listed({"PLUGINS": []}) and not plugin_listed({})
    build = state.of({"PLUGINS": ["pelican_newsclean"]})
    assert build is not None and build.options == Options()
    assert state.of({"PLUGINS": ["pelican_newsclean"], "NEWSCLEAN": {"enabled": False}}) is None
    assert state.of({"PLUGINS": ["other"]}) is None


def test_a_new_build_starts_a_new_state():
    settings = {"PLUGINS": ["pelican_newsclean"]}
    first = state.start(settings)
    assert first is not None and first.once("message") and not first.once("message")
    state.finish(settings)
    second = state.of(settings)
    assert second is not first and second is not None and second.once("message")
    state.finish(settings)
