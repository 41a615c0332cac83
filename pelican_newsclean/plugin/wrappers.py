"""Authors, categories and tags of republished articles, whose names are escaped text.

Pelican's own classes, with the same names (Pelican reads settings such as
``TAG_URL`` by class name), that also say they are HTML (``__html__``): a
theme printing ``{{ tag }}`` gets the escaped name, and one printing
``{{ tag|e }}`` or autoescaping gets it once, not escaped twice. They equal
Pelican's own by slug, so a republished article's category groups with the
site's own.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from pelican import urlwrappers
from pelican_newsclean.core.html.sanitise import escape_text


class _Escaped:
    """A URLWrapper whose name is escaped text."""

    name: Any
    slug: Any

    def __html__(self) -> Markup:
        return Markup(self.name) if isinstance(self.name, Markup) else Markup(escape_text(str(self.name)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, urlwrappers.URLWrapper):
            return type(other).__name__ == type(self).__name__ and self.slug == other.slug
        return bool(super().__eq__(other))

    def __hash__(self) -> int:
        return hash(self.slug)


class Author(_Escaped, urlwrappers.Author):
    """An author of a republished article."""


class Category(_Escaped, urlwrappers.Category):
    """A category of a republished article."""


class Tag(_Escaped, urlwrappers.Tag):
    """A tag of a republished article."""


ESCAPED = {urlwrappers.Author: Author, urlwrappers.Category: Category, urlwrappers.Tag: Tag}
"""Pelican's class -> the escaped one."""
