"""A broken scenario file is not silently missing from the home screen: a notice names
the file, where the problem is and what it is, in the interface language."""

from __future__ import annotations

import shutil

from textual.widgets import DataTable, Static

from simulator.authoring.library import load_all
from tests.tui.conftest import DATA


def _broken_folder(tmp_path):
    folder = tmp_path / "organisation"
    folder.mkdir()
    shutil.copy(DATA / "scenarios_bad" / "missing-node.yml", folder)
    shutil.copy(DATA / "scenarios_bad" / "unknown-key.yml", folder)
    shutil.copy(DATA / "scenarios" / "en-minimal.yml", folder)
    return folder


async def test_the_home_screen_names_each_broken_file_and_its_problem(store, app_factory, tmp_path):
    report = load_all([_broken_folder(tmp_path)])
    app = app_factory(store, skipped=report.problems)
    async with app.run_test(size=(140, 44)):
        notice = app.screen.query_one("#skipped", Static)
        shown = str(notice.render())
        assert notice.display
        assert "2 scenario files are broken and left out of the list" in shown
        assert "missing-node.yml:33:9" in shown and "no node 'dome'" in shown
        assert "unknown-key.yml:5:1" in shown and "did you mean 'customer_name'" in shown
        assert "roleplay scenarios validate" in shown
        # the good ones are still there
        assert app.screen.query_one("#scenarios", DataTable).row_count > 0


async def test_the_notice_is_in_french_for_a_french_interface(store, app_factory, tmp_path):
    report = load_all([_broken_folder(tmp_path)])
    app = app_factory(store, locale="fr", skipped=report.problems)
    async with app.run_test(size=(140, 44)):
        shown = str(app.screen.query_one("#skipped", Static).render())
        assert "2 fichiers de scénario sont défectueux" in shown
        assert "il n'y a pas de nœud 'dome'" in shown


async def test_no_notice_when_every_scenario_loads(store, app_factory):
    app = app_factory(store)
    async with app.run_test(size=(140, 44)):
        assert not app.screen.query_one("#skipped", Static).display


def test_roleplay_ui_hands_the_broken_files_to_the_home_screen(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import simulator.tui.app
    from simulator.cli.main import cli

    folder = _broken_folder(tmp_path)
    settings = tmp_path / "settings.yml"
    settings.write_text(f"scenario_dirs: [{folder}]\n")
    built = {}

    class Opened:
        def run(self):
            built["ran"] = True

    def fake_make_app(store, library, *args, **kwargs):
        built.update(library=library, skipped=kwargs.get("skipped", ()))
        return Opened()

    monkeypatch.setattr(simulator.tui.app, "make_app", fake_make_app)
    env = {"ROLEPLAY_SETTINGS": str(settings), "ROLEPLAY_DB": str(tmp_path / "db.json")}
    result = CliRunner().invoke(cli, ["ui"], env=env)
    assert result.exit_code == 0, result.output
    assert built["ran"] and any(s.id == "en-minimal" for s in built["library"])
    assert {p.file.rsplit("/", 1)[-1] for p in built["skipped"]} == {
        "missing-node.yml",
        "unknown-key.yml",
    }
