"""Thai wording for the demonstration data: village names, agencies and project-title templates.

A *work* is one piece of work in one place (``WorkType`` + parameters such as width and length).
The same work can be written in many ways: with or without "โครงการ", "ถนน คสล." or
"ถนนคอนกรีตเสริมเหล็ก", Thai or Arabic digits, the specification in full, short or left out, the
place in full, abbreviated, as a village name or not at all (:class:`TitleStyle`). Duplicates in
the demo are one work written twice in two styles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from areaplan.values import arabic_to_thai_digits

PROVINCE_TH = "สงขลา"

# --------------------------------------------------------------------------- village names
#: First parts of southern village names (Thai, RTGS), e.g. ควน = low hill, พรุ = peat swamp.
VILLAGE_HEADS: tuple[tuple[str, str], ...] = (
    ("ควน", "Khuan"), ("ทุ่ง", "Thung"), ("นา", "Na"), ("คลอง", "Khlong"), ("หาด", "Hat"),
    ("บาง", "Bang"), ("เกาะ", "Ko"), ("ท่า", "Tha"), ("ปาก", "Pak"), ("โคก", "Khok"),
    ("หนอง", "Nong"), ("บ่อ", "Bo"), ("ป่า", "Pa"), ("เขา", "Khao"), ("ห้วย", "Huai"),
    ("วัง", "Wang"), ("ต้น", "Ton"), ("หัว", "Hua"), ("สวน", "Suan"), ("พรุ", "Phru"),
    ("ลำ", "Lam"), ("แหลม", "Laem"), ("ไร่", "Rai"), ("โหนด", "Not"),
)
#: Second parts: trees, directions and qualities.
VILLAGE_TAILS: tuple[tuple[str, str], ...] = (
    ("ใหม่", "Mai"), ("เก่า", "Kao"), ("กลาง", "Klang"), ("ใต้", "Tai"), ("เหนือ", "Nuea"),
    ("ออก", "Ok"), ("ตก", "Tok"), ("ยาง", "Yang"), ("ม่วง", "Muang"), ("ขาม", "Kham"),
    ("ไทร", "Sai"), ("หาร", "Han"), ("ลึก", "Luek"), ("ทราย", "Sai"), ("หิน", "Hin"),
    ("แดง", "Daeng"), ("ขาว", "Khao"), ("เตย", "Toei"), ("ยาว", "Yao"), ("นอก", "Nok"),
    ("ใน", "Nai"), ("จาก", "Chak"), ("พลี", "Phli"), ("ตะเคียน", "Takhian"), ("หว้า", "Wa"),
    ("ทอน", "Thon"), ("หลา", "La"), ("ปริง", "Pring"), ("เสม็ด", "Samet"), ("ไผ่", "Phai"),
    ("ช้าง", "Chang"), ("หมาก", "Mak"), ("พร้าว", "Phrao"), ("แค", "Khae"), ("ไม้แดง", "Mai Daeng"),
    ("ทุเรียน", "Thurian"), ("ขี้เหล็ก", "Khi Lek"), ("ยูง", "Yung"), ("บัว", "Bua"), ("เคียน", "Khian"),
)


def village_names(rng: np.random.Generator, n: int, tambon_th: str, tambon_en: str,
                  own_name_first: bool) -> list[tuple[str, str]]:
    """n distinct (Thai, English) village names, 'บ้าน…'; optionally the first named after the tambon."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    if own_name_first:
        if tambon_th.startswith("บ้าน"):
            out.append((tambon_th, tambon_en))
        else:
            out.append((f"บ้าน{tambon_th}", f"Ban {tambon_en}"))
        seen.add(out[0][0])
    while len(out) < n:
        h = VILLAGE_HEADS[int(rng.integers(len(VILLAGE_HEADS)))]
        if rng.random() < 0.12:
            th, en = f"บ้าน{h[0]}", f"Ban {h[1]}"
        else:
            t = VILLAGE_TAILS[int(rng.integers(len(VILLAGE_TAILS)))]
            th, en = f"บ้าน{h[0]}{t[0]}", f"Ban {h[1]} {t[1]}"
        if th not in seen:
            seen.add(th)
            out.append((th, en))
    return out


def bare(village_th: str) -> str:
    """'บ้านควนลึก' -> 'ควนลึก'."""
    return village_th[4:] if village_th.startswith("บ้าน") else village_th


# --------------------------------------------------------------------------- number formatting


