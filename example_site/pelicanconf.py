"""Example site for pelican-newsclean: five scraped articles, one republished
Markdown piece and one own post, built with `pelican -s pelicanconf.py`."""

AUTHOR = "Newsclean Example"
SITENAME = "Newsclean example"
SITEURL = "https://example.org"
# Pages link to each other and to the stylesheet relatively, so output/index.html opens styled
# from disk; feeds still use SITEURL.
RELATIVE_URLS = True

PATH = "content"
OUTPUT_PATH = "output"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
# Articles without a Date get this one (a fixed date keeps builds reproducible).
DEFAULT_DATE = (2024, 1, 1)
DEFAULT_PAGINATION = False

# One Atom feed for the whole site; no per-category or per-author feeds.
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

PLUGINS = ["pelican_newsclean"]

# Every option has a default; these are shown for reference.
NEWSCLEAN = {
    "enabled": True,
    "extensions": ["txt"],
    "clean_all": False,
    "footer": True,
    "audit_dir": "newsclean-audit",  # beside output/: the audit is not deployed
    "min_words": 20,
}
