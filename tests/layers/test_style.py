"""Classification (against mapclassify itself), colour ramps, legends, graduated rendering and the JSON form."""

from __future__ import annotations

import json
import os
import warnings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import shapely  # noqa: E402

from layers.model import LabelSettings, LayerList, Style, StyleError, VectorLayer  # noqa: E402
from layers.render import MapRenderer, RenderContext, graduated_classes, qcolor  # noqa: E402
from layers.style import (  # noqa: E402
    METHODS,
    RAMPS,
    NATURAL_BREAKS_EXACT_MAX,
    apply_layer_state,
    categorised_style,
    classify,
    graduated_style,
    labels_from_dict,
    labels_to_dict,
    layer_state,
    legend_entries,
    ramp_colours,
    style_from_dict,
    style_to_dict,
)

with warnings.catch_warnings():
    warnings.simplefilter("ignore", UserWarning)  # "numba not installed"
    import mapclassify  # noqa: E402

CRS = "EPSG:32647"


@pytest.fixture(scope="module")
def budgets() -> np.ndarray:
    return np.random.default_rng(7).lognormal(13, 1.2, 250)


@pytest.mark.parametrize(
    ("method", "cls"),
    [("equal_interval", mapclassify.EqualInterval), ("quantile", mapclassify.Quantiles),
     ("natural_breaks", mapclassify.FisherJenks)],
)  # fmt: skip
@pytest.mark.parametrize("k", [3, 5, 7])
@pytest.mark.filterwarnings("ignore:Numba not installed:UserWarning")
def test_classify_matches_mapclassify_bins(budgets, method, cls, k):
    assert classify(budgets, method, k) == pytest.approx(tuple(cls(budgets, k=k).bins))


def test_classify_ignores_missing_and_text_values(budgets):
    values = pd.Series([*budgets, None, np.nan, "n/a"], dtype=object)
    assert classify(values, "quantile", 4) == pytest.approx(tuple(mapclassify.Quantiles(budgets, k=4).bins))


def test_classify_with_few_distinct_values_gives_one_class_each():
    assert classify([2568, 2567, 2568, 2569], "natural_breaks", 5) == (2567.0, 2568.0, 2569.0)


def test_natural_breaks_on_many_values_is_deterministic_and_ends_at_the_maximum():
    y = np.random.default_rng(3).lognormal(12, 1, NATURAL_BREAKS_EXACT_MAX * 20)
    first, second = classify(y, "natural_breaks", 5), classify(y, "natural_breaks", 5)
    assert first == second and len(first) == 5
    assert first[-1] == y.max() and list(first) == sorted(first)


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (([1, 2, 3], "jenks", 3), r"วิธีแบ่งชั้น.*classification method must be one of"),
        (([1, 2, 3], "quantile", 1), r"จำนวนชั้น.*number of classes must be an integer from 2 to 12, got 1"),
        (([1, 2, 3], "quantile", 13), r"number of classes must be an integer from 2 to 12, got 13"),
        (([None, "x"], "quantile", 3), r"ไม่มีค่าตัวเลข.*there are no numeric values to classify"),
    ],
)
def test_classify_rejects_bad_input(args, match):
    with pytest.raises(StyleError, match=match):
        classify(*args)


def test_methods_have_thai_and_english_names():
    assert set(METHODS) == {"equal_interval", "quantile", "natural_breaks"}
    assert all(th and en for th, en in METHODS.values())


def test_ramp_colours_run_from_the_first_to_the_last_stop():
    for name, (_th, _kind, stops) in RAMPS.items():
        colours = ramp_colours(name, 7)
        assert len(colours) == 7 and colours[0] == stops[0] and colours[-1] == stops[-1]
        assert ramp_colours(name, 7, reverse=True) == colours[::-1]
    assert ramp_colours("Blues", 3)[1] == RAMPS["Blues"][2][2]  # the middle stop


def test_unknown_ramp_is_refused():
    with pytest.raises(StyleError, match=r"ไม่รู้จักชุดสี 'Jet'.*unknown colour ramp 'Jet'"):
        ramp_colours("Jet", 5)


def test_graduated_classes_follow_mapclassify_binning(budgets):
    breaks = classify(budgets, "quantile", 5)
    expected = mapclassify.Quantiles(budgets, k=5).yb
    assert np.array_equal(graduated_classes(budgets, breaks), expected)
    assert graduated_classes([None, "x", budgets.max() * 2], breaks).tolist() == [-1, -1, 4]


