"""The 3,140 real FY2565 budget titles: the place is only written inside the title text."""

from __future__ import annotations

import re
from pathlib import Path

import geothai
import pandas as pd
import pytest

from areaplan.locate.address import AddressResolver

pytestmark = pytest.mark.realdata

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
PROJECTS = DATA / "budget2565" / "projects_fy2565.csv"
ADMIN = DATA / "thailand_admin.gpkg"

_FIX = re.compile(r"แก้ชื่อ(ตำบล|จังหวัด) '([^']*)' เป็น '([^']*)'")


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"real data not found at {path} (../shared/data is beside a full checkout only)")
    return path


@pytest.fixture(scope="module")
def titles() -> pd.DataFrame:
    frame = pd.read_csv(_need(PROJECTS), dtype=str)
    assert len(frame) == 3140
    return frame


@pytest.fixture(scope="module")
def cod_ab_gazetteer() -> pd.DataFrame:
    pyogrio = pytest.importorskip("pyogrio")
    path = _need(ADMIN)
    parts = []
    for layer, prefix, parent in (("changwat", "ADM1", None), ("amphoe", "ADM2", "ADM1"), ("tambon", "ADM3", "ADM2")):
        df = pyogrio.read_dataframe(path, layer=layer, read_geometry=False)
        parts.append(
            pd.DataFrame(
                {
                    "code": df[f"{prefix}_PCODE"].str.removeprefix("TH"),
                    "name_th": df[f"{prefix}_TH"],
                    "name_en": df[f"{prefix}_EN"],
                    "level": layer,
                    "parent_code": df[f"{parent}_PCODE"].str.removeprefix("TH") if parent else None,
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def _flat(text: str) -> str:
    return re.sub(r"[\s.\u200b]", "", text)


def _agrees(title: str, code: str, note_th: str) -> tuple[bool, bool]:
    """(strict, documented): the resolved tambon and changwat are the ones the title names.

    strict: the geothai Thai name follows ตำบล/แขวง in the title, and the changwat name is in it.
    documented: as strict, or the note records the correction of the name the title wrote there.
    """
    flat = _flat(title)
    tambon = _flat(geothai.subdistrict(code).name_th)
    changwat = _flat(geothai.province(code[:2]).name_th)
    t_ok = re.search(f"(?:ตำบล|แขวง){re.escape(tambon)}", flat) is not None
    c_ok = changwat in flat or (code[:2] == "10" and ("กรุงเทพ" in flat or "กทม" in flat))
    strict = t_ok and c_ok
    fixes = [(level, _flat(a), _flat(b)) for level, a, b in _FIX.findall(note_th)]
    if not t_ok:
        t_ok = any(
            lv == "ตำบล" and b == tambon and re.search(f"(?:ตำบล|แขวง){re.escape(a)}", flat) for lv, a, b in fixes
        )
    if not c_ok:
        c_ok = any(lv == "จังหวัด" and b == changwat and a in flat for lv, a, b in fixes)
    return strict, t_ok and c_ok


def test_budget_titles_located_and_agree_with_the_title(titles):
    out = AddressResolver().resolve_frame(titles[["title"]])
    located = out["tambon_code"].notna()
    share = located.mean()
    strict = documented = 0
    for title, code, note in zip(titles["title"][located], out["tambon_code"][located], out["note_th"][located]):
        s, d = _agrees(title, code, note)
        strict += s
        documented += d
    n = int(located.sum())
    print(
        f"\nFY2565 titles (geothai): located to a tambon {share:.2%} ({n}/{len(out)}); "
        f"name agrees with the title {documented / n:.2%} (exact spelling {strict / n:.2%}, "
        f"the rest are typo corrections written in the note); precision {out['precision'].value_counts().to_dict()}"
    )
    assert share >= 0.95
    assert documented / n >= 0.99
    assert strict / n >= 0.97
    assert (out.loc[located, "method"] == "title").all()
    # whatever is not located to a tambon says why
    assert (out.loc[~located, "note_th"] != "").all()


def test_budget_titles_with_the_cod_ab_gazetteer(titles, cod_ab_gazetteer):
    resolver = AddressResolver(cod_ab_gazetteer)
    out = resolver.resolve_frame(titles[["title"]])
    tambon_codes = set(cod_ab_gazetteer.loc[cod_ab_gazetteer["level"] == "tambon", "code"])
    in_gazetteer = out["tambon_code"].isin(tambon_codes)
    share = in_gazetteer.mean()
    print(
        f"\nFY2565 titles (COD-AB gazetteer, {len(tambon_codes)} tambons): "
        f"located to a gazetteer tambon {share:.2%}; located at all {out['tambon_code'].notna().mean():.2%}"
    )
    assert share >= 0.95
