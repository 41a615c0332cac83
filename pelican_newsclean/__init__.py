"""pelican-newsclean: turn scraped news articles into clean blog posts.

The cleaning core is a pure library that knows nothing of Pelican::

    >>> from pelican_newsclean import clean_text
    >>> clean_text("Skip to main content\\nThe mayor opened the new bridge on Monday.").paragraphs
    ('The mayor opened the new bridge on Monday.',)

The Pelican plugin is enabled with ``PLUGINS = ["pelican_newsclean"]``; its
glue is imported only by :func:`register`.
"""

from .clean import clean_blocks, clean_bytes, clean_text, split_blocks
from .config import DEFAULT_CONFIG, Config
from .decode import UndecodableError, decode_bytes
from .encoding import repair_line, repair_text
from .model import Block, CleanResult, Decision, Removal, Repair
from .profiles import Profile, ProfileError, load_profiles

__all__ = [
    "clean_text", "clean_bytes", "clean_blocks", "split_blocks", "Config", "DEFAULT_CONFIG",
    "decode_bytes", "UndecodableError", "repair_line", "repair_text", "Block", "CleanResult",
    "Decision", "Removal", "Repair", "Profile", "ProfileError", "load_profiles", "register",
]

# ---------------------------------------------------------------------------
# Pelican plugin entry point. Kept import-light: importing the library does not
# import Pelican nor register a reader; register() brings the glue in lazily.
# ---------------------------------------------------------------------------


def register() -> None:
    """Connect the plugin to Pelican (``PLUGINS = ["pelican_newsclean"]``).

    Signals used, and why each:

    - ``initialized``: validate the ``NEWSCLEAN`` setting once, so a bad key is
      reported (as an ERROR naming it) at the start of the build.
    - ``readers_init``: add the reader of scraped text files for the configured
      extensions (``.txt`` by default). The reader only decodes the bytes,
      reads the optional ``Key: value`` header, finds a title, and returns the
      body as escaped paragraphs: Pelican caches what a reader returns by file
      path and time, not by settings, so no cleaning is done there.
    - ``article_generator_context`` / ``page_generator_context``: repair
      mojibake in the title and text metadata before Pelican makes the slug
      from the title.
    - ``content_object_init``: clean the body of every republished article
      (a scraped text, an article with ``Source``/``Source_URL`` metadata, or
      every article under ``clean_all``) through one HTML code path, set its
      summary from the cleaned body, then append the attribution footer.
      It changes ``_content`` only (``content`` and ``summary`` are memoized),
      skips static files, and never adds a footer to a body that has one.
    - ``all_generators_finalized``: gather each article's record
      (``article.newsclean``) from the content objects, cached ones included.
    - ``finalized``: write the JSON build report under ``OUTPUT_PATH``.
    """
    from . import plugin

    plugin.connect()
