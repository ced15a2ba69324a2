"""Offline web map: the page, its assets from installed packages, escaping, and drawing in headless Chromium.

The browser tests load the page with the network disabled (a network namespace of its own when `unshare -n`
works, and in any case host names that never resolve and a proxy on a closed loopback port) and read the DOM
after the page signalled that every layer is drawn. They skip when Chromium (Debian package `chromium`) is
not installed.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from datetime import date
from functools import cache
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from areaplan.errors import AreaPlanError, Cancelled
from areaplan.exporters import webmap
from areaplan.exporters.webmap import WebMapOptions, export_webmap, thai_date
from areaplan.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "sample_data" / "demo_songkhla.gpkg"
#: Would run if any text reached the page as HTML: the img's onerror marks the document.
XSS = "<script>alert(1)</script><img src=x onerror=\"document.documentElement.setAttribute('data-pwned','1')\">"


def small_workspace(path: Path) -> Path:
    """Two tambons, a flood zone of each class, four projects (one unlocated, one a line), plans and a decision;
    hostile text in titles, names, agencies and plan names."""
    with Workspace.create(path, title="แผนที่ทดสอบ " + XSS) as ws:
        ws.write_layer("changwat", gpd.GeoDataFrame(
            {"code": ["90"], "name_th": ["สงขลา"], "name_en": ["Songkhla"]},
            geometry=[shapely.box(100.0, 6.8, 100.6, 7.2)], crs="EPSG:4326"))
        ws.write_layer("amphoe", gpd.GeoDataFrame(
            {"code": ["9011"], "name_th": ["หาดใหญ่"], "name_en": ["Hat Yai"], "parent_code": ["90"]},
            geometry=[shapely.box(100.0, 6.8, 100.6, 7.2)], crs="EPSG:4326"))
        ws.write_layer("tambon", gpd.GeoDataFrame(
            {"code": ["901101", "901102"], "name_th": ["คอหงส์", XSS], "name_en": ["Kho Hong", "Bad"],
             "parent_code": ["9011", "9011"]},
            geometry=[shapely.box(100.0, 6.8, 100.3, 7.2), shapely.box(100.3, 6.8, 100.6, 7.2)], crs="EPSG:4326"))
        ws.write_layer("hazard_zones", gpd.GeoDataFrame(
            {"hazard": ["น้ำท่วม", "น้ำท่วม", "น้ำท่วม", XSS], "class": [1, 2, 3, 4],
             "class_label": ["ต่ำ", "ปานกลาง", "สูง", XSS], "frequency": [1.0, 3.0, 5.0, 8.0]},
            geometry=[shapely.box(100.0 + 0.1 * i, 6.9, 100.08 + 0.1 * i, 7.0) for i in range(4)], crs="EPSG:4326"))
        ws.write_layer("projects", gpd.GeoDataFrame(
            {"project_id": ["P-1", "XSS-1", "P-3", "P-4"],
             "title": ["ก่อสร้างถนน คสล. หมู่ที่ 3 ตำบลคอหงส์", XSS, "ขุดลอกคลองอู่ตะเภา", "ซ่อมฝาย (ไม่ทราบที่ตั้ง)"],
             "channel": ["province", "local", "function", "community"], "agency": ["อบจ.สงขลา", XSS, "กรมชลประทาน", None],
             "fiscal_year": [2568, 2569, 2568, 2569], "budget": [1_250_000.0, 99.5, None, 10_000.0],
             "agenda": ["transport", "water", "water", "water"], "status": ["approved", "proposed", "done", None],
             "village_no": [3, None, None, None], "tambon_code": ["901101", "901102", "901101", None],
             "amphoe_code": ["9011", "9011", "9011", None], "source": "test.csv",
             "location_precision": ["point", "point", "line", "unlocated"]},
            geometry=[shapely.Point(100.15, 7.05), shapely.Point(100.45, 7.05),
                      shapely.LineString([(100.05, 6.85), (100.25, 6.95)]), None], crs="EPSG:4326"))
        ws.write_table("plans", pd.DataFrame(
            {"plan_id": ["PV90-2568", "BAD"], "name": ["แผนพัฒนาจังหวัดสงขลา พ.ศ. 2566–2570", XSS],
             "level": ["province", "tambon"], "kind": ["area", "agenda"]}))
        ws.write_table("project_plans", pd.DataFrame(
            {"project_id": ["P-1", "P-1", "XSS-1", "P-3"], "plan_id": ["PV90-2568", "BAD", "BAD", "GONE-1"],
             "source": "test.csv"}))
        ws.write_table("duplicate_decisions", pd.DataFrame(
            {"project_id_a": ["P-1", "P-1"], "project_id_b": ["XSS-1", "P-3"],
             "decision": ["duplicate", "not_duplicate"], "source_a": "test.csv", "source_b": "test.csv",
             "reviewer": "ทดสอบ"}))
    return path


@pytest.fixture
def small(tmp_path) -> Path:
    return small_workspace(tmp_path / "small.gpkg")


def page_data(page: Path) -> dict:
    """The JSON the page carries (what its script reads)."""
    text = page.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="areaplan-data">(.*?)</script>', text, re.S)
    assert m, "the page has no data block"
    return json.loads(m.group(1))


# ------------------------------------------------------------------------------------------- the files

def test_page_and_assets_come_from_installed_packages(small, tmp_path):
    out = tmp_path / "site" / "แผนที่ สงขลา.html"
    out.parent.mkdir()
    result = export_webmap(small, out, options=WebMapOptions(duplicates="decisions"))
    assert result.html == out and result.assets == out.parent / "แผนที่ สงขลา_files"
    for name, source in webmap.asset_sources().items():
        assert (result.assets / name).read_bytes() == source.read_bytes(), name
    assert (result.assets / "fonts" / "Sarabun-Regular.ttf").stat().st_size > 50_000
    assert "SIL Open Font License" in (result.assets / "fonts" / "OFL.txt").read_text(encoding="utf-8")
    assert "Leaflet" in (result.assets / "THIRD-PARTY.txt").read_text(encoding="utf-8")
    text = out.read_text(encoding="utf-8")
    links = re.findall(r'(?:src|href)="([^"]+)"', text)
    assert links and all(link.startswith("%E0%B9%81") for link in links), links  # the quoted folder name
    assert "leaflet/leaflet.js" in text and "areaplan-webmap.css" in text
    assert "markercluster" not in text  # three located projects: plain points, no clustering script
    # nothing is loaded from anywhere else: no remote scripts, styles, fonts or images in the page or its files
    for path in [out, *result.assets.rglob("*.css"), result.assets / "areaplan-webmap.js"]:
        body = path.read_text(encoding="utf-8")
        assert not re.search(r'(?:src|href)=["\']?(?:https?:)?//', body), path
        assert not re.search(r"url\(['\"]?(?:https?:)?//", body), path
        assert "cdn" not in body.lower(), path
    assert oct(out.stat().st_mode & 0o777) != "0o600"  # an ordinary file to share, not mkstemp's private mode


def test_summary_counts(small, tmp_path):
    result = export_webmap(small, tmp_path / "m.html", options=WebMapOptions(duplicates="decisions"))
    assert (result.projects, result.unlocated, result.duplicate_pairs, result.hazard_zones) == (3, 1, 1, 4)
    assert result.boundaries == {"tambon": 2, "amphoe": 1, "changwat": 1} and not result.clustered
    text = "\n".join(result.summary())
    assert "โครงการ 3 จุด" in text and "ไม่แสดง 1 โครงการที่ระบุที่ตั้งไม่ได้" in text and "m_files" in text


def test_popups_carry_plans_and_duplicates(small, tmp_path):
    data = page_data(export_webmap(small, tmp_path / "m.html", options=WebMapOptions(duplicates="decisions")).html)
    p = data["projects"]
    i = p["project_id"].index("P-1")
    plans = [data["plans"][k] for k in p["plan_index"][p["plan_offsets"][i]:p["plan_offsets"][i + 1]]]
    assert plans == [["PV90-2568", "แผนพัฒนาจังหวัดสงขลา พ.ศ. 2566–2570", "province", "area"],
                     ["BAD", XSS, "tambon", "agenda"]]
    k = p["project_id"].index("P-3")  # linked to a plan the plans table does not hold: shown by its id
    assert [data["plans"][j][0] for j in p["plan_index"][p["plan_offsets"][k]:p["plan_offsets"][k + 1]]] == ["GONE-1"]
    assert p["budget"][i] == 1_250_000.0 and p["fiscal_year"][i] == 2568 and p["village_no"][i] == 3
    assert data["areas"]["901101"] == "คอหงส์" and data["vocab"]["channel"]["province"].startswith("งบพัฒนาจังหวัด")
    # the stored decisions: the duplicate pair only (not_duplicate is not a flag)
    (pair,) = data["duplicates"]
    assert {p["project_id"][pair[0]], p["project_id"][pair[1]]} == {"P-1", "XSS-1"} and pair[5] == "duplicate"
    assert p["lat"][p["project_id"].index("P-4")] is None  # unlocated: kept for the popups, not drawn
    assert data["subtitle"].startswith("จัดทำเมื่อ " + thai_date(date.today()))


def test_duplicates_none_and_run(small, tmp_path):
    none = export_webmap(small, tmp_path / "a.html", options=WebMapOptions(duplicates="none"))
    assert none.duplicate_pairs == 0 and page_data(none.html)["duplicates"] == []
    run = export_webmap(small, tmp_path / "b.html", options=WebMapOptions(duplicates="run"))
    assert run.duplicate_pairs == len(page_data(run.html)["duplicates"])


@pytest.mark.skipif(not DEMO.exists(), reason="sample_data/demo_songkhla.gpkg not built")
def test_demo_duplicates_are_the_analysis_pairs(demo_page):
    from areaplan.analyses.duplicates import run_workspace

    page, result, ws_path = demo_page
    pairs = run_workspace(ws_path).pairs
    data = page_data(page)
    ids = data["projects"]["project_id"]
    shown = {frozenset((ids[a], ids[b])) for a, b, *_ in data["duplicates"]}
    assert shown == {frozenset(x) for x in zip(pairs["project_id_a"], pairs["project_id_b"])}
    assert result.duplicate_pairs == len(pairs) > 0 and result.clustered and result.projects == 1500


def test_workspace_text_never_reaches_the_page_as_html(small, tmp_path):
    out = export_webmap(small, tmp_path / "m.html", options=WebMapOptions(duplicates="decisions")).html
    text = out.read_text(encoding="utf-8")
    assert "<img src=x" not in text and "<script>alert" not in text
    assert "<title>แผนที่ทดสอบ &lt;script&gt;alert(1)&lt;/script&gt;" in text  # escaped as HTML
    assert "\\u0026lt;script\\u0026gt;alert(1)" in text  # tooltip values: HTML-escaped, then JSON-escaped
    data = page_data(out)  # the popups' data: the exact text, put on screen with textContent
    assert data["projects"]["title"][1] == XSS and data["projects"]["agency"][1] == XSS
    assert data["title"] == "แผนที่ทดสอบ " + XSS


def test_single_file_has_no_folder(small, tmp_path):
    result = export_webmap(small, tmp_path / "one.html", options=WebMapOptions(single_file=True, cluster_from=1))
    assert result.assets is None and not (tmp_path / "one_files").exists()
    text = result.html.read_text(encoding="utf-8")
    links = re.findall(r'(?:src|href)="([^"]+)"', text)
    assert len(links) == 7 and all(link.startswith("data:") for link in links)  # 3 scripts, 4 style sheets
    assert "one_files" not in text and page_data(result.html)["cluster"] is True


def test_clustering_from_a_number_of_projects(small, tmp_path):
    result = export_webmap(small, tmp_path / "m.html", options=WebMapOptions(cluster_from=3, duplicates="none"))
    assert result.clustered and page_data(result.html)["cluster"] is True
    assert "markercluster/leaflet.markercluster.js" in result.html.read_text(encoding="utf-8")


def test_errors_name_the_file_in_thai_and_english(small, tmp_path):
    out = tmp_path / "m.html"
    out.write_text("old")
    with pytest.raises(AreaPlanError, match=r"m\.html: มีไฟล์นี้อยู่แล้ว.*--overwrite"):
        export_webmap(small, out)
    assert out.read_text() == "old"
    with pytest.raises(AreaPlanError, match=r"ต้องลงท้ายด้วย \.html.*must end in \.html"):
        export_webmap(small, tmp_path / "m.pdf")
    with pytest.raises(AreaPlanError, match=r"ไม่พบโฟลเดอร์ปลายทาง.*destination folder does not exist"):
        export_webmap(small, tmp_path / "no" / "m.html")
    with pytest.raises(AreaPlanError, match=r"ต้องเป็น run, decisions, none.*got 'maybe'"):
        export_webmap(small, tmp_path / "x.html", options=WebMapOptions(duplicates="maybe"))
    with pytest.raises(AreaPlanError, match=r"ไม่พบไฟล์พื้นที่ทำงาน.*not found"):
        export_webmap(tmp_path / "missing.gpkg", tmp_path / "x.html")
    with Workspace.create(tmp_path / "empty.gpkg"):
        pass
    with pytest.raises(AreaPlanError, match=r"ไม่มีขอบเขต โครงการ หรือพื้นที่เสี่ยง.*no boundaries, projects or hazard"):
        export_webmap(tmp_path / "empty.gpkg", tmp_path / "x.html")
    assert not (tmp_path / "x.html").exists()


def test_missing_asset_package_says_what_to_install(small, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "xstatic.pkg.leaflet_markercluster", None)  # import fails
    with pytest.raises(AreaPlanError, match=r"ไม่พบแพ็กเกจ xstatic-leaflet-markercluster.*pip install"):
        export_webmap(small, tmp_path / "m.html")


def test_cancel_writes_nothing(small, tmp_path):
    seen = []
    with pytest.raises(Cancelled):
        export_webmap(small, tmp_path / "m.html", progress=lambda f, m: seen.append(m),
                      cancelled=lambda: len(seen) >= 2)
    assert not (tmp_path / "m.html").exists() and not (tmp_path / "m_files").exists()


def test_thai_date_is_buddhist_era():
    assert thai_date(date(2026, 11, 22)) == "22 พฤศจิกายน 2569"
    assert thai_date(date(2025, 1, 1)) == "1 มกราคม 2568"


# ------------------------------------------------------------------------------------------- in Chromium

@cache
def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@cache
def _netns() -> list[str]:
    """`unshare -n` (a network namespace with no network at all) when this machine allows it."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return []
    for cmd in ([unshare, "-n"], [unshare, "-rn"]):
        if subprocess.run([*cmd, "true"], capture_output=True).returncode == 0:
            return cmd
    return []


