"""Duplicate detection: quality on the labelled set, speed on 100,000 projects, and the real FY2565 file.

    .venv/bin/python benchmarks/duplicates.py [--eval] [--speed] [--real] [--n 100000]

--eval   precision / recall / F1 on tests/data/duplicates_eval.csv, overall and per hard-negative kind
--speed  100,000 projects with a national spread (tambons from ../shared/data/thailand_admin.gpkg or geothai),
         titles built from the structure of real budget titles; prints time, peak memory, candidate pairs
--real   ../shared/data/budget2565/projects_fy2565.csv (address only): groups flagged and 20 samples
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
EVAL_CSV = REPO / "tests" / "data" / "duplicates_eval.csv"
SHARED = REPO.parent / "shared" / "data"
KINDS = ("neighbour_village", "different_work_same_place", "later_phase", "later_year_repeat",
         "maintenance_vs_new", "same_tambon_name_other_amphoe", "same_road_other_segment")


def evaluate(path: Path = EVAL_CSV, **params) -> dict:
    """Run the analysis on the labelled CSV (read like the CLI reads it) and score its pairs."""
    from areaplan.analyses.duplicates import inputs_from_files, run

    truth = pd.read_csv(path, dtype=str, keep_default_na=False)
    result = run(inputs_from_files([path], **params))
    flagged = {frozenset(p) for p in zip(result.pairs["project_id_a"], result.pairs["project_id_b"])}
    true_pairs = set()
    for _, g in truth[truth["group_id"] != ""].groupby("group_id"):
        ids = g["project_id"].tolist()
        true_pairs |= {frozenset((a, b)) for i, a in enumerate(ids) for b in ids[i + 1:]}
    neg = truth[truth["hard_negative_of"] != ""]
    neg_pairs = {kind: {frozenset((a, b)) for a, b in zip(g["project_id"], g["negative_of_id"])}
                 for kind, g in neg.groupby("hard_negative_of")}
    tp = len(flagged & true_pairs)
    fp = len(flagged - true_pairs)
    fn = len(true_pairs - flagged)

    def prf(tp_, fp_, fn_):
        p = tp_ / (tp_ + fp_) if tp_ + fp_ else 1.0
        r = tp_ / (tp_ + fn_) if tp_ + fn_ else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    out = {"overall": (*prf(tp, fp, fn), tp, fp, fn), "kinds": {}, "result": result,
           "missed": sorted(tuple(sorted(x)) for x in true_pairs - flagged),
           "false": sorted(tuple(sorted(x)) for x in flagged - true_pairs)}
    for kind in KINDS:
        pairs = neg_pairs.get(kind, set())
        fp_k = len(flagged & pairs)
        # precision/F1 on the true pairs plus this kind's hard negatives only
        out["kinds"][kind] = (len(pairs), fp_k, *prf(tp, fp_k, fn))
    return out


def print_eval(ev: dict) -> None:
    p, r, f, tp, fp, fn = ev["overall"]
    print(f"evaluation set {EVAL_CSV.name}: precision {p:.3f} recall {r:.3f} F1 {f:.3f} (TP {tp}, FP {fp}, FN {fn})")
    print(f"{'hard-negative kind':32} {'pairs':>5} {'flagged':>7} {'P':>6} {'R':>6} {'F1':>6}")
    for kind, (n, fp_k, pk, rk, fk) in ev["kinds"].items():
        print(f"{kind:32} {n:5d} {fp_k:7d} {pk:6.3f} {rk:6.3f} {fk:6.3f}")
    if ev["missed"]:
        print("missed:", ", ".join("/".join(m) for m in ev["missed"]))
    if ev["false"]:
        print("false positives:", ", ".join("/".join(m) for m in ev["false"]))


# ------------------------------------------------------------------------------------------- speed

_HEADS = ("ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้าน{a}-บ้าน{b}", "ก่อสร้างถนน คสล. สายบ้าน{a}", "ปรับปรุงถนนลาดยาง สายบ้าน{a}-บ้าน{b}",
          "ก่อสร้างรางระบายน้ำ คสล. สายบ้าน{a}", "ขุดลอกคลอง{a}", "ก่อสร้างฝายห้วย{a}", "ก่อสร้างระบบประปาหมู่บ้าน บ้าน{a}",
          "ก่อสร้างเขื่อนป้องกันตลิ่งริมคลอง{a}", "ติดตั้งไฟฟ้าส่องสว่าง สายบ้าน{a}", "ก่อสร้างสะพาน คสล. ข้ามคลอง{a}",
          "ปรับปรุงอาคาร รพ.สต.บ้าน{a}", "ฝึกอบรมส่งเสริมอาชีพบ้าน{a}", "ติดตั้งกล้องวงจรปิด บ้าน{a}",
          "สถานีสูบน้ำด้วยไฟฟ้าพร้อมระบบส่งน้ำ บ้าน{a}", "แก้มลิงหนอง{a} พร้อมอาคารประกอบ")
_NAMES = ("หนองบัว", "โนนสะอาด", "ดอนแดง", "ทุ่งใหญ่", "ควนลัง", "นาสาร", "ป่าตึง", "ท่าช้าง", "โคกกลาง", "หัวนา", "นาแค",
          "หนองแวง", "โพนทอง", "ห้วยทราย", "ควนเนียง", "ป่ายาง", "แม่ขาน", "หนองหว้า", "บ่อแก้ว", "ดงเย็น", "นาดี", "วังหิน")


def synthetic(n: int, seed: int = 7):
    """n projects spread over Thailand's tambons, titles in the structure of real budget titles."""
    import geopandas as gpd
    import shapely

    rng = np.random.default_rng(seed)
    admin = SHARED / "thailand_admin.gpkg"
    if admin.exists():
        tam = gpd.read_file(admin, layer="tambon")
        tam = gpd.GeoDataFrame({"code": tam["ADM3_PCODE"].str[2:], "name": tam["ADM3_TH"],
                                "amphoe": tam["ADM2_TH"], "changwat": tam["ADM1_TH"]}, geometry=tam.geometry,
                               crs="EPSG:4326")
    else:  # geothai names without boundaries: same-tambon blocking only
        from areaplan.locate.address import _geothai_index  # noqa: PLC2701

        raise SystemExit(f"{admin} not found; the speed benchmark needs tambon polygons ({_geothai_index})")
    t = rng.integers(0, len(tam), n)
    heads = np.asarray(_HEADS, dtype=object)[rng.integers(0, len(_HEADS), n)]
    a = np.asarray(_NAMES, dtype=object)[rng.integers(0, len(_NAMES), n)]
    b = np.asarray(_NAMES, dtype=object)[rng.integers(0, len(_NAMES), n)]
    v = rng.integers(1, 16, n)
    spec = rng.choice(["", " กว้าง 5 เมตร ยาว 200 เมตร หนา 0.15 เมตร", " ระยะทาง 1.200 กิโลเมตร", " 1 แห่ง"], n)
    names = tam["name"].to_numpy(dtype=object)[t]
    amph = tam["amphoe"].to_numpy(dtype=object)[t]
    chw = tam["changwat"].to_numpy(dtype=object)[t]
    titles = [f"{h.format(a=x, b=y)} หมู่ที่ {vv} ตำบล{nm} อำเภอ{am} จังหวัด{cw}{sp}"
              for h, x, y, vv, nm, am, cw, sp in zip(heads, a, b, v.tolist(), names, amph, chw, spec)]
    pts = shapely.point_on_surface(tam.geometry.values)[t]
    located = rng.random(n) < 0.5
    jitter = rng.normal(0, 0.01, (n, 2))
    geoms = np.where(located, shapely.points(shapely.get_x(pts) + jitter[:, 0], shapely.get_y(pts) + jitter[:, 1]), None)
    frame = gpd.GeoDataFrame({
        "project_id": [f"P{i:06d}" for i in range(n)], "title": titles,
        "channel": rng.choice(["province", "local", "function", "community", "cluster"], n),
        "agency": rng.choice(["อบต.", "ทต.", "จังหวัด", "กรมทางหลวงชนบท", "กรมทรัพยากรน้ำ"], n),
        "fiscal_year": rng.integers(2566, 2570, n), "budget": rng.integers(1, 100, n) * 50_000,
        "tambon_code": tam["code"].to_numpy(dtype=object)[t], "village_no": v,
        "location_precision": np.where(located, "point", "village"), "source": "synthetic",
    }, geometry=gpd.GeoSeries(geoms, crs="EPSG:4326"), crs="EPSG:4326")
    return frame, tam[["code", "geometry"]]


