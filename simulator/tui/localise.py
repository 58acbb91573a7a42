"""Key descriptions in the interface language.

Screens declare their bindings with a catalogue key as description ("ui.start"); once
the screen exists, each description is replaced by its text in the chosen language,
with a capital first letter like every other key's, so the footer and the help screen
speak French or English. Textual's own keys (moving between fields, copying, the
command palette) are worded by the catalogue too, found by what they do.
"""

from __future__ import annotations

import dataclasses

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from simulator.i18n.catalogue import Text, has_text

TEXTUAL_KEYS = {
    "app.focus_next": "ui.key.focus_next",
    "app.focus_previous": "ui.key.focus_previous",
    "screen.copy_text": "ui.key.copy_text",
    "command_palette": "ui.key.command_palette",
}


def _described(binding: Binding, text: Text) -> Binding:
    key = TEXTUAL_KEYS.get(binding.action, binding.description)
    if not has_text(key):
        return binding
    return dataclasses.replace(binding, description=text.capital(key))


def localise_bindings(node: DOMNode, text: Text) -> None:
    node._bindings = BindingsMap.from_keys(
        {
            key: [_described(b, text) for b in bindings]
            for key, bindings in node._bindings.key_to_bindings.items()
        }
    )
