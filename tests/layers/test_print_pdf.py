"""What a reader of the printed annex sees: embedded Sarabun, correct Thai text, pages and files as asked.

pdffonts/pdftotext (poppler-utils) are the independent tools that check the PDFs; tests that need them skip
with the reason when they are missing.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET

import pandas as pd
import pytest
from PySide6.QtGui import QImage

from layers.print import PrintTemplate, choose_areas, export_annex, write_table_report
from layers.print.report import ReportSection
from tests.layers.print_fixtures import DEMO_AMPHOE, PRINT_DATE, demo_source, pdf_pages, pdftotext, tool  # noqa: F401

TEMPLATE = PrintTemplate(date=PRINT_DATE)


def test_tambon_annex_pdf_has_sarabun_embedded_and_reads_in_thai(demo_source, tmp_path):
    out = tmp_path / "khohong.pdf"
    result = export_annex(demo_source, choose_areas(demo_source, codes=["901104"]), out, template=TEMPLATE)
    assert result.paths == [out] and out.is_file()
    fonts = subprocess.run([tool("pdffonts"), str(out)], capture_output=True, text=True, check=True).stdout
    sarabun = [line for line in fonts.splitlines() if "Sarabun" in line]
    assert sarabun, fonts
    assert all(line.split()[-5] == "yes" for line in sarabun), f"Sarabun not embedded:\n{fonts}"  # emb column
    text = pdftotext(out)
    assert "ภาคผนวกแผนที่ ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา" in text
    assert "พื้นที่เสี่ยงน้ำท่วม" in text  # tone mark + sara am, which Qt alone extracts as "นาท่วม"
    assert "จัดทำเมื่อ 22 พฤศจิกายน 2569" in text
    assert "คำอธิบายสัญลักษณ์" in text and "มาตราส่วน 1:" in text


def test_project_table_lists_the_tambon_projects_with_the_budget_total(demo_source, tmp_path):
    area = choose_areas(demo_source, codes=["901104"])[0]
    projects = demo_source.projects_in(area)
    assert len(projects) > 0
    out = tmp_path / "table.pdf"
    export_annex(demo_source, [area], out, template=TEMPLATE.with_changes(table="projects"))
    text = pdftotext(out)
    for project_id in projects["project_id"]:
        assert project_id in text
    total = f"{projects['budget'].sum():,.0f}"
    assert f"รวม {len(projects)} โครงการ" in text and total in text


def test_amphoe_atlas_has_one_page_per_amphoe_in_order(demo_source, tmp_path):
    out = tmp_path / "atlas.pdf"
    result = export_annex(demo_source, choose_areas(demo_source, atlas="amphoe"), out,
                          template=TEMPLATE.with_changes(table="none"))  # fmt: skip
    assert pdf_pages(out) == result.pages == 16
    for page, name in enumerate(DEMO_AMPHOE, start=1):
        first_line = pdftotext(out, page).strip().splitlines()[0]
        assert f"ภาคผนวกแผนที่ อำเภอ{name} จังหวัดสงขลา" in first_line, (page, first_line)
        assert f"หน้า {page}/16" in pdftotext(out, page)


def test_atlas_with_summary_tables_keeps_each_amphoe_page_set_together(demo_source, tmp_path):
    out = tmp_path / "atlas.pdf"
    result = export_annex(demo_source, choose_areas(demo_source, atlas="amphoe"), out, template=TEMPLATE)
    codes = result.page_areas
    assert [c for i, c in enumerate(codes) if i == 0 or codes[i - 1] != c] == sorted(set(codes))
    first_pages = [i + 1 for i, c in enumerate(codes) if i == 0 or codes[i - 1] != c]
    for page, name in zip(first_pages, DEMO_AMPHOE):
        assert f"อำเภอ{name}" in pdftotext(out, page).splitlines()[0]
    assert "สรุปโครงการรายตำบล" in pdftotext(out, first_pages[10])  # หาดใหญ่: its tambons with counts


def test_nested_report_goes_province_then_each_amphoe_then_its_tambons(demo_source):
    areas = choose_areas(demo_source, atlas="nested")
    levels = [a.level for a in areas]
    assert levels[0] == "changwat" and levels.count("amphoe") == 16 and levels.count("tambon") == 127
    for i, area in enumerate(areas):
        if area.level == "tambon":
            parent = next(a for a in reversed(areas[:i]) if a.level == "amphoe")
            assert area.code.startswith(parent.code)


def test_filter_sort_and_split_write_one_file_per_area(demo_source, tmp_path):
    areas = choose_areas(demo_source, atlas="tambon", codes=["9011"], filter="projects >= 12", sort="projects")
    assert areas and all(a.code.startswith("9011") and a.projects >= 12 for a in areas)
    assert [a.projects for a in areas] == sorted((a.projects for a in areas), reverse=True)  # most first
    fewest = choose_areas(demo_source, atlas="tambon", codes=["9011"], filter="projects >= 12", sort="-projects")
    assert [a.projects for a in fewest] == sorted(a.projects for a in areas)
    result = export_annex(demo_source, areas[:3], tmp_path / "annex.pdf", template=TEMPLATE, split=True)
    assert [p.name for p in result.paths] == [f"annex-{a.code}.pdf" for a in areas[:3]]
    for path, area in zip(result.paths, areas[:3]):
        assert f"ตำบล{area.name_th}" in pdftotext(path, 1)


def test_thai_digits_option_prints_official_numbers(demo_source, tmp_path):
    out = tmp_path / "official.pdf"
    export_annex(demo_source, choose_areas(demo_source, codes=["901104"]), out,
                 template=TEMPLATE.with_changes(thai_digits=True))  # fmt: skip
    text = pdftotext(out)
    assert "จัดทำเมื่อ ๒๒ พฤศจิกายน ๒๕๖๙" in text
    assert re.search("มาตราส่วน ๑:[๐-๙,]+", text)
    assert "หน้า ๑/" in text


def test_fixed_scale_is_printed_exactly(demo_source, tmp_path):
    out = tmp_path / "scale.pdf"
    export_annex(demo_source, choose_areas(demo_source, codes=["901104"]), out,
                 template=TEMPLATE.with_changes(map_scale=50_000, grid="utm"))  # fmt: skip
    text = pdftotext(out)
    assert "มาตราส่วน 1:50,000" in text
    assert re.search(r"\d{3},000E", text) and re.search(r"\d{3},000N", text)  # UTM grid labels


def test_png_pages_at_the_chosen_dpi(demo_source, tmp_path):
    result = export_annex(demo_source, choose_areas(demo_source, codes=["901104"]), tmp_path / "page.png",
                          template=TEMPLATE.with_changes(table="none"), dpi=100)  # fmt: skip
    assert [p.name for p in result.paths] == ["page.png"]
    image = QImage(str(result.paths[0]))
    assert (image.width(), image.height()) == (827, 1169)  # A4 at 100 dpi
    assert round(image.dotsPerMeterX() * 0.0254) == 100
    landscape = export_annex(demo_source, choose_areas(demo_source, atlas="amphoe", codes=["9011"])[:1],
                             tmp_path / "wide.png", template=TEMPLATE.with_changes(landscape=True, table="none"),
                             dpi=50)  # fmt: skip
    image = QImage(str(landscape.paths[0]))
    assert image.width() > image.height()


def test_svg_pages_are_vector_with_text_as_outlines(demo_source, tmp_path):
    result = export_annex(demo_source, choose_areas(demo_source, codes=["901104"]), tmp_path / "page.svg",
                          template=TEMPLATE, dpi=96)  # fmt: skip
    root = ET.parse(result.paths[0]).getroot()
    paths = root.findall(".//{http://www.w3.org/2000/svg}path")
    assert len(paths) > 100  # polygons, grid, glyph outlines: readable without Sarabun installed
    assert root.get("width", "").endswith("mm")


def test_cancelled_export_writes_nothing(demo_source, tmp_path):
    from areaplan.errors import Cancelled

    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 8

    with pytest.raises(Cancelled):
        export_annex(demo_source, choose_areas(demo_source, atlas="amphoe"), tmp_path / "atlas.pdf",
                     template=TEMPLATE, progress=lambda f, m: None, cancelled=cancelled)  # fmt: skip
    assert list(tmp_path.iterdir()) == []


def test_existing_output_is_kept_unless_overwrite(demo_source, tmp_path):
    from layers.print import PrintError

    out = tmp_path / "a.pdf"
    out.write_bytes(b"keep")
    with pytest.raises(PrintError, match="--overwrite"):
        export_annex(demo_source, choose_areas(demo_source, codes=["901104"]), out, template=TEMPLATE,
                     overwrite=False)  # fmt: skip
    assert out.read_bytes() == b"keep"


def test_unknown_format_and_empty_choice_are_refused(demo_source, tmp_path):
    from areaplan.atlas_areas import AtlasError
    from layers.print import PrintError

    with pytest.raises(PrintError, match="output format must be one of pdf, png, svg"):
        export_annex(demo_source, choose_areas(demo_source, codes=["901104"]), tmp_path / "a.docx")
    with pytest.raises(AtlasError, match="no area matches"):
        export_annex(demo_source, [], tmp_path / "a.pdf")


def test_table_report_for_other_features(qapp, tmp_path):
    groups = pd.DataFrame({"group_id": [1, 2], "channels": ["งบพัฒนาจังหวัด, แผนพัฒนาท้องถิ่น", "งบกระทรวง กรม"],
                           "total_budget": [2_500_000.0, 1_000_000.0], "decision": ["ซ้ำ ตัดออก", "ไม่ซ้ำ"]})  # fmt: skip
    members = pd.DataFrame({"project_id": [f"P-{i:03d}" for i in range(120)], "title": ["ขุดลอกคลองอู่ตะเภา"] * 120,
                            "budget": [10_000.0] * 120})  # fmt: skip
    out = write_table_report(
        tmp_path / "committee.pdf", "รายงานโครงการซ้ำซ้อน", [
            ReportSection("กลุ่มโครงการที่อาจซ้ำซ้อน", groups,
                          columns={"group_id": "กลุ่ม", "channels": "ช่องทาง", "total_budget": "งบประมาณรวม (บาท)",
                                   "decision": "ผลการพิจารณา"},
                          totals={"channels": "รวม", "total_budget": "sum"}, formats={"total_budget": "baht"}),
            ReportSection("สมาชิกแต่ละกลุ่ม", members, totals={"title": "รวม", "budget": "sum"},
                          formats={"budget": "baht"}),
        ], ["การวิเคราะห์ (analysis): duplicates", "เกณฑ์คะแนน 0.75"], subtitle="เสนอคณะกรรมการ",
        today=pd.Timestamp(PRINT_DATE).date(),
    )  # fmt: skip
    pages = pdf_pages(out)
    assert pages >= 3  # 120 member rows do not fit on one page: the table continues with its header row
    text = pdftotext(out)
    assert "รายงานโครงการซ้ำซ้อน" in text and "ซ้ำ ตัดออก" in text and "3,500,000" in text
    assert "สมาชิกแต่ละกลุ่ม (ต่อ)" in text and "1,200,000" in text
    assert "เกณฑ์คะแนน 0.75" in pdftotext(out, pages)
    assert f"หน้า {pages}/{pages}" in pdftotext(out, pages)
    assert "จัดทำเมื่อ 22 พฤศจิกายน 2569" in text


def test_report_refuses_unknown_columns(qapp, tmp_path):
    from layers.print import PrintError

    with pytest.raises(PrintError, match="has no column budget"):
        write_table_report(tmp_path / "r.pdf", "x", [ReportSection("s", pd.DataFrame({"a": [1]}), columns={"budget": "b"})])


def test_print_package_never_imports_widgets():
    from tests.layers.test_no_widgets import LAYERS, imported_modules, is_forbidden

    for path in sorted((LAYERS / "print").glob("*.py")):
        assert not [m for m in imported_modules(path) if is_forbidden(m)], path.name


def test_logo_is_printed_in_the_header(demo_source, tmp_path):
    from PySide6.QtGui import QColor

    logo = QImage(64, 64, QImage.Format.Format_RGB32)
    logo.fill(QColor("#d62728"))
    logo_path = tmp_path / "logo.png"
    logo.save(str(logo_path))
    result = export_annex(demo_source, choose_areas(demo_source, codes=["901104"]), tmp_path / "page.png",
                          template=TEMPLATE.with_changes(logo=str(logo_path), table="none"), dpi=100)  # fmt: skip
    page = QImage(str(result.paths[0]))
    # the header starts at the 12 mm margin; the logo fills its height on the left
    x, y = round(14 / 25.4 * 100), round(19 / 25.4 * 100)
    assert QColor(page.pixel(x, y)).name() == "#d62728"
    from layers.print import PrintError

    with pytest.raises(PrintError, match="cannot read the logo image"):
        export_annex(demo_source, choose_areas(demo_source, codes=["901104"]), tmp_path / "bad.png",
                     template=TEMPLATE.with_changes(logo=str(tmp_path / "missing.png")), dpi=50)  # fmt: skip
    assert not (tmp_path / "bad.png").exists()


def test_template_layers_choose_what_the_map_and_legend_show(demo_source, tmp_path):
    assert not demo_source.layers["muban"].visible  # hidden in the app by default
    out = tmp_path / "layers.pdf"
    template = TEMPLATE.with_changes(layers=("tambon", "amphoe", "muban"), table="none")
    export_annex(demo_source, choose_areas(demo_source, codes=["901104"]), out, template=template)
    legend = pdftotext(out).split("คำอธิบายสัญลักษณ์")[1]
    assert "หมู่บ้าน" in legend and "งบพัฒนาจังหวัด" not in legend and "ความลึกน้ำท่วม" not in legend
    assert not demo_source.layers["muban"].visible  # the source's layers are left as they were


def test_map_labels_are_searchable_text_once_and_pages_stay_small(demo_source, tmp_path):
    map_only = PrintTemplate(date=PRINT_DATE, table="none")
    out = tmp_path / "khohong.pdf"
    export_annex(demo_source, choose_areas(demo_source, codes=["901104"]), out, template=map_only)
    text = pdftotext(out)
    assert text.count("คลองแห") == 1 and text.count("น้ำน้อย") == 1  # neighbours' map labels: once, not garbled
    atlas = tmp_path / "amphoe.pdf"
    result = export_annex(demo_source, choose_areas(demo_source, atlas="amphoe"), atlas, template=map_only)
    assert atlas.stat().st_size / result.pages <= 300 * 1024  # issue 7: vector map pages ≤ 300 KB
