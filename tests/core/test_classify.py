"""How the cleaner decides, block by block: a specification in examples."""

from __future__ import annotations

from conftest import DATA
from hypothesis import example, given, strategies as st
import pytest

from pelican_newsclean import Config, clean_text, repair_line
from pelican_newsclean.core.classify import comments, shapes

ARTICLE = [
    "The city council approved the new budget on Tuesday after a long debate about school funding.",
    "Councillors voted eight to three in favour, with the mayor saying the plan protects libraries.",
    "The budget takes effect in January and includes money for two new bus routes in the north.",
]


def clean(*lines: str, **options):
    return clean_text("\n".join(lines), Config(**options))


def reasons(result) -> dict[str, str]:
    return {r.text: r.reason for r in result.removed}


def test_a_clean_article_keeps_every_paragraph():
    result = clean(*ARTICLE)
    assert list(result.paragraphs) == ARTICLE
    assert result.removed == ()


def test_site_furniture_is_dropped_with_its_reason():
    result = clean("Skip to main content", *ARTICLE[:2], "Share", "Total Views : 25", ARTICLE[2], "Exit mobile version")
    assert list(result.paragraphs) == ARTICLE
    assert reasons(result) == {
        "Skip to main content": "navigation",
        "Share": "share-widget",
        "Total Views : 25": "view-counter",
        "Exit mobile version": "navigation",
    }


def test_a_line_of_page_tools_is_dropped():
    result = clean("Zoom In Zoom Out Read Later Print", *ARTICLE)
    assert reasons(result) == {"Zoom In Zoom Out Read Later Print": "page-widget"}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Share Tweet Email", "share-widget"),
        ("Print | Font size A+ A-", "page-widget"),
        ("Share on Facebook Share on Twitter Share via Email Copy link Print", "share-widget"),  # 12 words
        ("Share on Facebook Share on Twitter Share via Email Copy the link Print", None),  # 13: too long
        ("Save the date for the fair in June", None),  # "date", "fair", "June" are no buttons
        ("In the article", None),  # filler words alone
    ],
)
def test_a_line_of_buttons_and_only_buttons_is_a_widget(line, reason):
    result = clean(*ARTICLE[:2], line, ARTICLE[2])
    assert reasons(result).get(line) == reason


def test_calls_to_action_are_dropped():
    nags = ["Subscribe now to read the full story", "Not ready to support today?", "Remind me later.", "Read more"]
    result = clean(*ARTICLE, *nags)
    assert list(result.paragraphs) == ARTICLE
    assert set(reasons(result)) == set(nags)


def _glued(text: str) -> list[int]:
    """Where a sentence end is glued to the next sentence, read character by character."""
    upper = set('ABCDEFGHIJKLMNOPQRSTUVWXYZ“"')
    low = set("abcdefghijklmnopqrstuvwxyz0123456789)")
    return [i for i in range(2, len(text)) if text[i - 1] in ".!?" and text[i - 2] in low and text[i] in upper]


@given(st.text(st.sampled_from('aZ0).!?“" B'), max_size=20))
@example("It rained.Donate now!Support us")
def test_a_glue_point_is_a_stop_after_a_small_letter_or_digit_before_a_capital(text):
    assert shapes.glue_points(text) == _glued(text)


def test_a_nag_glued_to_a_sentence_is_cut_and_the_sentence_kept():
    glued = "Your support makes all the difference.The council approved the new budget on Tuesday night."
    result = clean(glued, *ARTICLE[1:])
    assert result.paragraphs[0] == "The council approved the new budget on Tuesday night."
    assert [(r.line, r.text) for r in result.removed] == [(1, "Your support makes all the difference.")]


def test_glued_sentences_without_a_nag_stay_whole():
    text = "The vote was close.Three councillors abstained from the final count on Tuesday."
    assert clean(text).paragraphs == (text,)


def test_a_lone_dateline_joins_the_next_paragraph():
    result = clean("MOSCOW -", *ARTICLE)
    assert result.paragraphs[0] == "MOSCOW - " + ARTICLE[0]
    assert result.removed == ()


def test_datelines_left_alone_stay_their_own_paragraph():
    result = clean("MOSCOW -", *ARTICLE, join_datelines=False)
    assert list(result.paragraphs) == ["MOSCOW -", *ARTICLE]


def test_a_caption_printed_twice_is_kept_once():
    caption = "A view of the new bridge at dusk on Monday. (AP Photo/Jane Doe)"
    result = clean(f"{caption} {caption}", *ARTICLE)
    assert result.captions == (caption,)
    assert list(result.paragraphs) == ARTICLE


def test_a_caption_with_an_agency_credit_is_a_caption():
    result = clean(*ARTICLE[:1], "An armoured vehicle near the border. Stringer / AFP", *ARTICLE[1:])
    assert result.captions == ("An armoured vehicle near the border. Stringer / AFP",)


def test_the_headline_is_the_first_headline_like_block_after_chrome():
    result = clean("Skip to main content", "Council approves budget after long debate", *ARTICLE)
    assert result.title == "Council approves budget after long debate"
    assert list(result.paragraphs) == ARTICLE


def test_no_headline_gives_no_title():
    assert clean(*ARTICLE).title is None