def num(value: float) -> str:
    """1200 -> '1,200'; 0.15 -> '0.15'; 5.0 -> '5'; 0.5 -> '0.50'."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}"


# --------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class TitleStyle:
    """How one writer wrote a title."""

    prefix: bool = True         # "โครงการ…"
    abbrev: bool = False        # ถนน คสล. / ม. / รพ.สต.
    thai_digits: bool = False   # ๑,๒๐๐
    spec: str = "full"          # full | short | none
    place: str = "full"         # full | abbr | village | none

    def differs_from(self, other: TitleStyle) -> int:
        return sum(getattr(self, f) != getattr(other, f) for f in ("prefix", "abbrev", "thai_digits", "spec", "place"))


def random_style(rng: np.random.Generator, *, place: str | None = None, thai_digits_p: float = 0.08) -> TitleStyle:
    """A writing style drawn with realistic frequencies."""
    return TitleStyle(
        prefix=bool(rng.random() < 0.55),
        abbrev=bool(rng.random() < 0.45),
        thai_digits=bool(rng.random() < thai_digits_p),
        spec=str(_pick(rng, ("full", "full", "short", "none"))),
        place=place or str(_pick(rng, ("full", "abbr", "village", "none", "none"))),
    )


def _pick(rng: np.random.Generator, seq: Sequence):
    return seq[int(rng.integers(len(seq)))]


# --------------------------------------------------------------------------- place text


@dataclass(frozen=True)
class Place:
    """Where a work is: tambon and amphoe names, and the village if it is village-level."""

    tambon: str
    amphoe: str
    village_no: int | None = None
    village: str | None = None  # 'บ้านควนลึก'


def place_text(place: Place, style: str) -> str:
    """The place as people write it inside a title or an address."""
    v, n, t, a = place.village, place.village_no, place.tambon, place.amphoe
    if style == "none":
        return ""
    if style == "abbr":
        head = f"ม.{n} " if n else ""
        return f"{head}ต.{t} อ.{a} จ.{PROVINCE_TH}"
    if style == "village" and v:
        return f"{v} หมู่ที่ {n} ตำบล{t}"
    if style == "short":
        head = f"ม.{n} " if n else ""
        return f"{head}ต.{t} อ.{a}"
    if style == "village_abbr" and v:
        return f"{v} ม.{n} ต.{t}"
    head = f"หมู่ที่ {n} " if n else ""
    return f"{head}ตำบล{t} อำเภอ{a} จังหวัด{PROVINCE_TH}"


# --------------------------------------------------------------------------- work types


@dataclass(frozen=True)
class Variant:
    """One kind of work with its wording, parameters and cost."""

    key: str                                   # unique variant key
    work_type: str                             # road, drainage, … (duplicate blocking key)
    agenda: str
    village_level: float                       # probability that it is for one village
    params: Callable[[np.random.Generator, str, dict], dict]
    render: Callable[[dict, TitleStyle], str]
    cost: Callable[[dict, np.random.Generator], float]
    geometry: str = "point"                    # point | line | area: what a drawn geometry would be


def _scale(scale: str, small, mid, large):
    return {"small": small, "mid": mid, "large": large}[scale]


def _canal(ctx: dict, rng) -> str:
    """A canal named after a village of the tambon (คลองหว้า) or a tree/quality word."""
    if rng.random() < 0.5:
        name = bare(_pick(rng, ctx["villages"]))
        return name if name.startswith("คลอง") else "คลอง" + name
    return "คลอง" + str(_pick(rng, VILLAGE_TAILS)[0])


def _route(ctx: dict, rng) -> str:
    names = ctx["villages"]
    if len(names) >= 2 and rng.random() < 0.75:
        a = ctx["village"] or _pick(rng, names)
        b = _pick(rng, [n for n in names if n != a] or names)
        return f"สาย{a}–{b}"
    return f"ซอย{_pick(rng, ('ร่วมใจ', 'สามัคคี', 'พัฒนา', 'ศรีสุข', 'เจริญสุข', 'สันติ', 'ประชาอุทิศ'))} {int(rng.integers(1, 9))}"


# road --------------------------------------------------------------------
def _road_params(rng, scale, ctx):
    surface = str(_pick(rng, ("rc", "rc", "rc", "asphalt", "asphalt", "laterite")))
    if scale == "large":
        surface = "asphalt" if rng.random() < 0.8 else "rc"
    width = float(_pick(rng, _scale(scale, (3, 4, 4, 5), (4, 5, 5, 6), (6, 7, 8))))
    lo, hi = _scale(scale, (60, 800), (400, 3000), (1500, 9000))
    length = float(round(rng.uniform(lo, hi), -1))
    return {
        "surface": surface, "verb": "ปรับปรุง" if (surface == "asphalt" and rng.random() < 0.4) else "ก่อสร้าง",
        "route": _route(ctx, rng), "width": width, "length": length,
        "thick": 0.15 if surface == "rc" else (0.05 if surface == "asphalt" else 0.20),
        "drr": scale == "large" and rng.random() < 0.6, "drr_no": f"สข.ถ.{int(rng.integers(1, 6))}-{int(rng.integers(1, 120)):04d}",
        "phase": None,
    }


def _road_render(p, s):
    surface = {"rc": ("ถนนคอนกรีตเสริมเหล็ก", "ถนน คสล."), "asphalt": ("ถนนลาดยางแอสฟัลท์ติกคอนกรีต", "ถนนลาดยาง"),
               "laterite": ("ถนนลูกรัง", "ถนนหินคลุก")}[p["surface"]][int(s.abbrev)]
    verb = p["verb"]
    if verb == "ปรับปรุง" and p["surface"] == "asphalt":
        body = f"ปรับปรุงผิวจราจร{surface}" if not s.abbrev else f"ปรับปรุง{surface}"
    else:
        body = f"{verb}{surface}"
    route = f"สาย {p['drr_no']} {p['route']}" if p["drr"] else p["route"]
    text = f"{body} {route}"
    if p.get("phase"):
        text += f" ระยะที่ {p['phase']}"
    if s.spec == "full":
        if p["drr"]:
            text += f" ระยะทาง {p['length'] / 1000:.3f} กิโลเมตร"
        else:
            text += f" กว้าง {num(p['width'])} เมตร ยาว {num(p['length'])} เมตร หนา {num(p['thick'])} เมตร"
            if p["surface"] == "rc" and not s.abbrev:
                text += f" หรือมีพื้นที่ไม่น้อยกว่า {num(p['width'] * p['length'])} ตารางเมตร"
    elif s.spec == "short":
        text += f" ขนาด {num(p['width'])}x{num(p['length'])}x{num(p['thick'])} ม."
    return text


def _road_cost(p, rng):
    per_m2 = {"rc": (620, 790), "asphalt": (380, 520), "laterite": (110, 180)}[p["surface"]]
    if p["drr"]:
        per_m2 = (750, 980)
    return p["width"] * p["length"] * rng.uniform(*per_m2)


# drainage ----------------------------------------------------------------
def _drain_params(rng, scale, ctx):
    lo, hi = _scale(scale, (40, 400), (200, 1200), (500, 2500))
    return {"kind": str(_pick(rng, ("u", "u", "pipe", "system"))), "route": _route(ctx, rng),
            "width": float(_pick(rng, (0.3, 0.4, 0.5, 0.6))), "length": float(round(rng.uniform(lo, hi), -1)),
            "pipe": float(_pick(rng, (0.4, 0.6, 0.8, 1.0)))}


def _drain_render(p, s):
    kc = "คสล." if s.abbrev else "คอนกรีตเสริมเหล็ก"
    if p["kind"] == "u":
        text = f"ก่อสร้างรางระบายน้ำ {kc} รูปตัวยูพร้อมฝาปิด {p['route']}"
        spec = f"กว้าง {num(p['width'])} เมตร ยาว {num(p['length'])} เมตร"
    elif p["kind"] == "pipe":
        text = f"วางท่อระบายน้ำ {kc} พร้อมบ่อพัก {p['route']}"
        spec = f"ขนาดเส้นผ่านศูนย์กลาง {num(p['pipe'])} เมตร ยาว {num(p['length'])} เมตร"
    else:
        text = f"ก่อสร้างระบบระบายน้ำ {p['route']}"
        spec = f"ยาว {num(p['length'])} เมตร"
    if s.spec == "full":
        text += " " + spec
    elif s.spec == "short":
        text += f" ยาว {num(p['length'])} ม."
    return text


def _drain_cost(p, rng):
    return p["length"] * rng.uniform(2600, 5800) * (1.3 if p["kind"] == "system" else 1.0)


# dredging ----------------------------------------------------------------
def _dredge_params(rng, scale, ctx):
    lo, hi = _scale(scale, (300, 1500), (800, 4000), (2000, 9000))
    return {"canal": _canal(ctx, rng), "at": ctx["village"] or _pick(rng, ctx["villages"]),
            "width": float(_pick(rng, (6, 8, 10, 12, 15, 20))), "length": float(round(rng.uniform(lo, hi), -1)),
            "depth": float(_pick(rng, (1.5, 2.0, 2.5, 3.0)))}


def _dredge_render(p, s):
    text = f"ขุดลอก{p['canal']} ช่วง{p['at']}" if not s.abbrev else f"ขุดลอก{p['canal']} {p['at']}"
    if s.spec == "full":
        text += f" ปากกว้าง {num(p['width'])} เมตร ยาว {num(p['length'])} เมตร ลึกเฉลี่ย {num(p['depth'])} เมตร"
    elif s.spec == "short":
        text += f" ยาว {num(p['length'])} ม."
    return text


def _dredge_cost(p, rng):
    return p["width"] * p["length"] * p["depth"] * 0.7 * rng.uniform(28, 45)


# weir --------------------------------------------------------------------
def _weir_params(rng, scale, ctx):
    living = scale == "small" and rng.random() < 0.45
    return {"living": living, "canal": _canal(ctx, rng), "at": ctx["village"] or _pick(rng, ctx["villages"]),
            "height": float(_pick(rng, (1.0, 1.5, 2.0, 2.5))), "width": float(_pick(rng, (8, 10, 12, 15, 20, 25)))}


def _weir_render(p, s):
    if p["living"]:
        text = f"ก่อสร้างฝายชะลอน้ำ (ฝายมีชีวิต) {p['canal']} {p['at']}"
        return text
    kc = "คสล." if s.abbrev else "คอนกรีตเสริมเหล็ก"
    text = f"ก่อสร้างฝายน้ำล้น {kc} {p['canal']} {p['at']}"
    if s.spec == "full":
        text += f" แบบ มข.2527 สันฝายสูง {num(p['height'])} เมตร กว้าง {num(p['width'])} เมตร"
    elif s.spec == "short":
        text += f" สูง {num(p['height'])} ม. กว้าง {num(p['width'])} ม."
    return text


def _weir_cost(p, rng):
    if p["living"]:
        return rng.uniform(30_000, 150_000)
    return p["height"] * p["width"] * rng.uniform(45_000, 110_000)


# water supply ------------------------------------------------------------
def _water_params(rng, scale, ctx):
    kind = str(_pick(rng, ("new", "extend", "extend", "repair")))
    return {"kind": kind, "source": str(_pick(rng, ("บาดาลขนาดกลาง", "บาดาลขนาดใหญ่", "ผิวดินขนาดกลาง"))),
            "village": ctx["village"] or _pick(rng, ctx["villages"]),
            "length": float(round(rng.uniform(300, 3000), -2)), "pipe": str(_pick(rng, ("2", "3", "4")))}


def _water_render(p, s):
    name = "ประปาหมู่บ้าน" if s.abbrev else "ระบบประปาหมู่บ้าน"
    if p["kind"] == "new":
        text = f"ก่อสร้าง{name} แบบ{p['source']} {p['village']}"
    elif p["kind"] == "extend":
        text = f"ขยายเขต{name} {p['village']}"
        if s.spec == "full":
            text += f" ท่อ PVC ขนาด {p['pipe']} นิ้ว ยาว {num(p['length'])} เมตร"
        elif s.spec == "short":
            text += f" ยาว {num(p['length'])} ม."
    else:
        text = f"ปรับปรุง{name} {p['village']}"
    return text


def _water_cost(p, rng):
    if p["kind"] == "new":
        return rng.uniform(2_000_000, 2_900_000)
    if p["kind"] == "extend":
        return p["length"] * rng.uniform(180, 420)
    return rng.uniform(180_000, 650_000)


# embankment --------------------------------------------------------------
def _bank_params(rng, scale, ctx):
    lo, hi = _scale(scale, (60, 200), (100, 450), (200, 900))
    water = _canal(ctx, rng) if rng.random() < 0.7 else str(_pick(rng, ("ทะเลสาบสงขลา", "คลองอู่ตะเภา", "คลองรัตภูมิ", "คลองนาทวี", "คลองเทพา")))
    return {"water": water, "at": ctx["village"] or _pick(rng, ctx["villages"]),
            "length": float(round(rng.uniform(lo, hi), -1)), "multi_year": None}


def _bank_render(p, s):
    name = "เขื่อน คสล. ป้องกันตลิ่ง" if s.abbrev else "เขื่อนป้องกันตลิ่ง"
    text = f"ก่อสร้าง{name}ริม{p['water']} {p['at']}"
    if s.spec == "full":
        text += f" ความยาว {num(p['length'])} เมตร"
    elif s.spec == "short":
        text += f" ยาว {num(p['length'])} ม."
    return text


def _bank_cost(p, rng):
    return p["length"] * rng.uniform(38_000, 85_000)


# bridge ------------------------------------------------------------------
def _bridge_params(rng, scale, ctx):
    return {"canal": _canal(ctx, rng), "at": ctx["village"] or _pick(rng, ctx["villages"]),
            "width": float(_pick(rng, _scale(scale, (4, 5, 6), (5, 6, 7), (7, 8, 9)))),
            "length": float(_pick(rng, _scale(scale, (10, 12, 15, 20), (15, 20, 30, 40), (30, 40, 60, 80))))}


def _bridge_render(p, s):
    kc = "สะพาน คสล." if s.abbrev else "สะพานคอนกรีตเสริมเหล็ก"
    text = f"ก่อสร้าง{kc}ข้าม{p['canal']} {p['at']}"
    if s.spec == "full":
        text += f" กว้าง {num(p['width'])} เมตร ยาว {num(p['length'])} เมตร"
    elif s.spec == "short":
        text += f" ขนาด {num(p['width'])}x{num(p['length'])} ม."
    return text


def _bridge_cost(p, rng):
    return p["width"] * p["length"] * rng.uniform(22_000, 42_000)


# lighting ----------------------------------------------------------------
def _light_params(rng, scale, ctx):
    return {"kind": "solar" if rng.random() < 0.7 else "grid", "count": int(_pick(rng, (10, 12, 15, 20, 25, 30, 40, 50))),
            "length": float(round(rng.uniform(300, 2500), -2)), "route": _route(ctx, rng)}


def _light_render(p, s):
    if p["kind"] == "solar":
        name = "ไฟฟ้าส่องสว่างโซลาร์เซลล์" if s.abbrev else "ไฟฟ้าส่องสว่างพลังงานแสงอาทิตย์ (โซลาร์เซลล์)"
        text = f"ติดตั้ง{name} {p['route']}"
        if s.spec != "none":
            text += f" จำนวน {p['count']} ต้น" if s.spec == "full" else f" {p['count']} จุด"
        return text
    text = f"ขยายเขตไฟฟ้าแรงต่ำพร้อมติดตั้งไฟฟ้าส่องสว่าง {p['route']}"
    if s.spec == "full":
        text += f" ระยะทาง {num(p['length'])} เมตร"
    elif s.spec == "short":
        text += f" {num(p['length'])} ม."
    return text


def _light_cost(p, rng):
    if p["kind"] == "solar":
        return p["count"] * rng.uniform(26_000, 45_000)
    return p["length"] * rng.uniform(250, 600)


# buildings ---------------------------------------------------------------
_BUILDINGS = (
    ("ก่อสร้างอาคารอเนกประสงค์ประจำหมู่บ้าน", "social", (700_000, 2_500_000)),
    ("ก่อสร้างศาลาประชาคม", "social", (250_000, 850_000)),
    ("ก่อสร้างศูนย์พัฒนาเด็กเล็ก", "education", (1_900_000, 4_200_000)),
    ("ปรับปรุงอาคารเรียน โรงเรียน", "education", (500_000, 4_800_000)),
    ("ก่อสร้างโรงอาหาร โรงเรียน", "education", (800_000, 2_200_000)),
    ("ซ่อมแซมบ้านผู้ยากไร้และผู้ด้อยโอกาส", "social", (60_000, 400_000)),
)


def _building_params(rng, scale, ctx):
    i = int(_pick(rng, (2, 3, 4))) if scale == "large" else int(rng.integers(len(_BUILDINGS)))
    return {"i": i, "village": ctx["village"] or _pick(rng, ctx["villages"]), "tambon": ctx["tambon"],
            "area": float(_pick(rng, (120, 180, 240, 320, 480)))}


def _building_render(p, s):
    name = _BUILDINGS[p["i"]][0]
    if name.endswith("โรงเรียน"):
        text = f"{name}{p['village']}"
    elif "ศูนย์พัฒนาเด็กเล็ก" in name:
        text = f"{name}{('องค์การบริหารส่วนตำบล' if not s.abbrev else 'อบต.')}{p['tambon']}"
    else:
        text = f"{name} {p['village']}"
    if s.spec == "full" and "ซ่อมแซม" not in name:
        text += f" พื้นที่ใช้สอยไม่น้อยกว่า {num(p['area'])} ตารางเมตร"
    return text


def _building_cost(p, rng):
    return rng.uniform(*_BUILDINGS[p["i"]][2])


def _building_agenda(p) -> str:
    return _BUILDINGS[p["i"]][1]


# health ------------------------------------------------------------------
def _health_params(rng, scale, ctx):
    return {"kind": str(_pick(rng, ("repair", "equip", "new", "repair"))),
            "village": ctx["village"] or _pick(rng, ctx["villages"])}


def _health_render(p, s):
    h = " รพ.สต." if s.abbrev else "โรงพยาบาลส่งเสริมสุขภาพตำบล"
    return {"repair": f"ปรับปรุงอาคาร{h}{p['village']}",
            "equip": f"จัดซื้อครุภัณฑ์การแพทย์ {h}{p['village']}",
            "new": f"ก่อสร้างอาคาร{h}{p['village']} (ทดแทนหลังเดิม)"}[p["kind"]]


def _health_cost(p, rng):
    return rng.uniform(*{"repair": (300_000, 2_400_000), "equip": (120_000, 900_000), "new": (3_500_000, 6_500_000)}[p["kind"]])


# training ----------------------------------------------------------------
_TRAININGS = (
    ("ฝึกอบรมส่งเสริมอาชีพการแปรรูปผลผลิตทางการเกษตร", "agriculture"),
    ("ฝึกอบรมการผลิตยางแผ่นคุณภาพดี", "agriculture"),
    ("ฝึกอบรมการเลี้ยงปลาในกระชัง", "agriculture"),
    ("ฝึกอบรมการปลูกผักปลอดสารพิษ", "agriculture"),
    ("ฝึกอบรมการเลี้ยงผึ้งชันโรง", "agriculture"),
    ("ฝึกอบรมส่งเสริมอาชีพการทำผ้าบาติก", "economy"),
    ("ฝึกอบรมการทำขนมพื้นบ้านและการตลาดออนไลน์", "economy"),
    ("อบรมให้ความรู้การป้องกันและแก้ไขปัญหายาเสพติด", "social"),
    ("อบรมส่งเสริมสุขภาพผู้สูงอายุ", "health"),
    ("ฝึกอบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน (อปพร.)", "safety"),
    ("ฝึกอบรมการเตรียมความพร้อมรับมืออุทกภัย", "safety"),
)


def _training_params(rng, scale, ctx):
    return {"i": int(rng.integers(len(_TRAININGS))), "people": int(_pick(rng, (30, 40, 50, 60, 80, 100, 150)))}


def _training_render(p, s):
    text = _TRAININGS[p["i"]][0]
    if s.spec == "full":
        text += f" ผู้เข้าร่วม {p['people']} คน"
    return text


def _training_cost(p, rng):
    return p["people"] * rng.uniform(900, 3_500)


# tourism -----------------------------------------------------------------
def _tourism_params(rng, scale, ctx):
    return {"kind": int(rng.integers(4)), "village": ctx["village"] or _pick(rng, ctx["villages"]),
            "tambon": ctx["tambon"], "scale": scale}


def _tourism_render(p, s):
    return (
        f"พัฒนาแหล่งท่องเที่ยวชุมชน{p['village']}",
        f"ปรับปรุงภูมิทัศน์และก่อสร้างจุดชมวิว{p['village']}",
        f"ส่งเสริมการท่องเที่ยวเชิงวิถีชีวิตชุมชนตำบล{p['tambon']}",
        f"ก่อสร้างลานกิจกรรมและถนนคนเดิน{p['village']}",
    )[p["kind"]]


def _tourism_cost(p, rng):
    return rng.uniform(*_scale(p["scale"], (150_000, 1_200_000), (800_000, 9_000_000), (5_000_000, 25_000_000)))


# waste -------------------------------------------------------------------
def _waste_params(rng, scale, ctx):
    kinds = ("point", "truck", "centre") if scale == "large" else (
        ("bank", "point") if ctx["village"] else ("bank", "point", "truck"))
    return {"kind": str(_pick(rng, kinds)), "tambon": ctx["tambon"], "village": ctx["village"]}


def _waste_render(p, s):
    t = p["tambon"]
    return {
        "bank": f"ส่งเสริมการคัดแยกขยะต้นทาง (ธนาคารขยะ) {p['village'] or 'ตำบล' + t}",
        "point": f"ก่อสร้างจุดคัดแยกขยะมูลฝอยชุมชน {p['village'] or 'ตำบล' + t}",
        "truck": "จัดซื้อรถบรรทุกขยะมูลฝอย แบบอัดท้าย ขนาด 6 ตัน" if s.spec != "none" else "จัดซื้อรถบรรทุกขยะ",
        "centre": f"ก่อสร้างศูนย์จัดการขยะมูลฝอยแบบครบวงจร ตำบล{t}",
    }[p["kind"]]


def _waste_cost(p, rng):
    return rng.uniform(*{"bank": (30_000, 200_000), "point": (150_000, 600_000), "truck": (2_350_000, 2_600_000),
                         "centre": (25_000_000, 60_000_000)}[p["kind"]])


# CCTV --------------------------------------------------------------------
def _cctv_params(rng, scale, ctx):
    where = ("บริเวณทางแยกและจุดเสี่ยงในชุมชน", "บริเวณถนนสายหลักในหมู่บ้าน", "บริเวณตลาดและสถานศึกษา")
    return {"points": int(_pick(rng, _scale(scale, (4, 6, 8, 10), (8, 12, 16, 24), (16, 24, 32, 48)))),
            "route": str(_pick(rng, where)) if rng.random() < 0.5 else None}


def _cctv_render(p, s):
    name = "กล้อง CCTV" if s.abbrev else "กล้องโทรทัศน์วงจรปิด (CCTV)"
    text = f"ติดตั้ง{name}"
    if p["route"]:
        text += f" {p['route']}"
    if s.spec == "full":
        text += f" จำนวน {p['points']} จุด"
    elif s.spec == "short":
        text += f" {p['points']} จุด"
    return text


def _cctv_cost(p, rng):
    return p["points"] * rng.uniform(42_000, 75_000)


# agriculture -------------------------------------------------------------
_AGRI = (
    ("ส่งเสริมการปลูกพืชร่วมยางเพื่อเพิ่มรายได้", (80_000, 900_000)),
    ("ก่อสร้างโรงเรือนผลิตปุ๋ยอินทรีย์ชุมชน", (200_000, 1_500_000)),
    ("สนับสนุนพันธุ์ปลาน้ำจืดและอาหารปลา", (50_000, 400_000)),
    ("ขุดสระเก็บน้ำเพื่อการเกษตร", (150_000, 1_800_000)),
    ("ส่งเสริมการเลี้ยงโคเนื้อและแพะ", (150_000, 2_500_000)),
    ("พัฒนาระบบน้ำในไร่นาและแปลงเกษตรผสมผสาน", (100_000, 1_200_000)),
)


def _agri_params(rng, scale, ctx):
    return {"i": int(rng.integers(len(_AGRI))), "village": ctx["village"], "tambon": ctx["tambon"],
            "farms": int(_pick(rng, (20, 30, 50, 80, 120)))}


def _agri_render(p, s):
    text = _AGRI[p["i"]][0]
    text += f" {p['village']}" if p["village"] else f" ตำบล{p['tambon']}"
    if s.spec == "full" and p["i"] in (0, 2, 4, 5):
        text += f" เกษตรกร {p['farms']} ราย"
    return text


def _agri_cost(p, rng):
    return rng.uniform(*_AGRI[p["i"]][1])


VARIANTS: dict[str, Variant] = {
    v.key: v
    for v in (
        Variant("road", "road", "transport", 0.95, _road_params, _road_render, _road_cost, "line"),
        Variant("drainage", "drainage", "water", 0.95, _drain_params, _drain_render, _drain_cost, "line"),
        Variant("dredging", "dredging", "water", 0.85, _dredge_params, _dredge_render, _dredge_cost, "line"),
        Variant("weir", "weir", "water", 0.95, _weir_params, _weir_render, _weir_cost),
        Variant("water_supply", "water_supply", "water", 1.0, _water_params, _water_render, _water_cost),
        Variant("embankment", "embankment", "water", 0.9, _bank_params, _bank_render, _bank_cost, "line"),
        Variant("bridge", "bridge", "transport", 0.95, _bridge_params, _bridge_render, _bridge_cost),
        Variant("lighting", "lighting", "safety", 0.9, _light_params, _light_render, _light_cost, "line"),
        Variant("building", "building", "social", 0.9, _building_params, _building_render, _building_cost, "area"),
        Variant("health", "health", "health", 1.0, _health_params, _health_render, _health_cost, "area"),
        Variant("training", "training", "agriculture", 0.4, _training_params, _training_render, _training_cost),
        Variant("tourism", "tourism", "economy", 0.7, _tourism_params, _tourism_render, _tourism_cost, "area"),
        Variant("waste", "waste", "environment", 0.5, _waste_params, _waste_render, _waste_cost),
        Variant("cctv", "cctv", "safety", 0.6, _cctv_params, _cctv_render, _cctv_cost),
        Variant("agriculture", "agriculture", "agriculture", 0.7, _agri_params, _agri_render, _agri_cost),
    )
}


def agenda_of(variant: Variant, params: dict) -> str:
    """The agenda code of a work (some types depend on the item)."""
    if variant.key == "building":
        return _building_agenda(params)
    if variant.key == "training":
        return _TRAININGS[params["i"]][1]
    return variant.agenda


def render_title(variant: Variant, params: dict, place: Place, style: TitleStyle, *, suffix: str = "") -> str:
    """A full project title: [โครงการ] work [spec] [place] [suffix], in the writer's style."""
    text = variant.render(params, style)
    where = place_text(place, style.place)
    if style.place == "village" and place.village and place.village in text:
        where = place_text(place, "short")
    if where:
        if style.abbrev and style.place == "full":
            where = place_text(place, "abbr")
        text = f"{text} {where}"
    if suffix:
        text = f"{text} {suffix}"
    if style.prefix:
        text = "โครงการ" + text
    if style.abbrev:
        text = text.replace("หมู่ที่ ", "ม.")
    if style.thai_digits:
        text = arabic_to_thai_digits(text)
    return " ".join(text.split())


