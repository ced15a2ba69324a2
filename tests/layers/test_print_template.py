"""Print templates: validated values, JSON round trip, built-ins and templates saved in a workspace."""

from __future__ import annotations

import pytest

from layers.print.template import BUILTIN_TEMPLATES, PrintTemplate, TemplateError, resolve_template


def test_defaults_are_an_a4_portrait_annex():
    t = PrintTemplate()
    assert (t.page, t.landscape, t.page_size_mm) == ("A4", False, (210.0, 297.0))
    assert PrintTemplate(page="A3", landscape=True).page_size_mm == (420.0, 297.0)


def test_json_round_trip_keeps_every_setting():
    t = PrintTemplate(page="A3", landscape=True, map_scale=50_000, grid="utm", thai_digits=True,
                      table_columns=("title", "budget"), layers=("tambon", "projects"), title="แผนที่ {area}")  # fmt: skip
    assert PrintTemplate.from_dict(t.to_dict()) == t


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"page": "A5"}, "ขนาดกระดาษต้องเป็น A4, A3"),
        ({"grid": "mgrs"}, "grid must be one of none, lonlat, utm"),
        ({"table": "all"}, "table must be one of"),
        ({"table_columns": ("title", "colour")}, "table columns must be among"),
        ({"margin_mm": 80}, "margin_mm must be between 0 and 60"),
        ({"map_scale": 10}, "map_scale must be between 100"),
        ({"dpi": True}, "dpi must be between"),
    ],
)
def test_bad_values_are_refused_with_the_field(changes, message):
    with pytest.raises(TemplateError, match=message):
        PrintTemplate(**changes)


def test_unknown_keys_and_newer_versions_are_refused():
    with pytest.raises(TemplateError, match="unknown template keys: colour"):
        PrintTemplate.from_dict({"colour": "red"})
    with pytest.raises(TemplateError, match="newer AreaPlan"):
        PrintTemplate.from_dict({"version": 99})
    with pytest.raises(TemplateError, match="must be a JSON object"):
        PrintTemplate.from_dict([1, 2])


def test_workspace_templates_come_before_builtins(workspace):
    from areaplan.workspace.templates import save_template

    assert resolve_template(None) == PrintTemplate()
    assert resolve_template("a3-landscape") == BUILTIN_TEMPLATES["a3-landscape"][1]
    assert resolve_template("ทางราชการ (เลขไทย)").thai_digits
    save_template(workspace, "standard", PrintTemplate(page="A3").to_dict())
    assert resolve_template("standard", workspace).page == "A3"
    with pytest.raises(TemplateError, match="no template 'nope' .*standard"):
        resolve_template("nope", workspace)
