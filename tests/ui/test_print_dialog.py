"""The print dialog: File → พิมพ์ภาคผนวกแผนที่… (Ctrl+P), live preview, templates, export on a worker thread."""

from __future__ import annotations

import pytest

from tests.layers.print_fixtures import PRINT_DATE, pdf_pages, pdftotext


@pytest.fixture
def dialog(demo_main_window, qtbot):
    window = demo_main_window
    action = window.action_print_annex
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+P"
    assert action in window.menu_file.actions()
    action.trigger()
    dlg = window.print_dialog
    assert dlg is not None and dlg.isVisible()
    yield dlg
    dlg.close()


def choose_area(dlg, code: str) -> None:
    dlg.area_combo.setCurrentIndex(dlg.area_combo.findData(code))
    dlg.update_preview()


def test_preview_shows_the_chosen_tambon(dialog):
    choose_area(dialog, "901104")
    assert "ตำบลคอหงส์" in dialog.page_label.text()
    image = dialog.preview_image
    assert image.width() < image.height()  # A4 portrait
    dialog.landscape_check.setChecked(True)
    dialog.update_preview()
    assert dialog.preview_image.width() > dialog.preview_image.height()


def test_preview_follows_the_layer_styles_of_the_map(dialog, demo_main_window):
    """Hiding a layer in the app and reopening the dialog hides it on paper too (same layers, same renderers)."""
    choose_area(dialog, "901104")
    before = dialog.preview_image.copy()
    demo_main_window.layers["hazard_zones"].visible = False
    demo_main_window.layers["flood_depth"].visible = False
    dialog.reload()
    choose_area(dialog, "901104")
    assert dialog.preview_image != before


def test_atlas_preview_and_export_on_a_worker(dialog, qtbot, tmp_path):
    dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData("amphoe"))
    dialog.area_combo.setCurrentIndex(dialog.area_combo.findData("90"))  # the whole province
    dialog.table_combo.setCurrentIndex(dialog.table_combo.findData("none"))
    dialog.update_preview()
    assert "อำเภอเมืองสงขลา" in dialog.page_label.text() and "16 พื้นที่" in dialog.page_label.text()
    dialog._template_base = dialog._template_base.with_changes(date=PRINT_DATE)
    out = tmp_path / "atlas.pdf"
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as blocker:
        runner = dialog.export(out)
        assert runner.is_running()  # the UI thread is free while the worker prints
    result = blocker.args[0]
    assert result.paths == [out] and pdf_pages(out) == 16
    assert "ภาคผนวกแผนที่ อำเภอเมืองสงขลา จังหวัดสงขลา" in pdftotext(out, 1)
    assert "พิมพ์แล้ว 16 หน้า" in dialog.message_label.text()


def test_cancelled_export_leaves_no_file(dialog, qtbot, tmp_path):
    dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData("tambon"))
    dialog.area_combo.setCurrentIndex(dialog.area_combo.findData("90"))
    out = tmp_path / "tambons.pdf"
    runner = dialog.export(out)
    runner.cancel()
    qtbot.waitUntil(lambda: not runner.is_running(), timeout=60_000)
    # the outcome reaches the dialog through a queued signal after the thread ends
    qtbot.waitUntil(lambda: "ยกเลิก" in dialog.message_label.text(), timeout=10_000)
    assert dialog.last_result is None and runner.was_cancelled
    assert not out.exists() and not list(tmp_path.glob(".areaplan-*"))


def test_template_saved_in_the_workspace_and_listed(dialog, demo_main_window):
    from areaplan.workspace.templates import list_templates, load_template

    dialog.page_combo.setCurrentText("A3")
    dialog.thai_digits_check.setChecked(True)
    dialog.save_template_as("ภาคผนวก ก")
    assert "ภาคผนวก ก" in list_templates(demo_main_window.workspace)
    saved = load_template(demo_main_window.workspace, "ภาคผนวก ก")
    assert saved["page"] == "A3" and saved["thai_digits"] is True
    assert dialog.template_combo.currentData() == "ภาคผนวก ก"
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("standard"))
    assert dialog.page_combo.currentText() == "A4"
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("ภาคผนวก ก"))
    assert dialog.page_combo.currentText() == "A3" and dialog.thai_digits_check.isChecked()


def test_bad_filter_is_shown_not_raised(dialog):
    dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData("tambon"))
    dialog.filter_edit.setText("nosuch > 1")
    dialog.update_preview()
    assert "ตัวกรองพื้นที่ใช้ไม่ได้" in dialog.message_label.text()


def test_action_disabled_without_a_workspace(demo_main_window):
    demo_main_window.close_workspace()
    assert not demo_main_window.action_print_annex.isEnabled()
