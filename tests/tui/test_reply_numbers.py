"""The terminal UI's scorecard numbers the agent's replies 1, 2, 3 — in the findings
table, the finding shown in full, the pace figures and a comment's dialog — and says
"whole call" for what is about no one reply; for a call spoken with no word recognised,
it says what was not judged."""

from __future__ import annotations

from textual.widgets import DataTable, Label, Markdown, Static

from simulator.tui.comment_dialog import CommentDialog
from simulator.tui.scorecard import ScorecardScreen
from tests.reports.test_reply_numbers import three_replies

SIZE = (130, 40)


def _column(table: DataTable, index: int = 0) -> list[str]:
    return [str(table.get_row_at(row)[index]) for row in range(table.row_count)]


async def test_the_findings_table_numbers_the_replies_1_2_3(store, app_factory):
    store.put(three_replies())
    app = app_factory(store)
    async with app.run_test(size=SIZE) as pilot:
        app.open_scorecard("three-replies")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)
        table = app.screen.query_one("#findings", DataTable)
        assert str(table.ordered_columns[0].label) == "Reply"
        assert _column(table) == ["1", "2", "3", "whole call"]
        # the finding in full names its reply, or the whole call
        box = app.screen.query_one("#finding", Markdown)
        assert "Avoided phrases — Reply 1" in box.source
        table.move_cursor(row=3)
        await pilot.pause()
        assert "Empathy — Whole call" in box.source
        # each pace figure after its reply's number
        pace = str(app.screen.query_one("#pace-values", Static).render())
        assert pace.startswith("1: 150 · 2: 160 · 3: 190 wpm")


async def test_a_comment_is_asked_for_on_the_reply_or_the_whole_call(store, app_factory):
    store.put(three_replies())
    store.remember("reviewer", "Dana")
    app = app_factory(store, locale="fr")
    async with app.run_test(size=SIZE) as pilot:
        app.open_scorecard("three-replies")
        await pilot.pause()
        table = app.screen.query_one("#findings", DataTable)
        assert _column(table)[-1] == "tout l'appel"
        for row, asked in (
            (2, "Commentaire sur la réponse 3"),
            (3, "Commentaire sur tout l'appel"),
        ):
            table.move_cursor(row=row)
            await pilot.press("c")
            await pilot.pause()
            assert isinstance(app.screen, CommentDialog)
            assert asked in [str(label.render()) for label in app.screen.query(Label)]
            await pilot.press("escape")
            await pilot.pause()


async def test_a_call_without_recognised_words_says_what_was_not_judged(store, app_factory):
    from tests.reports.test_words_unheard_documents import unheard

    store.put(unheard())
    app = app_factory(store)
    async with app.run_test(size=SIZE) as pilot:
        app.open_scorecard("three-replies")
        await pilot.pause()
        scores = str(app.screen.query_one("#scores", Static).render())
        assert "(resolved — outcome not judged)" in scores
        objectives = str(app.screen.query_one("#objectives-page", Static).render())
        assert "Outcome and objectives not judged: no words were recognised" in objectives
