"""เกณฑ์ระดับความเสี่ยง (Class thresholds)…: the committee edits the class table of one hazard.

One row per class (ต่ำ, ปานกลาง, สูง, สูงมาก) with a tick for whether the hazard uses it, its Thai and English
names, the lower bound ("ตั้งแต่", inclusive) and the upper bound ("ถึง", exclusive; the lower bound of the next used
class, so editing either moves the same boundary). For depth rasters the bounds are metres, for frequencies times
flooded in 10 years, for class rasters and class zones the codes in the data that map to the class. The dialog only
builds a :class:`~areaplan.analyses.hazard_classes.ClassScheme`; the flood review saves it (undoably) and reruns.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from areaplan.analyses.hazard_classes import (
    UNITS,
    ClassScheme,
    class_label,
    default_scheme,
    validate_scheme,
)

CODES: tuple[int, ...] = (1, 2, 3, 4)
COL_USE, COL_CODE, COL_TH, COL_EN, COL_FROM, COL_TO = range(6)


def _fmt(value: float) -> str:
    return "" if value is None or (isinstance(value, float) and math.isinf(value)) else f"{value:g}"


def _number(text: str) -> float | None:
    text = (text or "").strip().replace(",", "")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return None


class ThresholdsDialog(QDialog):
    """Edit the ordered classes of one hazard: used classes, lower/upper bounds; restore the documented defaults."""

    def __init__(self, parent: Any, hazard: str, scheme: ClassScheme) -> None:
        super().__init__(parent)
        self.setObjectName("floodThresholdsDialog")
        self.hazard, self.kind = hazard, scheme.kind
        self.setWindowTitle(self.tr("เกณฑ์ระดับความเสี่ยง (Class thresholds): {name}").format(name=hazard))
        th_unit, en_unit = UNITS.get(self.kind, ("", ""))
        if self.kind == "class":
            help_text = self.tr("ค่ารหัสในข้อมูลที่ ≥ \"ตั้งแต่\" และ < \"ถึง\" จัดเป็นระดับนั้น ค่าที่ต่ำกว่าระดับแรกคือไม่เสี่ยง "
                                "(codes in the data from \"from\" up to \"to\" map to the class)")
        else:
            help_text = self.tr("ค่า ≥ \"ตั้งแต่\" และ < \"ถึง\" ({unit}) จัดเป็นระดับนั้น ค่าที่ต่ำกว่าระดับแรกคือไม่ท่วม "
                                "(values from \"from\" up to \"to\", in {unit_en}, are in the class)").format(
                unit=th_unit, unit_en=en_unit)
        self.help_label = QLabel(help_text, self)
        self.help_label.setWordWrap(True)
        self.table = QTableWidget(len(CODES), 6, self)
        self.table.setObjectName("floodThresholdsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("ใช้"), self.tr("ระดับ"), self.tr("ชื่อ (ไทย)"), self.tr("Name (English)"),
            self.tr("ตั้งแต่ ≥ ({unit})").format(unit=th_unit), self.tr("ถึง < ({unit})").format(unit=th_unit)])
        self.table.verticalHeader().hide()
        for row, code in enumerate(CODES):
            use = QTableWidgetItem()
            use.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, COL_USE, use)
            for col, text in ((COL_CODE, str(code)), (COL_TH, class_label(code, "th")),
                              (COL_EN, class_label(code, "en"))):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, col, item)
            for col in (COL_FROM, COL_TO):
                self.table.setItem(row, col, QTableWidgetItem(""))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("floodThresholdsError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.defaults_button = QPushButton(self.tr("คืนค่าเริ่มต้น (Restore defaults)"), self)
        self.defaults_button.clicked.connect(self.restore_defaults)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("บันทึกและวิเคราะห์ใหม่"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ยกเลิก"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.defaults_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.help_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(bottom)
        self._syncing = False
        self.table.itemChanged.connect(self._on_item_changed)
        self.set_scheme(scheme)
        self.table.resizeColumnsToContents()
        self.resize(640, 300)

    # -- contents
    def set_scheme(self, scheme: ClassScheme) -> None:
        """Show a class table (classes it does not use are unticked)."""
        bounds = dict(scheme.breaks)
        self._syncing = True
        try:
            for row, code in enumerate(CODES):
                used = code in bounds
                self.table.item(row, COL_USE).setCheckState(Qt.CheckState.Checked if used else Qt.CheckState.Unchecked)
                self.table.item(row, COL_FROM).setText(_fmt(bounds[code]) if used else "")
        finally:
            self._syncing = False
        self._sync_upper()
        self.error_label.setText("")

    def restore_defaults(self) -> None:
        """Put the documented default classes of this hazard's kind back in the table (saved only on Save)."""
        self.set_scheme(default_scheme(self.kind))

    def set_bound(self, code: int, lower: float | str | None = None, *, upper: float | str | None = None,
                  used: bool | None = None) -> None:
        """Type a lower and/or upper bound of a class, or (un)tick it (as a user would)."""
        row = CODES.index(code)
        if used is not None:
            self.table.item(row, COL_USE).setCheckState(Qt.CheckState.Checked if used else Qt.CheckState.Unchecked)
        if lower is not None:
            self.table.item(row, COL_FROM).setText(str(lower))
        if upper is not None:
            self.table.item(row, COL_TO).setText(str(upper))

    def _used_rows(self) -> list[int]:
        return [r for r in range(len(CODES)) if self.table.item(r, COL_USE).checkState() == Qt.CheckState.Checked]

    def _sync_upper(self) -> None:
        """The "to" column: the lower bound of the next used class (empty for the last; greyed when unused)."""
        used = self._used_rows()
        self._syncing = True
        try:
            for row in range(len(CODES)):
                to = self.table.item(row, COL_TO)
                lower = self.table.item(row, COL_FROM)
                if row in used:
                    nxt = [r for r in used if r > row]
                    to.setText(self.table.item(nxt[0], COL_FROM).text() if nxt else "")
                    editable = bool(nxt)
                else:
                    to.setText("")
                    editable = False
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                to.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags)
                lower.setFlags(flags | Qt.ItemFlag.ItemIsEditable if row in used else flags)
        finally:
            self._syncing = False

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._syncing:
            return
        if item.column() == COL_TO:  # the upper bound of a class is the lower bound of the next used one
            nxt = [r for r in self._used_rows() if r > item.row()]
            if nxt:
                self._syncing = True
                try:
                    self.table.item(nxt[0], COL_FROM).setText(item.text())
                finally:
                    self._syncing = False
        if item.column() in (COL_USE, COL_FROM, COL_TO):
            self._sync_upper()
            self.error_label.setText("")

    # -- result
    def problems(self) -> list[str]:
        """What is wrong with the table as typed, one Thai + English line each (empty: it can be saved)."""
        out = []
        for row in self._used_rows():
            text = self.table.item(row, COL_FROM).text()
            if _number(text) is None:
                name = class_label(CODES[row], "th")
                out.append(self.tr("เกณฑ์ของระดับ {name} ไม่ใช่ตัวเลข: {text!r} (the bound of class {en} is not a number)")
                           .format(name=name, text=text, en=class_label(CODES[row], "en")))
        if out:
            return out
        return [p.message for p in validate_scheme(self._scheme())]

    def _scheme(self) -> ClassScheme:
        return ClassScheme(self.kind, tuple((CODES[r], float(_number(self.table.item(r, COL_FROM).text())))
                                            for r in self._used_rows()))

    def scheme(self) -> ClassScheme | None:
        """The edited class table, or None while it has problems."""
        return None if self.problems() else self._scheme()

    def is_default(self) -> bool:
        """True when the table equals the documented default of the kind."""
        s = self.scheme()
        return s is not None and s == default_scheme(self.kind)

    def accept(self) -> None:
        """Close with Save only when the table is valid; otherwise say what is wrong."""
        problems = self.problems()
        if problems:
            self.error_label.setText("\n".join(problems))
            return
        super().accept()


def thresholds_title() -> str:
    """Title of the dock button and dialog."""
    return QCoreApplication.translate("FloodThresholds", "เกณฑ์ระดับความเสี่ยง (Class thresholds)…")


__all__ = ["ThresholdsDialog", "thresholds_title"]
