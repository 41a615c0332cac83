"""Character repair, a specification in examples.

The cases live in ``tests/data/encoding/*.json`` (see the README there); each
test below states one rule and runs it over a case file.
"""

from __future__ import annotations

from collections import Counter
import json
import random
import re

from conftest import DATA as TEST_DATA
import ftfy
import ftfy.badness
from ftfy.badness import is_bad
from ftfy.chardata import CONTROL_CHARS
import pytest

from pelican_newsclean import Repair
from pelican_newsclean.core.repair import (
    FTFY_CONFIG,
    explain_line,
    fix_legacy_encoding,
    looks_bad,
    normalize_spaces,
    repair_line,
    repair_text,
)
from pelican_newsclean.core.repair.mojibake import INERT_SCRIPTS, TRIGGERS, ftfy_fix
from pelican_newsclean.core.scripts import dominant_script

DATA = TEST_DATA / "encoding"
FTFY_PASSING = ("in-the-wild", "synthetic", "language-names", "negative")


def load(name: str) -> list[dict]:
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def cases(name: str, expect_failures: bool = True, fixed_here: frozenset[str] = frozenset()) -> list:
    """The cases of one file as pytest params, with their labels as ids.

    A case marked ``"expect": "fail"`` in its file is a strict expected
    failure (unless ``expect_failures`` is off): a fix that makes it pass is
    noticed. A label in ``fixed_here`` is a failure of ftfy's that this repair fixes.
    """
    params = []
    for i, case in enumerate(load(name)):
        marks = ()
        if expect_failures and case.get("expect") == "fail" and case["label"] not in fixed_here:
            marks = (pytest.mark.xfail(strict=True, reason=case.get("comment", "a known failure")),)
        params.append(pytest.param(case, id=f"{i:03d} {case['label']}", marks=marks))
    return params


# The example that started it all


def test_a_gbk_title_read_by_a_mixed_decoder_is_recovered():
    """The title of a scraped page: GBK bytes, read as UTF-8 where valid and
    Latin-1 elsewhere. ftfy 6.3 leaves it as it is."""
    assert ftfy.fix_text("Â鶹´«Ã½", FTFY_CONFIG) == "Â鶹´«Ã½"
    assert repair_line("Â鶹´«Ã½") == (
        "麻豆传媒",
        (Repair(before="Â鶹´«Ã½", after="麻豆传媒", kind="legacy-encoding"),),
    )


# Legacy encodings read by Latin-1, cp1252 and mixed decoders


@pytest.mark.parametrize("case", cases("legacy"))
def test_legacy_encoding_mojibake_is_decoded(case):
    fixed, repairs = repair_line(case["original"], line=7)
    assert fixed == case["fixed"]
    assert [r.kind for r in repairs] == ["legacy-encoding"]
    assert repairs[0].line == 7


# Every family of damage, generated (make_chain_cases.py)


@pytest.mark.parametrize("case", cases("chains"))
def test_each_family_of_damage_is_repaired(case):
    fixed, repairs = repair_line(case["original"])
    assert fixed == case["fixed"]
    assert repairs


def test_each_family_of_damage_has_cases():
    """Five sentences or more per family (the mixed forms keep those ftfy's fixer changes, the lossy
    ones those that lost a byte or a curly quote)."""
    families = Counter(case["family"] for case in load("chains"))
    lossy = ("mixed", "0xad", "straightened")
    assert all(n >= 5 for family, n in families.items() if not any(word in family for word in lossy))
    assert len(families) >= 25


def test_a_repair_explains_its_chain():
    assert explain_line("CafГѓВ© crГѓВЁme") == [
        (
            "legacy-encoding",
            "CafГѓВ© crГѓВЁme",
            "Café crème",
            "utf-8 shown as cp1251, then utf-8 shown as sloppy-cp1252",
        )
    ]
    assert explain_line("¹úÎñÔº ÅÄÖ åäö") == [("legacy-encoding", "¹úÎñÔº", "国务院", "gbk shown as sloppy-cp1252")]
    assert explain_line("It’s fine") == []


