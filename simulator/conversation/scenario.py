"""The scenario format: one YAML file per scripted difficult customer.

A scenario is a small graph. Each node is something the customer says (split
into ``core`` and ``digression`` segments); after the agent answers, the first
branch whose conditions hold picks the next node. A node with ``end`` closes
the call: resolved, escalated, or the customer hung up.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from scoring.objectives import Objective
from scoring.rules import EmpathyCategory, Locale, check_pattern
from scoring.scorecard import DEFAULT_WEIGHTS
from simulator.conversation.templating import render
from simulator.errors import SimulatorError

Persona = Literal["active_hater", "extreme_critic", "loyal_irritated", "passionate_loyal"]
Channel = Literal["phone", "counter", "letter_followup", "email", "sms"]
Difficulty = Literal["easy", "medium", "hard"]
Outcome = Literal["resolved", "escalated", "transferred", "hung_up", "stopped"]
Tag = Literal["core", "digression"]

# The lists a screen or a prompt offers, read from the types above: nowhere else.
PERSONA_TYPES: tuple[Persona, ...] = get_args(Persona)
CHANNELS: tuple[Channel, ...] = get_args(Channel)
DIFFICULTIES: tuple[Difficulty, ...] = get_args(Difficulty)

NODE_ID = r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$"
RULE_ID = r"^[a-z0-9][a-z0-9_-]*\.[a-z0-9][a-z0-9_.-]*$"
"""A finding's rule as the scorecard names it: the pack (or check) and the rule."""


def _rule_id(value: str) -> str:
    if not re.match(RULE_ID, value):
        # The error type is the catalogue key the problem is worded from.
        raise PydanticCustomError("problem.model_line_key", "not a rule id such as avoided.x")
    return value


RuleId = Annotated[
    str, AfterValidator(_rule_id), WithJsonSchema({"type": "string", "pattern": RULE_ID})
]
ModelLine = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400)]


Wording = Annotated[str, StringConstraints(min_length=1)]


