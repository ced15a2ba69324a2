"""Editing with undo/redo: attribute edits from the table, moving project points, adding and deleting projects.

Every command writes to the workspace at once, in one transaction, and then replaces the layer's data
(``layer.data = new frame``) so the map and the table redraw; undo writes the old values back the same way.
Nothing waits for a "save": a crash never loses an edit that was shown as done.

A command is pushed on the QUndoStack only after its first write succeeded (QUndoStack.push would run
``redo()`` where a Python exception cannot reach the caller); an error in a later undo/redo is reported and the
stack is cleared, since the file and the history would no longer agree.
"""

from __future__ import annotations

import math
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyqtgraph as pg
import shapely
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from areaplan import vocab
from areaplan.errors import AreaPlanError
from areaplan.locate.spatial import tambon_of
from areaplan.values import ValueProblem, clean_text, parse_budget, parse_village_no, parse_year, split_ids
from areaplan.workspace import now_iso
from layers.model import VectorLayer
from ui.map_canvas import MapTool, ToolEvent

PROJECTS = "projects"
#: The source of projects added in the app; project_id is unique within it.
APP_SOURCE = "app"
#: Pixels around a project point that a press on the map still picks it up.
PICK_PX = 8.0

_TEXT_COLUMNS = frozenset({"agency", "location_text", "location_note", "tambon", "amphoe", "changwat"})
#: Thai names of the editable columns (the Thai half of bilingual messages; translated in UI texts).
_COLUMN_TH = {
    "project_id": QT_TRANSLATE_NOOP("EditController", "รหัสโครงการ"),
    "title": QT_TRANSLATE_NOOP("EditController", "ชื่อโครงการ"),
    "channel": QT_TRANSLATE_NOOP("EditController", "ช่องทาง"),
    "agenda": QT_TRANSLATE_NOOP("EditController", "ประเด็น"),
    "status": QT_TRANSLATE_NOOP("EditController", "สถานะ"),
    "fiscal_year": QT_TRANSLATE_NOOP("EditController", "ปีงบประมาณ"),
    "budget": QT_TRANSLATE_NOOP("EditController", "งบประมาณ"),
    "village_no": QT_TRANSLATE_NOOP("EditController", "หมู่ที่"),
    "plan_ids": QT_TRANSLATE_NOOP("EditController", "แผน"),
    "agency": QT_TRANSLATE_NOOP("EditController", "หน่วยงาน"),
    "location_text": QT_TRANSLATE_NOOP("EditController", "ที่ตั้ง"),
}


# ------------------------------------------------------------------------------------- validation
def _code(vocabulary: str, column: str, value: object) -> str | None:
    text = clean_text(value)
    if not text:
        return None
    code = vocab.to_code(vocabulary, text)
    if code is None:
        labels = ", ".join(vocab.VOCABULARIES[vocabulary].values())
        raise ValueProblem(
            f"{_COLUMN_TH[column]}ต้องเป็นหนึ่งใน: {labels} ได้ {text!r}",
            f"{column} must be one of {', '.join(vocab.VOCABULARIES[vocabulary])}, got {text!r}",
        )
    return code


def validate_value(column: str, value: object) -> object:
    """The value to store for what a user typed in a project column; raises ValueProblem (Thai + English)."""
    if column in ("project_id", "title"):
        text = clean_text(value)
        if not text:
            raise ValueProblem(f"{_COLUMN_TH[column]}ต้องไม่ว่าง", f"{column} must not be empty")
        return text
    if column in ("channel", "agenda", "status"):
        return _code(column, column, value)
    if column == "fiscal_year":
        return parse_year(value)
    if column == "budget":
        return parse_budget(value)
    if column == "village_no":
        return parse_village_no(value)
    if column == "plan_ids":
        ids = split_ids(value)
        return ";".join(ids) if ids else None
    if column in _TEXT_COLUMNS:
        return clean_text(value) or None
    raise ValueProblem(f"แก้ไขคอลัมน์ {column} ไม่ได้", f"column {column} cannot be edited")


