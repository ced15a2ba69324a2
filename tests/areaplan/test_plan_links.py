"""Derived plan ↔ area links: every rule on the small hand-made case of plan_fixtures."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from areaplan.analyses.plan_links import PlanIndex, _NameIndex, link_projects, owner_areas, unlink_projects
from areaplan.errors import AreaPlanError
from tests.areaplan import plan_fixtures

DEMO = Path(__file__).resolve().parents[2] / "sample_data" / "demo_songkhla.gpkg"


@pytest.fixture(scope="module")
def ix() -> PlanIndex:
    return plan_fixtures.index()


def by_plan(result) -> pd.DataFrame:
    return result.plans.set_index("plan_id")


def test_coverage_of_an_ancestor_touches_the_area(ix):
    plans = by_plan(ix.area_links("901104"))
    assert plans.loc["DI", "relation"] == "inside", "DI covers amphoe 9011, which contains tambon 901104"
    assert plans.loc["DI", "coverage_source"] == "coverage"


def test_coverage_of_a_descendant_touches_the_area(ix):
    plans = by_plan(ix.area_links("901104"))
    assert plans.loc["VL", "relation"] == "contains", "VL covers village 90110403 inside tambon 901104"
    assert "VL" not in by_plan(ix.area_links("901105")).index, "the village is not in the neighbouring tambon"


def test_a_project_in_the_area_makes_a_plan_touch_it(ix):
    plans = by_plan(ix.area_links("901105"))
    # AG-W covers Satun only; its project P1 lies in village 2 of คลองแห
    assert pd.isna(plans.loc["AG-W", "relation"]) and bool(plans.loc["AG-W", "via_projects"])
    assert plans.loc["AG-W", "projects"] == 1 and plans.loc["AG-W", "budget"] == 1_000_000
    assert "AG-W" not in by_plan(ix.area_links("901104")).index


def test_empty_coverage_is_the_owners_jurisdiction(ix):
    plans = by_plan(ix.area_links("901104"))
    assert plans.loc["PV", "coverage_source"] == "owner", "owner จังหวัดสงขลา -> changwat 90"
    assert plans.loc["NAT", "coverage_source"] == "country", "a national plan covers the whole country"
    assert plans.loc["PV-2568", "coverage_source"] == "parent", "annual plan: area of its same-level parent"
    lc = by_plan(ix.area_links("901105"))
    assert lc.loc["LC", "relation"] == "listed" and lc.loc["LC", "coverage_source"] == "owner", "อบต.คลองแห"
    assert "LC" not in plans.index, "อบต.คลองแห does not cover คอหงส์"
    satun = by_plan(ix.area_links("910101"))
    assert "PV" not in satun.index and "NAT" in satun.index and satun.loc["AG-W", "relation"] == "inside"


def test_cluster_with_empty_coverage_is_not_guessed_from_its_office(ix):
    assert "CL" not in by_plan(ix.area_links("901104")).index
    result = ix.plan_areas("CL")
    assert result.areas.empty and "cluster" in result.note
    assert set(ix.unresolved["plan_id"]) == {"CL"}


def test_projects_and_budget_are_those_in_the_area(ix):
    result = ix.area_links("9011")
    plans = by_plan(result)
    assert plans.loc["DI", "relation"] == "listed"
    assert plans.loc["DI", "projects"] == 2 and plans.loc["DI", "budget"] == 800_000, "P2 (tambon) + P5 (amphoe)"
    assert result.totals["projects"] == 6, "every located project of the amphoe, P6 (unlocated) is nowhere"
    assert result.totals["unplanned_projects"] == 1 and result.unplanned["project_id"].tolist() == ["P4"]
    tambon = by_plan(ix.area_links("901104"))
    assert tambon.loc["DI", "projects"] == 1 and tambon.loc["DI", "budget"] == 500_000, "only P2 lies in คอหงส์"
    village = by_plan(ix.area_links("90110403"))
    assert village.loc["VL", "relation"] == "listed" and village.loc["DI", "projects"] == 0, "P2 is tambon-precise"


def test_groups_are_ordered_by_level_then_kind(ix):
    groups = ix.area_links("901105").groups()
    keys = [(g["level"], g["kind"]) for g in groups]
    assert keys[:2] == [("national", "area"), ("national", "agenda")]
    assert keys.index(("province", "area")) < keys.index(("local", "area"))
    agenda = next(g for g in groups if g["kind"] == "agenda" and g["level"] == "national")
    assert agenda["plans"][0]["projects_list"][0]["project_id"] == "P1"
    json.dumps(ix.area_links("901105").to_dict(), ensure_ascii=False)


def test_plan_to_areas_by_coverage_and_projects(ix):
    di = ix.plan_areas("DI").areas.set_index("code")
    assert di.loc["9011", "relation"] == "listed" and di.loc["90", "relation"] == "contains"
    assert di.loc["901104", "relation"] == "inside" and di.loc["90110403", "relation"] == "inside"
    assert "900101" not in di.index and "91" not in di.index
    assert di.loc["9011", "budget"] == 800_000 and di.loc["901104", "budget"] == 500_000
    ag = ix.plan_areas("AG-W")
    areas = ag.areas.set_index("code")
    assert areas.loc["910101", "relation"] == "inside" and areas.loc["910101", "projects"] == 0
    assert pd.isna(areas.loc["901105", "relation"]) and areas.loc["901105", "budget"] == 1_000_000
    assert bool(areas.loc["90", "via_projects"]), "a project lies in every ancestor of its area"
    assert ag.at_level("tambon")["code"].tolist() == ["901105", "910101"]
    assert ag.parents == ["NAT"]


def test_national_plan_touches_every_area(ix):
    result = ix.plan_areas("NAT")
    assert len(result.areas) == len(plan_fixtures.AREAS)
    assert result.coverage["source"].tolist() == ["country"]
    assert set(result.children) == {"CL", "AG-W"}


def test_unknown_coverage_touches_through_projects_only(ix):
    result = ix.plan_areas("BADCOV")
    assert result.areas.empty and result.coverage.empty and "not in the workspace" in result.note


def test_find_area_and_plan(ix):
    assert ix.find_area("TH901104") == "901104" == ix.find_area("๙๐๑๑๐๔") == ix.find_area("คอหงส์")
    assert ix.find_area("Kho Hong") == "901104"
    with pytest.raises(AreaPlanError, match="901199"):
        ix.area_links("901199")
    assert ix.plan_areas("di").plan["plan_id"] == "DI"
    with pytest.raises(AreaPlanError, match="NOPE"):
        ix.plan_areas("NOPE")


def test_owner_names_are_read_within_the_parent_area():
    areas = pd.DataFrame([("901104", "คลองแห", "tambon"), ("910102", "คลองแห", "tambon"), ("90", "สงขลา", "changwat"),
                          ("9011", "หาดใหญ่", "amphoe")], columns=["code", "name_th", "level"])
    names = _NameIndex.from_areas(areas)
    assert owner_areas("อบต.คลองแห", names, ["90"]) == (["901104"], None)
    codes, note = owner_areas("อบต.คลองแห", names)
    assert codes == [] and "901104" in note and "910102" in note, "two tambons of that name: not guessed"
    assert owner_areas("ที่ทำการปกครองอำเภอหาดใหญ่ จังหวัดสงขลา", names)[0] == ["9011"], "most precise area named"
    assert owner_areas("สำนักงานศึกษาธิการภาค", names) == ([], None)


def test_index_from_a_workspace_and_manual_links(workspace, tmp_path):
    from areaplan.importers.pipeline import import_file
    from tests.areaplan import fixtures

    fixtures.fill(workspace)
    plans = tmp_path / "plans.csv"
    plans.write_text("plan_id,name,level,kind,agenda,owner,period_start,period_end,coverage,parent_id\n"
                     "PV,แผนพัฒนาจังหวัดสงขลา,จังหวัด,area,,จังหวัดสงขลา,2566,2570,,\n"
                     "TB,แผนพัฒนาตำบลคอหงส์,ตำบล,area,,,2567,2570,TH901104,PV\n", encoding="utf-8")
    projects = tmp_path / "projects.csv"
    projects.write_text("project_id,title,budget,tambon,amphoe,changwat,plan_ids\n"
                        "K1,ถนน ต.คอหงส์,100000,คอหงส์,หาดใหญ่,สงขลา,TB\n"
                        "K2,ขุดลอก ต.คลองแห,250000,คลองแห,หาดใหญ่,สงขลา,\n", encoding="utf-8")
    import_file(workspace, plans)
    import_file(workspace, projects)
    ix = PlanIndex.from_workspace(workspace)
    assert by_plan(ix.area_links("901104")).loc["TB", "budget"] == 100_000
    assert by_plan(ix.area_links("901104")).loc["PV", "coverage_source"] == "owner"
    link_projects(workspace, pd.DataFrame([{"source": "projects.csv", "project_id": "K2", "plan_id": "PV"}]))
    again = PlanIndex.from_workspace(workspace)
    assert by_plan(again.area_links("901105")).loc["PV", "budget"] == 250_000
    assert workspace.read_table("project_plans").set_index("project_id").loc["K2", "how"] == "manual"
    import_file(workspace, projects)  # re-import keeps links made by hand
    assert "K2" in set(workspace.read_table("project_plans")["project_id"])
    assert unlink_projects(workspace, pd.DataFrame([{"source": "projects.csv", "project_id": "K2",
                                                     "plan_id": "PV"}])) == 1


def test_demo_tambon_sees_its_plans_and_money(tmp_path):
    if not DEMO.exists():
        pytest.skip("sample_data/demo_songkhla.gpkg not built")
    path = tmp_path / "demo.gpkg"
    shutil.copy(DEMO, path)
    ix = PlanIndex.from_path(path)
    result = ix.area_links("901104")
    plans = by_plan(result)
    assert {"NAT-STRAT", "PV90", "DI-9011", "TB-901104", "AG-RID"} <= set(plans.index)
    assert result.totals["projects"] > 0 and result.totals["budget"] > 0
    assert plans["budget"].sum() >= result.totals["planned_budget"] > 0
    water = ix.plan_areas("AG-RID").at_level("tambon")
    assert len(water) == len(ix.level_codes["tambon"]) and water["budget"].sum() > 0
