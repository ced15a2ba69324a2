"""Draw the AreaPlan app icon with QtGui: packaging/icons/areaplan.png (256 px) and areaplan.ico (Windows).

A folded map of three panels on a teal tile, a blue flood band across it and a red location pin. The
drawing is plain vector geometry, so the files are the same on every run of the same Qt.
Usage: python packaging/make_icon.py [--out packaging/icons]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402 (after the platform is chosen)
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen, QPolygonF  # noqa: E402

HERE = Path(__file__).resolve().parent
SIZE = 256
TEAL = QColor("#0f766e")
PAPER = (QColor("#f8f5e9"), QColor("#e7e1cc"), QColor("#f8f5e9"))
WATER = QColor(37, 99, 235, 170)
PIN = QColor("#dc2626")


def draw_icon(size: int = SIZE) -> QImage:
    """The icon as a transparent ARGB image of size × size pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)  # drawn on a 256-unit grid
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(TEAL)
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 44, 44)
    # a map folded in three panels, each slanted the other way
    xs = (44, 100, 156, 212)
    tops = (70, 56, 70, 56)
    for i in range(3):
        panel = QPolygonF([QPointF(xs[i], tops[i]), QPointF(xs[i + 1], tops[i + 1]),
                           QPointF(xs[i + 1], tops[i + 1] + 136), QPointF(xs[i], tops[i] + 136)])
        p.setBrush(PAPER[i])
        p.drawPolygon(panel)
    # a flood band across the map
    band = QPainterPath(QPointF(44, 150))
    band.cubicTo(QPointF(90, 128), QPointF(150, 176), QPointF(212, 140))
    band.lineTo(QPointF(212, 170))
    band.cubicTo(QPointF(150, 204), QPointF(90, 158), QPointF(44, 180))
    band.closeSubpath()
    p.setBrush(WATER)
    p.drawPath(band)
    # the pin: a circle drawn to a point, with a white hole
    pin = QPainterPath()
    pin.moveTo(QPointF(128, 170))
    pin.cubicTo(QPointF(112, 140), QPointF(92, 122), QPointF(92, 100))
    pin.arcTo(QRectF(92, 64, 72, 72), 180, -180)
    pin.cubicTo(QPointF(164, 122), QPointF(144, 140), QPointF(128, 170))
    p.setPen(QPen(QColor("white"), 5))
    p.setBrush(PIN)
    p.drawPath(pin)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("white"))
    p.drawEllipse(QPointF(128, 100), 14, 14)
    p.end()
    return image


def write_icons(out: Path) -> list[Path]:
    """Write areaplan.png and areaplan.ico into `out`; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    image = draw_icon(SIZE)
    written = []
    for name, fmt in (("areaplan.png", "PNG"), ("areaplan.ico", "ICO")):
        path = out / name
        if not image.save(str(path), fmt):
            raise SystemExit(f"Qt could not write {path} (image format {fmt})")
        written.append(path)
    return written


def main() -> int:
    """Draw and save the icons."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=HERE / "icons")
    args = parser.parse_args()
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (QImage text/fonts need it)
    for path in write_icons(args.out):
        print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
