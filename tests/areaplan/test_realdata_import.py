"""Real data from ../shared/data: all 7,425 tambons, and 3,140 FY2565 budget titles located by their text."""

from __future__ import annotations

import re

import pyogrio
import pytest

from areaplan.importers.pipeline import import_file
from areaplan.workspace import Workspace
from tests.conftest import shared_file

pytestmark = pytest.mark.realdata


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    admin = shared_file("thailand_admin.gpkg")
    ws = Workspace.create(tmp_path_factory.mktemp("real") / "national.gpkg")
    report = import_file(ws, admin, "boundaries")
    yield ws, report, admin
    ws.close()


def test_all_tambons_amphoe_and_changwat_with_their_codes(national):
    ws, report, admin = national
    assert report.precision_counts == {"tambon": 7425, "amphoe": 928, "changwat": 77}
    assert (ws.count("tambon"), ws.count("amphoe"), ws.count("changwat")) == (7425, 928, 77)
    src = pyogrio.read_dataframe(admin, layer="tambon", read_geometry=False)
    expected = {c[2:]: (th, en, p[2:]) for c, th, en, p in
                zip(src["ADM3_PCODE"], src["ADM3_TH"], src["ADM3_EN"], src["ADM2_PCODE"])}
    got = ws.read_table("tambon")
    assert all(len(c) == 6 and c.isdigit() for c in got["code"])
    actual = {c: (th, en, p) for c, th, en, p in zip(got["code"], got["name_th"], got["name_en"], got["parent_code"])}
    assert actual == expected
    assert ws.read_table("tambon").set_index("code").loc["900101", "name_th"] == src.set_index("ADM3_PCODE").loc["TH900101", "ADM3_TH"]


def test_budget_titles_are_located_to_the_tambon_they_name(national):
    ws, _, _ = national
    csv = shared_file("budget2565", "projects_fy2565.csv")
    report = import_file(ws, csv, "projects")
    assert report.rows_read == 3140 and not report.rejected
    p = ws.read_table("projects")
    assert p["fiscal_year"].between(2550, 2575).all(), "CE years (2009–2027) stored as BE"
    assert (p["fiscal_year"] == 2565).mean() > 0.8, "the FY2022 budget act is FY2565"
    located = p[p["tambon_code"].notna() & p["location_precision"].isin(["tambon", "village"])]
    share = len(located) / len(p)
    print(f"located to a tambon: {share:.1%} of {len(p)}")
    assert share >= 0.95
    names = ws.read_table("tambon").set_index("code")["name_th"]
    provinces = ws.read_table("changwat").set_index("code")["name_th"]

    def squeeze(text: str) -> str:
        return re.sub(r"\s+", "", text)

    agree = sum(
        squeeze(names.get(code, "\0")) in squeeze(title) and squeeze(provinces.get(code[:2], "\0")) in squeeze(title)
        for code, title in zip(located["tambon_code"], located["title"])
    )
    print(f"tambon and changwat named in the title: {agree / len(located):.1%}")
    assert agree / len(located) >= 0.98
    assert report.precision_counts.get("tambon", 0) == int((p["location_precision"] == "tambon").sum())
