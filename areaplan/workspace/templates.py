"""Print templates saved in the workspace (table ``print_templates``): a name and a JSON object each.

The store only keeps JSON; what the keys mean is checked by the print composer (layers.print.template).
"""

from __future__ import annotations

import json
from typing import Any

from areaplan.errors import AreaPlanError
from areaplan.workspace.gpkg import now_iso

TABLE = "print_templates"


class TemplateError(AreaPlanError, ValueError):
    """A print template is missing, unnamed or not a JSON object."""


def _check_name(name: str) -> str:
    name = str(name or "").strip()
    if not name:
        raise TemplateError("แม่แบบต้องมีชื่อ", "a template needs a name", field="name")
    return name


def list_templates(ws: Any) -> list[str]:
    """Names of the templates saved in a workspace, sorted."""
    return sorted(str(r[0]) for r in ws.query(f'SELECT name FROM "{TABLE}"'))


def load_template(ws: Any, name: str) -> dict[str, Any]:
    """The saved JSON object of a template; TemplateError names the saved ones when it is missing."""
    name = _check_name(name)
    rows = ws.query(f'SELECT template_json FROM "{TABLE}" WHERE name = ?', (name,))
    if not rows:
        saved = ", ".join(list_templates(ws)) or "-"
        raise TemplateError(
            f"ไม่พบแม่แบบ {name!r} ในพื้นที่ทำงาน (ที่บันทึกไว้: {saved})",
            f"no template {name!r} in the workspace (saved: {saved})",
            path=getattr(ws, "path", None),
            field="template",
        )
    try:
        data = json.loads(rows[0][0])
    except json.JSONDecodeError as exc:
        raise TemplateError(
            f"แม่แบบ {name!r} เสียหาย (JSON อ่านไม่ได้)", f"template {name!r} is damaged ({exc})", field="template"
        ) from exc
    if not isinstance(data, dict):
        raise TemplateError(
            f"แม่แบบ {name!r} ต้องเป็นออบเจกต์ JSON", f"template {name!r} must be a JSON object", field="template"
        )
    return data


def save_template(ws: Any, name: str, data: dict[str, Any], *, description: str = "") -> None:
    """Save (or replace) a template under a name, in one transaction."""
    name = _check_name(name)
    if not isinstance(data, dict):
        raise TemplateError("แม่แบบต้องเป็นออบเจกต์ JSON", "a template must be a JSON object", field="template")
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    with ws.transaction() as c:
        c.execute(
            f'INSERT INTO "{TABLE}" (name, template_json, description, updated_at) VALUES (?, ?, ?, ?) '
            "ON CONFLICT(name) DO UPDATE SET template_json = excluded.template_json, "
            "description = excluded.description, updated_at = excluded.updated_at",
            (name, text, description, now_iso()),
        )


def delete_template(ws: Any, name: str) -> bool:
    """Delete a saved template; True when one was deleted."""
    name = _check_name(name)
    with ws.transaction() as c:
        return c.execute(f'DELETE FROM "{TABLE}" WHERE name = ?', (name,)).rowcount > 0
