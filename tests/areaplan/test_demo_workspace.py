"""The committed demo workspace is what `areaplan demo` builds, and is marked as demonstration data."""

from __future__ import annotations

from pathlib import Path

import pytest

from areaplan.demo.build import build_demo
from areaplan.workspace import Workspace

COMMITTED = Path(__file__).resolve().parents[2] / "sample_data" / "demo_songkhla.gpkg"


def _content(path: Path) -> dict:
    with Workspace.open(path) as ws:
        return {
            "projects": sorted(zip(*(ws.read_table("projects")[c] for c in ("source", "project_id", "content_hash",
                                                                              "tambon_code", "location_precision")))),
            "plans": sorted(ws.read_table("plans")["plan_id"]),
            "tambon": sorted(zip(ws.read_table("tambon")["code"], ws.read_table("tambon")["name_th"])),
            "hazard_zones": ws.count("hazard_zones"),
            "muban": ws.count("muban"),
            "rasters": [r["name"] for r in ws.rasters()],
        }


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo") / "demo.gpkg")


def test_committed_demo_matches_a_fresh_build(fresh):
    assert COMMITTED.exists(), "run: python sample_data/build_demo.py"
    assert _content(fresh) == _content(COMMITTED)


def test_demo_is_songkhla_and_marked_as_demonstration_data(fresh):
    with Workspace.open(fresh) as ws:
        meta = ws.metadata()
        assert "ข้อมูลสาธิต" in meta["title"] and meta["demo"] == "true" and "demonstration" in meta["demo_note"]
        assert ws.count("amphoe") == 16 and ws.count("tambon") == 127
        assert ws.read_table("changwat")["name_th"].tolist() == ["สงขลา"]
        projects = ws.read_table("projects")
        assert 1400 <= len(projects) <= 1600
        assert set(projects["channel"]) == {"province", "cluster", "function", "local", "community", "other"}
        assert set(projects["fiscal_year"]) == {2567, 2568, 2569}
        assert projects["tambon_code"].notna().all(), "every demo project is located"
        assert {"point", "tambon", "village", "line", "polygon"} <= set(projects["location_precision"])
        plans = ws.read_table("plans")
        assert set(plans["level"]) == {"national", "region", "cluster", "province", "district", "tambon", "village", "local"}
        assert set(plans["kind"]) == {"area", "agenda"}
        assert ws.count("rejected_rows") == 0
        (raster,) = ws.rasters()
        assert raster["kind"] == "depth"
    import rasterio

    with rasterio.open(f"GPKG:{fresh}:flood_depth") as src:
        assert src.crs.to_epsg() == 32647 and src.width > 500
