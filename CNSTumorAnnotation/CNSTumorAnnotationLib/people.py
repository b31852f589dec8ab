"""People and their qualifications (R-PPL-1) as a versioned rule table.

The consensus (section 3.3): an annotator has >= 5 years of clinical or imaging experience
(senior resident or attending); a reviewer has >= 10 years and is an associate chief or chief
physician. A project may tighten these rules (more years, fewer titles) but never loosen them
below the consensus; every refusal names the rule that refused.
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.i18n import language, tr
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError, SchemaError, WorkflowError


class Role(enum.Enum):
    """What a person does in the project. Member values are a file format: never rename."""

    ANNOTATOR = "annotator"
    REVIEWER = "reviewer"
    ADMINISTRATOR = "administrator"


class Title(enum.Enum):
    """Chinese physician ranks (住院医师, 主治医师, 副主任医师, 主任医师), lowest first."""

    RESIDENT = "resident"
    ATTENDING = "attending"
    ASSOCIATE_CHIEF = "associate_chief"
    CHIEF = "chief"

    @property
    def label(self) -> str:
        return _TITLE_LABELS[self]

    @property
    def display_name(self) -> str:
        """The title as people read it now (Chinese: 住院医师 ...; the value is the identifier)."""
        return _TITLE_ZH[self] if language() == "zh" else _TITLE_LABELS[self]

    @classmethod
    def parse(cls, text: str) -> Title:
        """Accept the value, the English label or the Chinese title."""
        key = text.strip().lower().replace("-", "_").replace(" ", "_")
        for title in cls:
            names = {
                title.value,
                title.name.lower(),
                _TITLE_LABELS[title].lower(),
                _TITLE_ZH[title],
            }
            if key in names or text.strip() in names:
                return title
        raise SchemaError(
            tr(
                "unknown title {text!r}; expected one of {titles}",
                text=text,
                titles=[t.value for t in cls],
            )
        )


_TITLE_LABELS = {
    Title.RESIDENT: "resident physician",
    Title.ATTENDING: "attending physician",
    Title.ASSOCIATE_CHIEF: "associate chief physician",
    Title.CHIEF: "chief physician",
}
_TITLE_ZH = {
    Title.RESIDENT: "住院医师",
    Title.ATTENDING: "主治医师",
    Title.ASSOCIATE_CHIEF: "副主任医师",
    Title.CHIEF: "主任医师",
}


class QualificationError(WorkflowError):
    """A person is not qualified for a role (R-PPL-1) or not certified (R-PPL-4)."""


class NotPermittedError(WorkflowError):
    """The signed-in person's role does not allow the action (R-FLOW-1, R-PPL-3)."""


def normalise_licence(text: str | None) -> str:
    """A licence / staff number compared without case and spaces ("ab 12" == "AB12")."""
    return "".join((text or "").split()).upper()


@dataclass(frozen=True)
class Person:
    """A member of the annotation team."""

    id: str
    name: str
    role: Role
    years_experience: int
    title: Title
    #: licence or staff number: one human, one identity (unique in a project; R-PPL-3)
    licence: str | None = None
    #: interface language of the browser wizard ("en" or "zh")
    language: str = "en"


@dataclass(frozen=True)
class RoleRequirement:
    """What a role needs: minimum years of experience and the titles allowed."""

    min_years: int
    titles: frozenset[Title]


