"""Every threshold of the classifier, named, in one place (as jusText's ``*_DEFAULT``).

Lengths are in words unless the name says characters; shares are fractions.
"""

from __future__ import annotations

# --- block shapes ---------------------------------------------------------------
WIDGET_MAX_WORDS_DEFAULT = 12
"""A row of share or page-tool buttons has at most this many words."""
CAPTION_MAX_CHARS_DEFAULT = 600
"""A photo caption is shorter than this."""
HEADLINE_MAX_CHARS_DEFAULT = 250
"""A headline is at most this long."""
META_ITEM_MAX_WORDS_DEFAULT = 5
"""A term in a "Tags: a, b, c" line is at most this many words."""
HEADLINE_MAX_WORDS_DEFAULT = 25
"""A headline is at most this many words."""
HEADLINE_TWO_SENTENCES_WORDS_DEFAULT = 15
"""A block of more words than this with a sentence end inside is prose, not a headline."""

# --- context passes -------------------------------------------------------------
RELATED_OVERLAP_MAX_DEFAULT = 0.34
"""A block after a related-stories header that shares more than this share of
its content words with the article is article text, and ends the tail."""
ARTICLE_STARTED_WORDS_DEFAULT = 40
"""The article "has begun" once this many words of prose were kept."""
SCRIPT_SAMPLE_CHARS_DEFAULT = 4000
"""The article's script is judged from this many characters of its kept text."""

# --- statistical pass: one block ------------------------------------------------
SHORT_WORDS_DEFAULT = 6
"""A block of fewer words is short: too short to judge by its words."""
STOP_HIGH_DEFAULT = 0.55
"""A block whose stop-word share is this share of the document's typical one reads as prose..."""
STOP_LOW_DEFAULT = 0.35
"""...and below this share of it, as something else (names, menus, lists)."""
GOOD_WORDS_DEFAULT = 12
"""A prose block has at least this many words..."""
GOOD_LONG_WORDS_DEFAULT = 20
"""...and one this long counts as prose with fewer stop words, if it ends like a sentence."""
GOOD_NO_STOPLIST_WORDS_DEFAULT = 15
"""Without a stop list for the language, prose is this long and holds a sentence."""
MARKUP_MIN_TAGS_DEFAULT = 4
"""A block showing at least this many HTML tags as text..."""
MARKUP_MIN_SHARE_DEFAULT = 0.4
"""...which make up this share of its characters, is markup, not prose."""
REFERENCE_MIN_WORDS_DEFAULT = 15
"""The document's typical stop-word share is measured on blocks at least this long..."""
REFERENCE_QUANTILE_DEFAULT = 0.75
"""...as this quantile of their shares (the prose, not lists of names)..."""
REFERENCE_FLOOR_DEFAULT = 0.12
"""...at least this..."""
REFERENCE_FALLBACK_DEFAULT = 0.40
"""...or this, with fewer than three such blocks."""

