"""The style dialog of a vector layer: single symbol, categorised, graduated (mapclassify), labels.

Nothing here draws the map: Apply/OK set ``layer.style``, ``layer.labels`` and ``layer.opacity`` through
the model's setters, and the canvas redraws from the model's events (architecture §3).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSlider,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from areaplan.errors import AreaPlanError
from layers.fonts import thai_font
from layers.model import POINT_SYMBOLS, LabelSettings, Style
from layers.render import qcolor
from layers.style import (
    DEFAULT_RAMP,
    MAX_CLASSES,
    METHODS,
    MIN_CLASSES,
    RAMPS,
    categorised_style,
    graduated_style,
    legend_entries,
)

SINGLE, CATEGORISED, GRADUATED = "single", "categorised", "graduated"
# The Thai texts of these tables are marked for lupdate (context "StyleEditor") and translated when shown.
MODES = {
    SINGLE: QT_TRANSLATE_NOOP("StyleEditor", "สัญลักษณ์เดียว"),
    CATEGORISED: QT_TRANSLATE_NOOP("StyleEditor", "แยกตามหมวด"),
    GRADUATED: QT_TRANSLATE_NOOP("StyleEditor", "ไล่ระดับตามค่า"),
}
SYMBOL_NAMES = {
    "circle": QT_TRANSLATE_NOOP("StyleEditor", "วงกลม"),
    "square": QT_TRANSLATE_NOOP("StyleEditor", "สี่เหลี่ยม"),
    "triangle": QT_TRANSLATE_NOOP("StyleEditor", "สามเหลี่ยม"),
    "diamond": QT_TRANSLATE_NOOP("StyleEditor", "ข้าวหลามตัด"),
}
#: Thai names of the fields people usually style by (others show their column name).
FIELD_NAMES = {
    "channel": QT_TRANSLATE_NOOP("StyleEditor", "ช่องทางงบประมาณ"),
    "agenda": QT_TRANSLATE_NOOP("StyleEditor", "ประเด็นการพัฒนา"),
    "status": QT_TRANSLATE_NOOP("StyleEditor", "สถานะ"),
    "fiscal_year": QT_TRANSLATE_NOOP("StyleEditor", "ปีงบประมาณ"),
    "budget": QT_TRANSLATE_NOOP("StyleEditor", "งบประมาณ"),
    "agency": QT_TRANSLATE_NOOP("StyleEditor", "หน่วยงาน"),
    "tambon_code": QT_TRANSLATE_NOOP("StyleEditor", "รหัสตำบล"),
    "parent_code": QT_TRANSLATE_NOOP("StyleEditor", "รหัสหน่วยเหนือ"),
    "name_th": QT_TRANSLATE_NOOP("StyleEditor", "ชื่อ (ไทย)"),
    "name_en": QT_TRANSLATE_NOOP("StyleEditor", "ชื่อ (อังกฤษ)"),
    "title": QT_TRANSLATE_NOOP("StyleEditor", "ชื่อโครงการ"),
    "code": QT_TRANSLATE_NOOP("StyleEditor", "รหัส"),
    "class": QT_TRANSLATE_NOOP("StyleEditor", "ระดับ"),
    "class_label": QT_TRANSLATE_NOOP("StyleEditor", "ระดับ (ข้อความ)"),
    "hazard": QT_TRANSLATE_NOOP("StyleEditor", "ภัย"),
    "depth": QT_TRANSLATE_NOOP("StyleEditor", "ความลึก"),
    "frequency": QT_TRANSLATE_NOOP("StyleEditor", "ความถี่"),
}
#: The Thai names of layers.style.METHODS and RAMPS, as literals lupdate can see.
METHOD_NAMES = (
    QT_TRANSLATE_NOOP("StyleEditor", "ช่วงเท่ากัน"),
    QT_TRANSLATE_NOOP("StyleEditor", "ควอนไทล์ (จำนวนเท่ากัน)"),
    QT_TRANSLATE_NOOP("StyleEditor", "แบ่งตามธรรมชาติ (Jenks)"),
)
RAMP_NAMES = (
    QT_TRANSLATE_NOOP("StyleEditor", "เหลือง-ส้ม-แดง"),
    QT_TRANSLATE_NOOP("StyleEditor", "ฟ้า"),
    QT_TRANSLATE_NOOP("StyleEditor", "เขียว"),
    QT_TRANSLATE_NOOP("StyleEditor", "ม่วง"),
    QT_TRANSLATE_NOOP("StyleEditor", "วิริดิส"),
    QT_TRANSLATE_NOOP("StyleEditor", "แดง-เหลือง-เขียว"),
    QT_TRANSLATE_NOOP("StyleEditor", "แดง-ฟ้า"),
    QT_TRANSLATE_NOOP("StyleEditor", "น้ำตาล-เขียวน้ำทะเล"),
)
#: The kinds of colour ramps.
RAMP_KINDS = {"sequential": QT_TRANSLATE_NOOP("StyleEditor", "ต่อเนื่อง"), "diverging": QT_TRANSLATE_NOOP("StyleEditor", "สองขั้ว")}
#: Categorised styles with more distinct values than this are refused (a legend nobody can read).
MAX_CATEGORIES = 60


def css(colour: QColor) -> str:
    """CSS hex of a QColor (#rrggbb, or #rrggbbaa when not opaque)."""
    rgb = f"#{colour.red():02x}{colour.green():02x}{colour.blue():02x}"
    return rgb if colour.alpha() == 255 else f"{rgb}{colour.alpha():02x}"


def colour_icon(colour: str | None, size: int = 16) -> QIcon:
    """A square swatch icon (a crossed box for 'none')."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    if colour:
        painter.fillRect(0, 0, size, size, qcolor(colour))
    else:
        painter.drawLine(0, 0, size - 1, size - 1)
    painter.setPen(QColor("#666666"))
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)


class ColourButton(QPushButton):
    """A button showing a colour; a click opens QColorDialog (alpha allowed). ``colour`` None = no colour."""

    colourChanged = Signal(object)

    def __init__(self, colour: str | None, parent: QWidget | None = None, *, allow_none: bool = False) -> None:
        super().__init__(parent)
        self._colour: str | None = None
        self.allow_none = allow_none
        self.clicked.connect(self._choose)
        self.set_colour(colour)

    @property
    def colour(self) -> str | None:
        """The chosen colour as CSS hex, or None."""
        return self._colour

    def set_colour(self, colour: str | None) -> None:
        """Show a colour (CSS hex or None) and emit colourChanged when it changes."""
        if colour is None and not self.allow_none:
            colour = "#000000"
        changed = colour != self._colour
        self._colour = colour
        self.setIcon(colour_icon(colour))
        self.setText(colour or self.tr("ไม่มี"))
        if changed:
            self.colourChanged.emit(colour)

    def _choose(self) -> None:
        start = qcolor(self._colour) if self._colour else QColor("#ffffff")
        chosen = QColorDialog.getColor(
            start, self, self.tr("เลือกสี"), QColorDialog.ColorDialogOption.ShowAlphaChannel
        )
        if chosen.isValid():
            self.set_colour(css(chosen))


class StyleEditor(QDialog):
    """The style dialog of one layer (non-modal; one per layer)."""

    #: Emitted after the dialog set a new style/labels/opacity on the layer.
    applied = Signal()

    def __init__(self, layer: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layer = layer
        self.setWindowTitle(self.tr("รูปแบบ — {title}").format(title=layer.title_th))
        self.setObjectName(f"styleEditor_{layer.name}")
        self.resize(520, 560)
        self._style: Style = layer.style  # the style being edited (classes included)
        self._updating = False
        data = layer.data
        self._columns = [c for c in data.columns if c != data.geometry.name]
        self._numeric = [c for c in self._columns if pd.api.types.is_numeric_dtype(data[c])]

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._symbology_tab(), self.tr("สัญลักษณ์"))
        self.tabs.addTab(self._labels_tab(), self.tr("ป้ายชื่อ"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel, self,
        )  # fmt: skip
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("ตกลง"))
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).setText(self.tr("นำไปใช้"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ยกเลิก"))
        self.buttons.clicked.connect(self._on_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.load_from_layer()

    # -- building the tabs
    def _field_combo(self, fields: list[str]) -> QComboBox:
        combo = QComboBox(self)
        for name in fields:
            combo.addItem(f"{self.tr(FIELD_NAMES[name])} ({name})" if name in FIELD_NAMES else name, name)
        return combo

    def _symbology_tab(self) -> QWidget:
        tab = QWidget(self)
        form = QFormLayout()
        self.mode_combo = QComboBox(tab)
        for key, text in MODES.items():
            self.mode_combo.addItem(self.tr(text), key)
        form.addRow(self.tr("แบบการแสดง"), self.mode_combo)
        self.fill_button = ColourButton("#f2efe9", tab, allow_none=True)
        self.no_fill = QCheckBox(self.tr("ไม่ระบายสี"), tab)
        fill_row = QHBoxLayout()
        fill_row.addWidget(self.fill_button, 1)
        fill_row.addWidget(self.no_fill)
        form.addRow(self.tr("สีพื้น (อื่น ๆ)"), fill_row)
        self.stroke_button = ColourButton("#555555", tab, allow_none=True)
        self.no_stroke = QCheckBox(self.tr("ไม่มีเส้นขอบ"), tab)
        stroke_row = QHBoxLayout()
        stroke_row.addWidget(self.stroke_button, 1)
        stroke_row.addWidget(self.no_stroke)
        form.addRow(self.tr("สีเส้นขอบ"), stroke_row)
        self.width_spin = QDoubleSpinBox(tab)
        self.width_spin.setRange(0.0, 50.0)
        self.width_spin.setSingleStep(0.2)
        self.width_spin.setSuffix(" px")
        form.addRow(self.tr("ความหนาเส้น"), self.width_spin)
        self.point_size_spin = QDoubleSpinBox(tab)
        self.point_size_spin.setRange(0.5, 200.0)
        self.point_size_spin.setSuffix(" px")
        form.addRow(self.tr("ขนาดจุด"), self.point_size_spin)
        self.symbol_combo = QComboBox(tab)
        for key in POINT_SYMBOLS:
            self.symbol_combo.addItem(self.tr(SYMBOL_NAMES.get(key, key)), key)
        form.addRow(self.tr("สัญลักษณ์จุด"), self.symbol_combo)
        self.opacity_slider = QSlider(Qt.Orientation.Horizontal, tab)
        self.opacity_slider.setRange(0, 100)
        form.addRow(self.tr("ความทึบ"), self.opacity_slider)

        # categorised / graduated settings
        self.class_stack = QStackedWidget(tab)
        self.class_stack.addWidget(QWidget(tab))
        cat = QWidget(tab)
        cat_form = QFormLayout(cat)
        cat_form.setContentsMargins(0, 0, 0, 0)
        self.category_field_combo = self._field_combo(self._columns)
        cat_form.addRow(self.tr("คอลัมน์"), self.category_field_combo)
        self.category_ramp_combo = QComboBox(cat)
        self.category_ramp_combo.addItem(self.tr("สีอัตโนมัติ"), None)
        for key, (name_th, _kind, _stops) in RAMPS.items():
            self.category_ramp_combo.addItem(colour_icon(RAMPS[key][2][-1]), f"{self.tr(name_th)} ({key})", key)
        cat_form.addRow(self.tr("ชุดสี"), self.category_ramp_combo)
        self.class_stack.addWidget(cat)
        grad = QWidget(tab)
        grad_form = QFormLayout(grad)
        grad_form.setContentsMargins(0, 0, 0, 0)
        self.graduated_field_combo = self._field_combo(self._numeric)
        grad_form.addRow(self.tr("คอลัมน์ตัวเลข"), self.graduated_field_combo)
        self.method_combo = QComboBox(grad)
        for key, (name_th, name_en) in METHODS.items():
            self.method_combo.addItem(self.tr(name_th), key)
            self.method_combo.setItemData(self.method_combo.count() - 1, name_en, Qt.ItemDataRole.ToolTipRole)
        grad_form.addRow(self.tr("วิธีแบ่งชั้น"), self.method_combo)
        self.classes_spin = QSpinBox(grad)
        self.classes_spin.setRange(MIN_CLASSES, MAX_CLASSES)
        self.classes_spin.setValue(5)
        grad_form.addRow(self.tr("จำนวนชั้น"), self.classes_spin)
        self.ramp_combo = QComboBox(grad)
        for key, (name_th, kind, stops) in RAMPS.items():
            kind_text = self.tr(RAMP_KINDS["sequential" if kind == "sequential" else "diverging"])
            self.ramp_combo.addItem(colour_icon(stops[-1]), f"{self.tr(name_th)} ({key}, {kind_text})", key)
        grad_form.addRow(self.tr("ชุดสี"), self.ramp_combo)
        self.reverse_check = QCheckBox(self.tr("กลับลำดับสี"), grad)
        grad_form.addRow("", self.reverse_check)
        self.class_stack.addWidget(grad)

        self.legend = QListWidget(tab)
        self.legend.setToolTip(self.tr("ดับเบิลคลิกเพื่อเปลี่ยนสีของหมวดหรือชั้น"))
        self.legend.itemDoubleClicked.connect(self._edit_legend_colour)
        self.message = QLabel("", tab)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")

        box = QVBoxLayout(tab)
        box.addLayout(form)
        box.addWidget(self.class_stack)
        box.addWidget(QLabel(self.tr("คำอธิบายสัญลักษณ์"), tab))
        box.addWidget(self.legend, 1)
        box.addWidget(self.message)

        self.mode_combo.currentIndexChanged.connect(self._on_mode)
        for combo in (self.category_field_combo, self.category_ramp_combo):
            combo.currentIndexChanged.connect(lambda *_: self._reclassify())
        for combo in (self.graduated_field_combo, self.method_combo, self.ramp_combo):
            combo.currentIndexChanged.connect(lambda *_: self._reclassify())
        self.classes_spin.valueChanged.connect(lambda *_: self._reclassify())
        self.reverse_check.toggled.connect(lambda *_: self._reclassify())
        for widget in (self.fill_button, self.stroke_button):
            widget.colourChanged.connect(lambda *_: self._refresh_legend())
        self.no_fill.toggled.connect(lambda on: (self.fill_button.setEnabled(not on), self._refresh_legend()))
        self.no_stroke.toggled.connect(lambda on: self.stroke_button.setEnabled(not on))
        return tab

    def _labels_tab(self) -> QWidget:
        tab = QWidget(self)
        form = QFormLayout(tab)
        self.labels_check = QCheckBox(self.tr("แสดงป้ายชื่อ"), tab)
        form.addRow(self.labels_check)
        self.label_field_combo = self._field_combo(self._columns)
        form.addRow(self.tr("คอลัมน์ข้อความ"), self.label_field_combo)
        self.label_size_spin = QDoubleSpinBox(tab)
        self.label_size_spin.setRange(1.0, 200.0)
        self.label_size_spin.setSuffix(" pt")
        form.addRow(self.tr("ขนาดตัวอักษร"), self.label_size_spin)
        self.label_colour_button = ColourButton("#202020", tab)
        form.addRow(self.tr("สีตัวอักษร"), self.label_colour_button)
        self.bold_check = QCheckBox(self.tr("ตัวหนา"), tab)
        form.addRow("", self.bold_check)
        self.halo_colour_button = ColourButton("#ffffffdd", tab, allow_none=True)
        self.no_halo = QCheckBox(self.tr("ไม่มีขอบตัวอักษร"), tab)
        halo_row = QHBoxLayout()
        halo_row.addWidget(self.halo_colour_button, 1)
        halo_row.addWidget(self.no_halo)
        form.addRow(self.tr("สีขอบตัวอักษร (halo)"), halo_row)
        self.halo_width_spin = QDoubleSpinBox(tab)
        self.halo_width_spin.setRange(0.0, 20.0)
        self.halo_width_spin.setSingleStep(0.2)
        self.halo_width_spin.setSuffix(" px")
        form.addRow(self.tr("ความกว้างขอบตัวอักษร"), self.halo_width_spin)
        self.label_preview = QLabel(tab)
        self.label_preview.setMinimumHeight(48)
        self.label_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        form.addRow(self.tr("ตัวอย่าง"), self.label_preview)
        for signal in (
            self.label_field_combo.currentIndexChanged, self.label_size_spin.valueChanged,
            self.label_colour_button.colourChanged, self.bold_check.toggled, self.halo_colour_button.colourChanged,
        ):  # fmt: skip
            signal.connect(lambda *_: self._refresh_label_preview())
        self.no_halo.toggled.connect(lambda on: self.halo_colour_button.setEnabled(not on))
        return tab

    # -- model -> widgets
    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def load_from_layer(self) -> None:
        """Show the layer's current style, labels and opacity."""
        self._updating = True
        try:
            style = self._style = self.layer.style
            self.no_fill.setChecked(style.fill is None)
            self.fill_button.set_colour(style.fill or "#f2efe9")
            self.no_stroke.setChecked(style.stroke is None)
            self.stroke_button.set_colour(style.stroke or "#555555")
            self.width_spin.setValue(style.width)
            self.point_size_spin.setValue(style.point_size)
            self._select(self.symbol_combo, style.point_symbol)
            self.opacity_slider.setValue(round(self.layer.opacity * 100))
            kind = style.kind
            if kind == CATEGORISED:
                self._select(self.category_field_combo, style.category_field)
                self._select(self.category_ramp_combo, style.ramp)
            elif kind == GRADUATED:
                self._select(self.graduated_field_combo, style.graduated_field)
                self._select(self.method_combo, style.method or "quantile")
                self._select(self.ramp_combo, style.ramp or DEFAULT_RAMP)
                self.classes_spin.setValue(max(MIN_CLASSES, min(MAX_CLASSES, len(style.breaks))))
            else:
                self._select(self.ramp_combo, DEFAULT_RAMP)
            self._select(self.mode_combo, kind)
            self.class_stack.setCurrentIndex(list(MODES).index(kind))
            labels = self.layer.labels
            self.labels_check.setChecked(labels.visible)
            if labels.field:
                self._select(self.label_field_combo, labels.field)
            self.label_size_spin.setValue(labels.size)
            self.label_colour_button.set_colour(labels.color)
            self.bold_check.setChecked(labels.bold)
            self.no_halo.setChecked(labels.halo_color is None)
            self.halo_colour_button.set_colour(labels.halo_color or "#ffffffdd")
            self.halo_width_spin.setValue(labels.halo_width)
        finally:
            self._updating = False
        self._refresh_legend()
        self._refresh_label_preview()

    # -- classes
    @property
    def mode(self) -> str:
        """single, categorised or graduated."""
        return self.mode_combo.currentData()

    def set_mode(self, mode: str) -> None:
        """Choose single / categorised / graduated (classifies with the current settings)."""
        self._select(self.mode_combo, mode)

    def _on_mode(self, _index: int) -> None:
        self.class_stack.setCurrentIndex(list(MODES).index(self.mode))
        self._reclassify()

    def _base_style(self) -> Style:
        return Style(
            fill=None if self.no_fill.isChecked() else self.fill_button.colour,
            stroke=None if self.no_stroke.isChecked() else self.stroke_button.colour,
            width=self.width_spin.value(),
            point_size=self.point_size_spin.value(),
            point_symbol=self.symbol_combo.currentData(),
        )

    def _reclassify(self) -> None:
        """Recompute categories/classes from the chosen field and settings (keeps chosen category colours)."""
        if self._updating:
            return
        self.message.clear()
        try:
            base = self._base_style()
            data = self.layer.data
            if self.mode == CATEGORISED:
                field = self.category_field_combo.currentData()
                if field is None:
                    raise AreaPlanError("ชั้นข้อมูลนี้ไม่มีคอลัมน์ให้แยกหมวด", "this layer has no column to categorise by")
                keep = self._style.category_map if self._style.category_field == field else None
                ramp = self.category_ramp_combo.currentData()
                if ramp is not None:
                    keep = None
                style = categorised_style(base, data, field, ramp=ramp, keep=keep)
                if len(style.categories) > MAX_CATEGORIES:
                    raise AreaPlanError(
                        f"คอลัมน์นี้มี {len(style.categories)} ค่า มากเกินกว่าจะแยกหมวด (ไม่เกิน {MAX_CATEGORIES})",
                        f"this column has {len(style.categories)} values, too many to categorise (max {MAX_CATEGORIES})",
                        field=field,
                    )
                self._style = style
            elif self.mode == GRADUATED:
                field = self.graduated_field_combo.currentData()
                if field is None:
                    raise AreaPlanError("ชั้นข้อมูลนี้ไม่มีคอลัมน์ตัวเลข", "this layer has no numeric column")
                self._style = graduated_style(
                    base, data, field, method=self.method_combo.currentData(), k=self.classes_spin.value(),
                    ramp=self.ramp_combo.currentData(), reverse=self.reverse_check.isChecked(),
                )  # fmt: skip
            else:
                self._style = base
        except AreaPlanError as exc:
            self.message.setText(str(exc))
        self._refresh_legend()

    def _refresh_legend(self) -> None:
        if self._updating:
            return
        self.legend.clear()
        try:
            style = self.current_style()
        except AreaPlanError as exc:
            self.message.setText(str(exc))
            return
        for text, colour in legend_entries(style):
            item = QListWidgetItem(colour_icon(colour), text or self.layer.title_th)
            self.legend.addItem(item)

    def legend_rows(self) -> list[tuple[str, str | None]]:
        """(text, colour) rows of the legend preview, as shown."""
        return legend_entries(self.current_style())

    def _edit_legend_colour(self, item: QListWidgetItem) -> None:
        row = self.legend.row(item)
        style = self._style
        start = None
        if self.mode == CATEGORISED and row < len(style.categories):
            start = style.categories[row][1]
        elif self.mode == GRADUATED and row < len(style.colours):
            start = style.colours[row]
        if start is None:
            return
        chosen = QColorDialog.getColor(qcolor(start), self, self.tr("เลือกสี"), QColorDialog.ColorDialogOption.ShowAlphaChannel)
        if chosen.isValid():
            self.set_class_colour(row, css(chosen))

    def set_class_colour(self, row: int, colour: str) -> None:
        """Change the colour of one category or class."""
        style = self._style
        if self.mode == CATEGORISED:
            cats = list(style.categories)
            cats[row] = (cats[row][0], colour)
            self._style = style.with_changes(categories=tuple(cats), ramp=None)
        elif self.mode == GRADUATED:
            colours = list(style.colours)
            colours[row] = colour
            self._style = style.with_changes(colours=tuple(colours))
        self._refresh_legend()

    # -- widgets -> model
    def current_style(self) -> Style:
        """The Style the dialog shows (base symbol settings plus the computed classes)."""
        base = self._base_style()
        style = self._style
        if self.mode == CATEGORISED and style.kind == CATEGORISED:
            return base.with_changes(category_field=style.category_field, categories=style.categories, ramp=style.ramp)
        if self.mode == GRADUATED and style.kind == GRADUATED:
            return base.with_changes(
                graduated_field=style.graduated_field, breaks=style.breaks, colours=style.colours,
                method=style.method, ramp=style.ramp,
            )  # fmt: skip
        return base

    def current_labels(self) -> LabelSettings:
        """The LabelSettings the dialog shows."""
        return self.layer.labels.with_changes(
            field=self.label_field_combo.currentData(),
            visible=self.labels_check.isChecked() and self.label_field_combo.currentData() is not None,
            size=self.label_size_spin.value(),
            color=self.label_colour_button.colour,
            bold=self.bold_check.isChecked(),
            halo_color=None if self.no_halo.isChecked() else self.halo_colour_button.colour,
            halo_width=self.halo_width_spin.value(),
        )

    def _refresh_label_preview(self) -> None:
        if self._updating:
            return
        texts = self.layer.data[self.label_field_combo.currentData()] if self.label_field_combo.count() else []
        sample = next((str(v) for v in texts if v is not None and str(v).strip()), "ตำบลคอหงส์") if len(texts) else "ตำบลคอหงส์"
        self.label_preview.setFont(thai_font(self.label_size_spin.value() * 1.4, bold=self.bold_check.isChecked()))
        halo = self.halo_colour_button.colour if not self.no_halo.isChecked() else None
        background = f"background: {qcolor(halo).name()};" if halo else ""
        self.label_preview.setStyleSheet(f"color: {qcolor(self.label_colour_button.colour).name()}; {background}")
        self.label_preview.setText(sample[:60])

    def apply(self) -> bool:
        """Set the dialog's style, labels and opacity on the layer; False (and a message) when invalid."""
        try:
            style = self.current_style()
            labels = self.current_labels()
            opacity = self.opacity_slider.value() / 100.0
        except AreaPlanError as exc:
            QMessageBox.warning(self, self.tr("รูปแบบไม่ถูกต้อง"), str(exc))
            return False
        self.layer.style = style
        self.layer.labels = labels
        self.layer.opacity = opacity
        self._style = style
        self.applied.emit()
        return True

    def _on_button(self, button: QAbstractButton) -> None:
        role = self.buttons.buttonRole(button)
        if role == QDialogButtonBox.ButtonRole.ApplyRole:
            self.apply()
        elif role == QDialogButtonBox.ButtonRole.AcceptRole:
            if self.apply():
                self.accept()
        else:
            self.reject()
