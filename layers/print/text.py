"""Thai text on printed pages, and PDFs whose text copies and searches correctly.

Qt's PDF engine maps each glyph back to one character through the font's cmap, so glyphs that shaping made
(the tone marks Sarabun lowers or shifts, the nikhahit and sara aa that SARA AM becomes) extract as nothing or
as other characters: "น้ำท่วม" comes out of pdftotext as "นาท่วม". Every text here is drawn as glyph runs
(``QPainter.drawGlyphRun``: one PDF text object per run) and the run's source string is recorded; after
writing, ``add_actual_text`` (pypdf) wraps each text object in a marked-content span whose ``/ActualText`` is
that string (PDF 1.5 §14.9.4), which PDF viewers and pdftotext use for copy, search and extraction.

So that only text has to be rewritten, a sheet's text is drawn on a PDF page of its own right after its
graphics (``TextRecorder.deferred``) and appended to the graphics page afterwards; the large, already
compressed graphics streams are copied untouched.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGlyphRun, QPainter, QPen, QTextLayout, QTextOption

from areaplan.errors import AreaPlanError

ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight
ALIGN_CENTER = Qt.AlignmentFlag.AlignHCenter

_RUN_FLAGS = (
    QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes
)
_TEXT_OBJECT = re.compile(rb"(?:(?<=\n)|^)BT\n.*?\nET(?=\n|$)", re.S)


class PrintError(AreaPlanError, OSError):
    """A page, PDF, image or SVG cannot be written."""


@dataclass
class TextRecorder:
    """The source strings of the glyph runs drawn on each page, in drawing order.

    With ``deferred`` set, runs are queued instead of drawn and ``replay`` draws them later (on the PDF page
    that follows the graphics), so the PDF's text sits in its own small content stream.
    """

    pages: list[list[str]] = field(default_factory=lambda: [[]])
    deferred: bool = False
    queue: list[tuple] = field(default_factory=list)

    def new_page(self) -> None:
        """Start recording the next page."""
        self.pages.append([])

    def add(self, text: str) -> None:
        """Record one drawn run."""
        self.pages[-1].append(text)

    def draw_run(self, painter: QPainter, origin: QPointF, run: QGlyphRun, color: QColor, text: str) -> None:
        """Draw (or, when deferred, queue) one glyph run and record its source text ("" = not text to copy,
        such as a label's halo copies)."""
        if self.deferred:
            self.queue.append((painter.worldTransform(), QColor(color), QPointF(origin), run))
        else:
            painter.save()
            painter.setPen(QPen(color))
            painter.drawGlyphRun(origin, run)
            painter.restore()
        self.add(text)

    def replay(self, painter: QPainter) -> None:
        """Draw the queued runs (each with the transform and colour it was queued with) and empty the queue."""
        painter.save()
        try:
            for transform, color, origin, run in self.queue:
                painter.setWorldTransform(transform)
                painter.setPen(QPen(color))
                painter.drawGlyphRun(origin, run)
        finally:
            painter.restore()
            self.queue.clear()


def _layout(text: str, font: QFont, painter: QPainter, width: float | None) -> QTextLayout:
    layout = QTextLayout(text, font, painter.device())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap if width else QTextOption.WrapMode.NoWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width if width else 1e7)
        line.setPosition(QPointF(0.0, y))
        y += line.height()
    layout.endLayout()
    return layout


def text_width(text: str, font: QFont, painter: QPainter) -> float:
    """The advance width of one line of text on the painter's device."""
    return QFontMetricsF(font, painter.device()).horizontalAdvance(text)


def line_height(font: QFont, painter: QPainter) -> float:
    """The line spacing of a font on the painter's device."""
    return QFontMetricsF(font, painter.device()).lineSpacing()


def elide(text: str, font: QFont, painter: QPainter, width: float) -> str:
    """The text cut with "…" to fit a width on the painter's device."""
    return QFontMetricsF(font, painter.device()).elidedText(text, Qt.TextElideMode.ElideRight, max(width, 0.0))


@dataclass
class _Shaped:
    """A text laid out on one device: its lines as (width, height, [(glyph run, source piece)])."""

    lines: list[tuple[float, float, list[tuple[object, str]]]]
    height: float


