"""Generic rules: small named questions about one block, needing no profile.

Each function answers one question (is this site furniture? a caption? a
dateline? a headline?) and is pure. :mod:`pelican_newsclean.classify`
combines them with the block's context.
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources
from typing import Iterable, Optional

from .phrases import Hit, Probe, RuleTable, compile_rules, phrase_key, required_strings


@functools.lru_cache(maxsize=1)
def generic_rules() -> RuleTable:
    """The shipped generic phrase rules (``data/boilerplate.toml``)."""
    source = (resources.files(__package__) / "data" / "boilerplate.toml").read_text(encoding="utf-8")
    return compile_rules(tomllib.loads(source)["rules"], "data/boilerplate.toml", "phrase")


@functools.lru_cache(maxsize=16)
def custom_rules(phrases: tuple[str, ...]) -> RuleTable:
    """Rules for a user's extra phrases: a block equal to or starting with one."""
    return compile_rules([{"reason": "custom", "exact": list(phrases), "starts": list(phrases)}], "extra phrases", "extra")


def phrase_hit(text: "str | Probe", rules: Iterable[RuleTable]) -> Optional[Hit]:
    """The first hit of any rule table on a block."""
    probe = text if isinstance(text, Probe) else Probe.of(text)
    for table in rules:
        hit = table.first_hit(probe)
        if hit:
            return hit
    return None


# --- widget lines: "Zoom In Zoom Out Read Later Print", "Share Tweet Email" ---

_SHARE_WORDS = frozenset(
    "share shares tweet email e-mail facebook twitter x linkedin whatsapp telegram reddit "
    "pinterest messenger flipboard copy link sms".split()
)
_PAGE_WORDS = frozenset("print zoom bookmark save font size listen a+ a- aa".split())
_FILLER_WORDS = frozenset("in out on via read later this article story page link text the to + - |".split())
_WORD = re.compile(r"[\w+\-]+")


def widget_hit(text: str) -> Optional[Hit]:
    """A line made only of share or page-tool buttons (share, print, zoom...)."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if not words or len(words) > 12:
        return None
    share = sum(w in _SHARE_WORDS for w in words)
    page = sum(w in _PAGE_WORDS for w in words)
    if share + page == 0 or any(w not in _SHARE_WORDS | _PAGE_WORDS | _FILLER_WORDS for w in words):
        return None
    return Hit("share-widget" if share >= page else "page-widget", "widget-line")


# --- captions ---

_CREDIT = re.compile(
    r"(?:\((?:[A-Z][\w.&-]* )*Photo(?:graph)?s?\s*/[^()]{2,80}\)"  # (AP Photo/Name)
    r"|\b(?:Photo|Image|Picture|Credit|Foto|Fotó|Bild|Фото)s?\s*(?:credit)?\s*[:/]\s*[^.]{2,80}"
    r"|\b[\w.'-]+(?: [\w.'-]+){0,3} / (?:AFP|AP|Reuters|EPA|Getty Images|Getty|Shutterstock|Bloomberg"
    r"|TASS|Xinhua|Anadolu|SIPA|PA|DPA|ANSA|Kyodo|Yonhap|Alamy|iStock)\b"
    r"|\b(?:Getty Images|Shutterstock|Alamy Stock Photo|AFP via Getty Images))\s*\)?\s*$"
)


_CREDIT_CUES = required_strings(_CREDIT) or ("",)


def doubled_caption(text: str) -> Optional[str]:
    """The caption, when a block is the same caption printed twice.

    The half must read as text (four words or more, three of them different),
    so that a rule of dashes or a laugh ("ha ha ha") is not halved.
    """
    n = len(text)
    if n < 20:
        return None
    half = (n - 1) // 2
    for cut in (half, *range(half - 3, half + 4)):  # exact halves first, then odd spacing
        if 0 < cut < n:
            first = text[:cut].strip()
            if first == text[cut:].strip():
                words = first.split()
                return first if len(words) >= 4 and len(set(words)) >= 3 else None
    return None


def is_caption(text: str) -> bool:
    """A photo caption: a block that ends with a photo credit."""
    if len(text) >= 600:
        return False
    tail = text[-160:]
    lowered = tail.lower()
    return any(cue in lowered for cue in _CREDIT_CUES) and bool(_CREDIT.search(tail))


# --- datelines and wire services ---

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}(?:,\s*[A-Z][\w.'’\- ]{1,30})?)"
    r"\s*(?:\((?P<wire>AP|Reuters|AFP|Bloomberg|dpa|UPI|CNN|Xinhua|TASS)\))?\s*[-—–:]?\s*$"
)


def is_dateline(text: str) -> bool:
    """A dateline alone on its line: ``MOSCOW -``, ``PARIS (AFP) —``."""
    m = _DATELINE.match(text.strip())
    return bool(m) and (m.group("wire") is not None or text.rstrip()[-1:] in "-—–:") and len(text) < 60


# --- headlines ---

_SENTENCE_END = re.compile(r"[.!。！]\s*[\"'”’»)]?$")


def is_headline_like(text: str) -> bool:
    """Short, a few words, not a finished sentence: reads like a headline."""
    words = text.split()
    if len(text) > 250 or _SENTENCE_END.search(text):
        return False
    if len(words) >= 4:
        return True
    # Scripts without spaces: count characters instead.
    return len(words) < 4 and len(text) >= 12 and not text.isascii() and len(words) <= 2


def is_prose(text: str) -> bool:
    """A finished sentence or more: eight words or more, ending like a sentence."""
    return bool(_SENTENCE_END.search(text)) and (len(text.split()) >= 8 or (not text.isascii() and len(text) >= 30))


def is_label(text: str) -> bool:
    """A section label or kicker above a headline: one to three words, no sentence."""
    return len(text.split()) <= 3 and len(text) < 40 and not text.rstrip().endswith((".", "!", "?", "。", "！", "？"))


# --- a nag glued to an article sentence ---

_GLUE = re.compile(r"(?<=[a-z0-9)][.!?])(?=[A-Z“\"])")


def glue_points(text: str) -> list[int]:
    """Offsets where one sentence ends and the next starts with no space."""
    return [m.start() for m in _GLUE.finditer(text)]


def content_words(text: str) -> set[str]:
    """The words of a block that carry meaning (long enough, not numbers)."""
    return {w for w in (m.casefold() for m in re.findall(r"\w+", text)) if len(w) > 3 and not w.isdigit()}


__all__ = [
    "generic_rules", "custom_rules", "phrase_hit", "widget_hit", "doubled_caption", "is_caption",
    "is_dateline", "is_headline_like", "is_label", "is_prose", "glue_points", "content_words", "phrase_key",
]