def test_categorised_style_uses_vocabulary_order_and_thai_labels():
    data = pd.DataFrame({"channel": ["local", "province", "local", None, "zzz"]})
    style = categorised_style(Style(), data, "channel")
    assert [k for k, _c in style.categories] == ["province", "local", "zzz"]
    rows = legend_entries(style)
    assert rows[0] == ("งบพัฒนาจังหวัด / แผนพัฒนาจังหวัด", "#1f77b4")
    assert rows[-1][0] == "อื่น ๆ"  # the plain fill for values without a category


def test_graduated_legend_shows_class_ranges(budgets):
    style = graduated_style(Style(), pd.DataFrame({"budget": budgets}), "budget", method="quantile", k=4)
    rows = legend_entries(style)
    assert len(rows) == 4 and rows[0][0].startswith("≤ ") and " – " in rows[1][0]
    assert [c for _t, c in rows] == list(ramp_colours("YlOrRd", 4))


def test_style_rejects_inconsistent_graduated_settings():
    with pytest.raises(StyleError, match=r"need one colour per class: 2 breaks, 1 colours"):
        Style(graduated_field="budget", breaks=(1.0, 2.0), colours=("#ff0000",))
    with pytest.raises(StyleError, match=r"class breaks must be ascending"):
        Style(graduated_field="budget", breaks=(2.0, 1.0), colours=("#ff0000", "#00ff00"))
    with pytest.raises(StyleError, match=r"either categorised or graduated, not both"):
        Style(category_field="channel", graduated_field="budget", breaks=(1.0,), colours=("#ff0000",))


# ------------------------------------------------------------------------------------- rendering
def test_graduated_style_colours_each_feature_by_its_class():
    boxes = [shapely.box(660_000 + i * 10_000, 770_000, 670_000 + i * 10_000, 780_000) for i in range(3)]
    gdf = gpd.GeoDataFrame({"budget": [1.0, 50.0, 100.0]}, geometry=boxes, crs=CRS).to_crs("EPSG:4326")
    style = Style(stroke=None, fill="#000000", graduated_field="budget", breaks=(10.0, 60.0, 100.0),
                  colours=("#ff0000", "#00ff00", "#0000ff"))  # fmt: skip
    layer = VectorLayer("p", "p", gdf, style)
    image = MapRenderer(LayerList([layer], crs=CRS)).render_image(
        RenderContext((660_000.0, 770_000.0, 690_000.0, 780_000.0), 300, 100, crs=CRS)
    )
    got = [image.pixelColor(x, 50).name() for x in (50, 150, 250)]
    assert got == ["#ff0000", "#00ff00", "#0000ff"]


# ------------------------------------------------------------------------------------- JSON form
def test_style_and_labels_round_trip_through_json(budgets):
    style = graduated_style(
        Style(fill="#ffffff80", stroke=None, point_symbol="diamond"), pd.DataFrame({"budget": budgets}), "budget",
        method="natural_breaks", k=4, ramp="Viridis",
    )  # fmt: skip
    back = style_from_dict(json.loads(json.dumps(style_to_dict(style))))
    assert back == style
    cat = categorised_style(Style(), pd.DataFrame({"fiscal_year": [2567, 2568.0]}), "fiscal_year")
    assert style_from_dict(json.loads(json.dumps(style_to_dict(cat)))) == cat
    labels = LabelSettings(field="name_th", visible=True, size=11.0, bold=True, halo_color=None)
    assert labels_from_dict(json.loads(json.dumps(labels_to_dict(labels)))) == labels


def test_layer_state_round_trip_sets_through_the_setters():
    gdf = gpd.GeoDataFrame({"name_th": ["ก"]}, geometry=[shapely.Point(100.5, 7.0)], crs="EPSG:4326")
    source = VectorLayer("projects", "โครงการ", gdf, Style(fill="#123456"), visible=False, opacity=0.4,
                         labels=LabelSettings(field="name_th", visible=True))  # fmt: skip
    state = json.loads(json.dumps(layer_state(source, order=3)))
    assert state["order"] == 3
    target = VectorLayer("projects", "โครงการ", gdf)
    seen = []
    target.events.style.connect(lambda s: seen.append("style"))
    target.events.opacity.connect(lambda o: seen.append("opacity"))
    apply_layer_state(target, state)
    assert (target.style, target.labels, target.visible, target.opacity) == (
        source.style, source.labels, False, 0.4,
    )
    assert "style" in seen and "opacity" in seen