_SHAPED: dict[tuple, _Shaped] = {}
_SHAPED_MAX = 20_000


def _shape(text: str, font: QFont, painter: QPainter, width: float, wrap: bool, fit: bool) -> _Shaped:
    """Lay out and shape a text once per device resolution, font and width (pages repeat most texts)."""
    device = painter.device()
    key = (text, font.key(), device.logicalDpiX(), device.logicalDpiY(), round(width, 1), wrap, fit)
    shaped = _SHAPED.get(key)
    if shaped is not None:
        return shaped
    if not wrap and fit:
        text = elide(text, font, painter, width)
    layout = _layout(text, font, painter, width if wrap else None)
    lines = []
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        start, length = line.textStart(), line.textLength()
        runs = [run for run in layout.glyphRuns(start, length, _RUN_FLAGS) if run.glyphIndexes()]
        # a run covers the characters from its first string index up to the next run's (marks that shaping
        # attached to a cluster report the cluster's first index, so max() would drop them)
        firsts = [min(run.stringIndexes(), default=start) for run in runs]
        bounds = sorted(set(firsts)) + [start + length]
        pieces = [(run, text[first: bounds[bounds.index(first) + 1]]) for run, first in zip(runs, firsts)]
        lines.append((line.naturalTextWidth(), line.height(), [(r, p) for r, p in pieces if p.strip()]))
    shaped = _Shaped(lines, sum(h for _w, h, _r in lines))
    if len(_SHAPED) >= _SHAPED_MAX:
        _SHAPED.clear()
    _SHAPED[key] = shaped
    return shaped


def draw_text(
    painter: QPainter,
    rect: QRectF,
    text: str,
    font: QFont,
    *,
    color: str | QColor = "#000000",
    align: Qt.AlignmentFlag = ALIGN_LEFT,
    valign: str = "center",
    wrap: bool = False,
    fit: bool = True,
    recorder: TextRecorder | None = None,
) -> float:
    """Draw text in a rectangle (one line, cut with "…" unless ``wrap``); return the height used.

    ``valign`` is "top", "center" or "bottom". The runs' strings go to ``recorder`` (PDF ActualText).
    """
    text = " ".join(str(text).split()) if not wrap else str(text)
    if not text.strip():
        return 0.0
    shaped = _shape(text, font, painter, rect.width(), wrap, fit)
    if valign == "top":
        top = rect.top()
    elif valign == "bottom":
        top = rect.bottom() - shaped.height
    else:
        top = rect.top() + (rect.height() - shaped.height) / 2.0
    qcolor = QColor(color)
    deferred = recorder is not None and recorder.deferred
    transform = painter.worldTransform() if deferred else None
    if not deferred:
        painter.save()
        painter.setPen(QPen(qcolor))
    try:
        for natural, _height, runs in shaped.lines:
            if align & ALIGN_RIGHT:
                dx = rect.right() - natural
            elif align & ALIGN_CENTER:
                dx = rect.left() + (rect.width() - natural) / 2.0
            else:
                dx = rect.left()
            origin = QPointF(dx, top)
            for run, piece in runs:
                if deferred:
                    recorder.queue.append((transform, qcolor, origin, run))
                else:
                    painter.drawGlyphRun(origin, run)
                if recorder is not None:
                    recorder.add(piece)
    finally:
        if not deferred:
            painter.restore()
    return shaped.height


def _hex_utf16(text: str) -> bytes:
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _contents_bytes(page: object) -> bytes:
    """The decoded content of a pypdf page (its streams joined)."""
    contents = page.get("/Contents")
    if contents is None:
        return b""
    contents = contents.get_object()
    if isinstance(contents, list):
        return b"\n".join(part.get_object().get_data() for part in contents)
    return contents.get_data()


def _with_actual_text(data: bytes, runs: list[str]) -> bytes | None:
    """A content stream with each text object wrapped in an /ActualText span; None when they do not match."""
    objects = list(_TEXT_OBJECT.finditer(data))
    if len(objects) != len(runs):
        return None
    out = []
    last = 0
    for match, text in zip(objects, runs):
        out += [data[last: match.start()], b"/Span <</ActualText ", _hex_utf16(text), b">> BDC\n", match.group(0),
                b"\nEMC"]  # fmt: skip
        last = match.end()
    out.append(data[last:])
    return b"".join(out)


