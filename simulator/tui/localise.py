"""Key descriptions in the interface language.

Screens declare their bindings with a catalogue key as description ("ui.start"); once
the screen exists, each description is replaced by its text in the chosen language,
with a capital first letter like every other key's, so the footer and the help screen
speak French or English.
"""

from __future__ import annotations

import dataclasses

from textual.binding import BindingsMap
from textual.dom import DOMNode

from simulator.i18n.catalogue import Text, has_text


def localise_bindings(node: DOMNode, text: Text) -> None:
    keys = {}
    for key, bindings in node._bindings.key_to_bindings.items():
        # Textual's own bindings ("palette", "Focus Next") keep their own words.
        keys[key] = [
            dataclasses.replace(b, description=text.capital(b.description))
            if has_text(b.description)
            else b
            for b in bindings
        ]
    node._bindings = BindingsMap.from_keys(keys)
