"""Untrusted HTML: an allow-list sanitiser (nh3) that says what it took out.

A republished body (a Markdown, HTML or reST article with ``Source``, a saved
web page) comes from a site the owner does not control. :func:`sanitise_html`
keeps the markup of text (paragraphs, headings, lists, tables, links, images)
and drops everything that could run or steer: scripts, frames, forms, event
handlers, styles, ``javascript:``/``data:`` URLs, tracking pixels, and
Pelican's own link syntax (``{filename}``, ``{attach}``…), which would make
Pelican copy or link files of the site. Each thing dropped is listed.
"""

from __future__ import annotations

from dataclasses import dataclass
import functools
import html
import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import nh3

from .blocks import CAPTION_CLASS

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

ALLOWED_TAGS = frozenset(nh3.ALLOWED_TAGS)
"""The elements kept: nh3's (ammonia's) defaults, the markup of text."""

ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(attributes) for tag, attributes in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": {"lang", "title"},
}
"""The attributes kept, by element (``*``: on any)."""

ALLOWED_CLASSES = {"p": {CAPTION_CLASS}}
"""The classes kept (``class`` is no attribute of the list above): only those the cleaner gives."""

URL_SCHEMES = frozenset({"http", "https", "mailto"})
"""The schemes a link or image may use (relative URLs are kept)."""

URL_ATTRIBUTES = frozenset({"href", "src", "cite", "action", "formaction", "poster", "data", "srcset", "background"})

DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "template",
        "iframe",
        "object",
        "embed",
        "noscript",
        "textarea",
        "select",
        "button",
        "applet",
        "frame",
        "frameset",
        "svg",
        "math",
    }
)
"""Elements dropped with everything inside them (what nh3 would keep of their text is noise)."""

SITE_LINK_DEFAULT = re.compile(r"[{|](?P<what>.*?)[|}]")
"""Pelican's default intra-site link syntax (``INTRASITE_LINK_REGEX``), at the start of a URL."""

PIXEL_MAX = 1
"""An image this many pixels wide or high, or less, is a tracking pixel."""


@dataclass(frozen=True)
class Dropped:
    """One thing the sanitiser took out: what (as text) and why.

    ``reason`` is ``script`` (an element that runs or embeds), ``markup`` (an
    element outside the allow-list), ``event-handler``, ``attribute``,
    ``unsafe-url``, ``site-link`` (Pelican's link syntax) or ``tracking-pixel``.
    """

    what: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        """As JSON for the report."""
        return {"what": self.what, "reason": self.reason}


@dataclass(frozen=True)
class Sanitised:
    """A sanitised body and what was dropped from it."""

    html: str
    dropped: tuple[Dropped, ...]


_RUNS = frozenset({"script", "iframe", "object", "embed", "applet", "frame", "frameset", "svg", "math", "noscript"})


def _scheme(value: str) -> str | None:
    """The scheme of a URL as a browser reads it (control characters and spaces ignored)."""
    squeezed = "".join(ch for ch in html.unescape(value) if ch > " ").lower()
    try:
        return urlsplit(squeezed).scheme or None
    except ValueError:
        return "invalid"


def _is_pixel(element: Tag) -> bool:
    for size in (element.get("width"), element.get("height")):
        number = size.strip().rstrip("px").strip() if isinstance(size, str) else ""
        if number.isdigit() and int(number) <= PIXEL_MAX:
            return True
    style = str(element.get("style", "")).replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _survey(soup: BeautifulSoup, site_link: re.Pattern[str]) -> list[Dropped]:
    """What the allow-list will drop, listed; tracking pixels and embedded code taken out of the tree."""
    dropped: list[Dropped] = []
    for element in list(soup.find_all(True)):
        if getattr(element, "decomposed", False):  # inside an element already taken out
            continue
        name = element.name
        if name in DROPPED_WITH_CONTENT:
            dropped.append(Dropped(f"<{name}>", "script" if name in _RUNS else "markup"))
            element.decompose()
            continue
        if name == "img" and _is_pixel(element):
            dropped.append(Dropped(f"<img src={element.get('src', '')!r}>", "tracking-pixel"))
            element.decompose()
            continue
        if name not in ALLOWED_TAGS:
            dropped.append(Dropped(f"<{name}>", "markup"))
        allowed = ALLOWED_ATTRIBUTES.get(name, set()) | ALLOWED_ATTRIBUTES["*"]
        for attribute, value in list(element.attrs.items()):
            value = " ".join(value) if isinstance(value, list) else str(value)
            if attribute.lower().startswith("on"):
                dropped.append(Dropped(f"{attribute} on <{name}>", "event-handler"))
            elif attribute in URL_ATTRIBUTES and site_link.match(value.strip()):
                dropped.append(Dropped(f"{attribute}={value!r} on <{name}>", "site-link"))
                del element[attribute]
            elif attribute in URL_ATTRIBUTES and (_scheme(value) or "http") not in URL_SCHEMES:
                dropped.append(Dropped(f"{attribute}={value[:80]!r} on <{name}>", "unsafe-url"))
            elif attribute not in allowed and name in ALLOWED_TAGS:
                ours = (
                    name == "p"
                    and CAPTION_CLASS in element.get_attribute_list("class")
                    and attribute in ("class", "style")
                )
                if not ours:  # the caption's class and look are the cleaner's, put back after sanitising
                    dropped.append(Dropped(f"{attribute} on <{name}>", "attribute"))
    return dropped


