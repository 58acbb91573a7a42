"""Where roleplay keeps its data: the platform's user data folder, unless told otherwise."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

ENV_DB = "ROLEPLAY_DB"


def data_dir() -> Path:
    """The user's roleplay data folder (created readable by its owner only)."""
    path = user_data_path("roleplay", appauthor=False)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def database_path(option: str | os.PathLike[str] | None = None) -> Path:
    """``--db`` wins, then ``$ROLEPLAY_DB``, then the data folder's ``roleplay.json``."""
    if option:
        return Path(option).expanduser()
    if os.environ.get(ENV_DB):
        return Path(os.environ[ENV_DB]).expanduser()
    return data_dir() / "roleplay.json"