def _plain(value: object) -> object:
    """A stored value as plain Python (numpy scalars unwrapped, NaN/NA as None)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


# ------------------------------------------------------------------------------------- commands
class _Command(QUndoCommand):
    """A command whose first redo() was already done by the controller before it was pushed."""

    def __init__(self, controller: EditController, text: str) -> None:
        super().__init__(text)
        self.controller = controller
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.controller._guard(self.do, self.text())

    def undo(self) -> None:
        self.controller._guard(self.revert, self.text())

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class UpdateFeatureCommand(_Command):
    """Change some attributes (and optionally the geometry) of one feature."""

    def __init__(self, controller: EditController, layer: str, fid: int, new: dict, old: dict,
                 new_geometry: object = ..., old_geometry: object = ..., text: str = "") -> None:  # fmt: skip
        super().__init__(controller, text)
        self.layer, self.fid = layer, fid
        self.new, self.old = new, old
        self.new_geometry, self.old_geometry = new_geometry, old_geometry

    def do(self) -> None:
        self.controller.write_update(self.layer, self.fid, self.new, self.new_geometry)

    def revert(self) -> None:
        self.controller.write_update(self.layer, self.fid, self.old, self.old_geometry)


class InsertFeatureCommand(_Command):
    """Add one feature (undo deletes it; redo puts it back with the same fid)."""

    def __init__(self, controller: EditController, layer: str, fid: int, values: dict, geometry: object,
                 text: str) -> None:  # fmt: skip
        super().__init__(controller, text)
        self.layer, self.fid, self.values, self.geometry = layer, fid, values, geometry

    def do(self) -> None:
        self.controller.write_insert(self.layer, [(self.fid, self.values, self.geometry)])

    def revert(self) -> None:
        self.controller.write_delete(self.layer, [self.fid])


class DeleteFeaturesCommand(_Command):
    """Delete features (undo puts them back with their fids and every stored value)."""

    def __init__(self, controller: EditController, layer: str, rows: list[tuple[int, dict, object]], text: str) -> None:
        super().__init__(controller, text)
        self.layer, self.rows = layer, rows

    def do(self) -> None:
        self.controller.write_delete(self.layer, [fid for fid, _v, _g in self.rows])

    def revert(self) -> None:
        self.controller.write_insert(self.layer, self.rows)


# ------------------------------------------------------------------------------------- the controller
class EditController(QObject):
    """Edits of the window's workspace and layers, through window.undo_stack."""

    #: (layer name, fid) after a feature was changed, added or deleted by a command or its undo.
    edited = Signal(str, int)
    #: The bilingual message of an edit that was refused or failed (nothing was saved).
    refused = Signal(str)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.undo_stack = QUndoStack(self)
        self.mode: str | None = None  # None, "move" or "add"
        self.show_messages = True

    # -- plumbing
    def _workspace(self) -> Any:
        ws = self.window.workspace
        if ws is None or not hasattr(ws, "update_row"):
            raise AreaPlanError("ยังไม่ได้เปิดพื้นที่ทำงานที่แก้ไขได้", "no editable workspace is open")
        return ws

    def _layer(self, name: str) -> VectorLayer:
        layers = self.window.layers
        if layers is None or name not in layers:
            raise AreaPlanError(f"ไม่มีชั้นข้อมูล {name} บนแผนที่", f"layer {name} is not on the map", layer=name)
        return layers[name]

    def refuse(self, message: str, title: str = QT_TRANSLATE_NOOP("EditController", "แก้ไขไม่ได้")) -> None:
        """Tell the user an edit was refused (status bar, `refused` signal and a warning box).

        `title` is Thai source text marked QT_TRANSLATE_NOOP("EditController", ...); it is translated here.
        """
        self.refused.emit(message)
        self.window.statusBar().showMessage(message, 8000)
        if self.show_messages:
            QMessageBox.warning(self.window, QCoreApplication.translate("EditController", title), message)

    def _guard(self, action: Any, text: str) -> None:
        try:
            action()
        except (AreaPlanError, OSError, ValueError) as exc:
            self.refuse(f"{text}: {exc}", QT_TRANSLATE_NOOP("EditController", "เลิกทำ/ทำซ้ำไม่สำเร็จ"))
            QTimer.singleShot(0, self.undo_stack.clear)  # the history no longer matches the file

    def _position(self, layer: VectorLayer, fid: int) -> int:
        hits = np.flatnonzero(layer.data["fid"].to_numpy() == int(fid))
        if not len(hits):
            raise AreaPlanError(f"ไม่พบรายการ fid {fid}", f"no feature with fid {fid}", layer=layer.name)
        return int(hits[0])

    def current_values(self, layer_name: str, fid: int, columns: list[str]) -> dict:
        """The in-memory values of some columns of a feature."""
        layer = self._layer(layer_name)
        pos = self._position(layer, fid)
        return {c: _plain(layer.data[c].iloc[pos]) if c in layer.data.columns else None for c in columns}

    # -- writing (workspace first, then memory)
    def write_update(self, layer_name: str, fid: int, values: dict, geometry: object = ...) -> None:
        """Save changed values (and geometry) of one feature, then show them."""
        ws = self._workspace()
        layer = self._layer(layer_name)
        with ws.transaction():
            ws.update_row(layer_name, fid, values, geometry=geometry)
        frame = layer.data.copy(deep=False)
        pos = self._position(layer, fid)
        for column, value in values.items():
            series = frame[column].copy() if column in frame.columns else pd.Series(
                [None] * len(frame), index=frame.index, dtype=object)  # fmt: skip
            try:
                series.iloc[pos] = value
            except (TypeError, ValueError):
                series = series.astype(object)
                series.iloc[pos] = value
            frame[column] = series
        if geometry is not ...:
            geoms = frame.geometry.copy()
            geoms.iloc[pos] = geometry
            frame[frame.geometry.name] = geoms
        layer.data = frame
        self.edited.emit(layer_name, int(fid))

    def write_insert(self, layer_name: str, rows: list[tuple[int | None, dict, object]]) -> list[int]:
        """Save new features (keeping a given fid), then show them; return their fids."""
        ws = self._workspace()
        layer = self._layer(layer_name)
        fids = []
        with ws.transaction() as conn:
            for fid, values, geometry in rows:
                new = ws.insert_row(layer_name, values, geometry=geometry)
                if fid is not None and new != fid:
                    # TODO(workspace): Workspace.insert_row(fid=...) would keep this inside areaplan.
                    conn.execute(f'UPDATE "{layer_name}" SET fid = ? WHERE fid = ?', (int(fid), int(new)))
                    new = fid
                fids.append(int(new))
        placeholders = ", ".join("?" for _ in fids)
        added = ws.read_layer(layer_name, where=f"fid IN ({placeholders})", params=tuple(fids))
        keep = [c for c in layer.data.columns if c in added.columns]
        added = added[keep]
        frame = pd.concat([layer.data, added], ignore_index=True) if len(layer.data) else added
        frame = frame.sort_values("fid", kind="stable").reset_index(drop=True)
        layer.data = gpd.GeoDataFrame(frame, geometry=layer.data.geometry.name, crs=layer.data.crs)
        for fid in fids:
            self.edited.emit(layer_name, fid)
        return fids

    def write_delete(self, layer_name: str, fids: list[int]) -> None:
        """Delete features from the workspace, then from the map."""
        ws = self._workspace()
        layer = self._layer(layer_name)
        with ws.transaction():
            for fid in fids:
                ws.delete_row(layer_name, fid)
        keep = ~layer.data["fid"].isin([int(f) for f in fids]).to_numpy()
        layer.data = layer.data[keep].reset_index(drop=True)
        self.window.selection.set(layer_name, fids, "remove")
        for fid in fids:
            self.edited.emit(layer_name, int(fid))

    # -- user edits
    def edit_attribute(self, layer_name: str, fid: int, column: str, raw: object) -> bool:
        """Validate and save one attribute as an undoable command; False (and a message) when refused."""
        try:
            layer = self._layer(layer_name)
            self._workspace()
            value = validate_value(column, raw)
            if column == "project_id":
                self._check_unique_id(layer, value, self.current_values(layer_name, fid, ["source"])["source"], fid)
            old = self.current_values(layer_name, fid, [column])
            if old[column] == value:
                return True
            new = {column: value}
            if "updated_at" in layer.data.columns:
                new["updated_at"] = now_iso()
                old.update(self.current_values(layer_name, fid, ["updated_at"]))
            self.write_update(layer_name, fid, new)
        except ValueProblem as exc:
            self.refuse(f"{_COLUMN_TH.get(column, column)}: {exc}")
            return False
        except (AreaPlanError, OSError) as exc:
            self.refuse(str(exc))
            return False
        label = QCoreApplication.translate("EditController", _COLUMN_TH[column]) if column in _COLUMN_TH else column
        text = self.tr("แก้ไข {column} ของ fid {fid}").format(column=label, fid=fid)
        self.undo_stack.push(UpdateFeatureCommand(self, layer_name, fid, new, old, text=text))
        return True

    def _check_unique_id(self, layer: VectorLayer, project_id: str, source: object, fid: int | None = None) -> None:
        frame = layer.data
        same = (frame["project_id"].astype(object) == project_id) & (frame["source"].astype(object) == source)
        if fid is not None:
            same &= frame["fid"] != fid
        taken = bool(same.any())
        if not taken and self.window.workspace is not None and hasattr(self.window.workspace, "query"):
            rows = self.window.workspace.query(
                "SELECT count(*) FROM projects WHERE project_id = ? AND source = ? AND fid != ?",
                (project_id, source, -1 if fid is None else int(fid)),
            )
            taken = rows[0][0] > 0
        if taken:
            raise ValueProblem(
                f"มีรหัสโครงการ {project_id} จากแหล่ง {source} แล้ว",
                f"project_id {project_id!r} exists already in source {source!r}",
            )

    def located_values(self, lon: float, lat: float) -> dict:
        """Tambon/amphoe/changwat codes, precision and lon/lat of a point, from the workspace tambons."""
        point = shapely.Point(lon, lat)
        layers = self.window.layers
        if layers is not None and "tambon" in layers:
            tambons = layers["tambon"].data
        else:
            tambons = self._workspace().read_layer("tambon", columns=["code"])
        code = tambon_of(gpd.GeoSeries([point], crs="EPSG:4326"), tambons).iloc[0]
        code = str(code) if code is not None else None
        return {
            "tambon_code": code,
            "amphoe_code": code[:4] if code else None,
            "changwat_code": code[:2] if code else None,
            "location_precision": "point",
            "lon": round(float(lon), 7),
            "lat": round(float(lat), 7),
        }

    def move_point(self, fid: int, lon: float, lat: float, layer_name: str = PROJECTS) -> bool:
        """Move a project point to lon/lat (codes derived again) as an undoable command."""
        try:
            layer = self._layer(layer_name)
            pos = self._position(layer, fid)
            old_geometry = layer.data.geometry.iloc[pos]
            new = self.located_values(lon, lat)
            if "updated_at" in layer.data.columns:
                new["updated_at"] = now_iso()
            new = {k: v for k, v in new.items() if k in layer.data.columns}
            old = self.current_values(layer_name, fid, list(new))
            geometry = shapely.Point(lon, lat)
            self.write_update(layer_name, fid, new, geometry)
        except (AreaPlanError, OSError, ValueError) as exc:
            self.refuse(str(exc))
            return False
        text = self.tr("ย้ายตำแหน่ง fid {fid}").format(fid=fid)
        self.undo_stack.push(UpdateFeatureCommand(self, layer_name, fid, new, old, geometry, old_geometry, text))
        if new.get("tambon_code") is None:
            self.window.statusBar().showMessage(self.tr("ตำแหน่งใหม่อยู่นอกตำบลในพื้นที่ทำงาน"), 6000)
        return True

    def add_project(self, lon: float, lat: float, values: dict) -> int | None:
        """Validate and add a project at lon/lat (source "app") as an undoable command; its fid or None."""
        try:
            layer = self._layer(PROJECTS)
            clean = {c: validate_value(c, values.get(c)) for c in
                     ("project_id", "title", "channel", "fiscal_year", "budget", "agenda", "status")}  # fmt: skip
            for column in ("agency", "location_text"):
                if values.get(column):
                    clean[column] = validate_value(column, values[column])
            self._check_unique_id(layer, clean["project_id"], APP_SOURCE)
            clean.update(source=APP_SOURCE, updated_at=now_iso(), **self.located_values(lon, lat))
            geometry = shapely.Point(lon, lat)
            (fid,) = self.write_insert(PROJECTS, [(None, clean, geometry)])
        except ValueProblem as exc:
            self.refuse(str(exc), QT_TRANSLATE_NOOP("EditController", "เพิ่มโครงการไม่ได้"))
            return None
        except (AreaPlanError, OSError) as exc:
            self.refuse(str(exc), QT_TRANSLATE_NOOP("EditController", "เพิ่มโครงการไม่ได้"))
            return None
        text = self.tr("เพิ่มโครงการ {id}").format(id=clean["project_id"])
        self.undo_stack.push(InsertFeatureCommand(self, PROJECTS, fid, clean, geometry, text))
        self.window.selection.set(PROJECTS, [fid])
        return fid

    def delete_features(self, fids: list[int], layer_name: str = PROJECTS) -> bool:
        """Delete features (e.g. the selected projects) as one undoable command."""
        fids = sorted({int(f) for f in fids})
        if not fids:
            return False
        try:
            ws = self._workspace()
            self._layer(layer_name)
            placeholders = ", ".join("?" for _ in fids)
            stored = ws.read_layer(layer_name, where=f"fid IN ({placeholders})", params=tuple(fids))
            rows = []
            for record, geometry in zip(stored.drop(columns=[stored.geometry.name]).to_dict("records"),
                                        stored.geometry.values):  # fmt: skip
                fid = int(record.pop("fid"))
                rows.append((fid, {k: _plain(v) for k, v in record.items()}, geometry))
            self.write_delete(layer_name, [fid for fid, _v, _g in rows])
        except (AreaPlanError, OSError) as exc:
            self.refuse(str(exc), QT_TRANSLATE_NOOP("EditController", "ลบไม่ได้"))
            return False
        text = self.tr("ลบ {n} รายการ").format(n=len(rows))
        self.undo_stack.push(DeleteFeaturesCommand(self, layer_name, rows, text))
        return True

    def delete_selected(self) -> bool:
        """Delete the selected projects."""
        return self.delete_features(sorted(self.window.selection.get(PROJECTS)))

    # -- asking the user
    def ask_project_values(self, lon: float, lat: float) -> dict | None:
        """Show the new-project dialog; the values typed, or None when cancelled."""
        located = self.located_values(lon, lat)
        dialog = ProjectDialog(self.window, lon, lat, located.get("tambon_code"), self.suggest_project_id())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_values

    def add_project_at(self, lon: float, lat: float) -> int | None:
        """Ask for the new project's values and add it (the click of the add tool)."""
        values = self.ask_project_values(lon, lat)
        if values is None:
            return None
        return self.add_project(lon, lat, values)

    def suggest_project_id(self) -> str:
        """The next free APP-<year>-<n> id."""
        from areaplan.values import fiscal_year_of

        today = pd.Timestamp.now()
        year = fiscal_year_of(today.year, today.month)
        taken: set[str] = set()
        layers = self.window.layers
        if layers is not None and PROJECTS in layers:
            frame = layers[PROJECTS].data
            taken = set(frame.loc[frame["source"].astype(object) == APP_SOURCE, "project_id"].astype(str))
        n = 1
        while f"APP-{year}-{n:04d}" in taken:
            n += 1
        return f"APP-{year}-{n:04d}"


