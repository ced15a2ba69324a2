"""Offline interactive web map: one HTML page (folium/Leaflet) of a workspace that opens in any browser.

``export_webmap(workspace, "map.html")`` writes ``map.html`` and the folder ``map_files/`` beside it (or one
self-contained file with ``single_file=True``). The page shows:

- boundaries: จังหวัด, อำเภอ, ตำบล (simplified to ``simplify_m`` metres; tooltips with the Thai and English names);
- flood zones (``hazard_zones``) coloured by class 1–4 (ต่ำ, ปานกลาง, สูง, สูงมาก);
- projects as points (a line or polygon project at a point on its surface; its shape in a layer of its own),
  coloured by budget channel and clustered (Leaflet.markercluster) from ``cluster_from`` projects;
- duplicate flags: the pairs of ``areaplan.analyses.duplicates`` (run now, respecting the reviewers' decisions),
  or only the pairs reviewers stored as duplicate/unsure, joined by dashed red lines;
- a popup per project in Thai with its plans (``project_plans`` → ``plans``) and its possible duplicates,
  a layer control, a legend, the title and the date made in the Buddhist Era.

Offline: every script, style sheet, image and font comes from an installed package at export time and is
copied beside the page (or inlined as ``data:`` URLs): Leaflet from ``xstatic-leaflet``, Leaflet.markercluster
from ``xstatic-leaflet-markercluster``, the Sarabun font from ``fontpkg-sarabun``. folium's default CDN links
(Leaflet, jQuery, Bootstrap, Font Awesome) are replaced; no element AreaPlan adds needs jQuery or Bootstrap.

Safety: the workspace's text reaches the page only as JSON inside ``<script type="application/json">`` with
``<``, ``>``, ``&`` and ``'`` escaped, and is put on screen with ``textContent`` by the page's own script; the
boundary and flood-zone tooltips (folium's, which use ``innerHTML``) get HTML-escaped values.
"""

from __future__ import annotations

import base64
import html
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from areaplan import __version__, vocab
from areaplan.exporters import ExportError
from areaplan.progress import CancelCheck, ProgressCallback, Reporter

EXTENSIONS: tuple[str, ...] = (".html", ".htm")
DESCRIPTION = "แผนที่เว็บออฟไลน์ (offline interactive web map, HTML)"

#: Where the duplicate flags come from: run the analysis, only the stored reviewer decisions, or none.
DUPLICATE_MODES: tuple[str, ...] = ("run", "decisions", "none")
#: Flood class -> (fill colour, Thai label); ColorBrewer YlOrRd.
HAZARD_CLASSES: dict[int, tuple[str, str]] = {
    1: ("#ffffb2", "ต่ำ"),
    2: ("#fecc5c", "ปานกลาง"),
    3: ("#fd8d3c", "สูง"),
    4: ("#e31a1c", "สูงมาก"),
}
HAZARD_UNKNOWN = "#bdbdbd"
#: Budget channel -> point colour (the legend uses vocab.CHANNELS for the labels).
CHANNEL_COLOURS: dict[str, str] = {
    "province": "#1f77b4",
    "cluster": "#9467bd",
    "function": "#2ca02c",
    "local": "#ff7f0e",
    "community": "#8c564b",
    "other": "#7f7f7f",
}
DUPLICATE_COLOUR = "#c0392b"
#: Boundary level -> (line colour, width px, Thai name).
BOUNDARY_STYLES: dict[str, tuple[str, float, str]] = {
    "tambon": ("#8c8c8c", 0.8, "ตำบล"),
    "amphoe": ("#4d4d4d", 1.6, "อำเภอ"),
    "changwat": ("#000000", 2.6, "จังหวัด"),
}
_DECISIONS = {"duplicate": "ซ้ำ", "not_duplicate": "ไม่ซ้ำ", "unsure": "ไม่แน่ใจ", "changed": "ข้อมูลเปลี่ยน ต้องตรวจใหม่"}
_THAI_MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
                "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
_METRES_PER_DEGREE = 111_320.0
_DECIMALS = 5  # about 1 m: enough for a web map, and short numbers keep the page small


@dataclass
class WebMapOptions:
    """What goes on the page and how it is written."""

    duplicates: str = "run"          # one of DUPLICATE_MODES
    cluster_from: int = 300          # cluster the project points from this many located projects
    simplify_m: float = 20.0         # boundary and flood-zone simplification tolerance (0 = none)
    single_file: bool = False        # inline every asset as data: URLs instead of writing <name>_files/
    title: str | None = None         # page title; default: the workspace title
    threshold: float | None = None   # duplicate score threshold for "run" (None = the analysis default)


@dataclass
class WebMapResult:
    """What was written and what the page holds."""

    html: Path
    assets: Path | None
    projects: int = 0
    unlocated: int = 0
    clustered: bool = False
    duplicate_pairs: int = 0
    hazard_zones: int = 0
    boundaries: dict[str, int] = field(default_factory=dict)
    bytes_written: int = 0

    def summary(self) -> list[str]:
        """Bilingual summary lines."""
        areas = ", ".join(f"{BOUNDARY_STYLES[k][2]} {v:,}" for k, v in self.boundaries.items() if v)
        lines = [
            f"แผนที่เว็บ {self.html} ({self.bytes_written / 1e6:.1f} MB) (web map written)",
            f"โครงการ {self.projects:,} จุด{' (จัดกลุ่ม)' if self.clustered else ''}"
            f" · โครงการที่อาจซ้ำซ้อน {self.duplicate_pairs:,} คู่ · พื้นที่เสี่ยงน้ำท่วม {self.hazard_zones:,} รูป"
            f"{' · ' + areas if areas else ''} "
            f"({self.projects:,} projects{', clustered' if self.clustered else ''}; "
            f"{self.duplicate_pairs:,} duplicate pairs; {self.hazard_zones:,} flood zones)",
        ]
        if self.unlocated:
            lines.append(f"ไม่แสดง {self.unlocated:,} โครงการที่ระบุที่ตั้งไม่ได้ "
                         f"({self.unlocated:,} unlocated projects are not on the map)")
        if self.assets is not None:
            lines.append(f"ไฟล์ประกอบอยู่ใน {self.assets} ต้องคัดลอกไปพร้อมกับหน้าเว็บ "
                         f"(copy the {self.assets.name} folder along with the page)")
        return lines


# ------------------------------------------------------------------------------------------- assets

@dataclass(frozen=True)
class _Asset:
    """One file copied from an installed package: its name under the assets folder and where it comes from."""

    name: str
    module: str
    relative: str
    mime: str


