"""The duplicate review dock on a copy of the demo workspace (the shipped file is never opened)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


@pytest.fixture
def review_window(demo_main_window):
    """The real main window on a copy of the demo (decisions kept on close without asking)."""
    demo_main_window.canvas.settle()
    return demo_main_window


def run_through_dock(qtbot, window) -> None:
    """Trigger the Tools action (opens the dock and starts the analysis) and wait for the groups."""
    review = window.duplicate_review
    before = review.result
    window.action_duplicate_review.trigger() if review.result is None else review.run_analysis()
    qtbot.waitUntil(lambda: review.runner is None and review.result is not before, timeout=60_000)
    assert review.last_error is None


def test_action_in_tools_menu_opens_dock(review_window, qtbot) -> None:
    window = review_window
    assert window.action_duplicate_review in window.menu_tools.actions()
    assert window.action_duplicate_review.text() == "ตรวจโครงการซ้ำซ้อน…"
    assert window.duplicate_dock.windowTitle() == "โครงการซ้ำซ้อน"
    run_through_dock(qtbot, window)
    assert window.duplicate_dock.isVisible()


def test_analysis_lists_groups_sorted(review_window, qtbot) -> None:
    window = review_window
    review = window.duplicate_review
    run_through_dock(qtbot, window)
    groups = review.visible_groups()
    assert len(groups) >= 30  # ~39 planted groups in the demo
    assert review.review_label.text() == f"ตรวจแล้ว 0 จาก {len(review.result.groups)} กลุ่ม"
    assert review.progress_bar.value() == 1000
    # sorted by budget at stake: the first listed group has the largest budget at stake
    review.sort_combo.setCurrentIndex(review.sort_combo.findData("budget"))
    at_stake = review.result.groups.set_index("group_id")["budget_at_stake"]
    first = review.visible_groups()[0]
    assert at_stake[first] == at_stake.max()
    # the unreviewed filter keeps them all, the decided filter none yet
    review.status_filter.setCurrentIndex(review.status_filter.findData("decided"))
    assert review.visible_groups() == []
    review.status_filter.setCurrentIndex(0)
    # an amphoe filter narrows the list to groups with a member there
    assert review.amphoe_filter.count() > 1
    review.amphoe_filter.setCurrentIndex(1)
    code = review.amphoe_filter.currentData()
    shown = review.visible_groups()
    assert 0 < len(shown) <= len(groups)
    for gid in shown:
        assert code in set(review._member_records(gid)["amphoe_code"].astype(str))


def test_choosing_a_group_selects_members_and_moves_the_map(review_window, qtbot) -> None:
    window = review_window
    review = window.duplicate_review
    run_through_dock(qtbot, window)
    before = window.canvas.extent()
    gid = review.visible_groups()[0]
    review.select_group(gid)
    members = review._member_records(gid)
    assert window.selection.get("projects") == frozenset(int(f) for f in members["fid"])
    assert len(window.selection.get("projects")) >= 2
    assert window.canvas.extent() != before
    # the pair is shown side by side with the reasons
    pair = review.pairs.loc[review.current_pair]
    assert review.compare_table.item(0, 0).text() == pair["title_a"]
    assert review.compare_table.item(0, 1).text() == pair["title_b"]
    assert "(" in review.reasons_label.text() and pair["reasons_en"] in review.reasons_label.text()
    differing = [r for r in range(review.compare_table.rowCount())
                 if review.compare_table.item(r, 0).text() != review.compare_table.item(r, 1).text()]
    assert differing  # titles differ at least
    for r in differing:
        assert review.compare_table.item(r, 0).background().color().name() == "#ffe08a"


def test_not_duplicate_key_records_and_is_respected_on_rerun(review_window, qtbot) -> None:
    from areaplan.workspace import Workspace

    window = review_window
    review = window.duplicate_review
    run_through_dock(qtbot, window)
    # a group with a single pair: deciding it decides the group
    sizes = review.pairs.groupby("group_id").size()
    gid = next(g for g in review.visible_groups() if sizes[g] == 1)
    review.select_group(gid)
    pair = review.pairs.loc[review.current_pair]
    a, b = pair["project_id_a"], pair["project_id_b"]
    total = len(review.result.groups)
    review.note_edit.setText("คนละสาย")
    review.compare_table.setFocus()
    qtbot.keyClick(review.compare_table, Qt.Key.Key_N)
    assert review.review_label.text() == f"ตรวจแล้ว 1 จาก {total} กลุ่ม"
    assert review.current_group != gid  # advanced to the next group to review

    with Workspace.open(window.workspace.path) as ws:
        decisions = ws.read_table("duplicate_decisions")
    assert len(decisions) == 1
    row = decisions.iloc[0]
    assert row["decision"] == "not_duplicate"
    assert {row["project_id_a"], row["project_id_b"]} == {a, b}
    assert row["note"] == "คนละสาย"

    run_through_dock(qtbot, window)
    listed = {frozenset(p) for p in review.result.pairs[["project_id_a", "project_id_b"]].itertuples(index=False)}
    assert frozenset((a, b)) not in listed
    assert review.result.suppressed == 1
    assert "ซ่อน 1 คู่" in review.status_label.text()


def test_duplicate_with_keep_via_buttons(review_window, qtbot) -> None:
    from areaplan.workspace import Workspace

    window = review_window
    review = window.duplicate_review
    run_through_dock(qtbot, window)
    gid = review.visible_groups()[0]
    review.select_group(gid)
    pair = review.pairs.loc[review.current_pair]
    review.handle_key(Qt.Key.Key_B)
    qtbot.mouseClick(review.decision_buttons["duplicate"], Qt.MouseButton.LeftButton)
    with Workspace.open(window.workspace.path) as ws:
        decisions = ws.read_table("duplicate_decisions")
    assert decisions.iloc[-1]["decision"] == "duplicate"
    assert decisions.iloc[-1]["keep"] == pair["project_id_b"]
    # a duplicate stays listed on rerun, with its decision
    run_through_dock(qtbot, window)
    again = review.result.pairs
    hit = again[(again["project_id_a"] == pair["project_id_a"]) & (again["project_id_b"] == pair["project_id_b"])]
    assert list(hit["decision"]) == ["duplicate"]
    assert review.review_counts()[0] >= (1 if len(review._group_pairs(int(hit["group_id"].iloc[0]))) == 1 else 0)


def test_cancel_stops_the_analysis(review_window, qtbot) -> None:
    window = review_window
    review = window.duplicate_review
    runner = review.run_analysis()
    assert runner is not None
    review.cancel()
    qtbot.waitUntil(lambda: review.runner is None, timeout=60_000)
    # either it was quick enough to finish, or it was cancelled and said so
    if review.last_error is not None:
        assert review.status_label.text() == "ยกเลิกการวิเคราะห์แล้ว"
        assert review.result is None
    assert review.run_button.isEnabled()


def test_a_decision_can_be_withdrawn_and_redone(review_window, qtbot) -> None:
    from areaplan.workspace import Workspace

    window = review_window
    review = window.duplicate_review
    run_through_dock(qtbot, window)
    sizes = review.pairs.groupby("group_id").size()
    gid = next(g for g in review.visible_groups() if sizes[g] == 1)
    review.select_group(gid)
    index = review.current_pair
    assert not review.undo_button.isEnabled()
    review.decide("duplicate")
    assert review.pairs.at[index, "decision"] == "duplicate"
    assert review.undo_button.isEnabled()

    def stored() -> list[str]:
        with Workspace.open(window.workspace.path) as ws:
            return list(ws.read_table("duplicate_decisions")["decision"])

    assert stored() == ["duplicate"]
    qtbot.mouseClick(review.undo_button, Qt.MouseButton.LeftButton)  # withdraw: the file no longer holds it
    assert stored() == []
    assert review.pairs.at[index, "decision"] == ""
    assert review.current_pair == index and review.group_status(gid) == "unreviewed"
    assert review.review_label.text().startswith("ตรวจแล้ว 0 จาก")
    window.undo_stack.redo()  # Ctrl+Shift+Z records it again
    assert stored() == ["duplicate"]
    assert review.group_status(gid) == "decided"


def test_members_known_only_by_address_show_their_tambon(demo_main_window, qtbot, tmp_path) -> None:
    from areaplan.importers.pipeline import import_file
    from areaplan.workspace import Workspace
    from tests.areaplan.fixtures import KHO_HONG, fill

    csv = tmp_path / "projects.csv"
    csv.write_text(
        "project_id,title,channel,fiscal_year,budget,tambon,amphoe,changwat\n"
        "P1,ก่อสร้างถนน คสล. สายบ้านคลองหวะ-บ้านควนลัง,province,2568,500000,คอหงส์,หาดใหญ่,สงขลา\n"
        "L1,โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านคลองหวะ - บ้านควนลัง,local,2568,480000,คอหงส์,หาดใหญ่,สงขลา\n",
        encoding="utf-8")
    path = tmp_path / "address_only.gpkg"
    with Workspace.create(path) as ws:
        fill(ws)
        import_file(ws, csv, "projects")
    window = demo_main_window
    window.open_workspace(path)
    window.canvas.settle()
    window.canvas.zoom_to_bounds(100.0, 6.0, 101.5, 8.0)
    review = window.duplicate_review
    run_through_dock(qtbot, window)
    assert len(review.result.groups) == 1
    gid = review.visible_groups()[0]
    assert set(review._member_records(gid)["location_precision"]) == {"tambon"}  # placed by address only
    review.select_group(gid)
    minx, miny, maxx, maxy = (window.canvas.to_map_crs(KHO_HONG) if hasattr(window.canvas, "to_map_crs")
                              else _to_canvas(window, KHO_HONG)).bounds
    ex = window.canvas.extent()
    assert ex[0] <= minx and ex[1] <= miny and ex[2] >= maxx and ex[3] >= maxy
    assert (ex[2] - ex[0]) < 3 * (maxx - minx)  # zoomed to the tambon, not left at the province


def _to_canvas(window, geom):
    import geopandas as gpd

    return gpd.GeoSeries([geom], crs="EPSG:4326").to_crs(window.canvas.crs).iloc[0]