# ------------------------------------------------------------------------------------- dialog
class ProjectDialog(QDialog):
    """The values of a new project (Thai labels; codes kept as item data)."""

    def __init__(self, parent: QWidget | None, lon: float, lat: float, tambon_code: str | None,
                 project_id: str = "") -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("เพิ่มโครงการ"))
        self.result_values: dict | None = None
        form = QFormLayout()
        self.project_id = QLineEdit(project_id, self)
        self.title_edit = QLineEdit(self)
        self.title_edit.setMinimumWidth(360)
        self.channel = self._combo(vocab.CHANNELS)
        self.fiscal_year = QLineEdit(self)
        self.fiscal_year.setPlaceholderText(self.tr("พ.ศ. เช่น 2569"))
        self.budget = QLineEdit(self)
        self.budget.setPlaceholderText(self.tr("บาท เช่น 1,500,000 หรือ 1.5 ล้าน"))
        self.agenda = self._combo(vocab.AGENDAS)
        self.status = self._combo(vocab.STATUSES, blank=False)
        self.agency = QLineEdit(self)
        where = self.tr("ตำบลรหัส {code}").format(code=tambon_code) if tambon_code else self.tr("นอกตำบลในพื้นที่ทำงาน")
        form.addRow(self.tr("ตำแหน่ง"), QLabel(f"{lat:.5f}, {lon:.5f} ({where})", self))
        for label, widget in ((self.tr("รหัสโครงการ"), self.project_id), (self.tr("ชื่อโครงการ"), self.title_edit),
                              (self.tr("ช่องทาง"), self.channel), (self.tr("ปีงบประมาณ"), self.fiscal_year),
                              (self.tr("งบประมาณ"), self.budget), (self.tr("ประเด็น"), self.agenda),
                              (self.tr("สถานะ"), self.status), (self.tr("หน่วยงาน"), self.agency)):  # fmt: skip
            form.addRow(label, widget)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("เพิ่ม"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ยกเลิก"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def _combo(self, table: dict[str, str], blank: bool = True) -> QComboBox:
        combo = QComboBox(self)
        if blank:
            combo.addItem(self.tr("(ไม่ระบุ)"), None)
        for code, label in table.items():
            combo.addItem(label, code)
        return combo

    def values(self) -> dict:
        """The values typed, validated; raises ValueProblem naming the first wrong one."""
        raw = {
            "project_id": self.project_id.text(),
            "title": self.title_edit.text(),
            "channel": self.channel.currentData(),
            "fiscal_year": self.fiscal_year.text(),
            "budget": self.budget.text(),
            "agenda": self.agenda.currentData(),
            "status": self.status.currentData(),
            "agency": self.agency.text(),
        }
        out = {}
        for column, value in raw.items():
            try:
                out[column] = validate_value(column, value)
            except ValueProblem as exc:
                raise ValueProblem(f"{_COLUMN_TH[column]}: {exc.th}", f"{column}: {exc.en}") from None
        if out["fiscal_year"] is None:
            raise ValueProblem("ปีงบประมาณต้องไม่ว่าง", "fiscal_year must not be empty")
        return out

    def accept(self) -> None:
        """Close only when every value is valid (the problem is shown in the dialog otherwise)."""
        try:
            self.result_values = self.values()
        except ValueProblem as exc:
            self.error_label.setText(str(exc))
            return
        super().accept()


# ------------------------------------------------------------------------------------- canvas tools
class AddProjectTool(MapTool):
    """Click the map to add a project there (the dialog asks for its values)."""

    name = "add_project"
    title = QT_TRANSLATE_NOOP("MapTools", "เพิ่มโครงการ")
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, canvas: Any, controller: EditController) -> None:
        super().__init__(canvas)
        self.controller = controller

    def click(self, event: ToolEvent) -> None:
        """A left click: ask for the values and add the project (after the click has been handled)."""
        if event.button != Qt.MouseButton.LeftButton or event.double:
            return
        lon, lat = self.canvas.map_to_lonlat(event.x, event.y)
        QTimer.singleShot(0, lambda: self.controller.add_project_at(lon, lat))


