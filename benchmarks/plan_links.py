"""Plans ↔ areas at national scale: index build, area → plans, plan → areas, the area × agenda matrix.

    python benchmarks/plan_links.py [--projects 100000] [--plans 5000] [--queries 300] [--no-workspace]

Uses the real 77 changwat / 928 amphoe / 7,425 tambon codes and Thai names of ../shared/data/thailand_admin.gpkg
(a synthetic code grid when absent), with synthetic projects (village, tambon or amphoe precision, 1–3 plan
links) and plans at every level: national plans with empty coverage (whole country), region and cluster plans
with province codes, provincial, district and local plans whose area comes from their owner's name (the
jurisdiction rule, so it is exercised at scale), tambon and village plans with codes. Prints the time to write
and read the workspace, to build the PlanIndex, and per query (median, 95th percentile, max) for area → plans
(tambons, amphoe, changwat) and plan → areas (all levels of plan, national ones included), then the full
matrix. Targets: area → plans ≤ 50 ms, plan → areas ≤ 50 ms, matrix ≤ 2 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from areaplan.analyses import plan_checks, plan_matrix  # noqa: E402
from areaplan.analyses.plan_links import PlanIndex  # noqa: E402
from areaplan.vocab import AGENDAS  # noqa: E402

ADMIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "thailand_admin.gpkg"


def load_areas() -> tuple[pd.DataFrame, str]:
    """changwat/amphoe/tambon rows (code, name_th, name_en, parent_code, level)."""
    if ADMIN.exists():
        import pyogrio

        parts = []
        for level, n in (("changwat", 1), ("amphoe", 2), ("tambon", 3)):
            df = pyogrio.read_dataframe(ADMIN, layer=level, read_geometry=False)
            parent = df[f"ADM{n - 1}_PCODE"].str[2:] if n > 1 else None
            parts.append(pd.DataFrame({"code": df[f"ADM{n}_PCODE"].str[2:], "name_th": df[f"ADM{n}_TH"],
                                       "name_en": df[f"ADM{n}_EN"], "parent_code": parent, "level": level}))
        return pd.concat(parts, ignore_index=True), str(ADMIN)
    rows = []
    for c in range(10, 87):
        rows.append((f"{c}", f"จังหวัด{c}", f"P{c}", None, "changwat"))
        for a in range(1, 13):
            rows.append((f"{c}{a:02d}", f"อำเภอ{c}{a:02d}", f"A{c}{a:02d}", f"{c}", "amphoe"))
            for t in range(1, 9):
                rows.append((f"{c}{a:02d}{t:02d}", f"ตำบล{c}{a:02d}{t:02d}", "", f"{c}{a:02d}", "tambon"))
    return pd.DataFrame(rows, columns=["code", "name_th", "name_en", "parent_code", "level"]), "synthetic grid"


def synth(areas: pd.DataFrame, n_projects: int, n_plans: int, seed: int = 7):
    """(plans, plan_areas, projects, project_plans) at national scale."""
    rng = np.random.default_rng(seed)
    chw = areas[areas["level"] == "changwat"].reset_index(drop=True)
    amp = areas[areas["level"] == "amphoe"].reset_index(drop=True)
    tam = areas[areas["level"] == "tambon"].reset_index(drop=True)
    agendas = list(AGENDAS)
    plans: list[tuple] = []
    cov: list[tuple[str, str]] = []

    def add(pid, name, level, kind, agenda, owner, start, end, parent, codes=()):
        plans.append((pid, name, level, kind, agenda, owner, start, end, ";".join(codes) or None, parent))
        cov.extend((pid, c) for c in codes)

    for i in range(20):
        add(f"NAT{i}", f"แผนระดับชาติ {i}", "national", "agenda" if i % 2 else "area", agendas[i % 10] if i % 2
            else None, "สำนักงานสภาพัฒนาการเศรษฐกิจและสังคมแห่งชาติ", 2566, 2570, None)
    provinces = chw["code"].tolist()
    for i in range(30):
        codes = sorted(rng.choice(provinces, 15, replace=False).tolist())
        add(f"REG{i}", f"แผนภาค {i}", "region", "area", None, "สศช.", 2566, 2570, f"NAT{(i % 10) * 2}", codes)
    for i in range(90):
        codes = sorted(rng.choice(provinces, 5, replace=False).tolist())
        add(f"CL{i}", f"แผนกลุ่มจังหวัด {i}", "cluster", "agenda" if i % 3 == 0 else "area",
            agendas[i % 10] if i % 3 == 0 else None, "กลุ่มจังหวัด", 2566, 2570, f"REG{i % 30}", codes)
    for code, name in zip(chw["code"], chw["name_th"]):
        add(f"PV{code}", f"แผนพัฒนาจังหวัด{name}", "province", "area", None, f"จังหวัด{name}", 2566, 2570, "CL0")
        for fy in range(2567, 2571):
            add(f"PV{code}-{fy}", f"แผนปฏิบัติราชการ {fy} จังหวัด{name}", "province", "area", None,
                f"จังหวัด{name}", fy, fy, f"PV{code}")
        for j, ag in enumerate(("education", "agriculture", "environment", "safety", "health", "water")):
            add(f"AG{code}-{ag}", f"แผน{ag} จังหวัด{name}", "province", "agenda", ag,
                f"สำนักงาน{ag}จังหวัด{name}", 2566, 2570, f"PV{code}")
    for code, name in zip(amp["code"], amp["name_th"]):
        add(f"DI{code}", f"แผนพัฒนาอำเภอ{name}", "district", "area", None, f"ที่ทำการปกครองอำเภอ{name}", 2566, 2570,
            f"PV{code[:2]}")
    remaining = n_plans - len(plans)
    n_tb = max(0, remaining * 45 // 100)
    n_vl = max(0, remaining * 15 // 100)
    n_lc = max(0, remaining - n_tb - n_vl)
    picks = tam.iloc[rng.choice(len(tam), n_tb + n_vl + n_lc, replace=n_tb + n_vl + n_lc > len(tam))]
    for k, (code, name) in enumerate(zip(picks["code"], picks["name_th"])):
        if k < n_tb:
            add(f"TB{k}", f"แผนพัฒนาตำบล{name}", "tambon", "area", None, f"คณะกรรมการตำบล{name}", 2567, 2570,
                f"DI{code[:4]}", (code,))
        elif k < n_tb + n_vl:
            v = f"{code}{rng.integers(1, 12):02d}"
            add(f"VL{k}", f"แผนชุมชน {v}", "village", "area", None, "คณะกรรมการหมู่บ้าน", 2567, 2569, f"DI{code[:4]}",
                (v,))
        else:  # local governments: area from the owner's name (อบต.<tambon>), parent the provincial plan
            add(f"LC{k}", f"แผนพัฒนาท้องถิ่น อบต.{name}", "local", "area", None, f"องค์การบริหารส่วนตำบล{name}",
                2566, 2570, f"PV{code[:2]}")
    plans_df = pd.DataFrame(plans, columns=["plan_id", "name", "level", "kind", "agenda", "owner", "period_start",
                                            "period_end", "coverage", "parent_id"])
    plan_areas = pd.DataFrame(cov, columns=["plan_id", "area_code"])
    # projects
    t_idx = rng.integers(0, len(tam), n_projects)
    tcode = tam["code"].to_numpy()[t_idx]
    precision = rng.choice(["village", "tambon", "amphoe"], n_projects, p=[0.55, 0.4, 0.05])
    village = np.where(precision == "village", rng.integers(1, 15, n_projects), np.nan)
    projects = pd.DataFrame({
        "fid": np.arange(1, n_projects + 1), "source": "synthetic.csv",
        "project_id": [f"P{i:06d}" for i in range(n_projects)], "title": "ก่อสร้างถนนคอนกรีตเสริมเหล็ก",
        "channel": rng.choice(["province", "cluster", "function", "local", "community", "other"], n_projects),
        "agency": "หน่วยงาน", "fiscal_year": rng.integers(2566, 2571, n_projects),
        "budget": rng.lognormal(14, 1.2, n_projects).round(-3), "agenda": rng.choice(agendas, n_projects),
        "status": "proposed", "village_no": village,
        "tambon_code": np.where(precision == "amphoe", None, tcode),
        "amphoe_code": [c[:4] for c in tcode], "changwat_code": [c[:2] for c in tcode],
        "location_precision": precision,
    })
    # links: the provincial annual plan of the project's year, sometimes an agenda or district plan too
    pid = projects["project_id"].to_numpy()
    links = [pd.DataFrame({"project_id": pid, "plan_id": [f"PV{c}-{min(max(int(y), 2567), 2570)}" for c, y in zip(
        projects["changwat_code"], projects["fiscal_year"])]})]
    k = rng.random(n_projects) < 0.4
    links.append(pd.DataFrame({"project_id": pid[k], "plan_id": [f"AG{c}-{a}" if a in (
        "education", "agriculture", "environment", "safety", "health", "water") else f"DI{c2}" for c, a, c2 in zip(
        projects["changwat_code"][k], projects["agenda"][k], projects["amphoe_code"][k])]}))
    k = rng.random(n_projects) < 0.2
    links.append(pd.DataFrame({"project_id": pid[k], "plan_id": rng.choice(plans_df["plan_id"], int(k.sum()))}))
    project_plans = pd.concat(links, ignore_index=True).drop_duplicates().assign(source="synthetic.csv", how="import")
    return plans_df, plan_areas, projects, project_plans


def timed(fn, items) -> list[float]:
    out = []
    for item in items:
        t = time.perf_counter()
        fn(item)
        out.append((time.perf_counter() - t) * 1000)
    return out


def stats(ms: list[float]) -> str:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    return f"median {statistics.median(ms):6.2f} ms, p95 {p95:6.2f} ms, max {ms[-1]:6.2f} ms (n={len(ms)})"


def write_workspace(path: Path, areas, plans, plan_areas, projects, project_plans) -> None:
    """A workspace holding the synthetic data (boundary attributes without shapes)."""
    from areaplan.workspace import Workspace

    ws = Workspace.create(path, overwrite=True)
    with ws.transaction():
        for level, g in areas.groupby("level"):
            ws.write_table(level, g.drop(columns=["level"]))
        ws.write_table("plans", plans)
        ws.write_table("plan_areas", plan_areas)
        ws.write_table("projects", projects.drop(columns=["fid"]))
        ws.write_table("project_plans", project_plans)
    ws.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--plans", type=int, default=5_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--no-workspace", action="store_true", help="index the frames only (skip the GeoPackage)")
    args = parser.parse_args(argv)

    areas, source = load_areas()
    plans, plan_areas, projects, project_plans = synth(areas, args.projects, args.plans)
    counts = areas["level"].value_counts()
    print(f"areas ({source}): {counts.get('changwat', 0):,} changwat, {counts.get('amphoe', 0):,} amphoe, "
          f"{counts.get('tambon', 0):,} tambon; {len(plans):,} plans ({plans['coverage'].isna().sum():,} with empty "
          f"coverage), {len(projects):,} projects, {len(project_plans):,} project-plan links")
    if args.no_workspace:
        t = time.perf_counter()
        index = PlanIndex(areas, plans, projects, project_plans, plan_areas)
        print(f"build PlanIndex from frames: {time.perf_counter() - t:.2f} s")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "national.gpkg"
            t = time.perf_counter()
            write_workspace(path, areas, plans, plan_areas, projects, project_plans)
            print(f"write workspace: {time.perf_counter() - t:.2f} s")
            t = time.perf_counter()
            index = PlanIndex.from_path(path)
            print(f"read workspace + build PlanIndex: {time.perf_counter() - t:.2f} s")
    jur = index.coverage["source"].value_counts().to_dict()
    print(f"coverage rows by origin: {jur}; plans with unknown area: {len(index.unresolved):,}")

    rng = np.random.default_rng(3)
    tambons = index.level_codes["tambon"]
    q = args.queries
    for level, codes in (("tambon", rng.choice(tambons, q)), ("amphoe", rng.choice(index.level_codes["amphoe"], q)),
                         ("changwat", rng.choice(index.level_codes["changwat"], min(q, 77), replace=False))):
        index.area_links(codes[0])  # warm-up
        print(f"area → plans ({level:8s}): {stats(timed(index.area_links, codes.tolist()))}")
    sample = rng.choice(index.plans["plan_id"].to_numpy(), q).tolist()
    national = index.plans.loc[index.plans["level"] == "national", "plan_id"].tolist()
    index.plan_areas(sample[0])
    print(f"plan → areas (random)  : {stats(timed(index.plan_areas, sample))}")
    print(f"plan → areas (national): {stats(timed(index.plan_areas, national))}")
    by_level = index.plans.groupby("level")["plan_id"].first()
    for level, pid in by_level.items():
        ms = timed(index.plan_areas, [pid] * 5)
        print(f"  {level:9s} {pid:14s} {len(index.plan_areas(pid).areas):6,} areas  {statistics.median(ms):6.2f} ms")
    example = index.area_links(tambons[0])
    print(f"example: tambon {tambons[0]} touched by {example.totals['plans']} plans, "
          f"{example.totals['projects']} projects")
    t = time.perf_counter()
    result = plan_matrix.run(plan_matrix.MatrixInputs(index))
    print(f"matrix tambon × agenda: {time.perf_counter() - t:.2f} s ({len(result.cells):,} cells; "
          f"{(result.cells['gap'] != '').sum():,} gaps)")
    t = time.perf_counter()
    checks = plan_checks.run(plan_checks.ChecksInputs(index))
    print(f"checks: {time.perf_counter() - t:.2f} s {checks.counts()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
