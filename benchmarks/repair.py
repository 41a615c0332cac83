"""The repair alone against ftfy.fix_text: clean text per script, and text full of mojibake.

    python benchmarks/repair.py                # 400 lines per script, 7 repeats
    python benchmarks/repair.py -n 100 --repeat 3

For each script, the same lines are given to ``repair_text`` (the whole
repair: legacy encodings, ftfy where needed, spaces) and to ``ftfy.fix_text``
with its defaults, one right after the other in each repeat, so machine noise
hits both alike. Each repeat has lines of its own: the repair remembers what it
found in a segment, and lines read twice would flatter it. The ratio is ftfy's time over the repair's, per repeat; the
table shows its median and range. Targets: at least 3x on clean non-ASCII text
in each script, at least 1x (no slower than ftfy) on mojibake.
"""

from __future__ import annotations

import argparse
import random
import time

import _common  # noqa: F401 - makes the package importable from a checkout
from _common import median

# isort: split
import ftfy

from pelican_newsclean.core.repair import repair_text

TARGET_CLEAN = 3.0
TARGET_MOJIBAKE = 1.0

# Sentences written for this benchmark, a few per script; lines are made by joining them at random.
CLEAN = {
    "Latin with accents": [
        "Le conseil municipal a voté le budget après un débat animé.",
        "Die Bürgermeisterin eröffnete am Montag die neue Brücke über die Straße.",
        "El año pasado llovió más de lo previsto en la región.",
        "Zażółć gęślą jaźń, powiedział dziennikarz w Łodzi.",
    ],
    "Cyrillic": [
        "Правительство объявило о новых мерах поддержки экономики.",
        "В Москве открылась международная выставка современного искусства.",
        "Київ отримав нові трамваї та автобуси.",
    ],
    "Greek": ["Η κυβέρνηση ανακοίνωσε νέα μέτρα στήριξης.", "Ο καιρός αύριο θα είναι βροχερός στην Αθήνα."],
    "Arabic": ["أعلنت الحكومة عن خطة جديدة للتعليم.", "ارتفعت أسعار النفط في الأسواق العالمية اليوم."],
    "Han": ["国务院今天召开常务会议，部署稳经济措施。", "臺北市今天舉行跨年晚會，民眾熱情參與。"],
    "kana": ["東京では今日、桜が満開になりました。", "政府は新しい経済対策をまとめました。"],
    "Hangul": ["서울에서 오늘 첫눈이 내렸습니다.", "정부는 내년 예산안을 국회에 제출했다."],
    "Thai": ["กรุงเทพมหานครเป็นเมืองหลวงของประเทศไทย", "รัฐบาลประกาศมาตรการใหม่ในวันนี้"],
}


# the sentences each kind of damage is made from: Cyrillic that cp1251 can write, Han in
# simplified characters (as GBK text is written)
_MOJIBAKE_SOURCES = {
    "Latin with accents": CLEAN["Latin with accents"],
    "Cyrillic": CLEAN["Cyrillic"][:2],
    "Han": CLEAN["Han"][:1],
}
# (sentences, shown as, really): UTF-8 as cp1252 or cp1251, GBK or cp1251 as Latin-1
_KINDS = (
    ("Latin with accents", "cp1252", "utf-8"),
    ("Cyrillic", "cp1251", "utf-8"),
    ("Han", "latin-1", "gbk"),
    ("Cyrillic", "latin-1", "cp1251"),
)


def _mojibake(rng: random.Random) -> str:
    """A line of damage of a random kind: UTF-8 as cp1252 or cp1251, GBK or cp1251 as Latin-1.

    Its sentences are joined by random numbers, so that no two lines (nor their damaged
    segments) are alike: a cache keyed on text gains nothing that real text would not give it.
    """
    kind = rng.randrange(4)
    script, shown, true = _KINDS[kind]
    sentences = _MOJIBAKE_SOURCES[script]
    line = rng.choice(sentences)
    for _ in range(rng.randint(1, 2)):
        line += f" {rng.randint(1, 9999)} " + rng.choice(sentences)
    return line.encode(true).decode(shown, "replace")


def _lines(sentences: list[str], n: int, rng: random.Random) -> str:
    return "\n".join(" ".join(rng.choice(sentences) for _ in range(rng.randint(1, 3))) for _ in range(n))


def _paired(texts: list[str]) -> list[float]:
    """The ratio of ftfy's time to the repair's, once per text (each measured right after the other)."""
    ratios = []
    for text in texts:
        start = time.perf_counter()
        repair_text(text)
        ours = time.perf_counter() - start
        start = time.perf_counter()
        ftfy.fix_text(text)
        theirs = time.perf_counter() - start
        ratios.append(theirs / ours)
    return ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=400, help="lines per script (default 400)")
    parser.add_argument("--repeat", type=int, default=7, help="repeats (default 7)")
    args = parser.parse_args()
    rng = random.Random(1)
    # new lines in every repeat: the repair remembers what it read of a line (real text seldom repeats)
    inputs = {
        script: [_lines(sentences, args.n, rng) for _ in range(args.repeat)] for script, sentences in CLEAN.items()
    }
    inputs["mojibake"] = ["\n".join(_mojibake(rng) for _ in range(args.n)) for _ in range(args.repeat)]
    warm = random.Random(2)
    repair_text("\n".join(_mojibake(warm) for _ in range(20)))  # load the model once (other lines)
    print(f"{'text':<22} {'ftfy / repair':>14} {'range':>14} {'target':>7}")
    failed = []
    for name, texts in inputs.items():
        ratios = _paired(texts)
        target = TARGET_MOJIBAKE if name == "mojibake" else TARGET_CLEAN
        mark = "ok" if median(ratios) >= target else "MISS"
        print(f"{name:<22} {median(ratios):>13.1f}x {min(ratios):>6.1f}..{max(ratios):<6.1f} {target:>5.1f}x {mark}")
        if mark != "ok":
            failed.append(name)
    print("all targets met" if not failed else f"below target: {', '.join(failed)}")


if __name__ == "__main__":
    main()
