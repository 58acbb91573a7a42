"""What any customer says, whatever the scenario: hanging up, and pushing back on a
reply that repeats an earlier one or leaves their question unanswered."""

HANGUP_LINES = {
    "fr": "Non mais c'est pas possible. Laissez tomber, au revoir.",
    "en": "You know what, forget it. Goodbye.",
}
# What any customer says to a reply that repeats an earlier one, or that leaves their
# question unanswered: the reply earns nothing and the call does not move on.
REPEATED_LINES = {
    "en": (
        "You've said that already.",
        "You just said that. I need an actual answer.",
        "That's exactly what you said a minute ago.",
    ),
    "fr": (
        "Vous me l'avez déjà dit, ça.",
        "Vous venez de me dire exactement la même chose. Je veux une vraie réponse.",
        "C'est mot pour mot ce que vous m'avez dit tout à l'heure.",
    ),
}
IGNORED_LINES = {
    "en": (
        "You haven't answered my question.",
        "That's not what I asked you.",
        "Right, but that doesn't answer my question, does it?",
    ),
    "fr": (
        "Vous n'avez pas répondu à ma question.",
        "Ce n'est pas ce que je vous ai demandé.",
        "D'accord, mais ça ne répond pas à ma question.",
    ),
}
