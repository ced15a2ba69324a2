"""Workspace: one GeoPackage file holding layers, rasters, plans, links, decisions and logs."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from areaplan import __version__
from areaplan.errors import WorkspaceError
from areaplan.workspace import geometry as gpkg_geom
from areaplan.workspace.migrations import migrate
from areaplan.workspace.schema import (
    CORE_SQL,
    GPKG_APPLICATION_ID,
    GPKG_USER_VERSION,
    LAYER_NAMES,
    SCHEMA_VERSION,
    TABLE_BY_NAME,
    TABLES,
    WGS84_DEFINITION,
    Table,
    create_table_sql,
)

_COLUMN_NAME = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)")


def now_iso() -> str:
    """The current UTC time as ISO 8601 text (stored timestamps)."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def table_columns(table: Table) -> list[str]:
    """Column names of a table definition (without fid and geom)."""
    names = []
    for part in table.columns.split(","):
        m = _COLUMN_NAME.match(part)
        if m:
            names.append(m.group(1))
    return names


def _register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the GeoPackage rtree triggers call (GDAL registers the same ones)."""

    def env(i: int):
        def f(blob: bytes | None) -> float | None:
            e = gpkg_geom.envelope(blob)
            return None if e is None else e[i]

        return f

    conn.create_function("ST_MinX", 1, env(0), deterministic=True)
    conn.create_function("ST_MaxX", 1, env(1), deterministic=True)
    conn.create_function("ST_MinY", 1, env(2), deterministic=True)
    conn.create_function("ST_MaxY", 1, env(3), deterministic=True)
    conn.create_function("ST_IsEmpty", 1, gpkg_geom.is_empty, deterministic=True)


class Workspace:
    """One AreaPlan workspace: a GeoPackage that QGIS and GDAL open as they are."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn = conn
        self._depth = 0
        self._lock = threading.RLock()

    # ----------------------------------------------------------------- open / create
    @classmethod
    def create(cls, path: str | Path, *, overwrite: bool = False, title: str | None = None) -> Workspace:
        """Create a new empty workspace file (atomically: a crash leaves no half file)."""
        path = Path(path)
        if path.exists() and not overwrite:
            raise WorkspaceError(
                "มีไฟล์นี้อยู่แล้ว ใช้ --overwrite หากต้องการเขียนทับ",
                "the file exists already; use --overwrite to replace it",
                path=path,
            )
        if not path.parent.exists():
            raise WorkspaceError(
                "ไม่พบโฟลเดอร์ปลายทาง", f"folder {path.parent} does not exist", path=path
            )
        fd, tmp = tempfile.mkstemp(prefix=".areaplan-", suffix=".gpkg", dir=path.parent)
        os.close(fd)
        os.unlink(tmp)
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            _register_functions(conn)
            conn.execute(f"PRAGMA application_id = {GPKG_APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {GPKG_USER_VERSION}")
            conn.execute("BEGIN")
            for stmt in CORE_SQL.split(";"):
                if stmt.strip():
                    conn.execute(stmt)
            conn.executemany(
                "INSERT INTO gpkg_spatial_ref_sys VALUES (?,?,?,?,?,?)",
                [
                    ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", None),
                    ("Undefined geographic SRS", 0, "NONE", 0, "undefined", None),
                    ("WGS 84 geodetic", 4326, "EPSG", 4326, WGS84_DEFINITION, "longitude/latitude"),
                ],
            )
            for table in TABLES:
                _create_table(conn, table)
            stamp = now_iso()
            conn.executemany(
                "INSERT INTO metadata (key, value) VALUES (?, ?)",
                [
                    ("schema_version", str(SCHEMA_VERSION)),
                    ("created_at", stamp),
                    ("areaplan_version", __version__),
                    ("title", title or "พื้นที่ทำงาน AreaPlan"),
                ],
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.close()
            Path(tmp).unlink(missing_ok=True)
            raise
        conn.close()
        os.replace(tmp, path)
        return cls.open(path)

    @classmethod
    def open(cls, path: str | Path) -> Workspace:
        """Open an existing workspace, upgrading its schema when it is older."""
        path = Path(path)
        if not path.is_file():
            raise WorkspaceError("ไม่พบไฟล์พื้นที่ทำงาน", "workspace file not found", path=path)
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as exc:
            raise WorkspaceError(
                "ไฟล์นี้ไม่ใช่ GeoPackage หรือเสียหาย",
                f"not a GeoPackage or damaged ({exc})",
                path=path,
            ) from exc
        if app_id != GPKG_APPLICATION_ID or "metadata" not in tables:
            conn.close()
            raise WorkspaceError(
                "ไฟล์นี้ไม่ใช่พื้นที่ทำงาน AreaPlan (GeoPackage ที่สร้างด้วย areaplan new)",
                "not an AreaPlan workspace (make one with 'areaplan new')",
                path=path,
            )
        _register_functions(conn)
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
        ws = cls(path, conn)
        found = int(ws.metadata().get("schema_version", "0") or 0)
        if found != SCHEMA_VERSION:
            with ws.transaction() as c:
                new = migrate(c, found, str(path))
                c.execute(
                    "INSERT INTO metadata (key, value) VALUES ('schema_version', ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (str(new),),
                )
        missing = [t for t in TABLES if t.name not in tables]
        if missing:
            with ws.transaction() as c:
                for table in missing:
                    _create_table(c, table)
        return ws

    def close(self) -> None:
        """Close the file (nothing is pending: every write has been committed)."""
        self._conn.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ----------------------------------------------------------------- transactions
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All writes inside commit together; any error rolls back (nests as savepoints)."""
        with self._lock:
            conn = self._conn
            if self._depth == 0:
                conn.execute("BEGIN IMMEDIATE")
            else:
                conn.execute(f"SAVEPOINT sp{self._depth}")
            self._depth += 1
            try:
                yield conn
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    conn.execute("ROLLBACK")
                else:
                    conn.execute(f"ROLLBACK TO sp{self._depth}")
                    conn.execute(f"RELEASE sp{self._depth}")
                raise
            else:
                self._depth -= 1
                if self._depth == 0:
                    conn.execute("COMMIT")
                else:
                    conn.execute(f"RELEASE sp{self._depth}")

    def save_as(self, target: str | Path, *, overwrite: bool = False) -> Path:
        """Copy the whole workspace to another file atomically (temp file, then rename)."""
        target = Path(target)
        if target.exists() and not overwrite:
            raise WorkspaceError(
                "มีไฟล์นี้อยู่แล้ว", "the file exists already; choose to overwrite it", path=target
            )
        fd, tmp = tempfile.mkstemp(prefix=".areaplan-", suffix=".gpkg", dir=target.parent)
        os.close(fd)
        try:
            dst = sqlite3.connect(tmp)
            with self._lock:
                self._conn.backup(dst)
            dst.close()
            os.replace(tmp, target)
        finally:
            Path(tmp).unlink(missing_ok=True)
        return target

    # ----------------------------------------------------------------- metadata
    def metadata(self) -> dict[str, str]:
        """The key/value metadata (schema_version, created_at, areaplan_version, title, …)."""
        with self._lock:
            return dict(self._conn.execute("SELECT key, value FROM metadata").fetchall())

    def set_metadata(self, **values: object) -> None:
        """Set metadata keys (in one transaction)."""
        with self.transaction() as c:
            c.executemany(
                "INSERT INTO metadata (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [(k, None if v is None else str(v)) for k, v in values.items()],
            )

    # ----------------------------------------------------------------- reading
    def count(self, name: str) -> int:
        """Number of rows of a table or layer."""
        _table(name)
        with self._lock:
            return int(self._conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])

    def layer_names(self) -> list[str]:
        """Names of the vector layers that hold at least one feature."""
        return [n for n in LAYER_NAMES if self.count(n) > 0]

    def read_layer(
        self,
        name: str,
        *,
        columns: list[str] | None = None,
        where: str | None = None,
        params: tuple = (),
    ) -> gpd.GeoDataFrame:
        """One vector layer as a GeoDataFrame in EPSG:4326 (geometry column 'geometry')."""
        table = _table(name)
        if not table.is_layer:
            raise WorkspaceError(f"{name} ไม่ใช่ชั้นข้อมูลแผนที่", f"{name} is not a vector layer")
        cols = ["fid", *(columns or table_columns(table))]
        sql = f'SELECT {", ".join(cols)}, geom FROM "{name}"'
        if where:
            sql += f" WHERE {where}"
        sql += " ORDER BY fid"
        with self._lock:
            rows = self._conn.execute(sql, params).fetchall()
        frame = pd.DataFrame([r[:-1] for r in rows], columns=cols)
        geoms = gpkg_geom.decode([r[-1] for r in rows]) if rows else np.array([], dtype=object)
        return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geoms, crs="EPSG:4326"), crs="EPSG:4326")

    def read_table(self, name: str, *, where: str | None = None, params: tuple = ()) -> pd.DataFrame:
        """One attribute table (or a layer's attributes without geometry) as a DataFrame."""
        table = _table(name)
        cols = ["fid", *table_columns(table)]
        sql = f'SELECT {", ".join(cols)} FROM "{name}"'
        if where:
            sql += f" WHERE {where}"
        sql += " ORDER BY fid"
        with self._lock:
            rows = self._conn.execute(sql, params).fetchall()
        return pd.DataFrame(rows, columns=cols)

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Run a read-only SQL query (for reports and views)."""
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    # ----------------------------------------------------------------- writing
    def write_layer(self, name: str, frame: gpd.GeoDataFrame, *, mode: str = "append") -> int:
        """Append to or replace a vector layer from a GeoDataFrame in EPSG:4326."""
        table = _table(name)
        if not table.is_layer:
            raise WorkspaceError(f"{name} ไม่ใช่ชั้นข้อมูลแผนที่", f"{name} is not a vector layer")
        with self.transaction() as c:
            if mode == "replace":
                c.execute(f'DELETE FROM "{name}"')
            n = _insert(c, table, frame, conflict=None)
            _update_extent(c, name, frame, replace=mode == "replace")
        return n

    def write_table(self, name: str, frame: pd.DataFrame, *, mode: str = "append") -> int:
        """Append to or replace an attribute table."""
        table = _table(name)
        with self.transaction() as c:
            if mode == "replace":
                c.execute(f'DELETE FROM "{name}"')
            n = _insert(c, table, frame, conflict=None)
        return n

    def upsert(self, name: str, frame: pd.DataFrame, *, key: tuple[str, ...] | None = None) -> tuple[int, int]:
        """Insert rows, updating those whose natural key exists already; return (inserted, updated)."""
        table = _table(name)
        key = key or tuple(k.strip() for k in (table.unique or "").split(",") if k.strip())
        if not key:
            raise WorkspaceError(f"ตาราง {name} ไม่มีคีย์", f"table {name} has no natural key")
        with self.transaction() as c:
            updated = _count_existing(c, name, key, frame)
            _insert(c, table, frame, conflict=key)
            if table.is_layer:
                _update_extent(c, name, frame, replace=False)
        return len(frame) - updated, updated

    def delete(self, name: str, where: str, params: tuple = ()) -> int:
        """Delete the rows of a table matching a condition; return how many."""
        _table(name)
        with self.transaction() as c:
            return c.execute(f'DELETE FROM "{name}" WHERE {where}', params).rowcount

    def update_row(self, name: str, fid: int, values: dict, *, geometry: object = ...) -> None:
        """Change some columns (and optionally the geometry) of one row, in one transaction."""
        table = _table(name)
        known = set(table_columns(table))
        unknown = set(values) - known
        if unknown:
            raise WorkspaceError(f"ไม่มีคอลัมน์ {', '.join(sorted(unknown))} ในตาราง {name}",
                                 f"no column {', '.join(sorted(unknown))} in table {name}", layer=name)
        sets = [f"{k} = ?" for k in values]
        params = [_py(v) for v in values.values()]
        if geometry is not ...:
            if not table.is_layer:
                raise WorkspaceError(f"{name} ไม่มีรูปเรขาคณิต", f"{name} has no geometry", layer=name)
            sets.append("geom = ?")
            params.append(gpkg_geom.encode([geometry])[0])
        if not sets:
            return
        with self.transaction() as c:
            n = c.execute(f'UPDATE "{name}" SET {", ".join(sets)} WHERE fid = ?', (*params, int(fid))).rowcount
            if n != 1:
                raise WorkspaceError(f"ไม่พบรายการ fid {fid} ในตาราง {name}", f"no row with fid {fid} in {name}",
                                     layer=name)
            if geometry is not ... and geometry is not None:
                _update_extent(c, name, gpd.GeoDataFrame(geometry=[geometry], crs="EPSG:4326"), replace=False)

    def insert_row(self, name: str, values: dict, *, geometry: object = None) -> int:
        """Add one row (with a geometry for layers) and return its fid."""
        table = _table(name)
        frame = pd.DataFrame([values])
        if table.is_layer:
            frame = gpd.GeoDataFrame(frame, geometry=[geometry], crs="EPSG:4326")
        with self.transaction() as c:
            _insert(c, table, frame, conflict=None)
            fid = int(c.execute("SELECT last_insert_rowid()").fetchone()[0])
            if table.is_layer and geometry is not None:
                _update_extent(c, name, frame, replace=False)
        return fid

    def delete_row(self, name: str, fid: int) -> None:
        """Delete one row by fid."""
        self.delete(name, "fid = ?", (int(fid),))

    # ----------------------------------------------------------------- styles
    def save_style(self, layer: str, style: dict, *, name: str = "areaplan") -> None:
        """Store a layer's AreaPlan style (JSON) in QGIS's layer_styles table (not QGIS's default)."""
        with self.transaction() as c:
            c.execute("DELETE FROM layer_styles WHERE f_table_name = ? AND styleName = ?", (layer, name))
            c.execute(
                "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
                "styleName, styleQML, styleSLD, useAsDefault, description, owner, ui, style_json) "
                "VALUES ('', '', ?, 'geom', ?, '', '', 0, 'AreaPlan style', '', '', ?)",
                (layer, name, json.dumps(style, ensure_ascii=False)),
            )

    def load_styles(self, *, name: str = "areaplan") -> dict[str, dict]:
        """Saved AreaPlan styles by layer name."""
        rows = self.query("SELECT f_table_name, style_json FROM layer_styles WHERE styleName = ? "
                          "AND style_json IS NOT NULL ORDER BY fid", (name,))
        return {layer: json.loads(text) for layer, text in rows}

    # ----------------------------------------------------------------- rasters
    def rasters(self) -> list[dict]:
        """Registered hazard rasters with a path rasterio can open ('gdal_path')."""
        out = []
        for rec in self.read_table("hazards").to_dict("records"):
            if rec["storage"] == "gpkg":
                rec["gdal_path"] = f"GPKG:{self.path}:{rec['table_name']}"
            elif rec["storage"] == "file":
                rec["gdal_path"] = rec["path"]
            else:
                continue
            out.append(rec)
        return out

    def add_raster(
        self,
        name: str,
        source: str | Path,
        *,
        kind: str,
        unit: str | None = None,
        store: bool = True,
        description: str = "",
    ) -> dict:
        """Store a GeoTIFF inside the workspace (gridded coverage) or reference it; register it."""
        import rasterio
        from rasterio.enums import Resampling

        source = Path(source)
        if not source.is_file():
            raise WorkspaceError("ไม่พบไฟล์ภาพแรสเตอร์", "raster file not found", path=source)
        table_name = re.sub(r"[^a-z0-9_]", "_", name.lower())
        if not re.match(r"[a-z_]", table_name):
            table_name = f"r_{table_name}"
        with rasterio.open(source) as src:
            nodata = src.nodata
            crs = src.crs.to_string() if src.crs else None
            if store:
                profile = {
                    "driver": "GPKG",
                    "width": src.width,
                    "height": src.height,
                    "count": 1,
                    "dtype": "float32",
                    "crs": src.crs,
                    "transform": src.transform,
                    "RASTER_TABLE": table_name,
                    "APPEND_SUBDATASET": "YES",
                    "RASTER_IDENTIFIER": name,
                    "RASTER_DESCRIPTION": description or name,
                }
                data = src.read(1, masked=True).astype("float32")
                fill = np.float32(nodata if nodata is not None else -9999.0)
                nodata = float(fill)
                with self._lock:  # GDAL writes through its own connection
                    with rasterio.open(self.path, "w", **profile) as dst:
                        dst.write(data.filled(fill), 1)
                    with rasterio.open(f"GPKG:{self.path}:{table_name}", "r+") as dst:
                        factors = [f for f in (2, 4, 8, 16) if min(src.width, src.height) // f >= 64]
                        if factors:
                            # nearest: GDAL does not know the nodata of float coverages, so averaging
                            # would blend -9999 into the edges of wet areas
                            dst.build_overviews(factors, Resampling.nearest)
        record = {
            "name": name,
            "kind": kind,
            "storage": "gpkg" if store else "file",
            "table_name": table_name if store else None,
            "path": None if store else str(source.resolve()),
            "unit": unit,
            "nodata": nodata,
            "crs": crs,
            "thresholds": None,
            "source": source.name,
            "description": description,
            "added_at": now_iso(),
        }
        self.upsert("hazards", pd.DataFrame([record]))
        return record


def _count_existing(conn: sqlite3.Connection, name: str, key: tuple[str, ...], frame: pd.DataFrame) -> int:
    """How many rows of `frame` already exist by their natural key (looked up in SQLite, by index)."""
    if len(frame) == 0:
        return 0
    first = [v for v in pd.unique(frame[key[0]].astype(object)) if v is not None and v == v]
    marks = ",".join("?" for _ in first)
    if not first or conn.execute(
        f'SELECT 1 FROM "{name}" WHERE "{key[0]}" IN ({marks}) LIMIT 1', [_py(v) for v in first]
    ).fetchone() is None:
        return 0  # nothing with these keys yet (a first import): no row-by-row lookup needed
    keys = json.dumps(list(zip(*(frame[k].tolist() for k in key))), ensure_ascii=False, default=str)
    on = " AND ".join(f't."{k}" = json_extract(j.value, \'$[{i}]\')' for i, k in enumerate(key))
    sql = f'SELECT count(*) FROM json_each(?) AS j JOIN "{name}" AS t ON {on}'
    return int(conn.execute(sql, (keys,)).fetchone()[0])


def _table(name: str) -> Table:
    table = TABLE_BY_NAME.get(name)
    if table is None:
        raise WorkspaceError(
            f"ไม่มีตาราง {name} ในพื้นที่ทำงาน", f"no table {name!r} in the workspace schema"
        )
    return table


def _create_table(conn: sqlite3.Connection, table: Table) -> None:
    for stmt in create_table_sql(table):
        conn.execute(stmt)
    data_type = "features" if table.is_layer else "attributes"
    conn.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) "
        "VALUES (?, ?, ?, ?, ?)",
        (table.name, data_type, table.name, f"{table.title_th} ({table.title_en})",
         4326 if table.is_layer else None),
    )
    if table.is_layer:
        conn.execute(
            "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, 0, 0)",
            (table.name, table.geometry_type),
        )


def _py(value: object) -> object:
    """A value sqlite3 can store: numpy scalars unwrapped, NaN/NA as NULL, dicts as JSON."""
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    return value


def _sql_values(series: pd.Series) -> list:
    """A column as Python values sqlite3 binds: NaN/NA as None, numpy scalars unwrapped, dicts as JSON."""
    if series.dtype.kind in "iub":
        return series.tolist()
    if series.dtype.kind == "f":
        return series.astype(object).where(series.notna(), None).tolist()
    values = series.astype(object).where(series.notna(), None).tolist()
    if any(isinstance(v, (dict, list, np.generic)) for v in values[:50]) or series.dtype.kind not in "OUS":
        values = [_py(v) for v in values]
    return values


def _insert(conn: sqlite3.Connection, table: Table, frame: pd.DataFrame, conflict: tuple[str, ...] | None) -> int:
    if len(frame) == 0:
        return 0
    known = table_columns(table)
    cols = [c for c in known if c in frame.columns]
    if table.is_layer:
        geoms = frame.geometry.values if isinstance(frame, gpd.GeoDataFrame) else [None] * len(frame)
        blobs = gpkg_geom.encode(np.asarray(geoms, dtype=object))
        all_cols = ["geom", *cols]
    else:
        blobs = None
        all_cols = cols
    columns = [_sql_values(frame[c]) for c in cols]
    if blobs is not None:
        columns.insert(0, blobs)
    rows = list(zip(*columns))
    placeholders = ", ".join("?" for _ in all_cols)
    sql = f'INSERT INTO "{table.name}" ({", ".join(all_cols)}) VALUES ({placeholders})'
    if conflict:
        updates = ", ".join(f"{c} = excluded.{c}" for c in all_cols if c not in conflict)
        sql += f" ON CONFLICT({', '.join(conflict)}) DO UPDATE SET {updates}"
    conn.executemany(sql, rows)
    conn.execute(
        "UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') "
        "WHERE table_name = ?",
        (table.name,),
    )
    return len(rows)


def _update_extent(conn: sqlite3.Connection, name: str, frame: pd.DataFrame, *, replace: bool) -> None:
    """Keep gpkg_contents' extent covering the layer (QGIS uses it for 'zoom to layer')."""
    if not isinstance(frame, gpd.GeoDataFrame) or len(frame) == 0:
        return
    bounds = frame.geometry.total_bounds
    if np.isnan(bounds).any():
        return
    old = conn.execute(
        "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = ?", (name,)
    ).fetchone()
    if not replace and old and None not in old:
        bounds = [min(bounds[0], old[0]), min(bounds[1], old[1]), max(bounds[2], old[2]), max(bounds[3], old[3])]
    conn.execute(
        "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?",
        (*[float(b) for b in bounds], name),
    )
