"""The knowledge-base schema: pydantic models only.

Every model forbids unknown keys, so a misspelt key in a taxonomy file is an
error that points at the key.  The layout of ``taxonomy/`` that these models
are read from is described in ``docs/taxonomy-format.md``.
"""

from __future__ import annotations

from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from goalmap.vocab import RESOURCE_KINDS

# An id is a stable, lower-case key: BibTeX style for works
# (``ouyang2022training``), kebab case for everything else (lint's id-format checks
# which).  At load, an entry's own id may hold only lower-case letters, digits, '.',
# '_' and '-': ids become file names, BibTeX keys, anchors and IRIs, so nothing that
# could break out of them (a comma, a brace, a newline) ever gets that far.
Id = str
EntryId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]{0,127}$")]
Scalar = Union[bool, int, float, str]

Letter = Annotated[str, StringConstraints(pattern=r"^[a-z]$")]
Perspective = Literal["definition", "evaluation"]
LinkType = Literal[
    "paper", "code", "data", "project", "checkpoint", "leaderboard", "demo", "blog"
]
ResourceKind = Literal[RESOURCE_KINDS]  # the list lives in goalmap.vocab
WorkType = Literal["article", "inproceedings", "preprint", "book", "report", "misc", "web"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=False)


class Link(Strict):
    """A typed link of a work or resource (code, data, project, ...)."""

    type: LinkType
    url: str
    label: Optional[str] = None


class Level(Strict):
    """A goal level: what a model is aligned to (instructions, preferences, values)."""

    id: EntryId
    name: str
    aliases: list[str] = Field(default_factory=list)
    order: int
    section: Optional[str] = None
    parent: Optional[Id] = None
    definition: str
    trained_towards: Optional[str] = None
    target_representation: Optional[str] = None
    evaluation: Optional[str] = None
    strengths: list[str] = Field(default_factory=list)
    weaknesses: list[str] = Field(default_factory=list)


class Citation(Strict):
    """One label printed in a taxonomy figure and what it means.

    ``works`` are the cited works in the figure's order; ``resource`` is the
    dataset, benchmark or model the label names, when it names one.
    ``printed`` keeps the figure's own text when it differs from what the
    works give (a wrong author, a misspelling): an erratum.
    """

    label: str
    works: list[Id] = Field(default_factory=list)
    resources: list[Id] = Field(default_factory=list)
    printed: Optional[str] = None
    erratum: Optional[str] = None
    includes: list["Citation"] = Field(default_factory=list)


class Category(Strict):
    """A node of one scheme's taxonomy tree."""

    id: EntryId
    label: str
    parent: Optional[Id] = None
    perspective: Optional[Perspective] = None
    level: Optional[Id] = None
    order: int = 0
    section: Optional[str] = None
    description: Optional[str] = None
    citations: list[Citation] = Field(default_factory=list)


class Scheme(Strict):
    """One edition of the taxonomy (Figure 2 of the survey is the first)."""

    id: EntryId
    name: str
    description: Optional[str] = None
    source: Optional[str] = None
    default: bool = False
    # The letter this edition prints after a work's year ("Bai et al., 2022b"), by work id.
    letters: dict[Id, Letter] = Field(default_factory=dict)
    categories: list[Category]


class Work(Strict):
    """A cited paper, report, book or web page, recorded once."""

    id: EntryId
    type: WorkType = "preprint"
    title: str
    authors: list[str] = Field(default_factory=list)
    et_al: bool = False
    organization: Optional[str] = None
    year: int
    venue: Optional[str] = None
    arxiv: Optional[str] = None
    # Why the work has no arXiv id (or no url at all), when someone looked and found
    # none: "book", "ACL Anthology paper; no arXiv version found".  Empty means
    # "not looked up yet", which lint keeps listing.
    no_arxiv: Optional[str] = None
    doi: Optional[str] = None
    url: Optional[str] = None
    no_url: Optional[str] = None
    links: list[Link] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    # The version of the paper the entry describes, when versions differ ("arXiv v1").
    version: Optional[str] = None
    summary: Optional[str] = None
    note: Optional[str] = None

    @model_validator(mode="after")
    def _reason_only_when_absent(self) -> "Work":
        if self.arxiv and self.no_arxiv:
            raise ValueError("'no_arxiv' gives why there is no arXiv id; drop it when 'arxiv' is set")
        if (self.url or self.links) and self.no_url:
            raise ValueError("'no_url' gives why there is no link; drop it when 'url' or 'links' is set")
        return self