# Correct text is never touched


@pytest.mark.parametrize("case", cases("clean"))
def test_clean_text_in_many_scripts_comes_back_unchanged(case):
    """Also in upper and title case; Thai, Lao, Khmer and Myanmar keep their zero-width spaces,
    Korean its compatibility ideographs, a row of Latin-1 letters its letters."""
    assert repair_line(case["original"]) == (case["original"], ())
    assert fix_legacy_encoding(case["original"]) is None


def test_clean_text_covers_twenty_languages():
    languages = {case["label"].split(" (")[0].split(" with ")[0] for case in load("clean")}
    assert len(languages) >= 20


@pytest.mark.parametrize("case", cases("negative"))
def test_correct_text_comes_out_unchanged(case):
    assert case["fixed"] == case["original"]
    assert repair_line(case["original"]) == (case["original"], ())


@pytest.mark.parametrize("case", cases("negative"))
def test_correct_text_with_mojibake_signature_is_not_read_as_a_legacy_encoding(case):
    """Even when looked at directly, not only through repair_line's gates."""
    assert fix_legacy_encoding(case["original"]) is None


# Repairs, and how they are reported


@pytest.mark.parametrize("case", cases("repairs"))
def test_each_repair_is_reported_with_its_kind_and_changed_tokens(case):
    fixed, repairs = repair_line(case["original"], line=3)
    assert fixed == case["fixed"]
    assert [[r.kind, r.before, r.after] for r in repairs] == case["repairs"]
    assert {r.line for r in repairs} == {3}


def test_repair_text_numbers_lines_from_one_and_joins_them_back():
    text = "Plain line\ncafÃ©\n\nDon&#8217;t\u00a0panic"
    fixed, repairs = repair_text(text)
    assert fixed == "Plain line\ncafé\n\nDon’t panic"
    assert [(r.line, r.kind) for r in repairs] == [(2, "ftfy"), (4, "ftfy"), (4, "whitespace")]


def test_repair_text_keeps_the_number_of_lines():
    text = "a\r\nb\u2028c\n\nÂ鶹´«Ã½\n"
    fixed, _ = repair_text(text)
    assert fixed.split("\n")[0] == "a\r"
    assert fixed.count("\n") == text.count("\n")


# The fast path


@pytest.mark.parametrize(
    "line",
    ["", "Plain ASCII news, with punctuation: 42% (up 3.5)!", "x" * 10_000],
)
def test_a_clean_ascii_line_is_returned_as_it_is(line):
    fixed, repairs = repair_line(line)
    assert fixed is line
    assert repairs == ()


@pytest.mark.parametrize("case", cases("negative"))
def test_a_clean_line_never_reaches_ftfy(case, monkeypatch):
    """No entity, control char or non-NFC text, and ftfy's badness check is
    clean: ftfy is not called at all."""

    def fail(*args, **kwargs):
        raise AssertionError("ftfy was called on a clean line")

    if is_bad(case["original"]):
        pytest.skip("ftfy's badness check flags it (repair_line keeps it all the same)")
    monkeypatch.setattr(ftfy, "fix_text", fail)
    monkeypatch.setattr(ftfy, "fix_encoding", fail)
    assert repair_line(case["original"])[0] == case["original"]


def test_the_fast_badness_check_agrees_with_ftfys():
    """``_looks_bad`` cuts long ASCII runs out before calling ftfy's is_bad;
    on every case we have, padded with ASCII on both sides, it agrees."""
    texts = [c["original"] for name in ("legacy", "negative", "repairs") for c in load(name)]
    texts += [c["original"] for name in (*FTFY_PASSING, "known-failures") for c in load(f"ftfy-cases/{name}")]
    for padding in ("Lorem ipsum dolor sit amet, ", "ภาษาไทย 中文新闻 日本語のニュース 한국어 العربية "):
        for text in texts:
            for variant in (text, padding + text, text + padding, padding + text + " " + padding + text):
                assert looks_bad(variant) == is_bad(variant), variant


