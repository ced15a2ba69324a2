"""The workspace contract: GeoPackage core tables, vector layers and attribute tables."""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA_VERSION = 1
GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"
GPKG_USER_VERSION = 10300  # GeoPackage 1.3

WGS84_DEFINITION = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,'
    'AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,'
    'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],'
    'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]'
)

CORE_SQL = """
CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE IF NOT EXISTS gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE IF NOT EXISTS gpkg_extensions (
  table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
  scope TEXT NOT NULL,
  CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
"""


@dataclass(frozen=True)
class Table:
    """One table of the workspace: its columns (SQL), geometry type if a layer, and title."""

    name: str
    columns: str
    title_th: str
    title_en: str
    geometry_type: str | None = None  # GPKG geometry_type_name for vector layers
    unique: str | None = None  # natural key, e.g. "source, project_id"

    @property
    def is_layer(self) -> bool:
        """True for a vector layer (has a geometry column)."""
        return self.geometry_type is not None


_BOUNDARY_COLUMNS = """
  code TEXT NOT NULL, name_th TEXT, name_en TEXT, parent_code TEXT,
  source TEXT, extra TEXT"""

TABLES: tuple[Table, ...] = (
    Table("changwat", _BOUNDARY_COLUMNS, "จังหวัด", "Provinces", "MULTIPOLYGON", "code"),
    Table("amphoe", _BOUNDARY_COLUMNS, "อำเภอ", "Districts", "MULTIPOLYGON", "code"),
    Table("tambon", _BOUNDARY_COLUMNS, "ตำบล", "Subdistricts", "MULTIPOLYGON", "code"),
    Table(
        "muban",
        _BOUNDARY_COLUMNS + ", village_no INTEGER",
        "หมู่บ้าน",
        "Villages",
        "GEOMETRY",
        "code",
    ),
    Table(
        "projects",
        """
  project_id TEXT NOT NULL, title TEXT NOT NULL, channel TEXT, agency TEXT,
  fiscal_year INTEGER, budget REAL, agenda TEXT, plan_ids TEXT, status TEXT,
  village_no INTEGER, tambon TEXT, amphoe TEXT, changwat TEXT, location_text TEXT,
  lon REAL, lat REAL,
  source TEXT NOT NULL, tambon_code TEXT, amphoe_code TEXT, changwat_code TEXT,
  location_precision TEXT NOT NULL DEFAULT 'unlocated', location_note TEXT,
  source_row INTEGER, extra TEXT, import_id INTEGER, content_hash TEXT, updated_at TEXT""",
        "โครงการ",
        "Projects",
        "GEOMETRY",
        "source, project_id",
    ),
    Table(
        "hazard_zones",
        """
  hazard TEXT NOT NULL, class INTEGER, class_label TEXT, frequency REAL, depth REAL,
  source TEXT, extra TEXT""",
        "พื้นที่เสี่ยงน้ำท่วม",
        "Flood hazard zones",
        "MULTIPOLYGON",
    ),
    Table(
        "plans",
        """
  plan_id TEXT NOT NULL, name TEXT NOT NULL, level TEXT, kind TEXT, agenda TEXT, owner TEXT,
  period_start INTEGER, period_end INTEGER, coverage TEXT, parent_id TEXT,
  source TEXT, source_row INTEGER, extra TEXT, import_id INTEGER, updated_at TEXT""",
        "แผน",
        "Plans",
        unique="plan_id",
    ),
    Table(
        "project_plans",
        "project_id TEXT NOT NULL, plan_id TEXT NOT NULL, source TEXT NOT NULL, how TEXT",
        "โครงการกับแผน",
        "Project-plan links",
        unique="source, project_id, plan_id",
    ),
    Table(
        "plan_areas",
        "plan_id TEXT NOT NULL, area_code TEXT NOT NULL",
        "พื้นที่ของแผน",
        "Plan coverage areas",
        unique="plan_id, area_code",
    ),
    Table(
        "hazards",
        """
  name TEXT NOT NULL, kind TEXT NOT NULL, storage TEXT NOT NULL, table_name TEXT, path TEXT,
  unit TEXT, nodata REAL, crs TEXT, thresholds TEXT, source TEXT, description TEXT,
  added_at TEXT""",
        "ชั้นข้อมูลภัย",
        "Hazard rasters and layers",
        unique="name",
    ),
    Table(
        "duplicate_decisions",
        """
  project_id_a TEXT NOT NULL, project_id_b TEXT NOT NULL, decision TEXT NOT NULL,
  reviewer TEXT, note TEXT, decided_at TEXT, keep TEXT, source_a TEXT, source_b TEXT,
  hash_a TEXT, hash_b TEXT""",
        "ผลการพิจารณาโครงการซ้ำซ้อน",
        "Duplicate review decisions",
    ),
    Table(
        "rejected_rows",
        """
  source TEXT NOT NULL, row INTEGER, field TEXT, reason TEXT NOT NULL, raw TEXT,
  import_id INTEGER, rejected_at TEXT""",
        "แถวที่นำเข้าไม่ได้",
        "Rejected input rows",
    ),
    Table(
        "import_log",
        """
  source TEXT NOT NULL, path TEXT, kind TEXT, started_at TEXT, finished_at TEXT,
  rows_read INTEGER, imported INTEGER, updated INTEGER, rejected INTEGER, warnings TEXT,
  precision_counts TEXT, report TEXT, areaplan_version TEXT""",
        "บันทึกการนำเข้า",
        "Import log",
    ),
    Table(
        # QGIS's own style table schema, plus style_json for AreaPlan's styles.
        "layer_styles",
        """
  f_table_catalog TEXT(256), f_table_schema TEXT(256), f_table_name TEXT(256),
  f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT, styleSLD TEXT,
  useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30),
  update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), style_json TEXT""",
        "รูปแบบการแสดงผล",
        "Layer styles",
    ),
    Table(
        "area_notes",
        "level TEXT NOT NULL, area_code TEXT NOT NULL, note TEXT, author TEXT, status TEXT, updated_at TEXT",
        "บันทึกของคณะกรรมการรายพื้นที่",
        "Committee notes per area",
        unique="level, area_code",
    ),
    Table("metadata", "key TEXT NOT NULL, value TEXT", "ข้อมูลกำกับ", "Metadata", unique="key"),
    Table(
        "indicators",
        """
  area_code TEXT NOT NULL, level TEXT, indicator TEXT NOT NULL, value REAL, unit TEXT, year INTEGER,
  source TEXT NOT NULL, source_row INTEGER, imported_at TEXT""",
        "ตัวชี้วัดรายพื้นที่",
        "Area indicators",
    ),
    Table(
        "print_templates",
        "name TEXT NOT NULL, template_json TEXT NOT NULL, description TEXT, updated_at TEXT",
        "แม่แบบการพิมพ์แผนที่",
        "Map annex print templates",
        unique="name",
    ),
    # derived cache: the work type read once per distinct project title and rules version, as packed arrays
    # (areaplan/analyses/title_kinds.py)
    Table(
        "title_kinds",
        """
  rules TEXT NOT NULL, titles INTEGER NOT NULL, work_types TEXT NOT NULL, title_keys BLOB NOT NULL,
  work_type_index BLOB NOT NULL, says_construction BLOB NOT NULL, stored_at TEXT""",
        "ประเภทงานจากชื่อโครงการ",
        "Work types read from project titles",
    ),
    # derived cache: what the duplicate analysis reads from each distinct project title, per rules version
    # (areaplan/analyses/title_features.py)
    Table(
        "title_features",
        """
  rules TEXT NOT NULL, titles INTEGER NOT NULL, title_keys BLOB NOT NULL, arrays BLOB NOT NULL,
  lists BLOB NOT NULL, stored_at TEXT""",
        "ลักษณะที่อ่านจากชื่อโครงการ",
        "Title features read for the duplicate analysis",
    ),
    # the last flood-exposure result per (hazard, level): areaplan/analyses/exposure_store.py
    Table(
        "exposure_runs",
        """
  hazard TEXT NOT NULL, level TEXT NOT NULL, hazard_kind TEXT, created_at TEXT, thresholds TEXT,
  provenance TEXT, warnings TEXT, hazard_fp TEXT, thresholds_fp TEXT, boundaries_fp TEXT, projects_fp TEXT,
  areaplan_version TEXT, saved_at TEXT""",
        "ผลความเสี่ยงน้ำท่วมล่าสุด (ที่มา)",
        "Last flood-exposure runs (provenance)",
        unique="hazard, level",
    ),
    Table(
        "exposure_areas",
        """
  hazard TEXT NOT NULL, level TEXT NOT NULL, code TEXT NOT NULL, name_th TEXT, name_en TEXT, parent_code TEXT,
  area_km2 REAL, area_rai REAL, c1_km2 REAL, c1_rai REAL, c1_share REAL, c2_km2 REAL, c2_rai REAL, c2_share REAL,
  c3_km2 REAL, c3_rai REAL, c3_share REAL, c4_km2 REAL, c4_rai REAL, c4_share REAL, none_share REAL,
  nodata_share REAL, flooded_km2 REAL, flooded_rai REAL, flooded_share REAL, high_km2 REAL, high_rai REAL,
  high_share REAL, max_class INTEGER, value_mean REAL, value_max REAL, projects INTEGER, exposed_projects INTEGER,
  flagged_projects INTEGER, mitigation_projects INTEGER, mitigation_budget REAL""",
        "ผลความเสี่ยงน้ำท่วมรายพื้นที่ (เชื่อมกับขอบเขตด้วย code)",
        "Last flood exposure per area (join to the boundaries by code)",
        unique="hazard, level, code",
    ),
    Table(
        "exposure_projects",
        """
  hazard TEXT NOT NULL, level TEXT NOT NULL, project_fid INTEGER NOT NULL, project_id TEXT, sampled INTEGER,
  measure TEXT, size REAL, none_share REAL, c1_share REAL, c2_share REAL, c3_share REAL, c4_share REAL,
  nodata_share REAL, high_share REAL, max_class INTEGER, hazard_value REAL, value_mean REAL, value_max REAL,
  work_type TEXT, is_construction INTEGER, is_mitigation INTEGER, flagged INTEGER, flag_reason TEXT,
  tambon_key TEXT, amphoe_key TEXT, changwat_key TEXT, muban_key TEXT""",
        "ผลความเสี่ยงน้ำท่วมรายโครงการ (เชื่อมกับ projects ด้วย fid)",
        "Last flood exposure per project (join to projects by fid)",
        unique="hazard, level, project_fid",
    ),
)

TABLE_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}
LAYER_NAMES: tuple[str, ...] = tuple(t.name for t in TABLES if t.is_layer)
BOUNDARY_LEVELS: tuple[str, ...] = ("changwat", "amphoe", "tambon", "muban")


def create_table_sql(table: Table) -> list[str]:
    """SQL statements that create one table (without registering it in gpkg_contents)."""
    geom = "geom GEOMETRY, " if table.is_layer else ""
    unique = f", UNIQUE ({table.unique})" if table.unique else ""
    sql = [
        f'CREATE TABLE "{table.name}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, '
        f"{geom}{table.columns.strip()}{unique})"
    ]
    if table.name == "projects":
        sql.append('CREATE INDEX "projects_tambon_code" ON projects (tambon_code)')
    if table.name in ("project_plans", "plan_areas"):
        sql.append(f'CREATE INDEX "{table.name}_plan" ON "{table.name}" (plan_id)')
    if table.name == "duplicate_decisions":
        sql.append(
            'CREATE INDEX "duplicate_decisions_pair" ON duplicate_decisions '
            "(project_id_a, project_id_b)"
        )
    return sql
