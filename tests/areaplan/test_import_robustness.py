"""Import robustness: cancellation writes nothing, huge files are refused early, any CSV row lands somewhere."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from areaplan.errors import Cancelled, InputFileError
from areaplan.importers import registry
from areaplan.importers.pipeline import import_file
from areaplan.values import arabic_to_thai_digits, clean_text
from areaplan.workspace import Workspace
from tests.areaplan import fixtures


def test_cancel_during_import_writes_nothing(workspace, tmp_path):
    fixtures.fill(workspace)
    f = tmp_path / "many.csv"
    f.write_text("project_id,title\n" + "".join(f"P{i},ถนน ต.คอหงส์\n" for i in range(2000)), encoding="utf-8")
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled, match="ยกเลิกแล้ว.*cancelled"):
        import_file(workspace, f, cancelled=cancelled)
    assert workspace.count("projects") == 0 and workspace.count("import_log") == 0


def test_progress_is_reported_from_0_to_1(workspace, tmp_path):
    f = tmp_path / "p.csv"
    f.write_text("project_id,title\nA,ฝาย\n", encoding="utf-8")
    seen = []
    import_file(workspace, f, progress=lambda frac, msg: seen.append((frac, msg)))
    assert seen[0][0] == 0.0 and seen[-1][0] == 1.0
    assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:]))


def test_too_large_vector_file_is_refused_before_reading(workspace, tmp_path, monkeypatch):
    import geopandas as gpd
    import shapely

    f = tmp_path / "big.geojson"
    gpd.GeoDataFrame({"project_id": ["a"], "title": ["x"]}, geometry=[shapely.Point(100, 7)], crs=4326).to_file(f)
    monkeypatch.setattr(registry, "MAX_IN_MEMORY_BYTES", 10)
    with pytest.raises(InputFileError, match=r"big\.geojson.*เกินกว่าจะอ่านทั้งไฟล์ได้.*split it"):
        import_file(workspace, f, "projects")


_thai = st.text(alphabet=st.sampled_from(list("กขคงจฉชซญดตถทนบปผพฟมยรลวศสหอฮะาิีึืุูเแโใไ่้๊๋ ำ")), min_size=1, max_size=30)
_budget = st.integers(min_value=0, max_value=10**9)
_row = st.fixed_dictionaries({
    "id": st.from_regex(r"[A-Z]{1,3}-[0-9]{1,4}", fullmatch=True),
    "title": _thai,
    "year": st.integers(min_value=2560, max_value=2575),
    "year_style": st.sampled_from(["be", "ce", "thai"]),
    "budget": _budget,
    "budget_style": st.sampled_from(["plain", "comma", "thai", "million", "junk"]),
})


def _write_budget(n: int, style: str) -> str:
    return {"plain": str(n), "comma": f"{n:,}", "thai": arabic_to_thai_digits(f"{n:,}"),
            "million": f"{n / 1_000_000:.6f} ล้าน", "junk": "ไม่ทราบ"}[style]


def _write_year(y: int, style: str) -> str:
    return {"be": str(y), "ce": str(y - 543), "thai": arabic_to_thai_digits(str(y))}[style]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(_row, min_size=1, max_size=25), encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp874"]))
def test_every_csv_row_ends_as_a_project_or_a_rejected_row(tmp_path_factory, rows, encoding):
    folder = tmp_path_factory.mktemp("prop")
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["รหัสโครงการ", "ชื่อโครงการ", "ปีงบประมาณ", "งบประมาณ (บาท)"])
    for r in rows:
        w.writerow([r["id"], r["title"], _write_year(r["year"], r["year_style"]), _write_budget(r["budget"], r["budget_style"])])
    f = folder / "p.csv"
    f.write_bytes(buf.getvalue().encode(encoding))
    with Workspace.create(folder / "ws.gpkg") as ws:
        report = import_file(ws, f, "projects")
        projects = ws.read_table("projects").set_index("project_id")
        rejected = ws.read_table("rejected_rows")
    assert report.rows_read == len(rows)
    assert len(projects) + len(rejected) == len(rows), "every row lands somewhere"
    first_row_of = {}
    for i, r in enumerate(rows, start=2):
        first_row_of.setdefault(r["id"], i)
    for i, r in enumerate(rows, start=2):
        bad = r["budget_style"] == "junk" or first_row_of[r["id"]] != i or not clean_text(r["title"])
        if bad:
            assert i in set(rejected["row"]), f"row {i} should be rejected"
            continue
        got = projects.loc[r["id"]]
        assert got["title"] == clean_text(r["title"])
        assert got["fiscal_year"] == r["year"]
        assert got["budget"] == pytest.approx(r["budget"], abs=1)
