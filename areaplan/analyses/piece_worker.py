"""One worker process that reads pieces of titles handed to it while this process goes on (importing, locating)."""

from __future__ import annotations

from typing import Any, Callable


class PieceWorker:
    """Hands pieces to one worker process (started at the first piece) and collects the results in order.

    Used by the import's title job (:class:`areaplan.analyses.title_kinds.TitleKindsJob`) and by the duplicate
    check on bare files (:class:`areaplan.analyses.title_features.BackgroundReader`).
    """

    def __init__(self, func: Callable[[Any], Any], *, context: Any = None,
                 initializer: Callable[[], None] | None = None) -> None:
        self._func = func
        self._context = context
        self._initializer = initializer
        self._pool = None
        self._sent: list[tuple[Any, Any]] = []  # (tag, future)
        self.failed = False  # no worker process could be started here (a sandbox, a frozen app without support)

    @property
    def started(self) -> bool:
        """Whether the worker process runs."""
        return self._pool is not None

    def submit(self, piece: Any, tag: Any = None) -> bool:
        """Hand ``piece`` to the worker (``tag`` comes back with its result); False when there is no worker."""
        if self.failed:
            return False
        try:
            if self._pool is None:
                from concurrent.futures import ProcessPoolExecutor

                self._pool = ProcessPoolExecutor(1, mp_context=self._context, initializer=self._initializer)
            self._sent.append((tag, self._pool.submit(self._func, piece)))
        except Exception:  # noqa: BLE001 - no worker processes here: the caller reads the piece itself
            self.failed = True
            return False
        return True

    def sent(self) -> list[Any]:
        """The tags of the pieces handed over and not collected yet."""
        return [tag for tag, _ in self._sent]

    def collect(self) -> list[tuple[Any, Any, bool]]:
        """(tag, result or None, started) of each piece handed over, in order, then stop the worker.

        The pieces the worker has not started are taken back first (None, False), so that it starts no more while
        the others are waited for; a piece whose worker died gives (None, True).
        """
        taken_back = set()
        for k in range(len(self._sent) - 1, -1, -1):  # the ones not started are the last ones
            if not self._sent[k][1].cancel():
                break
            taken_back.add(k)
        out = []
        for k, (tag, fut) in enumerate(self._sent):
            if k in taken_back:
                out.append((tag, None, False))
                continue
            try:
                out.append((tag, fut.result(), True))
            except Exception:  # noqa: BLE001 - the worker died: the caller reads the piece itself
                out.append((tag, None, True))
        self._sent = []
        self.close()
        return out

    def close(self) -> None:
        """Stop the worker process (pieces not started are dropped)."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
