"""Writing painted pages to files: vector PDF (Sarabun embedded, searchable Thai), PNG at a dpi, SVG.

Files are written under temporary names and renamed when every page is done, so a cancelled or failed export
leaves no partial file behind.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRect, QSize
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPagedPaintDevice, QPainter, QPdfWriter

from areaplan.progress import Reporter
from layers.fonts import register_sarabun
from layers.print.page import MM_PER_INCH
from layers.print.text import PrintError, TextRecorder, add_actual_text

log = logging.getLogger(__name__)

FORMATS: tuple[str, ...] = ("pdf", "png", "svg")

#: paint(painter, dpi, recorder, page number, page count)
PaintPage = Callable[[QPainter, float, "TextRecorder | None", int, int], None]


@dataclass
class PageJob:
    """One page to write: its sheet size (mm), how to paint it, and the file group it belongs to."""

    size_mm: tuple[float, float]
    paint: PaintPage
    group: str = ""


def format_of(path: Path, fmt: str | None = None) -> str:
    """The output format: the one asked for, else the file's extension."""
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise PrintError(
            f"รูปแบบไฟล์ต้องเป็น {', '.join(FORMATS)} ได้ {fmt or '(ไม่มีนามสกุล)'}",
            f"output format must be one of {', '.join(FORMATS)}, got {fmt or '(none)'}",
            path=path,
        )
    return fmt


def _temp_beside(path: Path) -> Path:
    if not path.parent.exists():
        raise PrintError("ไม่พบโฟลเดอร์ปลายทาง", "the destination folder does not exist", path=path)
    fd, tmp = tempfile.mkstemp(prefix=".areaplan-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; outputs are ordinary files
    return Path(tmp)


def _page_layout(size_mm: tuple[float, float]) -> QPageLayout:
    w, h = size_mm
    size = QPageSize(QPageSize.PageSizeId.A3 if max(w, h) > 400 else QPageSize.PageSizeId.A4)
    orientation = QPageLayout.Orientation.Landscape if w > h else QPageLayout.Orientation.Portrait
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0))


def pdf_bytes(pages: Sequence[PageJob], dpi: float, *, title: str = "", subject: str = "",
              progress: Reporter | None = None) -> bytes:
    """All pages as one vector PDF (fonts embedded, every text with its /ActualText)."""
    register_sarabun()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(int(round(dpi)))
    writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_1_6)
    writer.setCreator("AreaPlan")
    writer.setTitle(title)
    recorder = TextRecorder(deferred=True)
    painter = None
    try:
        for i, page in enumerate(pages):
            if progress is not None:
                progress(i / max(len(pages), 1), f"หน้า {i + 1}/{len(pages)}")
            writer.setPageLayout(_page_layout(page.size_mm))
            if i == 0:
                painter = QPainter(writer)
            else:
                writer.newPage()
                recorder.new_page()
            page.paint(painter, dpi, recorder, i + 1, len(pages))
            writer.newPage()  # the page's text goes on a page of its own, merged back by add_actual_text
            recorder.replay(painter)
    finally:
        if painter is not None:
            painter.end()
        buffer.close()
    fixed, skipped = add_actual_text(bytes(data.data()), recorder, paired=True, title=title, subject=subject)
    if skipped:
        log.warning("%d PDF pages kept Qt's text mapping (their text objects did not match the runs drawn)", skipped)
    return fixed


def page_image(page: PageJob, dpi: float, number: int = 1, count: int = 1) -> QImage:
    """One page as an RGB image at a resolution (its dots-per-metre set, so PNGs print at size)."""
    register_sarabun()
    w_mm, h_mm = page.size_mm
    w, h = round(w_mm / MM_PER_INCH * dpi), round(h_mm / MM_PER_INCH * dpi)
    image = QImage(w, h, QImage.Format.Format_RGB32)
    dpm = round(dpi / 0.0254)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        page.paint(painter, dpi, None, number, count)
    finally:
        painter.end()
    return image