_ASSETS: tuple[_Asset, ...] = (
    _Asset("leaflet/leaflet.js", "xstatic.pkg.leaflet", "leaflet.js", "text/javascript"),
    _Asset("leaflet/leaflet.css", "xstatic.pkg.leaflet", "leaflet.css", "text/css"),
    _Asset("leaflet/images/layers.png", "xstatic.pkg.leaflet", "images/layers.png", "image/png"),
    _Asset("leaflet/images/layers-2x.png", "xstatic.pkg.leaflet", "images/layers-2x.png", "image/png"),
    _Asset("leaflet/images/marker-icon.png", "xstatic.pkg.leaflet", "images/marker-icon.png", "image/png"),
    _Asset("markercluster/leaflet.markercluster.js", "xstatic.pkg.leaflet_markercluster",
           "leaflet.markercluster.js", "text/javascript"),
    _Asset("markercluster/MarkerCluster.css", "xstatic.pkg.leaflet_markercluster", "MarkerCluster.css", "text/css"),
    _Asset("markercluster/MarkerCluster.Default.css", "xstatic.pkg.leaflet_markercluster",
           "MarkerCluster.Default.css", "text/css"),
    _Asset("fonts/Sarabun-Regular.ttf", "fontpkg_sarabun", "files/Sarabun-Regular.ttf", "font/ttf"),
    _Asset("fonts/Sarabun-Bold.ttf", "fontpkg_sarabun", "files/Sarabun-Bold.ttf", "font/ttf"),
    _Asset("fonts/OFL.txt", "fontpkg_sarabun", "LICENSE", "text/plain"),
)
_PIP_NAMES = {"xstatic.pkg.leaflet": "xstatic-leaflet", "xstatic.pkg.leaflet_markercluster":
              "xstatic-leaflet-markercluster", "fontpkg_sarabun": "fontpkg-sarabun"}


def _package_root(module: str) -> Path:
    """The folder holding a package's data files (an XStatic package's BASE_DIR, fontpkg's ROOT)."""
    import importlib

    try:
        mod = importlib.import_module(module)
    except ImportError as exc:
        pip = _PIP_NAMES.get(module, module)
        raise ExportError(f"ไม่พบแพ็กเกจ {pip} ที่ใช้ทำแผนที่เว็บแบบออฟไลน์ ติดตั้งด้วย pip install {pip}",
                          f"package {pip} (offline web map assets) is not installed; pip install {pip}") from exc
    return Path(getattr(mod, "BASE_DIR", None) or mod.ROOT)


def asset_sources() -> dict[str, Path]:
    """Asset name (path under the assets folder) -> the installed file it is copied from."""
    out: dict[str, Path] = {}
    for asset in _ASSETS:
        path = _package_root(asset.module) / asset.relative
        if not path.is_file():
            pip = _PIP_NAMES.get(asset.module, asset.module)
            raise ExportError(f"แพ็กเกจ {pip} ไม่มีไฟล์ {asset.relative} (ติดตั้งใหม่: pip install --force-reinstall {pip})",
                              f"package {pip} lacks {asset.relative}; reinstall it", path=path)
        out[asset.name] = path
    return out


def _data_url(mime: str, payload: bytes) -> str:
    return f"data:{mime};base64,{base64.b64encode(payload).decode('ascii')}"


_CSS_URL = re.compile(r"url\((['\"]?)(?!data:|#)([^'\")]+)\1\)")


def _inline_css(css: str, base: str, files: dict[str, bytes]) -> str:
    """Replace the relative url(...) of a style sheet (relative to asset folder `base`) by data: URLs."""
    mimes = {a.name: a.mime for a in _ASSETS}

    def sub(m: re.Match) -> str:
        name = os.path.normpath(os.path.join(base, m.group(2))).replace(os.sep, "/")
        if name not in files:
            return m.group(0)
        return f'url("{_data_url(mimes.get(name, "application/octet-stream"), files[name])}")'

    return _CSS_URL.sub(sub, css)


# ------------------------------------------------------------------------------------------- reading

def _open(workspace: Any):
    """(workspace, close) for a path or an already open workspace."""
    if isinstance(workspace, (str, Path)):
        from areaplan.workspace import Workspace

        ws = Workspace.open(workspace)
        return ws, ws.close
    return workspace, (lambda: None)


def _has(ws: Any, name: str) -> bool:
    count = getattr(ws, "count", None)
    if count is not None:
        return count(name) > 0
    return name in ws.layer_names()


def _read_table(ws: Any, name: str) -> pd.DataFrame:
    reader = getattr(ws, "read_table", None)
    if reader is None or not _has(ws, name):
        return pd.DataFrame()
    return reader(name)


def _text(series: pd.Series) -> pd.Series:
    """Text values with missing ones as empty strings."""
    return series.astype(object).where(series.notna(), "").astype(str)


def _escape(series: pd.Series) -> pd.Series:
    """HTML-escaped text (for folium's tooltips, which insert values with innerHTML)."""
    s = _text(series)
    for raw, esc in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;")):
        s = s.str.replace(raw, esc, regex=False)
    return s


def _json_values(series: pd.Series) -> list:
    """A column as a JSON-ready list (missing values as null)."""
    return series.astype(object).where(series.notna(), None).tolist()


def _round_geoms(geoms: np.ndarray, simplify_deg: float) -> np.ndarray:
    """Simplified geometries with coordinates rounded to _DECIMALS (short, exact JSON numbers)."""
    if simplify_deg > 0:
        geoms = shapely.simplify(geoms, simplify_deg, preserve_topology=True)
    return shapely.transform(geoms, lambda xy: np.round(xy, _DECIMALS))


def _geo_frame(frame: gpd.GeoDataFrame, columns: dict[str, Any], simplify_deg: float) -> gpd.GeoDataFrame:
    """A frame of the given columns (positional) and the simplified geometries, without empty shapes."""
    geoms = _round_geoms(frame.geometry.to_numpy(), simplify_deg)
    values = {k: (v.to_numpy() if isinstance(v, pd.Series) else v) for k, v in columns.items()}
    out = gpd.GeoDataFrame(values, geometry=gpd.GeoSeries(geoms, crs="EPSG:4326"), crs="EPSG:4326")
    keep = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    return out[keep].reset_index(drop=True)


def thai_date(day: date) -> str:
    """A date in Thai with the Buddhist Era year, e.g. "22 พฤศจิกายน 2569"."""
    return f"{day.day} {_THAI_MONTHS[day.month - 1]} {day.year + 543}"


