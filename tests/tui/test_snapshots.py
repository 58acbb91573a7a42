"""Every screen as the trainee or the lead sees it (pytest-textual-snapshot).

Update the pictures after a deliberate change with ``pytest tests/tui --snapshot-update``.
"""

from simulator.authoring.settings import Settings
from simulator.authoring.workspace import Workspace
from tests.tui.conftest import LIBRARY, make_app, seed_team

SIZE = (130, 40)
SMALL = (80, 24)


def _app(tmp_path, store, locale="en"):
    # the customer's wording is drawn the same way every run
    workspace = Workspace(Settings(seed=0))
    return make_app(store, LIBRARY, workspace, audio_root=tmp_path / "audio", locale=locale)


def test_home(snap_compare, tmp_path, store):
    assert snap_compare(_app(tmp_path, store), terminal_size=SIZE)


def test_home_in_french_filtered(snap_compare, tmp_path, store):
    async def choose(pilot):
        await pilot.pause()
        pilot.app.screen.query_one("#f-locale").value = "fr"
        await pilot.pause()

    assert snap_compare(_app(tmp_path, store, "fr"), run_before=choose, terminal_size=SIZE)


async def _practise(pilot, replies=("Je sais pas.",)):
    from textual.widgets import DataTable

    await pilot.pause()
    pilot.app.agent_name = "Alex"
    table = pilot.app.screen.query_one("#scenarios", DataTable)
    table.move_cursor(row=table.get_row_index("fr-facture-contestee"))
    pilot.app.screen.action_start()
    await pilot.pause()
    pilot.app.screen.query_one("#reply").cursor_blink = False  # the same picture every run
    for reply in replies:
        await pilot.press(*reply)
        await pilot.press("enter")
        await pilot.pause(0.3)


def test_practice(snap_compare, tmp_path, store):
    assert snap_compare(_app(tmp_path, store), run_before=_practise, terminal_size=SIZE)


def test_scorecard(snap_compare, tmp_path, store):
    seed_team(store)

    async def open_card(pilot):
        await pilot.pause()
        pilot.app.open_scorecard("sam-1")
        await pilot.pause()

    assert snap_compare(_app(tmp_path, store), run_before=open_card, terminal_size=SIZE)


def test_scorecard_with_review(snap_compare, tmp_path, store):
    seed_team(store)
    store.add_comment("sam-1", 1, "Reformulez d'abord.", "Lead")
    store.override_score("sam-1", "empathy", 30, "Le ton était calme", "Lead")
    for session in list(store.details(store.history())):  # fixed times for a stable picture
        for comment in session.comments:
            comment.at = "2026-11-20T10:00:00+00:00"
        for override in session.overrides.values():
            override.at = "2026-11-20T10:00:00+00:00"
        store.replace(session)

    async def open_card(pilot):
        await pilot.pause()
        pilot.app.open_scorecard("sam-1")
        await pilot.pause()

    assert snap_compare(_app(tmp_path, store), run_before=open_card, terminal_size=SIZE)


def _review(tab: str | None = None):
    async def run(pilot):
        await pilot.pause()
        pilot.app.open_review()
        await pilot.pause()
        if tab:
            await pilot.press(tab)
            await pilot.pause()

    return run


def test_review_sessions(snap_compare, tmp_path, team_store):
    assert snap_compare(_app(tmp_path, team_store), run_before=_review(), terminal_size=SIZE)


def test_review_trends(snap_compare, tmp_path, team_store):
    assert snap_compare(_app(tmp_path, team_store), run_before=_review("2"), terminal_size=SIZE)


def test_review_phrases(snap_compare, tmp_path, team_store):
    assert snap_compare(_app(tmp_path, team_store), run_before=_review("3"), terminal_size=SIZE)


def test_help(snap_compare, tmp_path, store):
    store.remember("agent", "Alex")  # with a name, the list has the focus and ? is a key
    assert snap_compare(_app(tmp_path, store), press=["question_mark"], terminal_size=SIZE)