def sanitise_html(body: str, site_link: re.Pattern[str] = SITE_LINK_DEFAULT) -> Sanitised:
    """An untrusted HTML body, sanitised, and what was dropped.

    >>> s = sanitise_html('<p onclick="x()">Hi <script>alert(1)</script><a href="javascript:x">a</a></p>')
    >>> s.html
    '<p>Hi <a rel="nofollow noopener noreferrer">a</a></p>'
    >>> [d.reason for d in s.dropped]
    ['event-handler', 'script', 'unsafe-url']
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body, "html.parser")
    dropped = _survey(soup, site_link)

    def keep_attribute(element: str, attribute: str, value: str) -> str | None:
        if attribute in URL_ATTRIBUTES and site_link.match(value.strip()):
            return None
        return value

    cleaned = _defuse_site_links(
        nh3.clean(
            str(soup),
            tags=set(ALLOWED_TAGS),
            clean_content_tags=set(DROPPED_WITH_CONTENT - ALLOWED_TAGS),
            attributes=ALLOWED_ATTRIBUTES,
            allowed_classes=ALLOWED_CLASSES,
            attribute_filter=keep_attribute,
            url_schemes=set(URL_SCHEMES),
            link_rel="nofollow noopener noreferrer",
            strip_comments=True,
        ),
        site_link,
        dropped,
    )
    return Sanitised(cleaned, tuple(dropped))


# Pelican's own search for its link syntax (``Content._get_intrasite_link_regex``) looks in each
# tag for one of these attributes, then a quoted value that opens with the syntax. It does not read
# HTML: the "attribute" may be text inside another attribute's value (``title="src='{attach}../x'"``),
# and what it finds it rewrites, unescaping it, or copies.
_LINK_ATTRIBUTE = r"""(?P<nc_opening>(?:href|src|poster|data|cite|formaction|action|content)\s*=\s*["\'])"""
_TAG = re.compile(r"<[^>]+")  # a tag as Pelican's search sees one: up to its first ">"


@functools.lru_cache(maxsize=8)
def _link_opening(syntax: str) -> re.Pattern[str]:
    """Where Pelican's search would find the link syntax ``syntax`` in a tag: the attribute's
    opening, then the syntax's first character (compiled once per syntax, verbose as Pelican
    compiles it; Pelican's default syntax where the site's cannot be put in).
    """
    try:
        return re.compile(f"{_LINK_ATTRIBUTE}(?=(?:{syntax}))(?P<nc_first>[^&])", re.X)
    except re.error:
        return re.compile(f"{_LINK_ATTRIBUTE}(?=(?:{SITE_LINK_DEFAULT.pattern}))(?P<nc_first>[^&])", re.X)


def _defuse_site_links(body: str, site_link: re.Pattern[str], dropped: list[Dropped]) -> str:
    """``body`` with every place Pelican would read as its link syntax defused: the syntax's
    first character written as a character reference, which a browser reads as the same
    character and Pelican's search does not match. Each is listed as a ``site-link``.
    """
    opening = _link_opening(site_link.pattern)

    def defuse(found: re.Match[str]) -> str:
        start = found.start("nc_first")
        end = found.string.find(found["nc_opening"][-1], start, start + 80)  # up to its quote
        dropped.append(Dropped(found.string[start : end if end >= 0 else start + 80], "site-link"))
        return f"{found['nc_opening']}&#{ord(found['nc_first'])};"

    return _TAG.sub(lambda tag: opening.sub(defuse, tag[0]), body)


def text_of_html(value: str) -> str:
    """The text of an HTML fragment: tags (and scripts) dropped, entities read.

    >>> text_of_html('Ben &amp; Jerry<script>x()</script> <b>say</b> "hi"')
    'Ben & Jerry say "hi"'
    """
    return html.unescape(nh3.clean(value, tags=set(), clean_content_tags=set(DROPPED_WITH_CONTENT)))


def escape_text(text: str, quotes: bool = True) -> str:
    """Text as HTML: ``& < >`` escaped, and quotes (``"`` always, ``'`` when ``quotes``).

    >>> escape_text('"O\\'Brien" <b>'), escape_text("O'Brien", quotes=False)
    ('&quot;O&#x27;Brien&quot; &lt;b&gt;', "O'Brien")
    """
    escaped = html.escape(text, quote=True)
    return escaped if quotes else escaped.replace("&#x27;", "'")