def load_in_chromium(page: Path, profile: Path, fragment: str = "") -> tuple[dict[str, str], str]:
    """(the page's data-ap-* readiness attributes, the DOM) after loading `page` offline in headless Chromium."""
    chromium = _chromium()
    if chromium is None:
        pytest.skip("Chromium is not installed (Debian package `chromium`): the web map browser checks need it")
    cmd = [*_netns(), chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-extensions",
           "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
           f"--user-data-dir={profile}", "--window-size=1280,900", "--virtual-time-budget=30000",
           "--dump-dom", page.as_uri() + fragment]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    root = re.search(r"<html([^>]*)>", done.stdout)
    assert root, done.stdout[:500]
    return dict(re.findall(r'(data-[a-z-]+)="([^"]*)"', root.group(1))), done.stdout


@pytest.fixture(scope="module")
def demo_page(tmp_path_factory):
    if not DEMO.exists():
        pytest.skip("sample_data/demo_songkhla.gpkg not built")
    folder = tmp_path_factory.mktemp("demo")
    ws_path = folder / "demo.gpkg"
    shutil.copy(DEMO, ws_path)
    result = export_webmap(ws_path, folder / "map.html")
    return result.html, result, ws_path


@pytest.mark.slow
def test_demo_map_draws_offline_in_chromium(demo_page, tmp_path):
    page, result, _ = demo_page
    attrs, dom = load_in_chromium(page, tmp_path / "profile")
    assert "data-ap-ready-ms" in attrs, "the page never signalled that its layers were drawn"
    # 127 tambons and 216 flood zones are interactive SVG paths; the 1,500 projects are clustered icons
    assert int(attrs["data-ap-svg-paths"]) >= 127 + 216
    assert int(attrs["data-ap-markers"]) > 0 and "marker-cluster" in dom
    assert attrs["data-ap-font"] == "Sarabun"  # the bundled font loaded from the folder beside the page
    assert "จังหวัดสงขลา (ข้อมูลสาธิต)" in dom
    for label in ("ตำบล (127)", "พื้นที่เสี่ยงน้ำท่วม (216)", "โครงการ (1,500)",
                  f"โครงการที่อาจซ้ำซ้อน ({result.duplicate_pairs:,} คู่)", "เสี่ยงสูงมาก"):
        assert label in dom, label  # layer control and legend