def _plan_links(projects: pd.DataFrame, links: pd.DataFrame, plans: pd.DataFrame) -> tuple[list, list, list]:
    """(plans as [id, name, level, kind], CSR offsets per project, plan indices) for the popups."""
    n = len(projects)
    if len(links) == 0 and "plan_ids" in projects.columns:
        ids = _text(projects["plan_ids"]).str.split(r"[;,]")
        links = pd.DataFrame({"row": np.arange(n), "plan_id": ids}).explode("plan_id")
        links["plan_id"] = links["plan_id"].astype(str).str.strip()
        links = links[links["plan_id"] != ""]
    elif len(links):
        key = pd.DataFrame({"source": _text(projects["source"]), "project_id": _text(projects["project_id"]),
                            "row": np.arange(n)})
        links = pd.DataFrame({"source": _text(links["source"]), "project_id": _text(links["project_id"]),
                              "plan_id": _text(links["plan_id"])}).merge(key, on=["source", "project_id"])
    else:
        links = pd.DataFrame({"row": pd.Series(dtype=int), "plan_id": pd.Series(dtype=str)})
    links = links.drop_duplicates(["row", "plan_id"])
    table = pd.DataFrame({
        "plan_id": _text(plans["plan_id"]) if len(plans) else pd.Series(dtype=str),
        "name": _json_values(plans["name"]) if len(plans) else [],
        "level": _json_values(plans["level"]) if len(plans) else [],
        "kind": _json_values(plans["kind"]) if len(plans) else [],
    }).drop_duplicates("plan_id")
    missing = sorted(set(links["plan_id"]) - set(table["plan_id"]))
    if missing:  # linked but not in the plans table: shown by id alone
        table = pd.concat([table, pd.DataFrame({"plan_id": missing, "name": None, "level": None, "kind": None})],
                          ignore_index=True)
    index = pd.Series(np.arange(len(table)), index=table["plan_id"].to_numpy())
    links = links.assign(plan=index.reindex(links["plan_id"].to_numpy()).to_numpy()).sort_values(
        ["row", "plan"], kind="stable")
    counts = np.bincount(links["row"].to_numpy(dtype=np.int64), minlength=n) if len(links) else np.zeros(n, int)
    offsets = np.concatenate([[0], np.cumsum(counts)]).tolist()
    rows = table[["plan_id", "name", "level", "kind"]]
    return rows.astype(object).where(rows.notna(), None).values.tolist(), offsets, links["plan"].astype(int).tolist()


def _duplicate_pairs(ws: Any, projects: pd.DataFrame, mode: str, threshold: float | None,
                     rep: Reporter) -> list[list]:
    """[row_a, row_b, score, reasons (Thai), group, decision] per flagged pair; rows index `projects`."""
    if mode == "none" or len(projects) == 0:
        return []
    key = pd.DataFrame({"source": _text(projects["source"]), "project_id": _text(projects["project_id"]),
                        "row": np.arange(len(projects))})
    if mode == "run":
        from areaplan.analyses.duplicates import run_workspace

        params = {} if threshold is None else {"threshold": threshold}
        pairs = run_workspace(ws, progress=rep, cancelled=None, **params).pairs
        if len(pairs) == 0:
            return []
        frame = pd.DataFrame({
            "source_a": _text(pairs["source_a"]), "project_id_a": _text(pairs["project_id_a"]),
            "source_b": _text(pairs["source_b"]), "project_id_b": _text(pairs["project_id_b"]),
            "score": pairs["score"].astype(float), "reasons": _text(pairs["reasons_th"]),
            "group": pairs["group_id"].astype(int), "decision": _text(pairs["decision"]),
        })
    else:
        decided = _read_table(ws, "duplicate_decisions")
        if len(decided) == 0:
            return []
        decided = decided.sort_values("fid", kind="stable").assign(
            a=lambda d: _text(d["source_a"]) + "\x00" + _text(d["project_id_a"]),
            b=lambda d: _text(d["source_b"]) + "\x00" + _text(d["project_id_b"]))
        pair_key = np.where(decided["a"] <= decided["b"], decided["a"] + "\x01" + decided["b"],
                            decided["b"] + "\x01" + decided["a"])
        latest = decided.assign(pair=pair_key).drop_duplicates("pair", keep="last")
        latest = latest[latest["decision"].isin(["duplicate", "unsure"])]
        frame = pd.DataFrame({
            "source_a": _text(latest["source_a"]), "project_id_a": _text(latest["project_id_a"]),
            "source_b": _text(latest["source_b"]), "project_id_b": _text(latest["project_id_b"]),
            "score": np.nan, "reasons": "ผู้พิจารณาบันทึกไว้", "group": 0, "decision": _text(latest["decision"]),
        })
        # ids stored without a source (older records) match any source
        if (frame["source_a"] == "").any() or (frame["source_b"] == "").any():
            first = key.drop_duplicates("project_id").set_index("project_id")["source"]
            for side in ("a", "b"):
                blank = frame[f"source_{side}"] == ""
                frame.loc[blank, f"source_{side}"] = first.reindex(frame.loc[blank, f"project_id_{side}"]).fillna(
                    "").to_numpy()
    for side in ("a", "b"):
        frame = frame.merge(key.rename(columns={"source": f"source_{side}", "project_id": f"project_id_{side}",
                                                "row": f"row_{side}"}),
                            on=[f"source_{side}", f"project_id_{side}"], how="inner")
    frame["score"] = frame["score"].round(3)
    out = frame[["row_a", "row_b", "score", "reasons", "group", "decision"]]
    return out.astype(object).where(out.notna(), None).values.tolist()


# ------------------------------------------------------------------------------------------- page

_PAGE_CSS = """
@font-face { font-family: "Sarabun"; font-weight: 400; font-style: normal; font-display: block;
  src: url("fonts/Sarabun-Regular.ttf") format("truetype"); }
@font-face { font-family: "Sarabun"; font-weight: 700; font-style: normal; font-display: block;
  src: url("fonts/Sarabun-Bold.ttf") format("truetype"); }
html, body, .leaflet-container, .leaflet-container button, .leaflet-control-layers, .leaflet-popup-content,
.leaflet-tooltip { font-family: "Sarabun", sans-serif; }
.leaflet-container { background: #f4f6f8; font-size: 14px; }
.ap-title { background: rgba(255,255,255,.92); padding: 6px 12px; border-radius: 4px; max-width: 60vw;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.ap-title-main { font-weight: 700; font-size: 17px; }
.ap-title-sub { color: #555; font-size: 12px; }
.ap-legend { background: rgba(255,255,255,.94); padding: 8px 10px; border-radius: 4px; line-height: 1.35;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); max-height: 70vh; overflow-y: auto; font-size: 13px; }
.ap-legend-head { font-weight: 700; margin: 6px 0 2px; }
.ap-legend-head:first-child { margin-top: 0; }
.ap-legend-item { display: flex; align-items: center; gap: 6px; }
.ap-key { display: inline-block; width: 16px; height: 12px; flex: none; box-sizing: border-box; }
.ap-key-point { width: 12px; height: 12px; border-radius: 50%; border: 1px solid #333; }
.ap-key-ring { width: 14px; height: 14px; border-radius: 50%; border: 3px solid; background: transparent; }
.ap-key-line { height: 0; border-top-style: solid; }
.ap-key-dash { height: 0; border-top: 2px dashed; }
.ap-key-fill { border: 1px solid rgba(0,0,0,.35); }
.ap-pt { border-radius: 50%; border: 1px solid #222; box-sizing: border-box; }
.ap-popup { font-size: 13px; line-height: 1.4; }
.ap-popup-title { font-weight: 700; font-size: 14px; margin-bottom: 4px; }
.ap-popup table { border-collapse: collapse; }
.ap-popup th { text-align: left; font-weight: 400; color: #666; padding: 1px 8px 1px 0; vertical-align: top;
  white-space: nowrap; }
.ap-popup td { padding: 1px 0; }
.ap-popup-head { font-weight: 700; margin-top: 6px; }
.ap-popup ul { margin: 2px 0 0; padding-left: 18px; }
.ap-plan-id { font-family: monospace; font-size: 12px; }
.ap-muted { color: #777; }
.ap-dup { color: #c0392b; }
"""

