"""Committee notes per area (a tambon, amphoe, changwat or village), kept in the workspace table ``area_notes``.

One note per area and level; saving again replaces the text (``updated_at`` records when). ``status`` is a short
code the committee may use, e.g. ``follow_up`` (ติดตาม), ``proposed`` (เสนอโครงการ), ``done`` (ดำเนินการแล้ว).
"""

from __future__ import annotations

import pandas as pd

from areaplan.errors import AreaPlanError

LEVELS: tuple[str, ...] = ("changwat", "amphoe", "tambon", "muban")
STATUSES: dict[str, str] = {"follow_up": "ติดตาม", "proposed": "เสนอโครงการ", "done": "ดำเนินการแล้ว", "": ""}
COLUMNS: tuple[str, ...] = ("level", "area_code", "note", "author", "status", "updated_at")


class AreaNoteError(AreaPlanError, ValueError):
    """A note that cannot be saved (unknown level, no area code, unknown status)."""


def _check(level: str, area_code: str, status: str | None = None) -> None:
    if level not in LEVELS:
        raise AreaNoteError(f"ไม่รู้จักระดับพื้นที่ {level!r} (ใช้ได้: {', '.join(LEVELS)})",
                            f"unknown level {level!r}; use one of {', '.join(LEVELS)}", field="level")
    if not str(area_code or "").strip():
        raise AreaNoteError("ต้องระบุรหัสพื้นที่", "an area code is required", field="area_code")
    if status is not None and status not in STATUSES:
        raise AreaNoteError(f"ไม่รู้จักสถานะ {status!r} (ใช้ได้: {', '.join(s for s in STATUSES if s)})",
                            f"unknown status {status!r}; use one of {', '.join(s for s in STATUSES if s)}",
                            field="status")


def save_note(ws, level: str, area_code: str, note: str, *, author: str | None = None,
              status: str | None = None) -> None:
    """Save (or replace) the committee's note on one area, in one transaction."""
    from areaplan.workspace import now_iso

    _check(level, area_code, status)
    row = {"level": level, "area_code": str(area_code).strip(), "note": note or "", "author": author,
           "status": status or "", "updated_at": now_iso()}
    ws.upsert("area_notes", pd.DataFrame([row]))


def note_for(ws, level: str, area_code: str) -> dict | None:
    """The note on one area as a dict (note, author, status, updated_at), or None."""
    _check(level, area_code)
    rows = ws.read_table("area_notes", where="level = ? AND area_code = ?", params=(level, str(area_code).strip()))
    return None if rows.empty else rows.drop(columns=["fid"]).iloc[0].to_dict()


def notes(ws, level: str | None = None) -> pd.DataFrame:
    """All notes (of one level when given), in area-code order."""
    if level is not None:
        _check(level, "-")
        frame = ws.read_table("area_notes", where="level = ?", params=(level,))
    else:
        frame = ws.read_table("area_notes")
    return frame.drop(columns=["fid"]).sort_values(["level", "area_code"], kind="stable").reset_index(drop=True)


def delete_note(ws, level: str, area_code: str) -> bool:
    """Remove the note on one area; True when there was one."""
    _check(level, area_code)
    return ws.delete("area_notes", "level = ? AND area_code = ?", (level, str(area_code).strip())) > 0


def with_notes(areas: pd.DataFrame, ws, level: str) -> pd.DataFrame:
    """An area table with the committee's ``note`` and ``note_status`` columns joined by code."""
    n = notes(ws, level).set_index("area_code")
    out = areas.copy()
    codes = out["code"].astype(str)
    out["note"] = codes.map(n["note"]) if len(n) else None
    out["note_status"] = codes.map(n["status"]) if len(n) else None
    return out
