"""Documents people share: scorecards, team reports, exports and bundles of sessions.

Everything here reads sessions through :class:`simulator.store.sessions.SessionStore`, so the
storage underneath can change without touching the documents.
"""