# --- statistical pass: the article run ------------------------------------------
GAP_PRICE_DEFAULT = 1.5
"""The cost of crossing a gap of non-prose blocks: price * size ** 1.5."""
LOOKAHEAD_CLUSTERS_DEFAULT = 8
"""Clusters of prose looked at when the article run grows."""
PROSE_WEIGHT_MAX_DEFAULT = 80.0
"""A prose block weighs its words, up to this many."""
EDGE_SENTENCES_DEFAULT = 2
"""Short sentences kept right before or after the run."""
LIST_ITEM_MAX_WORDS_DEFAULT = 25
"""A list item announced by the article ("Ingredients:") is at most this many words."""
LIST_ITEM_MAX_TITLE_DEFAULT = 0.5
"""... and, unless a bullet or a quantity marks it, less than this share of capitalised words (no headline)."""
LIST_MARKED_ITEM_MAX_TITLE_DEFAULT = 0.75
"""... or, marked by a bullet or a quantity, less than this share."""
LIST_MIN_ITEMS_DEFAULT = 2
"""A list or a table attached to the article has at least this many items."""
EDGE_RELATED_SENTENCES_DEFAULT = 4
"""Beyond those, this many more short sentences after the run, each sharing words with the article."""
EDGE_RELATED_OVERLAP_DEFAULT = 0.25
"""The share of a short sentence's content words the article must have for it to extend the run."""
EDGE_ANNOUNCE_MIN_WORDS_DEFAULT = 4
"""A short block ending in a colon joins the run's edge only with this many words (a clause, not a label)."""
HEAD_ZONE_DEFAULT = 6
"""The first blocks of the run, where bylines and dates are dropped."""
TABLE_MIN_CELLS_DEFAULT = 8
"""A run of this many short blocks..."""
TABLE_MIN_NUMERIC_DEFAULT = 0.25
"""...this share of them figures alone, is a table: it does not split the article."""
TABLE_CELL_WORDS_DEFAULT = 12
"""A table cell has at most this many words."""
LIST_ITEM_GAP_DEFAULT = 3
"""Blocks one numbered-list item may span (a link, a note under it)."""
HEADLINE_RUN_MIN_WORDS_DEFAULT = 30
"""A block of headlines run together is at least this long (a headline alone is a list item)."""
HEADLINE_RUN_TITLE_DEFAULT = 0.6
"""...and has at least this share of its words capitalised (prose has far fewer)."""
CLOSING_LINES_DEFAULT = 2
"""Blocks right under the article a short closing line (a credit, a sign-off) may stand in."""
CLOSING_TITLE_MAX_DEFAULT = 0.5
"""A closing line has fewer capitalised words than this share; a teaser headline has more."""
NUMBERED_LIST_GAP_DEFAULT = 3
"""Where a list numbered 1, 2, 3... after the article is its own: its first item within this many
blocks of the article's end (a heading such as "Tracklist", or a credit, between)."""
INNER_LIST_MIN_ITEMS_DEFAULT = 3
"""A headed list of this many headlines inside the article is a related-stories list."""
MARKED_LIST_MIN_ITEMS_DEFAULT = 3
"""A table of at least this many rows (``| a | b |``), or a bulleted or numbered list of at least
this many items, inside the article does not split it; the list only if..."""
LIST_MIN_SECTIONS_DEFAULT = 2
"""A bulleted list right after the article's prose, unannounced, is the article's when it has
this many sections at least, each under a header of its own (a related list has one heading)."""
LIST_MIN_ITEM_SHARE_DEFAULT = 0.67
"""...and this share of its items read as no headline (a list of teasers does not qualify)."""
LIST_PROSE_AFTER_DEFAULT = 2
"""A bulleted list right after the article's prose is the article's when prose comes again
within this many blocks after it."""
ANNOUNCE_TAIL_CHARS_DEFAULT = 160
"""The characters at the end of the article's last block where it may announce, without a colon,
the list after it ("Here are the winners.")."""
PARALLEL_MIN_LINES_DEFAULT = 2
"""Blocks of the article opening with one label ("Q:", "BEST MOMENT:") that make the lines right
after it under that label the article's too."""

# --- statistical pass: naming what goes -----------------------------------------
BYLINE_MAX_WORDS_DEFAULT = 12
TIMESTAMP_MAX_WORDS_DEFAULT = 14
TIMESTAMP_MIN_DIGITS_DEFAULT = 0.08
CREDIT_MAX_WORDS_DEFAULT = 12
CAPTION_MAX_WORDS_DEFAULT = 40

# --- the comments pass ---
THREAD_HEADER_MAX_WORDS_DEFAULT = 25
"""A comment header (a name with a date, "says:") is at most this many words."""
THREAD_NAME_MAX_WORDS_DEFAULT = 5
"""The name before "says:" is at most this many words."""
THREAD_ACTION_MAX_WORDS_DEFAULT = 6
"""A repeated action line ("Reply", "Report abuse") is at most this many words."""
THREAD_REPEATS_DEFAULT = 3
"""A short line seen this many times in a document may be a comment's action line."""
THREAD_LIST_RUN_DEFAULT = 4
"""This many dated lines in a row are a list (an archive, tour dates), not comment headers."""
THREAD_GAP_DEFAULT = 12
"""Comment headers at most this many blocks apart belong to one thread."""
THREAD_MERGE_GAP_DEFAULT = 36
"""Two threads at most this many blocks apart are one, with a long comment between them."""
THREAD_BODY_MIN_WORDS_DEFAULT = 2
"""A comment's text between two headers is at least this many words."""
THREAD_MIN_COMMENTS_DEFAULT = 3
"""A thread holds at least this many comments (one fewer under a heading such as "2 Responses")."""
THREAD_COMMENT_SHARE_DEFAULT = 0.6
"""At least this share of a thread's headers have a comment's text after them."""
THREAD_ARTICLE_HEAD_FACTOR_DEFAULT = 3
"""A first header over this many times the words of the median comment is the article's byline."""
THREAD_HEADING_MAX_WORDS_DEFAULT = 8
"""A thread's heading ("4 comments:") is at most this many words (twice as many after a figure)."""
THREAD_HEADING_LOOKBACK_DEFAULT = 10
"""A thread's heading is at most this many blocks before its first header."""
THREAD_ARTICLE_WORDS_DEFAULT = 25
"""A thread counts only after this many words of the article's prose (a short post has comments too)."""
THREAD_PROSE_WORDS_DEFAULT = 10
"""A block this long counts as prose: the article has begun before a thread, a heading opens it."""

# --- the gallery pass ---
GALLERY_NEAR_DEFAULT = 2
"""A repeated block this many blocks or fewer from a gallery counter is the gallery's caption."""
GALLERY_REPEAT_MIN_WORDS_DEFAULT = 4
"""A caption printed again counts as repeated from this many words."""
