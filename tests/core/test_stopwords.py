"""The stop-word index: the languages of every stop word as the lists hold them, in little memory."""

from __future__ import annotations

import pytest

from pelican_newsclean.core.classify import stopwords
from pelican_newsclean.core.classify.stopwords import StopIndex, detect_language, stop_index, stoplist, stoplists

needs_lists = pytest.mark.skipif(not stoplists(), reason="jusText's stop lists are not installed")


@pytest.fixture
def fresh_index(tmp_path, monkeypatch):
    """The index made again, with its cache in a folder of the test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    stop_index.cache_clear()
    yield tmp_path / "pelican-newsclean"
    stop_index.cache_clear()


@needs_lists
def test_the_index_gives_each_word_the_languages_whose_list_holds_it():
    index = stop_index()
    assert index is not None
    lists = stoplists()
    holders: dict[str, list[str]] = {}
    for language, words in lists.items():
        for word in words:
            holders.setdefault(word, []).append(language)
    assert len(index) == len(holders)
    for word in sorted(holders)[::97]:
        assert index.languages_of(word) == tuple(holders[word]), word
    assert index.languages_of("zzqxjv-not-a-stop-word") == ()


def test_an_index_reads_back_from_its_bytes():
    index = StopIndex.build({"Aa": frozenset({"the", "and"}), "Bb": frozenset({"and", "och"})})
    again = StopIndex.from_bytes(index.to_bytes())
    assert [again.languages_of(w) for w in ("the", "and", "och", "nope")] == [("Aa",), ("Aa", "Bb"), ("Bb",), ()]


def _counts(index: StopIndex, words: list[str]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for word in words:
        found = index.set_of(word)
        if found >= 0:
            counts[found] = counts.get(found, 0) + 1
    return counts


def test_the_language_holding_most_words_wins_and_a_tie_goes_to_the_first_met():
    index = StopIndex.build({"Aa": frozenset({"the", "and"}), "Bb": frozenset({"and", "och", "att"})})
    assert index.most_common(_counts(index, ["och", "att", "the"])) == "Bb"
    assert index.most_common(_counts(index, ["the", "the", "och"])) == "Aa"
    assert index.most_common(_counts(index, ["and"])) == "Aa"  # both hold it: the lists' order
    assert index.most_common(_counts(index, ["och", "the"])) == "Bb"  # a tie: Bb was met first
    assert index.most_common({}) is None


def test_words_are_counted_by_their_languages_however_few_look_ups_are_remembered(monkeypatch):
    index = StopIndex.build({"Aa": frozenset({"the", "and"}), "Bb": frozenset({"and", "och"})})
    words = ["och", "the", "nope", "and", "the", "och", "zz"]
    expected = {index.set_of("och"): 2, index.set_of("the"): 2, index.set_of("and"): 1}
    assert index.count_sets(words) == expected
    assert list(index.count_sets(words)) == list(expected)  # in the order the words meet them
    monkeypatch.setattr(stopwords, "SEEN_WORDS_DEFAULT", 3)
    assert index.count_sets(words) == expected


def test_a_tally_of_many_words_carries_nothing_into_the_next_language():
    index = StopIndex.build({"Aa": frozenset({"the"}), "Bb": frozenset({"och"})})
    counts = {index.set_of("the"): 2**40, index.set_of("och"): 2**40 + 1}
    assert index.most_common(counts) == "Bb"


@pytest.mark.parametrize("damage", [b"", b"garbage", None])
def test_bytes_that_are_no_whole_index_are_refused(damage):
    data = StopIndex.build({"Aa": frozenset({"the", "and"})}).to_bytes()
    with pytest.raises(ValueError):
        StopIndex.from_bytes(data[:-3] if damage is None else damage)


@needs_lists
def test_the_index_is_built_once_and_then_read_from_the_cache(fresh_index):
    first = stop_index()
    (cached,) = fresh_index.glob("stop-index-*.bin")
    stop_index.cache_clear()
    second = stop_index()
    assert second is not first and len(second) == len(first)
    assert cached.read_bytes() == second.to_bytes()


@needs_lists
def test_a_damaged_cache_file_is_made_again(fresh_index):
    stop_index()
    (cached,) = fresh_index.glob("stop-index-*.bin")
    cached.write_bytes(b"newsclean-stop-index-1-little\n\x00\x00")
    stop_index.cache_clear()
    assert detect_language("The mayor said that the bridge would open on Monday.") == "English"
    assert StopIndex.from_bytes(cached.read_bytes())


@needs_lists
def test_telling_the_language_reads_only_the_list_it_needs(monkeypatch):
    read: list[str] = []
    monkeypatch.setattr(stopwords, "stoplists", lambda: pytest.fail("every list was read"))
    stoplist.cache_clear()
    real = stoplist.__wrapped__

    def counting(language: str) -> frozenset[str]:
        read.append(language)
        return real(language)

    monkeypatch.setattr(stopwords, "stoplist", counting)
    from pelican_newsclean.core.classify import statistical

    monkeypatch.setattr(statistical, "stoplist", counting)
    statistical.measure(["The mayor said that the bridge would open on Monday, and the council agreed."])
    assert read == ["English"]


def test_a_language_with_no_list_has_no_stop_words():
    assert stoplist("Klingon") == frozenset()
    assert stoplist("../etc/passwd") == frozenset()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("och the", "Bb"),  # a tie goes to the language met first, word by word
        ("the och", "Aa"),
        ("and och", "Bb"),  # "and" is both languages' (Aa first), "och" Bb's only
        ("and and the", "Aa"),
    ],
)
def test_the_language_with_most_stop_words_wins_and_a_tie_goes_to_the_first_met(monkeypatch, text, language):
    index = StopIndex.build({"Aa": frozenset({"the", "and"}), "Bb": frozenset({"and", "och"})})
    monkeypatch.setattr(stopwords, "stop_index", lambda: index)
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("code", "language"),
    [("en", "English"), ("EN-gb", "English"), ("pt_BR", "Portuguese"), ("nb", "Norwegian_Bokmal"), ("xx", None)],
)
def test_a_language_code_names_its_stop_list(code, language):
    assert stopwords.language_for_code(code) == language


def test_every_language_a_code_names_has_a_stop_list_or_is_told_by_its_characters():
    names = set(stopwords._language_codes().values()) - {"Japanese", "Chinese"}
    if stoplists():
        assert names <= set(stoplists())


SCRAPE = (
    "Share\nThe mayor said that the bridge would open on Monday, and the council agreed to pay for it.\n"
    "It had been closed for two years while the river was dredged and the old piers were rebuilt.\n"
)


def test_a_stated_language_is_taken_instead_of_a_detected_one(monkeypatch):
    from pelican_newsclean import clean_text

    detected: list[str] = []
    real = stopwords.detect_language
    monkeypatch.setattr(
        stopwords, "detect_language", lambda text, *a, **k: detected.append(text) or real(text, *a, **k)
    )
    plain = clean_text(SCRAPE)
    assert detected, "no language stated: it is detected"
    detected.clear()
    stated = clean_text(SCRAPE, metadata={"lang": "en"})
    assert not detected
    assert stated.paragraphs == plain.paragraphs


def test_a_code_that_names_no_language_states_nothing(monkeypatch):
    from pelican_newsclean import clean_text

    detected: list[str] = []
    real = stopwords.detect_language
    monkeypatch.setattr(
        stopwords, "detect_language", lambda text, *a, **k: detected.append(text) or real(text, *a, **k)
    )
    clean_text(SCRAPE, metadata={"lang": "tlh"})
    assert detected


ENGLISH = "The mayor said that the bridge would open on Monday, and that the council would pay for it."
GERMAN = "Der Bürgermeister sagte, dass die Brücke am Montag öffnen werde und die Stadt sie bezahle."


@needs_lists
def test_the_sites_language_is_kept_when_the_prose_reads_as_it(monkeypatch):
    def no_index():
        raise AssertionError("every language weighed")

    monkeypatch.setattr(stopwords, "stop_index", no_index)
    assert detect_language(ENGLISH, prior="English") == "English"
    with stopwords.site_language("en") as name:
        assert name == "English"
        assert stopwords.document_language([ENGLISH]) == "English"


@needs_lists
def test_a_text_in_another_language_than_the_sites_is_detected():
    assert detect_language(GERMAN, prior="English") == "German"
    assert detect_language(ENGLISH, prior="German") == "English"
    assert detect_language("東京では今日、桜が満開になりました。", prior="English") == "Japanese"


def test_a_sites_language_code_that_names_no_language_is_no_prior():
    with stopwords.site_language("tlh") as name:
        assert name is None
