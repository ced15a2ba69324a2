"""Work types read from project titles, stored in the workspace so analyses read a column instead of the titles.

Reading a title with :mod:`areaplan.analyses.thai_titles` costs ~40 µs; 100,000 distinct titles take seconds. The
result depends only on the title text and on the reading rules, so it is stored once per distinct title in the
workspace table ``title_kinds``, as packed arrays (one row per store; reading or adding 100,000 titles takes
milliseconds, where a row per title took ~1 s to insert):

* ``rules`` — :func:`rules_version` of the rules that read the titles (AreaPlan version, thai_titles' work-type
  table and its source); rows of other rules are ignored and dropped at the next store;
* ``title_keys`` — int64 (little-endian) key of each title: SipHash-2-4 of its UTF-8 bytes with a fixed key
  (:func:`title_keys`). An edited or re-imported title has a new key and is read again; a title shared by many
  projects is read once; nothing needs updating when projects are deleted or edited;
* ``work_types`` (JSON list of codes) and ``work_type_index`` (int16 per title): the thai_titles work-type code,
  '' when the title names none;
* ``says_construction`` (uint8 per title): 1 when a title without a work type says ก่อสร้าง (after
  thai_titles.normalize), else 0 — with the work type it gives flood_exposure's construction flag.

The import pipeline fills the table while it imports (:class:`TitleKindsJob`: a worker process reads the new
titles while the import locates and writes the rows, and also sends back everything the duplicate analysis reads
of them, stored in :mod:`areaplan.analyses.title_features`); :func:`attach` reads it for an analysis and reads and
stores any title still missing (workspaces made before the table existed, titles edited on the map).
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
from pathlib import Path

import numpy as np
import pandas as pd

from areaplan.analyses.piece_worker import PieceWorker
from areaplan.progress import Reporter
from areaplan.workspace import now_iso

#: The workspace table (areaplan.workspace.schema TABLES).
TABLE = "title_kinds"
#: Columns :func:`attach` adds to a projects frame: the stored work type ('' none; None when not stored) and
#: whether a title without a work type says ก่อสร้าง (False when not stored).
ATTACHED: tuple[str, str] = ("kind_work_type", "kind_says_construction")
#: How titles become keys (changing it changes :func:`rules_version`, so old keys are never compared).
KEY_SCHEME = "siphash24-utf8-0123456789123456"
_HASH_KEY = "0123456789123456"
#: Rows (one per store) from which the stored arrays are merged into one row.
MAX_PARTS = 32
#: Titles per piece handed to the import's worker process.
PIECE_TITLES = 2_500
#: New titles an import must bring before a worker process is started for them (starting one costs ~0.5 s).
BACKGROUND_MIN_TITLES = 10_000
_CONSTRUCTION_WORD = "ก่อสร้าง"


@functools.cache
def rules_version() -> str:
    """A short hash of the rules that read work types from titles: stored rows of other rules are re-read."""
    import areaplan
    from areaplan.analyses import thai_titles

    h = hashlib.sha256()
    h.update(f"{KEY_SCHEME}|{areaplan.__version__}|{_CONSTRUCTION_WORD}".encode())
    for w in thai_titles.WORK_TYPES:
        h.update(repr((w.code, w.keywords)).encode())
    try:  # the rules are code: any change to thai_titles (a new AreaPlan, a developer's edit) re-reads the titles
        h.update(Path(thai_titles.__file__).read_bytes())
    except (OSError, TypeError):  # frozen app without sources: the version and the work-type table still count
        pass
    return h.hexdigest()[:16]


def title_keys(titles) -> np.ndarray:
    """The int64 key of each title (None/NaN as ''), the same on every run and machine."""
    vals = pd.Series(np.asarray(titles, dtype=object), dtype=object)
    vals = vals.where(vals.notna(), "").astype(str).to_numpy(dtype=object)
    if not len(vals):
        return np.zeros(0, np.int64)
    return pd.util.hash_array(vals, encoding="utf8", hash_key=_HASH_KEY, categorize=False).view(np.int64)


def read_titles(titles: list, progress=None, *, processes: int | None = None,
                meanwhile=None) -> tuple[np.ndarray, np.ndarray]:
    """(work-type code per title, '' for none; says-construction flag per title) by thai_titles' rules.

    ``progress(done, total)`` and ``meanwhile()`` are those of :func:`thai_titles.feature_columns`.
    """
    from areaplan.analyses.thai_titles import feature_columns

    titles = _plain(titles)
    return _kinds_of(titles, feature_columns(titles, progress, processes=processes, meanwhile=meanwhile))


def read_piece(titles: list) -> tuple[np.ndarray, np.ndarray, bytes, bytes]:
    """(work types, says construction, then the encoded title_features of the titles) of titles read here, one
    after the other."""
    from areaplan.analyses import title_features
    from areaplan.analyses.thai_titles import columns_of_chunks, read_chunk

    titles = _plain(titles)
    chunk = read_chunk(titles)
    return (*_kinds_of(titles, columns_of_chunks([chunk])), *title_features.encode(chunk))


def _plain(titles) -> list:
    return ["" if t is None or (isinstance(t, float) and t != t) else t for t in titles]


def _kinds_of(titles: list, cols) -> tuple[np.ndarray, np.ndarray]:
    from areaplan.analyses.thai_titles import WORK_TYPES, normalize

    names = np.array([w.code for w in WORK_TYPES] + [""], dtype=object)  # index -1: no work type
    work_type = names[np.asarray(cols.work_type, dtype=np.int64)] if len(titles) else np.zeros(0, dtype=object)
    says = np.zeros(len(titles), dtype=bool)
    unknown = np.flatnonzero(np.asarray(cols.work_type) < 0)
    if len(unknown):
        says[unknown] = [_CONSTRUCTION_WORD in normalize(titles[i]) for i in unknown]
    return np.asarray(work_type, dtype=object), says


def _background() -> None:
    """Worker process start: a lower priority, so it reads titles with idle cores and never slows the import."""
    import os

    try:
        os.nice(10)
    except (AttributeError, OSError):  # Windows: no nice; the worker runs at normal priority
        pass


def _read_piece(titles: list) -> tuple[np.ndarray, np.ndarray, bytes, bytes]:
    """:func:`read_piece` in a worker process (serially: the job shares the cores itself)."""
    import gc

    gc.disable()  # many small objects without cycles; this process only reads titles
    return read_piece(titles)


# ------------------------------------------------------------------------------------------- the table

def _read_table(ws) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """(keys, work types, says construction, number of parts) stored for the current rules (first of duplicates)."""
    try:
        rows = ws.query(f"SELECT work_types, title_keys, work_type_index, says_construction FROM {TABLE} "
                        "WHERE rules = ? ORDER BY fid", (rules_version(),))
    except sqlite3.OperationalError:  # a cache of another layout (a development build): read the titles again
        rows = []
    keys, wts, says = [np.zeros(0, np.int64)], [np.zeros(0, dtype=object)], [np.zeros(0, bool)]
    for codes, k, wi, sc in rows:
        names = np.array(json.loads(codes), dtype=object)
        keys.append(np.frombuffer(k, dtype="<i8").astype(np.int64))
        wts.append(names[np.frombuffer(wi, dtype="<i2").astype(np.int64)])
        says.append(np.frombuffer(sc, dtype=np.uint8) != 0)
    k, w, sc = np.concatenate(keys), np.concatenate(wts), np.concatenate(says)
    if len(rows) > 1:
        k, first = np.unique(k, return_index=True)
        w, sc = w[first], sc[first]
    return k, w, sc, len(rows)


def stored_keys(ws) -> np.ndarray:
    """The keys of the titles stored for the current rules."""
    return _read_table(ws)[0]


def stored(ws, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(found, work type, says construction) of each key from the workspace, for the current rules."""
    n = len(keys)
    s_keys, s_wt, s_says, _ = _read_table(ws)
    if not len(s_keys) or not n:
        return np.zeros(n, bool), np.full(n, None, dtype=object), np.zeros(n, bool)
    pos = pd.Index(s_keys).get_indexer(np.asarray(keys, dtype=np.int64))
    found = pos >= 0
    wt = np.full(n, None, dtype=object)
    says = np.zeros(n, bool)
    wt[found] = s_wt[pos[found]]
    says[found] = s_says[pos[found]]
    return found, wt, says


