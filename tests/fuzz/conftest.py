"""Shared places for the fuzz tests: a scratch folder and an environment that keeps the
command line away from the person's own settings and database."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder each example overwrites its files in (Hypothesis reuses fixtures)."""
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("home")
    return {
        "ROLEPLAY_SETTINGS": str(home / "no-settings.yml"),
        "ROLEPLAY_DB": str(home / "data" / "roleplay.json"),
        "XDG_DATA_HOME": str(home / "xdg"),
        "XDG_CONFIG_HOME": str(home / "xdg-config"),
    }