#: Which works each channel proposes, with weights.
CHANNEL_WORKS: dict[str, dict[str, float]] = {
    "community": {"road": 22, "drainage": 12, "lighting": 14, "water_supply": 10, "weir": 5, "training": 14,
                  "agriculture": 8, "cctv": 5, "building": 5, "waste": 5},
    "local": {"road": 28, "drainage": 14, "lighting": 8, "water_supply": 7, "building": 8, "dredging": 5,
              "bridge": 4, "cctv": 5, "waste": 6, "training": 8, "health": 2, "tourism": 2, "weir": 3},
    "province": {"road": 25, "dredging": 10, "water_supply": 5, "embankment": 5, "bridge": 4, "tourism": 12,
                 "agriculture": 12, "training": 10, "waste": 5, "cctv": 4, "health": 4, "building": 4},
    "cluster": {"tourism": 25, "agriculture": 20, "road": 20, "training": 15, "waste": 10, "embankment": 5,
                "cctv": 5},
    "function": {"road": 30, "dredging": 12, "weir": 8, "embankment": 10, "bridge": 8, "health": 8,
                 "building": 8, "water_supply": 8, "agriculture": 8},
    "other": {"training": 25, "building": 15, "water_supply": 10, "lighting": 15, "health": 10,
              "agriculture": 15, "waste": 10},
}
CHANNEL_SCALE = {"community": "small", "local": "small", "province": "mid", "cluster": "mid",
                 "function": "large", "other": "mid"}

