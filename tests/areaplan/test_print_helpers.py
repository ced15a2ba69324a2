"""Qt-free helpers of the print composer: Buddhist-Era dates, Thai digits, atlas areas, saved templates."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from areaplan.atlas_areas import (
    AtlasError,
    area_table,
    full_title,
    nested_areas,
    project_area_codes,
    resolve_area,
    select_areas,
    thai_sort_key,
)
from areaplan.thai_dates import prepared_on, thai_date
from areaplan.thai_numbers import format_baht, format_number, format_scale


def test_buddhist_era_date_as_printed_on_annexes():
    assert thai_date(date(2026, 11, 22)) == "22 พฤศจิกายน 2569"
    assert prepared_on(date(2026, 11, 22)) == "จัดทำเมื่อ 22 พฤศจิกายน 2569"
    assert prepared_on(date(2026, 11, 22), thai_digits=True) == "จัดทำเมื่อ ๒๒ พฤศจิกายน ๒๕๖๙"
    assert thai_date(date(2025, 1, 5), short=True) == "5 ม.ค. 2568"


def test_numbers_with_separators_and_thai_digits():
    assert format_baht(1250000) == "1,250,000"
    assert format_baht(1250.5) == "1,250.50"
    assert format_baht(1250000, thai_digits=True) == "๑,๒๕๐,๐๐๐"
    assert format_baht(None) == "" and format_number(float("nan")) == ""
    assert format_scale(50000) == "1:50,000"


def boundaries() -> dict[str, pd.DataFrame]:
    return {
        "changwat": pd.DataFrame({"code": ["90"], "name_th": ["สงขลา"], "name_en": ["Songkhla"], "parent_code": [None]}),
        "amphoe": pd.DataFrame({"code": ["9011", "9001"], "name_th": ["หาดใหญ่", "เมืองสงขลา"],
                                "name_en": ["Hat Yai", "Mueang Songkhla"], "parent_code": ["90", "90"]}),
        "tambon": pd.DataFrame({"code": ["901101", "901104", "900101"], "name_th": ["หาดใหญ่", "คอหงส์", "บ่อยาง"],
                                "name_en": ["Hat Yai", "Kho Hong", "Bo Yang"], "parent_code": ["9011", "9011", "9001"]}),
    }  # fmt: skip


def projects() -> pd.DataFrame:
    return pd.DataFrame({
        "project_id": ["A", "B", "C", "D"],
        "tambon_code": ["901104", "901104", "900101", None],
        "amphoe_code": [None, None, None, "9011"],  # D is located only to its amphoe
        "budget": [1_000_000.0, 250_000.0, 5_000_000.0, 300_000.0],
    })  # fmt: skip


def test_area_table_counts_projects_and_budgets_at_every_level():
    table = area_table(boundaries(), projects())
    row = table.set_index("code")
    assert row.loc["901104", "projects"] == 2 and row.loc["901104", "budget"] == 1_250_000
    assert row.loc["9011", "projects"] == 3  # two tambon-located + one amphoe-located
    assert row.loc["90", "projects"] == 4 and row.loc["90", "budget"] == 6_550_000
    codes = project_area_codes(projects())
    assert list(codes["amphoe"]) == ["9011", "9011", "9001", "9011"]


def test_select_filter_sort_and_nested_order():
    table = area_table(boundaries(), projects())
    assert [a.code for a in select_areas(table, "amphoe")] == ["9001", "9011"]
    assert [a.name_th for a in select_areas(table, "tambon", codes=["9011"])] == ["หาดใหญ่", "คอหงส์"]
    assert [a.code for a in select_areas(table, "tambon", filter="projects > 0")] == ["900101", "901104"]
    assert [a.code for a in select_areas(table, "tambon", sort="-budget")][0] == "901101"
    assert [a.code for a in select_areas(table, "tambon", sort="budget")][0] == "900101"
    assert [a.code for a in nested_areas(table)] == ["90", "9001", "900101", "9011", "901101", "901104"]
    assert [a.code for a in nested_areas(table, codes=["9011"])] == ["90", "9011", "901101", "901104"]


def test_thai_names_sort_in_dictionary_order():
    words = ["เทพา", "ควนเนียง", "จะนะ", "โคกม่วง", "สะเดา"]
    assert sorted(words, key=thai_sort_key) == ["โคกม่วง", "ควนเนียง", "จะนะ", "เทพา", "สะเดา"]


def test_areas_found_by_code_or_name_and_titled_with_parents():
    table = area_table(boundaries(), projects())
    area = resolve_area(table, "คอหงส์")
    assert area.code == "901104" and area.title == "ตำบลคอหงส์"
    assert full_title(table, area) == "ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา"
    assert resolve_area(table, "Kho Hong").code == "901104"
    assert resolve_area(table, "อำเภอหาดใหญ่").code == "9011"
    with pytest.raises(AtlasError, match="ตรงกับหลายพื้นที่.*9011.*901101"):
        resolve_area(table, "หาดใหญ่")
    with pytest.raises(AtlasError, match="ไม่พบพื้นที่รหัส 9099"):
        resolve_area(table, "9099")
    with pytest.raises(AtlasError, match="no area named 'ไม่มี'"):
        resolve_area(table, "ไม่มี")


def test_bad_filter_and_sort_are_explained():
    table = area_table(boundaries(), projects())
    with pytest.raises(AtlasError, match=r"ตัวกรองพื้นที่ใช้ไม่ได้.*columns: level, code"):
        select_areas(table, "tambon", filter="nosuch > 3")
    with pytest.raises(AtlasError, match="cannot sort by 'size'"):
        select_areas(table, "tambon", sort="size")
    with pytest.raises(AtlasError, match="level must be one of"):
        select_areas(table, "muban")


def test_templates_are_saved_in_the_workspace(workspace):
    from areaplan.workspace.templates import TemplateError, delete_template, list_templates, load_template, save_template

    save_template(workspace, "ภาคผนวก ก", {"page": "A3", "landscape": True})
    save_template(workspace, "ภาคผนวก ก", {"page": "A4"})  # replaced, not duplicated
    assert list_templates(workspace) == ["ภาคผนวก ก"]
    assert load_template(workspace, "ภาคผนวก ก") == {"page": "A4"}
    with pytest.raises(TemplateError, match=r"ไม่พบแม่แบบ 'ข'.*saved: ภาคผนวก ก"):
        load_template(workspace, "ข")
    with pytest.raises(TemplateError, match="a template needs a name"):
        save_template(workspace, " ", {})
    with pytest.raises(TemplateError, match="must be a JSON object"):
        save_template(workspace, "x", ["not", "a", "dict"])
    assert delete_template(workspace, "ภาคผนวก ก") and list_templates(workspace) == []
