"""Committee notes per area and class tables, saved in the workspace and read back after reopening."""

from __future__ import annotations

import pytest

from areaplan.analyses import area_notes
from areaplan.analyses.hazard_classes import (
    ClassScheme,
    HazardClassError,
    default_scheme,
    load_scheme,
    reset_scheme,
    save_scheme,
    validate_scheme,
)
from areaplan.workspace import Workspace


def test_notes_are_saved_replaced_and_kept_after_reopening(tmp_path):
    path = tmp_path / "ws.gpkg"
    ws = Workspace.create(path)
    area_notes.save_note(ws, "tambon", "901104", "เสนอขุดลอกคลองอู่ตะเภา ปี 2569", author="กรรมการ ก",
                         status="follow_up")
    area_notes.save_note(ws, "amphoe", "9011", "ติดตามงบ")
    area_notes.save_note(ws, "tambon", "901104", "เสนอขุดลอกและสร้างคันกั้นน้ำ", author="กรรมการ ข", status="proposed")
    ws.close()
    with Workspace.open(path) as ws:
        note = area_notes.note_for(ws, "tambon", "901104")
        assert note["note"] == "เสนอขุดลอกและสร้างคันกั้นน้ำ" and note["author"] == "กรรมการ ข"
        assert note["status"] == "proposed" and note["updated_at"]
        assert len(area_notes.notes(ws)) == 2 and len(area_notes.notes(ws, "tambon")) == 1
        joined = area_notes.with_notes(
            __import__("pandas").DataFrame({"code": ["901104", "901105"]}), ws, "tambon")
        assert joined["note"].tolist()[0].startswith("เสนอ") and joined["note"].isna().tolist()[1]
        assert area_notes.delete_note(ws, "tambon", "901104") and area_notes.note_for(ws, "tambon", "901104") is None


@pytest.mark.parametrize(("args", "message"), [
    (("district", "9011", "x"), "unknown level 'district'"),
    (("tambon", " ", "x"), "an area code is required"),
])
def test_note_errors(workspace, args, message):
    with pytest.raises(area_notes.AreaNoteError, match=message):
        area_notes.save_note(workspace, *args)
    with pytest.raises(area_notes.AreaNoteError, match="unknown status 'maybe'"):
        area_notes.save_note(workspace, "tambon", "901104", "x", status="maybe")


def test_class_tables_validate_save_reload_and_reset(tmp_path):
    import pandas as pd

    path = tmp_path / "ws.gpkg"
    ws = Workspace.create(path)
    ws.upsert("hazards", pd.DataFrame([{"name": "d", "kind": "depth", "storage": "file", "path": "x.tif"}]))
    assert load_scheme(ws, "d") == default_scheme("depth")
    with pytest.raises(HazardClassError, match="the class table is empty"):
        save_scheme(ws, "d", ClassScheme("depth", ()))
    with pytest.raises(HazardClassError, match="strictly increasing"):
        save_scheme(ws, "d", ClassScheme("depth", ((1, 1.0), (2, 0.5))))
    with pytest.raises(HazardClassError, match="no hazard named 'nope'"):
        save_scheme(ws, "nope", default_scheme("depth"))
    mine = ClassScheme("depth", ((2, 0.3), (3, 0.7), (4, 1.2)))
    save_scheme(ws, "d", mine)
    ws.close()
    with Workspace.open(path) as ws:
        assert load_scheme(ws, "d") == mine
        reset_scheme(ws, "d")
        assert load_scheme(ws, "d") == default_scheme("depth")
    assert [p.en for p in validate_scheme(ClassScheme("depth", ((7, 1.0),)))] == \
        ["class codes [7] do not exist (use 1–4)"]


def test_default_tables_are_documented_and_ordered():
    depth = default_scheme("depth").table()
    assert depth["lower"].tolist() == [0.01, 0.5, 1.0, 2.0] and depth["label_th"].tolist()[-1] == "สูงมาก"
    freq = default_scheme("frequency")
    assert freq.classify([0, 1, 3, 4, 7, 8, 10]).tolist() == [0, 2, 2, 3, 3, 4, 4]  # LDD: ≤3, 4–7, 8–10 times
    assert default_scheme("class").classify([0, 1, 2, 3, 4]).tolist() == [0, 1, 2, 3, 4]
    assert "≥ 1" in default_scheme("depth").lines()[2]
    with pytest.raises(HazardClassError, match="unknown hazard kind"):
        default_scheme("wind")
