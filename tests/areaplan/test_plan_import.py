"""Plan imports with bad input: each problem named with file, row and field, and nothing lost."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from areaplan.importers.pipeline import import_file
from tests.areaplan import fixtures

HEAD = "plan_id,name,level,kind,agenda,owner,period_start,period_end,coverage,parent_id\n"


@pytest.fixture
def ws(workspace):
    fixtures.fill(workspace)
    return workspace


def write(tmp_path, text, name="plans.csv"):
    path = tmp_path / name
    path.write_text(HEAD + text, encoding="utf-8")
    return path


def test_unknown_level_is_kept_with_a_warning(ws, tmp_path):
    report = import_file(ws, write(tmp_path, "A,แผนกรม,ระดับกรม,area,,กรมชลประทาน,2566,2570,90,\n"))
    assert report.imported == 1 and not report.rejected
    [w] = [w for w in report.warnings if w.field == "level"]
    assert w.row == 2 and "plans.csv" in w.th and "ระดับกรม" in w.th and "national" in w.en
    assert ws.read_table("plans").set_index("plan_id").loc["A", "level"] == "ระดับกรม"


def test_period_end_before_start_is_rejected_and_kept_verbatim(ws, tmp_path):
    report = import_file(ws, write(tmp_path, "A,ดี,จังหวัด,area,,,2566,2570,90,\nB,ปีกลับ,ตำบล,area,,,2570,2566,,\n"))
    assert report.imported == 1 and report.exit_code == 3
    [r] = report.rejected
    assert r.row == 3 and r.field == "period_end" and "plans.csv" in r.reason and "2566" in r.reason
    stored = ws.read_table("rejected_rows")
    assert len(stored) == 1 and json.loads(stored["raw"][0])["plan_id"] == "B"


def test_parent_cycle_is_kept_with_a_warning_naming_the_chain(ws, tmp_path):
    import_file(ws, write(tmp_path, "OLD,แผนเดิม,จังหวัด,area,,,2566,2570,90,NEW\n", "old.csv"))
    report = import_file(ws, write(tmp_path, "NEW,แผนใหม่,อำเภอ,area,,,2566,2570,9011,OLD\n"
                                             "SELF,แผนตัวเอง,ตำบล,area,,,2566,2570,901104,SELF\n"))
    assert report.imported == 2 and not report.rejected
    cycles = [w for w in report.warnings if w.field == "parent_id"]
    assert {w.row for w in cycles} == {2, 3}
    assert any("NEW → OLD → NEW" in w.en for w in cycles), "a cycle through a plan already in the workspace"
    assert any("SELF → SELF" in w.en for w in cycles)
    assert set(ws.read_table("plans")["plan_id"]) == {"OLD", "NEW", "SELF"}


def test_coverage_code_that_does_not_exist(ws, tmp_path):
    report = import_file(ws, write(tmp_path, "A,แผน,ตำบล,area,,,2566,2570,TH901104;9099;๙๑;90110499,\n"))
    assert report.imported == 1 and not report.rejected
    bad = sorted(w.en.split("area code ")[1].split(" ")[0] for w in report.warnings if w.field == "coverage")
    assert bad == ["'90110499'", "'9099'"], "91 (Satun) is in the national register; 90110499 is no village here"
    assert all(w.row == 2 and "plans.csv" in w.th for w in report.warnings if w.field == "coverage")
    plan = ws.read_table("plans").iloc[0]
    assert plan["coverage"] == "901104;9099;91;90110499", "kept as written (normalised)"
    areas = ws.read_table("plan_areas")
    assert sorted(areas["area_code"]) == ["901104", "91"], "unknown codes touch no area"


def test_nothing_is_lost(ws, tmp_path):
    text = ("A,ดี,จังหวัด,area,,,2566,2570,90,\n"
            ",ไม่มีรหัส,จังหวัด,area,,,2566,2570,,\n"
            "A,ซ้ำ,จังหวัด,area,,,2566,2570,,\n"
            "C,ปีผิด,จังหวัด,area,,,สองห้าหกหก,2570,,\n"
            "D,ระดับผิด,ระดับเทพ,area,,,2566,2570,,A\n")
    report = import_file(ws, write(tmp_path, text))
    assert report.rows_read == 5 and report.imported + len(report.rejected) == 5
    assert sorted(r.field for r in report.rejected) == ["period_start", "plan_id", "plan_id"]
    assert len(ws.read_table("rejected_rows")) == 3 and ws.count("plans") == 2
    assert pd.Series([r.reason for r in report.rejected]).str.contains("plans.csv").all()