def _row(keys: np.ndarray, work_type: np.ndarray, says: np.ndarray) -> tuple:
    codes, names = pd.factorize(pd.Series(np.asarray(work_type, dtype=object)).fillna(""))
    return (rules_version(), len(keys), json.dumps(list(names), ensure_ascii=False),
            np.asarray(keys, dtype="<i8").tobytes(), np.asarray(codes, dtype="<i2").tobytes(),
            np.asarray(says, dtype=np.uint8).tobytes(), now_iso())


def store(ws, keys: np.ndarray, work_type: np.ndarray, says: np.ndarray) -> int:
    """Add the work types of titles (by key) for the current rules, dropping rows of other rules.

    Each call adds one row of packed arrays; from :data:`MAX_PARTS` rows on they are merged into one.
    """
    keys = np.asarray(keys, dtype=np.int64)
    if not len(keys):
        return 0
    sql = (f"INSERT INTO {TABLE} (rules, titles, work_types, title_keys, work_type_index, says_construction, "
           "stored_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
    try:
        with ws.transaction() as c:
            c.execute(f"DELETE FROM {TABLE} WHERE rules != ?", (rules_version(),))
            c.execute(sql, _row(keys, work_type, says))
            s_keys, s_wt, s_says, parts = _read_table(ws)
            if parts >= MAX_PARTS:
                c.execute(f"DELETE FROM {TABLE}")
                c.execute(sql, _row(s_keys, s_wt, s_says))
    except sqlite3.OperationalError:  # a cache of another layout: the work types are read again next time
        return 0
    return len(keys)


def _titles_of(frame: pd.DataFrame) -> np.ndarray:
    if "title" not in frame:
        return np.full(len(frame), "", dtype=object)
    t = frame["title"].astype(object)
    return t.where(t.notna(), "").to_numpy(dtype=object)


def _ticker(rep: Reporter):
    """A (done, total) callback reporting the titles read so far through ``rep``."""

    def tick(done: int, total: int) -> None:
        rep(done / max(1, total), f"อ่านประเภทงานจากชื่อโครงการ {done:,}/{total:,} (reading work types)")

    return tick


def attach(ws, projects: pd.DataFrame, *, progress: Reporter | None = None, write: bool = True) -> pd.DataFrame:
    """The projects with their stored work types as :data:`ATTACHED` columns.

    Titles not stored yet (an older workspace, a title edited after the import) are read now and, with
    ``write``, stored; a workspace that cannot be written to (read-only file, locked) is read only.
    """
    rep = progress or Reporter()
    titles = _titles_of(projects)
    codes, uniq = pd.factorize(titles)
    uniq = np.asarray(uniq, dtype=object)
    keys = title_keys(uniq)
    found, wt, says = stored(ws, keys)
    missing = np.flatnonzero(~found)
    if len(missing):
        m_wt, m_says = read_titles(list(uniq[missing]), _ticker(rep))
        wt[missing], says[missing] = m_wt, m_says
        if write:
            try:
                store(ws, keys[missing], m_wt, m_says)
            except sqlite3.Error:  # read-only or busy: the analysis goes on with what it read
                pass
    out = projects.copy()
    out[ATTACHED[0]] = wt[codes] if len(uniq) else np.full(len(projects), None, dtype=object)
    out[ATTACHED[1]] = says[codes] if len(uniq) else np.zeros(len(projects), bool)
    rep(1.0, "")
    return out


def refresh(ws, *, progress=None, cancelled=None) -> int:
    """Read and store the work types of every project title of the workspace not stored yet; return how many."""
    rep = Reporter(progress, cancelled)
    if not ws.count("projects"):
        return 0
    titles = np.array([r[0] for r in ws.query("SELECT DISTINCT title FROM projects")], dtype=object)
    keys = title_keys(titles)
    found, _, _ = stored(ws, keys)
    missing = np.flatnonzero(~found)
    if len(missing):
        wt, says = read_titles(list(titles[missing]), _ticker(rep))
        rep.check()
        store(ws, keys[missing], wt, says)
    rep(1.0, "")
    return int(len(missing))


# ------------------------------------------------------------------------------------------- during an import

class TitleKindsJob:
    """Reads the work types of the titles an import brings, in a worker process while the import goes on.

    ``add`` each chunk's titles (before locating it, so the worker reads while the chunk is located); ``finish``
    stores what was read in the workspace (inside the import's transaction); ``close`` always. The worker runs
    at a lower priority: on an idle core it reads everything, on a busy machine what it has not reached when the
    import ends is read by the first analysis instead (see :meth:`finish`).
    Titles stored already (same text, same rules) are not read again. Without worker processes (a sandbox, a
    frozen app without multiprocessing support) the titles are read here at ``finish``.
    """

    def __init__(self, ws, *, background: bool = True) -> None:
        self.ws = ws
        self.background = background
        self._known: np.ndarray | None = None  # keys stored or queued
        self._keys = np.zeros(0, np.int64)  # queued here, not sent to the worker
        self._titles = np.zeros(0, dtype=object)
        self._worker: PieceWorker | None = None  # started once BACKGROUND_MIN_TITLES new titles have come
        self.read = 0  # titles read (and stored) by finish
        self.left = 0  # titles left for the first analysis

    def add(self, titles) -> None:
        """Queue the distinct titles not stored or queued yet (and hand full pieces to the worker)."""
        uniq = pd.unique(pd.Series(np.asarray(titles, dtype=object), dtype=object).fillna("").astype(str))
        uniq = np.asarray(uniq, dtype=object)
        if not len(uniq):
            return
        if self._known is None:
            self._known = stored_keys(self.ws)
        keys = title_keys(uniq)
        new = ~np.isin(keys, self._known)
        self._known = np.concatenate([self._known, keys[new]])
        self._keys = np.concatenate([self._keys, keys[new]])
        self._titles = np.concatenate([self._titles, uniq[new]])
        self._send()

    def _send(self) -> None:
        if not self.background:
            return
        if self._worker is None:
            if len(self._keys) < BACKGROUND_MIN_TITLES:
                return
            import multiprocessing

            self._worker = PieceWorker(_read_piece, context=multiprocessing.get_context("spawn"),
                                       initializer=_background)
        while len(self._keys) >= PIECE_TITLES:
            keys, titles = self._keys[:PIECE_TITLES], self._titles[:PIECE_TITLES]
            if not self._worker.submit(titles.tolist(), (keys, titles)):
                return  # no worker processes here: read at finish
            self._keys, self._titles = self._keys[PIECE_TITLES:], self._titles[PIECE_TITLES:]

    def finish(self, progress: Reporter | None = None, *, complete: bool = False) -> int:
        """Store the work types read so far; return how many titles were read.

        Titles not handed to the worker are read here. Pieces the worker has started are waited for (at most two);
        pieces it has not reached are read here with ``complete``, otherwise left for the first analysis
        (:func:`attach` reads and stores them), so that reading titles never holds an import up by more than a
        piece or two on a busy machine.
        """
        rep = progress or Reporter()
        total = len(self._keys) + sum(len(k) for k, _ in (self._worker.sent() if self._worker else []))
        out: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        done = 0

        tick = _ticker(rep)

        def say() -> None:
            tick(done, total)

        def here(keys: np.ndarray, titles: np.ndarray) -> None:
            nonlocal done
            for i in range(0, len(keys), PIECE_TITLES):
                say()
                out.append((keys[i: i + PIECE_TITLES], *read_piece(titles[i: i + PIECE_TITLES].tolist())))
                done += len(out[-1][0])

        here(self._keys, self._titles)
        self._keys, self._titles = np.zeros(0, np.int64), np.zeros(0, dtype=object)
        say()
        for (keys, titles), piece, started in (self._worker.collect() if self._worker else []):
            if piece is not None:
                out.append((keys, *piece))
                done += len(keys)
            elif started or complete:  # its worker died, or a piece not started that must be read now
                here(keys, titles)
            else:  # not started: left for the first analysis
                self.left += len(keys)
        self.close()
        if out:
            from areaplan.analyses import title_features

            keys = np.concatenate([o[0] for o in out])
            store(self.ws, keys, *(np.concatenate([o[j] for o in out]) for j in (1, 2)))
            title_features.store_encoded(self.ws, [(o[0], o[3], o[4]) for o in out])
        self.read = done
        rep(1.0, "")
        return done

    def close(self) -> None:
        """Stop the worker process (pieces not started are dropped)."""
        if self._worker is not None:
            self._worker.close()
