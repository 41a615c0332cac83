"""Saved web pages: tell one from an article body, and find its article.

A whole saved page (site navigation around the article) is reduced to its
main content with trafilatura, when it is installed
(``pip install 'pelican-newsclean[html]'``).
"""

from __future__ import annotations

import importlib.util
from typing import Optional

from bs4 import BeautifulSoup

PAGE_TAGS = ("nav", "header", "footer", "aside")
"""Site furniture: a body holding one of these is a whole saved page."""

PAGE_LINKS_OUTSIDE_MAIN = 5
"""A body with this many links outside its ``<article>``/``<main>`` is a whole page."""


def looks_like_page(soup: BeautifulSoup) -> bool:
    """Whether a body is a whole saved web page rather than an article body."""
    if soup.find(PAGE_TAGS) is not None:
        return True
    main = soup.find(["article", "main"])
    if main is None:
        return False
    outside = [a for a in soup.find_all("a") if main not in a.parents]
    return len(outside) >= PAGE_LINKS_OUTSIDE_MAIN


def extractor_available() -> bool:
    """Whether trafilatura, the main-content extractor, is installed."""
    return importlib.util.find_spec("trafilatura") is not None


def extract_main(page: str) -> Optional[str]:
    """The main content of a saved page as HTML (trafilatura), or None.

    None when trafilatura is not installed (see :func:`extractor_available`)
    or finds no article in the page.
    """
    try:
        import trafilatura
    except ImportError:
        return None
    extracted = trafilatura.extract(
        page,
        output_format="html",
        include_comments=False,
        include_tables=True,
        include_links=True,
        include_formatting=True,
    )
    if not extracted:
        return None
    body = BeautifulSoup(extracted, "html.parser").body
    return body.decode_contents() if body is not None else extracted
