"""Flood exposure: how much of each area lies in each hazard class, and which projects sit in the water.

What it computes (docs/flood.md has the user's version):

* **Areas** (changwat, amphoe, tambon, muban polygons — muban *points* are sampled): for every class 1..4 the area
  in km² and rai (1 rai = 1,600 m²) and the share of the area, the share not flooded (class 0) and the share
  without data (nodata or outside the raster), the flooded and the high (classes 3–4) area, and the mean and
  maximum hazard value (depth in m for depth rasters) over the flooded part.
* **Projects**: points sample the hazard; lines get the share of their length and polygons the share of their
  area in each class. Construction projects (roads, buildings, bridges … — not flood works) with at least
  ``flag_min_share`` of their length/area in a high or very-high class (a point: in such a class) are flagged.
  Flood-mitigation projects (agenda ``water`` or work type dredging, weir, embankment, drainage, water gate,
  pumping station) are counted, with their budget, towards the area they are located in.

How (exact, vectorised, cancellable):

* Rasters: coverage-weighted zonal statistics by **exactextract** — every cell counts by the exact fraction of it
  the polygon covers (no pixel-centre rule). One call computes the mean/max and every class area with built-in
  operations only (no Python callbacks), in two passes over the cells: the values with the flooded mask as
  weights give ``count``, the flooded ``weighted_sum``, ``max`` and each cell's ``values`` and ``coverage``, which
  numpy bins into the covered cells of every class (``searchsorted`` + ``bincount``, about a million cells at a
  time); the mask alone gives the covered cells by ``count``. Shares are the class areas over the polygon's area in
  the raster's grid, so they agree with exactextract's own ``frac`` of a class raster. The raster is processed in
  strips of at most ``max_cells`` cells (sums add up across strips), which bounds memory and gives progress and
  cancellation. A big strip is shared out in runs of features between this process and spawned worker processes
  (:func:`_strip_in_runs`; exactextract holds the GIL, so threads would not help); boundaries are reprojected with
  PROJ in threads (:func:`_to_crs`, PROJ releases the GIL). Both give the same numbers as one process.
* Areas in km² are measured in the UTM zone of the data (:func:`areaplan.locate.spatial.metric_crs`): class area =
  share × polygon area in UTM. Polygons are reprojected to the raster's CRS for the coverage (a warning says so
  when that CRS is not the metric one); the raster itself is never resampled.
* Vector zones: classes are made exclusive (a place in two zones takes the higher class), then intersected with
  the areas (shapely 2, STRtree pairs) in the metric CRS.
"""

from __future__ import annotations

import functools

import math
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS

from areaplan.analyses.base import AnalysisResult, Provenance
from areaplan.analyses.title_kinds import ATTACHED as KIND_COLUMNS
from areaplan.analyses.title_kinds import attach as attach_kinds
from areaplan.analyses.hazard_classes import (
    HIGH_CLASSES,
    ClassScheme,
    check_scheme,
    kind_of,
    load_scheme,
    validate_scheme,
)
from areaplan.errors import AreaPlanError, Problem
from areaplan.locate.spatial import metric_crs
from areaplan.progress import CancelCheck, ProgressCallback, Reporter

ANALYSIS = "flood_exposure"
LEVELS: tuple[str, ...] = ("changwat", "amphoe", "tambon", "muban")
LEVEL_LABELS: dict[str, tuple[str, str]] = {
    "changwat": ("จังหวัด", "province"), "amphoe": ("อำเภอ", "district"),
    "tambon": ("ตำบล", "subdistrict"), "muban": ("หมู่บ้าน", "village"),
}
RAI_M2 = 1600.0
CLASS_CODES: tuple[int, ...] = (1, 2, 3, 4)
#: Work types (areaplan.analyses.thai_titles) of flood-mitigation works.
MITIGATION_WORK_TYPES: tuple[str, ...] = ("dredging", "weir", "embankment", "drainage", "water_gate", "pumping")
MITIGATION_AGENDA = "water"
#: Work types of built works that a flood damages (flagged when they sit in high/very-high zones).
CONSTRUCTION_WORK_TYPES: tuple[str, ...] = (
    "road", "bridge", "building", "health", "lighting", "power", "sports", "market", "water_supply", "wastewater",
    "road_safety", "broadcast", "greenhouse",
)
#: Project locations that can be sampled (a village-located project is sampled at the village point).
SAMPLED_PRECISIONS: tuple[str, ...] = ("point", "line", "polygon", "village")
#: Share columns of the per-geometry exposure matrix, in order.
SHARE_COLUMNS: tuple[str, ...] = ("none_share", *(f"c{k}_share" for k in CLASS_CODES), "nodata_share")


class ExposureError(AreaPlanError, ValueError):
    """The exposure cannot be computed from these inputs (no overlap, no class table, no areas…)."""


# ------------------------------------------------------------------------------------------- hazard inputs

@dataclass
class RasterGrid:
    """A hazard raster (or a window of it) in memory: float32 values with NaN for nodata, north-up."""

    data: np.ndarray
    transform: object  # affine.Affine
    crs: CRS | None
    nodata: float | None = None
    path: str = ""
    full_bounds: tuple[float, float, float, float] | None = None  # the whole raster's bounds (its CRS)

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(xmin, ymin, xmax, ymax) of the window in the raster's CRS."""
        t = self.transform
        h, w = self.data.shape
        return (t.c, t.f + t.e * h, t.c + t.a * w, t.f)

    @property
    def res(self) -> tuple[float, float]:
        """Cell size (x, y) in the raster's CRS units."""
        return (abs(self.transform.a), abs(self.transform.e))

    @property
    def cell_area(self) -> float:
        """Area of one cell in the raster's CRS units squared."""
        return self.res[0] * self.res[1]


def read_raster(path: str | Path, *, nodata: float | None = None, bounds: tuple | None = None,
                bounds_crs: str | CRS = "EPSG:4326") -> RasterGrid:
    """Read band 1 of a raster (GeoTIFF or ``GPKG:file:table``), cropped to ``bounds`` (+1 cell), NaN = nodata."""
    import rasterio
    from affine import Affine
    from rasterio.errors import RasterioIOError
    from rasterio.warp import transform_bounds
    from rasterio.windows import Window

    try:
        src = rasterio.open(path)
    except RasterioIOError as exc:
        raise ExposureError("เปิดภาพแรสเตอร์ไม่ได้", f"cannot open the raster ({exc})", path=str(path)) from exc
    with src:
        t = src.transform
        if t.b != 0 or t.d != 0:
            raise ExposureError("ภาพแรสเตอร์ที่หมุนแกนยังไม่รองรับ", "rotated rasters are not supported", path=str(path))
        crs = CRS.from_user_input(src.crs) if src.crs else None
        full = tuple(src.bounds)
        c0, r0, c1, r1 = 0, 0, src.width, src.height
        if bounds is not None and crs is not None:
            x0, y0, x1, y1 = transform_bounds(CRS.from_user_input(bounds_crs), crs, *bounds, densify_pts=21)
            cols = sorted(((x0 - t.c) / t.a, (x1 - t.c) / t.a))
            rows = sorted(((y0 - t.f) / t.e, (y1 - t.f) / t.e))
            # the cells touching the bounds, one more on each side, within the raster
            c0, c1 = max(0, math.floor(cols[0]) - 1), min(src.width, math.ceil(cols[1]) + 1)
            r0, r1 = max(0, math.floor(rows[0]) - 1), min(src.height, math.ceil(rows[1]) + 1)
        if c1 <= c0 or r1 <= r0:
            data = np.zeros((0, 0), dtype="float32")
            wt = t
        else:
            window = Window(c0, r0, c1 - c0, r1 - r0)
            data = src.read(1, window=window, out_dtype="float32")
            flags = src.mask_flag_enums[0] if src.mask_flag_enums else ()
            if any(f.name in ("per_dataset", "alpha") for f in flags):  # an explicit mask band (not nodata)
                data[src.read_masks(1, window=window) == 0] = np.nan
            wt = Affine(t.a, 0.0, t.c + c0 * t.a, 0.0, t.e, t.f + r0 * t.e)
        nd = nodata if nodata is not None and not (isinstance(nodata, float) and math.isnan(nodata)) else src.nodata
    if nd is not None and data.size:
        data[data == np.float32(nd)] = np.nan
    if wt.e > 0:  # south-up: flip to north-up
        data = data[::-1].copy()
        wt = Affine(wt.a, 0, wt.c, 0, -wt.e, wt.f + wt.e * data.shape[0])
    return RasterGrid(data, wt, crs, nd, str(path), full)


@dataclass
class HazardLayer:
    """One hazard as the analysis reads it: a raster in memory or vector zones, with its class table."""

    name: str
    kind: str  # depth | frequency | class
    scheme: ClassScheme
    grid: RasterGrid | None = None
    zones: gpd.GeoDataFrame | None = None  # EPSG:4326 with class, frequency, depth
    source: str = ""
    storage: str = "memory"  # gpkg | file | vector | memory
    unit: str | None = None

    @property
    def is_raster(self) -> bool:
        """True for a raster hazard."""
        return self.grid is not None


def hazard_records(ws) -> list[dict]:
    """The hazards registered in a workspace (rasters and vector zone sets)."""
    return ws.read_table("hazards").to_dict("records")


def choose_hazard(ws, name: str | None = None) -> dict:
    """The hazard record named ``name``; without a name the only hazard, else the only depth raster."""
    recs = hazard_records(ws)
    names = ", ".join(str(r["name"]) for r in recs) or "-"
    if not recs:
        raise ExposureError("ยังไม่มีชั้นข้อมูลภัยในพื้นที่ทำงาน ใช้ areaplan hazard add ก่อน",
                            "the workspace holds no hazard yet; add one with 'areaplan hazard add'")
    if name is not None:
        hit = [r for r in recs if r["name"] == name]
        if not hit:
            raise ExposureError(f"ไม่พบชั้นข้อมูลภัย {name!r} (มี: {names})",
                                f"no hazard named {name!r} (present: {names})")
        return hit[0]
    if len(recs) == 1:
        return recs[0]
    depth = [r for r in recs if r["kind"] == "depth" and r["storage"] in ("gpkg", "file")]
    if len(depth) == 1:
        return depth[0]
    raise ExposureError(f"มีชั้นข้อมูลภัยหลายชั้น ระบุด้วย --hazard (มี: {names})",
                        f"several hazards; choose one with --hazard (present: {names})")