class MovePointTool(MapTool):
    """Drag a project point to move it; the codes of its new tambon are derived on release."""

    name = "move_point"
    title = QT_TRANSLATE_NOOP("MapTools", "แก้ไขตำแหน่ง")
    cursor = Qt.CursorShape.PointingHandCursor
    drags_box = True

    def __init__(self, canvas: Any, controller: EditController) -> None:
        super().__init__(canvas)
        self.controller = controller
        self.fid: int | None = None
        self._missed = False
        self.marker = pg.ScatterPlotItem(size=13, pen=pg.mkPen("#d62728", width=2), brush=pg.mkBrush("#ffffff90"))
        self.marker.hide()
        canvas.add_overlay(self.marker, 2e6)

    def hit(self, x: float, y: float) -> int | None:
        """The fid of the project point nearest a map position, within PICK_PX pixels."""
        layers = self.controller.window.layers
        if layers is None or PROJECTS not in layers or not layers[PROJECTS].visible:
            return None
        layer = layers[PROJECTS]
        values = np.asarray(layer.projected(layers.crs).values, dtype=object)
        if not len(values):
            return None
        idx = np.flatnonzero(shapely.get_type_id(values) == 0)
        if not len(idx):
            return None
        xs, ys = shapely.get_x(values[idx]), shapely.get_y(values[idx])
        d2 = (xs - x) ** 2 + (ys - y) ** 2
        best = int(np.argmin(d2))
        if d2[best] > (PICK_PX * self.canvas.units_per_pixel()) ** 2:
            return None
        return int(layer.data["fid"].iloc[idx[best]])

    def box_changed(self, rect: QRectF, event: ToolEvent) -> None:
        """While dragging: on the first move pick the point under the press, then follow the cursor."""
        if self.fid is None and not self._missed:
            # the press point is the corner of the (normalised) rectangle opposite the cursor
            x0 = rect.right() if math.isclose(event.x, rect.left()) else rect.left()
            y0 = rect.bottom() if math.isclose(event.y, rect.top()) else rect.top()
            self.fid = self.hit(x0, y0)
            self._missed = self.fid is None
        if self.fid is not None:
            self.marker.setData([event.x], [event.y])
            self.marker.show()

    def box_finished(self, rect: QRectF, event: ToolEvent) -> None:
        """Release: move the picked point to where the cursor is."""
        fid = self.fid
        self.cancel()
        if fid is not None:
            lon, lat = self.canvas.map_to_lonlat(event.x, event.y)
            self.controller.move_point(fid, lon, lat)

    def cancel(self) -> None:
        """Escape or another tool: forget the drag."""
        self.fid, self._missed = None, False
        self.marker.hide()


