"""Classification, colour ramps, legends and the JSON form of layer styles (no widgets, no matplotlib).

- ``classify(values, method, k)``: class upper bounds by equal interval, quantile or natural breaks,
  computed by mapclassify (its ``bins``), so the classes match what mapclassify (and QGIS) report.
- ``RAMPS``: a handful of named sequential and diverging ramps as colour stops; ``ramp_colours`` samples one.
- ``graduated_style`` / ``categorised_style``: a Style built from the data.
- ``legend_entries``: (text, colour) rows for a style, with Thai labels of codes (areaplan.vocab).
- ``style_to_dict``/``style_from_dict``, ``labels_to_dict``/``labels_from_dict``, ``layer_state``/
  ``apply_layer_state``: a JSON-able form saved in the workspace (``Workspace.save_style``), validated on
  the way in with a bilingual StyleError.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from areaplan.vocab import VOCABULARIES, label
from layers.model import (
    CHANNEL_COLOURS,
    PASTEL,
    POINT_SYMBOLS,
    LabelSettings,
    Style,
    StyleError,
    category_key,
)

__all__ = [
    "METHODS",
    "RAMPS",
    "STYLE_VERSION",
    "StyleError",
    "apply_layer_state",
    "categorised_style",
    "classify",
    "graduated_style",
    "labels_from_dict",
    "labels_to_dict",
    "layer_state",
    "legend_entries",
    "ramp_colours",
    "style_from_dict",
    "style_to_dict",
]

#: Version of the saved dict; a dict from a newer AreaPlan is refused rather than half-read.
STYLE_VERSION = 1

# ------------------------------------------------------------------------------------ classification
#: Classification methods: key -> (Thai name, English name).
METHODS: dict[str, tuple[str, str]] = {
    "equal_interval": ("ช่วงเท่ากัน", "Equal interval"),
    "quantile": ("ควอนไทล์ (จำนวนเท่ากัน)", "Quantile"),
    "natural_breaks": ("แบ่งตามธรรมชาติ (Jenks)", "Natural breaks (Jenks)"),
}
MIN_CLASSES, MAX_CLASSES = 2, 12
#: Natural breaks (Fisher-Jenks, O(k n²) in pure Python without numba) runs exactly up to this many values
#: and on this many evenly spaced order statistics of larger inputs (deterministic, unlike mapclassify's
#: FisherJenksSampled, which draws a random sample).
NATURAL_BREAKS_EXACT_MAX = 300


def _mapclassify() -> Any:
    with warnings.catch_warnings():
        # mapclassify warns at import that numba is missing (it then uses its pure-Python Fisher-Jenks)
        warnings.filterwarnings("ignore", message=".*[Nn]umba.*", category=UserWarning)
        import mapclassify
    return mapclassify


def numeric_values(values: Iterable[object]) -> np.ndarray:
    """The finite numbers among ``values`` (text that is not a number and missing values are dropped)."""
    series = pd.to_numeric(pd.Series(list(values) if not isinstance(values, pd.Series) else values), errors="coerce")
    arr = series.to_numpy(dtype=np.float64)
    return arr[np.isfinite(arr)]


def classify(values: Iterable[object], method: str, k: int, *, field: str | None = None) -> tuple[float, ...]:
    """Ascending class upper bounds (mapclassify ``bins``) of the numeric values; the last one is the maximum.

    With k or fewer distinct values each value is its own class. Ties can make quantile bounds repeat:
    repeated bounds are merged, so fewer than k classes may come back.
    """
    if method not in METHODS:
        raise StyleError(
            f"วิธีแบ่งชั้นต้องเป็นหนึ่งใน {', '.join(METHODS)} ได้ {method!r}",
            f"classification method must be one of {', '.join(METHODS)}, got {method!r}",
            field=field,
        )
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not MIN_CLASSES <= k <= MAX_CLASSES:
        raise StyleError(
            f"จำนวนชั้นต้องเป็นจำนวนเต็ม {MIN_CLASSES} ถึง {MAX_CLASSES} ได้ {k!r}",
            f"number of classes must be an integer from {MIN_CLASSES} to {MAX_CLASSES}, got {k!r}",
            field=field,
        )
    y = numeric_values(values)
    if not len(y):
        raise StyleError(
            "ไม่มีค่าตัวเลขให้แบ่งชั้น", "there are no numeric values to classify", field=field
        )
    distinct = np.unique(y)
    if len(distinct) <= k:
        return tuple(float(v) for v in distinct)
    mc = _mapclassify()
    with warnings.catch_warnings():
        # FisherJenks warns on every call that numba is missing; the pure-Python path gives the same bins
        warnings.filterwarnings("ignore", message=".*[Nn]umba.*", category=UserWarning)
        bins = _bins(mc, y, method, k)
    return tuple(float(b) for b in np.unique(np.asarray(bins, dtype=np.float64)))


def _bins(mc: Any, y: np.ndarray, method: str, k: int) -> np.ndarray:
    if method == "equal_interval":
        bins = mc.EqualInterval(y, k=k).bins
    elif method == "quantile":
        bins = mc.Quantiles(y, k=k).bins
    elif len(y) <= NATURAL_BREAKS_EXACT_MAX:
        bins = mc.FisherJenks(y, k=k).bins
    else:
        sample = np.quantile(y, np.linspace(0.0, 1.0, NATURAL_BREAKS_EXACT_MAX))
        bins = np.asarray(mc.FisherJenks(sample, k=k).bins, dtype=np.float64)
        bins[-1] = y.max()
    return np.asarray(bins, dtype=np.float64)


# ----------------------------------------------------------------------------------------- ramps
#: Named colour ramps: key -> (Thai name, kind, colour stops light/low to dark/high). ColorBrewer and
#: viridis colours, written out so nothing needs matplotlib.
RAMPS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "YlOrRd": ("เหลือง-ส้ม-แดง", "sequential", ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")),
    "Blues": ("ฟ้า", "sequential", ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")),
    "Greens": ("เขียว", "sequential", ("#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c")),
    "Purples": ("ม่วง", "sequential", ("#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f")),
    "Viridis": ("วิริดิส", "sequential", ("#440154", "#3b528b", "#21918c", "#5ec962", "#fde725")),
    "RdYlGn": ("แดง-เหลือง-เขียว", "diverging", ("#d7191c", "#fdae61", "#ffffbf", "#a6d96a", "#1a9641")),
    "RdBu": ("แดง-ฟ้า", "diverging", ("#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0")),
    "BrBG": ("น้ำตาล-เขียวน้ำทะเล", "diverging", ("#a6611a", "#dfc27d", "#f5f5f5", "#80cdc1", "#018571")),
}
DEFAULT_RAMP = "YlOrRd"


def _rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)], dtype=np.float64)


def ramp_colours(name: str, n: int, *, reverse: bool = False) -> tuple[str, ...]:
    """``n`` colours sampled evenly along a named ramp (linear in RGB between its stops)."""
    if name not in RAMPS:
        raise StyleError(
            f"ไม่รู้จักชุดสี {name!r} (มี {', '.join(RAMPS)})",
            f"unknown colour ramp {name!r} (known: {', '.join(RAMPS)})",
            field="ramp",
        )
    if n < 1:
        return ()
    stops = np.array([_rgb(c) for c in RAMPS[name][2]])
    if reverse:
        stops = stops[::-1]
    positions = np.linspace(0.0, 1.0, len(stops))
    at = np.linspace(0.0, 1.0, n) if n > 1 else np.array([0.5])
    rgb = np.stack([np.interp(at, positions, stops[:, c]) for c in range(3)], axis=1)
    return tuple("#{:02x}{:02x}{:02x}".format(*(int(round(v)) for v in row)) for row in rgb)


# ------------------------------------------------------------------------------- styles from data
def graduated_style(
    base: Style,
    data: pd.DataFrame,
    field: str,
    *,
    method: str = "quantile",
    k: int = 5,
    ramp: str = DEFAULT_RAMP,
    reverse: bool = False,
) -> Style:
    """``base`` graduated on a numeric field: classes by ``method`` and one ramp colour per class."""
    if field not in data.columns:
        raise StyleError(f"ไม่มีคอลัมน์ {field!r}", f"there is no column {field!r}", field=field)
    breaks = classify(data[field], method, k, field=field)
    return base.with_changes(
        category_field=None, categories=(), graduated_field=field, breaks=breaks,
        colours=ramp_colours(ramp, len(breaks), reverse=reverse), method=method, ramp=ramp,
    )  # fmt: skip


def category_values(data: pd.DataFrame, field: str) -> list[str]:
    """Distinct keys of a field, in the vocabulary's order for coded fields, else sorted (numbers as numbers)."""
    keys = {k for k in (category_key(v) for v in pd.unique(data[field].to_numpy(dtype=object))) if k is not None}
    vocab = VOCABULARIES.get(field)
    if vocab:
        known = [code for code in vocab if code in keys]
        return known + sorted(keys - set(known))

    def order(k: str) -> tuple[int, float, str]:
        try:
            return (0, float(k), k)
        except ValueError:
            return (1, 0.0, k)

    return sorted(keys, key=order)


