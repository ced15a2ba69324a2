"""Translations: every UI string is extractable and has English in the .ts; English shows an English UI."""

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


#: Modules that need no translation calls (the CLI prints Thai with English in brackets by design).
NOT_TRANSLATED = {"cli.py", "i18n.py", "__init__.py", "extensions.py"}


def _call_name(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else None


def translation_calls(path: Path) -> list[tuple[ast.Call, str | None, str | None]]:
    """(call, context, literal source text or None) of every tr/translate/QT_TRANSLATE_NOOP call in a file.

    The context of ``self.tr`` is the enclosing class; of ``translate``/``QT_TRANSLATE_NOOP`` its first argument.
    """
    out = []

    def visit(node: ast.AST, cls: str | None) -> None:
        if isinstance(node, ast.ClassDef):
            cls = node.name
        if isinstance(node, ast.Call):
            name, args = _call_name(node), node.args
            literal = lambda i: args[i].value if len(args) > i and isinstance(args[i], ast.Constant) else None  # noqa: E731
            if name == "tr" and isinstance(node.func, ast.Attribute):
                out.append((node, cls, literal(0)))
            elif name in ("translate", "QT_TRANSLATE_NOOP") and args:
                out.append((node, literal(0), literal(1)))
        for child in ast.iter_child_nodes(node):
            visit(child, cls)

    visit(ast.parse(path.read_text(encoding="utf-8")), None)
    return out


def translated_strings(path: Path) -> list[tuple[str, str]]:
    """(context, text) of the literal translatable strings of a Python file."""
    return [(ctx, text) for _call, ctx, text in translation_calls(path) if ctx and isinstance(text, str)]


def ts_messages() -> dict[tuple[str, str], list[ET.Element]]:
    messages: dict[tuple[str, str], list[ET.Element]] = {}
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            messages.setdefault((context.findtext("name"), message.findtext("source")), []).append(message)
    return messages


TRANSLATED_MODULES = sorted(
    path.name for path in UI.glob("*.py") if path.name not in NOT_TRANSLATED and translation_calls(path)
)


def test_every_ui_module_with_text_is_covered():
    expected = {"app.py", "attribute_table.py", "editing.py", "layer_panel.py", "main_window.py", "map_canvas.py",
                "map_tools.py", "place_search.py", "raster_view.py", "style_editor.py", "workbench.py", "worker.py"}  # fmt: skip
    assert expected <= set(TRANSLATED_MODULES)


@pytest.mark.parametrize("module", TRANSLATED_MODULES)
def test_every_string_has_a_finished_english_translation(module):
    messages = ts_messages()
    strings = translated_strings(UI / module)
    assert strings
    for context, text in strings:
        key = (context, text)
        assert key in messages, f"{key!r} is not in {TS.name}: run pyside6-lupdate (see ui/i18n.py)"
        for message in messages[key]:
            translation = message.find("translation")
            assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), text
            assert (translation.text or "").strip(), text


@pytest.mark.parametrize("module", TRANSLATED_MODULES)
def test_translation_calls_are_extractable(module):
    """Only self.tr(...) or translate("Context", ...) (lupdate cannot see window.tr or a computed context)."""
    for call, context, _text in translation_calls(UI / module):
        where = f"{module}:{call.lineno}"
        if _call_name(call) == "tr":
            owner = call.func.value
            assert isinstance(owner, ast.Name) and owner.id == "self", f"{where}: use self.tr or translate()"
            assert context is not None, f"{where}: self.tr outside a class"
        else:
            assert context is not None, f"{where}: the context must be a literal"


def test_tables_translated_at_display_time_are_marked():
    """The Thai tables shown through tr(variable) hold exactly the marked literals lupdate extracted."""
    from layers.model import GROUPS
    from layers.style import METHODS, RAMPS
    from ui import attribute_table, editing, layer_panel, map_tools, style_editor
    from ui.map_canvas import PanTool, ZoomBoxTool

    messages = ts_messages()
    tables = {
        "LayerPanel": [*GROUPS, *layer_panel.GROUP_TITLES, *(text for _key, text in layer_panel.MENU_ACTIONS)],
        "AttributeTableDock": [*attribute_table.FILTER_TITLES.values(), *attribute_table.FILTER_ALL.values()],
        "EditController": list(editing._COLUMN_TH.values()),
        "MapTools": [*map_tools.FIELD_LABELS.values(), PanTool.title, ZoomBoxTool.title,
                     map_tools.IdentifyTool.title, map_tools.SelectTool.title,
                     editing.AddProjectTool.title, editing.MovePointTool.title],  # fmt: skip
        "StyleEditor": [*style_editor.MODES.values(), *style_editor.SYMBOL_NAMES.values(),
                        *style_editor.FIELD_NAMES.values(), *style_editor.RAMP_KINDS.values(),
                        *(name for name, _en in METHODS.values()), *(name for name, _k, _s in RAMPS.values())],  # fmt: skip
    }
    assert set(GROUPS) == set(layer_panel.GROUP_TITLES)
    assert {name for name, _en in METHODS.values()} == set(style_editor.METHOD_NAMES)
    assert {name for name, _k, _s in RAMPS.values()} == set(style_editor.RAMP_NAMES)
    for context, texts in tables.items():
        for text in texts:
            assert (context, text) in messages, (context, text)


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
    from PySide6.QtWidgets import QMessageBox

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
    # close the (window-modal) "applies at the next start" note, which would block later tests' mouse input
    boxes = window.findChildren(QMessageBox)
    assert boxes
    for box in boxes:
        box.done(0)


def test_english_shows_english_panels_and_tools(qtbot, map_source):
    from layers.model import GROUPS
    from ui.app import create_application
    from ui.main_window import MainWindow
    from ui.map_tools import format_area, format_distance

    app = create_application()
    try:
        assert i18n.install_translator(app, "en") == "en"
        window = MainWindow()
        qtbot.addWidget(window)
        if isinstance(map_source, Path):
            window.open_workspace(map_source)
        else:
            window.set_workspace(map_source)
        tree = window.layer_panel.tree
        assert [tree.group_item(group).text(0) for group in GROUPS] == [
            "Administrative boundaries", "Projects", "Hazard areas", "Plans"]  # fmt: skip
        assert window.attribute_table.windowTitle() == "Attribute table"
        assert window.action_attribute_table.text() == "Open attribute table"
        texts = {name: action.text() for name, action in window.map_tools.actions.items()}
        assert texts == {"pan": "Pan", "zoom_box": "Zoom to box", "identify": "Identify", "select": "Select",
                         "measure_distance": "Measure distance", "measure_area": "Measure area"}  # fmt: skip
        assert window.action_layer_zoom.text() == "Zoom to layer"
        assert window.action_undo.text().startswith("Undo")
        assert format_distance(12_345.6) == "12.346 km"
        assert format_area(3_200.0).endswith("2.00 rai")
    finally:
        assert i18n.install_translator(app, "th") == "th"
    thai = MainWindow()
    qtbot.addWidget(thai)
    assert thai.layer_panel.tree.group_item(GROUPS[0]).text(0) == GROUPS[0]
    assert thai.map_tools.actions["identify"].text() == "ระบุข้อมูล"