@pytest.mark.slow
def test_demo_popup_shows_the_project_plans(demo_page, tmp_path):
    page, _, ws_path = demo_page
    with Workspace.open(ws_path) as ws:
        pid, plan_name = ws.query(
            "SELECT pp.project_id, p.name FROM project_plans pp JOIN plans p ON p.plan_id = pp.plan_id "
            "ORDER BY pp.fid LIMIT 1")[0]
    attrs, dom = load_in_chromium(page, tmp_path / "profile", f"#project={pid}")
    assert "data-ap-ready-ms" in attrs
    popup = re.search(r'<div class="ap-popup">.*?<ul class="ap-plans">.*?</ul>', dom, re.S)
    assert popup and pid in popup.group(0) and "แผนที่เกี่ยวข้อง" in popup.group(0)
    assert html.escape(plan_name, quote=False) in popup.group(0)


def test_script_in_workspace_text_does_not_run(small, tmp_path):
    page = export_webmap(small, tmp_path / "m.html", options=WebMapOptions(duplicates="decisions")).html
    attrs, dom = load_in_chromium(page, tmp_path / "profile", "#project=XSS-1")
    assert "data-ap-ready-ms" in attrs
    assert "data-pwned" not in attrs  # the img's onerror never ran
    assert not re.search(r"<img[^>]*src=\"?x", dom) and "<script>alert(1)" not in dom
    popup = re.search(r'<div class="ap-popup">.*?</table>', dom, re.S).group(0)
    # the hostile title, agency and tambon name are on screen as plain text
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror="
    assert popup.count(escaped) == 3 and "XSS-1" in popup
    assert int(attrs["data-ap-svg-paths"]) >= 2 + 4 + 2  # tambons, flood zones, the points


def test_single_file_page_draws_on_its_own(small, tmp_path):
    folder = tmp_path / "alone"
    folder.mkdir()
    page = export_webmap(small, folder / "one.html", options=WebMapOptions(single_file=True, cluster_from=1)).html
    attrs, dom = load_in_chromium(page, tmp_path / "profile")
    assert list(folder.iterdir()) == [page]
    assert "data-ap-ready-ms" in attrs and attrs["data-ap-font"] == "Sarabun"
    # the points are the clustering layer's icons: the inlined markercluster script ran
    assert attrs["data-ap-markers"] == "3" and dom.count("leaflet-marker-icon ap-pt") == 3
    assert '<div class="ap-title-main">แผนที่ทดสอบ' in dom