def categorised_style(
    base: Style, data: pd.DataFrame, field: str, *, ramp: str | None = None, keep: Mapping[str, str] | None = None
) -> Style:
    """``base`` categorised by a field: one colour per distinct value.

    Colours come from ``keep`` (e.g. the colours a user already chose), then the channel colours for
    ``channel``, then ``ramp`` sampled once per value, or the qualitative PASTEL palette.
    """
    if field not in data.columns:
        raise StyleError(f"ไม่มีคอลัมน์ {field!r}", f"there is no column {field!r}", field=field)
    values = category_values(data, field)
    fixed = dict(CHANNEL_COLOURS) if field == "channel" and ramp is None else {}
    fixed.update(keep or {})
    sampled = ramp_colours(ramp, len(values)) if ramp else ()
    pairs = []
    for i, value in enumerate(values):
        colour = fixed.get(value) or (sampled[i] if sampled else PASTEL[i % len(PASTEL)])
        pairs.append((value, colour))
    return base.with_changes(
        graduated_field=None, breaks=(), colours=(), method=None, ramp=ramp, category_field=field, categories=tuple(pairs)
    )


def category_label(field: str | None, key: str) -> str:
    """The Thai label of a code of a coded field (channel, agenda, status, …), else the value itself."""
    if field in VOCABULARIES:
        return label(field, key)
    return key