def test_no_pattern_of_the_badness_check_names_a_letter_of_the_inert_scripts():
    """Why ``looks_bad`` may cut runs of those scripts as it cuts ASCII."""
    pattern = ftfy.badness.BADNESS_RE.pattern
    named = set(pattern)
    for match in re.finditer(r"(?<!\\)(.)-(.)", pattern):
        if match[1] < match[2]:
            named.update(map(chr, range(ord(match[1]), ord(match[2]) + 1)))
    inert = re.compile(f"[{INERT_SCRIPTS}]")
    assert not [ch for ch in named if inert.match(ch)]


def _badness_alphabet() -> tuple[list[str], list[str]]:
    """Every character ftfy's badness check names, with some ASCII: (without a trigger, triggers)."""
    named: set[str] = {ch for ch in ftfy.badness.BADNESS_RE.pattern if not ch.isascii()}
    for chars in ftfy.badness.MOJIBAKE_CATEGORIES.values():
        named.update(chars)
        for match in re.finditer(r"(.)-(.)", chars):
            named.update(map(chr, range(ord(match[1]), ord(match[2]) + 1)))
    triggers = set(re.findall(f"[{TRIGGERS}]", "".join(sorted(named))))
    return sorted((named - triggers) | set("aZz .,?!1\t-(")), sorted(triggers)


def test_no_sequence_without_a_trigger_looks_bad_to_ftfy():
    """Why ``looks_bad`` looks only around :data:`TRIGGERS`: no pair of the other
    characters the check names, and no longer run of them, is one it seeks."""
    safe, _ = _badness_alphabet()
    assert not [a + b for a in safe for b in safe if is_bad(a + b)]
    rng = random.Random(7)
    runs = ["".join(rng.choice(safe) for _ in range(rng.randint(3, 40))) for _ in range(3000)]
    assert not [run for run in runs if is_bad(run)]


def test_the_windowed_badness_check_agrees_with_ftfys_around_triggers():
    """Text of named characters with up to three triggers (each looked at in its
    window) and with many (the whole shortened text checked): same answer as is_bad."""
    safe, triggers = _badness_alphabet()
    rng = random.Random(11)
    for _ in range(20000):
        chars = [rng.choice(safe) for _ in range(rng.randint(2, 30))]
        for _ in range(rng.choice((1, 2, 3, 12))):
            chars[rng.randrange(len(chars))] = rng.choice(triggers)
        text = "".join(chars)
        assert looks_bad(text) == is_bad(text), text


def test_the_shortcut_to_ftfys_encoding_fix_gives_what_fix_text_gives():
    """``ftfy_fix`` calls ``ftfy.fix_encoding`` alone on a line with nothing for ftfy's other
    fixers; on every case we have, with an entity, a control character, a C1 character, a
    surrogate or a line break put in at random (where the shortcut must not be taken), and on
    random text of the characters all those fixers look at, it gives ``fix_text``'s answer."""
    texts = [c["original"] for name in ("legacy", "negative", "repairs", "chains") for c in load(name)]
    texts += [c["original"] for name in (*FTFY_PASSING, "known-failures") for c in load(f"ftfy-cases/{name}")]
    others = ["&amp;", "&eacute;", "\x00", "\x1b[31m", "\x85", "\x9d", "\ufeff", "\u206a", "\ud83d", "\n"]
    rng = random.Random(5)
    variants = list(texts)
    for text in texts:
        at = rng.randrange(len(text) + 1)
        variants.append(text[:at] + rng.choice(others) + text[at:])
    # mojibake whose repair makes such a character: the shortcut must then be left too
    for code in (*range(0x80, 0xA0), *CONTROL_CHARS):
        shown = chr(code).encode("utf-8").decode("sloppy-windows-1252")
        variants += [f"CafÃ© {shown} x", f"{shown}CafÃ©"]
    safe, triggers = _badness_alphabet()
    alphabet = [*safe, *triggers, *others, "Ã", "©", "â", "€", "™", "Ð", "Ñ", "\xa0", "鶹", "ï»¿"]
    variants += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 25))) for _ in range(5000)]
    ftfy_fix.cache_clear()
    assert [v for v in variants if ftfy_fix(v) != ftfy.fix_text(v, FTFY_CONFIG)] == []


