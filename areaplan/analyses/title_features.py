"""Everything the duplicate analysis reads from a project title, stored in the workspace once per distinct title.

Reading a title with :mod:`areaplan.analyses.thai_titles` (work type, name, places, sizes, village numbers,
phase, …) costs 60–140 µs; for 100,000 titles that is most of a duplicate run. The result depends only on the
title text and on the reading rules, so the import reads it once (in its worker process, with the work types of
:mod:`areaplan.analyses.title_kinds`) and stores it in the derived table ``title_features``; a duplicate run on
the workspace reads the stored rows and reads only the titles missing (an older workspace, a title edited since)
— and stores those for the next run.

One row per piece of titles read (the import adds one per piece its worker process read; from :data:`MAX_PARTS`
rows on they are merged into one):

* ``rules`` — :func:`areaplan.analyses.title_kinds.rules_version` (the AreaPlan version and the source of the
  reading rules): rows of other rules are ignored and dropped at the next store;
* ``title_keys`` — int64 little-endian key of each title (:func:`areaplan.analyses.title_kinds.title_keys`);
* ``arrays`` — the per-title columns as a compressed ``.npz`` archive (numpy, read without pickle);
* ``lists`` — zlib-compressed UTF-8 JSON: the distinct names with their attributes, the named segment ends and the
  numbered parts the per-title columns point to.
"""

from __future__ import annotations

import io
import json
import sqlite3
import zlib
from dataclasses import dataclass

import numpy as np
import pandas as pd

from areaplan.workspace import now_iso

#: The workspace table (areaplan.workspace.schema TABLES).
TABLE = "title_features"
#: Rows from which the stored rows are merged into one (an import adds one row per 2,500 new titles).
MAX_PARTS = 200
#: The per-title arrays of a chunk (thai_titles.read_chunk), by position in the chunk tuple.
_ARRAYS = {1: "stage_id", 3: "ends_id", 4: "villages", 5: "phase", 6: "year", 7: "multi", 8: "component",
           9: "segment", 10: "specs", 12: "part_id"}


# ------------------------------------------------------------------------------------------- chunks

def _stage_json(stage: tuple) -> list:
    name, key, wt, wts, action, places, parts, site, recurring, request = stage
    return [name, key, wt, sorted(wts), action, sorted([k, v] for k, v in places), sorted(parts), site,
            bool(recurring), bool(request)]


def _stage_of(x: list) -> tuple:
    name, key, wt, wts, action, places, parts, site, recurring, request = x
    return (name, key, wt, frozenset(wts), action, frozenset((k, v) for k, v in places), frozenset(parts), site,
            recurring, request)


