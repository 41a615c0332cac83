"""The same story more than once: distinct slugs, and groups of syndicated copies.

Two scrapes of the same wire story carry the same headline, so Pelican would
give them the same slug and stop the build. A republished article whose slug
another article has (its title's, or one its file chose) gets one made of it
and its publisher (and, for the same page scraped twice, of its file),
whatever order the files are read in; the site's own articles keep theirs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import hashlib
import logging
from typing import Any

from pelican.utils import slugify

logger = logging.getLogger(__name__)


@dataclass
class Slugs:
    """The slugs of one build: who has each, and which republished articles share one."""

    own: set[str] = field(default_factory=set)
    republished: dict[str, list[Any]] = field(default_factory=dict)

    def add_own(self, article: Any) -> None:
        """An article of the site's own: its slug is taken; republished ones that had it are renamed."""
        slug = getattr(article, "slug", None)
        if slug:
            self.own.add(slug)
            if slug in self.republished:
                _rename(self.republished[slug])

    def add_republished(self, article: Any, publisher: str | None) -> None:
        """A republished article: renamed, with the others of its slug, when the slug is shared
        (one its file chose too: kept when no other article has it, else Pelican stops the build).
        """
        slug = getattr(article, "slug", None)
        if not slug:
            return
        article.newsclean_slug_parts = (slug, publisher)
        group = self.republished.setdefault(slug, [])
        group.append(article)
        if len(group) > 1 or slug in self.own or _writes_site_page(article, slug):
            _rename(group)


def site_pages(settings: Any) -> frozenset[str]:
    """Where Pelican writes the pages of its direct templates (``index.html``, ``archives.html``...):
    an article written there would stop the build (Pelican does not write one file twice).
    """
    return frozenset(
        str(settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")) for name in settings.get("DIRECT_TEMPLATES", ())
    )


def site_slug(text: str, settings: Any) -> str:
    """``text`` slugified as this site slugifies (its SLUG_REGEX_SUBSTITUTIONS, case, unicode)."""
    return str(
        slugify(
            text,
            regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
            preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
            use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
        )
    )


def _rename(group: list[Any]) -> None:
    """Give each article of a group a slug of its title and publisher; of its file too if those are shared."""
    made = {}
    for article in group:
        base, publisher = article.newsclean_slug_parts
        made[id(article)] = site_slug(f"{base} {publisher}", article.settings) if publisher else base
    counts: dict[str, int] = {}
    for slug in made.values():
        counts[slug] = counts.get(slug, 0) + 1
    for article in group:
        slug = made[id(article)]
        if counts[slug] > 1 or _writes_site_page(article, slug):
            path = str(getattr(article, "relative_source_path", "") or article.source_path)
            slug = f"{slug}-{hashlib.sha256(path.encode('utf-8')).hexdigest()[:6]}"
        if article.slug != slug:
            logger.info(
                "newsclean: %s: slug %r is shared by another article: using %r",
                article.source_path,
                article.newsclean_slug_parts[0],
                slug,
            )
            article.slug = slug


def _writes_site_page(article: Any, slug: str) -> bool:
    """Whether ``article`` would be written where a direct template's page is, with ``slug``."""
    old = article.slug
    article.slug = slug
    try:
        return getattr(article, "save_as", None) in site_pages(article.settings)
    finally:
        article.slug = old
