"""Specification of the statistical classifier (pelican_newsclean.core.classify.statistical)."""

from __future__ import annotations

from conftest import DATA as TEST_DATA
import pytest

from pelican_newsclean import clean_text
from pelican_newsclean.core.classify.statistical import KEEP, classify_blocks, detect_language, measure
from pelican_newsclean.core.classify.stopwords import stoplists

DATA = TEST_DATA / "statistical"

PARAGRAPHS = [
    "The city council voted on Tuesday to expand the bus network, adding three new "
    "lines that will connect the northern suburbs with the hospital and the university.",
    "Officials said the plan would cost about $40 million over five years, and that most "
    "of the money would come from a regional transport fund approved by voters in 2018.",
    "Critics argued that the council had not consulted the neighbourhoods that will lose "
    "a stop, and several residents spoke against the plan at the meeting.",
    "The first of the new lines is expected to open in the spring, when the council will "
    "also review the fares that were raised last year.",
]
MENU = ["Home", "News", "Sport", "Business", "Culture", "Weather", "Sign in"]
RELATED = [
    "More from Local News",
    "Council approves new budget for schools after long debate",
    "Storm closes two bridges and cuts power across the region",
    "Local bakery wins national award for its sourdough bread",
    "Police search for missing hiker near the northern lakes",
]


def dropped(texts, fixed=None):
    """Indexes of the blocks the classifier drops."""
    return [i for i, v in enumerate(classify_blocks(texts, fixed)) if v is not None]


def test_empty_input():
    assert classify_blocks([]) == []


def test_menu_run_at_the_head_is_dropped():
    texts = MENU + PARAGRAPHS
    assert dropped(texts) == list(range(len(MENU)))


def test_related_headlines_at_the_tail_are_dropped():
    texts = PARAGRAPHS + RELATED
    out = classify_blocks(texts)
    assert all(v is None for v in out[: len(PARAGRAPHS)])
    assert all(v is not None for v in out[len(PARAGRAPHS) :])
    assert {v[0] for v in out[len(PARAGRAPHS) + 1 :]} == {"related-stories"}


def test_short_subheading_inside_the_article_is_kept():
    texts = [*PARAGRAPHS[:2], "What happens next", *PARAGRAPHS[2:]]
    assert dropped(texts) == []


def test_short_quote_and_list_intro_inside_the_article_are_kept():
    texts = [*PARAGRAPHS[:2], '"We are ready," she said.', "Here are some highlights:", *PARAGRAPHS[2:]]
    assert dropped(texts) == []


def test_byline_and_timestamp_are_dropped():
    texts = ["By Jane Smith", "Nov. 19, 2019 8:03 am ET", *PARAGRAPHS]
    out = classify_blocks(texts)
    assert out[0] is not None and out[0][0] == "byline"
    assert out[1] is not None and out[1][0] == "timestamp"
    assert all(v is None for v in out[2:])


def test_advertisement_and_copyright_are_dropped_anywhere():
    """They are phrase rules (data/boilerplate.toml), ahead of this classifier in the pipeline."""
    texts = [*PARAGRAPHS[:2], "Advertisement", *PARAGRAPHS[2:], "© 2019 Example Media. All rights reserved."]
    result = clean_text("\n".join(texts))
    assert [(r.line, r.reason) for r in result.removed] == [(3, "advertisement"), (len(texts), "copyright")]
    assert list(result.paragraphs) == PARAGRAPHS


def test_rights_reserved_in_other_languages_is_a_copyright_line():
    for line in ("Todos os direitos reservados.", "Alle Rechte vorbehalten.", "저작권자 ⓒ 무단전재 및 재배포금지"):
        assert [r.reason for r in clean_text("\n".join([*PARAGRAPHS, line])).removed] == ["copyright"]


def test_caption_closed_by_a_photo_credit_is_dropped():
    texts = [*PARAGRAPHS[:2], "The new bus depot on opening day.", "John Doe/Getty Images", *PARAGRAPHS[2:]]
    assert dropped(texts) == [2, 3]


def test_a_heading_in_capitals_with_a_slash_is_no_photo_credit():
    section = ["CALENDAR/CLOCK", "- Alarms now sound when the phone is locked."]
    credited = ["The new bus depot on opening day.", "AFP/GETTY IMAGES"]
    assert dropped([*PARAGRAPHS[:2], *section, *PARAGRAPHS[2:]]) == []
    assert dropped([*PARAGRAPHS[:2], *credited, *PARAGRAPHS[2:]]) == [2, 3]


