"""Progress reporting and cancellation for long work (imports, analyses, printing)."""

from __future__ import annotations

from collections.abc import Callable

from areaplan.errors import Cancelled

#: progress(fraction 0..1, message) — message is short, Thai first.
ProgressCallback = Callable[[float, str], None]
#: cancelled() -> True when the user asked to stop.
CancelCheck = Callable[[], bool]


class Reporter:
    """Scales sub-steps into an overall fraction and raises Cancelled when asked to stop."""

    def __init__(
        self,
        progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None,
        start: float = 0.0,
        end: float = 1.0,
    ) -> None:
        self._progress = progress
        self._cancelled = cancelled
        self.start = start
        self.end = end

    def __call__(self, fraction: float, message: str = "") -> None:
        """Report a fraction of this reporter's span and check for cancellation."""
        self.check()
        if self._progress is not None:
            f = min(max(fraction, 0.0), 1.0)
            self._progress(self.start + (self.end - self.start) * f, message)

    def check(self) -> None:
        """Raise Cancelled if the user asked to stop."""
        if self._cancelled is not None and self._cancelled():
            raise Cancelled()

    def sub(self, start: float, end: float) -> Reporter:
        """A reporter for the part [start, end] of this one's span."""
        span = self.end - self.start
        return Reporter(
            self._progress, self._cancelled, self.start + span * start, self.start + span * end
        )
