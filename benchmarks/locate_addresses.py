"""Rows per second of AddressResolver.resolve_frame on real budget titles and 100k-row sets.

    python benchmarks/locate_addresses.py [--rows 100000] [--repeat 5] [--seed 1] [--distinct CSV]

Real data: ../shared/data/budget2565/projects_fy2565.csv (3,140 FY2565 titles, the place only in the
title). The synthetic set repeats those titles with village numbers 1–2, written either in the
village_no column or as "หมู่ที่ N" in front of the title (about 12k distinct addresses). Each run
uses a new resolver (cold caches); the one-off index build is timed separately. Medians are printed.

Distinct titles: 100,000 rows whose titles are (nearly) all different, as the project import sees them
(benchmarks/import_projects.py), resolved with the national COD-AB boundaries as the gazetteer
(../shared/data/thailand_admin.gpkg) the way the importer passes them. The titles are read from
/tmp/bench/projects_100k.csv (or --distinct CSV) when present, otherwise built from the real titles
with other work texts and village numbers. Timed cold: index build (geothai and gazetteer) included,
every cache emptied first. Target: ≤ 2.5 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from areaplan.locate.address import AddressResolver  # noqa: E402

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
PROJECTS = DATA / "budget2565" / "projects_fy2565.csv"
ADMIN = DATA / "thailand_admin.gpkg"
DISTINCT_CSV = Path("/tmp/bench/projects_100k.csv")
_WORKS = ("ก่อสร้างถนนคอนกรีตเสริมเหล็ก", "ขุดลอกคลอง", "ก่อสร้างฝายชะลอน้ำ", "ปรับปรุงระบบประปาหมู่บ้าน",
          "ติดตั้งไฟฟ้าส่องสว่าง", "ก่อสร้างรางระบายน้ำ", "ซ่อมแซมถนนลูกรัง", "ก่อสร้างศาลาอเนกประสงค์")


def synthetic(titles: pd.Series, rows: int, seed: int) -> pd.DataFrame:
    """`rows` rows drawn from the titles, each with a village number in the column or in the text."""
    rng = np.random.default_rng(seed)
    pick = rng.integers(0, len(titles), rows)
    village = rng.integers(1, 3, rows)
    in_text = rng.random(rows) < 0.25
    base = titles.to_numpy(dtype=object)[pick]
    title = np.where(in_text, [f"หมู่ที่ {v} {t}" for v, t in zip(village, base)], base)
    village_col = np.where(in_text, None, village.astype(object))
    return pd.DataFrame({"title": title, "village_no": village_col})


def distinct_titles(titles: pd.Series, rows: int, seed: int, csv: Path | None) -> tuple[pd.DataFrame, str]:
    """`rows` rows of (nearly) all-different titles, in the importer's address columns; and their source."""
    if csv is not None and csv.exists():
        title = pd.read_csv(csv, usecols=["title"], dtype=str)["title"].iloc[:rows]
        source = str(csv)
    else:
        # each real title with another work text in front and another village number: all different
        rng = np.random.default_rng(seed)
        base = titles.drop_duplicates().to_numpy(dtype=object)
        combos = len(base) * len(_WORKS) * 20
        pick = rng.choice(combos, size=min(rows, combos), replace=False)
        t, rest = np.divmod(pick, len(_WORKS) * 20)
        w, v = np.divmod(rest, 20)
        title = pd.Series([f"{_WORKS[wi]} หมู่ที่ {vi + 1} {base[ti]}" for ti, wi, vi in zip(t, w, v)])
        source = "real titles with other work texts and village numbers"
    n = len(title)
    none = [None] * n
    frame = pd.DataFrame({"tambon": none, "amphoe": none, "changwat": none, "location_text": none,
                          "title": title.to_numpy(dtype=object), "village_no": none})
    return frame, source


