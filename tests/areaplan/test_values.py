"""Value normalisers: what users write for years, budgets, villages and labels."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from areaplan.values import (
    ValueProblem,
    arabic_to_thai_digits,
    clean_text,
    find_village_no,
    fiscal_year_of,
    parse_budget,
    parse_village_no,
    parse_year,
    split_ids,
    thai_digits_to_arabic,
)
from areaplan.vocab import CHANNELS, AGENDAS, STATUSES, LEVELS, label, to_code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,250,000", 1_250_000),
        ("1.25 ล้าน", 1_250_000),
        ("๑,๒๕๐,๐๐๐", 1_250_000),
        ("1,250,000 บาท", 1_250_000),
        ("21,384,000.0", 21_384_000),
        ("3 แสน", 300_000),
        (1250000, 1_250_000),
        ("", None),
        (None, None),
    ],
)
def test_budgets(text, expected):
    assert parse_budget(text) == expected


@pytest.mark.parametrize("bad", ["n/a", "หนึ่งล้าน", "-5", "1,2,3 ล้านบาทเศษ"])
def test_bad_budgets_say_what_was_expected(bad):
    with pytest.raises(ValueProblem, match=r"งบประมาณต้องเป็น.*\(expected a"):
        parse_budget(bad)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2568", 2568), ("2025", 2568), ("๒๕๖๘", 2568), ("พ.ศ. 2567", 2567), ("ปีงบประมาณ 2569", 2569),
     (2022, 2565), (2568.0, 2568), ("2025.0", 2568)],
)
def test_years_are_stored_in_buddhist_era(text, expected):
    assert parse_year(text) == expected


@pytest.mark.parametrize("bad", ["68", "สองพันห้าร้อย", "1066", "2568/69"])
def test_bad_years(bad):
    with pytest.raises(ValueProblem, match="ปี"):
        parse_year(bad)


@pytest.mark.parametrize(("text", "n"), [("3", 3), ("หมู่ที่ 3", 3), ("ม.3", 3), ("หมู่ ๓", 3), ("ม. 12", 12), (5.0, 5)])
def test_village_numbers(text, n):
    assert parse_village_no(text) == n


def test_village_number_inside_a_title():
    assert find_village_no("ก่อสร้างถนน คสล. สายบ้านนา หมู่ที่ ๔ ตำบลคอหงส์") == 4
    assert find_village_no("ก่อสร้างถนน ม.11 ต.คอหงส์") == 11
    assert find_village_no("ถนนยาว 1,200 เมตร") is None


def test_fiscal_year_starts_in_october():
    assert fiscal_year_of(2025, 9) == 2568
    assert fiscal_year_of(2025, 10) == 2569


def test_clean_text_joins_decomposed_sara_am_and_spaces():
    assert clean_text("น\u0e49\u0e4d\u0e32ท่วม\u200b  ซ้ำซาก ") == "น\u0e49\u0e33ท่วม ซ้ำซาก"
    assert clean_text("น\u0e4d\u0e49\u0e32") == "น\u0e49\u0e33"
    assert clean_text("ท\u0e4d\u0e32") == "ทำ"


def test_split_ids():
    assert split_ids("P1; P2,P3 ;P1") == ["P1", "P2", "P3"]
    assert split_ids(None) == []


@pytest.mark.parametrize(
    ("vocabulary", "text", "code"),
    [
        ("channel", "แผนพัฒนาจังหวัด", "province"),
        ("channel", "งบพัฒนาจังหวัด", "province"),
        ("channel", "อบต.", "local"),
        ("channel", "งบกระทรวง กรม (งบฟังก์ชัน)", "function"),
        ("channel", "แผนหมู่บ้าน", "community"),
        ("channel", " Province ", "province"),
        ("agenda", "น้ำท่วม", "water"),
        ("agenda", "ถนน", "transport"),
        ("status", "แล้วเสร็จ", "done"),
        ("status", "กำลังดำเนินการ", "in_progress"),
        ("level", "กลุ่มจังหวัด", "cluster"),
        ("kind", "แผนเชิงประเด็น", "agenda"),
    ],
)
def test_labels_to_codes(vocabulary, text, code):
    assert to_code(vocabulary, text) == code


def test_unknown_label_is_none():
    assert to_code("channel", "งบเอกชนพิเศษ") is None


@pytest.mark.parametrize("table", [CHANNELS, AGENDAS, STATUSES, LEVELS])
def test_every_code_and_label_round_trips(table):
    vocabulary = {id(CHANNELS): "channel", id(AGENDAS): "agenda", id(STATUSES): "status", id(LEVELS): "level"}[id(table)]
    for code, thai in table.items():
        assert to_code(vocabulary, code) == code
        assert to_code(vocabulary, thai) == code
        assert label(vocabulary, code) == thai


# ---------------------------------------------------------------- properties
@given(st.integers(min_value=0, max_value=10**12))
def test_budget_any_integer_in_any_digit_style(n):
    plain = f"{n:,}"
    assert parse_budget(plain) == n
    assert parse_budget(arabic_to_thai_digits(plain)) == n
    assert parse_budget(f"{plain} บาท") == n


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=99))
def test_budget_in_millions(whole, hundredths):
    text = f"{whole}.{hundredths:02d} ล้าน"
    assert parse_budget(text) == pytest.approx((whole + hundredths / 100) * 1_000_000)


@given(st.integers(min_value=1900, max_value=2200))
def test_ce_and_be_agree(ce):
    assert parse_year(str(ce)) == ce + 543 == parse_year(str(ce + 543))
    assert parse_year(arabic_to_thai_digits(str(ce + 543))) == ce + 543


@given(st.text())
def test_thai_digit_translation_round_trips(text):
    ascii_digits = thai_digits_to_arabic(text)
    assert not any(c in "๐๑๒๓๔๕๖๗๘๙" for c in ascii_digits)
    assert thai_digits_to_arabic(arabic_to_thai_digits(ascii_digits)) == ascii_digits


@given(st.text())
def test_parsers_never_crash_with_anything_but_valueproblem(text):
    for parser in (parse_budget, parse_year, parse_village_no):
        try:
            parser(text)
        except ValueProblem:
            pass
