"""Where roleplay keeps its data: the platform's user data folder, unless told otherwise."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

from simulator.atomic import private_dir

ENV_DB = "ROLEPLAY_DB"


def data_dir() -> Path:
    """The user's roleplay data folder (created readable by its owner only)."""
    # ~/.local/share may not exist yet either: every folder made on the way is private,
    # as the XDG base directory specification asks (0700).
    return private_dir(user_data_path("roleplay", appauthor=False))


def database_path(option: str | os.PathLike[str] | None = None) -> Path:
    """``--db`` wins, then ``$ROLEPLAY_DB``, then the data folder's ``roleplay.json``."""
    if option:
        return Path(option).expanduser()
    if os.environ.get(ENV_DB):
        return Path(os.environ[ENV_DB]).expanduser()
    return data_dir() / "roleplay.json"
