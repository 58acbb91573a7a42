"""Reviews sent back: a lead's comments and overrides on an agent's sessions, as a bundle
the agent imports onto their own sessions.

A reviews bundle carries no session, only what reviewers left on each one (who, when,
why). Importing it on the agent's machine merges it onto the sessions already there:
comments by id (the same comment never twice), an override in place of the same
dimension's override. The overall score then follows from the overrides by the one
formula (:attr:`~simulator.store.records.SessionFields.effective_overall`). A session
the agent does not have is not made up from its reviews: it is counted as skipped.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from simulator.atomic import replacing
from simulator.store.bundle_records import SessionReviews
from simulator.store.bundles import REVIEWS, REVIEWS_KIND, Bundle, manifest_for, write_json_entries
from simulator.store.records import SessionRecord
from simulator.store.sessions import SessionStore


@dataclass(frozen=True)
class ReviewsWritten:
    path: Path
    sessions: int
    comments: int
    overrides: int


def reviewed(sessions: list[SessionRecord]) -> list[SessionReviews]:
    """The reviews of the sessions a reviewer commented on or changed a score of."""
    return [r for r in (SessionReviews.of(s) for s in sessions) if r.count]


def write_reviews(reviews: list[SessionReviews], path: Path, agent: str) -> ReviewsWritten:
    """Write the reviews of ``agent``'s sessions to the zip file ``path``."""
    authors = {c.author for r in reviews for c in r.comments}
    authors |= {o.author for r in reviews for o in r.overrides.values()}
    manifest = manifest_for(
        REVIEWS_KIND, agent, [r.id for r in reviews], reviewers=sorted(authors - {""})
    )
    stored = [r.model_dump(mode="json", exclude_unset=True) for r in reviews]
    # A place the person named: its folder is theirs to make (an OSError says why not).
    with replacing(path, "wb", parents=False) as handle, zipfile.ZipFile(handle, "w") as bundle:
        write_json_entries(bundle, manifest, REVIEWS, stored)
    return ReviewsWritten(
        path,
        len(reviews),
        sum(len(r.comments) for r in reviews),
        sum(len(r.overrides) for r in reviews),
    )


@dataclass
class ReviewsImported:
    """What importing reviews changed: comments added, overrides set, on how many of the
    agent's sessions, by whom; and the sessions of the bundle not in this database."""

    sessions: int = 0
    comments: int = 0
    overrides: int = 0
    skipped: int = 0
    reviewers: list[str] = field(default_factory=list)


def merge_reviews(
    existing: SessionRecord, incoming: SessionReviews
) -> tuple[SessionRecord, list[str], list[str]]:
    """The stored session with the incoming reviews on it: comments new by id added, each
    incoming override in place of the stored one for its dimension. Returns the merged
    record and the authors of the comments and of the overrides that arrived."""
    merged = existing.model_copy(deep=True)
    known = {c.id for c in merged.comments}
    comments = [c for c in incoming.comments if c.id not in known]
    overrides = {d: o for d, o in incoming.overrides.items() if merged.overrides.get(d) != o}
    if comments:
        merged.comments = [*merged.comments, *comments]
    if overrides:
        merged.overrides = merged.overrides | overrides
    return merged, [c.author for c in comments], [o.author for o in overrides.values()]


def import_reviews(bundle: Bundle, store: SessionStore) -> ReviewsImported:
    """Merge a checked reviews bundle onto the sessions of ``store``, in one write of the
    index: killed halfway, nothing changed, and importing again completes it."""
    done = ReviewsImported()
    authors: set[str] = set()
    with store.database.writing():  # read and written under one lock: no review lost
        known = store.ids()
        changed = []
        for incoming in bundle.reviews:
            existing = store.get(incoming.id) if incoming.id in known else None
            if existing is None:
                done.skipped += 1
                continue
            merged, commented, overridden = merge_reviews(existing, incoming)
            if not commented and not overridden:
                continue
            changed.append(merged)
            done.comments += len(commented)
            done.overrides += len(overridden)
            authors.update(commented, overridden)
        store.put_many(changed)
    done.sessions = len(changed)
    done.reviewers = sorted(authors - {""})
    return done
