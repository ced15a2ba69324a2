"""Duplicate projects: the same work proposed twice in the same place, with reasons a committee can read.

How it works (architecture.md §5; vectorised, never all pairs):

1. **Titles** — each distinct title is read once (:func:`areaplan.analyses.thai_titles.feature_columns`: the
   rules of :func:`~areaplan.analyses.thai_titles.features` as columns, in worker processes (forked, from a fork
   server or spawned) on all cores for many titles while this process prepares the places; the rest of a title
   once the address, village and sizes are cut — one template's many titles — is read once).
2. **Candidates by blocking** — two projects are compared only when they are in the same tambon or in
   adjacent tambons (adjacency from tambon polygons by STRtree; without boundaries, the same tambon only),
   or when both have a precise location within ``distance_m`` metres (measured in the UTM zone of
   :func:`areaplan.locate.spatial.metric_crs`; pairs of points from a shapely ``STRtree`` "dwithin" query;
   rows of one tambon and work family are crossed with those of the neighbour tambons in numpy); their fiscal
   years differ by at most ``years``; and their work
   types agree or one is unknown (a different work type is a veto anyway, so it never needs comparing).
3. **Score** — title similarity (rapidfuzz ``fuzz.ratio`` on the normalised *names*, without specification,
   address, village, phase; ``process.cpdist`` element-wise on the candidate list, ``workers=1``), plus or
   minus the evidence in :data:`WEIGHTS`; hard rules (:data:`VETOES`) set clear non-duplicates aside: among
   them works of one template that name different structures (:func:`sites_differ`) or different parts of one
   place, purchases, two village numbers in two tambons, and bank protection along one river in two tambons
   without a shared village or landmark. Named places, sizes and structure names are compared once per
   distinct pair of names, only for pairs that can still reach the threshold. Named places conflict only within
   one kind (a soi against a route is no conflict, a soi against another soi is); a length, area or volume equal
   to 1 % is strong evidence, another length on one named road is another segment; a pair of one work type in
   one tambon and village, two channels, budgets within 15 % is flagged in a lower band on its address and budget
   (:data:`ADDRESS_BUDGET_SCORE`; docs/duplicates-generalise.md).
4. **Groups** — connected components of the flagged pairs; budget at stake = total − the largest member.
5. **Decisions** — ``duplicate_decisions`` rows are respected: a pair decided ``not_duplicate`` is not flagged
   again while both records' ``content_hash`` are unchanged; ``duplicate``/``unsure`` are carried onto pairs.
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from rapidfuzz import fuzz
from rapidfuzz.distance import Postfix, Prefix

from areaplan.analyses import title_features
from areaplan.analyses.base import AnalysisResult, Provenance
from areaplan.analyses.thai_titles import (
    SPEC_COLUMNS,
    SPOKEN_RE,
    WORK_FAMILIES,
    WORK_TYPES,
    FeatureColumns,
    columns_of_chunks,
    read_chunks,
    work_type_label,
)
from areaplan.analyses.title_features import StoredFeatures
from areaplan.analyses.title_kinds import title_keys as title_features_keys
from areaplan.errors import AreaPlanError, Problem
from areaplan.locate.spatial import metric_crs
from areaplan.progress import CancelCheck, ProgressCallback, Reporter
from areaplan.values import clean_text

ANALYSIS = "duplicates"
DECISIONS = ("duplicate", "not_duplicate", "unsure")
PRECISE = ("point", "line", "polygon")

#: Evidence added to (or taken from) the title similarity; each one becomes a reason.
WEIGHTS: dict[str, float] = {
    "same_work_type": 0.08,       # both titles name the same kind of work
    "same_village": 0.08,         # same tambon and same village number
    "shared_place": 0.08,         # a named place/road (บ้าน…, สาย…, คลอง…) appears in both
    "place_conflict": -0.25,      # both name a place of one kind (e.g. a road) and none agrees
    "close": 0.05,                # both located, at most a quarter of distance_m apart
    "far": -0.20,                 # both located, more than distance_m apart
    "spec_agree": 0.05,           # their sizes (length, width, volume…) agree within 15 %
    "spec_conflict": -0.12,       # a size differs by more than half
    "other_tambon": -0.05,        # address-only, in two adjacent tambons
    "different_channels": 0.03,   # proposed through two channels: what the committee looks for
    "same_office": -0.15,         # one agency's own list through one channel: its lines are separate on purpose
    "same_work_place": 0.25,      # same work type and the same named road or water, nothing in conflict
    "budget_close": 0.04,         # budgets within a quarter of each other (one work costs about the same)
    "budget_far": -0.15,          # one budget more than twice the other: another scope of work
    "same_work_no_place": 0.08,   # same work, same tambon, neither title names a place, budgets close
    "spec_same": 0.10,            # the same length, area or volume to the metre: one design, whatever the names
}
#: The lowest score of a pair joined by its address and budget only (:func:`run`, rule "address and budget"):
#: one work type in one tambon and village (or a request that names no village), budgets within
#: BUDGET_ADDRESS, two channels and two agencies, nothing in conflict. Just above the default threshold: such a
#: pair is worth a committee's look, not proven; a stricter threshold leaves it out.
ADDRESS_BUDGET_SCORE = 0.76
#: (two offices' estimates of one work differ by up to about 15 %; 1.10 until round 10, chosen on read sets only)
BUDGET_ADDRESS = 1.15
#: Pairs joined by address and budget are compared from this title similarity on.
MIN_SIMILARITY_ADDRESS = 0.1
#: Channels whose titles are free text (a villager's request, a club's proposal): read less surely than a plan's
FREE_TEXT_CHANNELS = ("community", "other")
#: Budgets this close (larger / smaller) are "close"; beyond BUDGET_FAR they are "far".
BUDGET_CLOSE = 1.25
BUDGET_FAR = 2.0
#: Budgets this close, through two channels in one numbered village, are one estimate of one work: a repair and a
#: new build of one thing do not cost the same, so a verb that differs there is one office's wording (round 13)
BUDGET_SAME = 1.10
#: Scores this close are a tie (a tambon-wide line against two villages' works: the budget decides)
SCORE_TIE = 0.05
#: One budget more than this many times the other, through two channels: another scope of work (a repair against
#: a build, one part against the whole), never one work proposed twice (veto ``scope``).
BUDGET_SCOPE = 4.0
#: Hard rules: a pair matching one is a clear non-duplicate whatever its title similarity.
VETOES: dict[str, tuple[str, str]] = {
    "work_type": ("ประเภทงานต่างกัน", "different work types"),
    "village": ("คนละหมู่บ้าน", "different villages"),
    "phase": ("คนละระยะ", "different phases"),
    "segment": ("คนละช่วงกิโลเมตร", "different road segments"),
    "road_code": ("รหัสสายทางต่างกัน", "different road registration codes"),
    "route": ("คนละสายทาง", "different routes"),
    "title_year": ("คนละปีตามชื่อโครงการ", "different years in the titles"),
    "multi_year": ("งบผูกพันรายการเดียวกันคนละปี", "one multi-year obligation in different years"),
    "action": ("งานซ่อม/ปรับปรุงกับงานสร้างใหม่", "repair or upgrade against new construction"),
    "component": ("ค่าควบคุมงาน/ออกแบบของรายการเดียวกัน", "a supervision or design cost line of the same item"),
    "procurement": ("การจัดซื้อยานพาหนะหรือครุภัณฑ์ไม่ผูกกับพื้นที่", "vehicle and equipment purchases are not place-based works"),
    "part": ("คนละส่วนของสถานที่เดียวกัน (ตอนบน/ตอนล่าง, ต้น/กลาง/ปลาย, ซ้าย/ขวา, แห่งที่ N)",
             "different parts of one place (upper/lower reach, head/middle/tail, left/right, site N)"),
    "structure": ("ชื่อสิ่งก่อสร้างต่างกัน", "differently named structures"),
    "yearly": ("กิจกรรมที่จัดทุกปี คนละปีงบประมาณ", "a yearly activity in different fiscal years"),
    "scope": ("งบประมาณสองช่องทางต่างกันเกิน 4 เท่า คนละขอบเขตงาน",
              "budgets of two channels more than 4 times apart: another scope of work"),
}
#: Pairs below this title similarity are not scored further (no evidence lifts them to a usual threshold).
MIN_SIMILARITY = 0.45
#: Pairs of one work type in one tambon are compared on their named places from this title similarity on: one
#: work written by two offices in their own words (same work, same named place) often shares little more.
MIN_SIMILARITY_SAME_PLACE = 0.2
_CHUNK = 250_000
#: When a dict, :func:`run` stores every candidate pair's evidence in it (diagnostics only).
_TRACE: dict | None = None


@dataclass
class DuplicateParams:
    """Parameters of the analysis (stored in the provenance)."""

    threshold: float = 0.75
    years: int = 1
    distance_m: float = 1000.0
    adjacent: bool = True


#: The project fields the analysis, its review screen and its reports read from a workspace (reading all of them
#: costs ~10 % more for 100,000 projects)
PROJECT_FIELDS = ("project_id", "title", "channel", "agency", "fiscal_year", "budget", "village_no", "tambon", "amphoe",
                  "changwat", "amphoe_code", "tambon_code", "location_precision", "source", "content_hash")


@dataclass
class DuplicateInputs:
    """What the analysis reads: projects (workspace schema), tambon polygons and earlier decisions."""

    projects: pd.DataFrame
    tambons: gpd.GeoDataFrame | None = None
    decisions: pd.DataFrame | None = None
    params: DuplicateParams = field(default_factory=DuplicateParams)
    source: str = ""
    #: what is known of the titles already (the workspace's title_features, or what a worker process read while
    #: project files were located): only titles missing there are read
    stored_titles: StoredFeatures | None = None
    #: the workspace the inputs come from (where the titles a run reads are stored for the next run)
    workspace: str | None = None

    @classmethod
    def from_workspace(cls, ws, **params) -> DuplicateInputs:
        """Projects, tambon boundaries, decisions and stored title features of a workspace."""
        projects = ws.read_layer("projects", columns=list(PROJECT_FIELDS))
        tambons = ws.read_layer("tambon", columns=["code"]) if ws.count("tambon") else None
        decisions = ws.read_table("duplicate_decisions")
        return cls(projects, tambons, decisions, DuplicateParams(**params), source=str(ws.path),
                   stored_titles=title_features.read(ws), workspace=str(ws.path))


@dataclass
class DuplicateResult(AnalysisResult):
    """Flagged pairs with reasons, groups with the budget at stake, and how much was compared."""

    pairs: pd.DataFrame = field(default_factory=pd.DataFrame)
    groups: pd.DataFrame = field(default_factory=pd.DataFrame)
    members: pd.DataFrame = field(default_factory=pd.DataFrame)
    candidates: int = 0
    suppressed: int = 0  # pairs decided not_duplicate and unchanged since
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage (titles, candidates, …)
    #: (keys, chunk) of the titles read in this run that the workspace did not store (see save_title_features)
    titles_read: tuple[np.ndarray, tuple] | None = None
    set_aside: dict[str, int] = field(default_factory=dict)  # candidate pairs per veto (VETOES), "score", "place"

    def summary(self) -> list[str]:
        """Bilingual summary lines."""
        at_stake = float(self.groups["budget_at_stake"].sum()) if len(self.groups) else 0.0
        return [
            f"เปรียบเทียบ {self.candidates:,} คู่ พบโครงการซ้ำซ้อน {len(self.pairs):,} คู่ ใน {len(self.groups):,} กลุ่ม "
            f"งบประมาณที่ซ้ำ {at_stake:,.0f} บาท "
            f"(compared {self.candidates:,} pairs; {len(self.pairs):,} pairs flagged in {len(self.groups):,} groups; "
            f"{at_stake:,.0f} baht at stake)",
            *([f"ไม่แสดง {self.suppressed} คู่ที่ผู้พิจารณาตัดสินว่าไม่ซ้ำ "
               f"({self.suppressed} pairs decided not duplicate are not shown)"] if self.suppressed else []),
        ]


# ------------------------------------------------------------------------------------------- validate

def validate(inputs: DuplicateInputs) -> list[Problem]:
    """What the user can fix before the analysis runs (errors stop it; warnings do not)."""
    problems: list[Problem] = []
    p = inputs.params
    frame = inputs.projects
    for col in ("project_id", "title"):
        if col not in frame.columns:
            problems.append(Problem(f'ไม่มีคอลัมน์ "{col}" ในข้อมูลโครงการ', f"the projects have no {col!r} column",
                                    field=col))
    if not 0.0 < p.threshold <= 1.0:
        problems.append(Problem(f"เกณฑ์คะแนนต้องอยู่ระหว่าง 0 ถึง 1 ได้ {p.threshold}",
                                f"the threshold must be in (0, 1], got {p.threshold}", field="threshold"))
    if p.years < 0:
        problems.append(Problem(f"ช่วงปีต้องไม่ติดลบ ได้ {p.years}", f"years must be ≥ 0, got {p.years}", field="years"))
    if not p.distance_m > 0:
        problems.append(Problem(f"ระยะทางต้องมากกว่า 0 เมตร ได้ {p.distance_m}",
                                f"the distance must be > 0 m, got {p.distance_m}", field="distance"))
    if problems:
        return problems
    if len(frame) == 0:
        problems.append(Problem("ไม่มีโครงการให้ตรวจ", "there are no projects to check", severity="warning"))
        return problems
    has_code = frame["tambon_code"].notna() if "tambon_code" in frame.columns else pd.Series(False, index=frame.index)
    has_geom = _precise_mask(frame)
    nowhere = int((~has_code & ~has_geom).sum())
    if nowhere:
        problems.append(Problem(
            f"{nowhere:,} โครงการไม่มีตำแหน่ง (ไม่ทราบตำบลและพิกัด) จะไม่ถูกเปรียบเทียบ",
            f"{nowhere:,} projects have no place (no tambon, no coordinates) and are not compared",
            field="tambon_code", severity="warning"))
    if inputs.tambons is None or len(inputs.tambons) == 0:
        problems.append(Problem(
            "ไม่มีขอบเขตตำบล: เปรียบเทียบเฉพาะโครงการในตำบลเดียวกันหรือพิกัดใกล้กัน",
            "no tambon boundaries: only projects in the same tambon or with nearby coordinates are compared",
            severity="warning"))
    return problems


def _precise_mask(frame: pd.DataFrame) -> pd.Series:
    if not isinstance(frame, gpd.GeoDataFrame):
        return pd.Series(False, index=frame.index)
    g = frame.geometry
    ok = ~(g.isna() | g.is_empty)
    if "location_precision" in frame.columns:
        ok &= frame["location_precision"].isin(PRECISE)
    return ok


# ------------------------------------------------------------------------------------------- run

@dataclass
class _Rows:
    n: int
    cols: FeatureColumns  # title features per distinct title
    title_id: np.ndarray  # row -> distinct title
    key_id: np.ndarray  # row -> distinct comparison key
    keys: list[str]
    name_id: np.ndarray  # row -> distinct name (FeatureColumns.names/places)
    wt: np.ndarray  # work type id per row (-1 unknown)
    fam: np.ndarray  # work family id per row (types that may describe one work)
    fy: np.ndarray
    tambon: np.ndarray  # tambon id (-1 unknown)
    tambon_codes: np.ndarray
    vmask: np.ndarray  # village bitmask
    channel: np.ndarray
    channel_codes: np.ndarray
    agency: np.ndarray
    phase: np.ndarray
    tyear: np.ndarray
    multi: np.ndarray
    component: np.ndarray
    action: np.ndarray  # 0 unknown, 1 repair, 2 new
    recurring: np.ndarray  # a yearly activity (training, campaign, festival…)
    no_place: np.ndarray  # the title names no place and no village
    part: np.ndarray  # id of the parts a title names (-1 none)
    has_pt: np.ndarray
    x: np.ndarray
    y: np.ndarray
    request: np.ndarray  # a title without a verb (ขอถนนลูกรัง…, ถนนผิวแอสฟัลต์ สาย…): repair or new is not said
    work_mask: np.ndarray  # bit mask of every work type the title names (FeatureColumns.work_mask)
    fam_mask: np.ndarray  # bit mask of the families of those work types


def _clean_codes(values, how=None) -> tuple[np.ndarray, np.ndarray]:
    """(code per row, distinct cleaned values) of a column: each distinct raw value is cleaned once."""
    raw_codes, uniq = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    cleaned = [clean_text(u) for u in uniq]
    if how is not None:
        cleaned = [how(c) for c in cleaned]
    codes, values_u = pd.factorize(pd.Series(cleaned + [how("") if how else ""], dtype=object))
    return np.asarray(codes, dtype=np.int64)[raw_codes], np.asarray(values_u, dtype=object)


def _text(frame: pd.DataFrame, col: str) -> pd.Series:
    if col not in frame.columns:
        return pd.Series([""] * len(frame), index=frame.index, dtype=object)
    codes, values = _clean_codes(frame[col].to_numpy(dtype=object))
    return pd.Series(values[codes], index=frame.index, dtype=object)


def _tambon_code(v) -> str | None:
    return None if v is None or str(v).strip() == "" else str(v).strip()


class _Clock:
    """Seconds spent per stage: ``clock("stage")`` closes the stage that ran since the last call."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._t = time.perf_counter()

    def __call__(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[stage] = self.laps.get(stage, 0.0) + now - self._t
        self._t = now


@dataclass
class _Where:
    """What the blocking reads that does not come from the titles (prepared while the titles are read)."""

    fy: np.ndarray
    tambon: np.ndarray
    tambon_codes: np.ndarray
    channel: np.ndarray
    channel_codes: np.ndarray
    agency: np.ndarray
    has_pt: np.ndarray
    x: np.ndarray
    y: np.ndarray
    budget: np.ndarray  # baht, NaN unknown
    neighbours: pd.DataFrame  # tambon id pairs (t, t2): the same or adjacent
    near: tuple[np.ndarray, np.ndarray]  # row pairs i < j of located projects at most distance_m apart


def _where(frame: pd.DataFrame, tambons, p: DuplicateParams) -> _Where:
    n = len(frame)
    fy = pd.to_numeric(frame.get("fiscal_year", pd.Series(np.nan, index=frame.index)), errors="coerce")
    fy = fy.where(fy.isna() | (fy > 2400), fy + 543).fillna(-99999).to_numpy(dtype=np.int64)
    if "tambon_code" in frame.columns:
        raw, uniq_t = pd.factorize(frame["tambon_code"].to_numpy(dtype=object), use_na_sentinel=True)
        # each distinct code is cleaned once; the ids follow the first row of each cleaned code
        tcodes = np.asarray([_tambon_code(v) for v in uniq_t] + [None], dtype=object)[raw]
    else:
        tcodes = np.full(n, None, dtype=object)
    tambon, tambon_codes = pd.factorize(tcodes, use_na_sentinel=True)
    tambon_codes = np.asarray(tambon_codes, dtype=object)
    ch = frame["channel"].to_numpy(dtype=object) if "channel" in frame.columns else np.full(n, "", dtype=object)
    channel, channel_codes = _clean_codes(ch, str.lower)
    ag = frame["agency"].to_numpy(dtype=object) if "agency" in frame.columns else np.full(n, "", dtype=object)
    agency, _ = _clean_codes(ag, lambda v: v.replace(" ", ""))
    has_pt = _precise_mask(frame).to_numpy()
    x = np.full(n, np.nan)
    y = np.full(n, np.nan)
    near = (np.zeros(0, np.int64), np.zeros(0, np.int64))
    if has_pt.any():
        from pyproj import CRS, Transformer

        g = np.asarray(frame.geometry.values[has_pt], dtype=object)
        lines = shapely.get_type_id(g) != 0  # lines and polygons stand at a point on their surface; points as they are
        if lines.any():
            g = g.copy()
            g[lines] = shapely.point_on_surface(g[lines])
        px, py = shapely.get_x(g), shapely.get_y(g)
        crs = CRS.from_user_input(frame.crs or "EPSG:4326")
        if not crs.is_projected:  # the coordinates alone, as GeoSeries.to_crs transforms them
            to_metric = Transformer.from_crs(crs, metric_crs(gpd.GeoSeries(g, crs=crs)), always_xy=True)
            px, py = to_metric.transform(px, py)
        x[has_pt] = px
        y[has_pt] = py
        if has_pt.sum() > 1:
            # pairs of points at most distance_m apart (STRtree "dwithin": no scipy import in a cold process)
            rows = np.flatnonzero(has_pt)
            located = shapely.points(x[rows], y[rows])
            a, b = shapely.STRtree(located).query(located, predicate="dwithin", distance=p.distance_m)
            keep = a < b
            near = (rows[a[keep]], rows[b[keep]])  # a < b, so rows[a] < rows[b]
    neighbours = tambon_neighbours(tambons if p.adjacent else None, tambon_codes)
    budget = (pd.to_numeric(frame["budget"], errors="coerce").to_numpy(dtype=float) if "budget" in frame.columns
              else np.full(n, np.nan))
    return _Where(fy, tambon.astype(np.int64), tambon_codes, channel, np.asarray(channel_codes, dtype=object), agency,
                  has_pt, x, y, budget, neighbours, near)


def _prepare(frame: pd.DataFrame, tambons, p: DuplicateParams, rep: Reporter, clock: _Clock | None = None,
             stored: StoredFeatures | None = None, store_read: bool = False) -> tuple[_Rows, _Where, tuple | None]:
    n = len(frame)
    titles = frame["title"].astype(object).where(frame["title"].notna(), "").to_numpy(dtype=object)
    title_id, uniq = pd.factorize(titles)
    uniq = np.asarray(uniq, dtype=object)
    # titles the workspace stores are taken from there; the others are read
    keys = title_features_keys(uniq) if stored is not None or store_read else None
    found, known = stored.find(keys) if stored is not None else (np.zeros(len(uniq), bool), None)
    missing = np.flatnonzero(~found)
    where: list[_Where] = []
    # the features are many small objects that hold no cycles: the cyclic collector would rescan all of
    # them again and again (time growing with the count), so it is paused while they are made
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        # many distinct titles are also read in worker processes; meanwhile this one prepares the places
        chunks = read_chunks(uniq[missing].tolist(),
                             lambda k, m: rep(k / max(1, m), f"อ่านชื่อโครงการ {k:,}/{m:,}"),
                             meanwhile=lambda: where.append(_where(frame, tambons, p)))
        cols = columns_of_chunks(([known] if known is not None else []) + chunks)
    finally:
        if was_enabled:
            gc.enable()
    if clock is not None:
        clock("titles")
    w = where[0]
    # rows of cols: the stored titles first, then those read
    row_of = np.empty(len(uniq), dtype=np.int64)
    row_of[np.flatnonzero(found)] = np.arange(int(found.sum()))
    row_of[missing] = int(found.sum()) + np.arange(len(missing))
    title_id = row_of[np.asarray(title_id, dtype=np.int64)]
    read = None
    if store_read and len(missing):
        read = (keys[missing], title_features.concat(chunks))
    key_of_name, keys = pd.factorize(pd.Series(cols.keys, dtype=object))
    name_id = cols.name_id[title_id]
    wt = cols.work_type[title_id]
    # per distinct title: the families of its own work and of the specific works it names too (a building or
    # equipment named too joins no work types, see _named_too, so it adds no candidates)
    specific = cols.work_mask & _SPECIFIC
    t_fam = _bits(_FAMILY_OF[cols.work_type])
    for k, f in enumerate(_FAMILY_OF[:-1].tolist()):
        t_fam |= ((specific >> k) & 1) << f
    vm = cols.villages[title_id]
    if "village_no" in frame.columns:
        col = pd.to_numeric(frame["village_no"], errors="coerce").to_numpy(dtype=float)
        ok = np.isfinite(col) & (col > 0) & (col < 63)
        vm = np.where(ok, np.left_shift(1, np.where(ok, col, 0).astype(np.int64)), vm)
    rows = _Rows(n, cols, title_id, np.asarray(key_of_name, dtype=np.int64)[name_id], list(keys), name_id, wt,
                 _FAMILY_OF[wt], w.fy, w.tambon, w.tambon_codes, vm, w.channel, w.channel_codes, w.agency,
                 cols.phase[title_id], cols.title_year[title_id], cols.multi_year[title_id],
                 cols.component[title_id], cols.action[title_id], cols.recurring[title_id],
                 np.array([not x for x in cols.places] + [True], dtype=bool)[name_id] & (cols.villages[title_id] == 0),
                 cols.part_id[title_id],
                 w.has_pt, w.x, w.y, cols.request[title_id], cols.work_mask[title_id], t_fam[title_id])
    return rows, w, read


def tambon_neighbours(tambons: gpd.GeoDataFrame | None, codes: np.ndarray) -> pd.DataFrame:
    """Pairs (a, b) of tambon ids (indexes into `codes`) that are the same or share a boundary."""
    ids = np.arange(len(codes))
    pairs = [np.column_stack([ids, ids])]
    if tambons is not None and len(tambons) and len(codes):
        poly = tambons[tambons["code"].isin(set(codes.tolist()))]
        poly = poly[~(poly.geometry.isna() | poly.geometry.is_empty)]
        if len(poly):
            tree = shapely.STRtree(poly.geometry.values)
            # touches, plus overlaps: simplified boundaries of neighbours rarely meet exactly
            left, right = tree.query(poly.geometry.values, predicate="intersects")
            pos = pd.Series(np.arange(len(codes)), index=codes)
            pc = poly["code"].to_numpy()
            a = pos.reindex(pc[left]).to_numpy()
            b = pos.reindex(pc[right]).to_numpy()
            ok = ~(np.isnan(a) | np.isnan(b)) & (left != right)
            pairs.append(np.column_stack([a[ok].astype(np.int64), b[ok].astype(np.int64)]))
    both = np.vstack(pairs)
    code = np.unique(both[:, 0] * (len(codes) + 1) + both[:, 1])  # sorted like np.unique(axis=0), far faster
    return pd.DataFrame({"t": code // (len(codes) + 1), "t2": code % (len(codes) + 1)})


def _candidates(r: _Rows, w: _Where, p: DuplicateParams) -> tuple[np.ndarray, np.ndarray]:
    """Row pairs i < j (sorted) to compare: same or adjacent tambon, or near points; years within ±p.years;
    work families that agree (or one unknown, or one named in both titles)."""
    located = np.flatnonzero(r.tambon >= 0)
    fam = r.fam[located].astype(np.int64)
    # a title that names works of other families too (a programme's name before the work) also stands in the
    # buckets of those families (only one that gives its village: the work it names joins work types only in one
    # village, see _named_too)
    other = r.fam_mask[located] & ~_bits(fam) & np.where(r.vmask[located] > 0, -1, 0)
    more = np.flatnonzero(other)
    if len(more):
        extra = [(more[(other[more] >> f) & 1 == 1], f) for f in range(int(other[more].max()).bit_length())]
        located = np.concatenate([located, *(located[m] for m, _ in extra)])
        fam = np.concatenate([fam, *(np.full(len(m), f, dtype=np.int64) for m, f in extra)])
    # buckets of rows with one tambon and one work family (-1 unknown); a bucket meets the buckets of its
    # tambon and of the adjacent ones with the same family, and every bucket there when a family is unknown
    nf = int(fam.max()) + 2 if len(fam) else 1
    key = r.tambon[located] * nf + (fam + 1)
    order = np.argsort(key, kind="stable")
    rows = located[order]
    bkey, start, count = np.unique(key[order], return_index=True, return_counts=True)
    buckets = pd.DataFrame({"b": np.arange(len(bkey)), "t": bkey // nf, "f": bkey % nf - 1})
    bn = buckets.merge(w.neighbours, on="t")[["b", "f", "t2"]]
    other = buckets.rename(columns={"b": "b2", "t": "t2", "f": "f2"})
    known, unknown = other[other.f2 >= 0], other[other.f2 < 0]
    parts = [bn[bn.f >= 0].merge(known, left_on=["t2", "f"], right_on=["t2", "f2"]),
             bn.merge(unknown, on="t2"), bn[bn.f < 0].merge(known, on="t2")]
    b1 = np.concatenate([q["b"].to_numpy(dtype=np.int64) for q in parts])
    b2 = np.concatenate([q["b2"].to_numpy(dtype=np.int64) for q in parts])
    keep = b1 <= b2  # adjacency is symmetric: each couple of buckets once
    b1, b2 = b1[keep], b2[keep]
    # every row of one bucket with every row of the other
    na, nb = count[b1], count[b2]
    size = na * nb
    which = np.repeat(np.arange(len(b1)), size)
    k = np.arange(int(size.sum())) - np.repeat(np.cumsum(size) - size, size)
    ia = rows[start[b1][which] + k // nb[which]]
    ib = rows[start[b2][which] + k % nb[which]]
    ii = np.concatenate([np.minimum(ia, ib), w.near[0]])
    jj = np.concatenate([np.maximum(ia, ib), w.near[1]])
    keep = ii < jj
    ii, jj = ii[keep], jj[keep]
    keep = np.abs(r.fy[ii] - r.fy[jj]) <= p.years
    keep |= (r.fy[ii] < 0) | (r.fy[jj] < 0)
    keep &= (r.fam[ii] == r.fam[jj]) | (r.fam[ii] < 0) | (r.fam[jj] < 0) | ((r.fam_mask[ii] & r.fam_mask[jj]) != 0)
    ii, jj = ii[keep], jj[keep]
    if len(ii):
        code = np.unique(ii.astype(np.int64) * r.n + jj)
        ii, jj = code // r.n, code % r.n
    return ii, jj


def _similarity(r: _Rows, ii: np.ndarray, jj: np.ndarray, rep: Reporter) -> np.ndarray:
    from rapidfuzz import process

    ka, kb = r.key_id[ii], r.key_id[jj]
    lo, hi = np.minimum(ka, kb), np.maximum(ka, kb)
    code, inv = np.unique(lo.astype(np.int64) * (len(r.keys) + 1) + hi, return_inverse=True)
    ua, ub = code // (len(r.keys) + 1), code % (len(r.keys) + 1)
    keys = np.asarray(r.keys, dtype=object)
    sims = np.empty(len(code), dtype=np.float32)
    for s in range(0, len(code), _CHUNK):
        rep(s / max(1, len(code)), f"เปรียบเทียบชื่อ {s:,}/{len(code):,} คู่")
        e = min(len(code), s + _CHUNK)
        sims[s:e] = process.cpdist(keys[ua[s:e]].tolist(), keys[ub[s:e]].tolist(), scorer=fuzz.ratio,
                                   workers=1, dtype=np.float32)
    return sims[inv] / 100.0


#: work type codes by index, and per index (the last one: unknown, -1) the index of its family (WORK_FAMILIES)
_CODES = [w.code for w in WORK_TYPES]
_FAMILY_OF = np.array([_CODES.index(WORK_FAMILIES.get(c, c)) for c in _CODES] + [-1], dtype=np.int16)

#: kinds of named place, in the order a shared one is reported; a conflict is two different names of ONE kind
#: (a soi against a route, or a route against a road code, are two descriptors of one place, not a conflict)
_PLACE_ORDER = {"road": 0, "soi": 1, "code": 2, "water": 3, "village": 4, "landmark": 5}
_ROADS = 2  # kinds up to this one name a road


def _structures_differ(r: _Rows, na: np.ndarray, nb: np.ndarray) -> np.ndarray:
    """Per pair of names: whether the structures they name differ (:func:`sites_differ`), once per distinct
    couple of different structure names (most couples share theirs)."""
    structure = np.zeros(len(na), dtype=bool)
    if not len(na):
        return structure
    site_id, site_names = pd.factorize(pd.Series(r.cols.sites, dtype=object))
    sa, sb = site_id[na], site_id[nb]
    differ = np.flatnonzero(sa != sb)
    if len(differ):
        k, kinv = np.unique(sa[differ] * (len(site_names) + 1) + sb[differ], return_inverse=True)
        names = list(site_names)
        test = np.array([sites_differ(names[x], names[y])
                         for x, y in zip((k // (len(names) + 1)).tolist(), (k % (len(names) + 1)).tolist())], dtype=bool)
        structure[differ] = test[kinv]
    return structure


class _PlaceComparison(NamedTuple):
    """What two titles' named places say, per pair of names (:func:`_places_compare`)."""

    shared: np.ndarray  # a place name both give, else None
    conflict: np.ndarray  # a kind of place named by both differs
    road: np.ndarray  # they share a road name
    dry: np.ndarray  # they share a place that is not a water
    structure: np.ndarray  # the structures they name differ
    named: np.ndarray  # they share a road or water name: what names a road, weir or canal work itself
    villages_only: np.ndarray  # the villages are the only kind that differs
    codes: np.ndarray  # both give a road's registration code and the codes differ
    routes: np.ndarray  # both name a route (สายบ้านก-บ้านข) and no route of one is a route of the other


def _places_compare(r: _Rows, na: np.ndarray, nb: np.ndarray, with_structure: bool = True) -> _PlaceComparison:
    """Per pair of names: what their named places say (:class:`_PlaceComparison`).

    For each kind of place both titles name (roads, waters, villages, landmarks) the first name of the one
    title (in sorted order) equal to a name of the other — or, from 5 letters on, one the start of the other
    unless it goes on with more digits (หมายเลข 3 / หมายเลข 3268) — is shared; a kind with no such name is a
    conflict. The shared name reported is that of the first kind in the order road, water, village, landmark.
    Computed once per distinct pair of names (the structures only ``with_structure``).
    """
    m = len(na)
    shared = np.full(m, None, dtype=object)
    conflict = np.zeros(m, dtype=bool)
    road = np.zeros(m, dtype=bool)
    dry = np.zeros(m, dtype=bool)
    named = np.zeros(m, dtype=bool)
    villages_only = np.zeros(m, dtype=bool)
    codes = np.zeros(m, dtype=bool)
    routes = np.zeros(m, dtype=bool)
    if not m:
        return _PlaceComparison(shared, conflict, road, dry, np.zeros(m, dtype=bool), named, villages_only, codes,
                                routes)
    code, inv = np.unique(na.astype(np.int64) * (len(r.cols.names) + 1) + nb, return_inverse=True)
    ua, ub = code // (len(r.cols.names) + 1), code % (len(r.cols.names) + 1)
    structure = _structures_differ(r, ua, ub) if with_structure else np.zeros(len(code), dtype=bool)
    used = np.unique(np.concatenate([ua, ub]))
    rows = [(int(i), _PLACE_ORDER[kind], value) for i in used.tolist() for kind, value in r.cols.places[i]]
    if rows:
        places = pd.DataFrame(rows, columns=["name", "kind", "value"])
        pairs = pd.DataFrame({"u": np.arange(len(code)), "a": ua, "b": ub})
        left = pairs.merge(places.rename(columns={"name": "a", "value": "x"}), on="a")
        both = left.merge(places.rename(columns={"name": "b", "value": "y"}), on=["b", "kind"])
        if len(both):
            # each distinct couple of names once (the same few names meet again and again)
            xy, xy_names = pd.factorize(pd.Series(list(zip(both["x"].tolist(), both["y"].tolist())), dtype=object))
            both["hit"] = np.array([_same_place(x, y) for x, y in xy_names], dtype=bool)[xy]
            u_conflict = np.zeros(len(code), dtype=bool)
            per_kind = both.groupby(["u", "kind"], sort=False)["hit"].any()
            u_conflict[per_kind.index.get_level_values(0)[~per_kind.to_numpy()]] = True
            differ = per_kind[~per_kind.to_numpy()].index
            u_other = np.zeros(len(code), dtype=bool)
            u_other[differ.get_level_values(0)[differ.get_level_values(1) != _PLACE_ORDER["village"]]] = True
            u_villages_only = u_conflict & ~u_other
            u_codes = np.zeros(len(code), dtype=bool)
            u_codes[differ.get_level_values(0)[differ.get_level_values(1) == _PLACE_ORDER["code"]]] = True
            # roads that differ where both name a route with two ends (สายบ้านก-บ้านข against สายบ้านข-บ้านค)
            u_routes = np.zeros(len(code), dtype=bool)
            u_routes[differ.get_level_values(0)[differ.get_level_values(1) == _PLACE_ORDER["road"]]] = True
            on_road = both[both["kind"] == _PLACE_ORDER["road"]]
            ended = on_road["x"].str.contains("-", regex=False) & on_road["y"].str.contains("-", regex=False)
            u_routes &= np.isin(np.arange(len(code)), on_road.loc[ended, "u"].to_numpy())
            hits = both[both["hit"]]
            # the first hit of each kind is the smallest name of the first title; the first kind in order wins
            first = hits.sort_values(["u", "kind", "x"], kind="stable").drop_duplicates("u", keep="first")
            u_shared = np.full(len(code), None, dtype=object)
            u_shared[first["u"].to_numpy()] = first["x"].to_numpy(dtype=object)
            u_road = np.zeros(len(code), dtype=bool)
            u_road[hits.loc[hits["kind"] <= _ROADS, "u"].to_numpy()] = True
            u_dry = np.zeros(len(code), dtype=bool)
            u_dry[hits.loc[hits["kind"] != _PLACE_ORDER["water"], "u"].to_numpy()] = True
            u_named = np.zeros(len(code), dtype=bool)
            u_named[hits.loc[hits["kind"] <= _PLACE_ORDER["water"], "u"].to_numpy()] = True
            shared, conflict, road, dry, named = u_shared[inv], u_conflict[inv], u_road[inv], u_dry[inv], u_named[inv]
            villages_only, codes, routes = u_villages_only[inv], u_codes[inv], u_routes[inv]
    return _PlaceComparison(shared, conflict, road, dry, structure[inv], named, villages_only, codes, routes)


def _has_village_name(r: _Rows, names: np.ndarray, where: np.ndarray) -> np.ndarray:
    """Per pair (only where `where`): whether the name gives a village (บ้าน…, ชุมชน…) among its places."""
    out = np.zeros(len(names), dtype=bool)
    if where.any():
        u, inv = np.unique(names[where], return_inverse=True)
        has = np.array([u_ >= 0 and any(kind == "village" for kind, _ in r.cols.places[u_]) for u_ in u.tolist()],
                       dtype=bool)
        out[where] = has[inv]
    return out


@lru_cache(maxsize=65_536)
def _route_ends(route: str) -> frozenset[str]:
    """The ends of a route without บ้าน before them (สายบ้านก-บ้านข and สายก-ข have the same)."""
    return frozenset(e.removeprefix("บ้าน") for e in route.split("-"))


def _same_place(x: str, y: str) -> bool:
    """Two place names name one place: equal (a route also with บ้าน before its ends or without), or (from 5
    letters on) one the start of the other, unless the longer goes on with a digit after a digit (another number:
    หมายเลข 3 / หมายเลข 3268) or is a village split from the other (บ้านโนนสูง / บ้านโนนสูงพัฒนา, บ้านนาใหม่ /
    บ้านนาใหม่เหนือ: two villages)."""
    if x == y:
        return True
    if "-" in x and "-" in y and _route_ends(x) == _route_ends(y):
        return True  # one route with and without บ้าน before its ends (สายบ้านก-บ้านข / สายก-ข)
    if min(len(x), len(y)) < 5:
        return False
    if abs(len(x) - len(y)) <= 2 and x.translate(_TONE_MARKS) == y.translate(_TONE_MARKS):
        return True  # a tone mark typed wrong or lost (บ้านไร่ขี้เหล็ก / บ้านไร่ขี้เหล้ก): the letters name one place
    short, long_ = (x, y) if len(x) < len(y) else (y, x)
    if not long_.startswith(short):
        return False
    if short.startswith(("บ้าน", "ชุมชน")) and long_[len(short):] in SPLIT_VILLAGE_SUFFIXES:
        return False
    return not (short[-1].isdigit() and long_[len(short)].isdigit())


#: Thai tone marks, mai taikhu and thanthakhat: what hurried typing and PDF text get wrong in a place's name
_TONE_MARKS = str.maketrans("", "", "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c")

#: What a village split from another adds to its name (บ้านหนองบัวพัฒนา, บ้านหนองบัวใต้): another village.
SPLIT_VILLAGE_SUFFIXES = frozenset(("พัฒนา", "ใหม่", "เหนือ", "ใต้", "กลาง", "ออก", "ตก", "น้อย", "ใหญ่", "ใน", "นอก",
                                    "สามัคคี", "ใหม่พัฒนา", "ทอง", "เจริญ", "สันติสุข", "ตะวันออก", "ตะวันตก"))


def sites_differ(a: str, b: str) -> bool:
    """Whether two structure names (:attr:`TitleFeatures.site`) name two different structures.

    Not when either is missing, when they share an end of a route (บ้านก-บ้านข / บ้านข-บ้านค), when one
    holds the other, or when one only adds to the other or differs by a letter or two (a typo); otherwise,
    with their common start and end set aside, the two different middles must share less than half their
    letters (บ้านโคกยาง / ฝายคลองอินทนิน, ห้วยโมง / ห้วยทราย).
    """
    if not a or not b or a == b:
        return False
    # the ends of a route, with or without บ้าน (marks stripped: บาน): สายห้วยลอย-น้ำปูน / สายบ้านห้วยลอย-บ้านน้ำปูน
    pa = sorted(x.removeprefix("บาน") for x in a.split("-"))
    pb = sorted(x.removeprefix("บาน") for x in b.split("-"))
    if (set(pa) & set(pb)) - {""}:
        return False
    a, b = "-".join(pa), "-".join(pb)
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 3 and short in long_:  # one title says more around the same name
        return False
    p = Prefix.similarity(a, b)
    q = min(Postfix.similarity(a, b), min(len(a), len(b)) - p)
    ma, mb = a[p: len(a) - q], b[p: len(b) - q]
    if len(ma) < 2 or len(mb) < 2:
        return False
    return fuzz.ratio(ma, mb) < 50


def _specs_compare(sa: np.ndarray, sb: np.ndarray) -> np.ndarray:
    """Per pair: +1 sizes agree (all within 15 %), -1 a size differs by more than half, 0 nothing to compare.

    `sa`, `sb` are rows of :attr:`FeatureColumns.specs` (NaN where a title gives no such size).
    """
    with np.errstate(invalid="ignore", divide="ignore"):
        common = (sa > 0) & (sb > 0)
        ratio = np.where(common, np.maximum(sa, sb) / np.where(common, np.minimum(sa, sb), 1.0), 1.0)
    out = np.zeros(len(sa), dtype=np.int8)
    any_common = common.any(axis=1)
    out[any_common & (ratio <= 1.15).all(axis=1)] = 1
    out[any_common & (ratio > 1.5).any(axis=1)] = -1
    return out


#: sizes that identify one design when equal (a width or thickness is a standard, shared by many works)
_SPEC_IDENTIFY = [SPEC_COLUMNS.index(c) for c in ("length", "volume", "area")]


def _specs_same(sa: np.ndarray, sb: np.ndarray) -> np.ndarray:
    """Per pair: a length, volume or area given by both is equal to 1 % (and no size differs by more than 15 %)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        x, y = sa[:, _SPEC_IDENTIFY], sb[:, _SPEC_IDENTIFY]
        common = (x > 0) & (y > 0)
        equal = common & (np.abs(x - y) <= 0.01 * np.maximum(x, y))
        both = (sa > 0) & (sb > 0)
        ratio = np.where(both, np.maximum(sa, sb) / np.where(both, np.minimum(sa, sb), 1.0), 1.0)
    return equal.any(axis=1) & (ratio <= 1.15).all(axis=1)


_LENGTH = SPEC_COLUMNS.index("length")


def _lengths_differ(r: _Rows, ii: np.ndarray, jj: np.ndarray) -> np.ndarray:
    """Per pair: both titles give a length and one is more than 1.5 times the other."""
    la, lb = r.cols.specs[r.title_id[ii], _LENGTH], r.cols.specs[r.title_id[jj], _LENGTH]
    with np.errstate(invalid="ignore"):
        return (la > 0) & (lb > 0) & (np.maximum(la, lb) > 1.5 * np.minimum(la, lb))


def _fmt_distance(d: float) -> tuple[str, str]:
    if d < 1000:
        return f"{d:,.0f} ม.", f"{d:,.0f} m"
    return f"{d / 1000:,.1f} กม.", f"{d / 1000:,.1f} km"


def run(inputs: DuplicateInputs, *, progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None) -> DuplicateResult:
    """Find, score, explain and group duplicate candidates; respect earlier reviewer decisions."""
    errors = [p for p in validate(inputs) if p.severity == "error"]
    if errors:
        raise AreaPlanError(errors[0].th, errors[0].en, field=errors[0].field)
    rep = Reporter(progress, cancelled)
    p = inputs.params
    frame = inputs.projects.reset_index(drop=True)
    provenance = Provenance(
        ANALYSIS,
        parameters={"threshold": p.threshold, "years": p.years, "distance_m": p.distance_m, "adjacent": p.adjacent,
                    "weights": dict(WEIGHTS), "vetoes": list(VETOES)},
        inputs={"source": inputs.source, "projects": len(frame),
                "tambons": 0 if inputs.tambons is None else len(inputs.tambons),
                "decisions": 0 if inputs.decisions is None else len(inputs.decisions)},
    )
    clock = _Clock()
    r, where, titles_read = _prepare(frame, inputs.tambons, p, rep.sub(0.0, 0.3), clock, inputs.stored_titles,
                                     store_read=inputs.workspace is not None)
    clock("prepare")
    rep(0.3, "หาคู่ที่ต้องเปรียบเทียบ")
    ii, jj = _candidates(r, where, p)
    n_cand = len(ii)
    clock("candidates")
    sim = _similarity(r, ii, jj, rep.sub(0.35, 0.75)) if n_cand else np.empty(0, dtype=np.float32)
    clock("similarity")
    rep(0.75, "คิดคะแนน")

    # ---- vectorised evidence and vetoes
    W = WEIGHTS
    same_wt = (r.wt[ii] == r.wt[jj]) & (r.wt[ii] >= 0)
    # work types that differ may still agree when the specific work of one is named in the other's title too
    # (แผนงานยกระดับ…สู่ตลาด โครงการย่อยก่อสร้างถนน… names a road after its programme); not a building or
    # equipment, which contain or serve other works
    named_too = _named_too(r, ii, jj) & ~same_wt
    same_tambon = r.tambon[ii] == r.tambon[jj]
    va, vb = r.vmask[ii], r.vmask[jj]
    both_v = (va > 0) & (vb > 0)
    same_v = same_tambon & both_v & ((va & vb) != 0)
    both_pt = r.has_pt[ii] & r.has_pt[jj]
    dist = np.where(both_pt, np.hypot(r.x[ii] - r.x[jj], r.y[ii] - r.y[jj]), np.nan)
    diff_ch = r.channel[ii] != r.channel[jj]
    same_owner = (r.agency[ii] == r.agency[jj]) & ~diff_ch
    act_mis = (r.action[ii] > 0) & (r.action[jj] > 0) & (r.action[ii] != r.action[jj])
    # dredging restores a pond or canal that exists: "ฟื้นฟู" and "ขุดลอก" name one work, not repair against new
    dredge = np.int16(_CODES.index("dredging"))
    # (not when only a title's other words join them: ขุดลอกท่อระบายน้ำ cleans a drain, a new drain is built)
    act_mis &= ((r.wt[ii] != dredge) & (r.wt[jj] != dredge)) | named_too
    ba, bb = where.budget[ii], where.budget[jj]
    with np.errstate(invalid="ignore", divide="ignore"):
        b_ratio = np.where((ba > 0) & (bb > 0), np.maximum(ba, bb) / np.minimum(ba, bb), np.nan)
    # a title without a verb (a request ขอถนนลูกรัง…, a bare noun ถนนผิวแอสฟัลต์ สาย…) against a repair of that thing,
    # budgets close, two channels: the title does not say new or repair, and one work costs about the same (a repair
    # and a new build do not)
    action_open = (r.request[ii] & (r.action[jj] == 1)) | (r.request[jj] & (r.action[ii] == 1))
    action_open &= act_mis & (b_ratio <= BUDGET_CLOSE) & diff_ch
    act_mis &= ~action_open
    # developing a tourist spot is one work however it is worded (ยกระดับ… ก่อสร้างทางเดิน ลานจอดรถ / พัฒนา…
    # ปรับปรุงลานจอดรถ ทางเดิน): its upgrade and its new facilities are one scope when the budgets are close
    tourism = np.int16(_CODES.index("tourism"))
    action_open |= act_mis & (r.wt[ii] == tourism) & (r.wt[jj] == tourism) & (b_ratio <= BUDGET_CLOSE) & diff_ch
    act_mis &= ~action_open
    # one numbered village, two channels, budgets within 10 %: one estimate of one work, whatever verb each office
    # wrote (ติดตั้ง/ปรับปรุงหอกระจายข่าว…, ก่อสร้าง/ปรับปรุงถนนลูกรัง… at one price); a repair costs a fraction of a build
    action_open |= act_mis & same_v & diff_ch & (b_ratio <= BUDGET_SAME)
    act_mis &= ~action_open
    # (not within one agency's own list: its standard designs cost the same on purpose)
    budget_close = (b_ratio <= BUDGET_CLOSE) & ~same_owner
    budget_far = b_ratio > BUDGET_FAR
    # titles that name no place (กล้องวงจรปิด ต.รอบเมือง): the address, the work and the budget carry them
    no_place = r.no_place[ii] & r.no_place[jj] & same_tambon & same_wt & budget_close & (r.agency[ii] != r.agency[jj])
    score = (sim + W["same_work_type"] * same_wt + W["same_village"] * same_v
             + W["budget_close"] * budget_close + W["budget_far"] * budget_far + W["same_work_no_place"] * no_place
             + W["close"] * (both_pt & (dist <= p.distance_m / 4)) + W["far"] * (both_pt & (dist > p.distance_m))
             + W["different_channels"] * diff_ch + W["same_office"] * same_owner
             + W["other_tambon"] * (~same_tambon & ~both_pt))
    veto = np.full(n_cand, "", dtype=object)
    # work types agree when they are the same, one is unknown, or one is the family of the other
    # (dredging a pond improves a reservoir; a health centre is a building): not two members of one family
    wa, wb = r.wt[ii], r.wt[jj]
    # (a work named in the other's title joins two work types only in one village, and when the budgets do not
    # say another scope: a title also names the works it leads to, คลองผันน้ำ… - อ่างเก็บน้ำ…)
    named_too &= same_v & ~budget_far
    agree = (wa < 0) | (wb < 0) | (wa == wb) | (_FAMILY_OF[wa] == wb) | (_FAMILY_OF[wb] == wa) | named_too
    veto[~agree] = "work_type"
    veto[act_mis] = "action"
    veto[r.component[ii] != r.component[jj]] = "component"
    bought = np.isin(np.arange(len(_CODES) + 1), [_CODES.index("vehicle"), _CODES.index("equipment")])
    veto[bought[wa] | bought[wb]] = "procurement"
    # words a villager or a club writes (community, other channels) are read less surely than a plan's: what they
    # seem to name adds evidence, it does not set a pair aside on its own (a part, a structure's name)
    # (free text: a free-text channel and words of asking or explaining, or no verb: ขอทำฝาย…, ต้องการติดราว…
    # เหตุผล…; a villager who writes ก่อสร้างฝาย…ห้วยไผ่ like a plan names a stream)
    free = np.isin(np.asarray(r.channel_codes, dtype=object), FREE_TEXT_CHANNELS)[r.channel]
    if free.any() and "title" in frame.columns:  # (the titles of those rows only: a few in a real file)
        said = pd.Series(frame["title"].to_numpy(dtype=object)[free], dtype=object)
        free[free] = r.request[free] | said.str.contains(SPOKEN_RE, na=False).to_numpy(dtype=bool)
    formal = ~free[ii] & ~free[jj]
    veto[(r.part[ii] != r.part[jj]) & formal] = "part"
    veto[same_tambon & both_v & ((va & vb) == 0)] = "village"
    veto[(r.phase[ii] > 0) & (r.phase[jj] > 0) & (r.phase[ii] != r.phase[jj])] = "phase"
    # a title that says ระยะที่ 2 (or later) follows the one that names no phase: that one is the first
    veto[((r.phase[ii] > 1) & (r.phase[jj] == 0)) | ((r.phase[jj] > 1) & (r.phase[ii] == 0))] = "phase"
    veto[(r.tyear[ii] > 0) & (r.tyear[jj] > 0) & (r.tyear[ii] != r.tyear[jj])] = "title_year"
    multi = (r.fy[ii] != r.fy[jj]) & ((same_owner & (sim >= 0.95)) | (~diff_ch & (r.multi[ii] | r.multi[jj])))
    veto[multi] = "multi_year"
    # an activity held every year (training, a campaign, fire breaks…): next year's is another one
    veto[(r.fy[ii] != r.fy[jj]) & (r.recurring[ii] | r.recurring[jj])] = "yearly"
    # one work costs about the same in every office's estimate: two channels' budgets far beyond that are another
    # scope (a repair of a part against the whole build), whatever the titles say. (One office repeating one title
    # with two budgets is a line split in two, which the committee must see: not set aside.)
    veto[(b_ratio > BUDGET_SCOPE) & diff_ch] = "scope"
    # place and specification evidence needs the parsed titles: only for pairs that can still reach the threshold
    reach = (veto == "") & (sim >= MIN_SIMILARITY) & (score + W["shared_place"] + W["spec_agree"] >= p.threshold)
    # one work type (or family) in one tambon, villages not in conflict: the named places may still join them
    same_fam = (r.fam[ii] == r.fam[jj]) & (r.fam[ii] >= 0)
    maybe_place = ((veto == "") & same_fam & same_tambon & (sim >= MIN_SIMILARITY_SAME_PLACE)
                   & (score + W["shared_place"] + W["spec_agree"] + W["same_work_place"] >= p.threshold))
    reach |= maybe_place
    # one work type in one tambon, two channels and two agencies, budgets within BUDGET_ADDRESS: the address and the
    # budget may join them (checked below, after the places)
    # (or one work the vocabulary does not know, in one numbered village: a request in its own words; without the
    # village number this is not enough — real Budget Act lines of different works in one tambon often cost the
    # same round sum)
    unknown_one = ((wa < 0) != (wb < 0)) & same_v
    addr_cand = ((veto == "") & (same_wt | (named_too & (wa >= 0) & (wb >= 0)) | unknown_one) & same_tambon & diff_ch
                 & (r.agency[ii] != r.agency[jj])
                 & (b_ratio <= BUDGET_ADDRESS) & (sim >= MIN_SIMILARITY_ADDRESS))
    reach |= addr_cand
    sel = np.flatnonzero(reach)
    clock("scoring")
    shared = np.full(n_cand, None, dtype=object)
    spec = np.zeros(n_cand, dtype=np.int8)
    conflict = np.zeros(n_cand, dtype=bool)
    shared_road = np.zeros(n_cand, dtype=bool)
    shared_dry = np.zeros(n_cand, dtype=bool)  # a shared place that is not a river, canal or stream
    shared_named = np.zeros(n_cand, dtype=bool)  # a shared road or water (not only a village or landmark)
    structure = np.zeros(n_cand, dtype=bool)
    spec_same = np.zeros(n_cand, dtype=bool)
    if len(sel):
        a_t, b_t = r.title_id[ii[sel]], r.title_id[jj[sel]]
        sa, sb = r.cols.segment[a_t], r.cols.segment[b_t]
        ea, eb = r.cols.segment_ends[a_t], r.cols.segment_ends[b_t]
        # chainages that do not overlap, or two different named ends: another segment of one road
        other_segment = (sa[:, 1] <= sb[:, 0]) | (sb[:, 1] <= sa[:, 0])
        other_segment |= (ea >= 0) & (eb >= 0) & (ea != eb)
        veto[sel[other_segment]] = "segment"
        sel = sel[~other_segment]
        cmp = _places_compare(r, r.name_id[ii[sel]], r.name_id[jj[sel]], with_structure=False)
        shared[sel], conflict[sel], shared_road[sel], shared_dry[sel] = cmp.shared, cmp.conflict, cmp.road, cmp.dry
        shared_named[sel] = cmp.named
        # one village number in one tambon outweighs two village names read from the words (ผู้ใหญ่บ้านและ
        # ลูกบ้าน…, a hamlet's name, the village a reason mentions): numbers are written to locate, names vary
        conflict[sel] &= ~(cmp.villages_only & same_v[sel])
        # the places free text seems to name are often words of its reason (ห้วยแห้งหมด, ถนนเป็นหลุมลึก…): in one
        # numbered village a place shared counts, a place that differs does not
        conflict[sel] &= formal[sel] | ~same_v[sel]
        # two registration codes: two roads of the register (อจ.ถ.6-0010 / อจ.ถ.6-0011), whatever the route names
        veto[sel[cmp.codes]] = "road_code"
        veto[sel[cmp.routes & formal[sel]]] = "route"
        spec[sel] = _specs_compare(r.cols.specs[r.title_id[ii[sel]]], r.cols.specs[r.title_id[jj[sel]]])
        spec_same[sel] = _specs_same(r.cols.specs[r.title_id[ii[sel]]], r.cols.specs[r.title_id[jj[sel]]])
    # the same work and named place: one title names the structure in other words (ฝายกั้นน้ำห้วยไผ่ / ฝาย คสล.
    # ห้วยไผ่), so their structure names do not part them; a size in conflict or another named place does
    # (built works only: an event and a facility of one tourist spot are two things)
    activity = np.isin(np.arange(len(_CODES) + 1), [_CODES.index(c) for c in ("training", "tourism")])
    # (and two offices: one agency's own lines through one channel are separate on purpose)
    same_work_place = (shared_named & ~conflict & (spec >= 0) & same_fam & same_tambon & ~activity[wa]
                       & ~activity[wb] & ~same_owner & (veto == ""))
    # two offices naming one work in one village (same number, same village name) or naming no place at all:
    # what follows the work noun is their own description, not the names of two structures
    # (or one village or landmark name both give, in one tambon: a soi and a route of one village, a school's
    # toilet block written two ways, are one place described two ways)
    same_village_named = ((same_v | (same_tambon & shared_dry & same_fam)) & (shared != None)  # noqa: E711
                          & ~conflict & ~same_owner)
    # one length, area or volume to the metre, two offices: one design whatever the structure names
    spec_same &= ~conflict & ~same_owner
    # rule "address and budget": same tambon, same work type, budgets within 15 %, two channels and agencies, and
    # the same village (number or name) or a title that names no village at all; nothing in conflict
    va_none = (r.vmask[ii] == 0) & ~_has_village_name(r, r.name_id[ii], addr_cand)
    vb_none = (r.vmask[jj] == 0) & ~_has_village_name(r, r.name_id[jj], addr_cand)
    address = (addr_cand & ~conflict & (spec >= 0) & ~(both_v & ~same_v)
               & (same_v | (shared_dry & (shared != None)) | va_none | vb_none))  # noqa: E711
    # the structure names are compared only where they can still set a pair aside
    ask = np.zeros(n_cand, dtype=bool)
    ask[sel] = True
    ask &= ~same_work_place & ~same_village_named & ~no_place & ~spec_same & ~address & (veto == "") & formal
    asked = np.flatnonzero(ask)
    structure[asked] = _structures_differ(r, r.name_id[ii[asked]], r.name_id[jj[asked]])
    veto[structure & ask] = "structure"
    # one named road, lengths that differ by more than half: another segment of that road (the rest of the route)
    other_length = shared_road & (veto == "") & _lengths_differ(r, ii, jj)
    veto[other_length] = "segment"
    same_work_place &= veto == ""
    address &= veto == ""
    score = (score + W["shared_place"] * (shared != None) + W["place_conflict"] * conflict  # noqa: E711
             + W["spec_agree"] * (spec > 0) + W["spec_conflict"] * (spec < 0)
             + W["same_work_place"] * same_work_place + W["spec_same"] * spec_same)
    score = np.clip(score, 0.0, 1.0)
    by_address = address & (score < ADDRESS_BUDGET_SCORE)  # flagged on the address and budget only
    score = np.where(address, np.maximum(score, ADDRESS_BUDGET_SCORE), score)
    # two tambons (not both located): only the same named place, e.g. a road between them, makes it one work
    # and two located points farther apart than distance_m: only a shared named place (one long road) joins them;
    # a river is long: bank protection in two tambons is two stretches unless a village or landmark is shared
    far = both_pt & (dist > p.distance_m)
    along_water = (wa == _CODES.index("embankment")) | (wb == _CODES.index("embankment"))
    place_ok = (same_tambon & ~far) | (both_pt & ~far) | ((shared != None) & (~along_water | shared_dry))  # noqa: E711
    # a road's segment given by its chainage (ช่วง กม.4+500 - กม.5+000) far from the point of a title of that road
    # without one: another stretch of the road, whatever the shared route name
    seg_a, seg_b = ~np.isnan(r.cols.segment[r.title_id[ii], 0]), ~np.isnan(r.cols.segment[r.title_id[jj], 0])
    place_ok &= ~(far & (seg_a != seg_b))
    # village numbers count within a tambon: two tambons that both give theirs are two villages (unless one
    # road named by both joins them)
    veto[~same_tambon & ~both_pt & both_v & ~shared_road & (veto == "")] = "village"
    open_ = veto == ""
    high = ((sim >= MIN_SIMILARITY) | ((same_work_place | spec_same) & (sim >= MIN_SIMILARITY_SAME_PLACE)) | address
            ) & (score >= p.threshold)
    flagged = np.flatnonzero(open_ & high & place_ok)
    flagged, n_ambiguous = _one_village_each(r, ii, jj, flagged, score, b_ratio)
    labels, counts = np.unique(veto[~open_].astype(str), return_counts=True)
    set_aside = {str(k): int(c) for k, c in zip(labels, counts)}
    set_aside["score"] = int((open_ & ~high).sum())  # below the threshold
    set_aside["place"] = int((open_ & high & ~place_ok).sum())  # two places that no shared name joins
    set_aside["one_village"] = n_ambiguous  # a title without a village joined to a better match in another village
    if _TRACE is not None:  # diagnostics (benchmarks): every candidate's evidence
        _TRACE.update(ii=ii, jj=jj, sim=sim, score=score, veto=veto, place_ok=place_ok, shared=shared,
                      conflict=conflict, spec=spec, same_wt=same_wt, same_v=same_v, r=r)
    clock("places")
    rep(0.85, "ตรวจผลการพิจารณาเดิม")

    pid = frame["project_id"].astype(str).to_numpy(dtype=object)
    src = _text(frame, "source").to_numpy(dtype=object)
    hashes = (frame["content_hash"].astype(object).where(frame["content_hash"].notna(), "").to_numpy(dtype=object)
              if "content_hash" in frame.columns else np.full(r.n, "", dtype=object))
    decided = _latest_decisions(inputs.decisions)
    rows = []
    suppressed = 0
    for k in flagged.tolist():
        a, b = int(ii[k]), int(jj[k])
        d = decided.get(_pair_key(src[a], pid[a], src[b], pid[b]))
        decision = note = keep = ""
        if d is not None:
            unchanged = _hash_of(d, src[a], pid[a]) == hashes[a] and _hash_of(d, src[b], pid[b]) == hashes[b]
            if d["decision"] == "not_duplicate" and unchanged:
                suppressed += 1
                continue
            decision = d["decision"] if unchanged or d["decision"] != "not_duplicate" else "changed"
            note, keep = d.get("note") or "", d.get("keep") or ""
        th, en = _reasons(r, k, a, b, sim, same_wt, same_v, dist, diff_ch, act_mis, shared, conflict, spec, same_tambon,
                          same_work_place, (budget_close, budget_far, no_place), spec_same, by_address, action_open,
                          named_too)
        rows.append((a, b, float(score[k]), float(sim[k]), th, en, decision, keep, note,
                     None if np.isnan(dist[k]) else float(dist[k])))
    pairs = _pairs_frame(frame, rows, pid, src)
    clock("reasons")
    groups, members = _groups(frame, pairs, pid, src)
    pairs = pairs.sort_values(["group_id", "score"], ascending=[True, False], kind="stable").reset_index(drop=True)
    clock("groups")
    rep(1.0, "เสร็จ")
    return DuplicateResult(provenance=provenance, pairs=pairs, groups=groups, members=members,
                           candidates=n_cand, suppressed=suppressed, timings=clock.laps, set_aside=set_aside,
                           titles_read=titles_read)


def _bits(ids: np.ndarray) -> np.ndarray:
    """Per id (a work type or family index, -1 none): its bit in an int64 mask (0 for none)."""
    return np.where(ids >= 0, np.left_shift(np.int64(1), np.maximum(ids, 0).astype(np.int64)), np.int64(0))


#: work types that contain or serve other works: named in another title, they join no work types (_named_too)
_SPECIFIC = ~np.int64(sum(1 << i for i, w in enumerate(WORK_TYPES) if w.code in ("building", "equipment")))


def _named_too(r: _Rows, ii: np.ndarray, jj: np.ndarray) -> np.ndarray:
    """Per pair: whether the specific work type of one title (not a building or equipment) is named in the other."""
    return (((_bits(r.wt[ii]) & _SPECIFIC & r.work_mask[jj]) != 0)
            | ((_bits(r.wt[jj]) & _SPECIFIC & r.work_mask[ii]) != 0))


def _one_village_each(r: _Rows, ii: np.ndarray, jj: np.ndarray, flagged: np.ndarray, score: np.ndarray,
                      b_ratio: np.ndarray) -> tuple[np.ndarray, int]:
    """Flagged pairs kept, and how many were dropped: a title that names no village (a tambon-wide line) is one
    work at one village, so when it matches works at two different villages only its best match and the works of
    that village are kept: the closest budget among the matches scored within SCORE_TIE of the best (a title that
    names no village is about as similar to every village's title; its cost tells which one it is)."""
    if not len(flagged):
        return flagged, 0
    fa, fb = ii[flagged], jj[flagged]
    va, vb = r.vmask[fa], r.vmask[fb]
    side = np.concatenate([np.flatnonzero((va == 0) & (vb > 0)), np.flatnonzero((vb == 0) & (va > 0))])
    if len(side) < 2:
        return flagged, 0
    x = np.concatenate([fa[(va == 0) & (vb > 0)], fb[(vb == 0) & (va > 0)]])
    y = np.concatenate([fb[(va == 0) & (vb > 0)], fa[(vb == 0) & (va > 0)]])
    d = pd.DataFrame({"pos": side, "x": x, "v": r.vmask[y], "t": r.tambon[y], "s": score[flagged[side]],
                      "b": np.nan_to_num(b_ratio[flagged[side]], nan=9.0)})
    near_top = d["s"] >= d.groupby("x")["s"].transform("max") - SCORE_TIE
    d["rank"] = np.where(near_top, 0, 1)
    d = d.sort_values(["x", "rank", "b", "s"], ascending=[True, True, True, False], kind="stable")
    best = d.groupby("x").first()[["v", "t"]].rename(columns={"v": "bv", "t": "bt"})
    d = d.join(best, on="x")
    drop = d["pos"].to_numpy()[((d["v"] & d["bv"]) == 0).to_numpy() & (d["t"] == d["bt"]).to_numpy()]
    keep = np.ones(len(flagged), dtype=bool)
    keep[drop] = False
    return flagged[keep], int(len(drop))


def _reasons(r, k, a, b, sim, same_wt, same_v, dist, diff_ch, act_mis, shared, conflict, spec, same_tambon,
             work_place=None, budget=None, spec_same=None, by_address=None, action_open=None, named=None):
    th: list[str] = []
    en: list[str] = []
    if by_address is not None and by_address[k]:
        pct = round((BUDGET_ADDRESS - 1) * 100)
        th.append(f"ตรงกันเฉพาะที่อยู่และงบประมาณ (ประเภทงาน ตำบล หมู่บ้าน ปี งบประมาณต่างกันไม่เกิน {pct}%)")
        en.append(f"address and budget only (work type, tambon, village, year, budgets within {pct} %)")
        if r.wt[a] < 0 or r.wt[b] < 0:
            th.append("ไม่รู้จักประเภทงานของชื่อโครงการหนึ่ง")
            en.append("the work of one title is not recognised")
    if same_v[k]:
        v = [i for i in range(1, 63) if (r.vmask[a] & r.vmask[b]) >> i & 1]
        th.append(f"หมู่ที่ {v[0]} เดียวกัน")
        en.append(f"same village {v[0]}")
    if same_wt[k]:
        code = WORK_TYPES[int(r.wt[a])].code
        th.append(f"ประเภทงาน{work_type_label(code)}เหมือนกัน")
        en.append(f"same work type {work_type_label(code, 'en')}")
    elif named is not None and named[k]:
        one = a if r.wt[a] >= 0 and (r.work_mask[b] >> int(r.wt[a])) & 1 else b
        code = WORK_TYPES[int(r.wt[one])].code
        th.append(f"ชื่อโครงการทั้งสองระบุงาน{work_type_label(code)}")
        en.append(f"both titles name {work_type_label(code, 'en')} work")
    th.append(f"ชื่อคล้ายกัน {sim[k]:.2f}")
    en.append(f"title similarity {sim[k]:.2f}")
    if shared[k]:
        th.append(f"ชื่อสถานที่ตรงกัน {shared[k]}")
        en.append(f"same named place {shared[k]}")
    if work_place is not None and work_place[k]:
        th.append("งานประเภทเดียวกันที่สถานที่ชื่อเดียวกัน")
        en.append("same work at the same named place")
    if conflict[k]:
        th.append("ชื่อสถานที่ต่างกัน")
        en.append("different named places")
    if not np.isnan(dist[k]):
        dt, de = _fmt_distance(float(dist[k]))
        th.append(f"ห่างกัน {dt}")
        en.append(f"{de} apart")
    elif not same_tambon[k]:
        th.append("ตำบลติดกัน")
        en.append("adjacent tambons")
    else:
        th.append("ตำบลเดียวกัน")
        en.append("same tambon")
    if spec_same is not None and spec_same[k]:
        th.append("ขนาดงานเท่ากันทุกเมตร")
        en.append("the same length/area/volume")
    elif spec[k] > 0:
        th.append("ขนาดงานตรงกัน")
        en.append("sizes agree")
    elif spec[k] < 0:
        th.append("ขนาดงานต่างกัน")
        en.append("sizes differ")
    if budget is not None:
        close, far, no_place = budget
        if no_place[k]:
            th.append("ไม่ระบุสถานที่ทั้งคู่ งานเดียวกันในตำบลเดียวกัน")
            en.append("neither names a place: same work in the same tambon")
        if close[k]:
            th.append("งบประมาณใกล้เคียงกัน")
            en.append("budgets close")
        elif far[k]:
            th.append("งบประมาณต่างกันมาก")
            en.append("budgets far apart")
    if act_mis[k]:
        th.append("งานซ่อม/งานสร้างใหม่ต่างกัน")
        en.append("repair vs new construction")
    if action_open is not None and action_open[k]:
        th.append("ไม่ระบุชัดว่าซ่อมหรือสร้างใหม่ (ชื่อโครงการไม่มีคำกริยา งานแหล่งท่องเที่ยว "
                  "หรืองบประมาณเท่ากันในหมู่บ้านเดียวกัน)")
        en.append("repair or new not told apart (a title without a verb, a tourist-spot work, or one budget in one "
                  "village)")
    ca, cb = r.channel_codes[r.channel[a]], r.channel_codes[r.channel[b]]
    if diff_ch[k]:
        th.append(f"ช่องทางต่างกัน {ca}/{cb}")
        en.append(f"different channels {ca}/{cb}")
    elif r.agency[a] == r.agency[b]:
        th.append(f"หน่วยงานและช่องทางเดียวกัน {ca}")
        en.append(f"same agency and channel {ca}")
    else:
        th.append(f"ช่องทางเดียวกัน {ca}")
        en.append(f"same channel {ca}")
    if r.fy[a] != r.fy[b] and r.fy[a] > 0 and r.fy[b] > 0:
        th.append(f"ปี {r.fy[a]}/{r.fy[b]}")
        en.append(f"years {r.fy[a]}/{r.fy[b]}")
    return ", ".join(th), ", ".join(en)


def _pairs_frame(frame: pd.DataFrame, rows: list, pid, src) -> pd.DataFrame:
    cols = ["project_id_a", "project_id_b", "score", "reasons", "group_id", "source_a", "source_b",
            "title_a", "title_b", "similarity", "reasons_th", "reasons_en", "decision", "keep", "note",
            "distance_m", "row_a", "row_b"]
    if not rows:
        return pd.DataFrame(columns=cols)
    a, b, score, sim, th, en, decision, keep, note, dist = map(list, zip(*rows))
    titles = frame["title"].astype(str).to_numpy(dtype=object)
    a_arr, b_arr = np.asarray(a), np.asarray(b)
    out = pd.DataFrame({
        "project_id_a": pid[a_arr], "project_id_b": pid[b_arr], "score": np.round(score, 3),
        "reasons": [f"{t} ({e})" for t, e in zip(th, en)], "group_id": 0,
        "source_a": src[a_arr], "source_b": src[b_arr], "title_a": titles[a_arr], "title_b": titles[b_arr],
        "similarity": np.round(sim, 3), "reasons_th": th, "reasons_en": en, "decision": decision,
        "keep": keep, "note": note, "distance_m": dist, "row_a": a_arr, "row_b": b_arr,
    })
    return out[cols]


def _groups(frame: pd.DataFrame, pairs: pd.DataFrame, pid, src) -> tuple[pd.DataFrame, pd.DataFrame]:
    gcols = ["group_id", "size", "max_score", "total_budget", "budget_at_stake", "channels", "fiscal_years",
             "project_ids", "decisions"]
    mcols = ["group_id", "project_id", "source", "title", "channel", "agency", "fiscal_year", "budget",
             "tambon_code", "village_no", "row"]
    if len(pairs) == 0:
        return pd.DataFrame(columns=gcols), pd.DataFrame(columns=mcols)
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in zip(pairs["row_a"].tolist(), pairs["row_b"].tolist()):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    rows = np.array(sorted(parent))
    roots = np.array([find(x) for x in rows.tolist()])
    budget = (pd.to_numeric(frame["budget"], errors="coerce") if "budget" in frame.columns
              else pd.Series(np.nan, index=frame.index)).to_numpy(dtype=float)
    m = pd.DataFrame({"root": roots, "row": rows, "budget": budget[rows]})
    agg = m.groupby("root").agg(size=("row", "size"), total=("budget", "sum"), top=("budget", "max"))
    pair_root = np.array([find(a) for a in pairs["row_a"].tolist()], dtype=np.int64)
    best = pd.Series(pairs["score"].to_numpy(), index=pair_root).groupby(level=0).max()
    agg["max_score"] = best
    agg["at_stake"] = agg["total"] - agg["top"].fillna(0)
    agg = agg.sort_values(["max_score", "at_stake"], ascending=False)
    gid = pd.Series(np.arange(1, len(agg) + 1), index=agg.index)
    pairs["group_id"] = gid.reindex(pair_root).to_numpy()

    def col(name):
        return frame[name].to_numpy(dtype=object) if name in frame.columns else np.full(len(frame), None, dtype=object)

    members = pd.DataFrame({
        "group_id": gid.reindex(roots).to_numpy(), "project_id": pid[rows], "source": src[rows],
        "title": col("title")[rows], "channel": col("channel")[rows], "agency": col("agency")[rows],
        "fiscal_year": col("fiscal_year")[rows], "budget": budget[rows], "tambon_code": col("tambon_code")[rows],
        "village_no": col("village_no")[rows], "row": rows,
    }).sort_values(["group_id", "budget"], ascending=[True, False], kind="stable").reset_index(drop=True)
    groups = pd.DataFrame({
        "group_id": gid.to_numpy(), "size": agg["size"].to_numpy(), "max_score": agg["max_score"].round(3).to_numpy(),
        "total_budget": agg["total"].to_numpy(), "budget_at_stake": agg["at_stake"].to_numpy(),
    })
    # the text columns, one pass over the members (in their order) and the pairs
    channels: dict[int, set] = {}
    years: dict[int, set] = {}
    ids: dict[int, list] = {}
    for g, c, y, p in zip(members["group_id"].tolist(), members["channel"].tolist(),
                          members["fiscal_year"].tolist(), members["project_id"].tolist()):
        channels.setdefault(g, set()).add(str(c))
        years.setdefault(g, set()).add(str(y))
        ids.setdefault(g, []).append(p)
    decided: dict[int, set] = {}
    for g, d in zip(pairs["group_id"].tolist(), pairs["decision"].tolist()):
        s = decided.setdefault(g, set())
        if d:
            s.add(d)
    order = groups["group_id"].tolist()
    groups["channels"] = ["/".join(sorted(channels[g])) for g in order]
    groups["fiscal_years"] = ["/".join(sorted(years[g])) for g in order]
    groups["project_ids"] = [", ".join(ids[g]) for g in order]
    groups["decisions"] = [", ".join(sorted(decided.get(g, ()))) for g in order]
    return groups[gcols], members[mcols]


# ------------------------------------------------------------------------------------------- decisions

def _pair_key(sa, a, sb, b) -> tuple:
    x, y = (str(sa or ""), str(a)), (str(sb or ""), str(b))
    return (x, y) if x <= y else (y, x)


def _hash_of(d: dict, source, project_id) -> str:
    if (str(d.get("source_a") or ""), str(d["project_id_a"])) == (str(source or ""), str(project_id)):
        return d.get("hash_a") or ""
    return d.get("hash_b") or ""


def _latest_decisions(decisions: pd.DataFrame | None) -> dict[tuple, dict]:
    """The latest decision per pair (decisions are appended; the newest wins)."""
    if decisions is None or len(decisions) == 0:
        return {}
    d = decisions.copy()
    if "fid" in d.columns:
        d = d.sort_values("fid", kind="stable")
    out: dict[tuple, dict] = {}
    for rec in d.to_dict("records"):
        rec = {k: (None if isinstance(v, float) and np.isnan(v) else v) for k, v in rec.items()}
        out[_pair_key(rec.get("source_a"), rec["project_id_a"], rec.get("source_b"), rec["project_id_b"])] = rec
    return out


def _record(ws, ref) -> dict:
    if isinstance(ref, tuple):
        source, project_id = ref
        rows = ws.query("SELECT source, project_id, content_hash FROM projects WHERE source = ? AND project_id = ?",
                        (str(source), str(project_id)))
    else:
        rows = ws.query("SELECT source, project_id, content_hash FROM projects WHERE project_id = ?", (str(ref),))
    if not rows:
        raise AreaPlanError(f"ไม่พบโครงการ {ref}", f"no project {ref!r} in the workspace", field="project_id")
    if len(rows) > 1:
        raise AreaPlanError(
            f"รหัสโครงการ {ref} มีในหลายไฟล์ ({', '.join(r[0] for r in rows)}) ระบุเป็น (ไฟล์, รหัส)",
            f"project id {ref!r} exists in several sources; pass (source, project_id)", field="project_id")
    return {"source": rows[0][0], "project_id": rows[0][1], "hash": rows[0][2] or ""}


def record_decision(ws, a, b, decision: str, keep: str | None = None, note: str = "", reviewer: str = "") -> None:
    """Store one reviewer decision on a pair (with both records' hashes) in one transaction.

    `a` and `b` are project ids, or (source, project_id) when an id exists in several sources.
    `keep` is the project id to keep (for "duplicate"), or None.
    """
    from areaplan.workspace import now_iso

    if decision not in DECISIONS:
        raise AreaPlanError(f"ผลการพิจารณาต้องเป็น {', '.join(DECISIONS)} ได้ {decision!r}",
                            f"decision must be one of {DECISIONS}, got {decision!r}", field="decision")
    with ws.transaction():
        ra, rb = _record(ws, a), _record(ws, b)
        if keep is not None and str(keep) not in (ra["project_id"], rb["project_id"]):
            raise AreaPlanError(f"โครงการที่เก็บไว้ต้องเป็น {ra['project_id']} หรือ {rb['project_id']} ได้ {keep!r}",
                                f"keep must be one of the pair, got {keep!r}", field="keep")
        ws.write_table("duplicate_decisions", pd.DataFrame([{
            "project_id_a": ra["project_id"], "project_id_b": rb["project_id"], "decision": decision,
            "reviewer": reviewer, "note": note, "decided_at": now_iso(), "keep": keep,
            "source_a": ra["source"], "source_b": rb["source"], "hash_a": ra["hash"], "hash_b": rb["hash"],
        }]))


def save_title_features(ws, result: DuplicateResult) -> int:
    """Store the features of the titles a run read that the workspace (open, or its path) did not store yet (the
    next run reads them from there); returns how many (0 when the workspace cannot be written)."""
    import sqlite3

    if result.titles_read is None:
        return 0
    if isinstance(ws, (str, Path)):
        from areaplan.workspace import Workspace

        with Workspace.open(ws) as open_ws:
            return save_title_features(open_ws, result)
    try:
        return title_features.store(ws, *result.titles_read)
    except sqlite3.Error:  # read-only or busy: the next run reads those titles again
        return 0


def run_workspace(path_or_ws, *, progress=None, cancelled=None, **params) -> DuplicateResult:
    """Convenience: run on a workspace (path or open Workspace); titles read are stored for the next run."""
    from areaplan.workspace import Workspace

    if isinstance(path_or_ws, (str, Path)):
        with Workspace.open(path_or_ws) as ws:
            return run_workspace(ws, progress=progress, cancelled=cancelled, **params)
    result = run(DuplicateInputs.from_workspace(path_or_ws, **params), progress=progress, cancelled=cancelled)
    save_title_features(path_or_ws, result)
    return result


# ------------------------------------------------------------------------------------------- files

def inputs_from_files(paths, *, boundaries=None, progress: ProgressCallback | None = None,
                      **params) -> DuplicateInputs:
    """Inputs from a workspace (.gpkg holding projects) or from project files in the interchange formats.

    Project files (a CSV alone is enough) are read with the importers' readers and mapper into one frame,
    located by the AddressResolver (names, codes, free text) and by their coordinates; `boundaries` (a boundary
    file) adds tambon adjacency and the spatial join of points.
    """
    from areaplan.errors import InputFileError
    from areaplan.importers.columns import PROJECT_COLUMNS
    from areaplan.importers.pipeline import titles_ahead
    from areaplan.importers.projects import LocateContext, map_projects
    from areaplan.importers.registry import iter_tables
    from areaplan.locate.address import AddressResolver
    from areaplan.workspace import Workspace

    paths = [Path(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths)]
    rep = Reporter(progress)
    for path in paths:
        if not path.exists():
            raise InputFileError("ไม่พบไฟล์", "file not found", path=path)
    if len(paths) == 1 and paths[0].suffix.lower() == ".gpkg" and _is_workspace(paths[0]):
        with Workspace.open(paths[0]) as ws:
            inputs = DuplicateInputs.from_workspace(ws, **params)
        if boundaries is not None:
            inputs.tambons = read_boundaries(boundaries)[0]
        return inputs
    tambon, gazetteer = read_boundaries(boundaries) if boundaries else (None, None)
    empty = gpd.GeoDataFrame({"code": [], "parent_code": [], "village_no": []}, geometry=[], crs="EPSG:4326")
    ctx = LocateContext(tambon=tambon if tambon is not None else empty.assign(name_th=[], name_en=[]),
                        muban=empty, resolver=AddressResolver(gazetteer))
    frames: list[pd.DataFrame] = []
    seen: dict[str, int] = {}
    # many titles are read by a worker process while the rows are located here (the analysis reads the rest)
    reader = title_features.BackgroundReader()
    try:
        for i, path in enumerate(paths):
            rep(i / len(paths), f"อ่าน {path.name}")
            for raw in iter_tables(path, schema=PROJECT_COLUMNS):
                rep.check()
                reader.add(titles_ahead(raw))
                frames.append(map_projects(raw, ctx, seen_ids=seen).frame)
        known = reader.result()
    finally:
        reader.close()
    projects = gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs="EPSG:4326")
    return DuplicateInputs(projects, tambon, None, DuplicateParams(**params),
                           source="; ".join(str(p) for p in paths), stored_titles=known)


def _is_workspace(path: Path) -> bool:
    import sqlite3

    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return {"projects", "metadata", "duplicate_decisions"} <= names


def read_boundaries(path) -> tuple[gpd.GeoDataFrame | None, pd.DataFrame | None]:
    """(tambon polygons with code/names, gazetteer of names) from a boundary file (COD-AB or DOPA schema)."""
    from areaplan.importers.boundaries import map_boundaries
    from areaplan.importers.columns import PROJECT_COLUMNS
    from areaplan.importers.registry import iter_tables

    tambon, parts = None, []
    for raw in iter_tables(Path(path), schema=PROJECT_COLUMNS):
        mapped = map_boundaries(raw)
        if mapped.level == "muban":
            continue
        f = mapped.frame
        parts.append(pd.DataFrame({"code": f["code"], "name_th": f["name_th"], "name_en": f["name_en"],
                                   "parent_code": f["parent_code"], "level": mapped.level}))
        if mapped.level == "tambon":
            tambon = f[["code", "name_th", "name_en", "parent_code", "geometry"]]
    return tambon, (pd.concat(parts, ignore_index=True) if parts else None)