def speed(n: int) -> None:
    from areaplan.analyses.duplicates import DuplicateInputs, run

    frame, tam = synthetic(n)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    result = run(DuplicateInputs(frame, tam, None))
    dt = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{n:,} projects, {len(tam):,} tambons: {dt:.2f} s, peak RSS {peak / 1024:.0f} MiB "
          f"(before the run {before / 1024:.0f} MiB), {result.candidates:,} candidate pairs compared, "
          f"{len(result.pairs):,} pairs flagged in {len(result.groups):,} groups")


# ------------------------------------------------------------------------------------------- real data

def real(samples: int = 20) -> None:
    from areaplan.analyses.duplicates import inputs_from_files, run

    path = SHARED / "budget2565" / "projects_fy2565.csv"
    if not path.exists():
        print(f"{path} not found; skipped")
        return
    t0 = time.perf_counter()
    inputs = inputs_from_files([path])
    t1 = time.perf_counter()
    result = run(inputs)
    dt = time.perf_counter() - t1
    proj = inputs.projects
    located = proj["tambon_code"].notna().sum()
    print(f"FY2565: {len(proj):,} projects ({located:,} resolved to a tambon) read in {t1 - t0:.1f} s; "
          f"duplicates {dt:.2f} s; {result.candidates:,} candidate pairs; {len(result.pairs):,} pairs in "
          f"{len(result.groups):,} groups; budget at stake {result.groups['budget_at_stake'].sum():,.0f} baht")
    # multi-year obligations repeat one title with different years: none of them may be flagged
    fy = proj.set_index("project_id")["fiscal_year"]
    same_title_diff_year = sum(1 for a, b, ta, tb in zip(result.pairs.project_id_a, result.pairs.project_id_b,
                                                          result.pairs.title_a, result.pairs.title_b)
                               if ta == tb and fy.get(a) != fy.get(b))
    print(f"flagged pairs that repeat one title in different years (multi-year obligations): {same_title_diff_year}")
    pairs_by_group = result.pairs.groupby("group_id")
    for gid in result.groups["group_id"].head(samples):
        g = result.groups[result.groups.group_id == gid].iloc[0]
        print(f"\n# group {gid}: {g['size']} projects, channels {g['channels']}, years {g['fiscal_years']}, "
              f"total {g['total_budget']:,.0f}, at stake {g['budget_at_stake']:,.0f}")
        for _, m in result.members[result.members.group_id == gid].iterrows():
            print(f"  {m['project_id']} [{m['channel']}/{m['fiscal_year']}] {str(m['title'])[:150]}")
        for _, p in pairs_by_group.get_group(gid).head(3).iterrows():
            print(f"  → {p['project_id_a']}–{p['project_id_b']} {p['score']:.2f}: {p['reasons']}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", action="store_true")
    ap.add_argument("--speed", action="store_true")
    ap.add_argument("--real", action="store_true")
    ap.add_argument("--n", type=int, default=100_000)
    args = ap.parse_args(argv)
    every = not (args.eval or args.speed or args.real)
    if args.eval or every:
        print_eval(evaluate())
        print(Counter())  if False else None
    if args.speed or every:
        speed(args.n)
    if args.real or every:
        real()


if __name__ == "__main__":
    main()