def test_layer_state_of_a_layer_without_style_keeps_only_visibility_and_opacity():
    class RasterLike:
        name, visible, opacity = "flood_depth", True, 0.7

    state = layer_state(RasterLike())
    assert set(state) == {"version", "visible", "opacity"}
    target = RasterLike()
    apply_layer_state(target, {**state, "opacity": 0.25, "style": style_to_dict(Style())})
    assert target.opacity == 0.25 and not hasattr(target, "style")


@pytest.mark.parametrize(
    ("d", "match"),
    [
        ("red", r"รูปแบบ \(style\) ต้องเป็นออบเจกต์ JSON.*must be a JSON object \(dict\), got str"),
        ({"fil": "#ff0000"}, r"มีคีย์ที่ไม่รู้จัก: fil.*unknown keys: fil"),
        ({"fill": "red"}, r"fill colour must be #rrggbb or #rrggbbaa, got 'red'"),
        ({"width": "2"}, r"width ต้องเป็นตัวเลข.*width must be a number, got '2'"),
        ({"width": 99}, r"width must be between 0 and 50, got 99"),
        ({"point_symbol": "star"}, r"point_symbol must be one of circle, square, triangle, diamond, got 'star'"),
        ({"categories": [["a"]]}, r"each category must be \[value, colour\], got \['a'\]"),
        ({"categories": {"a": "#fff"}}, r"categories must be a list"),
        ({"breaks": [1, "x"], "colours": ["#ff0000", "#00ff00"]}, r"breaks must be a number, got 'x'"),
        ({"graduated_field": "b", "breaks": [1, 2], "colours": ["#ff0000"]}, r"need one colour per class"),
        ({"method": "jenks"}, r"classification method must be one of"),
    ],
)
def test_style_from_dict_rejects_bad_input(d, match):
    with pytest.raises(StyleError, match=match):
        style_from_dict(d, layer="projects")


@pytest.mark.parametrize(
    ("d", "match"),
    [
        ({"visible": "yes"}, r"visible ต้องเป็น true หรือ false.*visible must be true or false, got 'yes'"),
        ({"size": 0}, r"label size must be between 1 and 200, got 0"),
        ({"visible": True}, r"visible labels need a field"),
        ({"max_labels": -1}, r"max_labels must be a non-negative integer, got -1"),
        ({"font": "Arial"}, r"unknown keys: font"),
    ],
)
def test_labels_from_dict_rejects_bad_input(d, match):
    with pytest.raises(StyleError, match=match):
        labels_from_dict(d)


@pytest.mark.parametrize(
    ("d", "match"),
    [
        ({"version": 99}, r"AreaPlan รุ่นใหม่กว่า.*saved by a newer AreaPlan \(style version 99\)"),
        ({"opacity": 1.5}, r"opacity must be between 0 and 1, got 1.5"),
        ({"style": {"fill": "blue"}}, r"ชั้นข้อมูล tambon.*layer tambon, field fill: fill colour must be"),
        ({"colour": "#fff"}, r"unknown keys: colour"),
    ],
)
def test_apply_layer_state_rejects_bad_input_and_changes_nothing(d, match):
    gdf = gpd.GeoDataFrame({"a": [1]}, geometry=[shapely.Point(100.5, 7.0)], crs="EPSG:4326")
    layer = VectorLayer("tambon", "ตำบล", gdf)
    before = (layer.style, layer.labels, layer.visible, layer.opacity)
    with pytest.raises(StyleError, match=match):
        apply_layer_state(layer, {"visible": False, **d})
    assert (layer.style, layer.labels, layer.visible, layer.opacity) == before


def test_qcolor_reads_css_alpha_of_ramp_colours():
    assert qcolor(ramp_colours("RdBu", 2)[0]).name() == RAMPS["RdBu"][2][0]


def test_layer_list_move_reorders_and_emits_once():
    gdf = gpd.GeoDataFrame({"a": [1]}, geometry=[shapely.Point(100.5, 7.0)], crs="EPSG:4326")
    layers = LayerList([VectorLayer(n, n, gdf) for n in "abc"], crs=CRS)
    seen = []
    layers.events.moved.connect(lambda old, new, layer: seen.append((old, new, layer.name)))
    layers.move("a", -1)
    assert layers.names() == ["b", "c", "a"] and seen == [(0, 2, "a")]
    layers.move("a", 2)  # already there: no event
    layers.move("c", 0)
    assert layers.names() == ["c", "b", "a"] and seen[-1] == (1, 0, "c") and len(seen) == 2
    with pytest.raises(StyleError, match=r"ตำแหน่งต้องอยู่ระหว่าง 0 ถึง 2.*index must be between 0 and 2, got 3"):
        layers.move("a", 3)
    with pytest.raises(KeyError):
        layers.move("zzz", 0)
