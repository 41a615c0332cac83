"""The gallery pass: the furniture of a photo gallery inside the article.

A gallery shows itself by its counter ("Image 3 of 12", "3 / 12", "Photo
3 von 12"), the controls around it ("Previous", "Next", "Enlarge") and its
captions printed again: a caption repeated with other blocks between the
copies. The counter and the controls go wherever they are; a repeated block
goes when it is the second copy of a caption (a block the per-block pass
called a caption) or sits next to a counter. The first copy stays. Words are
vocabulary (``data/gallery.toml``); the rule is the shape.
"""

from __future__ import annotations

from dataclasses import replace
import re

from pelican_newsclean.core.model import Decision
from pelican_newsclean.core.wires import alternation
from pelican_newsclean.data import load_toml

from . import defaults as d

__all__ = ["drop_gallery", "is_counter"]

_TABLE = load_toml("gallery.toml")
_COUNTER = re.compile(
    rf"^\s*(?:(?:{alternation(_TABLE['items'])})\s*)?\(?\s*\d{{1,3}}\s*(?:/|\||(?:{alternation(_TABLE['of'])}))\s*\d{{1,3}}\s*\)?\s*$",
    re.IGNORECASE,
)
_CONTROLS = frozenset(_TABLE["controls"])
_CONTROL_PUNCTUATION = " \t«»‹›<>←→|:.()[]"


def is_counter(text: str) -> bool:
    """A gallery's counter: "Image 3 of 12", "3 / 12", "(3 of 12)".

    >>> is_counter("Image 3 of 12"), is_counter("3/12"), is_counter("Chapter 3 of 12")
    (True, True, False)
    """
    return bool(_COUNTER.match(text))


def _is_control(text: str) -> bool:
    return " ".join(text.strip(_CONTROL_PUNCTUATION).lower().split()) in _CONTROLS


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def drop_gallery(decisions: list[Decision], context: object) -> list[Decision]:
    """Drop a gallery's counters and controls, and the second copy of its captions."""
    out = list(decisions)
    counters = [i for i, dec in enumerate(out) if is_counter(dec.block.text)]
    near_counter = {j for i in counters for j in range(i - d.GALLERY_NEAR_DEFAULT, i + d.GALLERY_NEAR_DEFAULT + 1)}
    seen: dict[str, int] = {}
    for i, dec in enumerate(out):
        text = dec.kept_text if dec.kept else dec.block.text
        if dec.kept and i in counters:
            out[i] = replace(dec, role=None, reason="gallery", rule="drop_gallery:counter")
            continue
        if dec.kept and counters and _is_control(text):
            out[i] = replace(dec, role=None, reason="gallery", rule="drop_gallery:control")
            continue
        key = _key(text)
        if len(key.split()) < d.GALLERY_REPEAT_MIN_WORDS_DEFAULT:
            continue
        first = seen.setdefault(key, i)
        if first == i or i - first <= 1 or not dec.kept:
            continue
        if out[first].role == "caption" or dec.role == "caption" or i in near_counter:
            out[i] = replace(dec, role=None, reason="gallery", rule="drop_gallery:repeated-caption")
    return out