def format_number(value: float) -> str:
    """A class bound for a legend: thousands separators, decimals only for small numbers."""
    if not math.isfinite(value):
        return str(value)
    if abs(value) >= 100 or float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def legend_entries(style: Style, *, other: str = "อื่น ๆ") -> list[tuple[str, str | None]]:
    """(text, colour) rows describing a style: one per category or class; the plain fill last (or alone)."""
    kind = style.kind
    if kind == "categorised":
        rows: list[tuple[str, str | None]] = [
            (category_label(style.category_field, key), colour) for key, colour in style.categories
        ]
        if style.fill is not None:
            rows.append((other, style.fill))
        return rows
    if kind == "graduated":
        rows = []
        for i, (upper, colour) in enumerate(zip(style.breaks, style.colours)):
            text = f"≤ {format_number(upper)}" if i == 0 else f"{format_number(style.breaks[i - 1])} – {format_number(upper)}"
            rows.append((text, colour))
        return rows
    return [("", style.fill if style.fill is not None else style.stroke)]


# ------------------------------------------------------------------------------------- JSON form
_STYLE_FIELDS = (
    "fill", "stroke", "width", "point_size", "point_symbol", "category_field", "categories",
    "graduated_field", "breaks", "colours", "method", "ramp",
)  # fmt: skip
_LABEL_FIELDS = (
    "field", "visible", "size", "color", "halo_color", "halo_width", "bold", "min_feature_px", "fit", "max_labels",
)  # fmt: skip


def _bad(th: str, en: str, *, layer: str | None = None, field: str | None = None) -> StyleError:
    return StyleError(th, en, layer=layer, field=field)


def _mapping(value: object, what: str, layer: str | None) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _bad(
            f"{what} ต้องเป็นออบเจกต์ JSON (dict) ได้ {type(value).__name__}",
            f"{what} must be a JSON object (dict), got {type(value).__name__}",
            layer=layer,
        )
    return value


def _known_keys(d: Mapping[str, Any], allowed: Iterable[str], what: str, layer: str | None) -> None:
    unknown = sorted(set(d) - set(allowed))
    if unknown:
        raise _bad(
            f"{what} มีคีย์ที่ไม่รู้จัก: {', '.join(map(str, unknown))}",
            f"{what} has unknown keys: {', '.join(map(str, unknown))}",
            layer=layer,
            field=str(unknown[0]),
        )


def _optional_text(value: object, name: str, layer: str | None) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    raise _bad(f"{name} ต้องเป็นข้อความ ได้ {value!r}", f"{name} must be text, got {value!r}", layer=layer, field=name)


