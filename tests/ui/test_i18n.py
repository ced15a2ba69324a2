"""Translations: the English .ts is complete for the main window, and English shows English menus."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ui import i18n

UI = Path(i18n.__file__).resolve().parent
TS = UI / "i18n" / "areaplan_en.ts"
QM = UI / "i18n" / "areaplan_en.qm"


@pytest.fixture(autouse=True)
def _own_settings(tmp_path, monkeypatch):
    monkeypatch.setenv(i18n.SETTINGS_DIR_VARIABLE, str(tmp_path / "settings"))


def translated_strings(path: Path) -> list[str]:
    """Literal first arguments of tr(...) and the second of translate(ctx, ...) in a Python file."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            args = node.args
            if node.func.attr == "tr" and args and isinstance(args[0], ast.Constant):
                out.append(args[0].value)
            elif node.func.attr == "translate" and len(args) > 1 and isinstance(args[1], ast.Constant):
                out.append(args[1].value)
    return out


def ts_messages() -> dict[str, list[ET.Element]]:
    messages: dict[str, list[ET.Element]] = {}
    for message in ET.parse(TS).getroot().iter("message"):
        messages.setdefault(message.findtext("source"), []).append(message)
    return messages


@pytest.mark.parametrize("module", ["main_window.py", "workbench.py", "worker.py", "app.py"])
def test_every_string_has_a_finished_english_translation(module):
    messages = ts_messages()
    strings = translated_strings(UI / module)
    assert strings
    for text in strings:
        assert text in messages, f"{text!r} is not in {TS.name}: run pyside6-lupdate (see ui/i18n.py)"
        for message in messages[text]:
            translation = message.find("translation")
            assert translation.get("type") != "unfinished" and (translation.text or "").strip(), text


def test_qm_is_compiled_and_loads(qapp):
    from PySide6.QtCore import QTranslator

    assert QM.is_file() and QM.stat().st_mtime >= TS.stat().st_mtime - 1
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("MainWindow", "ไฟล์") == "File"


def test_language_is_remembered_and_thai_by_default():
    assert i18n.saved_language() == "th"
    i18n.save_language("en")
    assert i18n.saved_language() == "en"
    with pytest.raises(ValueError, match="unknown language"):
        i18n.save_language("fr")


def test_english_shows_english_menus(qtbot):
    from ui.app import create_application
    from ui.main_window import MainWindow

    app = create_application()
    try:
        assert i18n.install_translator(app, "en") == "en"
        window = MainWindow()
        qtbot.addWidget(window)
        titles = [window.menu_file.title(), window.menu_edit.title(), window.menu_view.title(),
                  window.menu_layer.title(), window.menu_tools.title(), window.menu_help.title()]  # fmt: skip
        assert titles == ["File", "Edit", "View", "Layers", "Tools", "Help"]
        assert window.action_save_as.text() == "Save as…"
        assert window.workbench.action_import.text() == "Import data…"
    finally:
        assert i18n.install_translator(app, "th") == "th"
    thai = MainWindow()
    qtbot.addWidget(thai)
    assert thai.menu_file.title() == "ไฟล์" and thai.workbench.action_import.text() == "นำเข้าข้อมูล…"


def test_language_menu_saves_the_choice(qtbot):
    from ui.app import create_application
    from ui.main_window import MainWindow

    create_application()
    window = MainWindow()
    qtbot.addWidget(window)
    assert set(window.language_actions) == {"th", "en"}
    assert window.language_actions["th"].isChecked()
    window.language_actions["en"].trigger()
    assert i18n.saved_language() == "en"
    assert window.language_actions["en"].isChecked()
