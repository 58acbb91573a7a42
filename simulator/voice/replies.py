"""The optional ``replies.yml`` beside recorded agent replies."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ReplyItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: str = Field(description="The audio file, in the same folder.")
    offset: float = Field(
        0.5,
        description="Seconds after the customer stops at which the reply starts; "
        "negative to barge in while they are still talking.",
    )


class RepliesManifest(BaseModel):
    """Recorded agent replies, in the order they are played."""

    model_config = ConfigDict(extra="forbid")

    replies: list[ReplyItem] = Field(min_length=1, description="One entry per agent turn.")
