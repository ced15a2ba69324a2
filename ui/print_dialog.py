"""File → พิมพ์ภาคผนวกแผนที่… (Ctrl+P): the print dialog with a live preview of the annex pages.

The dialog prints what the map shows: a copy of the window's layers (styles, visibility, order) taken when
the dialog opens or its settings change. The preview paints one page at screen resolution on the UI thread
(a few tens of milliseconds); the export runs on a worker thread (ui.worker) with progress and cancel, from
its own copy of the layers, so the user can keep working.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from areaplan.errors import AreaPlanError, Cancelled
from areaplan.workspace.templates import list_templates, save_template
from layers.print import BUILTIN_TEMPLATES, PrintSource, PrintTemplate, choose_areas, export_annex, snapshot_layers
from layers.print.atlas import page_jobs
from layers.print.composer import AnnexComposer
from layers.print.output import page_image
from layers.print.template import resolve_template
from ui.worker import run_job

#: Resolution of the preview image (screen pixels per inch of paper).
PREVIEW_DPI = 60
#: Wait this long after the last change before painting the preview again.
PREVIEW_DELAY_MS = 250

MODES: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("PrintDialog", "พื้นที่ที่เลือก"), None),
    (QT_TRANSLATE_NOOP("PrintDialog", "ทุกอำเภอ (สมุดแผนที่)"), "amphoe"),
    (QT_TRANSLATE_NOOP("PrintDialog", "ทุกตำบล (สมุดแผนที่)"), "tambon"),
    (QT_TRANSLATE_NOOP("PrintDialog", "จังหวัด → อำเภอ → ตำบล (รายงานซ้อนชั้น)"), "nested"),
)
GRIDS: tuple[tuple[str, str], ...] = ((QT_TRANSLATE_NOOP("PrintDialog", "ละติจูด/ลองจิจูด"), "lonlat"), ("UTM", "utm"), (QT_TRANSLATE_NOOP("PrintDialog", "ไม่แสดง"), "none"))
TABLES: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("PrintDialog", "อัตโนมัติ (ตำบล: รายการโครงการ, อื่น ๆ: สรุป)"), "auto"),
    (QT_TRANSLATE_NOOP("PrintDialog", "รายการโครงการ"), "projects"),
    (QT_TRANSLATE_NOOP("PrintDialog", "สรุปตามพื้นที่ย่อย"), "summary"),
    (QT_TRANSLATE_NOOP("PrintDialog", "ไม่มีตาราง"), "none"),
)
FORMATS: tuple[tuple[str, str], ...] = ((QT_TRANSLATE_NOOP("PrintDialog", "PDF (เวกเตอร์)"), "pdf"), (QT_TRANSLATE_NOOP("PrintDialog", "PNG (ภาพ)"), "png"), (QT_TRANSLATE_NOOP("PrintDialog", "SVG (เวกเตอร์)"), "svg"))


def print_source(window: Any) -> PrintSource:
    """A PrintSource over a copy of the window's layers (safe to print from another thread)."""
    workspace = window.workspace
    metadata = dict(workspace.metadata()) if workspace is not None else {}
    name = Path(str(getattr(workspace, "path", "") or "")).name
    return PrintSource(snapshot_layers(window.layers), metadata, name)


def export_job(window: Any, template: PrintTemplate, options: dict, out: Path):
    """A worker job (progress=, cancelled=) that prints from its own copy of the layers."""
    source = print_source(window)  # taken on the UI thread, before the job starts

    def job(progress=None, cancelled=None):
        areas = choose_areas(source, atlas=options.get("atlas"), codes=options.get("codes"),
                             filter=options.get("filter"), sort=options.get("sort"))  # fmt: skip
        return export_annex(source, areas, out, template=template, fmt=options.get("format"),
                            split=options.get("split", False), progress=progress, cancelled=cancelled)  # fmt: skip

    return job


