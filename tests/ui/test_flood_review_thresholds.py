"""The committee edits a hazard's class thresholds in the flood review: validation, defaults, save, undo, rerun."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")
pytest.importorskip("rasterio")

from tests.ui.test_flood_review import HAZARD, review, run  # noqa: E402,F401 - the fixture is used by name


def test_dialog_validates_links_bounds_and_restores_defaults(qtbot):
    from areaplan.analyses.hazard_classes import ClassScheme, default_scheme
    from ui.flood_thresholds import ThresholdsDialog

    dialog = ThresholdsDialog(None, "ความลึก", ClassScheme("depth", ((1, 0.1), (3, 1.2), (4, 2.0))))
    qtbot.addWidget(dialog)
    table = dialog.table
    # class ปานกลาง (medium) is not used by this table; the others show their bounds and the next one's as "to"
    assert table.item(1, 0).checkState().name == "Unchecked"
    assert [table.item(r, 4).text() for r in range(4)] == ["0.1", "", "1.2", "2"]
    assert [table.item(r, 5).text() for r in range(4)] == ["1.2", "", "2", ""]
    assert table.item(0, 2).text() == "ต่ำ" and table.item(3, 3).text() == "very high"

    dialog.set_bound(1, upper=1.0)  # editing the upper bound of ต่ำ moves the lower bound of the next used class
    assert table.item(2, 4).text() == "1.0"
    dialog.set_bound(2, 0.5, used=True)  # tick ปานกลาง back: ต่ำ now ends where it starts
    assert table.item(0, 5).text() == "0.5" and table.item(1, 5).text() == "1.0"
    assert dialog.scheme() == ClassScheme("depth", ((1, 0.1), (2, 0.5), (3, 1.0), (4, 2.0)))

    dialog.set_bound(3, 0.4)  # below ปานกลาง
    dialog.accept()
    assert dialog.result() == 0 and dialog.scheme() is None
    message = dialog.error_label.text()
    assert "เรียงจากน้อยไปมาก" in message and "strictly increasing" in message
    dialog.set_bound(1, -0.2)
    dialog.set_bound(3, 1.0)
    assert any("ไม่ติดลบ" in p and "must not be negative" in p for p in dialog.problems())
    dialog.set_bound(1, "ครึ่งเมตร")
    dialog.accept()
    assert "ไม่ใช่ตัวเลข" in dialog.error_label.text() and "is not a number" in dialog.error_label.text()
    for code in (1, 2, 3, 4):
        dialog.set_bound(code, used=False)
    assert any("the class table is empty" in p for p in dialog.problems())

    dialog.defaults_button.click()
    assert dialog.scheme() == default_scheme("depth") and dialog.is_default()
    assert dialog.error_label.text() == ""
    dialog.accept()
    assert dialog.result() == 1


def test_class_raster_dialog_maps_codes(qtbot):
    from areaplan.analyses.hazard_classes import default_scheme
    from ui.flood_thresholds import ThresholdsDialog

    dialog = ThresholdsDialog(None, "ldd", default_scheme("class"))
    qtbot.addWidget(dialog)
    assert "รหัสในข้อมูล" in dialog.help_label.text() and "codes in the data" in dialog.help_label.text()
    dialog.set_bound(1, used=False)  # codes 1 and 2 both count as ปานกลาง
    dialog.set_bound(2, 1)
    assert dialog.scheme().breaks == ((2, 1.0), (3, 3.0), (4, 4.0))


def test_committee_saves_thresholds_reruns_and_undoes(qtbot, review):
    from PySide6.QtCore import QTimer

    from areaplan.analyses.exposure_store import load_result
    from areaplan.analyses.hazard_classes import load_scheme, saved_thresholds

    panel, window = review, review.window_
    run(qtbot, panel)
    before = panel.result.areas.set_index("code")
    assert before["c4_share"].max() > 0.9  # the 2.5 m block is สูงมาก (≥ 2 m) by default
    ws = window.workspace

    def edit() -> None:  # the committee raises สูงมาก to 3 m in the dialog and presses Save
        dialog = panel.last_thresholds_dialog
        assert dialog.isVisible() and HAZARD in dialog.windowTitle()
        dialog.set_bound(4, 3.0)
        from tests.ui.test_flood_review import ARTIFACTS

        ARTIFACTS.mkdir(exist_ok=True)
        assert dialog.grab().save(str(ARTIFACTS / "flood_thresholds.png"))
        dialog.buttons.accepted.emit()

    QTimer.singleShot(0, edit)
    assert panel.thresholds_button.isEnabled()
    assert panel.open_thresholds()
    assert panel.runner is not None, "the analysis runs again with the new thresholds"
    qtbot.waitUntil(lambda: panel.runner is None, timeout=120_000)
    assert panel.last_error is None
    after = panel.result.areas.set_index("code")
    assert after["c4_share"].max() == 0 and after["c3_share"].max() > 0.9
    assert after["high_share"].to_numpy() == pytest.approx(before["high_share"].to_numpy())
    assert "≥ 3" in panel.provenance_label.text(), "the provenance shows the thresholds used"
    assert load_scheme(ws, HAZARD).breaks[-1] == (4, 3.0)
    stored = load_result(ws, HAZARD, "tambon")
    assert stored.result.scheme.breaks[-1] == (4, 3.0) and not panel.is_stale()

    # undo (Edit → Undo): the defaults come back; the shown result is now marked out of date
    assert window.undo_stack.canUndo()
    window.undo_stack.undo()
    assert saved_thresholds(ws, HAZARD) is None
    assert panel.is_stale() and panel.rerun_button.isVisibleTo(panel)
    assert "เกณฑ์ระดับความเสี่ยงเปลี่ยนไป" in panel.stale_label.text()
    panel.rerun_button.click()
    qtbot.waitUntil(lambda: panel.runner is None, timeout=120_000)
    assert not panel.is_stale() and panel.result.areas["c4_share"].max() > 0.9
    window.undo_stack.redo()
    assert load_scheme(ws, HAZARD).breaks[-1] == (4, 3.0) and panel.is_stale()


def test_restore_defaults_in_the_dock_forgets_the_saved_table(qtbot, review):
    from areaplan.analyses.hazard_classes import ClassScheme, default_scheme, saved_thresholds

    panel = review
    ws = panel.window_.workspace
    assert panel.apply_thresholds(ClassScheme("depth", ((3, 0.3),)), rerun=False)
    assert saved_thresholds(ws, HAZARD) is not None
    dialog = panel.thresholds_dialog()
    qtbot.addWidget(dialog)
    assert dialog.scheme() == ClassScheme("depth", ((3, 0.3),))
    dialog.defaults_button.click()
    assert panel.apply_thresholds(dialog.scheme(), rerun=False)
    assert saved_thresholds(ws, HAZARD) is None and dialog.scheme() == default_scheme("depth")
    assert not panel.apply_thresholds(default_scheme("depth"), rerun=False)  # nothing changed
    assert "unchanged" in panel.status_label.text()
