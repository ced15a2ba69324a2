"""What the duplicate analysis reads from titles is stored once per title in the workspace (title_features)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from areaplan.analyses import duplicates as dup
from areaplan.analyses import thai_titles as tt
from areaplan.analyses import title_features as tf
from areaplan.analyses import title_kinds as tk
from areaplan.importers.pipeline import import_file

EVAL = Path(__file__).resolve().parents[1] / "data" / "duplicates_eval.csv"


def _titles() -> list[str]:
    return pd.read_csv(EVAL, dtype=str)["title"].dropna().drop_duplicates().tolist()


def _per_title(c: tt.FeatureColumns) -> list[tuple]:
    """Each title's features with the ids resolved (stores keep whole lists, so ids may differ)."""
    out = []
    for i in range(c.n):
        n = int(c.name_id[i])
        out.append((c.names[n], c.keys[n], c.places[n], c.sites[n], int(c.work_type[i]), int(c.action[i]),
                    int(c.villages[i]), int(c.phase[i]), int(c.title_year[i]), bool(c.multi_year[i]),
                    bool(c.component[i]), tuple(np.nan_to_num(c.segment[i], nan=-1.0)),
                    int(c.segment_ends[i]) >= 0, tuple(np.nan_to_num(c.specs[i], nan=-1.0)),
                    c.part_sets[c.part_id[i]] if c.part_id[i] >= 0 else None, bool(c.recurring[i]),
                    bool(c.request[i])))
    return out


def _same_columns(a: tt.FeatureColumns, b: tt.FeatureColumns) -> None:
    assert a.n == b.n and _per_title(a) == _per_title(b)


def test_stored_chunk_reads_back_as_the_same_features():
    titles = _titles()
    chunk = tt.read_chunk(titles)
    back = tf.decode(*tf.encode(chunk))
    _same_columns(tt.columns_of_chunks([back]), tt.columns_of_chunks([chunk]))
    # two stores joined, and a subset taken, give the titles' own features
    a, b = tt.read_chunk(titles[:100]), tt.read_chunk(titles[100:])
    _same_columns(tt.columns_of_chunks([tf.concat([a, b])]), tt.columns_of_chunks([chunk]))
    rows = np.array([5, 1, 150, 7])
    _same_columns(tt.columns_of_chunks([tf.take(chunk, rows)]),
                  tt.columns_of_chunks([tt.read_chunk([titles[i] for i in rows])]))


def _pairs(result) -> pd.DataFrame:
    return result.pairs.sort_values(["project_id_a", "project_id_b"]).reset_index(drop=True)


def test_import_stores_title_features_and_a_run_reads_only_missing_titles(workspace):
    import_file(workspace, EVAL, "projects")
    stored = tf.read(workspace)
    projects = workspace.read_layer("projects")
    assert len(stored.keys) == projects["title"].nunique(), "the import stored every distinct title"
    first = dup.run_workspace(workspace)
    assert first.titles_read is None, "nothing left to read"
    # the same flags, scores and reasons as reading every title
    plain = dup.DuplicateInputs.from_workspace(workspace)
    plain.stored_titles = None
    pd.testing.assert_frame_equal(_pairs(first), _pairs(dup.run(plain)))
    assert len(first.pairs) > 40

    # a title edited on the map is read (once) by the next run and stored for the one after
    fid = int(projects["fid"].iloc[0])
    workspace.update_row("projects", fid, {"title": "ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านใหม่ หมู่ที่ 9"})
    second = dup.run_workspace(workspace)
    keys, _chunk = second.titles_read
    assert len(keys) == 1
    assert dup.run_workspace(workspace).titles_read is None


def test_rows_of_other_rules_are_not_used(workspace, monkeypatch):
    import_file(workspace, EVAL, "projects")
    monkeypatch.setattr(tk, "rules_version", lambda: "newer-rules")
    assert tf.read(workspace).chunk is None
    result = dup.run_workspace(workspace)
    assert result.titles_read is not None and len(result.titles_read[0]) == workspace.read_layer("projects")[
        "title"].nunique()
    assert {r[0] for r in workspace.query("SELECT rules FROM title_features")} == {"newer-rules"}


def test_many_stores_are_merged_into_one_row(workspace, monkeypatch):
    monkeypatch.setattr(tf, "MAX_PARTS", 6)
    titles = _titles()
    for i in range(tf.MAX_PARTS + 2):
        piece = titles[i * 5: i * 5 + 5]
        tf.store(workspace, tk.title_keys(piece), tt.read_chunk(piece))
    assert workspace.count("title_features") < 4
    stored = tf.read(workspace)
    want = titles[: (tf.MAX_PARTS + 2) * 5]
    found, chunk = stored.find(tk.title_keys(want))
    assert found.all()
    _same_columns(tt.columns_of_chunks([chunk]), tt.columns_of_chunks([tt.read_chunk(want)]))


def test_a_table_of_another_layout_is_read_again_not_an_error(workspace):
    import_file(workspace, EVAL, "projects")
    with workspace.transaction() as c:  # as a development build's cache: the analysis reads the titles itself
        c.execute("DROP TABLE title_features")
        c.execute("CREATE TABLE title_features (fid INTEGER PRIMARY KEY, rules TEXT)")
    assert tf.read(workspace).chunk is None
    assert tf.store(workspace, tk.title_keys(["ขุดลอกคลอง"]), tt.read_chunk(["ขุดลอกคลอง"])) == 0
    result = dup.run_workspace(workspace)
    assert len(result.pairs) > 40


def test_titles_of_bare_files_are_read_by_a_worker_while_the_rows_are_located(monkeypatch):
    monkeypatch.setattr(tf, "PIECE_TITLES", 40)
    monkeypatch.setattr(tf.BackgroundReader.__init__, "__defaults__", (50,))
    inputs = dup.inputs_from_files([EVAL])
    assert inputs.stored_titles is not None and len(inputs.stored_titles.keys) >= 40, "a worker read some titles"
    assert inputs.workspace is None
    plain = dup.inputs_from_files([EVAL])
    plain.stored_titles = None
    with_reader = dup.run(inputs)
    assert with_reader.titles_read is None, "bare files: nothing to store"
    pd.testing.assert_frame_equal(_pairs(with_reader), _pairs(dup.run(plain)))
