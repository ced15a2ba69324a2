"""The last exposure result per (hazard, level) kept in the workspace: round trip, staleness, crash safety, CLI."""

from __future__ import annotations

import pandas as pd
import pytest

from areaplan.analyses import exposure_store as es
from areaplan.analyses import flood_exposure as fx
from areaplan.analyses.hazard_classes import ClassScheme, save_scheme
from areaplan.importers.hazard import add_hazard
from areaplan.workspace import Workspace
from tests.areaplan.test_flood_exposure import _projects, half_block, squares


@pytest.fixture
def ws(tmp_path):
    """Two square tambons, six projects and a 1 m depth block covering the west half of the first tambon."""
    path = tmp_path / "ws.gpkg"
    with Workspace.create(path) as w:
        w.write_layer("tambon", squares((0.0, 1500.0)))
        w.write_layer("projects", _projects())
        add_hazard(w, half_block(tmp_path), name="depth", kind="depth")
    w = Workspace.open(path)
    yield w
    w.close()


def run_and_save(ws, level="tambon") -> fx.ExposureResult:
    prints = es.fingerprints(ws, "depth", level)
    result = fx.run_workspace(ws, "depth", level=level)
    es.save_result(ws, result, prints=prints)
    return result


def test_round_trip_gives_the_same_tables_provenance_and_warnings(ws):
    result = run_and_save(ws)
    stored = es.load_result(ws, "depth", "tambon")
    assert stored is not None and not stored.is_stale
    got = stored.result
    pd.testing.assert_frame_equal(got.areas.drop(columns="geometry"), result.areas.drop(columns="geometry"),
                                  check_dtype=False)
    assert got.areas.geometry.geom_equals_exact(result.areas.geometry, tolerance=1e-12).all()
    assert got.areas.set_index("code").loc["901100", "c3_share"] == pytest.approx(0.5, abs=1e-9)
    assert got.provenance == result.provenance and got.scheme == result.scheme
    assert [w.message for w in got.warnings] == [w.message for w in result.warnings]
    # the click-through and the flagged list work on the stored result as on the fresh one
    assert set(got.flagged_projects()["project_id"]) == set(result.flagged_projects()["project_id"]) == {"R1", "R3"}
    assert len(got.projects_in("901100")) == len(result.projects_in("901100")) == 6
    assert stored.created_at == result.provenance.created_at
    th, en = es.when_text(stored.created_at)
    assert "25" in th and th.split()[2].startswith("25")  # Buddhist Era year (25xx)
    assert en.startswith("20")


def test_tables_are_plain_attribute_tables_keyed_by_code(ws):
    import pyogrio

    run_and_save(ws)
    run_and_save(ws)  # saving again replaces, never duplicates
    names = dict(pyogrio.list_layers(ws.path))
    assert {"exposure_areas", "exposure_projects", "exposure_runs"} <= set(names)
    areas = pyogrio.read_dataframe(ws.path, layer="exposure_areas")
    assert sorted(areas["code"]) == ["901100", "901101"] and set(areas["hazard"]) == {"depth"}
    assert len(pyogrio.read_dataframe(ws.path, layer="exposure_runs")) == 1
    assert es.stored_runs(ws)[["hazard", "level"]].values.tolist() == [["depth", "tambon"]]


def test_stale_when_thresholds_projects_boundaries_or_hazard_change(ws, tmp_path):
    run_and_save(ws)
    assert es.stale_reasons(ws, "depth", "tambon") == []
    assert es.load_result(ws, "depth", "amphoe") is None  # nothing stored for another level

    save_scheme(ws, "depth", ClassScheme("depth", ((1, 0.01), (2, 0.5), (3, 0.8), (4, 1.5))))
    assert [p.en for p in es.stale_reasons(ws, "depth", "tambon")] == ["the class thresholds changed"]
    run_and_save(ws)
    assert not es.is_stale(ws, "depth", "tambon")

    fid = int(ws.read_table("projects").iloc[0]["fid"])
    ws.update_row("projects", fid, {"budget": 9e6})
    assert [p.en for p in es.stale_reasons(ws, "depth", "tambon")] == ["the projects changed"]
    run_and_save(ws)

    fid = int(ws.read_table("tambon").iloc[1]["fid"])
    ws.update_row("tambon", fid, {"parent_code": "9012"})
    assert [p.en for p in es.stale_reasons(ws, "depth", "tambon")] == ["the boundaries changed"]
    run_and_save(ws)

    add_hazard(ws, half_block(tmp_path, depth=2.5, name="deeper.tif"), name="depth", kind="depth", replace=True)
    reasons = [p.en for p in es.stale_reasons(ws, "depth", "tambon")]
    assert reasons == ["the hazard layer was replaced or changed"]
    stored = es.load_result(ws, "depth", "tambon")
    assert stored.is_stale and stored.result.areas.set_index("code").loc["901100", "c3_share"] == pytest.approx(0.5)


def test_a_failed_save_keeps_the_previous_result(ws, monkeypatch):
    first = run_and_save(ws)
    before = es.run_record(ws, "depth", "tambon")
    second = fx.run_workspace(ws, "depth", level="tambon")
    original = ws.write_table

    def crash(name, frame, **kw):
        if name == "exposure_runs":
            raise OSError("disk full")
        return original(name, frame, **kw)

    monkeypatch.setattr(ws, "write_table", crash)
    with pytest.raises(OSError):
        es.save_result(ws, second)
    monkeypatch.undo()
    assert es.run_record(ws, "depth", "tambon")["created_at"] == before["created_at"]
    assert ws.count("exposure_areas") == len(first.areas)
    assert ws.count("exposure_projects") == len(first.projects)


def test_forget(ws):
    run_and_save(ws)
    assert es.forget(ws, "depth") == 1
    assert es.load_result(ws, "depth", "tambon") is None and ws.count("exposure_areas") == 0


def test_cli_exposure_save_stores_the_result(ws, tmp_path, capsys):
    from ui.cli import main

    path = ws.path
    ws.close()
    out = tmp_path / "e.csv"
    assert main(["exposure", str(path), "--hazard", "depth", "--out", str(out)]) == 0
    with Workspace.open(path) as w:
        assert es.load_result(w, "depth", "tambon") is None  # without --save nothing is kept
    assert main(["exposure", str(path), "--hazard", "depth", "--out", str(out), "--overwrite", "--save"]) == 0
    assert "result stored in the workspace" in capsys.readouterr().out
    with Workspace.open(path) as w:
        stored = es.load_result(w, "depth", "tambon")
        assert stored is not None and not stored.is_stale
        assert stored.result.areas.set_index("code").loc["901100", "high_share"] == pytest.approx(0.5)