_PAGE_JS = r"""/* AreaPlan offline web map: builds the project, duplicate, title and legend layers from the page's data.
   Text from the workspace is only ever put on screen with textContent. */
(function () {
  "use strict";
  var AP = (window.AreaPlanWebMap = window.AreaPlanWebMap || {});
  var cache = null, pending = 0, finished = false;

  AP.data = function () {
    if (cache === null) {
      cache = JSON.parse(document.getElementById("areaplan-data").textContent);
      var byProject = {};
      cache.duplicates.forEach(function (pair, k) {
        (byProject[pair[0]] = byProject[pair[0]] || []).push(k);
        (byProject[pair[1]] = byProject[pair[1]] || []).push(k);
      });
      cache.duplicatesByProject = byProject;
      performance.mark("ap:data-parsed");
    }
    return cache;
  };

  function el(tag, className, text, parent) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (parent) parent.appendChild(node);
    return node;
  }
  var baht = new Intl.NumberFormat("th-TH", {maximumFractionDigits: 2});
  function label(vocabulary, code) {
    if (code === null || code === undefined || code === "") return "";
    var table = AP.data().vocab[vocabulary] || {};
    return table[code] || String(code);
  }
  function row(table, key, value) {
    if (value === null || value === undefined || value === "") return;
    var tr = el("tr", null, null, table);
    el("th", null, key, tr);
    el("td", null, value, tr);
  }
  function place(i) {
    var p = AP.data().projects, areas = AP.data().areas, parts = [];
    if (p.village_no[i] !== null) parts.push("หมู่ที่ " + p.village_no[i]);
    if (p.tambon_code[i] && areas[p.tambon_code[i]]) parts.push("ต." + areas[p.tambon_code[i]]);
    if (p.amphoe_code[i] && areas[p.amphoe_code[i]]) parts.push("อ." + areas[p.amphoe_code[i]]);
    return parts.join(" ");
  }

  AP.projectPopup = function (i) {
    var d = AP.data(), p = d.projects;
    var box = el("div", "ap-popup");
    el("div", "ap-popup-title", p.title[i], box);
    var t = el("table", null, null, box);
    row(t, "รหัสโครงการ", p.project_id[i]);
    row(t, "ช่องทาง", label("channel", p.channel[i]));
    row(t, "หน่วยงาน", p.agency[i]);
    row(t, "ปีงบประมาณ", p.fiscal_year[i]);
    row(t, "งบประมาณ", p.budget[i] === null ? null : baht.format(p.budget[i]) + " บาท");
    row(t, "ประเด็น", label("agenda", p.agenda[i]));
    row(t, "สถานะ", label("status", p.status[i]));
    row(t, "ที่ตั้ง", place(i));
    row(t, "ตำแหน่งจาก", label("precision", p.precision[i]));
    var a = p.plan_offsets[i], b = p.plan_offsets[i + 1];
    el("div", "ap-popup-head", "แผนที่เกี่ยวข้อง (" + (b - a) + ")", box);
    if (a === b) {
      el("div", "ap-muted", "ไม่ได้ระบุแผน", box);
    } else {
      var ul = el("ul", "ap-plans", null, box);
      for (var k = a; k < b; k++) {
        var plan = d.plans[p.plan_index[k]], li = el("li", null, null, ul);
        el("span", "ap-plan-id", plan[0], li);
        li.appendChild(document.createTextNode(" " + (plan[1] || "")));
        var extra = [label("level", plan[2]), label("kind", plan[3])].filter(Boolean).join(" · ");
        if (extra) el("span", "ap-muted", " (" + extra + ")", li);
      }
    }
    var mine = d.duplicatesByProject[i];
    if (mine) {
      el("div", "ap-popup-head ap-dup", "⚠ อาจซ้ำซ้อนกับ (" + mine.length + ")", box);
      var dl = el("ul", "ap-dups", null, box);
      mine.forEach(function (k) {
        var pair = d.duplicates[k], other = pair[0] === i ? pair[1] : pair[0], li = el("li", null, null, dl);
        el("span", "ap-plan-id", p.project_id[other], li);
        li.appendChild(document.createTextNode(" " + p.title[other]));
        var notes = [];
        if (pair[2] !== null) notes.push("คะแนน " + pair[2].toFixed(2));
        if (pair[3]) notes.push(pair[3]);
        if (pair[5]) notes.push("ผลการพิจารณา: " + label("decision", pair[5]));
        if (notes.length) el("div", "ap-muted", notes.join(" · "), li);
      });
    }
    return box;
  };

  function openPopup(map, e) {
    var layer = e.layer || e.target;
    if (layer.apIndex === undefined) return;
    L.popup({maxWidth: 380, autoPanPadding: [20, 20], autoPanPaddingTopLeft: [50, 150]}).setLatLng(layer.getLatLng())
      .setContent(AP.projectPopup(layer.apIndex)).openOn(map);
  }
  function colour(code) { var c = AP.data().channel_colours; return c[code] || c.other; }
  function located(p, i) { return p.lat[i] !== null && p.lon[i] !== null; }

  AP.projectsLayer = function (map) {
    var d = AP.data(), p = d.projects, n = p.lat.length, layer, i, m;
    AP._map = map;
    AP._markers = new Array(n);
    if (d.cluster) {
      pending += 1;
      var done = false, icons = {};
      var finish = function () {
        if (!done) { done = true; pending -= 1; performance.mark("ap:clustered"); AP._check(); }
      };
      layer = L.markerClusterGroup({
        chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 60, disableClusteringAtZoom: 18,
        chunkProgress: function (processed, total) { if (processed >= total) finish(); }
      });
      var markers = [];
      for (i = 0; i < n; i++) {
        if (!located(p, i)) continue;
        var key = d.channel_colours[p.channel[i]] ? p.channel[i] : "other";
        if (!icons[key]) icons[key] = L.divIcon({className: "ap-pt ap-ch-" + key, iconSize: [12, 12]});
        m = L.marker([p.lat[i], p.lon[i]], {icon: icons[key], keyboard: false});
        m.apIndex = i;
        AP._markers[i] = m;
        markers.push(m);
      }
      performance.mark("ap:markers-made");
      layer.addLayers(markers);
      if (!markers.length) finish();
    } else {
      layer = L.featureGroup();
      for (i = 0; i < n; i++) {
        if (!located(p, i)) continue;
        m = L.circleMarker([p.lat[i], p.lon[i]], {radius: 5, weight: 1, color: "#222", fillColor: colour(p.channel[i]),
                                                   fillOpacity: 0.9});
        m.apIndex = i;
        AP._markers[i] = m;
        layer.addLayer(m);
      }
    }
    AP._projects = layer;
    layer.on("click", function (e) { openPopup(map, e); });
    return layer;
  };

  AP.duplicatesLayer = function (map) {
    var d = AP.data(), p = d.projects, layer = L.featureGroup(), seen = {};
    if (!map.getPane("apDuplicates")) map.createPane("apDuplicates").style.zIndex = 620;
    /* one canvas for every ring and line: thousands of flagged pairs stay fast (SVG would make a node each) */
    var canvas = L.canvas({pane: "apDuplicates"});
    var ring = function (i) {
      if (seen[i] || !located(p, i)) return;
      seen[i] = true;
      var m = L.circleMarker([p.lat[i], p.lon[i]], {pane: "apDuplicates", renderer: canvas, radius: 9, weight: 3,
                                                     color: d.duplicate_colour, fill: true, fillOpacity: 0});
      m.apIndex = i;
      layer.addLayer(m);
    };
    d.duplicates.forEach(function (pair) {
      var a = pair[0], b = pair[1];
      if (located(p, a) && located(p, b)) {
        layer.addLayer(L.polyline([[p.lat[a], p.lon[a]], [p.lat[b], p.lon[b]]], {
          pane: "apDuplicates", renderer: canvas, color: d.duplicate_colour, weight: 2, dashArray: "5 4",
          interactive: false}));
      }
      ring(a); ring(b);
    });
    layer.on("click", function (e) { openPopup(map, e); });
    return layer;
  };

  AP.titleControl = function (map) {
    var d = AP.data(), box = L.control({position: "topleft"});
    box.onAdd = function () {
      var div = el("div", "ap-title");
      el("div", "ap-title-main", d.title, div);
      el("div", "ap-title-sub", d.subtitle, div);
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    document.title = d.title;
    return box;
  };

  AP.legendControl = function (map) {
    var d = AP.data(), box = L.control({position: "bottomright"});
    box.onAdd = function () {
      var div = el("div", "ap-legend");
      d.legend.forEach(function (section) {
        el("div", "ap-legend-head", section.title, div);
        section.items.forEach(function (item) {
          var line = el("div", "ap-legend-item", null, div), key = el("span", "ap-key ap-key-" + item.kind, null, line);
          if (item.kind === "fill" || item.kind === "point") key.style.background = item.colour;
          else key.style.borderColor = item.colour;
          if (item.kind === "line") key.style.borderTopWidth = item.width + "px";
          el("span", null, item.label, line);
        });
      });
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    return box;
  };

  /* "map.html#project=ID" opens that project's popup (a link to one project) */
  function openFromHash(done) {
    var match = /^#project=(.+)$/.exec(window.location.hash), d = AP.data();
    var i = match ? d.projects.project_id.indexOf(decodeURIComponent(match[1])) : -1;
    var marker = i >= 0 && AP._markers ? AP._markers[i] : null;
    if (!marker) { done(); return; }
    AP._map.setView(marker.getLatLng(), Math.max(AP._map.getZoom(), 16), {animate: false});
    openPopup(AP._map, {layer: marker});
    done();
  }

  AP._check = function () {
    if (!finished || pending > 0) return;
    /* after the next frame is painted: a timeout queued from requestAnimationFrame runs once it is drawn */
    openFromHash(function () { requestAnimationFrame(function () {
      setTimeout(function () {
        var root = document.documentElement;
        performance.mark("ap:ready");
        root.setAttribute("data-ap-ready-ms", performance.now().toFixed(0));
        root.setAttribute("data-ap-svg-paths", String(document.querySelectorAll("path.leaflet-interactive").length));
        root.setAttribute("data-ap-markers", String(document.querySelectorAll(".leaflet-marker-icon").length));
        root.setAttribute("data-ap-canvases", String(document.querySelectorAll("canvas.leaflet-zoom-animated").length));
        root.setAttribute("data-ap-font", document.fonts.check('14px "Sarabun"') ? "Sarabun" : "");
        document.dispatchEvent(new CustomEvent("areaplan:ready"));
      }, 0);
    }); });
  };
  /* called after every layer was created: the page is ready once the clusters are built and painted */
  AP.finish = function () { finished = true; performance.mark("ap:layers-made"); AP._check(); };
})();
"""