# --------------------------------------------------------------------------- agencies
PROVINCIAL_AGENCIES: dict[str, tuple[str, ...]] = {
    "road": ("สำนักงานโยธาธิการและผังเมืองจังหวัดสงขลา", "แขวงทางหลวงชนบทสงขลา"),
    "drainage": ("สำนักงานโยธาธิการและผังเมืองจังหวัดสงขลา",),
    "dredging": ("โครงการชลประทานสงขลา", "สำนักงานโยธาธิการและผังเมืองจังหวัดสงขลา"),
    "weir": ("โครงการชลประทานสงขลา",),
    "water_supply": ("สำนักงานทรัพยากรน้ำบาดาล เขต 12", "สำนักงานโยธาธิการและผังเมืองจังหวัดสงขลา"),
    "embankment": ("สำนักงานโยธาธิการและผังเมืองจังหวัดสงขลา", "โครงการชลประทานสงขลา"),
    "bridge": ("แขวงทางหลวงชนบทสงขลา", "สำนักงานโยธาธิการและผังเมืองจังหวัดสงขลา"),
    "lighting": ("สำนักงานโยธาธิการและผังเมืองจังหวัดสงขลา", "สำนักงานพลังงานจังหวัดสงขลา"),
    "building": ("สำนักงานศึกษาธิการจังหวัดสงขลา", "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสงขลา"),
    "health": ("สำนักงานสาธารณสุขจังหวัดสงขลา",),
    "training": ("สำนักงานพัฒนาชุมชนจังหวัดสงขลา", "สำนักงานแรงงานจังหวัดสงขลา", "สำนักงานเกษตรจังหวัดสงขลา"),
    "tourism": ("สำนักงานการท่องเที่ยวและกีฬาจังหวัดสงขลา",),
    "waste": ("สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดสงขลา",),
    "cctv": ("ที่ทำการปกครองจังหวัดสงขลา", "ตำรวจภูธรจังหวัดสงขลา"),
    "agriculture": ("สำนักงานเกษตรจังหวัดสงขลา", "สำนักงานประมงจังหวัดสงขลา", "สำนักงานปศุสัตว์จังหวัดสงขลา"),
}
FUNCTION_AGENCIES: dict[str, tuple[str, ...]] = {
    "road": ("กรมทางหลวงชนบท (แขวงทางหลวงชนบทสงขลา)", "กรมทางหลวง (แขวงทางหลวงสงขลา)"),
    "dredging": ("กรมชลประทาน (โครงการชลประทานสงขลา)", "กรมทรัพยากรน้ำ (สำนักงานทรัพยากรน้ำที่ 8)"),
    "weir": ("กรมชลประทาน (โครงการชลประทานสงขลา)", "กรมทรัพยากรน้ำ (สำนักงานทรัพยากรน้ำที่ 8)"),
    "embankment": ("กรมโยธาธิการและผังเมือง", "กรมเจ้าท่า (สำนักงานเจ้าท่าภูมิภาคสาขาสงขลา)"),
    "bridge": ("กรมทางหลวงชนบท (แขวงทางหลวงชนบทสงขลา)",),
    "health": ("สำนักงานปลัดกระทรวงสาธารณสุข (สำนักงานสาธารณสุขจังหวัดสงขลา)",),
    "building": ("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสงขลา เขต 1", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสงขลา เขต 2",
                 "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสงขลา เขต 3"),
    "water_supply": ("กรมทรัพยากรน้ำบาดาล",),
    "agriculture": ("กรมส่งเสริมการเกษตร", "กรมพัฒนาที่ดิน (สถานีพัฒนาที่ดินสงขลา)", "กรมประมง"),
}
OTHER_AGENCIES: dict[str, tuple[str, ...]] = {
    "training": ("สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ (สสส.)", "มูลนิธิชุมชนสงขลา", "มหาวิทยาลัยสงขลานครินทร์"),
    "building": ("สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)", "มูลนิธิชุมชนสงขลา"),
    "water_supply": ("การประปาส่วนภูมิภาคสาขาหาดใหญ่", "การประปาส่วนภูมิภาคสาขาสงขลา"),
    "lighting": ("การไฟฟ้าส่วนภูมิภาคจังหวัดสงขลา",),
    "health": ("สำนักงานหลักประกันสุขภาพแห่งชาติ เขต 12 สงขลา (กองทุนหลักประกันสุขภาพระดับพื้นที่)",),
    "agriculture": ("กองทุนหมู่บ้านและชุมชนเมือง", "มหาวิทยาลัยสงขลานครินทร์", "ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร สาขาหาดใหญ่"),
    "waste": ("มูลนิธิชุมชนสงขลา", "สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ (สสส.)"),
}
#: Municipalities (เทศบาล) by tambon code; other tambons have an อบต. (schematic but plausible).
MUNICIPALITIES: dict[str, str] = {
    "901101": "เทศบาลนครหาดใหญ่",
    "900101": "เทศบาลนครสงขลา",
    "900102": "เทศบาลเมืองเขารูปช้าง",
    "901104": "เทศบาลเมืองคอหงส์",
    "901105": "เทศบาลเมืองคลองแห",
    "901116": "เทศบาลเมืองบ้านพรุ",
    "901001": "เทศบาลเมืองสะเดา",
    "901007": "เทศบาลเมืองปาดังเบซาร์",
}
PAO = ("องค์การบริหารส่วนจังหวัดสงขลา", "อบจ.สงขลา")


