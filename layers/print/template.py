"""Print templates: page, items and text of a map annex, as a validated dataclass with a JSON form.

No Qt here: templates are saved in the workspace (areaplan.workspace.templates) and read by the CLI.
Text fields may use ``{area}`` (ตำบลคอหงส์), ``{area_full}`` (ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา),
``{name}`` (คอหงส์), ``{code}``, ``{level}`` (ตำบล) and ``{workspace}`` (the workspace title).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from areaplan.errors import AreaPlanError

PAGE_SIZES_MM: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}
GRID_KINDS: tuple[str, ...] = ("none", "lonlat", "utm")
TABLE_KINDS: tuple[str, ...] = ("auto", "projects", "summary", "none")
#: Project table columns that can be printed, with their Thai headers.
TABLE_COLUMNS: dict[str, str] = {
    "project_id": "รหัส",
    "title": "ชื่อโครงการ",
    "channel": "ช่องทาง",
    "agency": "หน่วยงาน",
    "fiscal_year": "ปีงบฯ",
    "budget": "งบประมาณ (บาท)",
    "status": "สถานะ",
    "agenda": "ประเด็น",
}
TEMPLATE_VERSION = 1


class TemplateError(AreaPlanError, ValueError):
    """A print template has a value that cannot be used."""


@dataclass(frozen=True)
class PrintTemplate:
    """How an annex page looks; lengths in millimetres, font sizes in points."""

    page: str = "A4"
    landscape: bool = False
    margin_mm: float = 12.0
    title: str = "ภาคผนวกแผนที่ {area_full}"
    subtitle: str = "โครงการ พื้นที่เสี่ยงน้ำท่วม และขอบเขตการปกครอง"
    #: None: the area fills the map with ``map_margin`` around it; a number: a fixed scale 1:N
    map_scale: float | None = None
    map_margin: float = 0.06
    highlight_area: bool = True
    grid: str = "lonlat"
    legend: bool = True
    scale_bar: bool = True
    north_arrow: bool = True
    overview: bool = True
    table: str = "auto"
    table_columns: tuple[str, ...] = ("project_id", "title", "channel", "agency", "fiscal_year", "budget")
    source: str = ""
    provenance: bool = True
    date: str | None = None  # ISO date printed as จัดทำเมื่อ …; None = today
    logo: str | None = None
    page_numbers: bool = True
    thai_digits: bool = False
    #: layer names drawn on the map (None: the layers visible in the app or saved in the workspace)
    layers: tuple[str, ...] | None = None
    dpi: int = 300
    font_scale: float = 1.0

    def __post_init__(self) -> None:
        if self.page not in PAGE_SIZES_MM:
            _bad("page", f"ขนาดกระดาษต้องเป็น {', '.join(PAGE_SIZES_MM)}", f"page must be one of {', '.join(PAGE_SIZES_MM)}", self.page)
        if self.grid not in GRID_KINDS:
            _bad("grid", f"เส้นกริดต้องเป็น {', '.join(GRID_KINDS)}", f"grid must be one of {', '.join(GRID_KINDS)}", self.grid)
        if self.table not in TABLE_KINDS:
            _bad("table", f"ตารางต้องเป็น {', '.join(TABLE_KINDS)}", f"table must be one of {', '.join(TABLE_KINDS)}", self.table)
        object.__setattr__(self, "table_columns", tuple(self.table_columns))
        unknown = [c for c in self.table_columns if c not in TABLE_COLUMNS]
        if unknown or not self.table_columns:
            _bad("table_columns", f"คอลัมน์ตารางใช้ได้: {', '.join(TABLE_COLUMNS)}",
                 f"table columns must be among {', '.join(TABLE_COLUMNS)}", unknown)  # fmt: skip
        if self.layers is not None:
            object.__setattr__(self, "layers", tuple(str(n) for n in self.layers))
        _range("margin_mm", self.margin_mm, 0.0, 60.0)
        _range("map_margin", self.map_margin, 0.0, 2.0)
        _range("dpi", self.dpi, 20, 1200)
        _range("font_scale", self.font_scale, 0.5, 3.0)
        if self.map_scale is not None:
            _range("map_scale", self.map_scale, 100, 50_000_000)

    @property
    def page_size_mm(self) -> tuple[float, float]:
        """(width, height) of the sheet in millimetres, orientation applied."""
        w, h = PAGE_SIZES_MM[self.page]
        return (h, w) if self.landscape else (w, h)

    def with_changes(self, **changes: Any) -> PrintTemplate:
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able dict (what the workspace stores)."""
        d = asdict(self)
        d["table_columns"] = list(self.table_columns)
        d["layers"] = None if self.layers is None else list(self.layers)
        d["version"] = TEMPLATE_VERSION
        return d

    @classmethod
    def from_dict(cls, data: object) -> PrintTemplate:
        """A template from ``to_dict`` output; missing keys take the defaults, unknown keys are refused."""
        if not isinstance(data, dict):
            raise TemplateError("แม่แบบต้องเป็นออบเจกต์ JSON", "a template must be a JSON object", field="template")
        data = dict(data)
        version = data.pop("version", TEMPLATE_VERSION)
        if not isinstance(version, int) or version > TEMPLATE_VERSION:
            raise TemplateError(
                f"แม่แบบนี้บันทึกด้วย AreaPlan รุ่นใหม่กว่า (รุ่น {version!r})",
                f"template saved by a newer AreaPlan (version {version!r})",
                field="version",
            )
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - names)
        if unknown:
            raise TemplateError(
                f"แม่แบบมีคีย์ที่ไม่รู้จัก: {', '.join(unknown)}", f"unknown template keys: {', '.join(unknown)}",
                field=unknown[0],
            )  # fmt: skip
        try:
            return cls(**data)
        except TypeError as exc:
            raise TemplateError(f"ค่าในแม่แบบไม่ถูกต้อง: {exc}", f"bad template value: {exc}", field="template") from exc


