"""Offline web map: export time and how fast the page opens in headless Chromium (target: 10,000 projects ≤ 3 s).

    .venv/bin/python benchmarks/webmap.py [--n 10000] [--runs 5] [--duplicates none|decisions|run] [--keep DIR]

Builds a workspace from the demo one (Songkhla: 127 tambons, 216 flood zones, 35 plans) with N projects (the
demo's 1,500 repeated with new ids and points moved up to ~1 km, their plan links repeated), exports the web
map, then opens it in Chromium through the DevTools protocol (over a pipe, network namespace of its own when
`unshare -n` works) and reports, per run:

- ready: from navigation start to the page's own signal that every layer, including the clustered projects,
  is built and a frame with them is painted (``data-ap-ready-ms``, the page's performance.now());
- load: the navigation's loadEventEnd; wall: the same from this script's side (send navigate → ready seen);
- requests: URLs the page asked for that were not file: or data: (must be 0: the page is offline).

The first run is a cold browser; later runs reload the page in the same browser (disk cache may help).
Figures on this 2-core machine are noisy while other work runs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEMO = REPO / "sample_data" / "demo_songkhla.gpkg"


def build_workspace(path: Path, n: int, seed: int = 7) -> Path:
    """A copy of the demo workspace holding n projects (the demo's repeated, moved, with new ids).

    The pairs the duplicate analysis flags in the demo are stored as reviewer decisions ("duplicate") for the
    demo and for each copy, so `--duplicates decisions` maps flags at the demo's density (54 pairs per 1,500).
    """
    import shapely

    from areaplan.analyses.duplicates import run_workspace
    from areaplan.workspace import Workspace

    shutil.copy(DEMO, path)
    rng = np.random.default_rng(seed)
    flagged = run_workspace(path).pairs
    with Workspace.open(path) as ws:
        base = ws.read_layer("projects").drop(columns=["fid"])
        links = ws.read_table("project_plans").drop(columns=["fid"])
        reps = -(-n // len(base))
        decisions = pd.DataFrame({"project_id_a": flagged["project_id_a"], "project_id_b": flagged["project_id_b"],
                                  "source_a": flagged["source_a"], "source_b": flagged["source_b"],
                                  "decision": "duplicate", "reviewer": "benchmark"})
        copies = [decisions] + [decisions.assign(project_id_a=decisions["project_id_a"] + f"-R{k}",
                                                 project_id_b=decisions["project_id_b"] + f"-R{k}")
                                for k in range(1, reps)]
        ws.write_table("duplicate_decisions", pd.concat(copies, ignore_index=True))
        parts, link_parts = [], []
        for k in range(1, reps):
            part = base.copy()
            part["project_id"] = part["project_id"] + f"-R{k}"
            pts = shapely.point_on_surface(part.geometry.to_numpy())
            moved = shapely.points(shapely.get_x(pts) + rng.uniform(-0.01, 0.01, len(part)),
                                   shapely.get_y(pts) + rng.uniform(-0.01, 0.01, len(part)))
            part = part.set_geometry(moved)
            part["location_precision"] = "point"
            parts.append(part)
            link_parts.append(links.assign(project_id=links["project_id"] + f"-R{k}"))
        if parts:
            extra = pd.concat(parts, ignore_index=True).iloc[: n - len(base)]
            ws.write_layer("projects", extra.set_crs("EPSG:4326", allow_override=True))
            kept = set(extra["project_id"])
            more = pd.concat(link_parts, ignore_index=True)
            ws.write_table("project_plans", more[more["project_id"].isin(kept)])
    return path


class DevTools:
    """A Chromium driven through the DevTools protocol over --remote-debugging-pipe (no websocket needed)."""

    def __init__(self, chromium: str, profile: Path) -> None:
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        netns = []
        unshare = shutil.which("unshare")
        if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0:
            netns = [unshare, "-n"]
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
                 f"--user-data-dir={profile}", "--window-size=1280,900", "--remote-debugging-pipe"]
        script = f'exec "$@" 3<&{to_chrome_r} 4>&{from_chrome_w}'
        self.proc = subprocess.Popen([*netns, "sh", "-c", script, "sh", chromium, *flags],
                                     pass_fds=(to_chrome_r, from_chrome_w),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next = 0
        self.events: list[dict] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page.enable", "Network.enable", "Runtime.enable"):
            self.call(domain, session=True)

    def _read(self) -> dict:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_chrome, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, session: bool = False, **params) -> dict:
        """Send one command and wait for its answer (events that arrive meanwhile are kept)."""
        self._next += 1
        message = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def evaluate(self, expression: str):
        """The value of a JavaScript expression in the page."""
        return self.call("Runtime.evaluate", session=True, expression=expression,
                         returnByValue=True)["result"].get("value")

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self._to_chrome)
        os.close(self._from_chrome)


def open_page(tools: DevTools, url: str, timeout: float = 60.0) -> dict:
    """Navigate, wait for the page's ready signal; timings in ms and the off-line request count."""
    tools.call("Page.navigate", session=True, url="about:blank")
    tools.events.clear()
    start = time.perf_counter()
    tools.call("Page.navigate", session=True, url=url)
    ready = None
    while ready is None and time.perf_counter() - start < timeout:
        ready = tools.evaluate("document.documentElement.getAttribute('data-ap-ready-ms')")
        if ready is None:
            time.sleep(0.01)
    wall = (time.perf_counter() - start) * 1000
    if ready is None:
        raise RuntimeError(f"the page did not signal ready within {timeout:.0f} s")
    nav = tools.evaluate("JSON.stringify(performance.getEntriesByType('navigation')[0].toJSON())")
    nav = json.loads(nav)
    urls = [e["params"]["request"]["url"] for e in tools.events if e.get("method") == "Network.requestWillBeSent"]
    remote = [u for u in urls if not u.startswith(("file:", "data:"))]
    marks = json.loads(tools.evaluate("JSON.stringify(performance.getEntriesByType('mark')"
                                      ".map(m => [m.name, Math.round(m.startTime)]))"))
    markers = tools.evaluate("document.documentElement.getAttribute('data-ap-markers')")
    paths = tools.evaluate("document.documentElement.getAttribute('data-ap-svg-paths')")
    return {"ready_ms": float(ready), "load_ms": nav["loadEventEnd"], "dcl_ms": nav["domContentLoadedEventEnd"],
            "wall_ms": wall, "requests": len(urls), "remote": remote, "markers": int(markers), "paths": int(paths),
            "marks": dict(marks)}


def main() -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--duplicates", default="decisions", choices=("none", "decisions", "run"),
                        help="decisions (default): the demo's flagged pairs stored for every copy; run: the analysis "
                             "(the copies repeat the demo's titles, so it flags far more pairs than real data would)")
    parser.add_argument("--single-file", action="store_true")
    parser.add_argument("--keep", type=Path, default=None, help="write the workspace and page here")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not DEMO.exists():
        print("sample_data/demo_songkhla.gpkg not built (run: areaplan demo --out sample_data/demo_songkhla.gpkg)")
        return 1
    from areaplan.exporters.webmap import WebMapOptions, export_webmap

    work = args.keep or Path(tempfile.mkdtemp(prefix="areaplan-webmap-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    ws = build_workspace(work / "bench.gpkg", args.n)
    print(f"workspace with {args.n:,} projects built in {time.perf_counter() - t:.1f} s")
    page = work / "map.html"
    t = time.perf_counter()
    result = export_webmap(ws, page, options=WebMapOptions(duplicates=args.duplicates, single_file=args.single_file),
                           overwrite=True)
    export_s = time.perf_counter() - t
    print(f"export (duplicates={args.duplicates}): {export_s:.2f} s; page {page.stat().st_size / 1e6:.1f} MB, "
          f"all files {result.bytes_written / 1e6:.1f} MB; {result.projects:,} projects, clustered={result.clustered}, "
          f"{result.duplicate_pairs:,} duplicate pairs")
    if chromium is None:
        print("Chromium not installed (Debian package `chromium`): browser timings skipped")
        return 0
    version = subprocess.run([chromium, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"browser: {version}")
    runs = []
    with tempfile.TemporaryDirectory(prefix="areaplan-chromium-") as profile:
        tools = DevTools(chromium, Path(profile))
        try:
            for i in range(args.runs):
                r = open_page(tools, page.as_uri())
                runs.append(r)
                print(f"run {i + 1}{' (cold)' if i == 0 else ''}: ready {r['ready_ms']:.0f} ms, "
                      f"load {r['load_ms']:.0f} ms, wall {r['wall_ms']:.0f} ms; {r['markers']} marker icons, "
                      f"{r['paths']} SVG paths; "
                      f"{r['requests']} requests, {len(r['remote'])} not file:/data:")
                print("       page marks (ms): " + ", ".join(f"{k[3:]} {v}" for k, v in r["marks"].items())
                      + f", DOMContentLoaded {r['dcl_ms']:.0f}")
        finally:
            tools.close()
    ready = [r["ready_ms"] for r in runs]
    print(f"ready: median {statistics.median(ready):.0f} ms, max {max(ready):.0f} ms over {len(ready)} runs "
          f"(target ≤ 3000 ms); remote requests: {sum(len(r['remote']) for r in runs)}")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
