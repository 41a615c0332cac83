"""pelican-newsclean: turn scraped news articles into clean blog posts.

The cleaning core is a pure library that knows nothing of Pelican::

    >>> from pelican_newsclean import clean_text
    >>> clean_text("Skip to main content\\nThe mayor opened the new bridge on Monday.").paragraphs
    ('The mayor opened the new bridge on Monday.',)

The Pelican plugin is enabled with ``PLUGINS = ["pelican_newsclean"]``; its
wing (:mod:`pelican_newsclean.plugin`) is imported only by :func:`register`.
"""

__version__ = "0.2.0.dev0"

from .core.classify.profiles import Profile, ProfileError, load_profiles
from .core.config import DEFAULT_CONFIG, Config
from .core.model import Block, CleanResult, Decision, Removal, Repair
from .core.pipeline import clean_blocks, clean_bytes, clean_scraped, clean_text, split_blocks
from .core.read import Scraped, UndecodableError, decode_bytes, read_scraped
from .core.repair import repair_line, repair_text

__all__ = [
    "DEFAULT_CONFIG",
    "Block",
    "CleanResult",
    "Config",
    "Decision",
    "Profile",
    "ProfileError",
    "Removal",
    "Repair",
    "Scraped",
    "UndecodableError",
    "__version__",
    "clean_blocks",
    "clean_bytes",
    "clean_scraped",
    "clean_text",
    "decode_bytes",
    "load_profiles",
    "read_scraped",
    "register",
    "repair_line",
    "repair_text",
    "split_blocks",
]


def register() -> None:
    """Connect the plugin to Pelican (``PLUGINS = ["pelican_newsclean"]``).

    Signals used, and why each:

    - ``initialized``: start the build's state and validate the ``NEWSCLEAN``
      setting once, so a bad key is reported (as an ERROR naming it) at the
      start of the build.
    - ``readers_init``: add the reader of scraped text files for the configured
      extensions (``.txt`` by default). The reader decodes the bytes, reads
      the optional ``Key: value`` header and returns the body as escaped
      paragraphs: Pelican caches what a reader returns by file path and time,
      not by settings, so the body it returns is not cleaned there. To find a
      headline it cleans the text once and keeps the result for the body.
    - ``article_generator_context`` / ``page_generator_context``: repair
      mojibake in the title and text metadata before Pelican makes the slug
      from the title.
    - ``content_object_init``: clean the body of every republished article
      (a scraped text, an article with ``Source``/``Source_URL`` metadata, or
      every article under ``clean_all``), set its summary from the cleaned
      body, then append the attribution footer. It changes ``_content`` only
      (``content`` and ``summary`` are memoized), skips static files, and
      never adds a footer to a body that has one.
    - ``all_generators_finalized``: give each article its record escaped for
      themes (``article.newsclean``), and gather the records from the content
      objects, cached ones included.
    - ``finalized``: write the JSON build report under ``OUTPUT_PATH``, and
      end the build's state.
    """
    from .plugin import connect

    connect()