def _bad(field: str, th: str, en: str, value: object) -> None:
    raise TemplateError(f"{th} ได้ {value!r}", f"{en}, got {value!r}", field=field)


def _range(field: str, value: object, lo: float, hi: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
        _bad(field, f"{field} ต้องอยู่ระหว่าง {lo:g} ถึง {hi:g}", f"{field} must be between {lo:g} and {hi:g}", value)


#: Templates every workspace has: key -> (Thai title, template).
BUILTIN_TEMPLATES: dict[str, tuple[str, PrintTemplate]] = {
    "standard": ("มาตรฐาน A4 แนวตั้ง", PrintTemplate()),
    "a4-landscape": ("A4 แนวนอน", PrintTemplate(landscape=True)),
    "a3-landscape": ("A3 แนวนอน", PrintTemplate(page="A3", landscape=True)),
    "official": ("ทางราชการ (เลขไทย)", PrintTemplate(thai_digits=True)),
    "map-only": ("แผนที่อย่างเดียว (ไม่มีตาราง)", PrintTemplate(table="none")),
    "projects": ("รายการโครงการทุกระดับ", PrintTemplate(table="projects")),
    "utm-50000": ("มาตราส่วน 1:50,000 กริด UTM", PrintTemplate(map_scale=50_000, grid="utm")),
}


def resolve_template(name: str | None, workspace: Any = None) -> PrintTemplate:
    """A template by name: one saved in the workspace first, then a built-in key or Thai title."""
    if not name:
        return BUILTIN_TEMPLATES["standard"][1]
    if workspace is not None and hasattr(workspace, "query"):
        from areaplan.workspace.templates import list_templates, load_template

        if name in list_templates(workspace):
            return PrintTemplate.from_dict(load_template(workspace, name))
    for key, (title, template) in BUILTIN_TEMPLATES.items():
        if name in (key, title):
            return template
    saved = []
    if workspace is not None and hasattr(workspace, "query"):
        from areaplan.workspace.templates import list_templates

        saved = list_templates(workspace)
    known = ", ".join([*BUILTIN_TEMPLATES, *saved])
    raise TemplateError(
        f"ไม่พบแม่แบบ {name!r} (มี: {known})", f"no template {name!r} (known: {known})", field="template"
    )
