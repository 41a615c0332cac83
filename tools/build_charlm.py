"""Build ``pelican_newsclean/data/charlm.json``, the character-bigram model of the repair.

    .venv/bin/pip install langdetect==1.0.9   # for this script only; not a runtime dependency
    .venv/bin/python tools/build_charlm.py

The counts are langdetect 1.0.9's per-language character n-gram profiles
(55 languages; Apache License 2.0, Copyright 2010-2014 Cybozu Labs, Inc. and
2014-2015 Michal Danilak), built from Wikipedia text. Only their 1- and
2-gram counts are read. Letters are lower-cased (so upper and title case
score as lower case), and each language keeps its commonest characters and
bigrams as rounded log-probabilities in tenths of a nat:

- ``uni``: log P(c), over the language's characters;
- ``bi``: log P(b | a), the next character given the one before (a space
  stands for a word boundary).

The profiles were counted over text normalised by langdetect (kana to one
hiragana and one katakana, some Han to classes of related characters,
Vietnamese tone-marked vowels to one letter); the model normalises text the
same way, but for Han: a Han character a language's table does not keep
gets that language's ``han``, a little below its rarest kept one. The output is
deterministic: the same profiles give the same file, byte for byte.
"""

from __future__ import annotations

from collections import Counter, defaultdict
import json
import math
from pathlib import Path

import langdetect

PROFILES = Path(langdetect.__file__).parent / "profiles"
OUT = Path(__file__).resolve().parent.parent / "pelican_newsclean" / "data" / "charlm.json"

UNIGRAMS_MAX = 260
"""Characters kept per language (more for languages with many: Korean, Chinese, Japanese)."""

UNIGRAMS_MAX_LARGE = 600
BIGRAMS_MAX = 300
# As in pelican_newsclean.core.repair.charlm.
UNKNOWN, BACKOFF, BOUNDARY = -10.0, -1.0, -1.8
UNIGRAM_MASS = 0.995
"""A language's characters are kept until they cover this share of its text."""


def lower(gram: str) -> str:
    """``gram`` in lower case, unless that changes its length."""
    return gram.lower() if len(gram.lower()) == len(gram) else gram


def expected(
    uni: dict[str, int], bigrams: dict[str, int], counts: Counter[str], letters: Counter[str], han: int | None
) -> float:
    """The mean log-probability per bigram the kept tables give the language's own text.

    It is scored as ``charlm`` scores text (a kept bigram, else the next
    letter's own log-probability with the back-off, else the unknown floor).
    The profiles keep only frequent bigrams, so where a letter's bigrams
    were not all counted, the rest of its successors are taken as the
    letters are distributed. A score read relative to this one is
    comparable across scripts: Han and Hangul, with many letters, score
    lower per bigram than alphabets do.
    """
    firsts: defaultdict[str, int] = defaultdict(int)
    for gram, count in counts.items():
        firsts[gram[0]] += count
    n_letters = sum(letters.values())
    space = firsts[" "] / sum(firsts.values())
    unseen = space * BOUNDARY + (1 - space) * sum(
        count
        / n_letters
        * (lp / 10 + BACKOFF if (lp := uni.get(ch, han if "\u3400" <= ch <= "\u9fff" else None)) else UNKNOWN)
        for ch, count in letters.items()
    )
    if han is not None:  # Han bigrams are too many for the profiles: text gets the letters' own odds
        return unseen
    n_firsts = sum(firsts.values())
    total = 0.0
    for a, a_count in firsts.items():
        seen = 0.0
        a_total = max(a_count, letters.get(a, 0))  # the profiles dropped rare bigrams, not rare letters
        for gram in counts:
            if gram[0] == a and gram in bigrams:
                share = counts[gram] / a_total
                seen += share
                total += a_count / n_firsts * share * bigrams[gram] / 10
        total += a_count / n_firsts * (1 - seen) * unseen
    return total


def main() -> None:
    """Write the model file and print its size."""
    languages: dict[str, dict[str, object]] = {}
    for path in sorted(PROFILES.iterdir()):
        profile = json.loads(path.read_text(encoding="utf-8"))
        freq: dict[str, int] = profile["freq"]
        uni: Counter[str] = Counter()
        bi: Counter[str] = Counter()
        for gram, count in freq.items():
            if len(gram) == 1 and gram != " ":
                uni[lower(gram)] += count
            elif len(gram) == 2 and gram != "  ":
                bi[lower(gram)] += count
        total = sum(uni.values())
        large = len(uni) > 500
        keep: dict[str, int] = {}
        mass = 0
        for ch, count in sorted(uni.items(), key=lambda item: (-item[1], item[0])):
            if mass / total >= UNIGRAM_MASS or len(keep) >= (UNIGRAMS_MAX_LARGE if large else UNIGRAMS_MAX):
                break
            keep[ch] = round(10 * math.log(count / total))
            mass += count
        firsts: defaultdict[str, int] = defaultdict(int)
        for gram, count in bi.items():
            firsts[gram[0]] += count
        bigrams = {
            gram: round(10 * math.log(count / firsts[gram[0]]))
            for gram, count in sorted(bi.items(), key=lambda item: (-item[1], item[0]))[:BIGRAMS_MAX]
            if all(ch == " " or ch in keep for ch in gram)
        }
        kept_han = [lp for ch, lp in keep.items() if "\u3400" <= ch <= "\u9fff"]
        han = min(kept_han) - 10 if kept_han else None  # a Han character not kept: rarer than the rarest kept
        mean = round(10 * expected(keep, bigrams, bi, uni, han))
        languages[path.name] = {"uni": keep, "bi": bigrams, "mean": mean} | ({"han": han} if han else {})
    model = {
        "source": "langdetect 1.0.9 language profiles (Apache-2.0), 1- and 2-grams; tools/build_charlm.py",
        "scale": 10,
        "languages": languages,
    }
    text = json.dumps(model, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    OUT.write_text(text + "\n", encoding="utf-8")
    print(f"{OUT}: {OUT.stat().st_size} bytes, {len(languages)} languages")


if __name__ == "__main__":
    main()
