"""The shared text patterns: what a sentence end inside a block is."""

from __future__ import annotations

from hypothesis import example, given, strategies as st

from pelican_newsclean.core.text import SENTENCE_ENDS

STOPS = ".!?。！？…"
CLOSERS = "\"'”’»)]"


def sentence_ends(text: str) -> list[tuple[int, int]]:
    """Each sentence end, read character by character: a whole run of stops, the closing quotes
    after it, and a white-space character or the end of the text."""
    spans, i = [], 0
    while i < len(text):
        if text[i] not in STOPS:
            i += 1
            continue
        start = i
        while i < len(text) and text[i] in STOPS:
            i += 1
        while i < len(text) and text[i] in CLOSERS:
            i += 1
        if i == len(text):
            spans.append((start, i))
        elif text[i].isspace():
            spans.append((start, i + 1))
            i += 1
    return spans


@given(st.text(st.sampled_from(STOPS + CLOSERS + " \nab"), max_size=30))
@example("Wait... what?! ”Yes.” Done.")
@example("3.5 percent. U.S.")
def test_a_sentence_end_is_a_run_of_stops_and_closing_quotes_before_a_space(text):
    assert [m.span() for m in SENTENCE_ENDS.finditer(text)] == sentence_ends(text)
