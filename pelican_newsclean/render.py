"""Text to HTML: escaped paragraphs for plain text, and the attribution footer."""

from __future__ import annotations

import functools
import html
import os
import re
from importlib import resources
from typing import Any, Iterable, Mapping, Optional
from urllib.parse import urlsplit

import jinja2

FOOTER_MARKER = 'data-newsclean="footer"'
"""Present on the footer's outer element: a body holding it already has its footer."""

SHIPPED_TEMPLATE = "footer.html"

_ASCII_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def collapse_space(text: str) -> str:
    """Runs of ASCII white space as one space, trimmed (no-break spaces are kept).

    >>> collapse_space("  a\\t b\\n")
    'a b'
    """
    return _ASCII_SPACE.sub(" ", text).strip(" ")


def paragraphs_html(lines: Iterable[str]) -> str:
    """One escaped ``<p>`` per line of plain text: markup in the text shows as text.

    >>> paragraphs_html(["a <script> tag", "b & c"])
    '<p>a &lt;script&gt; tag</p>\\n<p>b &amp; c</p>\\n'
    """
    return "".join(f"<p>{html.escape(line, quote=False)}</p>\n" for line in lines)


def safe_url(url: Optional[str]) -> Optional[str]:
    """The URL when it is an absolute http(s) address, else None (no javascript:, data:...).

    >>> safe_url("https://example.org/a"), safe_url("javascript:alert(1)")
    ('https://example.org/a', None)
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    return url


def has_footer(body: Optional[str]) -> bool:
    """Whether an HTML body already carries the attribution footer."""
    return bool(body) and FOOTER_MARKER in body


@functools.lru_cache(maxsize=8)
def _environment(folder: str) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.ChainableUndefined,
    )


@functools.lru_cache(maxsize=1)
def _shipped_folder() -> str:
    return str(resources.files(__package__) / "templates")


def load_template(template_path: Optional[str] = None) -> jinja2.Template:
    """The footer template (the shipped one when ``template_path`` is None).

    Raises ``jinja2.TemplateError`` (a syntax error, a missing file) or
    ``OSError``. Jinja reloads a template whose file changed.
    """
    if template_path is None:
        folder, name = _shipped_folder(), SHIPPED_TEMPLATE
    else:
        folder, name = os.path.split(os.path.abspath(template_path))
    return _environment(folder).get_template(name)


def render_footer(variables: Mapping[str, Any], template_path: Optional[str] = None) -> str:
    """Render the footer template (the shipped one when ``template_path`` is None).

    A custom template that forgets the marker is wrapped in an element that
    carries it, so the footer is still never added twice.
    """
    rendered = load_template(template_path).render(**variables).strip()
    if FOOTER_MARKER not in rendered:
        rendered = f'<div class="newsclean-attribution" {FOOTER_MARKER}>\n{rendered}\n</div>'
    return rendered