def hazard_from_workspace(ws, name: str | None = None, *, bounds: tuple | None = None,
                          scheme: ClassScheme | None = None) -> HazardLayer:
    """Load a hazard of the workspace (raster window covering ``bounds`` in lon/lat, or its zones) with its classes."""
    rec = choose_hazard(ws, name)
    if rec["storage"] == "vector":
        zones = ws.read_layer("hazard_zones", where="hazard = ?", params=(rec["name"],))
        kind = "frequency" if len(zones) and zones["frequency"].notna().any() else kind_of(rec)
        sch = scheme or load_scheme(ws, rec["name"], kind=kind)
        return HazardLayer(rec["name"], sch.kind, sch, zones=zones, source=str(rec.get("source") or ""),
                           storage="vector", unit=rec.get("unit"))
    path = f"GPKG:{ws.path}:{rec['table_name']}" if rec["storage"] == "gpkg" else rec["path"]
    if rec["storage"] == "file" and not Path(str(path)).is_file():
        raise ExposureError("ไม่พบไฟล์ภาพแรสเตอร์ที่อ้างถึง", "the referenced raster file is missing", path=str(path))
    nodata = rec.get("nodata")
    nodata = None if nodata is None or (isinstance(nodata, float) and math.isnan(nodata)) else float(nodata)
    grid = read_raster(path, nodata=nodata, bounds=bounds)
    sch = scheme or load_scheme(ws, rec["name"])
    return HazardLayer(rec["name"], kind_of(rec), sch, grid=grid, source=str(rec.get("source") or ""),
                       storage=rec["storage"], unit=rec.get("unit"))


# ------------------------------------------------------------------------------------------- inputs

@dataclass
class ExposureParams:
    """Parameters of the analysis (stored in the provenance)."""

    level: str = "tambon"
    nodata_as_dry: bool = True  # many depth rasters leave dry land as nodata
    flag_min_share: float = 0.1  # share of a line/polygon in high classes that flags it (a point: any)
    max_cells: int = 25_000_000  # raster cells processed at once (1 byte per cell for the flooded mask)


@dataclass
class ExposureInputs:
    """Areas of one level (EPSG:4326), the hazard, and optionally the projects."""

    areas: gpd.GeoDataFrame
    hazard: HazardLayer
    projects: gpd.GeoDataFrame | None = None
    params: ExposureParams = field(default_factory=ExposureParams)
    source: str = ""

    @classmethod
    def from_workspace(cls, ws, hazard: str | None = None, *, level: str = "tambon", projects: bool = True,
                       scheme: ClassScheme | None = None, progress: Reporter | None = None,
                       **params) -> ExposureInputs:
        """Areas of ``level``, the hazard (window around them) and the projects of a workspace.

        ``progress`` reports (and can cancel) reading the work types of titles not stored yet (title_kinds).
        """
        if level not in LEVELS:
            raise ExposureError(f"ไม่รู้จักระดับพื้นที่ {level!r} (ใช้ได้: {', '.join(LEVELS)})",
                                f"unknown level {level!r}; use one of {', '.join(LEVELS)}")
        areas = read_areas(ws, level)
        proj = ws.read_layer("projects") if projects and ws.count("projects") else None
        proj = attach_kinds(ws, proj, progress=progress) if proj is not None else None  # stored work types
        frames = [g for g in (areas, proj) if g is not None and len(g)]
        bounds = _bounds(frames)
        haz = hazard_from_workspace(ws, hazard, bounds=bounds, scheme=scheme)
        return cls(areas, haz, proj, ExposureParams(level=level, **params), source=str(ws.path))


def read_areas(ws, level: str) -> gpd.GeoDataFrame:
    """The boundaries of one level: code, name_th, name_en, parent_code (+ village_no for muban), geometry."""
    cols = ["code", "name_th", "name_en", "parent_code"] + (["village_no"] if level == "muban" else [])
    return ws.read_layer(level, columns=cols)


def _bounds(frames: list[gpd.GeoDataFrame]) -> tuple | None:
    boxes = [f.geometry[~(f.geometry.isna() | f.geometry.is_empty)].total_bounds for f in frames]
    boxes = [b for b in boxes if np.isfinite(b).all()]
    if not boxes:
        return None
    b = np.array(boxes)
    return (b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max())


# ------------------------------------------------------------------------------------------- validate

def _present(geoms: gpd.GeoSeries) -> np.ndarray:
    return ~(geoms.isna() | geoms.is_empty).to_numpy()


def validate(inputs: ExposureInputs) -> list[Problem]:
    """What the user can fix before the analysis runs (errors stop it; warnings are kept in the result)."""
    problems: list[Problem] = list(validate_scheme(inputs.hazard.scheme))
    p = inputs.params
    if p.level not in LEVELS:
        problems.append(Problem(f"ไม่รู้จักระดับพื้นที่ {p.level!r}", f"unknown level {p.level!r}"))
    if not 0.0 <= p.flag_min_share <= 1.0:
        problems.append(Problem(f"สัดส่วนสำหรับแจ้งเตือนต้องอยู่ระหว่าง 0 ถึง 1 ได้ {p.flag_min_share}",
                                f"flag_min_share must be in [0, 1], got {p.flag_min_share}", field="flag_min_share"))
    areas = inputs.areas
    label_th, label_en = LEVEL_LABELS.get(p.level, (p.level, p.level))
    if areas is None or len(areas) == 0 or not _present(areas.geometry).any():
        problems.append(Problem(f"ไม่มีขอบเขต{label_th}ในพื้นที่ทำงาน นำเข้าเขตการปกครองก่อน",
                                f"no {label_en} boundaries in the workspace; import boundaries first"))
        return problems
    hz = inputs.hazard
    abox = shapely.box(*areas.geometry[_present(areas.geometry)].total_bounds)
    if hz.is_raster:
        g = hz.grid
        if g.crs is None:
            problems.append(Problem("ภาพแรสเตอร์ไม่มีระบบพิกัด (CRS) กำหนดระบบพิกัดในไฟล์ก่อน",
                                    "the raster has no CRS; set one in the file first"))
            return problems
        ext = _extent_lonlat(g) if g.data.size else None
        if ext is None or not ext.intersects(abox):
            full = _fmt_box(_box_lonlat(g.full_bounds or g.bounds, g.crs))
            problems.append(Problem(
                f"ภาพแรสเตอร์ {hz.name} ไม่ซ้อนทับกับพื้นที่ (ภาพอยู่ที่ {full} พื้นที่อยู่ที่ {_fmt_box(abox.bounds)}) "
                "ตรวจสอบระบบพิกัดของภาพหรือเลือกภาพของจังหวัดนี้",
                f"the raster {hz.name} does not overlap the areas (raster at {full}, areas at {_fmt_box(abox.bounds)}); "
                "check the raster's CRS or choose a raster of this province"))
            return problems
        metric = CRS.from_user_input(metric_crs(areas.geometry))
        if not g.crs.equals(metric):
            problems.append(Problem(
                f"ภาพแรสเตอร์อยู่ในระบบพิกัด {_crs_name(g.crs)} ต่างจากระบบพิกัดที่ใช้วัดพื้นที่ {_crs_name(metric)}: "
                "แปลงขอบเขตไปยังระบบพิกัดของภาพเพื่อคำนวณสัดส่วน และวัดพื้นที่ใน " + _crs_name(metric),
                f"the raster is in {_crs_name(g.crs)}, not the metric CRS {_crs_name(metric)}: the boundaries are "
                f"reprojected to the raster's CRS for the shares; areas are measured in {_crs_name(metric)}",
                severity="warning"))
        outside = 0 if ext.contains(abox) else int((~areas.geometry[_present(areas.geometry)].within(ext)).sum())
        if outside:
            problems.append(Problem(
                f"ภาพแรสเตอร์ครอบคลุมไม่ครบ: {outside:,} {label_th}อยู่นอกภาพบางส่วน (นับเป็น 'ไม่มีข้อมูล')",
                f"the raster does not cover everything: {outside:,} {label_en} areas are partly outside it "
                "(counted as 'no data')", severity="warning"))
    else:
        zones = hz.zones
        if zones is None or len(zones) == 0:
            problems.append(Problem(f"ชั้นข้อมูลภัย {hz.name} ไม่มีรูปแปลงพื้นที่เสี่ยง",
                                    f"the hazard {hz.name} has no zones"))
            return problems
        zbox = shapely.box(*zones.geometry.total_bounds)
        if not zbox.intersects(abox) or not zones.geometry.intersects(abox).any():
            problems.append(Problem(
                f"พื้นที่เสี่ยง {hz.name} ไม่ซ้อนทับกับพื้นที่ (พื้นที่เสี่ยงอยู่ที่ {_fmt_box(zbox.bounds)} "
                f"พื้นที่อยู่ที่ {_fmt_box(abox.bounds)})",
                f"the zones of {hz.name} do not overlap the areas (zones at {_fmt_box(zbox.bounds)}, "
                f"areas at {_fmt_box(abox.bounds)})"))
    if inputs.projects is not None and len(inputs.projects):
        prec = inputs.projects.get("location_precision", pd.Series("point", index=inputs.projects.index))
        n = int((~prec.isin(SAMPLED_PRECISIONS) | ~_present(inputs.projects.geometry)).sum())
        if n:
            problems.append(Problem(
                f"{n:,} โครงการไม่มีพิกัดหรือระบุที่ตั้งได้เพียงระดับตำบล/อำเภอ จึงไม่ได้ตรวจความเสี่ยงรายโครงการ "
                "(ยังนับงบประมาณเข้าพื้นที่ของโครงการ)",
                f"{n:,} projects have no coordinates or only a tambon/amphoe location: their own exposure is not "
                "computed (their budgets still count towards their areas)",
                severity="warning"))
    return problems