# ftfy's own cases


def ftfy_expectations(case: dict) -> set[str]:
    """What ftfy's case means under our configuration.

    ``fixed`` is ftfy's full result with its defaults, which uncurl quotes; we
    keep curly quotes, so ``fixed-encoding`` (the encoding fix alone) is the
    right result where the case has one, and ``fixed`` where it does not, or
    where our other fixes (control characters) make it right. Both are taken
    after our whitespace normalisation, which ftfy does not do.
    """
    return {normalize_spaces(case["fixed"]), normalize_spaces(case.get("fixed-encoding", case["fixed"]))}


def ftfy_params() -> list:
    return [
        pytest.param(case, id=f"{name}: {case['label']}")
        for name in FTFY_PASSING
        for case in load(f"ftfy-cases/{name}")
    ]


@pytest.mark.parametrize("case", ftfy_params())
def test_we_fix_what_ftfy_with_our_configuration_fixes(case):
    """Wherever ftfy (with FTFY_CONFIG) gets a case right, so do we."""
    expected = ftfy_expectations(case)
    if normalize_spaces(ftfy.fix_text(case["original"], FTFY_CONFIG)) not in expected:
        pytest.skip("ftfy with our configuration does not fix this one either")
    assert repair_text(case["original"])[0] in expected


@pytest.mark.parametrize("case", cases("ftfy-cases/negative"))
def test_ftfys_negative_cases_stay_as_ftfy_wants_them(case):
    """Unchanged but for our whitespace normalisation, except where the case
    itself asks for a fix (one does: C1 controls that stand for cp1252)."""
    fixed, repairs = repair_text(case["original"])
    assert fixed in ftfy_expectations(case)
    if case["fixed"] == case["original"]:
        assert fixed == normalize_spaces(case["original"])
        assert {r.kind for r in repairs} <= {"whitespace"}


@pytest.mark.parametrize("case", cases("ftfy-cases/known-failures", expect_failures=False))
def test_ftfys_known_failures_do_not_crash(case):
    fixed, repairs = repair_text(case["original"])
    assert isinstance(fixed, str) and all(isinstance(r, Repair) for r in repairs)


# ftfy 6.3.1 fails each of these; so does this repair, but for those it fixes.
FTFY_FAILURES_FIXED_HERE = frozenset({"subtle UTF-8 / codepage 437 mixup in Spanish"})


@pytest.mark.parametrize("case", cases("ftfy-cases/known-failures", fixed_here=FTFY_FAILURES_FIXED_HERE))
def test_ftfys_known_failures_are_repaired(case):
    assert repair_text(case["original"])[0] in ftfy_expectations(case)


# normalize_spaces and dominant_script


@pytest.mark.parametrize("case", cases("spaces"))
def test_normalize_spaces(case):
    assert normalize_spaces(case["original"]) == case["fixed"]


def test_space_repairs_are_reported_once_per_line():
    fixed, repairs = repair_line("a\u00a0b c\u200bd e\u00a0f", line=9)
    assert fixed == "a b cd e f"
    assert repairs == (Repair("a\u00a0b c\u200bd e\u00a0f", "a b cd e f", "whitespace", 9),)


@pytest.mark.parametrize("case", cases("scripts"))
def test_dominant_script(case):
    assert dominant_script(case["text"]) == case["script"]


def test_a_long_line_of_legacy_text_is_repaired_whole():
    """No word is that long in a Latin text, but a paragraph of Chinese has no spaces."""
    sentence = "国务院总理今天在北京会见了来访的外国代表团。" * 40
    assert repair_line(sentence.encode("gbk").decode("latin-1"))[0] == sentence
