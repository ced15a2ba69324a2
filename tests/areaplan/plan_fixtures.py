"""A small hand-made case for the plan ↔ area rules: real Songkhla/Satun codes, a few plans and projects.

Areas: changwat 90 สงขลา, 91 สตูล; amphoe 9011 หาดใหญ่, 9001 เมืองสงขลา, 9101 เมืองสตูล; tambons 901104 คอหงส์,
901105 คลองแห, 900101 บ่อยาง, 910101 พิมาน; village 90110403 บ้านควน.
"""

from __future__ import annotations

import pandas as pd

from areaplan.analyses.plan_links import PlanIndex

AREAS = [
    ("90", "สงขลา", "Songkhla", None, "changwat"),
    ("91", "สตูล", "Satun", None, "changwat"),
    ("9011", "หาดใหญ่", "Hat Yai", "90", "amphoe"),
    ("9001", "เมืองสงขลา", "Mueang Songkhla", "90", "amphoe"),
    ("9101", "เมืองสตูล", "Mueang Satun", "91", "amphoe"),
    ("901104", "คอหงส์", "Kho Hong", "9011", "tambon"),
    ("901105", "คลองแห", "Khlong Hae", "9011", "tambon"),
    ("900101", "บ่อยาง", "Bo Yang", "9001", "tambon"),
    ("910101", "พิมาน", "Phiman", "9101", "tambon"),
    ("90110403", "บ้านควน", "Ban Khuan", "901104", "muban"),
]

PLANS = [
    # plan_id, name, level, kind, agenda, owner, start, end, coverage, parent
    ("NAT", "ยุทธศาสตร์ชาติ", "national", "area", None, "สศช.", 2561, 2580, None, None),
    ("CL", "แผนกลุ่มจังหวัด", "cluster", "area", None, "กลุ่มจังหวัดภาคใต้ชายแดน (สำนักงานจังหวัดสงขลา)", 2566, 2570,
     None, "NAT"),
    ("PV", "แผนพัฒนาจังหวัดสงขลา", "province", "area", None, "จังหวัดสงขลา", 2566, 2570, None, "CL"),
    ("PV-2568", "แผนปฏิบัติราชการ 2568", "province", "area", None, "สำนักงานจังหวัด", 2568, 2568, None, "PV"),
    ("PV-EDU", "แผนการศึกษาจังหวัด", "province", "agenda", "education", "ศึกษาธิการจังหวัดสงขลา", 2566, 2570, None,
     "PV"),
    ("DI", "แผนพัฒนาอำเภอหาดใหญ่", "district", "area", None, "ที่ทำการปกครองอำเภอหาดใหญ่", 2566, 2570, "9011", "PV"),
    ("VL", "แผนชุมชนบ้านควน", "village", "area", None, "คณะกรรมการหมู่บ้าน", 2567, 2569, "90110403", "DI"),
    ("LC", "แผนพัฒนาท้องถิ่น อบต.คลองแห", "local", "area", None, "อบต.คลองแห", 2566, 2570, None, "PV"),
    ("LC2", "แผนพัฒนาท้องถิ่นที่ไม่มีแผนแม่", "local", "area", None, "อบต.คลองแห", 2566, 2570, None, None),
    ("AG-W", "แผนงานชลประทานจังหวัดสตูล", "national", "agenda", "water", "กรมชลประทาน", 2566, 2570, "9101", "NAT"),
    ("BADCOV", "แผนรหัสพื้นที่ผิด", "tambon", "area", None, "ไม่ระบุ", 2566, 2570, "999999", None),
    ("X", "แผนวน X", "tambon", "area", None, "", 2566, 2570, "901104", "Y"),
    ("Y", "แผนวน Y", "tambon", "area", None, "", 2566, 2570, "901104", "X"),
    ("Z", "แผนแม่หาย", "tambon", "area", None, "", 2566, 2570, "901104", "NOPE"),
]

PROJECTS = [
    # project_id, title, channel, fiscal_year, budget, agenda, village_no, tambon, amphoe, changwat, plans
    ("P1", "ขุดลอกคลอง", "function", 2568, 1_000_000, "water", 2, "901105", "9011", "90", ["AG-W"]),
    ("P2", "ถนนคอนกรีต", "province", 2568, 500_000, "transport", None, "901104", "9011", "90", ["DI"]),
    ("P3", "ประปาหมู่บ้าน", "local", 2571, 200_000, "water", None, "901105", "9011", "90", ["LC", "PV-2568"]),
    ("P4", "ลานกีฬาชุมชน", "community", 2568, 50_000, "social", None, "901104", "9011", "90", []),
    ("P5", "ซ่อมถนนสายอำเภอ", "function", 2568, 300_000, "transport", None, None, "9011", "90", ["DI"]),
    ("P6", "อบรมอาชีพ", "province", 2568, 80_000, "economy", None, None, None, None, ["PV-2568"]),
    ("P7", "ท่อระบายน้ำ", "local", 2568, 120_000, None, None, "901105", "9011", "90", ["LC2", "GHOST"]),
]


def frames() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(areas, plans, projects, project_plans, plan_areas) of the hand-made case."""
    areas = pd.DataFrame(AREAS, columns=["code", "name_th", "name_en", "parent_code", "level"])
    plans = pd.DataFrame(PLANS, columns=["plan_id", "name", "level", "kind", "agenda", "owner", "period_start",
                                         "period_end", "coverage", "parent_id"])
    known = set(areas["code"])
    plan_areas = pd.DataFrame([(p[0], c) for p in PLANS if p[8] for c in p[8].split(";") if c in known],
                              columns=["plan_id", "area_code"])
    projects = pd.DataFrame([{
        "fid": i + 1, "source": "test.csv", "project_id": p[0], "title": p[1], "channel": p[2], "agency": "",
        "fiscal_year": p[3], "budget": float(p[4]), "agenda": p[5], "status": "proposed", "village_no": p[6],
        "tambon_code": p[7], "amphoe_code": p[8], "changwat_code": p[9],
        "location_precision": "village" if p[6] else ("tambon" if p[7] else ("amphoe" if p[8] else "unlocated")),
    } for i, p in enumerate(PROJECTS)])
    links = pd.DataFrame([(p[0], plan, "test.csv", "import") for p in PROJECTS for plan in p[10]],
                         columns=["project_id", "plan_id", "source", "how"])
    return areas, plans, projects, links, plan_areas


def index() -> PlanIndex:
    """The PlanIndex of the hand-made case."""
    return PlanIndex(*frames())