class Reading(Strict):
    """What one source gives for a fact the sources disagree on."""

    value: Scalar
    text: Optional[str] = None
    source: str


class Fact(Strict):
    """One number or property the survey states about a resource.

    When the sources disagree (the text says one number, a table another), the
    fact has no ``value`` of its own: ``readings`` lists each value with its
    source, and no reading is preferred.
    """

    key: str
    value: Optional[Scalar] = None
    text: Optional[str] = None
    source: Optional[str] = None
    readings: list[Reading] = Field(default_factory=list)

    @model_validator(mode="after")
    def _value_or_readings(self) -> "Fact":
        if self.readings:
            if self.value is not None or self.text or self.source:
                raise ValueError("a fact with 'readings' gives its values there, not in 'value', "
                                 "'text' or 'source'")
            if len(self.readings) < 2:
                raise ValueError("'readings' records a disagreement: give at least two")
        elif self.value is None:
            raise ValueError("a fact needs a 'value', or 'readings' when the sources disagree")
        return self


class Member(Strict):
    """An element of a value system, scenario taxonomy or survey (nested)."""

    name: str
    code: Optional[str] = None
    opposite: Optional[str] = None
    description: Optional[str] = None
    members: list["Member"] = Field(default_factory=list)


class Axis(Strict):
    """A bipolar dimension a value theory arranges its members on."""

    name: str
    poles: list[str]


class Resource(Strict):
    """A dataset, benchmark, model, method, value theory or questionnaire."""

    id: EntryId
    name: str
    kind: ResourceKind
    aliases: list[str] = Field(default_factory=list)
    introduced_by: list[Id] = Field(default_factory=list)
    levels: list[Id] = Field(default_factory=list)
    year: Optional[int] = None
    description: Optional[str] = None
    url: Optional[str] = None
    links: list[Link] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    members: list[Member] = Field(default_factory=list)
    axes: list[Axis] = Field(default_factory=list)
    based_on: list[Id] = Field(default_factory=list)


class Column(Strict):
    key: str
    label: str
    group: Optional[str] = None


class Row(Strict):
    label: str
    ref: Optional[Id] = None
    cells: dict[str, Scalar]


class Table(Strict):
    """A table of the survey (Table 1, the Figure 5 matrix), cell text as printed."""

    id: EntryId
    name: str
    aliases: list[str] = Field(default_factory=list)
    order: int = 0
    source: Optional[str] = None
    description: Optional[str] = None
    columns: list[Column]
    rows: list[Row]


class Algorithm(Strict):
    """An alignment algorithm of Section 4."""

    id: EntryId
    name: str
    aliases: list[str] = Field(default_factory=list)
    parent: Optional[Id] = None
    order: int = 0
    description: str
    requires: list[str] = Field(default_factory=list)
    strengths: list[str] = Field(default_factory=list)
    weaknesses: list[str] = Field(default_factory=list)
    works: list[Id] = Field(default_factory=list)


class Challenge(Strict):
    """An open challenge or research direction (Figure 5, Section 5)."""

    id: EntryId
    name: str
    aliases: list[str] = Field(default_factory=list)
    kind: Literal["figure5", "direction"] = "direction"
    section: Optional[str] = None
    order: int = 0
    description: str
    items: list[Member] = Field(default_factory=list)
    works: list[Id] = Field(default_factory=list)
    related: list[Id] = Field(default_factory=list)


Citation.model_rebuild()
Member.model_rebuild()