class Line(BaseModel):
    """Part of what the customer says: the complaint itself, or a digression.

    ``text`` may list several wordings of the same line: a session picks one at random
    (repeatably with a seed). ``sharper`` and ``calmer`` list the wordings used instead
    when the customer's mood has dropped low or risen high."""

    model_config = ConfigDict(extra="forbid")

    text: list[Wording] = Field(
        min_length=1,
        description="What the customer says (Jinja2 variables allowed): one text, or a list "
        "of variants of which a session picks one.",
    )
    tag: Tag = Field("core", description="core: the complaint; digression: off-topic drift.")
    sharper: list[Wording] = Field(
        default_factory=list, description="Wordings for when the customer is angrier."
    )
    calmer: list[Wording] = Field(
        default_factory=list, description="Wordings for when the customer is calmer."
    )

    @field_validator("text", mode="before")
    @classmethod
    def _one_text(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @property
    def wordings(self) -> list[str]:
        """Every wording of the line, variants and moods alike."""
        return [*self.text, *self.sharper, *self.calmer]


class Condition(BaseModel):
    """What the agent's reply must show for a branch to be taken; all given keys must hold."""

    model_config = ConfigDict(extra="forbid")

    avoided_phrase: bool | None = Field(
        None, description="true: the reply used a phrase to avoid; false: it used none."
    )
    empathy: list[EmpathyCategory] | None = Field(
        None, description="The reply showed at least one of these parts of empathy."
    )
    empathy_min: int | None = Field(
        None, ge=1, le=6, description="The reply showed at least this many parts of empathy."
    )
    says: list[str] | None = Field(
        None, description="The reply matches one of these patterns (same form as rule patterns)."
    )
    interrupted: Tag | None = Field(
        None, description="The reply cut into the customer while they said this kind of segment."
    )
    silent: bool | None = Field(None, description="true: the agent said nothing.")
    mood_below: int | None = Field(
        None, ge=0, le=100, description="The customer's mood, after this reply, is below this."
    )
    mood_at_least: int | None = Field(
        None, ge=0, le=100, description="The customer's mood, after this reply, is at least this."
    )
    objectives: list[str] | None = Field(
        None,
        description="These objectives (by id) are met by the call so far: the facts stated, "
        "the questions asked. Resolution branches should ask for substance, not markers.",
    )

    @field_validator("says")
    @classmethod
    def _valid_patterns(cls, value: list[str] | None) -> list[str] | None:
        return [check_pattern(p) for p in value] if value is not None else None


class Branch(BaseModel):
    """Where the conversation goes next; a branch without ``when`` always applies."""

    model_config = ConfigDict(extra="forbid")

    when: Condition | None = Field(None, description="Conditions on the agent's reply.")
    goto: str = Field(pattern=NODE_ID, description="The id of the next node.")
    because: str | None = Field(None, description="Shown in preview: why this branch exists.")


def _customer_may_be_text(schema: dict) -> None:
    # Authors may write a single core line as plain text; tell editors so.
    listed = schema["properties"]["customer"]
    schema["properties"]["customer"] = {
        "anyOf": [
            {"type": "string", "minLength": 1},
            {k: v for k, v in listed.items() if k != "description"},
        ],
        "description": listed.get("description", ""),
    }


class Node(BaseModel):
    """One customer turn and where the conversation goes after the agent answers it."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_customer_may_be_text)

    customer: list[Line] = Field(
        min_length=1,
        description="What the customer says: one text, or a list of lines tagged core/digression.",
    )
    next: list[Branch] = Field(default_factory=list, description="Branches, first match wins.")
    end: Outcome | None = Field(None, description="This node closes the call with this outcome.")

    @field_validator("customer", mode="before")
    @classmethod
    def _one_line(cls, value: object) -> object:
        # A plain string is a single core line: the common case, kept short for authors.
        return [{"text": value, "tag": "core"}] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _end_or_next(self) -> Node:
        if self.end is not None and self.next:
            # The error type is the catalogue key the problem is worded from.
            raise PydanticCustomError(
                "problem.end_and_next",
                "a node with 'end' closes the call, so it cannot also have 'next'",
            )
        return self


class Weights(BaseModel):
    """How much each dimension counts in the overall score."""

    # Bounded and finite: an infinite (or overflowing) weight makes the overall score NaN.
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    pacing: float = Field(DEFAULT_WEIGHTS["pacing"], ge=0, le=1000, description="Weight of pacing.")
    interruptions: float = Field(
        DEFAULT_WEIGHTS["interruptions"], ge=0, le=1000, description="Weight of interruption use."
    )
    empathy: float = Field(
        DEFAULT_WEIGHTS["empathy"], ge=0, le=1000, description="Weight of empathy."
    )
    avoided_phrases: float = Field(
        DEFAULT_WEIGHTS["avoided_phrases"], ge=0, le=1000, description="Weight of avoided phrases."
    )


class Expectation(BaseModel):
    """What the author expects an example run to do."""

    model_config = ConfigDict(extra="forbid")

    path: list[str] | None = Field(
        None, description="The node ids visited, in order, starting with the start node."
    )
    outcome: Outcome | None = Field(None, description="How the call ends.")
    findings: list[str] = Field(
        default_factory=list,
        description="Rule ids that must be found (e.g. avoided.je-ne-sais-pas).",
    )
    no_findings: list[str] = Field(
        default_factory=list, description="Rule ids that must not be found."
    )
    objectives_met: list[str] = Field(
        default_factory=list, description="Objective ids the run must meet."
    )
    min_overall: int | None = Field(
        None, ge=0, le=100, description="Lowest acceptable overall score."
    )
    max_overall: int | None = Field(
        None, ge=0, le=100, description="Highest acceptable overall score."
    )


class ExampleRun(BaseModel):
    """Sample agent replies and what the author expects them to do: a test of the scenario."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, description="What this run shows, e.g. 'good handling'.")
    replies: list[str] = Field(min_length=1, description="The agent's replies, one per turn.")
    seed: int = Field(
        0, ge=0, description="Which of the customer's wordings the run hears (repeatable)."
    )
    expect: Expectation = Field(description="The expected path, outcome and findings.")


class Scenario(BaseModel):
    """A scripted difficult customer that a trainee practises with."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9-]*$", description="Unique id, lowercase-with-dashes."
    )
    title: str = Field(min_length=1, description="Short title shown in lists.")
    locale: Locale = Field(description="Language of the call: fr or en.")
    persona: Persona = Field(description="Which of the four customer types this customer is.")
    customer_name: str = Field(min_length=1, description="How the agent should address them.")
    channel: Channel = Field(description="Where the complaint comes from.")
    difficulty: Difficulty = Field("medium", description="easy, medium or hard.")
    mood: int = Field(
        40, ge=0, le=100, description="Starting mood: 0 furious, 50 annoyed, 100 delighted."
    )
    brief: str = Field(min_length=1, description="What the trainee knows before the call.")
    objectives: list[Objective | str] = Field(
        min_length=1,
        description="What good handling achieves. An objective with an id and a kind is "
        "checked on the call and shown met or missed on the scorecard; plain text is shown "
        "in the brief only.",
    )
    variables: dict[str, str] = Field(
        default_factory=dict, description="Values for {{ variables }} in customer lines."
    )
    weights: Weights = Field(default_factory=Weights, description="Scoring weights.")
    model_lines: dict[RuleId, ModelLine] = Field(
        default_factory=dict,
        description="What the scorecard suggests saying instead, in this call, by rule id "
        "(e.g. empathy.missing-next-step, avoided.i-dont-know): a line written for this "
        "customer and their problem, in place of the rule's generic suggestion. Variables "
        "allowed, except agent_name.",
        json_schema_extra={"additionalProperties": False},
    )
    max_turns: int = Field(12, ge=1, le=50, description="The call stops after this many replies.")
    start: str = Field(pattern=NODE_ID, description="The id of the first node.")
    on_hangup: str | None = Field(
        None, pattern=NODE_ID, description="Node played when the mood drops so low they hang up."
    )
    nodes: dict[str, Node] = Field(min_length=1, description="The conversation, node by node.")
    examples: list[ExampleRun] = Field(
        default_factory=list, description="Example runs checked by 'roleplay scenarios test'."
    )

    @property
    def checked_objectives(self) -> list[Objective]:
        """The objectives the scorecard checks (plain-text ones are only read), their text
        with the scenario's variables filled in."""
        values = {**self.variables, "customer_name": self.customer_name}
        checked = []
        for objective in self.objectives:
            if isinstance(objective, Objective):
                try:
                    text = render(objective.text, values)
                except SimulatorError:
                    text = objective.text
                checked.append(objective.model_copy(update={"text": text}))
        return checked

    def objective_texts(self) -> list[str]:
        """Every objective as the trainee reads it."""
        return [o.text if isinstance(o, Objective) else o for o in self.objectives]

    def model_answer(self) -> ExampleRun | None:
        """The good handling to learn from: the first example run expected to end
        resolved (None when the scenario has none)."""
        return next((e for e in self.examples if e.expect.outcome == "resolved"), None)

    def suggested_lines(self) -> dict[str, str]:
        """The model lines, their variables filled in (``customer_name`` and the scenario's
        own); a line that does not render is left out, so the generic suggestion stays."""
        values = {**self.variables, "customer_name": self.customer_name}
        lines = {}
        for rule, line in self.model_lines.items():
            try:
                lines[rule] = render(line, values)
            except SimulatorError:
                continue
        return lines