# ------------------------------------------------------------------------------------- install
def install(window: Any) -> EditController:
    """Undo/redo in the Edit menu, the move/add tools, delete, and table editing."""
    controller = EditController(window)
    window.editing = controller
    window.undo_stack = stack = controller.undo_stack

    undo = stack.createUndoAction(window, QCoreApplication.translate("EditController", "เลิกทำ"))
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo = stack.createRedoAction(window, QCoreApplication.translate("EditController", "ทำซ้ำ"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    window.action_undo, window.action_redo = undo, redo
    menu = window.menu_edit
    menu.addAction(undo)
    menu.addAction(redo)
    menu.addSeparator()

    canvas = window.canvas
    controller.move_tool = MovePointTool(canvas, controller)
    controller.add_tool = AddProjectTool(canvas, controller)
    group = QActionGroup(window)
    group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
    move = QAction(QCoreApplication.translate("EditController", "แก้ไขตำแหน่ง"), window)
    move.setToolTip(QCoreApplication.translate("EditController", "ลากจุดโครงการบนแผนที่เพื่อย้ายตำแหน่ง"))
    add = QAction(QCoreApplication.translate("EditController", "เพิ่มโครงการ"), window)
    add.setToolTip(QCoreApplication.translate("EditController", "คลิกบนแผนที่เพื่อเพิ่มโครงการ ณ ตำแหน่งนั้น"))
    tool_actions = {MovePointTool.name: move, AddProjectTool.name: add}
    for tool in (controller.move_tool, controller.add_tool):
        canvas.register_tool(tool)
    for name, action in tool_actions.items():
        action.setCheckable(True)
        group.addAction(action)
        menu.addAction(action)
        window.toolbar.addAction(action)
        action.triggered.connect(
            lambda checked, name=name: canvas.set_tool(name if checked else "pan")
        )

    def on_tool(name: str) -> None:
        controller.mode = {MovePointTool.name: "move", AddProjectTool.name: "add"}.get(name)
        for tool_name, action in tool_actions.items():
            action.blockSignals(True)
            action.setChecked(tool_name == name)
            action.blockSignals(False)

    canvas.toolChanged.connect(on_tool)
    window.action_move_point, window.action_add_project = move, add

    delete = QAction(QCoreApplication.translate("EditController", "ลบโครงการที่เลือก"), window)
    delete.triggered.connect(controller.delete_selected)
    menu.addAction(delete)
    window.action_delete_projects = delete

    def on_workspace() -> None:
        stack.clear()  # commands refer to the workspace they were made in
        if canvas.tool is not None and canvas.tool.name in tool_actions:
            canvas.set_tool("pan")
        editable = window.workspace is not None and hasattr(window.workspace, "update_row")
        for action in (move, add, delete):
            action.setEnabled(editable)

    window.workspaceChanged.connect(on_workspace)
    on_workspace()
    table = getattr(window, "attribute_table", None)
    if table is not None:
        table.model.editor = controller.edit_attribute
    return controller


__all__ = ["EditController", "ProjectDialog", "install", "validate_value"]
