"""The attribution footer: rendered from a Jinja2 template, autoescaped.

The shipped template is ``templates/footer.html``; a site may name its own
(``NEWSCLEAN["footer_template"]``). The outer element carries
:data:`FOOTER_MARKER`, which is what keeps a footer single across cached builds.
"""

from __future__ import annotations

from collections.abc import Mapping
import functools
from importlib import resources
import os
import tomllib
from typing import Any

import jinja2

FOOTER_MARKER = 'data-newsclean="footer"'
"""Present on the footer's outer element: a body holding it already has its footer."""

SHIPPED_TEMPLATE = "footer.html"


def has_footer(body: str | None) -> bool:
    """Whether an HTML body already carries the attribution footer."""
    return bool(body) and FOOTER_MARKER in body  # type: ignore[operator]


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


def load_template(template_path: str | None = None) -> jinja2.Template:
    """The footer template (the shipped one when ``template_path`` is None).

    Raises ``jinja2.TemplateError`` (a syntax error, a missing file) or
    ``OSError``. Jinja reloads a template whose file changed.
    """
    if template_path is None:
        folder, name = _shipped_folder(), SHIPPED_TEMPLATE
    else:
        folder, name = os.path.split(os.path.abspath(template_path))
    return _environment(folder).get_template(name)


def template_problem(template_path: str) -> str | None:
    """Why a footer template cannot be used (None: it can), naming the file and line."""
    try:
        load_template(template_path)
    except (jinja2.TemplateError, OSError, UnicodeDecodeError) as error:
        where = getattr(error, "lineno", None)
        line = f", line {where}," if where else ""
        return f"{template_path}{line} cannot be used ({type(error).__name__}: {error})"
    return None


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, str]]:
    return tomllib.loads((resources.files(__package__) / "templates" / "footer.toml").read_text(encoding="utf-8"))


def footer_words(lang: str | None) -> dict[str, str]:
    """The footer's words in a language (``fr``, ``fr_CA``, ``de-AT``...), English when there are none.

    >>> footer_words("fr-CA")["published_by"], footer_words("xx")["published_by"]
    ('Publié à l’origine par', 'Originally published by')
    """
    words = _words()
    code = (lang or "en").replace("_", "-").split("-")[0].lower()
    return {**words["en"], **words.get(code, {})}


def render_footer(variables: Mapping[str, Any], template_path: str | None = None, lang: str | None = None) -> str:
    """Render the footer template (the shipped one when ``template_path`` is None), in the
    article's language ``lang``.

    A custom template that forgets the marker is wrapped in an element that
    carries it, so the footer is still never added twice.
    """
    values = {"words": footer_words(lang), "also": [], "also_more": 0, **variables}
    rendered = load_template(template_path).render(**values).strip()
    if FOOTER_MARKER not in rendered:
        rendered = f'<div class="newsclean-attribution" {FOOTER_MARKER}>\n{rendered}\n</div>'
    return rendered
