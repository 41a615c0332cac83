"""Publisher profiles are data: shipped ones identify publishers, users add their own."""

from __future__ import annotations

import pytest

from pelican_newsclean import Config, ProfileError, clean_text, load_profiles

ARTICLE = "The river flooded three villages overnight, forcing hundreds of families to leave their homes."


def test_shipped_profiles_load_with_names_and_home_pages():
    names = {p.name: p.home for p in load_profiles()}
    assert {"The Independent", "CTV News", "The Moscow Times"} <= set(names)
    assert all(home.startswith("https://") for home in names.values())


def test_a_profile_hit_removes_the_junk_and_names_the_publisher():
    result = clean_text(f"Enjoying ad-free content?\n{ARTICLE}")
    assert result.publisher == "The Moscow Times"
    assert result.publisher_url == "https://www.themoscowtimes.com/"
    assert [r.rule for r in result.removed] == ["use_profiles:the-moscow-times:donation"]


def test_no_hit_no_publisher():
    assert clean_text(ARTICLE).publisher is None


def test_a_users_profile_folder_adds_a_publisher(tmp_path):
    (tmp_path / "gazette.toml").write_text(
        'name = "The Gazette"\nhome = "https://gazette.example/"\n'
        '[[rules]]\nreason = "subscription"\nexact = ["Gazette members read free"]\n',
        encoding="utf-8",
    )
    result = clean_text(f"{ARTICLE}\nGazette members read free", Config(profile_dirs=(tmp_path,)))
    assert result.publisher == "The Gazette"
    assert result.paragraphs == (ARTICLE,)


def test_profiles_can_be_switched_off():
    result = clean_text(f"Enjoying ad-free content?\n{ARTICLE}", Config(use_profiles=False))
    assert result.publisher is None


@pytest.mark.parametrize(
    "text, problem",
    [
        ("name = ", "not valid TOML"),
        ('home = "https://x.example/"', "'name'"),
        ('name = "X"\n[[rules]]\nexact = ["a"]', "'reason'"),
        ('name = "X"\n[[rules]]\nreason = "ad"\npatterns = ["("]', "bad pattern"),
        ('name = "X"\ncolour = "red"', "unknown key"),
    ],
)
def test_a_broken_profile_is_an_error_naming_the_file(tmp_path, text, problem):
    (tmp_path / "broken.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as err:
        load_profiles((str(tmp_path),))
    assert "broken.toml" in str(err.value) and problem in str(err.value)


def test_a_missing_profile_folder_is_an_error(tmp_path):
    with pytest.raises(ProfileError, match="does not exist"):
        load_profiles((str(tmp_path / "nowhere"),))
