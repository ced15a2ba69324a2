"""File → ส่งออกแผนที่เว็บ… and `areaplan webmap`: the export from the app (worker thread) and from the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ui.cli import main


def wait_for_export(qtbot, export) -> None:
    qtbot.waitUntil(lambda: export.runner is not None and not export.runner.is_running()
                    and (export.last_result is not None or export.last_error is not None), timeout=60_000)


def page_data(page: Path) -> dict:
    text = page.read_text(encoding="utf-8")
    return json.loads(re.search(r'id="areaplan-data">(.*?)</script>', text, re.S).group(1))


def test_action_in_file_menu_follows_the_workspace(main_window) -> None:
    action = main_window.action_export_webmap
    assert action.text() == "ส่งออกแผนที่เว็บ…" and action in main_window.menu_file.actions()
    # beside the import action, before save
    actions = main_window.menu_file.actions()
    assert actions.index(action) < actions.index(main_window.action_save)
    assert action.isEnabled()
    main_window.close_workspace()
    assert not action.isEnabled()


def test_menu_exports_on_a_worker_and_offers_the_browser(main_window, qtbot, tmp_path, monkeypatch) -> None:
    export = main_window.webmap_export
    target = tmp_path / "แผนที่.html"
    folder_filter, _single = export.filters()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target.with_suffix("")), folder_filter))
    opened = []
    monkeypatch.setattr("ui.webmap_action.QDesktopServices.openUrl", lambda url: opened.append(url) or True)
    main_window.action_export_webmap.trigger()
    assert export.runner is not None
    wait_for_export(qtbot, export)
    assert export.last_error is None
    result = export.last_result
    assert result.html == target and target.is_file()  # ".html" added to the name typed
    assert (tmp_path / "แผนที่_files" / "leaflet" / "leaflet.js").is_file()
    data = page_data(target)
    assert len(data["projects"]["project_id"]) == result.projects + result.unlocated > 0
    box = export.message_box
    assert box is not None and box.isVisible() and "แผนที่.html" in box.informativeText()
    assert "แผนที่_files" in box.informativeText()
    open_button = next(b for b in box.buttons() if b.text() == "เปิดในเบราว์เซอร์")
    open_button.click()
    assert opened and opened[0].toLocalFile() == str(target.resolve())
    assert "เขียนแผนที่เว็บ" in main_window.statusBar().currentMessage()


def test_single_file_choice_writes_one_page(main_window, qtbot, tmp_path, monkeypatch) -> None:
    export = main_window.webmap_export
    target = tmp_path / "one.html"
    _folder, single_filter = export.filters()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), single_filter))
    export.ask_and_export()
    wait_for_export(qtbot, export)
    assert export.last_error is None and export.last_result.assets is None
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".html" or p.is_dir()) == ["one.html"]
    assert "ต้องคัดลอกโฟลเดอร์" not in export.message_box.informativeText()


def test_cancelled_dialog_writes_nothing(main_window, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert main_window.webmap_export.ask_and_export() is None
    assert main_window.webmap_export.runner is None


def test_export_error_is_shown_in_thai(main_window, qtbot, tmp_path) -> None:
    export = main_window.webmap_export
    export.export(tmp_path / "missing" / "m.html")
    wait_for_export(qtbot, export)
    assert export.last_result is None
    box = export.message_box
    assert box.icon() == QMessageBox.Icon.Warning and "ไม่พบโฟลเดอร์ปลายทาง" in box.text()
    assert "destination folder does not exist" in box.text()


def test_cancel_stops_the_export(demo_main_window, qtbot, tmp_path) -> None:
    export = demo_main_window.webmap_export
    runner = export.export(tmp_path / "m.html")
    runner.cancel()  # the duplicate analysis of 1,500 projects takes far longer than this
    wait_for_export(qtbot, export)
    assert runner.was_cancelled and not (tmp_path / "m.html").exists()
    assert "ยกเลิก" in demo_main_window.statusBar().currentMessage()


# ------------------------------------------------------------------------------------------- CLI

def test_cli_writes_the_page(demo_path, tmp_path, capsys) -> None:
    out = tmp_path / "map.html"
    assert main(["webmap", str(demo_path), "--out", str(out), "--duplicates", "none", "--cluster-from", "5000"]) == 0
    printed = capsys.readouterr().out
    assert "แผนที่เว็บ" in printed and "1,500" in printed and "map_files" in printed
    data = page_data(out)
    assert data["cluster"] is False and data["duplicates"] == []
    assert (tmp_path / "map_files" / "fonts" / "Sarabun-Regular.ttf").is_file()
    # the output exists now: refused without --overwrite (exit 2, one bilingual line)
    assert main(["webmap", str(demo_path), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "มีไฟล์นี้อยู่แล้ว" in err and "--overwrite" in err and "Traceback" not in err
    assert main(["webmap", str(demo_path), "--out", str(out), "--overwrite", "--single-file",
                 "--title", "แผนที่โครงการ อ.หาดใหญ่"]) == 0
    assert page_data(out)["title"] == "แผนที่โครงการ อ.หาดใหญ่"


def test_cli_unknown_workspace_is_a_user_error(tmp_path, capsys) -> None:
    assert main(["webmap", str(tmp_path / "none.gpkg"), "--out", str(tmp_path / "m.html")]) == 2
    assert "ไม่พบไฟล์พื้นที่ทำงาน" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["--duplicates", "maybe"], []])
def test_cli_arguments_are_checked(tmp_path, args, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["webmap", str(tmp_path / "ws.gpkg"), *args])  # --out is required; modes are listed
    assert exc.value.code == 2
