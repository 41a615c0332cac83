"""Regenerate legacy.json: real sentences in a legacy encoding, read back by
the decoders that scramble them on the web.

    python tests/data/encoding/make_legacy_cases.py > tests/data/encoding/legacy.json

The sentences were written for this test suite. Each is encoded in its legacy
encoding and decoded in four ways:

- latin-1: every byte as one Latin-1 character;
- cp1252: every byte as Windows-1252 (bytes it leaves undefined as Latin-1);
- mixed: UTF-8 wherever the bytes are valid UTF-8, cp1252 elsewhere;
- mixed-3: UTF-8 only for 3- and 4-byte sequences, Latin-1 elsewhere (the
  kind of scraper that produced the "Â鶹´«Ã½" title).

Every generated case has "expect": "pass", but those in KNOWN_FAILURES,
which the repair cannot undo: "fail", with the reason in "comment".
"""

import json
import sys

SENTENCES = {
    "gbk": [
        "国务院总理今天在北京会见了来访的外国代表团。",
        "2024年NBA总决赛第五场比赛将于周日举行",
        "据新华社报道，全国多地气温明显下降，部分地区出现降雪。",
        "上海证券交易所发布最新公告",
        "科学家发现了一种新的治疗方法",
        "本报记者 张伟 发自广州",
        "经济日报：消费市场持续回暖",
    ],
    "gb18030": [
        "中国人民银行宣布下调存款准备金率",
        "新闻联播",
    ],
    "big5": [
        "台北市政府今天宣布新的交通政策。",
        "中央氣象局發布大雨特報，請民眾注意安全。",
        "香港股市今日開盤上漲",
        "記者王小明／台中報導",
        "立法院三讀通過預算案",
    ],
    "shift_jis": [
        "東京都は今日、新しい防災計画を発表しました。",
        "日本語のニュース（東京）",
        "政府は来年度の予算案を閣議決定した",
        "大阪で記録的な大雨、交通機関に影響",
        "首相が記者会見で経済対策を説明",
    ],
    "euc_kr": [
        "한국어 뉴스",
        "서울시는 오늘 새로운 교통 정책을 발표했다.",
        "정부는 내년 예산안을 국회에 제출했다",
        "기상청은 주말에 전국적으로 비가 내릴 것이라고 예보했다.",
        "삼성전자 3분기 영업이익 발표",
    ],
    "cp1251": [
        "Привет, мир!",
        "Правительство России объявило о новых мерах поддержки экономики.",
        "В Москве открылась международная выставка",
        "Президент подписал указ о назначении нового министра",
        "Київ: міська влада оголосила про нові правила",
        "София е столицата на България",
    ],
}


def cp1252(raw: bytes) -> str:
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in raw)


def mixed(raw: bytes, min_len: int = 2, single=cp1252) -> str:
    """UTF-8 where a sequence of at least ``min_len`` bytes is valid, else ``single``."""
    out, i = [], 0
    while i < len(raw):
        for n in (4, 3, 2):
            if n >= min_len and i + n <= len(raw):
                try:
                    out.append(raw[i : i + n].decode("utf-8"))
                except UnicodeDecodeError:
                    continue
                if len(out[-1]) == 1:
                    i += n
                    break
                out.pop()
        else:
            out.append(single(raw[i : i + 1]))
            i += 1
    return "".join(out)


DECODERS = {
    "latin-1": lambda raw: raw.decode("latin-1"),
    "cp1252": cp1252,
    "mixed": mixed,
    "mixed-3": lambda raw: mixed(raw, 3, lambda b: b.decode("latin-1")),
}


# Found in the wild: the title of a scraped page (a GBK site read by a mixed decoder).
IN_THE_WILD = [
    {
        "label": "in the wild: GBK page title read by a mixed decoder",
        "comment": "The GBK bytes of the title, UTF-8 where they happen to be valid, Latin-1 elsewhere",
        "original": "Â鶹´«Ã½",
        "fixed": "麻豆传媒",
        "expect": "pass",
    }
]


# (encoding, decoder, sentence) -> why the repair leaves it as it is.
AMBIGUOUS_MIXED = (
    "In the mixed form a character may be one byte or two (its UTF-8), and here both readings give"
    " everyday characters (新 or 协): too close to call, so the text is left as it is"
)
KNOWN_FAILURES = {
    ("gbk", "mixed", "据新华社报道，全国多地气温明显下降，部分地区出现降雪。"): AMBIGUOUS_MIXED,
    ("gbk", "mixed", "上海证券交易所发布最新公告"): AMBIGUOUS_MIXED,
    ("gbk", "mixed", "科学家发现了一种新的治疗方法"): AMBIGUOUS_MIXED,
}


def main() -> None:
    cases, seen = list(IN_THE_WILD), set()
    for encoding, sentences in SENTENCES.items():
        for sentence in sentences:
            raw = sentence.encode(encoding)
            for name, decode in DECODERS.items():
                original = decode(raw)
                if original in seen:
                    continue
                seen.add(original)
                case = {"label": f"{encoding} read as {name}: {sentence[:24]}", "original": original, "fixed": sentence}
                reason = KNOWN_FAILURES.get((encoding, name, sentence))
                cases.append(case | ({"expect": "fail", "comment": reason} if reason else {"expect": "pass"}))
    json.dump(cases, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