def encode(chunk: tuple) -> tuple[bytes, bytes]:
    """(compressed npz of the per-title arrays, zlib-compressed JSON of the lists) of a
    :func:`thai_titles.read_chunk` chunk."""
    buf = io.BytesIO()
    np.savez_compressed(buf, **{name: np.asarray(chunk[i]) for i, name in _ARRAYS.items()})
    lists = {"stages": [_stage_json(s) for s in chunk[0]], "ends": [sorted(e) for e in chunk[2]],
             "parts": [sorted(p) for p in chunk[11]]}
    text = json.dumps(lists, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return buf.getvalue(), zlib.compress(text, 6)


def decode(arrays: bytes, lists: bytes | str) -> tuple:
    """The chunk :func:`encode` stored."""
    with np.load(io.BytesIO(arrays), allow_pickle=False) as z:
        a = {name: z[name] for name in _ARRAYS.values()}
    x = json.loads(zlib.decompress(lists) if isinstance(lists, bytes) else lists)
    out: list = [None] * 13
    out[0] = [_stage_of(s) for s in x["stages"]]
    out[2] = [frozenset(e) for e in x["ends"]]
    out[11] = [frozenset(p) for p in x["parts"]]
    for i, name in _ARRAYS.items():
        out[i] = a[name]
    return tuple(out)


def take(chunk: tuple, rows: np.ndarray) -> tuple:
    """The chunk of the titles at ``rows`` (the lists are kept whole: the ids still point into them)."""
    return tuple(v[rows] if i in _ARRAYS else v for i, v in enumerate(chunk))


def concat(chunks: list[tuple]) -> tuple:
    """One chunk of the titles of several, in order (the lists joined, the ids shifted)."""
    if len(chunks) == 1:
        return chunks[0]
    out: list = [[], [], [], [], [], [], [], [], [], [], [], [], []]
    offsets = {0: 0, 2: 0, 11: 0}
    for c in chunks:
        for lst, ids in ((0, 1), (2, 3), (11, 12)):
            v = np.asarray(c[ids], dtype=np.int64)
            out[ids].append(np.where(v >= 0, v + offsets[lst], -1))
            out[lst].extend(c[lst])
            offsets[lst] += len(c[lst])
        for i in (4, 5, 6, 7, 8, 9, 10):
            out[i].append(c[i])
    for i in _ARRAYS:
        out[i] = np.concatenate(out[i])
    return tuple(out)


def _rows(chunk: tuple) -> int:
    return len(chunk[1])


# ------------------------------------------------------------------------------------------- the table

@dataclass
class StoredFeatures:
    """The title features stored in a workspace for the current rules: one chunk and the key of each of its rows."""

    keys: np.ndarray
    chunk: tuple | None

    def find(self, keys: np.ndarray) -> tuple[np.ndarray, tuple | None]:
        """(found per key, the chunk of the found titles in their order) for the keys of distinct titles
        (:func:`areaplan.analyses.title_kinds.title_keys`)."""
        if self.chunk is None or not len(keys):
            return np.zeros(len(keys), bool), None
        pos = pd.Index(self.keys).get_indexer(keys)
        found = pos >= 0
        return found, (take(self.chunk, pos[found]) if found.any() else None)


def read(ws) -> StoredFeatures:
    """The features stored for the current rules (an empty store when there are none or the table is of
    another layout)."""
    from areaplan.analyses.title_kinds import rules_version

    try:
        rows = ws.query(f"SELECT title_keys, arrays, lists FROM {TABLE} WHERE rules = ? ORDER BY fid",
                        (rules_version(),))
    except sqlite3.OperationalError:  # no such table (read-only older workspace) or another layout
        rows = []
    if not rows:
        return StoredFeatures(np.zeros(0, np.int64), None)
    keys = np.concatenate([np.frombuffer(k, dtype="<i8").astype(np.int64) for k, _, _ in rows])
    chunk = concat([decode(a, x) for _, a, x in rows])
    if len(rows) > 1:  # a title stored twice (two imports at once): its first row
        keys, first = np.unique(keys, return_index=True)
        chunk = take(chunk, first)
    return StoredFeatures(keys, chunk)


def store(ws, keys: np.ndarray, chunk: tuple) -> int:
    """Add the features of titles (by key) for the current rules, dropping rows of other rules; merge the rows
    from :data:`MAX_PARTS` on. Returns how many titles were stored (0 when the table cannot be written)."""
    keys = np.asarray(keys, dtype=np.int64)
    if not len(keys) or _rows(chunk) != len(keys):
        return 0
    return store_encoded(ws, [(keys, *encode(chunk))])


def store_encoded(ws, pieces: list[tuple[np.ndarray, bytes, bytes]]) -> int:
    """:func:`store` of pieces already encoded (``(keys, *encode(chunk))``, as the import's worker process sends
    them): one row each."""
    from areaplan.analyses.title_kinds import rules_version

    pieces = [(np.asarray(k, dtype=np.int64), a, x) for k, a, x in pieces if len(k)]
    if not pieces:
        return 0
    sql = f"INSERT INTO {TABLE} (rules, titles, title_keys, arrays, lists, stored_at) VALUES (?, ?, ?, ?, ?, ?)"
    rules, at = rules_version(), now_iso()
    try:
        with ws.transaction() as c:
            c.execute(f"DELETE FROM {TABLE} WHERE rules != ?", (rules,))
            c.executemany(sql, [(rules, len(k), k.astype("<i8").tobytes(), a, x, at) for k, a, x in pieces])
            (parts,) = c.execute(f"SELECT count(*) FROM {TABLE}").fetchone()
            if parts >= MAX_PARTS:
                merged = read(ws)
                c.execute(f"DELETE FROM {TABLE}")
                c.execute(sql, (rules, len(merged.keys), merged.keys.astype("<i8").tobytes(),
                                *encode(merged.chunk), at))
    except sqlite3.OperationalError:  # a read-only workspace or a table of another layout: read again next time
        return 0
    return sum(len(k) for k, _, _ in pieces)


# ------------------------------------------------------------------------------------------- while reading files

#: Distinct titles from which a :class:`BackgroundReader` starts a worker process (below, the analysis reads them).
BACKGROUND_MIN_TITLES = 20_000
#: Titles per piece handed to the worker.
PIECE_TITLES = 5_000


def _read_piece(titles: list) -> tuple:
    import gc

    from areaplan.analyses.thai_titles import read_chunk

    gc.disable()  # many small objects without cycles; this process only reads titles
    return read_chunk(titles)


class BackgroundReader:
    """Reads the features of the titles of project files in a worker process while they are located here.

    ``add`` each table's titles before locating it; ``result`` gives what the worker read (as a store the analysis
    looks titles up in: what it did not reach is read by the analysis), ``close`` always.
    """

    def __init__(self, min_titles: int = BACKGROUND_MIN_TITLES) -> None:
        from areaplan.analyses.piece_worker import PieceWorker
        from areaplan.analyses.thai_titles import start_context

        self.min_titles = min_titles
        self._seen: set = set()
        self._queued: list = []
        self._worker = PieceWorker(_read_piece, context=start_context())

    def add(self, titles) -> None:
        """Queue the distinct titles not seen yet and hand full pieces to the worker."""
        new = [t for t in pd.unique(pd.Series(np.asarray(titles, dtype=object), dtype=object).dropna().astype(str))
               if t not in self._seen]
        self._seen.update(new)
        self._queued.extend(new)
        if not self._worker.started and len(self._queued) < self.min_titles:
            return
        while len(self._queued) >= PIECE_TITLES:
            piece = self._queued[:PIECE_TITLES]
            if not self._worker.submit(piece, piece):
                return  # no worker processes here: the analysis reads the titles
            self._queued = self._queued[PIECE_TITLES:]

    def result(self) -> StoredFeatures | None:
        """The features read so far (waiting for the pieces the worker has started); None when none were."""
        from areaplan.analyses.title_kinds import title_keys

        done = [(piece, chunk) for piece, chunk, _started in self._worker.collect() if chunk is not None]
        if not done:
            return None
        return StoredFeatures(title_keys([t for piece, _ in done for t in piece]), concat([c for _, c in done]))

    def close(self) -> None:
        """Stop the worker process."""
        self._worker.close()