def local_agency(rng: np.random.Generator, tambon_code: str, tambon_th: str) -> str:
    """The local government that proposes a work in a tambon, written in a varied way."""
    if tambon_code in MUNICIPALITIES:
        return MUNICIPALITIES[tambon_code]
    if tambon_code.endswith("01"):
        return f"เทศบาลตำบล{tambon_th}" if rng.random() < 0.8 else f"ทต.{tambon_th}"
    return f"องค์การบริหารส่วนตำบล{tambon_th}" if rng.random() < 0.6 else f"อบต.{tambon_th}"


def community_agency(rng: np.random.Generator, village: str | None, village_no: int | None,
                     tambon_th: str, amphoe_th: str) -> str:
    """Who writes a village/community plan item."""
    r = rng.random()
    if village and r < 0.55:
        return f"คณะกรรมการหมู่บ้าน (กม.) {village} หมู่ที่ {village_no}"
    if village and r < 0.75:
        return f"ชุมชน{village}"
    return f"สำนักงานพัฒนาชุมชนอำเภอ{amphoe_th}"


def agency_for(rng: np.random.Generator, channel: str, work_type: str, *, agenda: str, tambon_code: str,
               tambon_th: str, amphoe_th: str, village: str | None, village_no: int | None) -> str:
    """A plausible responsible agency for a work proposed through a channel."""
    if work_type == "building" and channel in ("province", "cluster", "function"):
        if agenda == "education":
            return str(_pick(rng, FUNCTION_AGENCIES["building"] if channel == "function"
                             else ("สำนักงานศึกษาธิการจังหวัดสงขลา",)))
        return "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสงขลา"
    if channel == "local":
        if rng.random() < 0.12:
            return str(_pick(rng, PAO))
        return local_agency(rng, tambon_code, tambon_th)
    if channel == "community":
        return community_agency(rng, village, village_no, tambon_th, amphoe_th)
    if channel == "function":
        return str(_pick(rng, FUNCTION_AGENCIES.get(work_type, PROVINCIAL_AGENCIES[work_type])))
    if channel == "other":
        return str(_pick(rng, OTHER_AGENCIES.get(work_type, OTHER_AGENCIES["training"])))
    return str(_pick(rng, PROVINCIAL_AGENCIES[work_type]))