def test_headline_list_inside_the_article_is_dropped():
    texts = PARAGRAPHS[:2] + RELATED + PARAGRAPHS[2:]
    assert dropped(texts) == list(range(2, 2 + len(RELATED)))


def test_list_introduced_by_a_colon_is_kept():
    items = ["Three new bus lines in the north", "A night service on weekends", "Lower fares for students"]
    texts = [*PARAGRAPHS[:2], "The plan includes:", *items, *PARAGRAPHS[2:]]
    assert dropped(texts) == []


def test_fixed_decisions_are_never_overridden():
    texts = MENU + PARAGRAPHS
    fixed = [KEEP] + [None] * (len(MENU) - 1) + ["navigation"] + [None] * (len(PARAGRAPHS) - 1)
    out = classify_blocks(texts, fixed)
    assert out[0] is None  # kept by the rules: stays kept
    assert out[len(MENU)] is None  # dropped by the rules: no second verdict
    assert all(v is not None for v in out[1 : len(MENU)])


def test_fixed_drops_are_context():
    # rule-dropped blocks separate a stray paragraph from the article
    stray = "Sign up to get the best of our journalism delivered to your inbox."
    texts = [stray, "Share", "Tweet", "Email", "Print", "Comments", *PARAGRAPHS]
    fixed = [None] + ["navigation"] * 5 + [None] * len(PARAGRAPHS)
    assert dropped(texts, fixed) == [0]


def test_fixed_length_must_match():
    with pytest.raises(ValueError):
        classify_blocks(["a", "b"], [None])


def test_nothing_to_anchor_on_keeps_everything():
    texts = ["Short note.", "Another line", "Thanks"]
    assert dropped(texts) == []


@pytest.mark.parametrize("path", sorted(DATA.glob("*.gold.txt")), ids=lambda p: p.name)
def test_clean_gold_article_keeps_every_block(path):
    texts = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert dropped(texts) == []


RUSSIAN = [
    "Главная",
    "Новости",
    "Спорт",
    "Погода",
    "В понедельник городской совет утвердил план развития общественного транспорта, "
    "который предусматривает запуск трёх новых автобусных маршрутов.",
    "По словам чиновников, на реализацию плана потребуется около пяти лет, а большая часть "
    "средств поступит из регионального бюджета.",
    "Что будет дальше",
    "Жители нескольких районов выступили против проекта, так как из-за него исчезнут "
    "привычные остановки, и потребовали провести общественные слушания.",
    "Все права защищены",
]
GERMAN = [
    "Startseite",
    "Politik",
    "Wirtschaft",
    "Sport",
    "Der Stadtrat hat am Dienstag beschlossen, das Busnetz deutlich auszubauen, und drei neue "
    "Linien sollen die nördlichen Vororte mit dem Krankenhaus verbinden.",
    "Nach Angaben der Stadt kostet der Plan rund 40 Millionen Euro, die zum größten Teil aus "
    "einem regionalen Verkehrsfonds kommen sollen.",
    "Kritik aus den Stadtteilen",
    "Anwohner mehrerer Viertel haben sich gegen den Plan ausgesprochen, weil ihre Haltestellen "
    "wegfallen würden, und fordern eine öffentliche Anhörung.",
    "Anzeige",
]
KOREAN = [
    "홈",
    "뉴스",
    "스포츠",
    "날씨",
    "시의회는 화요일 북부 교외와 병원, 대학을 연결하는 세 개의 새로운 버스 노선을 추가하는 "
    "교통 확충 계획을 승인했다고 밝혔다.",
    "시 관계자들은 이 계획에 5년 동안 약 400억 원이 들 것이며 대부분의 예산은 지역 교통 기금에서 나올 것이라고 말했다.",
    "향후 일정",
    "일부 주민들은 정류장이 없어지는 것에 반대하며 공청회를 열어야 한다고 주장했고 시의회는 이를 검토하겠다고 답했다.",
    "무단전재 및 재배포 금지",
]
JAPANESE = [
    "ホーム",
    "ニュース",
    "スポーツ",
    "天気",
    "市議会は火曜日、北部の郊外と病院や大学を結ぶ三つの新しいバス路線を追加する計画を承認したと発表した。",
    "市の担当者によると、この計画には五年間でおよそ四十億円がかかる見込みで、費用の大部分は地域の交通基金から出されるという。",
    "今後の予定",
    "一部の住民は停留所がなくなることに反対しており、公聴会を開くように求めているが、市議会はこれを検討すると答えた。",
    "無断転載を禁じます",
]