def _number(value: object, name: str, layer: str | None) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _bad(f"{name} ต้องเป็นตัวเลข ได้ {value!r}", f"{name} must be a number, got {value!r}", layer=layer, field=name)
    return float(value)


def _boolean(value: object, name: str, layer: str | None) -> bool:
    if not isinstance(value, bool):
        raise _bad(
            f"{name} ต้องเป็น true หรือ false ได้ {value!r}", f"{name} must be true or false, got {value!r}",
            layer=layer, field=name,
        )  # fmt: skip
    return value


def _list(value: object, name: str, layer: str | None) -> list:
    if not isinstance(value, (list, tuple)):
        raise _bad(f"{name} ต้องเป็นรายการ ได้ {value!r}", f"{name} must be a list, got {value!r}", layer=layer, field=name)
    return list(value)


def style_to_dict(style: Style) -> dict[str, Any]:
    """A JSON-able dict of a Style (categories as [value, colour] pairs)."""
    return {
        "fill": style.fill,
        "stroke": style.stroke,
        "width": style.width,
        "point_size": style.point_size,
        "point_symbol": style.point_symbol,
        "category_field": style.category_field,
        "categories": [[k, c] for k, c in style.categories],
        "graduated_field": style.graduated_field,
        "breaks": list(style.breaks),
        "colours": list(style.colours),
        "method": style.method,
        "ramp": style.ramp,
    }


def style_from_dict(d: object, *, layer: str | None = None) -> Style:
    """A Style from ``style_to_dict`` output; missing keys take the Style defaults. Raises StyleError."""
    d = _mapping(d, "รูปแบบ (style)", layer)
    _known_keys(d, _STYLE_FIELDS, "รูปแบบ (style)", layer)
    kwargs: dict[str, Any] = {}
    for key in ("fill", "stroke", "category_field", "graduated_field", "method", "ramp"):
        if key in d:
            kwargs[key] = _optional_text(d[key], key, layer)
    for key in ("width", "point_size"):
        if key in d:
            kwargs[key] = _number(d[key], key, layer)
    if "point_symbol" in d:
        if d["point_symbol"] not in POINT_SYMBOLS:
            raise _bad(
                f"สัญลักษณ์จุดต้องเป็นหนึ่งใน {', '.join(POINT_SYMBOLS)} ได้ {d['point_symbol']!r}",
                f"point_symbol must be one of {', '.join(POINT_SYMBOLS)}, got {d['point_symbol']!r}",
                layer=layer, field="point_symbol",
            )  # fmt: skip
        kwargs["point_symbol"] = d["point_symbol"]
    if "categories" in d:
        pairs = []
        for item in _list(d["categories"], "categories", layer):
            if not (isinstance(item, (list, tuple)) and len(item) == 2 and isinstance(item[1], str)):
                raise _bad(
                    f"หมวดแต่ละรายการต้องเป็น [ค่า, สี] ได้ {item!r}",
                    f"each category must be [value, colour], got {item!r}",
                    layer=layer, field="categories",
                )  # fmt: skip
            pairs.append((item[0], item[1]))
        kwargs["categories"] = tuple(pairs)
    if "breaks" in d:
        kwargs["breaks"] = tuple(_number(v, "breaks", layer) for v in _list(d["breaks"], "breaks", layer))
    if "colours" in d:
        kwargs["colours"] = tuple(_list(d["colours"], "colours", layer))
    if kwargs.get("method") is not None and kwargs["method"] not in METHODS:
        raise _bad(
            f"วิธีแบ่งชั้นต้องเป็นหนึ่งใน {', '.join(METHODS)} ได้ {kwargs['method']!r}",
            f"classification method must be one of {', '.join(METHODS)}, got {kwargs['method']!r}",
            layer=layer, field="method",
        )  # fmt: skip
    try:
        return Style(**kwargs)
    except StyleError as exc:
        if exc.layer is None and layer is not None:
            raise StyleError(exc.th, exc.en, layer=layer, field=exc.field) from exc
        raise


def labels_to_dict(labels: LabelSettings) -> dict[str, Any]:
    """A JSON-able dict of LabelSettings."""
    return {key: getattr(labels, key) for key in _LABEL_FIELDS}


