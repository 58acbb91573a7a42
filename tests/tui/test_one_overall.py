"""After a reviewer's override, every view shows the same overall: history, the review
table, the CSV export and the team report (history once showed the scorer's own)."""

from __future__ import annotations

import csv

from textual.widgets import DataTable

from simulator.tui.review import ReviewScreen
from tests.reports.conftest import roleplay

SIZE = (160, 50)


async def test_history_ui_csv_and_team_report_agree_after_an_override(
    team_store, app_factory, tmp_path
):
    team_store.override_score("jo-1", "empathy", 95, "Warm voice on the recording.", "Dana")
    db = team_store.database.path

    shown = {row["id"]: row for row in roleplay("history", "--json", db=db).json()}
    overall = shown["jo-1"]["overall"]
    assert overall != team_store.get("jo-1").overall  # the override moved it

    out = tmp_path / "csv"
    assert roleplay("export", "--format", "csv", "-o", str(out), db=db).code == 0
    with (out / "sessions.csv").open(encoding="utf-8-sig", newline="") as handle:
        exported = {row["id"]: row for row in csv.DictReader(handle)}
    assert exported["jo-1"]["overall"] == str(overall)

    # from the day of jo-1 (the seeded sessions are a day apart): Jo's row is that session
    since = shown["jo-1"]["started_at"][:10]
    report = roleplay("report", "team", "--format", "md", "--since", since, db=db)
    assert report.code == 0, report.err
    # Jo's row in the table of agents (the table of how calls ended comes after it)
    row = next(line for line in report.out.splitlines() if line.startswith("| Jo | 1 |"))
    assert row.split("|")[3].strip() == str(overall)

    app = app_factory(team_store)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#scenarios").focus()  # off the empty name field
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        table = app.screen.query_one("#sessions", DataTable)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
    on_screen = {(row[0], str(row[3])) for row in rows}
    assert ("Jo", str(overall)) in on_screen