def cod_ab_gazetteer() -> pd.DataFrame | None:
    """The national boundaries' names as the importer hands them to AddressResolver (None if absent)."""
    if not ADMIN.exists():
        return None
    import pyogrio

    parts = []
    for layer, prefix, parent in (("changwat", "ADM1", None), ("amphoe", "ADM2", "ADM1"), ("tambon", "ADM3", "ADM2")):
        df = pyogrio.read_dataframe(ADMIN, layer=layer, read_geometry=False)
        parts.append(pd.DataFrame({
            "code": df[f"{prefix}_PCODE"].str.removeprefix("TH"),
            "name_th": df[f"{prefix}_TH"],
            "name_en": df[f"{prefix}_EN"],
            "parent_code": df[f"{parent}_PCODE"].str.removeprefix("TH") if parent else None,
            "level": layer,
        }))
    return pd.concat(parts, ignore_index=True)


def timed_cold(frame: pd.DataFrame, gazetteer: pd.DataFrame | None, repeat: int) -> tuple[float, float, pd.DataFrame]:
    """Median seconds of (index build, index build + resolve_frame) with every cache emptied first."""
    import gc

    import areaplan.locate.address as address_module

    builds, totals = [], []
    out = None
    for _ in range(repeat):
        for cached in (address_module._geothai_index, address_module._geothai_names, address_module._norm,
                       address_module._variants):
            if hasattr(cached, "cache_clear"):
                cached.cache_clear()
        gc.collect()
        t0 = time.perf_counter()
        resolver = AddressResolver(gazetteer)
        t1 = time.perf_counter()
        out = resolver.resolve_frame(frame)
        t2 = time.perf_counter()
        builds.append(t1 - t0)
        totals.append(t2 - t0)
        del resolver
    return statistics.median(builds), statistics.median(totals), out


def timed(frame: pd.DataFrame, repeat: int) -> tuple[float, pd.DataFrame]:
    """Median seconds of resolve_frame with a fresh resolver per run, and the last result."""
    AddressResolver()  # build the geothai index once, outside the timing
    times = []
    out = None
    for _ in range(repeat):
        resolver = AddressResolver()
        t0 = time.perf_counter()
        out = resolver.resolve_frame(frame)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def main(argv: list[str] | None = None) -> int:
    """Print rows/s for the real titles and the synthetic set."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--distinct", type=Path, default=DISTINCT_CSV, help="CSV with a title column (100k rows)")
    args = ap.parse_args(argv)
    if not PROJECTS.exists():
        print(f"real data not found at {PROJECTS}", file=sys.stderr)
        return 2
    titles = pd.read_csv(PROJECTS, dtype=str)["title"]

    t0 = time.perf_counter()
    import areaplan.locate.address as address_module

    address_module._geothai_index.cache_clear()
    address_module._geothai_names.cache_clear()
    AddressResolver()
    print(f"index build (geothai, once per process): {time.perf_counter() - t0:.2f} s")

    real = pd.DataFrame({"title": titles})
    seconds, out = timed(real, args.repeat)
    located = out["tambon_code"].notna().mean()
    print(
        f"real titles: {len(real):,} rows, {real['title'].nunique():,} distinct, "
        f"{seconds:.3f} s = {len(real) / seconds:,.0f} rows/s; located to a tambon {located:.2%}"
    )

    frame = synthetic(titles, args.rows, args.seed)
    distinct = len(frame.astype(str).drop_duplicates())
    seconds, out = timed(frame, args.repeat)
    located = out["tambon_code"].notna().mean()
    print(
        f"synthetic: {len(frame):,} rows, {distinct:,} distinct, "
        f"{seconds:.3f} s = {len(frame) / seconds:,.0f} rows/s; located to a tambon {located:.2%}"
    )

    frame, source = distinct_titles(titles, args.rows, args.seed, args.distinct)
    gazetteer = cod_ab_gazetteer()
    build, seconds, out = timed_cold(frame, gazetteer, args.repeat)
    located = out["tambon_code"].notna().mean()
    print(
        f"distinct titles ({source}): {len(frame):,} rows, {frame['title'].nunique():,} distinct, "
        f"gazetteer {'COD-AB, ' + format(len(gazetteer), ',') + ' areas' if gazetteer is not None else 'none'}; "
        f"cold {seconds:.3f} s (index build {build:.3f} s) = {len(frame) / seconds:,.0f} rows/s; "
        f"located to a tambon {located:.2%}; target ≤ 2.5 s: {'OK' if seconds <= 2.5 else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
