"""`areaplan annex`: headless printing from the command line, its options and its one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.layers.print_fixtures import DEMO_AMPHOE, PRINT_DATE, demo_copy, pdf_pages, pdftotext
from ui.cli import main


@pytest.fixture
def demo(tmp_path, qapp):
    return demo_copy(tmp_path)


def test_tambon_annex_by_name(demo, tmp_path, capsys):
    out = tmp_path / "khohong.pdf"
    assert main(["annex", str(demo), "--area", "คอหงส์", "--date", PRINT_DATE, "--out", str(out)]) == 0
    assert "printed 1 areas" in capsys.readouterr().out
    text = pdftotext(out)
    assert "ภาคผนวกแผนที่ ตำบลคอหงส์ อำเภอหาดใหญ่ จังหวัดสงขลา" in text
    assert "จัดทำเมื่อ 22 พฤศจิกายน 2569" in text


def test_amphoe_atlas_one_page_each_in_order(demo, tmp_path):
    out = tmp_path / "atlas.pdf"
    code = main(["annex", str(demo), "--atlas", "amphoe", "--template", "map-only", "--date", PRINT_DATE,
                 "--out", str(out)])  # fmt: skip
    assert code == 0 and pdf_pages(out) == 16
    for page, name in enumerate(DEMO_AMPHOE, start=1):
        assert f"อำเภอ{name}" in pdftotext(out, page).splitlines()[0]


def test_split_png_a3_landscape_with_options(demo, tmp_path):
    out = tmp_path / "hatyai.png"
    code = main(["annex", str(demo), "--atlas", "tambon", "--area", "9011", "--filter", "projects >= 15",
                 "--sort=-budget", "--page", "A3", "--landscape", "--table", "none", "--dpi", "30", "--split",
                 "--out", str(out)])  # fmt: skip
    assert code == 0
    files = sorted(tmp_path.glob("hatyai-9011*.png"))
    assert files and all(f.stat().st_size > 0 for f in files)
    from PySide6.QtGui import QImage

    image = QImage(str(files[0]))
    assert (image.width(), image.height()) == (496, 351)  # A3 landscape at 30 dpi


def test_saved_template_is_reused(demo, tmp_path):
    first = tmp_path / "a.pdf"
    assert main(["annex", str(demo), "--area", "901104", "--thai-digits", "--title", "แผนที่แนบท้าย {area}",
                 "--save-template", "ทางการ", "--date", PRINT_DATE, "--out", str(first)]) == 0  # fmt: skip
    second = tmp_path / "b.pdf"
    assert main(["annex", str(demo), "--area", "901101", "--template", "ทางการ", "--date", PRINT_DATE,
                 "--out", str(second)]) == 0  # fmt: skip
    text = pdftotext(second)
    assert "แผนที่แนบท้าย ตำบลหาดใหญ่" in text and "จัดทำเมื่อ ๒๒ พฤศจิกายน ๒๕๖๙" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--template", "ไม่มี"], "no template 'ไม่มี'"),
        (["--area", "หาดใหญ่"], "matches several areas"),
        (["--atlas", "tambon", "--filter", "nosuch > 1"], "cannot use the area filter"),
        (["--logo", "/no/such/logo.png"], "logo file not found"),
        (["--format", "png", "--out", "/no/such/folder/x.png"], "destination folder does not exist"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(demo, tmp_path, capsys, args, message):
    argv = ["annex", str(demo), *args]
    if "--out" not in args:
        argv += ["--out", str(tmp_path / "x.pdf")]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_existing_output_needs_overwrite(demo, tmp_path, capsys):
    out = tmp_path / "a.pdf"
    out.write_bytes(b"old")
    assert main(["annex", str(demo), "--area", "901104", "--out", str(out)]) == 2
    assert "--overwrite" in capsys.readouterr().err and out.read_bytes() == b"old"
    assert main(["annex", str(demo), "--area", "901104", "--overwrite", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_runs_headless_without_a_display(demo, tmp_path):
    """A server without X: no DISPLAY and no QT_QPA_PLATFORM; the command picks the offscreen platform."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "headless.pdf"
    proc = subprocess.run([sys.executable, "-m", "ui.cli", "annex", str(demo), "--area", "901104", "--out", str(out)],
                          capture_output=True, text=True, env=env, timeout=120)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "ตำบลคอหงส์" in pdftotext(out)