def _channel_css() -> str:
    return "".join(f".ap-ch-{code} {{ background: {colour}; }}\n" for code, colour in CHANNEL_COLOURS.items())


def _legend(has: dict[str, bool], channels: set[str], hazard_classes: set[int], pairs: int) -> list[dict]:
    sections = []
    lines = [{"kind": "line", "colour": c, "width": w, "label": th} for lvl, (c, w, th) in
             reversed(list(BOUNDARY_STYLES.items())) if has.get(lvl)]
    if lines:
        sections.append({"title": "ขอบเขตการปกครอง", "items": lines})
    if channels:
        order = [c for c in CHANNEL_COLOURS if c in channels]
        sections.append({"title": "โครงการ ตามช่องทางงบประมาณ", "items": [
            {"kind": "point", "colour": CHANNEL_COLOURS[c], "label": vocab.CHANNELS.get(c, c)} for c in order]})
    if has.get("duplicates"):
        sections.append({"title": "โครงการที่อาจซ้ำซ้อน", "items": [
            {"kind": "ring", "colour": DUPLICATE_COLOUR, "label": f"โครงการที่ถูกตั้งข้อสังเกต ({pairs:,} คู่)"},
            {"kind": "dash", "colour": DUPLICATE_COLOUR, "label": "เส้นเชื่อมคู่ที่อาจซ้ำ"}]})
    if hazard_classes:
        items = [{"kind": "fill", "colour": HAZARD_CLASSES[k][0], "label": f"เสี่ยง{HAZARD_CLASSES[k][1]}"}
                 for k in sorted(hazard_classes) if k in HAZARD_CLASSES]
        if any(k not in HAZARD_CLASSES for k in hazard_classes):
            items.append({"kind": "fill", "colour": HAZARD_UNKNOWN, "label": "ไม่ระบุระดับ"})
        sections.append({"title": "พื้นที่เสี่ยงน้ำท่วม", "items": items})
    return sections


