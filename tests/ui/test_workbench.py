"""The app shell: import dialog and report, recent files, save as, session-edits prompt, layout, shortcuts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack

from ui import main_window as mw
from ui.i18n import SETTINGS_DIR_VARIABLE
from ui.workbench import KINDS, ImportDialog

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "sample_data" / "demo_songkhla.gpkg"
INPUTS = REPO / "sample_data" / "inputs"


@pytest.fixture(autouse=True)
def _own_settings(tmp_path, monkeypatch):
    monkeypatch.setenv(SETTINGS_DIR_VARIABLE, str(tmp_path / "settings"))


@pytest.fixture
def demo_copy(tmp_path) -> Path:
    if not DEMO.exists():
        pytest.skip("sample_data/demo_songkhla.gpkg missing (areaplan demo --out ...)")
    return Path(shutil.copy(DEMO, tmp_path / "demo.gpkg"))


class Counter(QUndoCommand):
    def __init__(self, box: list[int]) -> None:
        super().__init__("นับ")
        self.box = box

    def redo(self) -> None:
        self.box[0] += 1

    def undo(self) -> None:
        self.box[0] -= 1


def test_file_menu_and_shortcuts(main_window):
    texts = [a.text() for a in main_window.menu_file.actions()]
    for text in ("เปิดพื้นที่ทำงาน…", "เปิดข้อมูลสาธิต", "ไฟล์ล่าสุด", "นำเข้าข้อมูล…", "บันทึกเป็น…", "ปิดพื้นที่ทำงาน"):
        assert text in texts
    assert texts.index("นำเข้าข้อมูล…") < texts.index("บันทึกเป็น…")
    shortcuts = {
        main_window.workbench.action_import: "Ctrl+I",
        main_window.action_save_as: "Ctrl+Shift+S",
        main_window.action_open: "Ctrl+O",
        main_window.action_quit: "Ctrl+Q",
        main_window.action_save: "Ctrl+S",
    }
    for action, keys in shortcuts.items():
        assert action.shortcut() == QKeySequence(keys), action.text()
    assert main_window.action_about.text() == "เกี่ยวกับ AreaPlan"
    assert "AreaPlan" in main_window.about_text()


def test_import_dialog_collects_files_and_kind(qtbot, tmp_path):
    files = [tmp_path / "a.csv", tmp_path / "b.xlsx"]
    dialog = ImportDialog(files=files + files[:1])
    qtbot.addWidget(dialog)
    assert dialog.files() == [str(f) for f in files]
    assert dialog.kind() is None and dialog.ok_button.isEnabled()
    assert [dialog.kind_combo.itemData(i) for i in range(dialog.kind_combo.count())] == list(KINDS)
    dialog.set_kind("plans")
    assert dialog.kind() == "plans" and dialog.kind_combo.currentText() == "แผน"


def test_import_plans_reports_and_reloads(main_window, qtbot):
    bench = main_window.workbench
    reloads: list[int] = []
    main_window.workspaceChanged.connect(lambda: reloads.append(1))
    runner = bench.start_import([INPUTS / "plans.csv"])
    assert not bench.action_import.isEnabled()
    with qtbot.waitSignal(runner.finished, timeout=60_000):
        pass
    assert bench.last_error is None, bench.last_error
    assert reloads and bench.action_import.isEnabled()
    text = bench.report_dialog.text.toPlainText()
    assert "นำเข้า plans.csv (plans)" in text and "imported plans.csv" in text
    assert main_window.workspace.count("plans") == bench.last_outcome.reports[0].imported > 0


def test_import_indicators_from_the_dialog_kind(main_window, qtbot, tmp_path):
    need = tmp_path / "need.csv"
    codes = main_window.workspace.read_layer("tambon")["code"].astype(str).tolist()
    need.write_text("tambon_code,indicator,value,unit,year\n" +
                    "".join(f"{c},คนจนเป้าหมาย TPMAP,{10 + i},คน,2567\n" for i, c in enumerate(codes)), encoding="utf-8")
    bench = main_window.workbench
    with qtbot.waitSignal(bench.start_import([need], "indicators").finished, timeout=60_000):
        pass
    assert bench.last_error is None, bench.last_error
    assert main_window.workspace.count("indicators") == len(codes)


def test_import_error_is_reported(main_window, qtbot, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    bench = main_window.workbench
    with qtbot.waitSignal(bench.start_import([empty], "projects").finished, timeout=30_000):
        pass
    assert "ไฟล์ว่าง" in bench.report_dialog.text.toPlainText()
    assert bench.report_dialog.windowTitle() == "นำเข้าไม่สำเร็จ"
    assert not main_window.busy


def test_recent_files_newest_first_at_most_eight(main_window, map_source, demo_copy, tmp_path):
    main_window.clear_recent_files()
    copies = [Path(shutil.copy(demo_copy, tmp_path / f"ws{i}.gpkg")) for i in range(9)]
    for path in copies:
        assert main_window._open_or_report(path)  # what File → Open and the recent menu do
    recent = main_window.recent_files()
    assert recent == [str(p.resolve()) for p in reversed(copies)][: mw.MAX_RECENT]
    main_window._open_or_report(copies[3])
    assert main_window.recent_files()[0] == str(copies[3].resolve())
    main_window._fill_recent_menu()
    names = [a.text() for a in main_window.menu_recent.actions()]
    assert names[0] == "&1 ws3.gpkg" and "ล้างรายการ" in names
    main_window.clear_recent_files()
    main_window._fill_recent_menu()
    assert [a.text() for a in main_window.menu_recent.actions()] == ["(ยังไม่มี)"]


def test_save_as_copies_and_continues_in_the_copy(main_window, tmp_path):
    original = Path(main_window.workspace.path)
    target = tmp_path / "สำเนา.gpkg"
    main_window.save_workspace_as(target)
    assert target.is_file() and Path(main_window.workspace.path) == target
    assert main_window.layers is not None and "projects" in main_window.layers
    assert main_window.recent_files()[0] == str(target.resolve())
    assert original.is_file()


def test_close_workspace_disables_file_actions(main_window):
    assert main_window.action_save_as.isEnabled()
    main_window._ask_close_workspace()
    assert main_window.workspace is None and main_window.layers is None
    assert not main_window.action_save_as.isEnabled() and not main_window.action_close_workspace.isEnabled()
    assert not main_window.workbench.action_import.isEnabled()


@pytest.mark.parametrize(("answer", "closes", "count"), [(mw.KEEP, True, 2), (mw.UNDO, True, 0), (mw.CANCEL, False, 2)])
def test_session_edits_prompt_on_close(main_window, monkeypatch, answer, closes, count):
    box = [0]
    stack = QUndoStack(main_window)
    main_window.undo_stack = stack
    stack.push(Counter(box))
    stack.push(Counter(box))
    asked: list[int] = []
    monkeypatch.setattr(mw, "ask_session_edits", lambda parent, n: asked.append(n) or answer)
    assert main_window.close() is closes
    assert asked == [2] and box[0] == count
    if not closes:
        assert main_window.workspace is not None
        stack.setClean()
        assert main_window.close()


def test_no_prompt_when_the_stack_is_clean(main_window, monkeypatch):
    main_window.undo_stack = QUndoStack(main_window)
    monkeypatch.setattr(mw, "ask_session_edits", lambda *a: pytest.fail("asked without edits"))
    assert main_window.close()


def test_geometry_and_state_are_remembered(qtbot, tmp_path):
    from ui.app import create_application

    create_application()
    first = mw.MainWindow()
    qtbot.addWidget(first)
    first.restore_settings()  # nothing saved yet: keeps defaults, turns persistence on
    first.resize(700, 500)
    first.show()
    qtbot.waitExposed(first)
    first.layer_dock.hide()
    first.close()
    assert (tmp_path / "settings" / "AreaPlan.ini").is_file()
    second = mw.MainWindow()
    qtbot.addWidget(second)
    second.restore_settings()
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (700, 500)
    assert not second.layer_dock.isVisible()


def test_busy_disables_menus(main_window):
    seen: list[bool] = []
    main_window.busyChanged.connect(seen.append)
    main_window.set_busy(True)
    assert not main_window.menuBar().isEnabled() and not main_window.toolbar.isEnabled()
    main_window.set_busy(False)
    assert main_window.menuBar().isEnabled() and seen == [True, False]


def test_open_demo(qtbot, demo_copy, monkeypatch):
    from ui.app import create_application

    create_application()
    monkeypatch.setenv("AREAPLAN_DATA_DIR", str(demo_copy.parent / "data"))
    window = mw.MainWindow()
    qtbot.addWidget(window)
    assert window.open_demo()
    assert window.layers is not None and "tambon" in window.layers
    window.close()
