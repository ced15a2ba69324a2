"""Layer models and the QPainter renderer on offscreen QImages (no widgets are created here)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import shapely  # noqa: E402
from PySide6.QtCore import QPointF  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402

from layers.model import (  # noqa: E402
    GROUP_HAZARDS,
    GROUPS,
    LabelSettings,
    LayerList,
    Style,
    StyleError,
    VectorLayer,
    layers_from_workspace,
)
from layers.render import MapRenderer, RenderContext, paths_from_coords, qcolor  # noqa: E402

# Two 10 km squares side by side in UTM 47N, near Hat Yai, drawn into a 200 x 100 image.
CRS = "EPSG:32647"
WEST = shapely.box(660_000, 770_000, 670_000, 780_000)
EAST = shapely.box(670_000, 770_000, 680_000, 780_000)
EXTENT = (660_000.0, 770_000.0, 680_000.0, 780_000.0)
W, H = 200, 100


@pytest.fixture(autouse=True)
def _gui(qapp):
    """A Qt application object (fonts and pixmaps need one); nothing here creates a widget."""
    return qapp


def frame(geoms, **columns) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(columns, geometry=list(geoms), crs=CRS).to_crs("EPSG:4326")


def squares(**kwargs) -> VectorLayer:
    gdf = frame([WEST, EAST], name_th=["คอหงส์", "คลองแห"], kind=["a", "b"])
    return VectorLayer("tambon", "ตำบล", gdf, kwargs.pop("style", Style(stroke=None)), **kwargs)


def render(*layers: VectorLayer, extent=EXTENT, size=(W, H)) -> np.ndarray:
    image = MapRenderer(LayerList(layers, crs=CRS)).render_image(
        RenderContext(extent, size[0], size[1], crs=CRS), background="#ffffff"
    )
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    h, w, bpl = image.height(), image.width(), image.bytesPerLine()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=h * bpl).reshape(h, bpl)
    return data[:, : w * 3].reshape(h, w, 3).astype(int)


def rgb(css: str) -> list[int]:
    c = qcolor(css)
    return [c.red(), c.green(), c.blue()]


def near(pixel: np.ndarray, css: str, tol: int = 3) -> bool:
    return bool(np.abs(pixel - rgb(css)).max() <= tol)


# ------------------------------------------------------------------------------------- polygons
def test_polygons_are_drawn_where_expected():
    pixels = render(squares(style=Style(fill="#ff0000", stroke=None)))
    assert near(pixels[50, 50], "#ff0000") and near(pixels[50, 150], "#ff0000")
    pixels = render(squares(style=Style(fill="#ff0000", stroke=None)), extent=(650_000, 770_000, 690_000, 780_000))
    assert near(pixels[50, 5], "#ffffff") and near(pixels[50, 195], "#ffffff")  # outside the squares
    assert near(pixels[50, 60], "#ff0000") and near(pixels[50, 140], "#ff0000")


def test_categorised_fill_colours_each_feature():
    style = Style(fill="#000000", stroke=None, category_field="kind", categories={"a": "#00ff00", "b": "#0000ff"})
    pixels = render(squares(style=style))
    assert near(pixels[50, 50], "#00ff00")
    assert near(pixels[50, 150], "#0000ff")


def test_unlisted_category_uses_the_plain_fill():
    style = Style(fill="#ff00ff", stroke=None, category_field="kind", categories={"a": "#00ff00"})
    assert near(render(squares(style=style))[50, 150], "#ff00ff")


def test_stroke_outlines_polygons():
    pixels = render(squares(style=Style(fill=None, stroke="#000000", width=2.0)))
    assert near(pixels[50, 50], "#ffffff")  # no fill
    assert pixels[50, 99:102].min() < 60  # the shared edge is stroked


def test_polygon_hole_is_not_filled():
    ring = shapely.Polygon(WEST.exterior.coords, [shapely.box(663_000, 773_000, 667_000, 777_000).exterior.coords])
    layer = VectorLayer("z", "ทดสอบ", frame([ring]), Style(fill="#ff0000", stroke=None))
    pixels = render(layer)
    assert near(pixels[50, 50], "#ffffff")
    assert near(pixels[50, 20], "#ff0000")


def test_paths_from_coords_builds_one_path_per_owner():
    coords = np.array([[0, 0], [4, 0], [4, 4], [0, 4], [0, 0], [1, 1], [2, 1], [2, 2], [1, 1], [10, 10], [12, 10], [12, 12], [10, 10]], float)
    start = np.zeros(len(coords), bool)
    start[[0, 5, 9]] = True
    owner = np.array([3] * 9 + [7] * 4)
    owners, paths = paths_from_coords(coords, start, owner)
    assert owners.tolist() == [3, 7]
    assert [p.elementCount() for p in paths] == [9, 4]
    assert paths[0].contains(QPointF(3, 3)) and not paths[0].contains(QPointF(1.6, 1.3))  # odd-even hole
    assert paths[1].contains(QPointF(11.5, 10.5))


def test_opacity_blends_the_layer():
    pixels = render(squares(style=Style(fill="#000000", stroke=None), opacity=0.5))
    assert 120 <= pixels[50, 50, 0] <= 135


def test_hidden_layer_draws_nothing():
    pixels = render(squares(style=Style(fill="#ff0000"), visible=False, labels=LabelSettings("name_th", True)))
    assert (pixels == 255).all()


# ------------------------------------------------------------------------------------ lines, points
def test_lines_are_stroked():
    line = shapely.LineString([(660_000, 775_000), (680_000, 775_000)])
    layer = VectorLayer("roads", "ถนน", frame([line]), Style(stroke="#0000ff", width=3.0))
    pixels = render(layer)
    assert near(pixels[50, 100], "#0000ff", tol=10)
    assert near(pixels[20, 100], "#ffffff")


def test_points_are_drawn_as_symbols_in_their_category_colour():
    pts = [shapely.Point(665_000, 775_000), shapely.Point(675_000, 775_000)]
    style = Style(fill="#000000", stroke=None, point_size=8, category_field="channel",
                  categories={"local": "#00ff00", "province": "#0000ff"})  # fmt: skip
    layer = VectorLayer("projects", "โครงการ", frame(pts, channel=["local", "province"]), style)
    pixels = render(layer)
    assert near(pixels[50, 50], "#00ff00")
    assert near(pixels[50, 150], "#0000ff")
    assert near(pixels[50, 100], "#ffffff") and near(pixels[40, 50], "#ffffff")  # 8 px symbols only


def test_unlocated_features_are_skipped():
    located = frame([shapely.Point(665_000, 775_000)], title=["มีพิกัด"])
    unlocated = gpd.GeoDataFrame({"title": ["ไม่มีพิกัด"]}, geometry=[None], crs=located.crs)
    gdf = gpd.GeoDataFrame(pd.concat([located, unlocated], ignore_index=True), crs=located.crs)
    layer = VectorLayer("projects", "โครงการ", gdf, Style(fill="#ff0000", stroke=None, point_size=8))
    pixels = render(layer)
    assert near(pixels[50, 50], "#ff0000")


# ------------------------------------------------------------------------------------------ labels
def label_layer(**label_kwargs) -> VectorLayer:
    settings = LabelSettings(
        **{"field": "name_th", "visible": True, "size": 14, "color": "#000000", "halo_color": None, **label_kwargs}
    )
    return squares(style=Style(fill="#ffffff", stroke=None), labels=settings)


def dark_pixels(pixels: np.ndarray, box: tuple[int, int, int, int]) -> int:
    r0, r1, c0, c1 = box
    return int((pixels[r0:r1, c0:c1].sum(axis=2) < 300).sum())


def test_thai_label_is_drawn_inside_its_feature():
    pixels = render(label_layer(), size=(400, 200))
    assert dark_pixels(pixels, (80, 120, 60, 140)) > 60  # around the west square's centre (100, 100)
    assert dark_pixels(pixels, (80, 120, 260, 340)) > 60  # and the east one's (300, 100)
    assert dark_pixels(pixels, (0, 40, 0, 400)) == 0  # nothing far from the anchors


def test_labels_off_draw_no_text():
    pixels = render(label_layer(visible=False), size=(400, 200))
    assert dark_pixels(pixels, (0, 200, 0, 400)) == 0


def test_labels_of_small_features_are_dropped():
    pixels = render(label_layer(), extent=(560_000, 670_000, 780_000, 880_000), size=(400, 200))
    assert dark_pixels(pixels, (0, 200, 0, 400)) == 0  # each square is ~18 px wide: too small for its text


def test_overlapping_labels_are_dropped():
    extent = (640_000, 760_000, 700_000, 790_000)  # 100 m per pixel: the anchors are 100 px apart
    wide = render(label_layer(size=30, fit=False), extent=extent, size=(600, 300))
    west, east = (130, 170, 230, 270), (130, 170, 330, 370)  # around the anchors (250, 150) and (350, 150)
    assert (dark_pixels(wide, west) > 0) != (dark_pixels(wide, east) > 0)  # 30 pt labels > 100 px: one dropped
    small = render(label_layer(size=12, fit=False), extent=extent, size=(600, 300))
    assert dark_pixels(small, west) > 0 and dark_pixels(small, east) > 0


def test_label_halo_is_drawn():
    pixels = render(
        squares(style=Style(fill="#000000", stroke=None), labels=LabelSettings(
            "name_th", True, size=14, color="#000000", halo_color="#ffffff", halo_width=2)),
        size=(400, 200),
    )  # fmt: skip
    assert (pixels[80:120, 60:140].sum(axis=2) > 700).sum() > 60  # white halo around black text on black


# --------------------------------------------------------------------------------- caches and events
def test_paths_are_built_once_and_rebuilt_only_for_data():
    layer = squares()
    renderer = MapRenderer(LayerList([layer], crs=CRS))
    ctx = RenderContext(EXTENT, W, H, crs=CRS)
    renderer.render_image(ctx)
    r = renderer.renderer("tambon")
    geometry = r.geometry()
    changes = []
    r.changed.connect(lambda: changes.append(1))
    layer.style = Style(fill="#00ff00")
    renderer.render_image(ctx)
    assert r.geometry() is geometry  # a style change keeps the paths
    layer.data = frame([WEST], name_th=["คอหงส์"], kind=["a"])
    assert r.geometry() is not geometry
    assert len(r.geometry().full.poly_paths) == 1
    assert len(changes) == 2


def test_zoomed_out_views_draw_simplified_paths_and_zoomed_in_views_full_detail():
    wiggly = shapely.segmentize(WEST, 10.0)  # 4,000 vertices, 10 m apart
    layer = VectorLayer("z", "ทดสอบ", frame([wiggly]), Style(fill="#ff0000", stroke=None))
    renderer = MapRenderer(LayerList([layer], crs=CRS)).renderer("z")
    geometry = renderer.geometry()
    full = geometry.full.poly_paths[0].elementCount()
    assert geometry.paths_for(0.5) is geometry.full  # 0.5 m per pixel: nothing to simplify
    coarse = geometry.paths_for(100.0)  # 100 m per pixel: simplified to 32 m (< 0.5 px)
    assert coarse.poly_paths[0].elementCount() < full / 50
    assert geometry.paths_for(100.0) is coarse  # each level is built once
    pixels = render(layer, extent=(640_000, 760_000, 700_000, 790_000), size=(600, 300))
    assert near(pixels[150, 250], "#ff0000") and near(pixels[150, 350], "#ffffff")


def test_map_renderer_follows_inserted_and_removed_layers():
    layers = LayerList([], crs=CRS)
    renderer = MapRenderer(layers)
    layers.append(squares(style=Style(fill="#ff0000", stroke=None)))
    ctx = RenderContext(EXTENT, W, H, crs=CRS)
    assert renderer.render_image(ctx).pixelColor(50, 50).name() == "#ff0000"
    layers.remove("tambon")
    assert renderer.render_image(ctx).pixelColor(50, 50).name() == "#ffffff"


def test_context_scale_and_fit():
    ctx = RenderContext.fit((0, 0, 1000, 500), 100, 100, dpi=96)
    assert ctx.extent == (0.0, -250.0, 1000.0, 750.0)
    assert ctx.units_per_pixel == 10.0
    assert ctx.scale == pytest.approx(10.0 * 96 / 0.0254)
    t = ctx.transform()
    assert t.map(QPointF(0, 750)) == QPointF(0, 0)
    assert t.map(QPointF(1000, -250)) == QPointF(100, 100)


# ------------------------------------------------------------------------------------------- models
def test_setters_validate_store_and_emit_once():
    layer = squares()
    seen = []
    layer.events.visible.connect(seen.append)
    layer.events.opacity.connect(seen.append)
    layer.visible = False
    layer.visible = False
    layer.opacity = 0.25
    assert seen == [False, 0.25]
    with pytest.raises(StyleError, match="opacity"):
        layer.opacity = 1.5
    assert layer.opacity == 0.25


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"fill": "red"}, "#rrggbb"),
        ({"stroke": "#12345"}, "#rrggbb"),
        ({"width": -1}, "width must be between"),
        ({"point_symbol": "star"}, "point_symbol must be one of"),
        ({"categories": {"a": "blue"}}, "category a colour"),
    ],
)
def test_style_rejects_bad_values(kwargs, match):
    with pytest.raises(StyleError, match=match):
        Style(**kwargs)


def test_visible_labels_need_a_field():
    with pytest.raises(StyleError, match="visible labels need a field"):
        LabelSettings(visible=True)


def test_layer_rejects_unknown_group_and_missing_crs():
    with pytest.raises(StyleError, match="group must be one of"):
        VectorLayer("x", "x", frame([WEST]), group="other")
    with pytest.raises(StyleError, match="must have a CRS"):
        VectorLayer("x", "x", gpd.GeoDataFrame(geometry=[WEST]))


def test_style_categories_accept_numbers_as_text_keys():
    style = Style(category_field="class", categories={1.0: "#ff0000", "high": "#00ff00"})
    assert style.category_map == {"1": "#ff0000", "high": "#00ff00"}


def test_map_crs_is_the_utm_zone_of_the_data():
    west = VectorLayer("a", "a", gpd.GeoDataFrame(geometry=[shapely.box(100.3, 6.9, 100.7, 7.2)], crs=4326))
    east = VectorLayer("b", "b", gpd.GeoDataFrame(geometry=[shapely.box(104.5, 15.0, 105.0, 15.5)], crs=4326))
    assert LayerList([west]).crs == "EPSG:32647"
    assert LayerList([east]).crs == "EPSG:32648"
    assert LayerList([]).crs == "EPSG:32647"


class _Workspace:
    def __init__(self, frames):
        self.frames = frames

    def layer_names(self):
        return list(self.frames)

    def read_layer(self, name):
        return self.frames[name]

    def metadata(self):
        return {"title": "ทดสอบ"}


def test_workspace_layers_get_groups_order_and_categorised_styles():
    tambon = gpd.GeoDataFrame(
        {"code": ["901101", "901201"], "name_th": ["คอหงส์", "ฉลุง"], "parent_code": ["9011", "9012"]},
        geometry=[shapely.box(100.4, 6.9, 100.5, 7.0), shapely.box(100.5, 6.9, 100.6, 7.0)], crs=4326,
    )  # fmt: skip
    hazard = gpd.GeoDataFrame({"class": ["high"]}, geometry=[shapely.box(100.4, 6.9, 100.45, 6.95)], crs=4326)
    layers = layers_from_workspace(_Workspace({"hazard_zones": hazard, "tambon": tambon}))
    assert layers.names() == ["tambon", "hazard_zones"]  # boundaries below hazards
    assert layers["hazard_zones"].group == GROUP_HAZARDS
    assert {layer.group for layer in layers} <= set(GROUPS)
    assert set(layers["tambon"].style.category_map) == {"9011", "9012"}
    assert len(set(layers["tambon"].style.category_map.values())) == 2


# -------------------------------------------------------------------------------------------- fonts
def test_sarabun_is_registered_from_the_package_and_has_thai_glyphs():
    from PySide6.QtGui import QFontDatabase, QFontInfo, QFontMetricsF

    from layers.fonts import register_sarabun, sarabun_files, thai_font

    assert len(sarabun_files()) >= 4
    assert register_sarabun() == "Sarabun"
    font = thai_font(12, bold=True)
    assert QFontInfo(font).family() == "Sarabun"  # resolved to the bundled font, not a fallback
    assert QFontInfo(font).bold()
    assert all(QFontMetricsF(font).inFontUcs4(ord(ch)) for ch in "กำที่น้ำ")
    assert "Sarabun" in QFontDatabase.families()
