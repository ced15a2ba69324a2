"""Duplicate detection: quality on labelled sets, speed on 100,000 projects, and the real FY2565 file.

    .venv/bin/python benchmarks/duplicates.py [--eval [PATH]]... [--speed] [--real] [--n 100000]

--eval PATH  precision / recall / F1 on a labelled CSV, overall and per hard-negative kind; repeatable;
             ``--eval`` alone (or no option at all) = every tests/data/duplicates_eval*.csv present
--speed      100,000 projects with a national spread (tambons from ../shared/data/thailand_admin.gpkg), titles
             built from the structure of real budget titles; prints the time per stage, CPU seconds (this
             process and the worker processes), peak memory and the candidate pairs compared
--speed-workspace  the same projects imported into a workspace with the national boundaries (the import stores
             what the titles say), then the analysis on that workspace run twice, each step in a fresh process
--real       ../shared/data/budget2565/projects_fy2565.csv (address only, tambons from the boundary file):
             groups flagged and 20 sample groups
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
EVAL_CSV = REPO / "tests" / "data" / "duplicates_eval.csv"
EVAL_GLOB = "duplicates_eval*.csv"
SHARED = REPO.parent / "shared" / "data"
KINDS = ("neighbour_village", "different_work_same_place", "later_phase", "later_year_repeat",
         "maintenance_vs_new", "same_tambon_name_other_amphoe", "same_road_other_segment")


def evaluate(path: Path = EVAL_CSV, **params) -> dict:
    """Run the analysis on the labelled CSV (read like the CLI reads it) and score its pairs."""
    import pandas as pd

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

    out = {"path": Path(path), "overall": (*prf(tp, fp, fn), tp, fp, fn), "kinds": {}, "result": result,
           "missed": sorted(tuple(sorted(x)) for x in true_pairs - flagged),
           "false": sorted(tuple(sorted(x)) for x in flagged - true_pairs)}
    for kind in (*KINDS, *sorted(set(neg_pairs) - set(KINDS))):
        pairs = neg_pairs.get(kind, set())
        fp_k = len(flagged & pairs)
        # precision/F1 on the true pairs plus this kind's hard negatives only
        out["kinds"][kind] = (len(pairs), fp_k, *prf(tp, fp_k, fn))
    return out


def print_eval(ev: dict) -> None:
    p, r, f, tp, fp, fn = ev["overall"]
    print(f"evaluation set {ev['path'].name}: precision {p:.3f} recall {r:.3f} F1 {f:.3f} (TP {tp}, FP {fp}, FN {fn})")
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
    import numpy as np
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


STAGES = {
    "titles": "อ่านชื่อโครงการ (title features; worker processes; places prepared meanwhile)",
    "prepare": "จัดเตรียมคอลัมน์ (columns per row)",
    "candidates": "หาคู่ที่ต้องเปรียบเทียบ (blocking)",
    "similarity": "ความคล้ายของชื่อ (rapidfuzz cpdist)",
    "scoring": "คะแนนและข้อยกเว้น (evidence, vetoes)",
    "places": "สถานที่ ขนาด ช่วงถนน (places, sizes, segments)",
    "reasons": "เหตุผลของคู่ที่พบ (reasons of flagged pairs)",
    "groups": "กลุ่ม (groups, budget at stake)",
}


def speed(n: int) -> None:
    """Time one run on n synthetic projects; print the stages, CPU, memory and candidate pairs."""
    from areaplan.analyses.duplicates import DuplicateInputs, run

    frame, tam = synthetic(n)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    kids0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    result = run(DuplicateInputs(frame, tam, None))
    dt = time.perf_counter() - t0
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    kids1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = cpu1.ru_maxrss
    main_cpu = cpu1.ru_utime + cpu1.ru_stime - cpu0.ru_utime - cpu0.ru_stime
    kids_cpu = kids1.ru_utime + kids1.ru_stime - kids0.ru_utime - kids0.ru_stime
    print(f"{'stage':12} {'seconds':>8}")
    for stage, secs in result.timings.items():
        print(f"{stage:12} {secs:8.2f}  {STAGES.get(stage, '')}")
    print(f"{'total':12} {dt:8.2f}")
    print(f"{n:,} projects, {len(tam):,} tambons: {dt:.2f} s wall, CPU {main_cpu:.2f} s here + {kids_cpu:.2f} s in "
          f"worker processes, peak RSS {peak / 1024:.0f} MiB here (before the run {before / 1024:.0f} MiB), "
          f"{result.candidates:,} candidate pairs compared, "
          f"{len(result.pairs):,} pairs flagged in {len(result.groups):,} groups")
    load = Path("/proc/loadavg")
    if load.exists():
        print(f"load average while measuring (other programs share the cores): {load.read_text().split()[0]}")


def speed_workspace(n: int, keep: Path | None = None) -> None:
    """The same projects imported into a workspace with the national boundaries (the import stores what the
    titles say), then the analysis on the workspace, each in a fresh process: the app's and the CLI's case."""
    import subprocess
    import tempfile

    import numpy as np

    frame, tam = synthetic(n)
    import geopandas as gpd

    names = gpd.read_file(SHARED / "thailand_admin.gpkg", layer="tambon", columns=["ADM3_PCODE", "ADM3_TH", "ADM2_TH",
                                                                                 "ADM1_TH"], ignore_geometry=True)
    names = names.assign(code=names["ADM3_PCODE"].str[2:]).set_index("code")
    row = names.loc[frame["tambon_code"].to_numpy()]
    located = frame.geometry.notna().to_numpy()
    csv_frame = frame[["project_id", "title", "channel", "agency", "fiscal_year", "budget", "village_no"]].assign(
        tambon=row["ADM3_TH"].to_numpy(), amphoe=row["ADM2_TH"].to_numpy(), changwat=row["ADM1_TH"].to_numpy(),
        lon=np.where(located, frame.geometry.x.where(located), np.nan),
        lat=np.where(located, frame.geometry.y.where(located), np.nan))
    with tempfile.TemporaryDirectory() as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        csv = folder / "projects.csv"
        csv_frame.to_csv(csv, index=False)
        ws_path = folder / "national.gpkg"
        for step in ("boundaries", "import", "duplicates", "duplicates"):
            subprocess.run([sys.executable, __file__, "--step", step, str(ws_path), str(csv)], check=True)


def step(what: str, ws_path: Path, csv: Path) -> None:
    """One step of :func:`speed_workspace` in this (fresh) process."""
    from areaplan.importers.pipeline import import_file
    from areaplan.workspace import Workspace

    t0 = time.perf_counter()
    if what == "boundaries":
        with Workspace.create(ws_path, overwrite=True) as ws:
            import_file(ws, SHARED / "thailand_admin.gpkg", "boundaries")
        print(f"national boundaries imported in {time.perf_counter() - t0:.1f} s")
    elif what == "import":
        with Workspace.open(ws_path) as ws:
            report = import_file(ws, csv, "projects")
        print(f"import: {report.rows_read:,} projects in {time.perf_counter() - t0:.2f} s (titles read and stored by "
              f"a worker process meanwhile), peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    else:
        from areaplan.analyses.duplicates import DuplicateInputs, run, save_title_features

        with Workspace.open(ws_path) as ws:
            t1 = time.perf_counter()
            inputs = DuplicateInputs.from_workspace(ws)
            t2 = time.perf_counter()
            result = run(inputs)
            t3 = time.perf_counter()
            save_title_features(ws, result)
        read = 0 if result.titles_read is None else len(result.titles_read[0])
        laps = ", ".join(f"{k} {v:.2f}" for k, v in result.timings.items())
        print(f"duplicates on the workspace: analysis {t3 - t2:.2f} s ({laps}); reading the workspace (projects, "
              f"boundaries, decisions, stored title features) {t2 - t1:.2f} s; {time.perf_counter() - t0:.2f} s "
              f"in all (modules loaded at first use included); {read:,} titles were not stored and were read now; "
              f"{result.candidates:,} candidate pairs, {len(result.pairs):,} pairs flagged; peak RSS "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


# ------------------------------------------------------------------------------------------- real data

def real(samples: int = 20) -> None:
    from areaplan.analyses.duplicates import inputs_from_files, run

    path = SHARED / "budget2565" / "projects_fy2565.csv"
    if not path.exists():
        print(f"{path} not found; skipped")
        return
    boundaries = SHARED / "thailand_admin.gpkg"
    t0 = time.perf_counter()
    inputs = inputs_from_files([path], boundaries=boundaries if boundaries.exists() else None)
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
    print("candidate pairs set aside, per rule:", ", ".join(f"{k} {v:,}" for k, v in result.set_aside.items()))
    pairs_by_group = result.pairs.groupby("group_id")
    for gid in result.groups["group_id"].head(samples):
        g = result.groups[result.groups.group_id == gid].iloc[0]
        print(f"\n# group {gid}: {g['size']} projects, channels {g['channels']}, years {g['fiscal_years']}, "
              f"total {g['total_budget']:,.0f}, at stake {g['budget_at_stake']:,.0f}")
        for _, m in result.members[result.members.group_id == gid].iterrows():
            print(f"  {m['project_id']} [{m['channel']}/{m['fiscal_year']}] {str(m['title'])[:150]}")
        for _, p in pairs_by_group.get_group(gid).head(3).iterrows():
            print(f"  → {p['project_id_a']}–{p['project_id_b']} {p['score']:.2f}: {p['reasons']}")


def eval_paths(chosen: list | None) -> list[Path]:
    """The labelled sets to measure: those named, else every tests/data/duplicates_eval*.csv present."""
    if chosen:
        return [Path(p) for p in chosen]
    return sorted((REPO / "tests" / "data").glob(EVAL_GLOB))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", nargs="?", action="append", const="", metavar="PATH",
                    help="a labelled CSV (repeatable); alone: every tests/data/duplicates_eval*.csv")
    ap.add_argument("--speed", action="store_true")
    ap.add_argument("--real", action="store_true")
    ap.add_argument("--speed-workspace", action="store_true")
    ap.add_argument("--keep", type=Path, help="keep the workspace and CSV of --speed-workspace in this folder")
    ap.add_argument("--step", nargs=3, help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, default=100_000)
    args = ap.parse_args(argv)
    if args.step:
        step(args.step[0], Path(args.step[1]), Path(args.step[2]))
        return
    if args.speed_workspace:
        speed_workspace(args.n, args.keep)
        return
    every = not (args.eval or args.speed or args.real)
    if args.eval or every:
        for path in eval_paths([p for p in (args.eval or []) if p]):
            print_eval(evaluate(path))
            print()
    if args.speed or every:
        speed(args.n)
    if args.real or every:
        real()


if __name__ == "__main__":
    main()