def _crs_name(crs: CRS) -> str:
    epsg = crs.to_epsg()
    return f"EPSG:{epsg}" if epsg else crs.name


def _fmt_box(b) -> str:
    return f"{b[0]:.2f},{b[1]:.2f} – {b[2]:.2f},{b[3]:.2f}"


def _box_lonlat(bounds, crs: CRS) -> tuple:
    from rasterio.warp import transform_bounds

    return transform_bounds(crs, CRS.from_epsg(4326), *bounds, densify_pts=21)


def _extent_lonlat(grid: RasterGrid) -> shapely.Geometry:
    """The raster window's outline in lon/lat (densified, so a UTM rectangle keeps its shape)."""
    box = shapely.segmentize(shapely.box(*grid.bounds), max(grid.res) * max(grid.data.shape + (1,)) / 50)
    return gpd.GeoSeries([box], crs=grid.crs).to_crs("EPSG:4326").iloc[0]


# ------------------------------------------------------------------------------------------- exactextract engine

def _feature_source(geoms: np.ndarray, wkt: str):
    """An exactextract FeatureSource handing over WKB (GeoPandas' source goes through GeoJSON text: 7× slower).

    ``geoms`` are shapely geometries or their WKB (bytes).
    """
    from exactextract.feature import Feature, FeatureSource

    class _WKBFeature(Feature):
        def __init__(self, wkb: bytes) -> None:
            Feature.__init__(self)
            self._wkb = wkb

        def geometry(self) -> bytes:
            return self._wkb

        def set_geometry_format(self) -> str:
            return "wkb"

        def fields(self) -> list:
            return []

    class _WKBSource(FeatureSource):
        def __init__(self) -> None:
            super().__init__()
            self._wkb = geoms if len(geoms) and isinstance(geoms[0], bytes) else shapely.to_wkb(geoms)

        def count(self) -> int:
            return len(self._wkb)

        def __iter__(self):
            for b in self._wkb:
                yield _WKBFeature(b)

        def srs_wkt(self) -> str:
            return wkt

    return _WKBSource()


@functools.cache
def _row_feature_class() -> type:
    """An exactextract Feature that only keeps its named values (made once; exactextract is imported lazily)."""
    from exactextract.feature import Feature

    class _Row(Feature):
        def __init__(self) -> None:
            Feature.__init__(self)
            self.values: dict = {}

        def set(self, name, value) -> None:
            self.values[name] = value

        def set_geometry(self, _geom) -> None:
            pass

        def set_geometry_format(self) -> str:
            return "wkb"

        def fields(self) -> list:
            return list(self.values)

    return _Row


def _row_writer():
    """An exactextract Writer collecting each feature's results as one row (in input order)."""
    from exactextract.writer import Writer

    _Row = _row_feature_class()

    class _RowWriter(Writer):
        def __init__(self) -> None:
            super().__init__()
            self.names: list[str] = []
            self.rows: list[list] = []

        def add_operation(self, op) -> None:
            self.names.append(op.name)

        def write(self, feature) -> None:
            row = _Row()
            feature.copy_to(row)
            self.rows.append([row.values.get(n) for n in self.names])

        def features(self) -> pd.DataFrame:
            return pd.DataFrame(self.rows, columns=self.names, dtype="float64")

    return _RowWriter()


def _class_thresholds(dtype: np.dtype, scheme: ClassScheme) -> np.ndarray:
    """Lower bounds as ``data >= bound`` compares them for data of ``dtype`` (NEP 50: float32 data, float32 bound)."""
    bounds = np.asarray([lower for _, lower in scheme.breaks], dtype="float64")
    return bounds.astype(np.result_type(dtype, 1.0)).astype("float64")


_EMPTY = np.zeros(0)


def _class_writer(thresholds: np.ndarray):
    """An exactextract Writer keeping each feature's scalar results and its covered cells per class, in input order.

    The ``values`` and ``coverage`` of the features (their cells with data) are reduced to the coverage per class
    index (0 = below the first bound) with numpy, a batch of about a million cells at a time.
    """
    from exactextract.writer import Writer

    n_idx = len(thresholds) + 1

    _Row = _row_feature_class()

    class _ClassWriter(Writer):
        def __init__(self) -> None:
            super().__init__()
            self.names: list[str] = []
            self.rows: list[list] = []
            self.counts: list[np.ndarray] = []
            self.cells: list = []  # (values, coverage) of the features written since the last flush
            self.pending = 0

        def add_operation(self, op) -> None:
            if op.name not in ("values", "coverage"):
                self.names.append(op.name)

        def write(self, feature) -> None:
            row = _Row()
            feature.copy_to(row)
            v = row.values
            self.rows.append([v.get(n) for n in self.names])
            vals, cov = v.get("values"), v.get("coverage")
            self.cells.append((vals, cov) if vals is not None and len(vals) else (_EMPTY, _EMPTY))
            self.pending += len(self.cells[-1][0])
            if self.pending >= 1 << 20:  # bounded memory: about a million cells at a time
                self.flush()

        def flush(self) -> None:
            """Covered cells per class index of the features held, all at once (numpy sums them in cell order)."""
            k = len(self.cells)
            if not k:
                return
            lens = np.fromiter((len(c[0]) for c in self.cells), dtype=np.int64, count=k)
            vals = np.concatenate([c[0] for c in self.cells])
            cov = np.concatenate([c[1] for c in self.cells])
            # class index = number of bounds ≤ value (bounds increase; values with data only, no NaN)
            key = np.repeat(np.arange(k) * n_idx, lens) + np.searchsorted(thresholds, vals, side="right")
            self.counts.append(np.bincount(key, weights=cov, minlength=k * n_idx).reshape(k, n_idx))
            self.cells, self.pending = [], 0

        def features(self) -> pd.DataFrame:
            self.flush()
            out = pd.DataFrame(self.rows, columns=self.names, dtype="float64")
            counts = np.concatenate(self.counts) if self.counts else np.zeros((0, n_idx))
            for i in range(1, n_idx):
                out[f"idx{i}"] = counts[:, i]
            return out

    return _ClassWriter()


def _wet_mask(data: np.ndarray, scheme: ClassScheme) -> np.ndarray:
    """The flooded mask (value ≥ the first class bound) as uint8 cells, 1 byte per cell."""
    if not len(scheme.breaks):
        return np.zeros(data.shape, dtype=np.uint8)
    return np.greater_equal(data, scheme.breaks[0][1]).view(np.uint8)


def _strip_stats(data: np.ndarray, ext: tuple, wkt: str, geoms: np.ndarray, scheme: ClassScheme,
                 nodata_as_dry: bool, progress=None, wet: np.ndarray | None = None) -> pd.DataFrame:
    """exactextract sums for one strip: T_in, n_valid, value sum/max over the flooded part, covered cells per class.

    Built-in operations only, two passes over the cells, one coverage computation per feature: the values with the
    flooded mask as weights (``count`` = cells with data, ``weighted_sum`` = Σ value over the flooded part, ``max``,
    and the ``values`` and ``coverage`` of the cells with data, which numpy turns into the covered cells of each
    class: :func:`_class_writer`), and the flooded mask alone (``count`` = all covered cells: the mask has no
    nodata). The mask is the only array made from the raster (1 byte per cell): no copies of the values.
    """
    from exactextract import Operation, exact_extract
    from exactextract.raster import NumPyRasterSource

    def source(arr, name):
        return NumPyRasterSource(arr, *ext, nodata=None, srs_wkt=wkt, name=name)

    thresholds = _class_thresholds(data.dtype, scheme)
    if wet is None:  # (made once per strip by the caller when the strip is shared out in runs)
        wet = _wet_mask(data, scheme)
    vsrc, wsrc = source(data, "v"), source(wet, "wet")
    # one pass (same values and weights raster) for these five
    ops = [Operation("count", "n_valid", vsrc, wsrc), Operation("weighted_sum", "value_sum", vsrc, wsrc),
           Operation("max", "value_max", vsrc, wsrc), Operation("values", "values", vsrc, wsrc),
           Operation("coverage", "coverage", vsrc, wsrc), Operation("count", "t_in", wsrc)]
    rasters = [vsrc, wsrc]  # every source stays referenced here: exactextract's operations do not keep them alive
    out = exact_extract(rasters, _feature_source(geoms, wkt), ops, output=_class_writer(thresholds),
                        progress=progress or False)  # an exception raised by progress (Cancelled) stops it
    for i, (code, _) in enumerate(scheme.breaks, start=1):
        out[f"n{code}"] = out.pop(f"idx{i}")
    for code in scheme.codes:
        if f"n{code}" not in out:
            out[f"n{code}"] = 0.0
    if nodata_as_dry:
        out["n_valid"] = out["t_in"]
    return out


#: Estimated work of a strip (cells in the features' boxes + VERTEX_WORK × vertices) from which it is shared out
#: between this process and the worker processes; below it one process is faster than feeding workers.
PARALLEL_MIN_WORK = 4_000_000
#: Cost of one polygon vertex counted in raster cells (exactextract's coverage pass, measured at 250 m and 30 m).
VERTEX_WORK = 4.6
#: The smallest run of features handed out is a quarter of 1/PARALLEL_RUNS of a shared strip's work.
PARALLEL_RUNS = 32
#: Worker processes at most (this process works too); 0 keeps all the work in this process.
MAX_WORKERS = 3
#: How long this process waits for a worker's last run, in times what it would take itself to do it (then it does).
WORKER_PATIENCE = 1.0
#: "pool": the ProcessPoolExecutor (None: processes cannot be started here), "warm": started, "shm": the shared
#: block kept for the next run (at most one strip: ``max_cells`` × 5 bytes), "lock"
_POOL: dict = {}


