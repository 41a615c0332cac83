"""The attribution footer: rendered from a Jinja2 template, autoescaped.

The shipped template is ``templates/footer.html``; a site may name its own
(``NEWSCLEAN["footer_template"]``). The outer element carries
:data:`FOOTER_MARKER`, which is what keeps a footer single across cached builds.
"""

from __future__ import annotations

import functools
import os
from importlib import resources
from typing import Any, Mapping, Optional

import jinja2

FOOTER_MARKER = 'data-newsclean="footer"'
"""Present on the footer's outer element: a body holding it already has its footer."""

SHIPPED_TEMPLATE = "footer.html"


def has_footer(body: Optional[str]) -> bool:
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


def template_problem(template_path: str) -> Optional[str]:
    """Why a footer template cannot be used (None: it can), naming the file and line."""
    try:
        load_template(template_path)
    except (jinja2.TemplateError, OSError, UnicodeDecodeError) as error:
        where = getattr(error, "lineno", None)
        line = f", line {where}," if where else ""
        return f"{template_path}{line} cannot be used ({type(error).__name__}: {error})"
    return None


def render_footer(variables: Mapping[str, Any], template_path: Optional[str] = None) -> str:
    """Render the footer template (the shipped one when ``template_path`` is None).

    A custom template that forgets the marker is wrapped in an element that
    carries it, so the footer is still never added twice.
    """
    rendered = load_template(template_path).render(**variables).strip()
    if FOOTER_MARKER not in rendered:
        rendered = f'<div class="newsclean-attribution" {FOOTER_MARKER}>\n{rendered}\n</div>'
    return rendered