def labels_from_dict(d: object, *, layer: str | None = None) -> LabelSettings:
    """LabelSettings from ``labels_to_dict`` output; missing keys take the defaults. Raises StyleError."""
    d = _mapping(d, "ป้ายชื่อ (labels)", layer)
    _known_keys(d, _LABEL_FIELDS, "ป้ายชื่อ (labels)", layer)
    kwargs: dict[str, Any] = {}
    for key in ("field", "halo_color"):
        if key in d:
            kwargs[key] = _optional_text(d[key], key, layer)
    if "color" in d:
        kwargs["color"] = d["color"]
    for key in ("size", "halo_width", "min_feature_px"):
        if key in d:
            kwargs[key] = _number(d[key], key, layer)
    for key in ("visible", "bold", "fit"):
        if key in d:
            kwargs[key] = _boolean(d[key], key, layer)
    if "max_labels" in d:
        value = d["max_labels"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise _bad(
                f"max_labels ต้องเป็นจำนวนเต็มไม่ติดลบ ได้ {value!r}",
                f"max_labels must be a non-negative integer, got {value!r}",
                layer=layer, field="max_labels",
            )  # fmt: skip
        kwargs["max_labels"] = value
    try:
        return LabelSettings(**kwargs)
    except StyleError as exc:
        if exc.layer is None and layer is not None:
            raise StyleError(exc.th, exc.en, layer=layer, field=exc.field) from exc
        raise


def layer_state(layer: Any, *, order: int | None = None) -> dict[str, Any]:
    """What a user set on a layer, as a JSON-able dict: visibility, opacity, style and labels when it has them.

    Works on any layer with ``visible`` and ``opacity`` (vector and raster layers alike).
    """
    state: dict[str, Any] = {"version": STYLE_VERSION, "visible": bool(layer.visible), "opacity": float(layer.opacity)}
    if order is not None:
        state["order"] = int(order)
    if isinstance(getattr(layer, "style", None), Style):
        state["style"] = style_to_dict(layer.style)
    if isinstance(getattr(layer, "labels", None), LabelSettings):
        state["labels"] = labels_to_dict(layer.labels)
    return state


def parse_layer_state(d: object, *, layer: str | None = None) -> dict[str, Any]:
    """Validate a saved layer state; returns the parsed values (Style/LabelSettings objects). Raises StyleError."""
    d = _mapping(d, "การตั้งค่าชั้นข้อมูล (layer state)", layer)
    _known_keys(d, ("version", "visible", "opacity", "order", "style", "labels"), "การตั้งค่าชั้นข้อมูล (layer state)", layer)
    version = d.get("version", STYLE_VERSION)
    if isinstance(version, bool) or not isinstance(version, int) or version > STYLE_VERSION:
        raise _bad(
            f"รูปแบบนี้บันทึกด้วย AreaPlan รุ่นใหม่กว่า (รุ่นรูปแบบ {version!r}) อ่านได้ถึงรุ่น {STYLE_VERSION}",
            f"style saved by a newer AreaPlan (style version {version!r}); this one reads up to {STYLE_VERSION}",
            layer=layer, field="version",
        )  # fmt: skip
    out: dict[str, Any] = {}
    if "visible" in d:
        out["visible"] = _boolean(d["visible"], "visible", layer)
    if "opacity" in d:
        opacity = _number(d["opacity"], "opacity", layer)
        if not 0.0 <= opacity <= 1.0:
            raise _bad(
                f"ความทึบต้องอยู่ระหว่าง 0 ถึง 1 ได้ {opacity!r}", f"opacity must be between 0 and 1, got {opacity!r}",
                layer=layer, field="opacity",
            )  # fmt: skip
        out["opacity"] = opacity
    if "order" in d:
        out["order"] = int(_number(d["order"], "order", layer))
    if "style" in d:
        out["style"] = style_from_dict(d["style"], layer=layer)
    if "labels" in d:
        out["labels"] = labels_from_dict(d["labels"], layer=layer)
    return out


def apply_layer_state(layer: Any, d: object) -> None:
    """Set a saved state on a layer through its setters (all validated first: nothing is half-applied)."""
    parsed = parse_layer_state(d, layer=getattr(layer, "name", None))
    for key in ("style", "labels"):
        if key in parsed and not isinstance(getattr(layer, key, None), (Style, LabelSettings)):
            parsed.pop(key)  # e.g. a raster layer: only visibility and opacity apply
    parsed.pop("order", None)
    for key, value in parsed.items():
        setattr(layer, key, value)
