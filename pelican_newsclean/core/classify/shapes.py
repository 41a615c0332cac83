"""Block shapes: small named questions about one block, needing no profile.

Each function answers one question (is this a row of share buttons? a photo
caption? a dateline? a headline? a byline?) and is pure.
:mod:`~pelican_newsclean.core.classify` combines them with the block's context.
"""

from __future__ import annotations

import re

from pelican_newsclean.core.text import MONTHS, SENTENCE_END, SENTENCE_ENDS, SENTENCE_STOPS, WORD
from pelican_newsclean.core.wires import DATELINE_CREDITS, PHOTO_AGENCIES, alternation
from pelican_newsclean.data import load_toml

from . import defaults
from .rules import Hit, required_strings

# --- widget lines: "Zoom In Zoom Out Read Later Print", "Share Tweet Email" ---

_SHARE_WORDS = frozenset(
    [
        "share",
        "shares",
        "tweet",
        "email",
        "e-mail",
        "facebook",
        "twitter",
        "x",
        "linkedin",
        "whatsapp",
        "telegram",
        "reddit",
        "pinterest",
        "messenger",
        "flipboard",
        "copy",
        "link",
        "sms",
    ]
)
_PAGE_WORDS = frozenset(["print", "zoom", "bookmark", "save", "font", "size", "listen", "a+", "a-", "aa"])
_FILLER_WORDS = frozenset(
    [
        "in",
        "out",
        "on",
        "via",
        "read",
        "later",
        "this",
        "article",
        "story",
        "page",
        "link",
        "text",
        "the",
        "to",
        "+",
        "-",
        "|",
    ]
)
_WIDGET_WORDS = _SHARE_WORDS | _PAGE_WORDS | _FILLER_WORDS
_BUTTON = re.compile(r"[\w+\-]+")  # a button's label: "A+" and "e-mail" are one


def widget_hit(text: str) -> Hit | None:
    """A line made only of share or page-tool buttons (share, print, zoom...)."""
    words: list[str] = []
    for found in _BUTTON.finditer(text):  # a line of prose is told by its first words
        word = found.group().casefold()
        if word not in _WIDGET_WORDS or len(words) == defaults.WIDGET_MAX_WORDS_DEFAULT:
            return None
        words.append(word)
    share = sum(w in _SHARE_WORDS for w in words)
    page = sum(w in _PAGE_WORDS for w in words)
    if share + page == 0:
        return None
    return Hit("share-widget" if share >= page else "page-widget", "remove_boilerplate:widget-line")


# --- captions and photo credits ---

_CREDIT = re.compile(
    r"(?:\((?:[A-Z][\w.&-]* )*Photo(?:graph)?s?\s*/[^()]{2,80}\)"  # (AP Photo/Name)
    r"|\b(?:Photo|Image|Picture|Credit|Foto|Fotó|Bild|Фото)s?\s*(?:credit)?\s*[:/]\s*[^.]{2,80}"
    rf"|\b[\w.'-]+(?: [\w.'-]+){{0,3}} / (?:{alternation(PHOTO_AGENCIES)})\b"
    r"|\b(?:Getty Images|Shutterstock|Alamy Stock Photo|AFP via Getty Images))\s*\)?\s*$"
)
_CREDIT_CUES = required_strings(_CREDIT) or ("",)

# A credit line opens with "Photo:", "Credit:", "Photo by"... or with a name and a slash ("Name / AFP").
_CREDIT_WORD = re.compile(
    r"^\(?\s*(photo|photos|foto|fotos|image|images|picture|credit|credits|"
    r"bild|imagem|immagine|фото|사진)\b\s*(by)?\s*[:/.…]"
)
_SLASHED = re.compile(r"^\(?[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} ?/ ?[A-Z]")
_AGENCY = re.compile(rf"\b(?i:{alternation(PHOTO_AGENCIES)})\b")
# "... (Photo: Name)" closing a caption.
_BRACKETED_CREDIT = re.compile(
    r"\((photo|photos|image|images|picture|foto|fotos|credit|bild|imagem)\s*:[^()]*\)\W*$",
    re.IGNORECASE,
)