def _new_stream(writer: object, data: bytes) -> object:
    """A compressed content stream added to a pypdf writer (its indirect reference)."""
    from pypdf.generic import DecodedStreamObject

    stream = DecodedStreamObject()
    stream.set_data(data)
    return writer._add_object(stream.flate_encode())  # pypdf's way to add an indirect object


def _merge_resources(writer: object, target: object, extra: object) -> None:
    """Add the resources (fonts, graphics states, …) of one page to another's, without replacing any."""
    from pypdf.generic import DictionaryObject, NameObject

    target = target.get_object()
    for category, entries in extra.get_object().items():
        entries = entries.get_object()
        if category not in target:
            target[NameObject(category)] = entries.clone(writer)
        elif isinstance(entries, DictionaryObject):
            existing = target[category].get_object()
            for name, value in entries.items():
                if name not in existing:
                    existing[NameObject(name)] = value.clone(writer)


def add_actual_text(
    pdf_bytes: bytes,
    recorder: TextRecorder,
    *,
    paired: bool = False,
    title: str = "",
    subject: str = "",
    lang: str = "th-TH",
) -> tuple[bytes, int]:
    """The PDF with each text object wrapped in an /ActualText span; also sets /Lang, title and subject.

    ``paired``: the PDF holds two pages per sheet, the graphics then its text (TextRecorder.deferred). The
    text page's content is appended to the graphics page (whose compressed stream is copied as Qt wrote it,
    inside q/Q so the text starts from the default state) and the text page is dropped. Returns (new bytes,
    pages whose text objects did not match the recorded runs and were left without ActualText). Raises
    PrintError when the PDF cannot be read.
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError
    from pypdf.generic import ArrayObject, NameObject, TextStringObject

    try:
        reader = PdfReader(io.BytesIO(pdf_bytes))
        pages = list(reader.pages)
    except (PyPdfError, ValueError) as exc:
        raise PrintError(f"อ่าน PDF ที่สร้างไม่ได้: {exc}", f"cannot read the PDF just written: {exc}") from exc
    writer = PdfWriter()
    step = 2 if paired else 1
    skipped = 0
    for k in range(0, len(pages) - (step - 1), step):
        runs = recorder.pages[k // step] if k // step < len(recorder.pages) else []
        page = writer.add_page(pages[k])
        if paired:
            text_page = pages[k + 1]
            text = _contents_bytes(text_page)
            fixed = _with_actual_text(text, runs)
            skipped += fixed is None
            graphics = page.get("/Contents")
            parts = [] if graphics is None else (
                list(graphics.get_object()) if isinstance(graphics.get_object(), list) else [graphics])  # fmt: skip
            page[NameObject("/Contents")] = ArrayObject([
                _new_stream(writer, b"q\n"), *parts, _new_stream(writer, b"\nQ\n"),
                _new_stream(writer, fixed if fixed is not None else text),
            ])  # fmt: skip
            if "/Resources" in text_page:
                if "/Resources" not in page:
                    page[NameObject("/Resources")] = text_page["/Resources"].get_object().clone(writer)
                else:
                    _merge_resources(writer, page["/Resources"], text_page["/Resources"])
        else:
            fixed = _with_actual_text(_contents_bytes(page), runs)
            if fixed is None:
                skipped += 1
                continue
            page[NameObject("/Contents")] = _new_stream(writer, fixed)
    writer.root_object[NameObject("/Lang")] = TextStringObject(lang)
    info = {"/Creator": "AreaPlan", "/Producer": "AreaPlan (Qt, pypdf)"}
    if title:
        info["/Title"] = title
    if subject:
        info["/Subject"] = subject
    writer.add_metadata(info)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue(), skipped


def join_runs(pages: Iterable[list[str]]) -> str:
    """All recorded text (tests and debugging)."""
    return "\n".join(" ".join(p) for p in pages)
