"""Rows per second of AddressResolver.resolve_frame on real budget titles and a 100k-row synthetic set.

    python benchmarks/locate_addresses.py [--rows 100000] [--repeat 5] [--seed 1]

Real data: ../shared/data/budget2565/projects_fy2565.csv (3,140 FY2565 titles, the place only in the
title). The synthetic set repeats those titles with village numbers 1–2, written either in the
village_no column or as "หมู่ที่ N" in front of the title (about 12k distinct addresses). Each run
uses a new resolver (cold caches); the one-off index build is timed separately. Medians are printed.
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
