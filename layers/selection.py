"""Selected features per layer (by workspace fid), shared by the canvas, the attribute table and tools."""

from __future__ import annotations

from collections.abc import Iterable

from psygnal import Signal, SignalGroup

MODES = ("replace", "add", "remove", "toggle")


class SelectionEvents(SignalGroup):
    """`changed(layer_name, fids)` is emitted after a layer's selection changed."""

    changed = Signal(str, object)


class Selection:
    """The selected feature ids of each layer; views subscribe to `events.changed` and mirror it."""

    def __init__(self) -> None:
        self.events = SelectionEvents()
        self._selected: dict[str, frozenset[int]] = {}

    def get(self, layer: str) -> frozenset[int]:
        """The selected fids of a layer (empty when none)."""
        return self._selected.get(layer, frozenset())

    def set(self, layer: str, fids: Iterable[int], mode: str = "replace") -> None:
        """Change a layer's selection: replace it, or add/remove/toggle the given fids."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
        new = frozenset(int(f) for f in fids)
        old = self.get(layer)
        result = {"replace": new, "add": old | new, "remove": old - new, "toggle": old ^ new}[mode]
        if result != old:
            self._selected[layer] = result
            self.events.changed.emit(layer, result)

    def clear(self, layer: str | None = None) -> None:
        """Clear one layer's selection, or every layer's."""
        for name in [layer] if layer else list(self._selected):
            self.set(name, (), "replace")

    def layers(self) -> list[str]:
        """Names of layers with a non-empty selection."""
        return [name for name, fids in self._selected.items() if fids]
