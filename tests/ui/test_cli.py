"""The command line: exit codes 0/2/3, one-line bilingual errors, never a traceback for user error."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ui.cli import main


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ui.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_version():
    from areaplan import __version__

    r = run("--version")
    assert r.returncode == 0 and __version__ in r.stdout


def test_new_import_info_and_exit_codes(tmp_path, capsys):
    ws = tmp_path / "ws.gpkg"
    assert main(["new", str(ws), "--title", "ทดสอบ"]) == 0
    good = tmp_path / "good.csv"
    good.write_text("project_id,title,budget\nA,ถนน ต.คอหงส์ อ.หาดใหญ่ จ.สงขลา,100\n", encoding="utf-8")
    assert main(["import", str(ws), str(good)]) == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("project_id,title,budget\nB,ถนน,abc\nC,ฝาย,5\n", encoding="utf-8")
    assert main(["import", str(ws), str(bad)]) == 3
    out = capsys.readouterr().out
    assert "ปฏิเสธ 1" in out and "rejected 1" in out and 'แถว 2 คอลัมน์ "งบประมาณ"' in out
    assert main(["info", str(ws)]) == 0
    info = capsys.readouterr().out
    assert "ทดสอบ" in info and "projects" in info and "bad.csv" in info


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import", "{ws}", "{tmp}/missing.csv"], "missing.csv: ไม่พบไฟล์ (file not found)"),
        (["import", "{tmp}/nows.gpkg", "{tmp}/x.csv"], "ไม่พบไฟล์พื้นที่ทำงาน"),
        (["import", "{ws}", "{tmp}/nocol.csv"], 'ไม่มีคอลัมน์ที่ต้องมี "project_id"'),
        (["import", "{ws}", "{tmp}/x.docx"], "ไม่รู้จักชนิดไฟล์ .docx"),
        (["new", "{ws}"], "มีไฟล์นี้อยู่แล้ว"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(tmp_path, args, message):
    ws = tmp_path / "ws.gpkg"
    assert main(["new", str(ws)]) == 0
    (tmp_path / "nocol.csv").write_text("ชื่อ,งบ\nก,1\n", encoding="utf-8")
    (tmp_path / "x.docx").write_text("hello", encoding="utf-8")
    argv = [a.format(ws=ws, tmp=tmp_path) for a in args]
    r = run(*argv)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    assert message in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_demo_working_copy_leaves_the_shipped_demo_alone(tmp_path, monkeypatch):
    from areaplan.demo import working_copy

    monkeypatch.setenv("AREAPLAN_DATA_DIR", str(tmp_path))
    shipped = working_copy.BUNDLED_DEMO.read_bytes()
    path = working_copy.demo_working_copy()
    assert path.parent == tmp_path and path.read_bytes() == shipped
    from areaplan.workspace import Workspace

    with Workspace.open(path) as ws:
        ws.set_metadata(touched="yes")
    assert working_copy.demo_working_copy() == path, "an existing copy is kept"
    assert working_copy.BUNDLED_DEMO.read_bytes() == shipped