class PrintDialog(QDialog):
    """Template, area or atlas choice, page and item options, a live preview and the export button."""

    exported = Signal(object)  # the AnnexResult

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("printDialog")
        self.setWindowTitle(self.tr("พิมพ์ภาคผนวกแผนที่"))
        self.resize(1100, 780)
        self.source: PrintSource | None = None
        self.runner = None
        self.last_result = None
        self.last_error: BaseException | None = None
        self.preview_page = 0
        self.preview_pages = 0
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self._build()
        self.reload()

    # -- widgets
    def _build(self) -> None:
        form = QFormLayout()
        self.template_combo = QComboBox(self)
        self.mode_combo = QComboBox(self)
        for text, mode in MODES:
            self.mode_combo.addItem(self.tr(text), mode)
        self.area_combo = QComboBox(self)
        self.area_combo.setEditable(True)
        self.area_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("เช่น projects > 10"))
        self.sort_combo = QComboBox(self)
        for text, key in ((QT_TRANSLATE_NOOP("PrintDialog", "รหัส"), "code"), (QT_TRANSLATE_NOOP("PrintDialog", "ชื่อ (ก–ฮ)"), "name"), (QT_TRANSLATE_NOOP("PrintDialog", "จำนวนโครงการ (มากไปน้อย)"), "projects"),
                          (QT_TRANSLATE_NOOP("PrintDialog", "งบประมาณ (มากไปน้อย)"), "budget")):  # fmt: skip
            self.sort_combo.addItem(self.tr(text), key)
        self.page_combo = QComboBox(self)
        self.page_combo.addItems(["A4", "A3"])
        self.landscape_check = QCheckBox(self.tr("แนวนอน"), self)
        self.grid_combo = QComboBox(self)
        for text, key in GRIDS:
            self.grid_combo.addItem(self.tr(text), key)
        self.table_combo = QComboBox(self)
        for text, key in TABLES:
            self.table_combo.addItem(self.tr(text), key)
        self.scale_spin = QSpinBox(self)
        self.scale_spin.setRange(0, 10_000_000)
        self.scale_spin.setSingleStep(5000)
        self.scale_spin.setSpecialValueText(self.tr("พอดีกับพื้นที่"))
        self.scale_spin.setPrefix("1:")
        self.thai_digits_check = QCheckBox(self.tr("ใช้เลขไทย"), self)
        self.title_edit = QLineEdit(self)
        self.subtitle_edit = QLineEdit(self)
        self.format_combo = QComboBox(self)
        for text, key in FORMATS:
            self.format_combo.addItem(self.tr(text), key)
        self.dpi_spin = QSpinBox(self)
        self.dpi_spin.setRange(50, 1200)
        self.dpi_spin.setSuffix(" dpi")
        self.split_check = QCheckBox(self.tr("หนึ่งไฟล์ต่อพื้นที่"), self)
        form.addRow(self.tr("แม่แบบ"), self.template_combo)
        form.addRow(self.tr("พิมพ์"), self.mode_combo)
        form.addRow(self.tr("พื้นที่"), self.area_combo)
        form.addRow(self.tr("ตัวกรอง"), self.filter_edit)
        form.addRow(self.tr("เรียงตาม"), self.sort_combo)
        form.addRow(self.tr("กระดาษ"), self.page_combo)
        form.addRow("", self.landscape_check)
        form.addRow(self.tr("มาตราส่วน"), self.scale_spin)
        form.addRow(self.tr("เส้นกริด"), self.grid_combo)
        form.addRow(self.tr("ตาราง"), self.table_combo)
        form.addRow("", self.thai_digits_check)
        form.addRow(self.tr("ชื่อเรื่อง"), self.title_edit)
        form.addRow(self.tr("ชื่อรอง"), self.subtitle_edit)
        form.addRow(self.tr("รูปแบบไฟล์"), self.format_combo)
        form.addRow(self.tr("ความละเอียด"), self.dpi_spin)
        form.addRow("", self.split_check)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        self.save_template_button = QPushButton(self.tr("บันทึกเป็นแม่แบบ…"), self)
        self.save_template_button.clicked.connect(self.ask_save_template)
        left_layout.addWidget(self.save_template_button)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        left_layout.addWidget(self.message_label)
        left_layout.addStretch(1)
        left.setFixedWidth(380)

        self.preview_label = QLabel(self)
        self.preview_label.setObjectName("printPreview")
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea(self)
        scroll.setWidget(self.preview_label)
        scroll.setWidgetResizable(True)
        self.prev_button = QPushButton("◀", self)
        self.next_button = QPushButton("▶", self)
        self.page_label = QLabel(self)
        self.prev_button.clicked.connect(lambda: self.show_page(self.preview_page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.preview_page + 1))
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.page_label, 1)
        nav.addWidget(self.next_button)
        right = QVBoxLayout()
        right.addWidget(scroll, 1)
        right.addLayout(nav)

        buttons = QDialogButtonBox(self)
        self.export_button = buttons.addButton(self.tr("ส่งออก…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("printExportButton")
        buttons.addButton(self.tr("ปิด"), QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(self.ask_export)
        buttons.rejected.connect(self.reject)

        body = QHBoxLayout()
        body.addWidget(left)
        body.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addWidget(buttons)

        self.template_combo.currentIndexChanged.connect(self._on_template_chosen)
        for combo in (self.mode_combo, self.area_combo, self.sort_combo, self.page_combo, self.grid_combo,
                      self.table_combo, self.format_combo):  # fmt: skip
            combo.currentIndexChanged.connect(self.schedule_preview)
        for edit in (self.filter_edit, self.title_edit, self.subtitle_edit):
            edit.textChanged.connect(self.schedule_preview)
        for check in (self.landscape_check, self.thai_digits_check, self.split_check):
            check.toggled.connect(self.schedule_preview)
        self.scale_spin.valueChanged.connect(self.schedule_preview)

    # -- data
    def reload(self) -> None:
        """Copy the window's layers again and fill the template and area lists."""
        self.source = print_source(self.window_) if self.window_.layers is not None else None
        self._loading = True
        try:
            current = self.template_combo.currentData()
            self.template_combo.clear()
            for key, (title, _template) in BUILTIN_TEMPLATES.items():
                self.template_combo.addItem(title, key)
            workspace = self.window_.workspace
            if workspace is not None and hasattr(workspace, "query"):
                for name in list_templates(workspace):
                    self.template_combo.addItem(self.tr("{name} (บันทึกไว้)").format(name=name), name)
            index = self.template_combo.findData(current) if current else 0
            self.template_combo.setCurrentIndex(max(index, 0))
            self.area_combo.clear()
            if self.source is not None:
                areas = self.source.areas
                for row in areas.sort_values(["level", "code"], key=lambda s: s.map(
                        {"changwat": 0, "amphoe": 1, "tambon": 2}) if s.name == "level" else s).itertuples():  # fmt: skip
                    prefix = {"changwat": "จังหวัด", "amphoe": "อำเภอ", "tambon": "ตำบล"}[row.level]
                    self.area_combo.addItem(f"{prefix}{row.name_th} ({row.code})", row.code)
        finally:
            self._loading = False
        self._on_template_chosen()

    def _on_template_chosen(self) -> None:
        if self._loading:
            return
        try:
            template = resolve_template(self.template_combo.currentData(), self.window_.workspace)
        except AreaPlanError as exc:
            self.message_label.setText(str(exc))
            return
        self.set_template(template)

    def set_template(self, template: PrintTemplate) -> None:
        """Show a template's values in the widgets."""
        self._loading = True
        try:
            self._template_base = template
            self.page_combo.setCurrentText(template.page)
            self.landscape_check.setChecked(template.landscape)
            self.grid_combo.setCurrentIndex(max(self.grid_combo.findData(template.grid), 0))
            self.table_combo.setCurrentIndex(max(self.table_combo.findData(template.table), 0))
            self.scale_spin.setValue(int(template.map_scale or 0))
            self.thai_digits_check.setChecked(template.thai_digits)
            self.title_edit.setText(template.title)
            self.subtitle_edit.setText(template.subtitle)
            self.dpi_spin.setValue(int(template.dpi))
        finally:
            self._loading = False
        self.schedule_preview()

    def template(self) -> PrintTemplate:
        """The template the widgets describe."""
        base = getattr(self, "_template_base", PrintTemplate())
        return base.with_changes(
            page=self.page_combo.currentText(), landscape=self.landscape_check.isChecked(),
            grid=self.grid_combo.currentData(), table=self.table_combo.currentData(),
            map_scale=float(self.scale_spin.value()) if self.scale_spin.value() else None,
            thai_digits=self.thai_digits_check.isChecked(), title=self.title_edit.text(),
            subtitle=self.subtitle_edit.text(), dpi=self.dpi_spin.value(),
        )  # fmt: skip

    def options(self) -> dict:
        """The area choice and output options."""
        code = self.area_combo.currentData()
        text = self.area_combo.currentText().strip()
        if self.area_combo.currentIndex() < 0 or (text and text != self.area_combo.itemText(self.area_combo.currentIndex())):
            index = self.area_combo.findText(text, Qt.MatchFlag.MatchContains)
            code = self.area_combo.itemData(index) if index >= 0 else None
        atlas = self.mode_combo.currentData()
        codes = [code] if code else []
        if atlas is not None and code and len(code) <= 2:
            codes = []  # the whole province: no restriction
        return {"atlas": atlas, "codes": codes, "filter": self.filter_edit.text().strip() or None,
                "sort": self.sort_combo.currentData(), "format": self.format_combo.currentData(),
                "split": self.split_check.isChecked()}  # fmt: skip

    def areas(self) -> list:
        """The areas the current choice prints."""
        o = self.options()
        return choose_areas(self.source, atlas=o["atlas"], codes=o["codes"], filter=o["filter"], sort=o["sort"])

    # -- preview
    def schedule_preview(self, *_args: object) -> None:
        """Paint the preview again shortly (changes in quick succession paint once)."""
        if not self._loading:
            self._timer.start()

    def update_preview(self) -> None:
        """Paint the current page of the first chosen area."""
        self._timer.stop()
        if self.source is None:
            self.preview_label.setText(self.tr("ยังไม่ได้เปิดพื้นที่ทำงาน"))
            return
        try:
            template = self.template()
            areas = self.areas()
            if not areas:
                raise AreaPlanError("ไม่มีพื้นที่ที่ตรงกับเงื่อนไข", "no area matches the choice")
            composer = AnnexComposer(self.source, template)
            try:
                plans = composer.plan(areas[0])
                self.preview_pages = len(plans)
                self.preview_page = min(self.preview_page, len(plans) - 1)
                job = page_jobs(composer, plans)[self.preview_page]
                image = page_image(job, PREVIEW_DPI, self.preview_page + 1, len(plans))
            finally:
                composer.close()
        except AreaPlanError as exc:
            self.message_label.setText(str(exc))
            self.preview_label.setText(self.tr("แสดงตัวอย่างไม่ได้"))
            return
        self.preview_image = image
        self.preview_label.setPixmap(QPixmap.fromImage(image))
        self.page_label.setText(self.tr("{area}: หน้า {n}/{count} ({areas} พื้นที่)").format(
            area=areas[0].title, n=self.preview_page + 1, count=len(plans), areas=len(areas)))  # fmt: skip
        self.message_label.setText("")
        self.prev_button.setEnabled(self.preview_page > 0)
        self.next_button.setEnabled(self.preview_page < len(plans) - 1)

    def show_page(self, index: int) -> None:
        """Preview another page of the first area's page set."""
        self.preview_page = max(0, min(index, max(self.preview_pages - 1, 0)))
        self.update_preview()

    # -- templates and export
    def save_template_as(self, name: str) -> None:
        """Save the current settings as a template in the workspace."""
        save_template(self.window_.workspace, name, self.template().to_dict())
        self.reload()
        self.template_combo.setCurrentIndex(max(self.template_combo.findData(name), 0))

    def ask_save_template(self) -> None:
        """Ask for a name and save the template."""
        name, ok = QInputDialog.getText(self, self.tr("บันทึกแม่แบบ"), self.tr("ชื่อแม่แบบ"))
        if ok and name.strip():
            try:
                self.save_template_as(name.strip())
            except AreaPlanError as exc:
                QMessageBox.critical(self, self.tr("บันทึกแม่แบบไม่ได้"), str(exc))

    def ask_export(self) -> None:
        """Ask where to write, then export on a worker thread."""
        fmt = self.format_combo.currentData()
        path, _f = QFileDialog.getSaveFileName(self, self.tr("ส่งออกภาคผนวกแผนที่"), f"annex.{fmt}", f"*.{fmt}")
        if path:
            if not path.lower().endswith(f".{fmt}"):
                path += f".{fmt}"
            self.export(Path(path))

    def export(self, path: Path) -> Any:
        """Print the chosen areas to a file on a worker thread; returns the JobRunner."""
        try:
            template = self.template()
            job = export_job(self.window_, template, self.options(), Path(path))
        except AreaPlanError as exc:
            QMessageBox.critical(self, self.tr("พิมพ์ไม่ได้"), str(exc))
            return None
        self.last_result, self.last_error = None, None
        self.runner = run_job(self, job, title=self.tr("พิมพ์ภาคผนวกแผนที่"), label=self.tr("กำลังพิมพ์…"),
                              on_done=self._on_done, on_exception=self._on_error)  # fmt: skip
        return self.runner

    def _on_done(self, result: Any) -> None:
        self.last_result = result
        self.message_label.setText(self.tr("พิมพ์แล้ว {pages} หน้า: {path}").format(
            pages=result.pages, path=", ".join(str(p) for p in result.paths[:3])))  # fmt: skip
        self.exported.emit(result)

    def _on_error(self, error: BaseException) -> None:
        self.last_error = error
        if isinstance(error, Cancelled):
            self.message_label.setText(self.tr("ยกเลิกการพิมพ์แล้ว ไม่มีไฟล์ถูกเขียน"))
            return
        self.message_label.setText(str(error))
        if not isinstance(error, (AreaPlanError, OSError)):
            raise error


def install(window: Any) -> QAction:
    """Add File → พิมพ์ภาคผนวกแผนที่… (Ctrl+P), enabled while a workspace is open."""
    action = QAction(QCoreApplication.translate("PrintDialog", "พิมพ์ภาคผนวกแผนที่…"), window)
    action.setObjectName("actionPrintAnnex")
    action.setShortcut(QKeySequence("Ctrl+P"))

    def open_dialog() -> PrintDialog:
        dialog = getattr(window, "print_dialog", None)
        if dialog is None:
            dialog = window.print_dialog = PrintDialog(window)
        else:
            dialog.reload()
        dialog.show()
        dialog.raise_()
        return dialog

    def on_workspace() -> None:
        action.setEnabled(window.layers is not None)
        dialog = getattr(window, "print_dialog", None)
        if dialog is not None:
            dialog.close()
            window.print_dialog = None

    action.triggered.connect(open_dialog)
    window.workspaceChanged.connect(on_workspace)
    anchor = getattr(window, "file_import_anchor", None)
    if anchor is not None:
        window.menu_file.insertAction(anchor, action)
    else:
        window.menu_file.addAction(action)
    window.action_print_annex, window.open_print_dialog, window.print_dialog = action, open_dialog, None
    action.setEnabled(window.layers is not None)
    return action


__all__ = ["PrintDialog", "export_job", "install", "print_source"]