def test_unrelated_headlines_after_a_section_header_are_dropped():
    teasers = [
        "Top Stories",
        "A pizza chain claims to have the world's largest pizza.",
        "A singer is returning to her hometown in November.",
    ]
    result = clean(*ARTICLE, *teasers)
    assert list(result.paragraphs) == ARTICLE
    assert set(reasons(result).values()) == {"related-stories"}


def test_a_section_header_keeps_text_that_continues_the_article():
    follow = "The council budget also funds school libraries and new bus routes for councillors' districts."
    result = clean(*ARTICLE, "Most read", follow)
    assert follow in result.paragraphs


def test_related_lists_can_be_kept():
    teaser = "A pizza chain claims to have the world's largest pizza."
    result = clean(*ARTICLE, "Top Stories", teaser, drop_related=False, statistical=False)
    assert teaser in result.paragraphs


def test_a_block_printed_twice_in_a_row_is_dropped_as_duplicate():
    result = clean(ARTICLE[0], ARTICLE[0], *ARTICLE[1:])
    assert list(result.paragraphs) == ARTICLE
    assert [r.reason for r in result.removed] == ["duplicate"]


def test_extra_phrases_from_the_user_are_removed():
    result = clean(*ARTICLE, "Sponsored by Acme Widgets", extra_phrases=("Sponsored by",))
    assert reasons(result) == {"Sponsored by Acme Widgets": "custom"}


def test_generic_rules_can_be_switched_off():
    result = clean("Share", *ARTICLE, remove_boilerplate=False, statistical=False)
    assert result.paragraphs[0] == "Share"


def test_a_wire_credit_in_the_dateline_names_the_wire():
    result = clean("MOSCOW (AP) — Russian forces are being withdrawn from the region, officials said.")
    assert result.wire == "Associated Press"


def test_a_photo_credit_is_not_a_wire_credit():
    result = clean("A view of the base. (AP Photo/Aziz Karimov)", *ARTICLE)
    assert result.wire is None


def test_caller_metadata_wins_for_attribution():
    result = clean_text("\n".join(ARTICLE), metadata={"source": "Daily Bugle", "source_url": "https://bugle.example/a"})
    assert (result.publisher, result.publisher_url, result.source_url) == (
        "Daily Bugle",
        "https://bugle.example/a",
        "https://bugle.example/a",
    )


def test_line_numbers_count_every_input_line():
    result = clean_text("Share\n\n\n" + "\n\n".join(ARTICLE) + "\n\nRead more")
    assert [r.line for r in result.removed] == [1, 10]


def test_a_question_repeated_in_an_interview_is_kept():
    question = "What inspired you to start cooking for an audience of strangers online?"
    lines = [
        "My grandmother, who cooked for the whole village every Sunday, taught me.",
        question,
        "My grandmother, who cooked for the whole village every Sunday.",
        question,
        "Hunger, mostly, and a cheap camera that my brother lent me for a week.",
    ]
    assert list(clean(*lines).paragraphs) == lines


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Advertisement", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Email (required)", "newsletter"),
        ("By signing up, you agree to our Privacy Policy.", "newsletter"),
        ("Save my name, email, and website in this browser for the next time I comment.", "comment-form"),
        ("Leave a Reply", "comment-form"),
        ("© 2019 Example Media. All rights reserved.", "copyright"),
        ("Sharing is caring!", "share-widget"),
        ("12 Shares", "share-widget"),
        ("Click to share on Twitter (Opens in new window)", "share-widget"),
        ("Previous post", "navigation"),
        ("Already a subscriber? Log in", "subscription"),
    ],
)
def test_generic_boilerplate_lines_are_recognised_on_any_site(line, reason):
    result = clean(*ARTICLE, line)
    assert reasons(result) == {line: reason}


def test_a_block_repaired_into_another_script_than_the_article_is_dropped():
    result = clean("Â鶹´«Ã½", *ARTICLE)
    assert reasons(result) == {"麻豆传媒": "mojibake-garbage"}
    assert list(result.paragraphs) == ARTICLE


def test_a_repaired_kanji_block_in_a_japanese_article_is_kept():
    japanese = ["東京都は火曜日、新しい予算案を承認したと発表しました。", "市民からは様々な意見が寄せられています。"]
    kanji = "東京都議会".encode().decode("latin-1")  # UTF-8 read as Latin-1
    result = clean(kanji, *japanese, statistical=False)
    assert "東京都議会" in (result.title, *result.paragraphs)


@pytest.mark.parametrize("path", sorted((DATA / "statistical").glob("*.gold.txt")), ids=lambda p: p.name.split("-")[0])
def test_a_clean_article_in_any_language_comes_back_intact(path):
    """Real articles with no boilerplate (English, German, Indonesian, Portuguese): nothing removed.

    Soft hyphens and word joiners are normalised away; every paragraph is otherwise the line.
    """
    text = path.read_text(encoding="utf-8")
    result = clean_text(text)
    assert result.removed == ()
    assert list(result.paragraphs) == [repair_line(line)[0].strip() for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Blake Hall says:", "said"),
        ("Blake Hall said...", "said"),
        ("Jo wrote, \u2003", "said"),  # any white space after the colon or comma
        ("On May 5, 2012 at 2:08am, the baker said…", "said"),
        ("Blake Hall says: great post", None),
        ("October 15, 2012 at 6:24 am", "dated"),
        ("The minister told reporters on Monday that she said:", None),
    ],
)
def test_a_comment_header_names_who_said_or_when(line, kind):
    assert comments.header_kind(line) == kind