@pytest.mark.parametrize("texts", [RUSSIAN, GERMAN, KOREAN, JAPANESE], ids=["russian", "german", "korean", "japanese"])
def test_other_languages_menu_dropped_article_and_subheading_kept(texts):
    assert dropped(texts) == [0, 1, 2, 3, 8]


@pytest.mark.parametrize(
    ("texts", "language"),
    [
        (PARAGRAPHS, "English"),
        (RUSSIAN, "Russian"),
        (GERMAN, "German"),
        (KOREAN, "Korean"),
        (JAPANESE, "Japanese"),
    ],
)
def test_detect_language(texts, language):
    if language != "Japanese" and not stoplists():
        pytest.skip("no stop lists: jusText is not installed")
    assert detect_language("\n".join(texts)) == language


def test_a_long_input_gets_one_verdict_per_block():
    """Ten thousand blocks are classified (time per size is measured in benchmarks/adversarial.py)."""
    block = MENU + PARAGRAPHS + RELATED
    texts = (block * (10000 // len(block) + 1))[:10000]
    assert len(classify_blocks(texts)) == 10000


DRIVERS = [
    "Kyle Busch",
    "Martin Truex Jr.",
    "Kevin Harvick",
    "Denny Hamlin",
    "Joey Logano",
    "Ryan Blaney",
    "Kyle Larson",
    "Brad Keselowski",
    "Clint Bowyer",
    "Chase Elliott",
    "William Byron",
    "Alex Bowman",
]
STANDINGS = ["Pos.", "Driver", "Points", "Wins"] + [
    cell for n, name in enumerate(DRIVERS, 1) for cell in (str(n), name, str(5100 - 10 * n), str(n % 4))
]


def test_a_table_between_paragraphs_does_not_split_the_article():
    texts = PARAGRAPHS[:2] + STANDINGS + PARAGRAPHS[2:]
    assert dropped(texts) == []


def test_a_table_announced_by_a_colon_is_kept_up_to_the_next_rule_drop():
    intro = "The final standings of the season, after all thirty-six races, were as follows:"
    texts = [*PARAGRAPHS, intro, *STANDINGS, "Share this on WhatsApp"]
    fixed = [None] * (len(texts) - 1) + ["share-widget"]
    assert dropped(texts, fixed) == []


def test_a_numbered_list_announced_by_a_colon_is_kept_to_its_last_item():
    intro = "Here are the deals for nostalgic shoppers that you should not miss on Friday:"
    items = []
    for n, name in enumerate(
        ["Lego Star Wars bomber", "Electric racing track", "Nolan box set", "Blade Runner Final Cut"], 1
    ):
        items += [f"{n}) {name}", f"http://shop.example/item{n}"]
    texts = [*PARAGRAPHS, intro, *items, *MENU]
    assert dropped(texts) == list(range(len(texts) - len(MENU), len(texts)))


def test_only_a_line_broken_mid_sentence_is_measured_with_the_next():
    """A hard-wrapped paragraph is measured whole; a heading, a name, a time or a quoted title
    before a lower-case line is a line of its own.
    """
    wrapped = ["The ferry will run again on Monday, the harbour office said, and the", "fares will not change."]
    measured = measure(wrapped)
    assert measured.features[0] is measured.features[1]
    for line in ("Sponsored Links", "Posted by: Ana Ruiz at 3:17 PM", "2 thoughts on “Why the Pier Closed”", "Ana"):
        measured = measure([line, "fares will not change, the harbour office said."])
        assert measured.features[0] is not measured.features[1], line


def test_an_announcement_is_read_in_whole_sentences_near_the_end_of_the_prose():
    from pelican_newsclean.core.classify.statistical import _announces

    ending = "here are many ways to put it, and this sentence goes on until the paragraph ends with no list at all."
    assert not _announces("We looked everywhere for answers, and somew" + ending.ljust(160, "."))
    assert _announces("We looked everywhere for answers. Here are the ones we found.")
    assert not _announces("Here are the ones we found. " + "The search went on for weeks and weeks. " * 5)
