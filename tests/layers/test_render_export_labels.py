"""Labels of exported maps are real text (glyph runs in Sarabun) with a halo of offset copies, placed like
the screen's outline labels; the screen keeps its cached outlines."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402

from layers.model import LabelSettings, LayerList, Style  # noqa: E402
from layers.render import MapRenderer, RenderContext, draw_glyph_run  # noqa: E402
from tests.layers.test_render import CRS, EXTENT, render, squares  # noqa: E402


@pytest.fixture(autouse=True)
def _gui(qapp):
    return qapp


def export_render(layer, sink=None, size=(400, 200)) -> tuple[np.ndarray, list]:
    """Paint the layer for export into an image; the runs the sink got as (colour, text)."""
    calls: list = []

    def recording(painter, origin, run, colour, text):
        calls.append((QColor(colour).name(), text))
        draw_glyph_run(painter, origin, run, colour, text)

    renderer = MapRenderer(LayerList([layer], crs=CRS))
    ctx = RenderContext(EXTENT, size[0], size[1], crs=CRS, for_export=True)
    image = QImage(size[0], size[1], QImage.Format.Format_RGB888)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setTransform(ctx.transform())
    vector = renderer.renderer(layer.name)
    vector.paint(painter, ctx, labels=False)
    vector.paint_labels(painter, ctx, text_sink=sink or recording)
    painter.end()
    bpl = image.bytesPerLine()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=size[1] * bpl).reshape(size[1], bpl)
    return data[:, : size[0] * 3].reshape(size[1], size[0], 3).astype(int), calls


def dark(pixels, r0, r1, c0, c1) -> int:
    return int((pixels[r0:r1, c0:c1].sum(axis=2) < 300).sum())


def test_exported_labels_are_text_runs_at_their_features():
    layer = squares(style=Style(fill="#ffffff", stroke=None), labels=LabelSettings(
        "name_th", True, size=14, color="#000000", halo_color=None))  # fmt: skip
    pixels, calls = export_render(layer)
    assert sorted(text for _c, text in calls) == ["คลองแห", "คอหงส์"]  # each label's text once, nothing else
    assert dark(pixels, 80, 120, 60, 140) > 60 and dark(pixels, 80, 120, 260, 340) > 60  # at (100, 100), (300, 100)
    assert dark(pixels, 0, 40, 0, 400) == 0


def test_exported_halo_is_copies_in_the_halo_colour_that_copy_as_nothing():
    layer = squares(style=Style(fill="#000000", stroke=None), labels=LabelSettings(
        "name_th", True, size=14, color="#000000", halo_color="#ffffff", halo_width=2))  # fmt: skip
    pixels, calls = export_render(layer)
    halo = [text for colour, text in calls if colour == "#ffffff"]
    assert len(halo) >= 8 and set(halo) == {""}  # copies with no text: copy/search gives each name once
    assert [text for colour, text in calls if colour == "#000000"] != []
    assert (pixels[80:120, 60:140].sum(axis=2) > 700).sum() > 60  # white halo around black text on black
    screen = render(layer, size=(400, 200))  # the stroked outline halo of the canvas
    white = (pixels[70:130, 40:160].sum(axis=2) > 700).sum()
    assert white >= 0.85 * (screen[70:130, 40:160].sum(axis=2) > 700).sum()  # a closed halo, as wide as on screen


def test_screen_labels_stay_outlines_and_never_call_the_sink():
    layer = squares(style=Style(fill="#ffffff", stroke=None), labels=LabelSettings(
        "name_th", True, size=14, color="#000000"))  # fmt: skip
    renderer = MapRenderer(LayerList([layer], crs=CRS))
    ctx = RenderContext(EXTENT, 400, 200, crs=CRS)
    image = QImage(400, 200, QImage.Format.Format_RGB888)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setTransform(ctx.transform())
    calls = []
    renderer.renderer("tambon").paint_labels(painter, ctx, text_sink=lambda *a: calls.append(a))
    painter.end()
    assert calls == []
