"""Sarabun, the Thai font AreaPlan ships and uses everywhere (screen, PDF, PNG); never a system font."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from areaplan.errors import AreaPlanError

#: The family name of the bundled font, as Qt reports it once registered.
FAMILY = "Sarabun"

_registered_family: str | None = None


def sarabun_files() -> list[Path]:
    """The TTF files of the fontpkg-sarabun package, sorted."""
    import fontpkg_sarabun

    return sorted((Path(fontpkg_sarabun.ROOT) / "files").glob("*.ttf"))


def register_sarabun() -> str:
    """Register every bundled Sarabun TTF with Qt once (needs a QGuiApplication); return the family."""
    global _registered_family
    if _registered_family is not None:
        return _registered_family
    if QGuiApplication.instance() is None:
        raise AreaPlanError(
            "ต้องสร้าง QGuiApplication ก่อนลงทะเบียนแบบอักษร Sarabun",
            "create a QGuiApplication before registering the Sarabun font",
        )
    files = sarabun_files()
    if not files:
        raise AreaPlanError(
            "ไม่พบแฟ้มแบบอักษร Sarabun ในแพ็กเกจ fontpkg-sarabun",
            "no Sarabun font files found in the fontpkg-sarabun package",
        )
    families: set[str] = set()
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise AreaPlanError(
                "Qt อ่านแฟ้มแบบอักษรไม่ได้",
                "Qt could not load the font file",
                path=path,
            )
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    _registered_family = FAMILY if FAMILY in families else sorted(families)[0]
    return _registered_family


def thai_font(point_size: float = 10.0, *, bold: bool = False) -> QFont:
    """A Sarabun QFont of the given point size (registers the font on first use)."""
    font = QFont(register_sarabun())
    font.setPointSizeF(float(point_size))
    font.setBold(bold)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


def thai_pixel_font(pixel_size: float, *, bold: bool = False) -> QFont:
    """A Sarabun QFont sized in device pixels (labels drawn at a known dpi)."""
    font = QFont(register_sarabun())
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font
