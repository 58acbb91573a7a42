"""Key descriptions in the interface language.

Screens declare their bindings with a string key as description ("start"); once
the screen exists, each description is replaced by its text in the chosen language,
so the footer and the help screen speak French or English.
"""

from __future__ import annotations

import dataclasses

from textual.binding import BindingsMap
from textual.dom import DOMNode

from simulator.i18n.ui import Text


def localise_bindings(node: DOMNode, text: Text) -> None:
    keys = {}
    for key, bindings in node._bindings.key_to_bindings.items():
        keys[key] = [
            dataclasses.replace(b, description=text(b.description)) if b.description else b
            for b in bindings
        ]
    node._bindings = BindingsMap.from_keys(keys)