def _page_data(**values: Any) -> str:
    """The page data as JSON that is safe inside <script type="application/json">."""
    from jinja2.utils import htmlsafe_json_dumps

    return str(htmlsafe_json_dumps(values, ensure_ascii=False, separators=(",", ":"), allow_nan=False))


def _make_layer_class():
    """folium Layer subclasses whose script calls a factory of the page's own AreaPlanWebMap script."""
    from folium.elements import JSCSSMixin
    from folium.map import Layer
    from folium.template import Template

    class AreaPlanLayer(JSCSSMixin, Layer):
        """A layer built in the browser by ``AreaPlanWebMap.<factory>(map)`` from the page data."""

        _template = Template("""
            {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = AreaPlanWebMap.{{ this.factory }}({{ this._parent.get_name() }});
            {% endmacro %}
        """)

        def __init__(self, factory: str, name: str, *, js: list, css: list, control: bool = True) -> None:
            super().__init__(name=name, overlay=True, control=control, show=True)
            self._name = "AreaPlanLayer"
            self.factory = factory
            self.default_js = list(js)
            self.default_css = list(css)

    return AreaPlanLayer


def _finish_element():
    """The element whose script tells the page every layer exists (the page then signals it is ready)."""
    from branca.element import MacroElement
    from folium.template import Template

    element = MacroElement()
    element._name = "AreaPlanFinish"
    element._template = Template("{% macro script(this, kwargs) %}AreaPlanWebMap.finish();{% endmacro %}")
    return element


def _tooltip(fields: list[str], aliases: list[str]):
    import folium

    return folium.GeoJsonTooltip(fields=fields, aliases=aliases, sticky=True, labels=True)


def export_webmap(workspace: Any, out: str | Path, *, options: WebMapOptions | None = None,
                  overwrite: bool = False, progress: ProgressCallback | None = None,
                  cancelled: CancelCheck | None = None) -> WebMapResult:
    """Write the offline web map of a workspace (path or open workspace) to `out` (.html) and its assets."""
    opts = options or WebMapOptions()
    out = Path(out)
    if opts.duplicates not in DUPLICATE_MODES:
        raise ExportError(f"แหล่งข้อมูลโครงการซ้ำซ้อนต้องเป็น {', '.join(DUPLICATE_MODES)} ได้ {opts.duplicates!r}",
                          f"duplicates must be one of {DUPLICATE_MODES}, got {opts.duplicates!r}", field="duplicates")
    if out.suffix.lower() not in EXTENSIONS:
        raise ExportError("ชื่อไฟล์แผนที่เว็บต้องลงท้ายด้วย .html", "the web map file name must end in .html",
                          path=out)
    if not out.parent.is_dir():
        raise ExportError("ไม่พบโฟลเดอร์ปลายทาง", "the destination folder does not exist", path=out)
    if out.exists() and not overwrite:
        raise ExportError("มีไฟล์นี้อยู่แล้ว ใช้ --overwrite เพื่อเขียนทับ",
                          "the output exists already; pass --overwrite to replace it", path=out)
    sources = asset_sources()  # fail early, before any work, when an asset package is missing
    rep = Reporter(progress, cancelled)
    rep(0.0, "อ่านพื้นที่ทำงาน")
    ws, close = _open(workspace)
    try:
        page = _build(ws, opts, sources, out, rep)
    finally:
        close()
    rep(1.0, "เสร็จ")
    return page


def _read(ws: Any) -> tuple[dict[str, gpd.GeoDataFrame], gpd.GeoDataFrame, gpd.GeoDataFrame | None]:
    """(boundary layers by level, projects, flood zones or None) of a workspace."""
    levels = {level: ws.read_layer(level) for level in BOUNDARY_STYLES if _has(ws, level)}
    projects = ws.read_layer("projects") if _has(ws, "projects") else gpd.GeoDataFrame(
        {"project_id": [], "title": [], "source": []}, geometry=[], crs="EPSG:4326")
    hazards = ws.read_layer("hazard_zones") if _has(ws, "hazard_zones") else None
    if not levels and len(projects) == 0 and hazards is None:
        raise ExportError("พื้นที่ทำงานไม่มีขอบเขต โครงการ หรือพื้นที่เสี่ยงให้แสดงบนแผนที่",
                          "the workspace has no boundaries, projects or hazard zones to map",
                          path=getattr(ws, "path", None))
    return levels, projects.reset_index(drop=True), hazards


def _add_tambons(m: Any, levels: dict[str, gpd.GeoDataFrame], simplify_deg: float) -> None:
    """Tambon outlines with a tooltip (Thai and English name, amphoe, code); transparent fill to hover."""
    import folium

    tambon = levels["tambon"]
    amphoe = levels.get("amphoe")
    amphoe_names = dict(zip(_text(amphoe["code"]), _text(amphoe["name_th"]))) if amphoe is not None else {}
    name_en = _text(tambon["name_en"])
    gdf = _geo_frame(tambon, {
        "name": _escape(_text(tambon["name_th"]) + np.where(name_en != "", " (" + name_en + ")", "")),
        "amphoe": _escape(_text(tambon["parent_code"]).map(amphoe_names).fillna("")),
        "code": _escape(tambon["code"]),
    }, simplify_deg)
    colour, width, th = BOUNDARY_STYLES["tambon"]
    folium.GeoJson(gdf, name=f"{th} ({len(gdf):,})",
                   style_function=lambda f: {"color": colour, "weight": width, "fillColor": "#ffffff",
                                             "fillOpacity": 0.0},
                   highlight_function=lambda f: {"weight": 2.5, "color": "#2b6cb0"},
                   tooltip=_tooltip(["name", "amphoe", "code"], ["ตำบล", "อำเภอ", "รหัส"])).add_to(m)