@dataclass(frozen=True)
class QualificationRules:
    """The R-PPL-1 rule table. ``version`` is stamped into every record and report."""

    version: str = "R-PPL-1/consensus-2021"
    annotator: RoleRequirement = field(default_factory=lambda: RoleRequirement(5, frozenset(Title)))
    reviewer: RoleRequirement = field(
        default_factory=lambda: RoleRequirement(10, frozenset({Title.ASSOCIATE_CHIEF, Title.CHIEF}))
    )

    def requirement(self, role: Role) -> RoleRequirement | None:
        """The requirement for ``role``; administrators need none (they annotate nothing)."""
        return {Role.ANNOTATOR: self.annotator, Role.REVIEWER: self.reviewer}.get(role)

    def tightened(
        self,
        version: str,
        *,
        annotator: RoleRequirement | None = None,
        reviewer: RoleRequirement | None = None,
    ) -> QualificationRules:
        """A stricter table for one project; refuses anything looser than the consensus."""
        rules = replace(
            self,
            version=version,
            annotator=annotator or self.annotator,
            reviewer=reviewer or self.reviewer,
        )
        rules.check_not_looser_than(CONSENSUS_RULES)
        return rules

    def check_not_looser_than(self, floor: QualificationRules) -> None:
        """Raise :class:`SchemaError` when a requirement is looser than ``floor``'s."""
        for role in (Role.ANNOTATOR, Role.REVIEWER):
            mine, base = self.requirement(role), floor.requirement(role)
            assert mine is not None and base is not None
            if mine.min_years < base.min_years:
                raise SchemaError(
                    tr(
                        (
                            "R-PPL-1: a project may tighten but not loosen the consensus: {role} "
                            "needs >= {min_years} years, the table {version!r} asks {asked_years}"
                        ),
                        role=role.value,
                        min_years=base.min_years,
                        version=self.version,
                        asked_years=mine.min_years,
                    )
                )
            extra = mine.titles - base.titles
            if extra:
                raise SchemaError(
                    tr(
                        (
                            "R-PPL-1: a project may tighten but not loosen the consensus: {role} may "
                            "not be a {titles}"
                        ),
                        role=role.value,
                        titles=", ".join(sorted(t.value for t in extra)),
                    )
                )

    def refusals(self, person: Person, role: Role | None = None) -> list[str]:
        """Why ``person`` may not act as ``role`` (their own role by default); empty if qualified."""
        role = role or person.role
        requirement = self.requirement(role)
        if requirement is None:
            return []
        reasons = []
        if person.years_experience < requirement.min_years:
            reasons.append(
                tr(
                    "R-PPL-1: {role} needs >= {min_years} years of experience; {person_name} "
                    "has {years}",
                    role=role.value,
                    min_years=requirement.min_years,
                    person_name=person.name,
                    years=person.years_experience,
                )
            )
        if person.title not in requirement.titles:
            names = [t.display_name for t in sorted(requirement.titles, key=_rank)]
            allowed = names[0] if names else ""
            for name in names[1:]:
                allowed = tr("{first} or {second}", first=allowed, second=name)
            reasons.append(
                tr(
                    "R-PPL-1: {role} must be {allowed}; {person_name} is {title}",
                    role=role.value,
                    allowed=allowed,
                    person_name=person.name,
                    title=person.title.display_name,
                )
            )
        return reasons

    def require(self, person: Person, role: Role | None = None) -> None:
        """Raise :class:`QualificationError` naming every rule ``person`` fails for ``role``."""
        reasons = self.refusals(person, role)
        if reasons:
            raise QualificationError(
                tr(
                    "{reasons} (rule table {version})",
                    reasons="; ".join(reasons),
                    version=self.version,
                )
            )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("annotator", "reviewer"):
            data[key]["titles"] = sorted(t.value for t in data[key]["titles"])
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QualificationRules:
        def requirement(value: dict[str, Any]) -> RoleRequirement:
            return RoleRequirement(
                int(value["min_years"]), frozenset(Title(t) for t in value["titles"])
            )

        return cls(
            str(data["version"]), requirement(data["annotator"]), requirement(data["reviewer"])
        )


def _rank(title: Title) -> int:
    return list(Title).index(title)


CONSENSUS_RULES = QualificationRules()


def load_people_file(path: str | Path) -> dict[str, Person]:
    """People from a JSON file, keyed by id: ``{"people": [{"id", "name", "role",
    "years_experience", "title"}, ...]}`` (or the list alone). Used outside a project, where no
    project database holds the team (R-PPL-1)."""
    import json

    path = Path(path)
    if not path.is_file():
        raise MissingInputError(tr("people file not found"), path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        items = data["people"] if isinstance(data, dict) else data
        people = {}
        for item in items:
            person = Person(
                id=str(item["id"]),
                name=str(item.get("name") or item["id"]),
                role=Role(str(item["role"])),
                years_experience=int(item["years_experience"]),
                title=Title.parse(str(item["title"])),
            )
            people[person.id] = person
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, SchemaError) as error:
        raise InvalidInputError(tr("not a people file ({error})", error=error), path) from None
    return people


def require_reviewer(
    people: dict[str, Person], reviewer: str, rules: QualificationRules | None = None
) -> Person:
    """The qualified reviewer named ``reviewer`` (R-PPL-1), or a refusal naming the rule."""
    rules = rules or CONSENSUS_RULES
    person = people.get(reviewer)
    if person is None:
        raise QualificationError(
            tr(
                (
                    "R-PPL-1: {reviewer!r} is not in the people file; a reviewer must be a "
                    "listed, qualified person"
                ),
                reviewer=reviewer,
            )
        )
    if person.role is not Role.REVIEWER:
        raise QualificationError(
            tr(
                "R-PPL-3: {person_name} is a {role}, not a reviewer",
                person_name=person.name,
                role=person.role.value,
            )
        )
    rules.require(person, Role.REVIEWER)
    return person