def test_comment_dialog(snap_compare, tmp_path, team_store):
    team_store.remember("reviewer", "Dana")

    async def run(pilot):
        await pilot.pause()
        pilot.app.open_scorecard("sam-1")
        await pilot.pause()
        await pilot.press("c")

    assert snap_compare(_app(tmp_path, team_store), run_before=run, terminal_size=SIZE)


def test_override_dialog(snap_compare, tmp_path, team_store):
    team_store.remember("reviewer", "Dana")

    async def run(pilot):
        await pilot.pause()
        pilot.app.open_scorecard("sam-1")
        await pilot.pause()
        await pilot.press("o")

    assert snap_compare(_app(tmp_path, team_store), run_before=run, terminal_size=SIZE)


def test_reviewer_name_asked_first(snap_compare, tmp_path, team_store):
    async def run(pilot):
        await pilot.pause()
        pilot.app.open_scorecard("sam-1")
        await pilot.pause()
        await pilot.press("o")

    assert snap_compare(_app(tmp_path, team_store), run_before=run, terminal_size=SIZE)


def test_override_dialog_refuses_a_score_out_of_range(snap_compare, tmp_path, team_store):
    """The problem is said in the dialog, and what was typed stays."""
    team_store.remember("reviewer", "Dana")

    async def run(pilot):
        await pilot.pause()
        pilot.app.open_scorecard("sam-1")
        await pilot.pause()
        await pilot.press("o", *"150", "tab", *"Trop sévère", "enter")
        await pilot.pause()

    assert snap_compare(_app(tmp_path, team_store), run_before=run, terminal_size=SIZE)


def test_a_long_reason_stays_in_the_scores_column(snap_compare, tmp_path, team_store):
    """Overriding a dimension the scorer could not judge: 'was not scored', and the
    reason wraps under the bars instead of running into the charts."""
    reason = (
        "Le rythme était bon sur l'enregistrement, même si la transcription tapée "
        "ne permet pas de le mesurer ; à revoir ensemble lors du prochain point."
    )
    team_store.override_score("sam-1", "pacing", 70, reason, "Dana")
    session = team_store.get("sam-1")
    for override in session.overrides.values():
        override.at = "2026-11-20T10:00:00+00:00"
    team_store.replace(session)

    async def open_card(pilot):
        await pilot.pause()
        pilot.app.open_scorecard("sam-1")
        await pilot.pause()

    assert snap_compare(_app(tmp_path, team_store), run_before=open_card, terminal_size=SIZE)


def test_practice_at_80_by_24(snap_compare, tmp_path, store):
    """The objectives stay in view on a small terminal; the brief waits, folded (F6)."""
    assert snap_compare(_app(tmp_path, store), run_before=_practise, terminal_size=SMALL)


def test_the_call_has_ended(snap_compare, tmp_path, store):
    """The customer's last line and how the call ended stay until the trainee moves on."""

    async def hang_up(pilot):
        await _practise(
            pilot,
            (
                "Je sais pas, moi, je vois juste ce qu'il y a sur la facture.",
                "Vous avez tort, c'est forcément vous qui l'avez demandée.",
            ),
        )
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(_app(tmp_path, store, "fr"), run_before=hang_up, terminal_size=SIZE)


def test_scorecard_compared_with_the_previous_attempt(snap_compare, tmp_path, store):
    seed_team(store)

    async def open_progress(pilot):
        await pilot.pause()
        pilot.app.open_scorecard("alex-1")
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()

    assert snap_compare(_app(tmp_path, store), run_before=open_progress, terminal_size=SIZE)


def test_scorecard_objectives_at_80_by_24(snap_compare, tmp_path, store):
    seed_team(store)

    async def open_objectives(pilot):
        await pilot.pause()
        pilot.app.open_scorecard("alex-1")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()

    assert snap_compare(_app(tmp_path, store), run_before=open_objectives, terminal_size=SMALL)