def _add_hazards(m: Any, hazards: gpd.GeoDataFrame, simplify_deg: float) -> tuple[int, set[int]]:
    """Flood zones filled by class; (zones drawn, classes present, 0 for unknown)."""
    import folium

    cls = pd.to_numeric(hazards["class"], errors="coerce")
    classes = {int(c) for c in cls.dropna().unique()} | ({0} if cls.isna().any() else set())
    given = _text(hazards["class_label"])
    labels = given.where(given != "", cls.map({k: v[1] for k, v in HAZARD_CLASSES.items()}).fillna(""))
    freq = pd.to_numeric(hazards["frequency"], errors="coerce")
    gdf = _geo_frame(hazards, {
        "cls": cls.fillna(0).astype(int),
        "label": _escape(labels),
        "hazard": _escape(hazards["hazard"]),
        "frequency": _escape(freq.map("{:g} ครั้งใน 10 ปี".format, na_action="ignore")),
    }, simplify_deg)
    folium.GeoJson(gdf, name=f"พื้นที่เสี่ยงน้ำท่วม ({len(gdf):,})", style_function=lambda f: {
        "color": "#7f2704", "weight": 0.6, "fillOpacity": 0.45,
        "fillColor": HAZARD_CLASSES.get(f["properties"]["cls"], (HAZARD_UNKNOWN,))[0]},
        tooltip=_tooltip(["label", "hazard", "frequency"], ["ระดับความเสี่ยง", "ชั้นข้อมูล", "ความถี่"]),
    ).add_to(m)
    return len(gdf), classes


def _add_outlines(m: Any, levels: dict[str, gpd.GeoDataFrame], simplify_deg: float) -> None:
    """Amphoe and changwat outlines above the flood zones (not interactive)."""
    import folium

    for level in ("amphoe", "changwat"):
        if level not in levels:
            continue
        frame = levels[level]
        colour, width, th = BOUNDARY_STYLES[level]
        gdf = _geo_frame(frame, {"code": _escape(frame["code"])}, simplify_deg)
        folium.GeoJson(gdf, name=f"{th} ({len(gdf):,})", interactive=False,
                       style_function=lambda f, c=colour, w=width: {"color": c, "weight": w, "fill": False}).add_to(m)


def _add_project_shapes(m: Any, shapes: gpd.GeoDataFrame) -> None:
    """The lines and polygons of projects that have them, with their id and title as a tooltip."""
    import folium

    gdf = _geo_frame(shapes, {"project_id": _escape(shapes["project_id"]), "title": _escape(shapes["title"])}, 0.0)
    folium.GeoJson(gdf, name=f"แนวเส้นและพื้นที่โครงการ ({len(gdf):,})", style_function=lambda f: {
        "color": "#1b4f72", "weight": 3, "fillColor": "#2e86c1", "fillOpacity": 0.25},
        tooltip=_tooltip(["project_id", "title"], ["รหัสโครงการ", "ชื่อโครงการ"])).add_to(m)


def _projects_payload(projects: gpd.GeoDataFrame, lon: np.ndarray, lat: np.ndarray,
                      plans: pd.DataFrame, links: pd.DataFrame) -> tuple[dict, list]:
    """(the projects as columns for the page's script, the plans they link to)."""
    n = len(projects)
    plan_rows, offsets, plan_index = _plan_links(projects, links, plans) if n else ([], [0], [])

    def col(name: str) -> list:
        return _json_values(projects[name]) if name in projects.columns else [None] * n

    def int_col(name: str) -> list:
        if name not in projects.columns:
            return [None] * n
        return _json_values(pd.to_numeric(projects[name], errors="coerce").astype("Int64"))

    columns = {
        "lat": _json_values(pd.Series(lat, dtype=float)), "lon": _json_values(pd.Series(lon, dtype=float)),
        "project_id": col("project_id"), "title": col("title"), "channel": col("channel"),
        "agency": col("agency"), "fiscal_year": int_col("fiscal_year"), "budget": col("budget"),
        "agenda": col("agenda"), "status": col("status"), "village_no": int_col("village_no"),
        "tambon_code": col("tambon_code"), "amphoe_code": col("amphoe_code"),
        "precision": col("location_precision"), "plan_offsets": offsets, "plan_index": plan_index,
    }
    return columns, plan_rows


def _build(ws: Any, opts: WebMapOptions, sources: dict[str, Path], out: Path, rep: Reporter) -> WebMapResult:
    import folium

    simplify_deg = max(opts.simplify_m, 0.0) / _METRES_PER_DEGREE
    levels, projects, hazards = _read(ws)
    plans, links = _read_table(ws, "plans"), _read_table(ws, "project_plans")
    rep(0.15, "ตรวจโครงการซ้ำซ้อน" if opts.duplicates == "run" else "อ่านผลการพิจารณา")
    pairs = _duplicate_pairs(ws, projects, opts.duplicates, opts.threshold, rep.sub(0.15, 0.7))
    rep(0.7, "เตรียมข้อมูลแผนที่")
    meta = ws.metadata() if hasattr(ws, "metadata") else {}
    title = opts.title or meta.get("title") or Path(str(getattr(ws, "path", "AreaPlan"))).stem

    # project points: a point on the surface of lines and polygons; unlocated ones stay in the data, undrawn
    geoms = projects.geometry.to_numpy()
    valid = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    points = np.full(len(projects), None, dtype=object)
    points[valid] = shapely.point_on_surface(geoms[valid])
    lon, lat = np.round(shapely.get_x(points), 6), np.round(shapely.get_y(points), 6)
    located = int(valid.sum())
    clustered = located >= max(opts.cluster_from, 1)
    project_columns, plan_rows = _projects_payload(projects, lon, lat, plans, links)
    rep.check()

    # the folium map: no tiles (offline), the local copies instead of folium's CDN links
    folder = f"{out.stem}_files"
    prefix = quote(folder) + "/"
    m = folium.Map(location=None, tiles=None, control_scale=True, zoom_snap=0.25)
    m.options.update(max_zoom=19, min_zoom=5)  # no tile layer sets them; marker clustering needs a maximum
    m.default_js = [("leaflet", prefix + "leaflet/leaflet.js")]
    m.default_css = [("leaflet_css", prefix + "leaflet/leaflet.css"), ("areaplan_css", prefix + "areaplan-webmap.css")]
    bounds = _bounds(levels, hazards, lon[valid], lat[valid])
    if bounds is not None:
        m.fit_bounds(bounds)  # first: every layer is then drawn once, at the view the page opens with
    figure = m.get_root()
    figure.title = html.escape(title)
    if "tambon" in levels:
        _add_tambons(m, levels, simplify_deg)
    n_hazard, hazard_classes = _add_hazards(m, hazards, simplify_deg) if hazards is not None else (0, set())
    _add_outlines(m, levels, simplify_deg)
    rep(0.8, "เตรียมโครงการ")
    shape_mask = valid & (shapely.get_type_id(geoms) != 0)
    if shape_mask.any():
        _add_project_shapes(m, projects[shape_mask])
    Layer = _make_layer_class()
    own_js = [("areaplan_js", prefix + "areaplan-webmap.js")]
    if located:
        cluster_js = [("markercluster", prefix + "markercluster/leaflet.markercluster.js")] if clustered else []
        cluster_css = [("markercluster_css", prefix + "markercluster/MarkerCluster.css"),
                       ("markercluster_default_css", prefix + "markercluster/MarkerCluster.Default.css")]
        Layer("projectsLayer", f"โครงการ ({located:,})", js=cluster_js + own_js,
              css=cluster_css if clustered else []).add_to(m)
    if pairs:
        Layer("duplicatesLayer", f"โครงการที่อาจซ้ำซ้อน ({len(pairs):,} คู่)", js=own_js, css=[]).add_to(m)
    folium.LayerControl(collapsed=False, position="topright").add_to(m)
    Layer("titleControl", "title", js=own_js, css=[], control=False).add_to(m)
    Layer("legendControl", "legend", js=own_js, css=[], control=False).add_to(m)
    _finish_element().add_to(m)  # last child: its script runs once every layer exists

    channels = {c if c in CHANNEL_COLOURS else "other" for c in _text(projects["channel"])[valid]} \
        if "channel" in projects.columns else set()
    has = {lvl: lvl in levels for lvl in BOUNDARY_STYLES} | {"duplicates": bool(pairs)}
    data = _page_data(
        title=title,
        subtitle=f"จัดทำเมื่อ {thai_date(date.today())} · โครงการ {located:,} จุด · AreaPlan {__version__}",
        vocab={"channel": vocab.CHANNELS, "agenda": vocab.AGENDAS, "status": vocab.STATUSES, "level": vocab.LEVELS,
               "kind": vocab.PLAN_KINDS, "precision": vocab.PRECISIONS, "decision": _DECISIONS},
        channel_colours=CHANNEL_COLOURS, duplicate_colour=DUPLICATE_COLOUR, cluster=clustered,
        areas={code: name for frame in levels.values()
               for code, name in zip(_text(frame["code"]), _text(frame["name_th"]))},
        plans=plan_rows, projects=project_columns, duplicates=pairs,
        legend=_legend(has, channels, hazard_classes if n_hazard else set(), len(pairs)),
    )
    figure.html.add_child(folium.Element(f'<script type="application/json" id="areaplan-data">{data}</script>'),
                          name="areaplan_data")
    rep(0.9, "เขียนไฟล์")
    rep.check()
    assets = _write(out, figure.render(), sources, folder, opts.single_file)
    size = out.stat().st_size + (sum(p.stat().st_size for p in assets.rglob("*") if p.is_file()) if assets else 0)
    return WebMapResult(
        html=out, assets=assets, projects=located, unlocated=len(projects) - located, clustered=clustered,
        duplicate_pairs=len(pairs), hazard_zones=n_hazard, boundaries={k: len(v) for k, v in levels.items()},
        bytes_written=size,
    )