def doubled_caption(text: str) -> str | None:
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
    if len(text) >= defaults.CAPTION_MAX_CHARS_DEFAULT:
        return False
    tail = text[-160:]
    lowered = tail.lower()
    return any(cue in lowered for cue in _CREDIT_CUES) and bool(_CREDIT.search(tail))


def opens_with_credit(text: str) -> bool:
    """A block that opens like a photo credit: "Photo: ...", "Name / AFP". In capitals
    throughout, "A/B" is a credit only when it names an agency ("AFP/GETTY IMAGES"; a
    section heading such as "CALENDAR/CLOCK" is none).
    """
    if _CREDIT_WORD.match(text):
        return True
    return bool(_SLASHED.match(text)) and (not text.isupper() or bool(_AGENCY.search(text)))


def ends_with_bracketed_credit(text: str) -> bool:
    """A caption closed by a bracketed credit: "... (Photo: Name)"."""
    return bool(_BRACKETED_CREDIT.search(text))


# --- datelines, bylines, timestamps ---

_WIRE_CREDIT = rf"(?i:{alternation(DATELINE_CREDITS)})"
"""The wire's name a dateline may carry in brackets: ``PARIS (AFP) —``."""
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}(?:,\s*[A-Z][\w.'’\- ]{1,30})?)"
    rf"\s*(?:\((?P<wire>{_WIRE_CREDIT})\))?\s*[-—–:]?\s*$"
)


def is_dateline(text: str) -> bool:
    """A dateline alone on its line: ``MOSCOW -``, ``PARIS (AFP) —``."""
    m = _DATELINE.match(text.strip())
    return m is not None and (m.group("wire") is not None or text.rstrip()[-1:] in "-—–:") and len(text) < 60


# a place of words in capitals (the first of three letters or more), not any run of them as
# above: a paragraph's first words, unlike a line of their own, can be a kicker ("TV - Ten ...")
_DATELINED = re.compile(
    r"^[A-Z][A-Z.'’\-]{2,}(?: [A-Z][A-Z.'’\-]+){0,3}(?:,\s*[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){0,2})?"
    rf"\s*(?:\({_WIRE_CREDIT}\))?\s*(?:--|[—–-])\s+\S"
)


def opens_with_dateline(text: str) -> bool:
    """A paragraph that opens with its dateline: "BOISBRIAND, Quebec -- The ...",
    "SEOUL (Reuters) - North Korea ...": the lede of a news story.

    >>> opens_with_dateline("BOISBRIAND, Quebec -- Halifax's left wing was hurt on Saturday.")
    True
    >>> opens_with_dateline("HOT TODAY: ten recipes") or opens_with_dateline("TV - Ten shows to watch")
    False
    """
    return bool(_DATELINED.match(text))


_BYLINE = re.compile(
    r"^(by|von|por|di|de|par|oleh|door|av|af|автор|author|written by|words by|"
    r"text|texto|reporter)\b[:\s]",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"(\b\d{1,2}:\d{2}\b|\b(19|20)\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|"
    r"\b(am|pm|gmt|utc|est|edt|pst|pdt|cet|cest|bst|ist|kst|jst)\b|"
    r"(?<!\d)\d++\s*(min|mins|minutes?|hours?|hrs?|days?)\s+ago\b|(?<!\d)\d++\s*(hari|jam|시간|분|일)\b)",
    re.IGNORECASE,
)


def opens_like_byline(text: str) -> bool:
    """A block that opens like a byline: "By Jane Doe", "Von ...", "Oleh ..."."""
    return bool(_BYLINE.match(text))


def mentions_time(text: str) -> bool:
    """A block that names a time, a date or a year, or "3 hours ago" (not a duration: "Prep time: 1 hour")."""
    return bool(_TIME.search(text))


# --- headlines, prose, labels ---


_WEEKDAYS = "mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
_DATE_OPENING = re.compile(
    r"^\W*(?:(?:last\s+)?(?:updated|posted|published|modified)(?:\s+(?:on|at))?\s*:?\s*)?"
    rf"(?:(?:{_WEEKDAYS})\.?,?\s+)?"
    rf"(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\b"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\d{4}-\d{2}-\d{2}\b|\d{1,2}:\d{2}\b)",
    re.IGNORECASE,
)


