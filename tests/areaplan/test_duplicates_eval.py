"""The labelled evaluation set (tests/data/duplicates_eval.csv): F1 ≥ 0.90 overall, no hard negative flagged en masse."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[2]
EVAL = REPO / "tests" / "data" / "duplicates_eval.csv"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_duplicates", REPO / "benchmarks" / "duplicates.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_eval_set_shape():
    d = pd.read_csv(EVAL, dtype=str, keep_default_na=False)
    assert len(d) >= 300
    assert d.loc[d.group_id != "", "group_id"].nunique() >= 40
    kinds = set(d.loc[d.hard_negative_of != "", "hard_negative_of"])
    assert kinds == set(_bench().KINDS)
    assert d.changwat.nunique() >= 5
    # a tambon name that exists in two amphoe
    twins = d[d.hard_negative_of == "same_tambon_name_other_amphoe"]
    firsts = d.set_index("project_id").loc[twins.negative_of_id]
    assert (twins.tambon.to_numpy() == firsts.tambon.to_numpy()).all()
    assert (twins.amphoe.to_numpy() != firsts.amphoe.to_numpy()).all()


def test_eval_f1():
    bench = _bench()
    ev = bench.evaluate(EVAL)
    bench.print_eval(ev)
    precision, recall, f1, *_ = ev["overall"]
    assert f1 >= 0.90
    for kind, (n, fp_k, *_rest) in ev["kinds"].items():
        assert fp_k <= n // 5, f"{kind}: {fp_k} of {n} hard negatives flagged"