def _bounds(levels, hazards, lon, lat) -> list[list[float]] | None:
    """[[south, west], [north, east]] around everything on the map, or None when nothing has a place."""
    boxes = [f.total_bounds for f in levels.values() if len(f)]
    if hazards is not None and len(hazards):
        boxes.append(hazards.total_bounds)
    if lon is not None and len(lon):
        boxes.append(np.array([np.nanmin(lon), np.nanmin(lat), np.nanmax(lon), np.nanmax(lat)]))
    boxes = [b for b in boxes if np.all(np.isfinite(b))]
    if not boxes:
        return None
    b = np.vstack(boxes)
    return [[float(b[:, 1].min()), float(b[:, 0].min())], [float(b[:, 3].max()), float(b[:, 2].max())]]


def _write(out: Path, page: str, sources: dict[str, Path], folder: str, single_file: bool) -> Path | None:
    """Write the page atomically, and its assets into `folder` beside it (or inline them)."""
    files = {name: path.read_bytes() for name, path in sources.items()}
    files["areaplan-webmap.js"] = _PAGE_JS.encode("utf-8")
    files["areaplan-webmap.css"] = (_PAGE_CSS + _channel_css()).encode("utf-8")
    files["THIRD-PARTY.txt"] = _third_party_note().encode("utf-8")
    assets: Path | None = None
    prefix = quote(folder) + "/"
    if single_file:
        mimes = {a.name: a.mime for a in _ASSETS} | {"areaplan-webmap.js": "text/javascript",
                                                     "areaplan-webmap.css": "text/css"}
        for name, payload in files.items():
            link = f'"{prefix}{quote(name)}"'
            if link not in page:
                continue
            if mimes.get(name) == "text/css":
                payload = _inline_css(payload.decode("utf-8"), os.path.dirname(name), files).encode("utf-8")
            page = page.replace(link, f'"{_data_url(mimes[name], payload)}"')
    else:
        assets = out.parent / folder
        try:
            for name, payload in files.items():
                target = assets / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(payload)
        except OSError as exc:
            raise ExportError("เขียนไฟล์ประกอบแผนที่เว็บไม่ได้", "cannot write the web map assets",
                              path=assets) from exc
    fd, tmp = tempfile.mkstemp(prefix=".areaplan-", suffix=".html", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(page)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # a page to share: the usual file mode, not mkstemp's private one
        os.replace(tmp, out)
    except PermissionError as exc:
        raise ExportError("เขียนไฟล์ไม่ได้ (ไฟล์อาจเปิดอยู่ในโปรแกรมอื่น)",
                          "cannot write the file (is it open in another program?)", path=out) from exc
    finally:
        Path(tmp).unlink(missing_ok=True)
    return assets


def _third_party_note() -> str:
    import importlib.metadata as md

    def version(dist: str) -> str:
        try:
            return md.version(dist)
        except md.PackageNotFoundError:
            return "?"

    return (
        "ไฟล์ในโฟลเดอร์นี้คัดลอกมาจากแพ็กเกจที่ติดตั้งไว้ตอนส่งออกแผนที่ (copied from installed packages at export time)\n\n"
        f"leaflet/        Leaflet 1.9.3 (BSD-2-Clause, (c) 2010-2022 Vladimir Agafonkin, (c) 2010-2011 CloudMade),"
        f" from xstatic-leaflet {version('xstatic-leaflet')}\n"
        f"markercluster/  Leaflet.markercluster (MIT, (c) 2012 David Leaver),"
        f" from xstatic-leaflet-markercluster {version('xstatic-leaflet-markercluster')}\n"
        f"fonts/          Sarabun (SIL Open Font License 1.1, see fonts/OFL.txt),"
        f" from fontpkg-sarabun {version('fontpkg-sarabun')}\n"
        f"areaplan-webmap.js, areaplan-webmap.css  AreaPlan {__version__}\n"
    )


__all__ = ["DESCRIPTION", "DUPLICATE_MODES", "EXTENSIONS", "WebMapOptions", "WebMapResult", "asset_sources",
           "export_webmap", "thai_date"]