def opens_with_date(text: str) -> bool:
    """A block that opens with a date or a time, as a timestamp does ("Monday, November 5, 2012",
    "Updated 9:10 AM EST", "7 July 2012 Last updated at 14:32"); not "2012 Holiday Gift Guide".
    Month and weekday names are English.
    """
    return _DATE_OPENING.match(text) is not None


def is_headline_like(text: str) -> bool:
    """Short, a few words, not a finished sentence: reads like a headline.

    Not a headline: a block too long for one, or one whose first sentence
    ended and a second went on (a lede that lost its final full stop), or a
    timestamp (:func:`opens_with_date`).
    """
    words = text.split()
    if len(text) > defaults.HEADLINE_MAX_CHARS_DEFAULT or SENTENCE_END.search(text) or opens_with_date(text):
        return False
    if len(words) > defaults.HEADLINE_MAX_WORDS_DEFAULT:
        return False
    if len(words) > defaults.HEADLINE_TWO_SENTENCES_WORDS_DEFAULT and SENTENCE_ENDS.search(text):
        return False
    if len(words) >= 4:
        return True
    # Scripts without spaces: count characters instead.
    return len(words) < 4 and len(text) >= 12 and not text.isascii() and len(words) <= 2


_META = re.compile(r"^(?P<label>[^\W\d_][\w .'’-]{0,24}?)\s*[:：]\s*(?P<rest>\S.*)$")
_META_SEPARATORS = re.compile(r"\s*[,|•·;#]\s*")
_META_LABELS = frozenset(
    [
        "tags",
        "tagged",
        "tagged with",
        "filed under",
        "filed in",
        "labels",
        "categories",
        "category",
        "posted in",
        "topics",
        "keywords",
        "schlagwörter",
        "schlagworte",
        "étiquettes",
        "mots-clés",
        "etiquetas",
        "temas",
        "argomenti",
        "tag",
        "метки",
        "теги",
        "теги статьи",
    ]
)


def is_meta_list(text: str) -> bool:
    """A page's own index terms: "Tags: bans, halo 4, xbox", "Filed under: Banking".

    The label is one of a few (tags, labels, filed under, categories...); a
    list of terms under another label ("Prep time: 2 hours | Serves: 4") may be
    the article's.

    >>> is_meta_list("Tags: bans, commentary, sexism"), is_meta_list("Serves: 4 | Prep time: 2 hours")
    (True, False)
    """
    m = _META.match(text)
    if not m or SENTENCE_END.search(text):
        return False
    items = [item for item in _META_SEPARATORS.split(m["rest"]) if item]
    if not items or any(len(item.split()) > defaults.META_ITEM_MAX_WORDS_DEFAULT for item in items):
        return False
    return " ".join(m["label"].lower().split()) in _META_LABELS


def is_prose(text: str) -> bool:
    """A finished sentence or more: eight words or more, ending like a sentence."""
    return bool(SENTENCE_END.search(text)) and (len(text.split()) >= 8 or (not text.isascii() and len(text) >= 30))


_QUOTED = re.compile(
    rf"[,.!?…][\"”’»]\s+(?:[\w.'’-]+\s+){{0,3}}?(?:{alternation(load_toml('comments.toml')['said'])})(?!\w)",
    re.IGNORECASE,
)


def quotes_someone(text: str) -> bool:
    """A block that reports what someone said (``"…," said Jane Doe``): article text, never a site's nag."""
    return bool(_QUOTED.search(text))


def is_label(text: str) -> bool:
    """A section label or kicker above a headline: one to three words, no sentence."""
    return len(text.split()) <= 3 and len(text) < 40 and not text.rstrip().endswith(SENTENCE_STOPS)


# --- a nag glued to an article sentence ---

# The stop first, then what stands before it: a pattern opening on a look-behind is tried at
# every character, one opening on a character class skips to the next stop.
_GLUE = re.compile(r"[.!?](?<=[a-z0-9)][.!?])(?=[A-Z“\"])")


def glue_points(text: str) -> list[int]:
    """Offsets where one sentence ends and the next starts with no space."""
    return [m.end() for m in _GLUE.finditer(text)]


def content_words(text: str) -> set[str]:
    """The words of a block that carry meaning (long enough, not numbers)."""
    return {w for w in (m.casefold() for m in WORD.findall(text)) if len(w) > 3 and not w.isdigit()}