def _cpu_count() -> int:
    """Cores this process may use."""
    import os

    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # Windows, macOS
        return os.cpu_count() or 1


def _zonal_pool():
    """The spawned worker processes for exactextract (started on first use, kept for the session), or None."""
    import threading

    n = min(_cpu_count() - 1, MAX_WORKERS)
    if n < 1:
        return None
    with _POOL.setdefault("lock", threading.Lock()):
        if "pool" not in _POOL:
            try:
                import multiprocessing
                import os
                from concurrent.futures import ProcessPoolExecutor

                _POOL["pool"] = ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("spawn"),
                                                    initializer=_worker_start, initargs=(os.getpid(),))
            except Exception:  # noqa: BLE001 - no processes here (sandbox…): everything runs in this process
                _POOL["pool"] = None
            else:
                import atexit

                atexit.register(_close_pool)
        return _POOL["pool"]


def _close_pool() -> None:
    """Stop the worker processes and free the shared block at exit (while the interpreter is whole)."""
    pool = _POOL.pop("pool", None)
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)
    shm = _POOL.pop("shm", None)
    if shm is not None:
        _free_block(shm)


def _drop_pool() -> None:
    """Give up on the worker processes for this session (one died or could not start): work in this process."""
    pool = _POOL.get("pool")
    _POOL["pool"] = None
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


def _worker_start(parent: int) -> None:
    """In a new worker process: leave when the parent is gone (killed or crashed, it could not stop its workers)."""
    import os
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _worker_ready() -> int:
    """Nothing: a first task that makes the pool spawn its processes (they import this module meanwhile)."""
    import os

    return os.getpid()


def warm_workers() -> None:
    """Start the worker processes now, in the background (they need about a second to import exactextract)."""
    pool = _zonal_pool()
    if pool is not None and not _POOL.get("warm"):
        _POOL["warm"] = True
        try:
            for _ in range(pool._max_workers):
                pool.submit(_worker_ready)
        except Exception:  # noqa: BLE001 - broken or shut down: the analysis runs in this process
            _drop_pool()


_ATTACHED: dict = {}  # in a worker process: the shared block it has mapped ("name", "shm")


def _attached(name: str):
    """The parent's shared block ``name``, mapped once per worker and kept while the parent reuses it."""
    from multiprocessing import resource_tracker, shared_memory

    if _ATTACHED.get("name") != name:
        old = _ATTACHED.pop("shm", None)
        if old is not None:
            try:
                old.close()
            except BufferError:  # a view still alive somewhere: the mapping goes with the process
                pass
        register = resource_tracker.register
        resource_tracker.register = lambda *a, **k: None  # the parent owns the block and unlinks it (Python < 3.13)
        try:
            _ATTACHED["shm"] = shared_memory.SharedMemory(name=name)
        finally:
            resource_tracker.register = register
        _ATTACHED["name"] = name
    return _ATTACHED["shm"]


def _zonal_run_worker(shm_name: str, shape: tuple, dtype: str, ext: tuple, wkt: str, wkb: list,
                      scheme: ClassScheme, nodata_as_dry: bool) -> pd.DataFrame:
    """:func:`_strip_stats` in a worker process, on the strip (values, then the flooded mask) in shared memory."""
    shm = _attached(shm_name)
    data = np.ndarray(shape, np.dtype(dtype), buffer=shm.buf)
    wet = np.ndarray(shape, np.uint8, buffer=shm.buf, offset=data.nbytes)
    return _strip_stats(data, ext, wkt, np.asarray(wkb, dtype=object), scheme, nodata_as_dry, wet=wet)


def _shared_block(size: int):
    """A shared memory block of at least ``size`` bytes: the one kept from the last run when it is big enough."""
    import threading
    from multiprocessing import shared_memory

    with _POOL.setdefault("lock", threading.Lock()):
        shm = _POOL.pop("shm", None)  # taken out while in use (two runs at once get two blocks)
    if shm is not None and shm.size >= size:
        return shm
    if shm is not None:
        _free_block(shm)
    return shared_memory.SharedMemory(create=True, size=size)


def _keep_block(shm) -> None:
    """Keep the block for the next run (its pages are mapped already: copying into it is faster), or free it."""
    with _POOL["lock"]:
        if _POOL.get("shm") is None:
            _POOL["shm"] = shm
            return
    _free_block(shm)


def _free_block(shm) -> None:
    """Unmap and remove a shared block."""
    try:
        shm.close()
    except BufferError:  # a view still held (by an exception's traceback): unmapped when collected
        pass
    try:
        shm.unlink()
    except FileNotFoundError:
        pass


