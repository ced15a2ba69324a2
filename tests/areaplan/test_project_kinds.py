"""Work types read once from project titles and stored in the workspace (title_kinds), used by flood exposure."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from areaplan.analyses import flood_exposure as fx
from areaplan.analyses import title_kinds as tk
from areaplan.importers.pipeline import import_file
from areaplan.progress import Cancelled
from areaplan.workspace import Workspace

TITLES = [
    "ก่อสร้างถนน คสล. สายบ้านควน หมู่ที่ 3",  # road: construction
    "ขุดลอกคลองอู่ตะเภา",  # dredging: flood mitigation
    "ก่อสร้างถนน คสล. สายบ้านควน หมู่ที่ 3",  # the same title again (read once)
    "ฝึกอบรมอาชีพผู้สูงอายุ",  # training: neither
    "ก่อสร้างสิ่งสาธารณประโยชน์",  # no work type, says ก่อสร้าง: construction
    "จัดงานประเพณีลอยกระทง",  # no work type at all
]


def _csv(path: Path, titles=TITLES, prefix: str = "P") -> Path:
    pd.DataFrame({
        "project_id": [f"{prefix}{i}" for i in range(len(titles))], "title": titles,
        "budget": [1e6] * len(titles), "agenda": ["transport"] * len(titles),
        "lon": [100.6 + i * 0.001 for i in range(len(titles))], "lat": [7.0] * len(titles),
    }).to_csv(path, index=False)
    return path


def _stored(ws, titles) -> dict:
    found, wt, says = tk.stored(ws, tk.title_keys(titles))
    return {t: (w, bool(s)) for t, f, w, s in zip(titles, found, wt, says) if f}


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    from areaplan.demo.build import build_demo

    return build_demo(tmp_path_factory.mktemp("demo") / "demo.gpkg")


def test_import_stores_one_work_type_per_distinct_title(workspace, tmp_path):
    import_file(workspace, _csv(tmp_path / "p.csv"), "projects")
    assert len(tk.stored_keys(workspace)) == len(set(TITLES))
    assert {r[0] for r in workspace.query("SELECT rules FROM title_kinds")} == {tk.rules_version()}
    got = _stored(workspace, TITLES)
    assert [got[t] for t in TITLES] == [("road", False), ("dredging", False), ("road", False), ("training", False),
                                        ("", True), ("", False)]


def test_exposure_reads_stored_work_types_without_reading_titles(workspace, tmp_path, monkeypatch):
    import_file(workspace, _csv(tmp_path / "p.csv"), "projects")
    plain = workspace.read_layer("projects")
    expected = fx.project_kinds(plain)
    assert expected["work_type"].tolist() == ["road", "dredging", "road", "training", "", ""]
    assert expected["is_construction"].tolist() == [True, False, True, False, True, False]
    assert expected["is_mitigation"].tolist() == [False, True, False, False, False, False]
    calls = []
    real = tk.read_titles
    monkeypatch.setattr(tk, "read_titles", lambda titles, *a, **k: calls.append(len(titles)) or real(titles, *a, **k))
    attached = tk.attach(workspace, plain)
    got = fx.project_kinds(attached)
    pd.testing.assert_frame_equal(got, expected)
    assert sum(calls) == 0, "every title was stored at import: none is read again"


def test_project_exposure_output_is_the_same_with_stored_kinds(workspace, tmp_path):
    from tests.areaplan.test_flood_exposure import half_block, hazard

    import_file(workspace, _csv(tmp_path / "p.csv"), "projects")
    haz = hazard(half_block(tmp_path))
    plain = workspace.read_layer("projects")
    a = fx.project_exposure(plain, haz)
    b = fx.project_exposure(tk.attach(workspace, plain), haz)
    assert list(a.columns) == list(b.columns) and not set(tk.ATTACHED) & set(b.columns)
    pd.testing.assert_frame_equal(a.drop(columns="geometry"), b.drop(columns="geometry"))


def test_demo_builder_stores_kinds_that_agree_with_reading_the_titles(demo):
    with Workspace.open(demo) as ws:
        distinct = ws.query("SELECT count(DISTINCT title) FROM projects")[0][0]
        assert len(tk.stored_keys(ws)) == distinct > 1000
        projects = ws.read_layer("projects")
        attached = tk.attach(ws, projects, write=False)
    assert attached[tk.ATTACHED[0]].notna().all()
    stored = fx.project_kinds(attached)
    computed = fx.project_kinds(projects)
    pd.testing.assert_frame_equal(stored, computed)
    assert stored["is_mitigation"].sum() > 50 and stored["is_construction"].sum() > 100


def test_an_edited_title_gets_its_new_work_type(workspace, tmp_path):
    import_file(workspace, _csv(tmp_path / "p.csv"), "projects")
    fid = int(workspace.read_table("projects").query("project_id == 'P3'")["fid"].iloc[0])
    workspace.update_row("projects", fid, {"title": "ขุดลอกลำรางสาธารณะ หมู่ที่ 5"})  # what the map editor does
    before = len(tk.stored_keys(workspace))
    kinds = fx.project_kinds(tk.attach(workspace, workspace.read_layer("projects")))
    p3 = kinds[workspace.read_layer("projects")["project_id"].eq("P3").to_numpy()].iloc[0]
    assert p3["work_type"] == "dredging" and p3["is_mitigation"]
    assert len(tk.stored_keys(workspace)) == before + 1  # the new title is stored for next time


def test_new_rules_make_stored_kinds_stale(workspace, tmp_path, monkeypatch):
    import_file(workspace, _csv(tmp_path / "p.csv"), "projects")
    old = tk.rules_version()
    monkeypatch.setattr(tk, "rules_version", lambda: "newer-rules")
    projects = workspace.read_layer("projects")
    found, _, _ = tk.stored(workspace, tk.title_keys(projects["title"]))
    assert not found.any(), "rows of other rules are not used"
    kinds = fx.project_kinds(tk.attach(workspace, projects))
    assert kinds["work_type"].tolist()[:2] == ["road", "dredging"]
    rules = {r[0] for r in workspace.query("SELECT rules FROM title_kinds")}
    assert rules == {"newer-rules"} != {old} and len(tk.stored_keys(workspace)) == len(set(TITLES))


def test_old_workspace_without_stored_kinds_is_filled_once(workspace, tmp_path):
    import_file(workspace, _csv(tmp_path / "p.csv"), "projects")
    workspace.delete("title_kinds", "1 = 1")  # as a workspace made before the table existed
    steps = []
    assert tk.refresh(workspace, progress=lambda f, m: steps.append(f)) == len(set(TITLES))
    assert len(tk.stored_keys(workspace)) == len(set(TITLES)) and steps[-1] == 1.0
    assert tk.refresh(workspace) == 0
    workspace.delete("title_kinds", "1 = 1")
    with pytest.raises(Cancelled):
        tk.refresh(workspace, cancelled=lambda: True)
    assert len(tk.stored_keys(workspace)) == 0


def test_exposure_inputs_report_and_cancel_reading_missing_work_types(demo, tmp_path):
    import shutil

    from areaplan.progress import Reporter

    path = shutil.copy(demo, tmp_path / "old.gpkg")
    with Workspace.open(path) as ws:
        ws.delete("title_kinds", "1 = 1")  # an older workspace: every title must be read once
        with pytest.raises(Cancelled):
            fx.ExposureInputs.from_workspace(ws, progress=Reporter(cancelled=lambda: True))
        assert len(tk.stored_keys(ws)) == 0
        steps = []
        inputs = fx.ExposureInputs.from_workspace(ws, progress=Reporter(lambda f, m: steps.append((f, m))))
        assert steps[-1][0] == 1.0 and any("reading work types" in m for _f, m in steps)
        assert inputs.projects[tk.ATTACHED[0]].notna().all()


def test_reimporting_the_same_titles_reads_none_again(workspace, tmp_path):
    import_file(workspace, _csv(tmp_path / "p.csv"), "projects")
    job = tk.TitleKindsJob(workspace)
    try:
        job.add(pd.Series(TITLES))
        assert job.finish() == 0
        job = tk.TitleKindsJob(workspace)
        job.add(pd.Series([*TITLES, "ก่อสร้างสะพานข้ามคลองหวะ"]))
        assert job.finish() == 1
    finally:
        job.close()


def test_import_job_worker_process_agrees_with_reading_here(workspace, monkeypatch):
    monkeypatch.setattr(tk, "PIECE_TITLES", 40)
    monkeypatch.setattr(tk, "BACKGROUND_MIN_TITLES", 80)
    titles = [f"{t} หมู่ที่ {i % 12 + 1} บ้านที่ {i}" for i, t in enumerate(TITLES * 40)]
    job = tk.TitleKindsJob(workspace)
    try:
        job.add(pd.Series(titles[:120]))
        assert job._worker is not None and job._worker.sent(), "a worker process reads the first pieces"
        job.add(pd.Series(titles[120:]))
        assert job.finish(complete=True) == len(set(titles))
    finally:
        job.close()
    found, wt, says = tk.stored(workspace, tk.title_keys(titles))
    expect_wt, expect_says = tk.read_titles(titles, processes=1)
    assert found.all()
    np.testing.assert_array_equal(wt, expect_wt)
    np.testing.assert_array_equal(says, expect_says)


def test_title_keys_are_stable_and_tell_titles_apart():
    keys = tk.title_keys(["ถนน", "ถนน ", None, ""])
    assert keys.dtype == np.int64 and keys[0] != keys[1] and keys[2] == keys[3]
    assert tk.title_keys(["ถนน"])[0] == keys[0] == 4313298039704882420  # stored keys stay valid across runs


def _area_keys_one_by_one(projects: pd.DataFrame, level: str) -> list:
    """The per-row definition area_keys must match (blank codes are unknown, village keys are tambon + 2 digits)."""
    def col(name, strip=True):
        if name not in projects:
            return [None] * len(projects)
        return [None if v is None or v != v or str(v).strip() == "" else (str(v).strip() if strip else v)
                for v in projects[name].astype(object)]

    tambon = col("tambon_code")
    if level == "tambon":
        return tambon
    if level == "muban":
        vno = pd.to_numeric(projects["village_no"], errors="coerce").tolist()
        return [None if t is None or v != v else t + "{:02d}".format(int(v)) for t, v in zip(tambon, vno)]
    width = {"amphoe": 4, "changwat": 2}[level]
    own = col(f"{level}_code")
    derived = [None if t is None else t[:width] for t in tambon]
    if level == "changwat":
        derived = [d if d is not None else (None if a is None else str(a)[:2])
                   for d, a in zip(derived, col("amphoe_code", strip=False))]
    return [o if o is not None else d for o, d in zip(own, derived)]


def test_area_keys_of_messy_codes_match_the_row_by_row_definition():
    projects = pd.DataFrame({
        "tambon_code": ["901101", " 901102 ", None, "", "   ", "901101", None, "800101", np.nan],
        "amphoe_code": [None, "9012", "9013", " 9014", None, "", "8001", None, None],
        "changwat_code": [None, None, None, None, "91", " ", None, "80", None],
        "village_no": [3, 12, 4, None, 7, "5", 2.0, "x", 1],
    })
    for level in ("tambon", "amphoe", "changwat", "muban"):
        got = fx.area_keys(projects, level)
        want = _area_keys_one_by_one(projects, level)
        assert got.tolist() == want, level
    # a project without a tambon (unlocated) has no key at any level, rather than stopping the analysis
    assert fx.area_keys(projects, "amphoe").tolist()[2:5] == ["9013", "9014", None]
    assert fx.area_keys(projects, "muban").tolist()[:2] == ["90110103", "90110212"]


def test_many_stores_are_merged_and_read_back_whole(workspace, monkeypatch):
    monkeypatch.setattr(tk, "MAX_PARTS", 4)
    titles = [f"ก่อสร้างสะพาน หมู่ที่ {i}" for i in range(10)]
    for i, t in enumerate(titles):
        tk.store(workspace, tk.title_keys([t]), np.array(["bridge"], dtype=object), np.array([i % 2 == 0]))
    assert workspace.count("title_kinds") < 4
    got = _stored(workspace, titles)
    assert [got[t] for t in titles] == [("bridge", i % 2 == 0) for i in range(10)]


def test_workspace_exposure_takes_the_stored_work_types(demo):
    with Workspace.open(demo) as ws:
        inputs = fx.ExposureInputs.from_workspace(ws, "flood_depth")
        plain = ws.read_layer("projects")
    assert inputs.projects[tk.ATTACHED[0]].notna().all()
    result = fx.run(inputs)
    assert not set(tk.ATTACHED) & set(result.projects.columns)
    expected = fx.project_kinds(plain)
    assert result.projects["work_type"].tolist() == expected["work_type"].tolist()
    assert result.projects["is_construction"].tolist() == expected["is_construction"].tolist()
    assert result.projects["flagged"].sum() > 0


def test_titles_read_ahead_are_the_titles_the_import_stores(workspace, tmp_path):
    from areaplan.importers.columns import PROJECT_COLUMNS
    from areaplan.importers.pipeline import titles_ahead
    from areaplan.importers.projects import LocateContext, map_projects
    from areaplan.importers.registry import iter_tables

    messy = ["  ก่อสร้างถนน   คสล.  สายบ้านควน ", "ขุดลอกคลอง\tอู่ตะเภา", "ก่อสร้างถนน คสล. สายบ้านควน"]
    path = _csv(tmp_path / "m.csv", messy).rename(tmp_path / "m2.csv")
    frame = pd.read_csv(path).rename(columns={"title": "ชื่อโครงการ"})
    frame.to_csv(path, index=False)
    ctx = LocateContext.from_workspace(workspace)
    (raw,) = list(iter_tables(path, schema=PROJECT_COLUMNS))
    ahead = set(titles_ahead(raw))
    assert ahead == set(map_projects(raw, ctx).frame["title"]) and len(ahead) == 2


def test_an_import_leaves_titles_the_worker_did_not_reach_to_the_first_analysis(workspace, monkeypatch):
    monkeypatch.setattr(tk, "PIECE_TITLES", 20)
    monkeypatch.setattr(tk, "BACKGROUND_MIN_TITLES", 20)
    titles = [f"ขุดลอกคลองซอย {i}" for i in range(200)]
    job = tk.TitleKindsJob(workspace)
    try:
        job.add(pd.Series(titles))
        read = job.finish()  # at once: the worker has started at most a few pieces
    finally:
        job.close()
    assert read + job.left == len(titles) and read == len(tk.stored_keys(workspace))
    projects = pd.DataFrame({"title": titles, "agenda": None})
    kinds = fx.project_kinds(tk.attach(workspace, projects))  # reads and stores the rest
    assert kinds["work_type"].eq("dredging").all() and len(tk.stored_keys(workspace)) == len(titles)