def _write_svg(path: Path, page: PageJob, dpi: float, number: int, count: int, title: str) -> None:
    from PySide6.QtSvg import QSvgGenerator

    register_sarabun()
    w_mm, h_mm = page.size_mm
    w, h = round(w_mm / MM_PER_INCH * dpi), round(h_mm / MM_PER_INCH * dpi)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(w, h))
    generator.setViewBox(QRect(0, 0, w, h))
    generator.setResolution(int(round(dpi)))
    generator.setTitle(title)
    generator.setDescription("AreaPlan")
    painter = QPainter(generator)
    try:
        page.paint(painter, dpi, None, number, count)
    finally:
        painter.end()


def output_paths(out: Path, fmt: str, pages: Sequence[PageJob], split: bool) -> list[tuple[Path, list[int]]]:
    """Which file gets which pages: one PDF (or one per group when split); one image/SVG per page."""
    groups: dict[str, list[int]] = {}
    for i, page in enumerate(pages):
        groups.setdefault(page.group if split else "", []).append(i)
    stem, suffix = out.stem, f".{fmt}"
    files: list[tuple[Path, list[int]]] = []
    for group, indexes in groups.items():
        base = f"{stem}-{group}" if split and group else stem
        if fmt == "pdf":
            files.append((out.with_name(base + suffix), indexes))
        elif len(indexes) == 1 and len(groups) == 1:
            files.append((out.with_name(base + suffix), indexes))
        else:
            width = max(2, len(str(len(indexes))))
            files += [(out.with_name(f"{base}-{k + 1:0{width}d}{suffix}"), [i]) for k, i in enumerate(indexes)]
    return files


def write_pages(
    out: str | Path,
    pages: Sequence[PageJob],
    *,
    fmt: str | None = None,
    dpi: float = 300,
    split: bool = False,
    title: str = "",
    subject: str = "",
    overwrite: bool = True,
    progress: Reporter | None = None,
) -> list[Path]:
    """Write pages to ``out`` (PDF, PNG or SVG); return the files written, in page order."""
    out = Path(out)
    fmt = format_of(out, fmt)
    progress = progress or Reporter()
    if not pages:
        raise PrintError("ไม่มีหน้าให้พิมพ์ (ไม่พบพื้นที่ที่เลือก)", "nothing to print (no area matched)", path=out)
    plan = output_paths(out, fmt, pages, split)
    if not overwrite:
        existing = [str(p) for p, _ in plan if p.exists()]
        if existing:
            raise PrintError("มีไฟล์นี้อยู่แล้ว ใช้ --overwrite เพื่อเขียนทับ",
                             "the output exists already; pass --overwrite to replace it", path=existing[0])  # fmt: skip
    numbering: dict[int, tuple[int, int]] = {}
    groups: dict[str, list[int]] = {}
    for i, page in enumerate(pages):
        groups.setdefault(page.group if split else "", []).append(i)
    for members in groups.values():
        for k, i in enumerate(members):
            numbering[i] = (k + 1, len(members))
    temps: list[tuple[Path, Path]] = []
    done = 0
    try:
        for path, indexes in plan:
            tmp = _temp_beside(path)
            temps.append((tmp, path))
            chosen = [pages[i] for i in indexes]
            sub = progress.sub(done / len(pages), (done + len(indexes)) / len(pages))
            if fmt == "pdf":
                tmp.write_bytes(pdf_bytes(chosen, dpi, title=title, subject=subject, progress=sub))
            else:
                for k, page in enumerate(chosen):
                    sub(k / len(chosen), f"หน้า {done + k + 1}/{len(pages)}")
                    number, count = numbering[indexes[k]]
                    if fmt == "png":
                        image = page_image(page, dpi, number, count)
                        if not image.save(str(tmp), "PNG"):
                            raise PrintError("เขียนไฟล์ภาพไม่ได้", "cannot write the PNG file", path=path)
                    else:
                        _write_svg(tmp, page, dpi, number, count, title)
            done += len(indexes)
        progress.check()
        for tmp, path in temps:
            try:
                os.replace(tmp, path)
            except PermissionError as exc:
                raise PrintError("เขียนไฟล์ไม่ได้ (ไฟล์อาจเปิดอยู่ในโปรแกรมอื่น)",
                                 "cannot write the file (is it open in another program?)", path=path) from exc  # fmt: skip
    except BaseException:
        for tmp, _path in temps:
            tmp.unlink(missing_ok=True)
        raise
    progress(1.0, "เสร็จแล้ว")
    return [path for _tmp, path in temps]