def _strip_in_runs(data: np.ndarray, ext: tuple, wkt: str, polys: np.ndarray, cost: np.ndarray,
                   scheme: ClassScheme, nodata_as_dry: bool, sub: Reporter) -> pd.DataFrame:
    """:func:`_strip_stats` of valid polygons (rows in their order), shared with the worker processes when big.

    Workers take runs of consecutive polygons from the front, this process from the back, until they meet; each
    run is a share of the work left (guided: big runs first, small ones near the end, so nobody waits long for the
    last one), and each worker has its next run queued while it works on one. The split adapts to a late start or
    a busy core. A worker's last runs are waited for about as long as this process would take to do them, then
    done here too (the first result counts). The strip is copied once into shared memory for the workers. Without
    workers (or when one fails) this process does the runs: the results are the same, feature by feature.
    """
    total = float(cost.sum())
    pool = _zonal_pool() if len(polys) > 1 and total >= PARALLEL_MIN_WORK else None
    if pool is None:
        step = max(1, len(polys) // 50)
        done = [0]

        def tick(frac, _msg):
            done[0] += 1
            if done[0] % step == 0:
                sub(frac, f"คำนวณพื้นที่เสี่ยง {done[0]:,}/{len(polys):,}")

        return _strip_stats(data, ext, wkt, shapely.to_wkb(polys), scheme, nodata_as_dry, tick)
    import threading
    import time
    from concurrent.futures import wait
    from concurrent.futures.process import BrokenProcessPool

    workers = pool._max_workers
    cum = np.concatenate([[0.0], np.cumsum(cost)])
    share, least = 1.0 / (4 * (workers + 1)), total / PARALLEL_RUNS / 4
    out: dict = {}  # first polygon of a run -> its rows
    lock = threading.RLock()  # guards state and futures (feed also runs in the pool's thread, on a run handed back)
    state = {"lo": 0, "hi": len(polys), "stop": False, "finished": 0.0, "secs": 0.0, "cost": 0.0}
    futures: list = []
    shm = _shared_block(data.nbytes + data.size)
    np.ndarray(data.shape, data.dtype, buffer=shm.buf)[...] = data
    wet = [np.ndarray(data.shape, np.uint8, buffer=shm.buf, offset=data.nbytes)]  # the flooded mask, shared too
    if len(scheme.breaks):
        np.greater_equal(data, scheme.breaks[0][1], out=wet[0].view(bool))
    else:
        wet[0][...] = 0

    def take(front: bool) -> tuple[int, int] | None:
        """The next run (first, end) from the front or the back: a share of the work left (call with the lock)."""
        lo, hi = state["lo"], state["hi"]
        if lo >= hi:
            return None
        want = max((cum[hi] - cum[lo]) * share, least)
        if front:
            j = min(max(int(np.searchsorted(cum, cum[lo] + want)), lo + 1), hi)
            state["lo"] = j
            return lo, j
        i = max(min(int(np.searchsorted(cum, cum[hi] - want)), hi - 1), lo)
        state["hi"] = i
        return i, hi

    def run_cost(run: tuple[int, int]) -> float:
        return float(cum[run[1]] - cum[run[0]])

    def feed(done=None) -> None:
        """Hand a worker the next run from the front (again each time it hands one back)."""
        with lock:
            if done is not None and not done.cancelled() and done.exception() is None:
                state["finished"] += run_cost(done.run)
            if state["stop"] or state["lo"] >= state["hi"]:
                return
            keep = state["lo"]
            run = take(front=True)
            try:
                fut = pool.submit(_zonal_run_worker, shm.name, data.shape, data.dtype.str, ext, wkt,
                                  list(shapely.to_wkb(polys[run[0]:run[1]])), scheme, nodata_as_dry)
            except Exception:  # noqa: BLE001 - the pool is broken or shut down: this process does the rest
                state["lo"] = keep
                state["stop"] = True
                _drop_pool()
                return
            fut.run = run
            futures.append(fut)
        fut.add_done_callback(feed)

    def here(run: tuple[int, int]) -> pd.DataFrame:
        c = run_cost(run)

        def tick(frac, _msg):
            sub((state["finished"] + frac * c) / total, "คำนวณพื้นที่เสี่ยง")

        t0 = time.perf_counter()
        res = _strip_stats(data, ext, wkt, shapely.to_wkb(polys[run[0]:run[1]]), scheme, nodata_as_dry, tick, wet[0])
        with lock:
            state["finished"] += c
            state["secs"] += time.perf_counter() - t0
            state["cost"] += c
        return res

    try:
        for _ in range(2 * workers):  # each worker: one run to work on, one queued
            feed()
        while True:
            with lock:
                run = take(front=False)
            if run is None:
                break
            out[run[0]] = here(run)
        # the workers' last runs (no run is handed out any more): wait for each about as long as this process
        # would take to do it; a worker still busy then (its core taken by another program) is not waited for
        rate = state["secs"] / state["cost"] if state["cost"] else math.inf
        for fut in futures:
            patience = WORKER_PATIENCE * rate * run_cost(fut.run)
            deadline = time.perf_counter() + (math.inf if math.isnan(patience) else patience)
            while not fut.done() and time.perf_counter() < deadline:
                wait([fut], timeout=min(0.2, max(0.0, deadline - time.perf_counter())))
                sub(state["finished"] / total, "คำนวณพื้นที่เสี่ยง")  # (checks for cancellation)
            try:
                if not fut.done():
                    raise TimeoutError
                out[fut.run[0]] = fut.result()
            except Exception as exc:  # noqa: BLE001 - a worker that died, failed or is too slow: the run here
                if isinstance(exc, BrokenProcessPool):
                    _drop_pool()
                out[fut.run[0]] = here(fut.run)
    finally:
        with lock:  # cancelled (or an error): no more runs are handed out; queued ones are dropped
            state["stop"] = True
            for fut in futures:
                fut.cancel()
        wet.clear()  # the last view of the block
        if state["lo"] < state["hi"] or any(not f.done() for f in futures):
            _free_block(shm)  # stopped early: a worker may still read it, the next run gets a new block
        else:
            _keep_block(shm)
    return pd.concat([out[k] for k in sorted(out)], ignore_index=True)


def zonal_class_shares(grid: RasterGrid, polygons: np.ndarray, scheme: ClassScheme, *, nodata_as_dry: bool = True,
                       max_cells: int = 25_000_000, progress: Reporter | None = None) -> pd.DataFrame:
    """Exact (coverage-weighted) class shares, mean and max of polygons given in the raster's CRS.

    Columns: ``none_share``, ``c1_share`` … ``c4_share``, ``nodata_share`` (sum 1; nodata also covers the part
    outside the raster), ``value_mean`` (over the flooded part), ``value_max``, ``covered_cells``.
    """
    rep = progress or Reporter()
    n = len(polygons)
    polygons = np.asarray(polygons, dtype=object)
    t_in = np.zeros(n)
    n_valid = np.zeros(n)
    vsum = np.zeros(n)
    vmax = np.full(n, -np.inf)
    counts = {k: np.zeros(n) for k in CLASS_CODES}
    data = grid.data
    ok = ~(shapely.is_missing(polygons) | shapely.is_empty(polygons))
    wkt = grid.crs.to_wkt() if grid.crs is not None else ""
    pb = shapely.bounds(polygons)  # NaN for missing geometries (not ok)
    if data.size and ok.any():
        bad = ok & ~shapely.is_valid(polygons)
        if bad.any():
            polygons = polygons.copy()
            polygons[bad] = shapely.make_valid(polygons[bad])
        nv = shapely.get_num_coordinates(polygons)
        rows_per = max(1, int(max_cells // max(1, data.shape[1])))
        t = grid.transform
        xmin, xmax = t.c, t.c + t.a * data.shape[1]
        strips = list(range(0, data.shape[0], rows_per))
        for s, r0 in enumerate(strips):
            rep.check()
            r1 = min(data.shape[0], r0 + rows_per)
            ymax, ymin = t.f + t.e * r0, t.f + t.e * r1
            sel = np.flatnonzero(ok & (pb[:, 1] < ymax) & (pb[:, 3] > ymin) & (pb[:, 0] < xmax) & (pb[:, 2] > xmin))
            if not len(sel):
                continue
            b = pb[sel]  # work estimate: cells of the feature's box within the strip, and its vertices
            cells = (np.clip(np.minimum(b[:, 2], xmax) - np.maximum(b[:, 0], xmin), 0, None) / abs(t.a)
                     * np.clip(np.minimum(b[:, 3], ymax) - np.maximum(b[:, 1], ymin), 0, None) / abs(t.e))
            res = _strip_in_runs(data[r0:r1], (xmin, ymin, xmax, ymax), wkt, polygons[sel],
                                 cells + VERTEX_WORK * nv[sel], scheme, nodata_as_dry,
                                 rep.sub(s / len(strips), (s + 1) / len(strips)))
            t_in[sel] += res["t_in"].fillna(0).to_numpy()
            n_valid[sel] += res["n_valid"].fillna(0).to_numpy()
            vsum[sel] += res["value_sum"].fillna(0).to_numpy()
            vmax[sel] = np.fmax(vmax[sel], res["value_max"].fillna(-np.inf).to_numpy())
            for k in scheme.codes:
                counts[k][sel] += np.clip(res[f"n{k}"].fillna(0).to_numpy(), 0, None)
    # the whole polygon in cells: exactextract's covered count when it lies inside the raster (so shares equal
    # exactextract's own fractions), else its geometric area (the part outside the raster has no data)
    if data.size:
        bx0, by0, bx1, by1 = grid.bounds  # a polygon lies within the raster rectangle when its bounds do
        inside = ok & (pb[:, 0] >= bx0) & (pb[:, 1] >= by0) & (pb[:, 2] <= bx1) & (pb[:, 3] <= by1)
        total = np.where(inside, t_in, np.where(ok, shapely.area(polygons) / grid.cell_area, 0.0))
        total = np.maximum(total, t_in)
    else:
        total = np.where(ok, 1.0, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        inv = np.where(total > 0, 1.0 / total, np.nan)
        shares = {k: counts[k] * inv for k in CLASS_CODES}
        wet = sum(counts[k] for k in CLASS_CODES)
        nodata_share = np.clip((total - n_valid) * inv, 0.0, 1.0)
        none_share = np.clip(1.0 - nodata_share - sum(shares.values()), 0.0, 1.0)
        mean = np.where(wet > 0, vsum / wet, np.nan)
    out = pd.DataFrame({"none_share": none_share, **{f"c{k}_share": shares[k] for k in CLASS_CODES},
                        "nodata_share": nodata_share, "value_mean": mean,
                        "value_max": np.where((wet > 0) & np.isfinite(vmax), vmax, np.nan), "covered_cells": t_in})
    out.loc[~ok, list(SHARE_COLUMNS)] = np.nan
    return out


def sample_points(grid: RasterGrid, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Raster values at points given in the raster's CRS (NaN outside the raster or on nodata)."""
    data = grid.data
    out = np.full(len(x), np.nan, dtype="float64")
    if not data.size or not len(x):
        return out
    t = grid.transform  # north-up, not rotated (read_raster checks): index arithmetic
    with np.errstate(invalid="ignore"):
        col = np.floor((np.asarray(x, dtype="float64") - t.c) / t.a)
        row = np.floor((np.asarray(y, dtype="float64") - t.f) / t.e)
        inside = (col >= 0) & (row >= 0) & (col < data.shape[1]) & (row < data.shape[0])
    out[inside] = data[row[inside].astype(np.int64), col[inside].astype(np.int64)]
    return out


def _one_hot(classes: np.ndarray, known: np.ndarray) -> np.ndarray:
    """Share matrix (n × 6: none, c1..c4, nodata) of points: 1 in the point's class, or in nodata."""
    m = np.zeros((len(classes), 6))
    idx = np.where(known, classes.astype(np.int64), 5)
    m[np.arange(len(classes)), idx] = 1.0
    return m


def _line_parts(lines: np.ndarray, step: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(line index, midpoint x, midpoint y, length) of the pieces of lines cut every ``step`` units."""
    parts, owner = shapely.get_parts(lines, return_index=True)
    parts = shapely.segmentize(parts, step)
    xy, pidx = shapely.get_coordinates(parts, return_index=True)
    same = pidx[1:] == pidx[:-1]
    a, b = xy[:-1][same], xy[1:][same]
    seg_owner = owner[pidx[:-1][same]]
    mid = (a + b) / 2
    return seg_owner, mid[:, 0], mid[:, 1], np.hypot(*(b - a).T)


# ------------------------------------------------------------------------------------------- geometry dispatch

@dataclass
class _Frame:
    """Geometries of one table in lon/lat, metric and hazard CRS."""

    lonlat: np.ndarray
    metric: np.ndarray
    hazard: np.ndarray


#: Coordinates from which a reprojection is shared out over threads (PROJ releases the GIL).
THREADED_MIN_COORDS = 200_000


def _to_crs(geoms: np.ndarray, src: CRS, dst: CRS) -> np.ndarray:
    """Geometries reprojected exactly as ``GeoSeries.to_crs`` does, the coordinates transformed in threads."""
    from concurrent.futures import ThreadPoolExecutor

    from pyproj import Transformer

    if src.is_exact_same(dst):
        return geoms
    if shapely.has_z(geoms).any():  # 3-D boundaries are rare: GeoPandas keeps the z
        return np.asarray(gpd.GeoSeries(geoms, crs=src).to_crs(dst).values)
    xy = shapely.get_coordinates(geoms).T.copy()  # x then y, each contiguous (PROJ transforms them in place)
    if not xy.shape[1]:
        return geoms.copy()
    x, y = xy[0], xy[1]
    parts = min(_cpu_count(), 4, max(1, len(x) // THREADED_MIN_COORDS))
    cuts = np.linspace(0, len(x), parts + 1).astype(np.int64)

    def part(i: int) -> None:  # one transformer per thread (a Transformer is not shared between threads)
        s = slice(cuts[i], cuts[i + 1])
        Transformer.from_crs(src, dst, always_xy=True).transform(x[s], y[s], inplace=True)

    if parts == 1:
        part(0)
    else:
        with ThreadPoolExecutor(parts) as ex:
            list(ex.map(part, range(parts)))
    return shapely.set_coordinates(geoms.copy(), xy.T)


def _project(geoms: gpd.GeoSeries, metric: str, hazard_crs: CRS | None) -> _Frame:
    """The geometries (lon/lat) in lon/lat, in the metric CRS and in the hazard raster's CRS."""
    g = np.asarray(geoms.values, dtype=object)
    lonlat, mcrs = CRS.from_epsg(4326), CRS.from_user_input(metric)
    m = _to_crs(g, lonlat, mcrs)
    if hazard_crs is None or mcrs.equals(hazard_crs):
        h = m
    else:
        h = _to_crs(g, lonlat, CRS.from_user_input(hazard_crs))
    return _Frame(g, m, h)


def exposure_of(geoms: gpd.GeoSeries, hazard: HazardLayer, *, metric: str | None = None,
                nodata_as_dry: bool = True, max_cells: int = 25_000_000, zones: ZoneIndex | None = None,
                progress: Reporter | None = None) -> pd.DataFrame:
    """Per geometry (lon/lat): class shares (of area, length, or 1 for the point's class), value mean/max, size.

    Columns: ``measure`` (area/length/point/none), ``size`` (m² or m in the metric CRS), the SHARE_COLUMNS,
    ``value_mean``, ``value_max``, ``max_class`` (highest class with a share > 0; -1 when unknown).
    """
    rep = progress or Reporter()
    metric = metric or metric_crs(geoms)
    n = len(geoms)
    present = _present(geoms)
    types = shapely.get_type_id(np.asarray(geoms.values, dtype=object))
    is_poly = present & np.isin(types, (3, 6))
    is_line = present & np.isin(types, (1, 2, 5))
    is_point = present & np.isin(types, (0, 4))
    hcrs = hazard.grid.crs if hazard.is_raster else None
    if hcrs is not None and is_poly.any() and (hazard.grid.data.size + VERTEX_WORK * shapely.get_num_coordinates(
            np.asarray(geoms.values, dtype=object)[is_poly]).sum()) >= PARALLEL_MIN_WORK:
        warm_workers()  # the worker processes start while the boundaries are reprojected
    fr = _project(geoms, metric, hcrs)
    shares = np.full((n, 6), np.nan)
    vmean = np.full(n, np.nan)
    vmax = np.full(n, np.nan)
    size = np.full(n, np.nan)
    size[is_poly] = shapely.area(fr.metric[is_poly])
    size[is_line] = shapely.length(fr.metric[is_line])
    size[is_point] = 0.0
    scheme = hazard.scheme
    if hazard.is_raster:
        grid = hazard.grid
        if is_poly.any():
            z = zonal_class_shares(grid, fr.hazard[is_poly], scheme, nodata_as_dry=nodata_as_dry,
                                   max_cells=max_cells, progress=rep.sub(0.0, 0.9))
            shares[is_poly] = z[list(SHARE_COLUMNS)].to_numpy()
            vmean[is_poly] = z["value_mean"].to_numpy()
            vmax[is_poly] = z["value_max"].to_numpy()
        if is_point.any():
            pts = shapely.point_on_surface(fr.hazard[is_point])  # a multipoint: its first point's surroundings
            v = sample_points(grid, shapely.get_x(pts), shapely.get_y(pts))
            known = _known(grid, shapely.get_x(pts), shapely.get_y(pts), v, nodata_as_dry)
            cls = scheme.classify(v)
            shares[is_point] = _one_hot(cls, known)
            wet = cls > 0
            vmean[is_point] = np.where(wet, v, np.nan)
            vmax[is_point] = vmean[is_point]
        if is_line.any():
            idx = np.flatnonzero(is_line)
            owner, mx, my, seg = _line_parts(fr.hazard[is_line], min(grid.res) / 4)
            v = sample_points(grid, mx, my)
            known = _known(grid, mx, my, v, nodata_as_dry)
            cls = np.where(known, scheme.classify(v), 5).astype(np.int64)
            k = len(idx)
            totals = np.bincount(owner, weights=seg, minlength=k)
            mat = np.bincount(owner * 6 + cls, weights=seg, minlength=k * 6).reshape(k, 6)
            with np.errstate(invalid="ignore", divide="ignore"):
                shares[idx] = mat / totals[:, None]
                wet = (cls > 0) & (cls < 5)
                wsum = np.bincount(owner[wet], weights=(v * seg)[wet], minlength=k)
                wlen = np.bincount(owner[wet], weights=seg[wet], minlength=k)
                vmean[idx] = np.where(wlen > 0, wsum / wlen, np.nan)
            mx_ = pd.Series(np.where(wet, v, -np.inf)).groupby(owner).max().reindex(range(k), fill_value=-np.inf)
            vmax[idx] = np.where(np.isfinite(mx_.to_numpy()), mx_.to_numpy(), np.nan)
    else:
        zi = zones if zones is not None and zones.metric == metric else zone_index(hazard, metric)
        _zone_exposure(zi, fr, is_poly, is_line, is_point, shares, vmean, vmax, rep)
    rep(1.0, "")
    out = pd.DataFrame(shares, columns=list(SHARE_COLUMNS))
    out.insert(0, "size", size)
    out.insert(0, "measure", np.select([is_poly, is_line, is_point], ["area", "length", "point"], "none"))
    out["value_mean"] = vmean
    out["value_max"] = vmax
    cls_sh = out[[f"c{k}_share" for k in CLASS_CODES]].to_numpy()
    has = np.nan_to_num(cls_sh) > 0
    maxc = np.where(has.any(axis=1), np.array(CLASS_CODES)[::-1][np.argmax(has[:, ::-1], axis=1)], 0)
    out["max_class"] = np.where(np.isnan(shares).all(axis=1), -1, maxc).astype(np.int8)
    out.index = geoms.index
    return out


def _known(grid: RasterGrid, x, y, v, nodata_as_dry: bool) -> np.ndarray:
    """Whether a sample has a value: inside the raster and (with nodata as dry) any cell of it, else not NaN."""
    if not nodata_as_dry:
        return ~np.isnan(v)
    xmin, ymin, xmax, ymax = grid.bounds
    return (x >= xmin) & (x < xmax) & (y > ymin) & (y <= ymax) if grid.data.size else np.zeros(len(x), bool)




@dataclass
class ZoneIndex:
    """Vector zones prepared once: exclusive class parts and valued zones in the metric CRS, with STRtrees."""

    metric: str
    parts: np.ndarray
    codes: np.ndarray
    values: np.ndarray  # zones with a value (frequency/depth) in a hazardous class, for mean/max
    value: np.ndarray

    def __post_init__(self) -> None:
        self.tree = shapely.STRtree(self.parts)
        self.value_tree = shapely.STRtree(self.values)


def zone_index(hazard: HazardLayer, metric: str) -> ZoneIndex:
    """Exclusive class polygons of vector zones in the metric CRS (a place in two zones takes the higher class)."""
    zones = hazard.zones
    scheme = hazard.scheme
    cls = zone_classes(zones, scheme)
    geoms = np.asarray(zones.geometry.to_crs(metric).values, dtype=object)
    bad = ~shapely.is_valid(geoms)
    if bad.any():
        geoms[bad] = shapely.make_valid(geoms[bad])
    parts, codes = [np.array([], dtype=object)], [np.array([], dtype=np.int64)]
    higher = None
    for k in sorted({int(c) for c in cls if c > 0}, reverse=True):
        u = shapely.union_all(geoms[cls == k])
        if higher is not None:
            u = shapely.difference(u, higher)
        higher = u if higher is None else shapely.union(higher, u)
        p = shapely.get_parts(u)
        p = p[np.isin(shapely.get_type_id(p), (3, 6))]
        parts.append(p)
        codes.append(np.full(len(p), k, dtype=np.int64))
    col = {"frequency": "frequency", "depth": "depth"}.get(scheme.kind)
    if col and col in zones and zones[col].notna().any():
        zv = zones[col].to_numpy(float)
        keep = ~np.isnan(zv) & (cls > 0)
        values, value = geoms[keep], zv[keep]
    else:
        values, value = np.array([], dtype=object), np.array([], dtype=float)
    return ZoneIndex(metric, np.concatenate(parts), np.concatenate(codes), values, value)


def zone_classes(zones: gpd.GeoDataFrame, scheme: ClassScheme) -> np.ndarray:
    """Class of each zone under a scheme: from its frequency or depth when the scheme is of that kind, else its class."""
    if scheme.kind == "frequency" and "frequency" in zones and zones["frequency"].notna().any():
        fallback = pd.to_numeric(zones["class"], errors="coerce").fillna(0).to_numpy(int)
        return np.where(zones["frequency"].notna(), scheme.classify(zones["frequency"].to_numpy(float)), fallback)
    if scheme.kind == "depth" and "depth" in zones and zones["depth"].notna().any():
        return scheme.classify(zones["depth"].to_numpy(float)).astype(int)
    return scheme.classify(pd.to_numeric(zones["class"], errors="coerce").to_numpy(float)).astype(int)


def _zone_exposure(zi: ZoneIndex, fr: _Frame, is_poly, is_line, is_point, shares, vmean, vmax, rep) -> None:
    """Fill shares/vmean/vmax (in place) from vector zones by overlay in the metric CRS."""
    for mask, measure in ((is_poly, shapely.area), (is_line, shapely.length)):
        if not mask.any():
            continue
        idx = np.flatnonzero(mask)
        geoms = fr.metric[idx]
        k = len(idx)
        left, right = zi.tree.query(geoms, predicate="intersects")
        amount = measure(shapely.intersection(geoms[left], zi.parts[right])) if len(left) else np.zeros(0)
        mat = np.bincount(left * 6 + zi.codes[right], weights=amount, minlength=k * 6).reshape(k, 6)
        total = measure(geoms)
        with np.errstate(invalid="ignore", divide="ignore"):
            frac = mat / total[:, None]
        frac[:, 0] = np.clip(1.0 - frac[:, 1:5].sum(axis=1), 0.0, 1.0)
        frac[:, 5] = 0.0
        shares[idx] = frac
        if len(zi.values):
            left, right = zi.value_tree.query(geoms, predicate="intersects")
            amount = measure(shapely.intersection(geoms[left], zi.values[right])) if len(left) else np.zeros(0)
            pos = amount > 0
            left, right, amount = left[pos], right[pos], amount[pos]
            w = np.bincount(left, weights=amount, minlength=k)
            s = np.bincount(left, weights=amount * zi.value[right], minlength=k)
            with np.errstate(invalid="ignore", divide="ignore"):
                vmean[idx] = np.where(w > 0, s / w, np.nan)
            m = pd.Series(zi.value[right]).groupby(left).max()
            vmax[idx[m.index.to_numpy()]] = m.to_numpy()
        rep.check()
    if is_point.any():
        idx = np.flatnonzero(is_point)
        pts = shapely.point_on_surface(fr.metric[idx])
        left, right = zi.tree.query(pts, predicate="intersects")
        cls = np.zeros(len(idx), dtype=np.int64)
        np.maximum.at(cls, left, zi.codes[right])
        shares[idx] = _one_hot(cls, np.ones(len(idx), bool))
        if len(zi.values):
            left, right = zi.value_tree.query(pts, predicate="intersects")
            m = pd.Series(zi.value[right]).groupby(left).max()
            vmean[idx[m.index.to_numpy()]] = m.to_numpy()
            vmax[idx[m.index.to_numpy()]] = m.to_numpy()


# ------------------------------------------------------------------------------------------- projects

def project_kinds(projects: pd.DataFrame, *, progress: Reporter | None = None,
                  meanwhile=None) -> pd.DataFrame:
    """Work type (from the title), construction and flood-mitigation flags of each project.

    Work types stored in the workspace (:func:`areaplan.analyses.title_kinds.attach` columns, added by
    :meth:`ExposureInputs.from_workspace`) are taken as they are; the other titles are read once per distinct title
    (:func:`areaplan.analyses.thai_titles.feature_columns`, over all cores for many titles). ``meanwhile()``, when
    given, runs here once (while worker processes read titles, if any are read).
    """
    from areaplan.analyses.title_kinds import ATTACHED, read_titles

    rep = progress or Reporter()
    titles = projects["title"].astype(object).where(projects["title"].notna(), "") if "title" in projects \
        else pd.Series([""] * len(projects), index=projects.index, dtype=object)
    n = len(projects)
    work_type = np.full(n, "", dtype=object)
    says = np.zeros(n, dtype=bool)
    known = np.zeros(n, dtype=bool)
    if ATTACHED[0] in projects:  # stored work types ('' none; None not stored)
        known = projects[ATTACHED[0]].notna().to_numpy()
        work_type[known] = projects[ATTACHED[0]].to_numpy(dtype=object)[known]
        says[known] = projects[ATTACHED[1]].to_numpy()[known].astype(bool)
    todo = np.flatnonzero(~known)
    codes, uniq = pd.factorize(titles.to_numpy(dtype=object)[todo])
    uniq = np.asarray(uniq, dtype=object)

    def tick(done: int, total: int) -> None:
        rep(done / max(1, total), f"อ่านประเภทงานจากชื่อโครงการ {done:,}/{total:,}")

    wt, sc = read_titles(list(uniq), tick, meanwhile=meanwhile)  # runs meanwhile() even with no titles to read
    if len(uniq):
        work_type[todo] = wt[codes]
        says[todo] = sc[codes]
    # a title without a work type that says ก่อสร้าง (normalised) is a construction
    wt = pd.Series(work_type, dtype=object)  # pandas isin hashes (numpy's sorts object arrays)
    built = wt.isin(CONSTRUCTION_WORK_TYPES).to_numpy() | ((work_type == "") & says)
    agenda = projects["agenda"].astype(object) if "agenda" in projects else pd.Series(None, index=projects.index)
    mitigation = (agenda == MITIGATION_AGENDA).to_numpy() | wt.isin(MITIGATION_WORK_TYPES).to_numpy()
    construction = built & ~mitigation
    return pd.DataFrame({"work_type": work_type, "is_construction": construction, "is_mitigation": mitigation},
                        index=projects.index)


def project_exposure(projects: gpd.GeoDataFrame, hazard: HazardLayer, *, metric: str | None = None,
                     params: ExposureParams | None = None, zones: ZoneIndex | None = None,
                     progress: Reporter | None = None) -> gpd.GeoDataFrame:
    """Exposure of each project: sampled class/value (points) or class shares (lines, polygons), flags and codes."""
    p = params or ExposureParams()
    rep = progress or Reporter()
    frame = projects.copy()
    geoms = frame.geometry
    prec = frame["location_precision"] if "location_precision" in frame else pd.Series("point", index=frame.index)
    sampled = _present(geoms) & prec.isin(SAMPLED_PRECISIONS).to_numpy()
    metric = metric or metric_crs(geoms)
    ex = pd.DataFrame(np.nan, index=frame.index, columns=["size", *SHARE_COLUMNS, "value_mean", "value_max"])
    ex["measure"] = "none"
    ex["max_class"] = np.int8(-1)

    def sample() -> None:  # runs while worker processes read the titles (or before, for few titles)
        if sampled.any():
            part = exposure_of(geoms[sampled], hazard, metric=metric, nodata_as_dry=p.nodata_as_dry,
                               max_cells=p.max_cells, zones=zones, progress=rep.sub(0.0, 0.3))
            ex.loc[part.index, part.columns] = part

    rep(0.0, "อ่านประเภทงานจากชื่อโครงการ")
    kinds = project_kinds(frame, progress=rep.sub(0.3, 0.95), meanwhile=sample)
    high = ex[[f"c{k}_share" for k in HIGH_CLASSES]].sum(axis=1, min_count=1)
    is_point = (ex["measure"] == "point").to_numpy()
    hit = np.where(is_point, ex["max_class"].to_numpy() >= min(HIGH_CLASSES),
                   (high.fillna(0).to_numpy() > 0) & (high.fillna(0).to_numpy() >= p.flag_min_share))
    flagged = kinds["is_construction"].to_numpy() & hit & sampled
    out = frame.assign(
        sampled=sampled, measure=ex["measure"].to_numpy(), size=ex["size"].to_numpy(),
        **{c: ex[c].to_numpy(dtype=float) for c in SHARE_COLUMNS},
        high_share=high.to_numpy(dtype=float), max_class=ex["max_class"].to_numpy(dtype=np.int8),
        hazard_value=np.where(is_point, ex["value_mean"].to_numpy(dtype=float), np.nan),
        value_mean=ex["value_mean"].to_numpy(dtype=float), value_max=ex["value_max"].to_numpy(dtype=float),
        work_type=kinds["work_type"].to_numpy(), is_construction=kinds["is_construction"].to_numpy(),
        is_mitigation=kinds["is_mitigation"].to_numpy(), flagged=flagged,
    ).drop(columns=[c for c in KIND_COLUMNS if c in frame])
    out["flag_reason"] = np.where(
        flagged,
        np.where(is_point, "งานก่อสร้างตั้งอยู่ในพื้นที่เสี่ยงสูง/สูงมาก (construction in a high/very-high hazard zone)",
                 "งานก่อสร้างผ่านพื้นที่เสี่ยงสูง/สูงมาก " + (out["high_share"] * 100).round(0).astype("Int64").astype(str)
                 + "% (construction crossing high/very-high hazard zones)"),
        "")
    for level in ("tambon", "amphoe", "changwat", "muban"):
        out[f"{level}_key"] = area_keys(out, level).to_numpy()
    rep(1.0, "")
    return out


def _per_distinct(values: pd.Series, fn) -> np.ndarray:
    """``fn`` of each distinct non-null value, spread back over the rows (None where null)."""
    codes, uniq = pd.factorize(values.astype(object))
    return np.array([fn(v) for v in uniq] + [None], dtype=object)[codes]


def area_keys(projects: pd.DataFrame, level: str) -> pd.Series:
    """The code of the area of ``level`` each project is located in (DOPA digits; None when unknown)."""
    n = len(projects)

    def col(name: str, strip: bool = True) -> np.ndarray:  # text of a code column; None when missing or blank
        if name not in projects:
            return np.full(n, None, dtype=object)
        return _per_distinct(projects[name], lambda v: None if str(v).strip() == "" else
                             (str(v).strip() if strip else v))

    tambon = col("tambon_code")
    if level == "tambon":
        return pd.Series(tambon, index=projects.index, dtype=object)
    if level == "muban":
        vno = pd.to_numeric(projects["village_no"], errors="coerce").to_numpy(dtype=float, na_value=np.nan) \
            if "village_no" in projects else np.full(n, np.nan)
        ok = pd.notna(tambon) & ~np.isnan(vno)
        out = np.full(n, None, dtype=object)
        if ok.any():
            two = np.char.zfill(vno[ok].astype(np.int64).astype(str), 2).astype(object)
            out[ok] = tambon[ok] + two
        return pd.Series(out, index=projects.index, dtype=object)
    width = {"amphoe": 4, "changwat": 2}[level]
    own = col(f"{level}_code")
    derived = _per_distinct(pd.Series(tambon), lambda v: v[:width])
    if level == "changwat":
        parent = _per_distinct(pd.Series(col("amphoe_code", strip=False)), lambda v: str(v)[:2])
        derived = np.where(pd.isna(derived), parent, derived)
    return pd.Series(np.where(pd.isna(own), derived, own), index=projects.index, dtype=object)


# ------------------------------------------------------------------------------------------- result

#: Per-area columns of ExposureResult.areas, in order (the class columns are there for every class 1..4).
AREA_COLUMNS: tuple[str, ...] = (
    "code", "name_th", "name_en", "parent_code", "area_km2", "area_rai",
    *(f"c{k}_{m}" for k in CLASS_CODES for m in ("km2", "rai", "share")),
    "none_share", "nodata_share", "flooded_km2", "flooded_rai", "flooded_share", "high_km2", "high_rai",
    "high_share", "max_class", "value_mean", "value_max",
    "projects", "exposed_projects", "flagged_projects", "mitigation_projects", "mitigation_budget",
)


@dataclass
class ExposureResult(AnalysisResult):
    """Area exposure of one level, project exposure, the class table used and the warnings."""

    level: str = "tambon"
    hazard: str = ""
    hazard_kind: str = "depth"
    scheme: ClassScheme | None = None
    areas: gpd.GeoDataFrame = field(default_factory=lambda: gpd.GeoDataFrame(columns=list(AREA_COLUMNS)))
    projects: gpd.GeoDataFrame | None = None
    warnings: list[Problem] = field(default_factory=list)

    @property
    def value_label(self) -> tuple[str, str]:
        """(Thai, English) name of the value summarised by value_mean/value_max."""
        return {"depth": ("ความลึกน้ำ (ม.)", "depth (m)"),
                "frequency": ("ความถี่น้ำท่วม (ครั้งใน 10 ปี)", "flood frequency (times in 10 years)")}.get(
            self.hazard_kind, ("ระดับความเสี่ยง", "class"))

    def ranked(self, by: str = "high_share", ascending: bool = False) -> pd.DataFrame:
        """The area table sorted by a column (default: share of high/very-high area, largest first)."""
        keys = [by] + [k for k in ("flooded_share", "value_max") if k != by]
        return self.areas.sort_values(keys, ascending=ascending, kind="stable", na_position="last")

    def flagged_projects(self) -> pd.DataFrame:
        """Construction projects in high or very-high zones, the most exposed first."""
        if self.projects is None or not len(self.projects):
            return pd.DataFrame()
        f = self.projects[self.projects["flagged"]]
        return f.sort_values(["high_share", "budget"] if "budget" in f else ["high_share"], ascending=False)

    def projects_in(self, code: str) -> pd.DataFrame:
        """The projects located in one area of the result's level (for a click-through)."""
        if self.projects is None:
            return pd.DataFrame()
        return self.projects[self.projects[f"{self.level}_key"] == str(code)]

    def summary(self) -> list[str]:
        """Bilingual summary lines."""
        a = self.areas
        lab_th, lab_en = LEVEL_LABELS.get(self.level, (self.level, self.level))
        hit = int((a["flooded_share"].fillna(0) > 0).sum()) if len(a) else 0
        high = int((a["high_share"].fillna(0) > 0).sum()) if len(a) else 0
        lines = [f"{lab_th} {len(a):,} แห่ง: น้ำท่วมถึง {hit:,} แห่ง มีพื้นที่เสี่ยงสูง/สูงมาก {high:,} แห่ง "
                 f"({len(a):,} {lab_en} areas: {hit:,} flooded, {high:,} with high/very-high hazard)"]
        if len(a) and a["area_km2"].notna().any():
            lines.append(f"พื้นที่น้ำท่วม {a['flooded_km2'].sum():,.2f} ตร.กม. ({a['flooded_rai'].sum():,.0f} ไร่) "
                         f"เสี่ยงสูง/สูงมาก {a['high_km2'].sum():,.2f} ตร.กม. (flooded {a['flooded_km2'].sum():,.2f} km², "
                         f"high/very high {a['high_km2'].sum():,.2f} km²)")
        if self.projects is not None and len(self.projects):
            p = self.projects
            n_flag = int(p["flagged"].sum())
            lines.append(f"โครงการก่อสร้างในพื้นที่เสี่ยงสูง {n_flag:,} โครงการ; โครงการป้องกันน้ำท่วม "
                         f"{int(p['is_mitigation'].sum()):,} โครงการ ({n_flag:,} construction projects in high zones; "
                         f"{int(p['is_mitigation'].sum()):,} flood-mitigation projects)")
        return lines


# ------------------------------------------------------------------------------------------- run

def run(inputs: ExposureInputs, *, progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None) -> ExposureResult:
    """Area and project exposure to one hazard, with provenance; raises ExposureError on unusable inputs."""
    problems = validate(inputs)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ExposureError(errors[0].th, errors[0].en, field=errors[0].field)
    rep = Reporter(progress, cancelled)
    p = inputs.params
    hz = inputs.hazard
    check_scheme(hz.scheme)
    areas = inputs.areas.reset_index(drop=True)
    metric = metric_crs(areas.geometry)
    rep(0.02, "เตรียมข้อมูลภัย")
    zones = zone_index(hz, metric) if not hz.is_raster else None
    has_projects = inputs.projects is not None and len(inputs.projects) > 0
    rep(0.05, "คำนวณความเสี่ยงรายพื้นที่")
    ex = exposure_of(areas.geometry, hz, metric=metric, nodata_as_dry=p.nodata_as_dry, max_cells=p.max_cells,
                     zones=zones, progress=rep.sub(0.05, 0.7 if has_projects else 0.95))
    table = _area_table(areas, ex)
    projects = None
    if has_projects:
        rep(0.7, "คำนวณความเสี่ยงรายโครงการ")
        projects = project_exposure(inputs.projects.reset_index(drop=True), hz, metric=metric, params=p,
                                    zones=zones, progress=rep.sub(0.7, 0.97))
        table = _add_project_counts(table, projects, p.level)
    else:
        for c in ("projects", "exposed_projects", "flagged_projects", "mitigation_projects"):
            table[c] = 0
        table["mitigation_budget"] = 0.0
    areas_out = gpd.GeoDataFrame(table[list(AREA_COLUMNS)], geometry=areas.geometry.values, crs="EPSG:4326")
    prov = provenance_for(inputs, metric)
    rep(1.0, "เสร็จ")
    return ExposureResult(prov, level=p.level, hazard=hz.name, hazard_kind=hz.kind, scheme=hz.scheme,
                          areas=areas_out, projects=projects,
                          warnings=[q for q in problems if q.severity == "warning"])


def _area_table(areas: gpd.GeoDataFrame, ex: pd.DataFrame) -> pd.DataFrame:
    t = pd.DataFrame({c: areas[c].to_numpy() if c in areas else None for c in ("code", "name_th", "name_en",
                                                                               "parent_code")})
    is_area = (ex["measure"] == "area").to_numpy()
    m2 = np.where(is_area, ex["size"].to_numpy(), np.nan)
    t["area_km2"] = m2 / 1e6
    t["area_rai"] = m2 / RAI_M2
    for k in CLASS_CODES:
        share = ex[f"c{k}_share"].to_numpy(dtype=float)
        t[f"c{k}_km2"] = share * m2 / 1e6
        t[f"c{k}_rai"] = share * m2 / RAI_M2
        t[f"c{k}_share"] = share
    t["none_share"] = ex["none_share"].to_numpy()
    t["nodata_share"] = ex["nodata_share"].to_numpy()
    flooded = ex[[f"c{k}_share" for k in CLASS_CODES]].sum(axis=1, min_count=1).to_numpy()
    high = ex[[f"c{k}_share" for k in HIGH_CLASSES]].sum(axis=1, min_count=1).to_numpy()
    t["flooded_km2"] = flooded * m2 / 1e6
    t["flooded_rai"] = flooded * m2 / RAI_M2
    t["flooded_share"] = flooded
    t["high_km2"] = high * m2 / 1e6
    t["high_rai"] = high * m2 / RAI_M2
    t["high_share"] = high
    t["max_class"] = ex["max_class"].to_numpy()
    t["value_mean"] = ex["value_mean"].to_numpy()
    t["value_max"] = ex["value_max"].to_numpy()
    return t


def _add_project_counts(table: pd.DataFrame, projects: pd.DataFrame, level: str) -> pd.DataFrame:
    key = projects[f"{level}_key"]
    budget = pd.to_numeric(projects["budget"], errors="coerce").fillna(0.0) if "budget" in projects else \
        pd.Series(0.0, index=projects.index)
    exposed = projects["sampled"] & (projects["max_class"] >= min(HIGH_CLASSES))
    g = pd.DataFrame({"key": key, "one": 1, "exposed": exposed.astype(int), "flagged": projects["flagged"].astype(int),
                      "mit": projects["is_mitigation"].astype(int),
                      "mit_budget": budget.where(projects["is_mitigation"], 0.0)}).dropna(subset=["key"])
    agg = g.groupby("key").sum()
    codes = table["code"].astype(str)
    table["projects"] = codes.map(agg["one"]).fillna(0).astype(int).to_numpy()
    table["exposed_projects"] = codes.map(agg["exposed"]).fillna(0).astype(int).to_numpy()
    table["flagged_projects"] = codes.map(agg["flagged"]).fillna(0).astype(int).to_numpy()
    table["mitigation_projects"] = codes.map(agg["mit"]).fillna(0).astype(int).to_numpy()
    table["mitigation_budget"] = codes.map(agg["mit_budget"]).fillna(0.0).astype(float).to_numpy()
    return table


def provenance_for(inputs: ExposureInputs, metric: str) -> Provenance:
    """Provenance of an exposure run: hazard source, thresholds, CRSs, parameters (date and version are added)."""
    import exactextract

    hz = inputs.hazard
    p = inputs.params
    info = {"workspace": inputs.source, "hazard": hz.name, "hazard_kind": hz.kind, "hazard_source": hz.source,
            "hazard_storage": hz.storage, "metric_crs": metric, "areas": len(inputs.areas),
            "projects": 0 if inputs.projects is None else len(inputs.projects)}
    if hz.is_raster:
        g = hz.grid
        info.update({"raster_crs": _crs_name(g.crs) if g.crs else None, "raster_resolution": list(g.res),
                     "raster_nodata": g.nodata, "raster_window_cells": int(g.data.size),
                     "engine": f"exactextract {exactextract.__version__}"})
    else:
        info.update({"zones": len(hz.zones), "engine": f"shapely {shapely.__version__} overlay"})
    params = {"level": p.level, "thresholds": hz.scheme.as_dict(), "classes": hz.scheme.lines(),
              "nodata_as_dry": p.nodata_as_dry, "flag_min_share": p.flag_min_share,
              "high_classes": list(HIGH_CLASSES), "mitigation": {"agenda": MITIGATION_AGENDA,
                                                                 "work_types": list(MITIGATION_WORK_TYPES)},
              "construction_work_types": list(CONSTRUCTION_WORK_TYPES), "rai_m2": RAI_M2}
    return Provenance(ANALYSIS, parameters=params, inputs=info)


def run_workspace(path_or_ws, hazard: str | None = None, *, level: str = "tambon",
                  progress: ProgressCallback | None = None, cancelled: CancelCheck | None = None,
                  **params) -> ExposureResult:
    """Convenience: read a workspace (path or open Workspace) and run the exposure analysis."""
    from areaplan.workspace import Workspace

    if isinstance(path_or_ws, (str, Path)):
        with Workspace.open(path_or_ws) as ws:
            inputs = ExposureInputs.from_workspace(ws, hazard, level=level, **params)
    else:
        inputs = ExposureInputs.from_workspace(path_or_ws, hazard, level=level, **params)
    return run(inputs, progress=progress, cancelled=cancelled)
