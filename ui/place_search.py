"""Place search: a toolbar box "ค้นหาสถานที่…" that finds a changwat, amphoe or tambon of the workspace.

Typed Thai or English is compared after ``geothai.normalize`` (no spaces, dots or level words), token by
token, so "คอหงส์", "ต.คอหงส์", "ตำบลคอหงส์ หาดใหญ่" and "kho hong" all offer
"ต.คอหงส์ อ.หาดใหญ่ จ.สงขลา". Choosing one zooms to it with a margin and outlines it for a few seconds.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import geothai
import numpy as np
import shapely
from PySide6.QtCore import QObject, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import QCompleter, QLineEdit

from ui.overlays import HIGHLIGHT_COLOUR, Z_HIGHLIGHT, GeometryOverlay

#: The boundary layers searched, largest first.
LEVELS = ("changwat", "amphoe", "tambon")
#: How long a found place stays outlined (ms).
HIGHLIGHT_MS = 4000
#: Margin around a found place, as a fraction of its size on each side.
ZOOM_MARGIN = 0.15
#: At most this many places are offered.
MAX_OFFERED = 20
_BANGKOK = "10"
_ASCII = re.compile(r"[A-Za-z]")
#: A level word or abbreviation glued to the previous name ("ต.คอหงส์อ.หาดใหญ่"): split the words there.
_GLUED_LEVEL = re.compile(r"(?<=\S)(?=(?:[ตอจ]\.|ตำบล|อำเภอ|จังหวัด|แขวง|เขต))")


@dataclass(frozen=True)
class Place:
    """A boundary feature that can be found by name."""

    level: str  # changwat / amphoe / tambon
    code: str
    name_th: str
    name_en: str
    label: str  # "ต.คอหงส์ อ.หาดใหญ่ จ.สงขลา"
    label_en: str  # "Kho Hong, Hat Yai, Songkhla"
    own_keys: tuple[str, ...]  # normalised own names (Thai, English)
    all_key: str  # normalised names of the place and its parents, joined by '|'
    bounds: tuple[float, float, float, float]  # lon/lat


def _prefixes(changwat_code: str) -> dict[str, str]:
    if changwat_code == _BANGKOK:
        return {"tambon": "แขวง", "amphoe": "เขต", "changwat": ""}
    return {"tambon": "ต.", "amphoe": "อ.", "changwat": "จ."}


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


class PlaceIndex:
    """The searchable changwat/amphoe/tambon of a layer list (Thai and English names)."""

    def __init__(self, places: list[Place]) -> None:
        self.places = places
        self._by_label = {p.label: p for p in places}

    @classmethod
    def from_layers(cls, layers: Any) -> PlaceIndex:
        """Read the boundary layers present in a LayerList (or anything indexable by name)."""
        names: dict[str, dict[str, tuple[str, str]]] = {}
        parents: dict[str, dict[str, str]] = {}
        frames = {}
        for level in LEVELS:
            if layers is None or level not in layers:
                continue
            data = layers[level].data
            if "code" not in data.columns or "name_th" not in data.columns:
                continue
            frames[level] = data
            codes = data["code"].map(_text).tolist()
            th = data["name_th"].map(_text).tolist()
            en = data["name_en"].map(_text).tolist() if "name_en" in data.columns else [""] * len(data)
            pc = data["parent_code"].map(_text).tolist() if "parent_code" in data.columns else [""] * len(data)
            names[level] = dict(zip(codes, zip(th, en)))
            parents[level] = dict(zip(codes, pc))
        places: list[Place] = []
        for level, data in frames.items():
            bounds = shapely.bounds(data.geometry.values)
            for i, code in enumerate(data["code"].map(_text).tolist()):
                if not code or not np.isfinite(bounds[i]).all():
                    continue
                chain = cls._chain(level, code, names, parents)
                prefixes = _prefixes(chain[-1][1][:2] if chain else code[:2])
                label = " ".join(f"{prefixes[lvl]}{th}" for lvl, _c, th, _en in chain if th)
                label_en = ", ".join(en for _lvl, _c, _th, en in chain if en)
                th, en = names[level][code]
                own = tuple(k for k in (geothai.normalize(th), geothai.normalize(en)) if k)
                all_key = "|".join(
                    k for _l, _c, t, e in chain for k in (geothai.normalize(t), geothai.normalize(e)) if k
                )
                places.append(Place(level, code, th, en, label, label_en, own, all_key, tuple(map(float, bounds[i]))))
        return cls(places)

    @staticmethod
    def _chain(
        level: str, code: str, names: dict[str, dict[str, tuple[str, str]]], parents: dict[str, dict[str, str]]
    ) -> list[tuple[str, str, str, str]]:
        """(level, code, name_th, name_en) of the place and its parents, smallest first.

        The parent is the parent_code column, or the DOPA code prefix (tambon 6 digits, amphoe 4, changwat 2).
        """
        out = []
        lvl_index = LEVELS.index(level)
        current = code
        for lvl in reversed(LEVELS[: lvl_index + 1]):
            th, en = names.get(lvl, {}).get(current, ("", ""))
            out.append((lvl, current, th, en))
            parent = parents.get(lvl, {}).get(current, "") or current[: max(len(current) - 2, 0)]
            current = parent
        return out

    def search(self, text: str, limit: int = MAX_OFFERED) -> list[Place]:
        """Places whose names (or their parents') contain every typed word, best matches first."""
        words = re.split(r"\s+", _GLUED_LEVEL.sub(" ", text.strip()))
        tokens = [t for t in (geothai.normalize(w) for w in words) if t]
        if not tokens:
            return []
        first = tokens[0]
        ranked = []
        for place in self.places:
            if not all(t in place.all_key for t in tokens):
                continue
            if first in place.own_keys:
                rank = 0
            elif any(k.startswith(first) for k in place.own_keys):
                rank = 1
            elif any(first in k for k in place.own_keys):
                rank = 2
            else:
                rank = 3
            ranked.append((rank, LEVELS.index(place.level), place.label, place))
        ranked.sort(key=lambda r: r[:3])
        return [r[3] for r in ranked[:limit]]

    def by_label(self, label: str) -> Place | None:
        """The place with this label (Thai, as offered), if any."""
        return self._by_label.get(label)


class PlaceSearch(QObject):
    """The toolbar search box with its completer, the zoom and the highlight."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.index = PlaceIndex([])
        self.offered: list[Place] = []
        self._display: dict[str, Place] = {}

        self.box = QLineEdit(window)
        self.box.setObjectName("placeSearch")
        self.box.setPlaceholderText(self.tr("ค้นหาสถานที่…"))
        self.box.setToolTip(self.tr("พิมพ์ชื่อตำบล อำเภอ หรือจังหวัด (ไทยหรืออังกฤษ)"))
        self.box.setClearButtonEnabled(True)
        self.box.setMinimumWidth(260)
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(12)
        self.box.setCompleter(self.completer)
        self.box.textEdited.connect(self._on_edited)
        self.box.returnPressed.connect(self._on_return)
        self.completer.activated[str].connect(self.choose_text)
        window.toolbar.addSeparator()
        self.box_action = window.toolbar.addWidget(self.box)

        self.highlight = GeometryOverlay(HIGHLIGHT_COLOUR, width=3.0, fill_alpha=0)
        window.canvas.add_overlay(self.highlight, Z_HIGHLIGHT)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.highlight.clear)
        window.workspaceChanged.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        """Re-read the boundary names from the window's layers."""
        self.index = PlaceIndex.from_layers(self.window.layers)
        self.highlight.clear()
        self.model.setStringList([])

    def offer(self, text: str) -> list[str]:
        """Fill the completer with the places matching the text; return what is offered."""
        self.offered = self.index.search(text)
        english = bool(_ASCII.search(text))
        self._display = {}
        for place in self.offered:
            shown = f"{place.label} ({place.label_en})" if english and place.label_en else place.label
            self._display[shown] = place
        self.model.setStringList(list(self._display))
        return list(self._display)

    def _on_edited(self, text: str) -> None:
        if self.offer(text):
            self.completer.complete()

    def _on_return(self) -> None:
        text = self.box.text()
        if text in self._display:
            self.choose_text(text)
            return
        offered = self.offer(text)
        if offered:
            self.box.setText(offered[0])
            self.choose_text(offered[0])
        else:
            self.window.statusBar().showMessage(self.tr("ไม่พบสถานที่ \"{t}\"").format(t=text), 5000)

    def choose_text(self, text: str) -> bool:
        """Go to the offered place shown as this text (or with this Thai label)."""
        place = self._display.get(text) or self.index.by_label(text)
        if place is None:
            return False
        self.choose(place)
        return True

    def choose(self, place: Place) -> None:
        """Zoom to a place with a margin and outline it for a few seconds."""
        canvas = self.window.canvas
        canvas.zoom_to_bounds(*place.bounds, crs="EPSG:4326", margin=ZOOM_MARGIN)
        layer = self.window.layers[place.level]
        rows = np.flatnonzero(layer.data["code"].map(_text).to_numpy() == place.code)
        self.highlight.set_geometries(layer.projected(canvas.crs).values[rows])
        self._timer.start(HIGHLIGHT_MS)
        self.window.statusBar().showMessage(place.label, 5000)


def install(window: Any) -> PlaceSearch:
    """Add the place search box to the main window's toolbar (window.place_search)."""
    search = PlaceSearch(window)
    window.place_search = search
    return search
