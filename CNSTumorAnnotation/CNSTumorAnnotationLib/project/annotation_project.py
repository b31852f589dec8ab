"""The annotation project: a folder with its database (``project.sqlite``, or
``project.database`` naming a PostgreSQL database) and the case folders.

:class:`Project` is the facade the CLI, the demo and the wizard call. It records datasets
(R-DATA-1), people (R-PPL-1), cases and their lifecycle (R-FLOW-1); the review steps live in
:mod:`CNSTumorAnnotationLib.project.workflow`. Every change is one transaction that also appends to the
hash-chained audit log, so the log and the state can never disagree.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.i18n import LANGUAGES, N_, tr
from CNSTumorAnnotationLib.people import (
    CONSENSUS_RULES,
    NotPermittedError,
    Person,
    QualificationRules,
    Role,
    Title,
    normalise_licence,
)
from CNSTumorAnnotationLib.project import audit, postgres, store
from CNSTumorAnnotationLib.project.lifecycle import Action, CaseState, transition_for
from CNSTumorQCLib.atomic import write_text_atomic
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError, WorkflowError
from CNSTumorQCLib.paths import safe_component

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
#: How people read the roles (the values are stored and typed on the command line).
ROLE_NAMES: dict[Role, str] = {
    Role.ADMINISTRATOR: N_("administrator"),
    Role.ANNOTATOR: N_("annotator"),
    Role.REVIEWER: N_("reviewer"),
}
#: What a checked id names, as people read it (``_check_id``'s ``kind``).
_ID_KINDS: dict[str, str] = {
    "person": N_("person id"),
    "dataset": N_("dataset id"),
    "case": N_("case id"),
}


def role_name(role: Role) -> str:
    """The role as people read it in the current language (``annotator``, 标注者)."""
    return tr(ROLE_NAMES[role])


@dataclass(frozen=True)
class Dataset:
    """A source of cases with its ethics approval and de-identification status (R-DATA-1)."""

    id: str
    description: str
    ethics_reference: str | None
    ethics_date: str | None
    deidentified: bool


@dataclass(frozen=True)
class ProjectCase:
    """A case's row: where it stands and who holds it."""

    id: str
    dataset_id: str
    patient: str
    folder: str
    state: CaseState
    assignee: str | None
    phase: str
    updated_at: str


class Project:
    """An open annotation project. Use :meth:`init` or :meth:`open`; close (or ``with``) after."""

    def __init__(self, directory: Path, conn: store.Connection) -> None:
        self.directory = directory
        self.conn = conn

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def init(
        cls,
        directory: str | Path,
        *,
        admin: Person,
        password: str,
        name: str = "",
        database: str | None = None,
    ) -> Project:
        """Create a new project folder whose first person is the administrator ``admin``,
        signing in with ``password`` (refuses a folder that already holds a project).

        The first administrator is the only person not added by another administrator: from
        here on every person, dataset, case and assignment is an administrator's signed-in act
        (R-FLOW-1). ``database``: a ``postgresql://`` URL of an existing database (or schema,
        through ``options=-csearch_path=...``) that holds no project yet; None keeps SQLite in
        the folder. The URL (never a password) is written to ``project.database``."""
        from CNSTumorAnnotationLib.project.auth import hash_password, write_password_hash

        directory = Path(directory)
        if store.has_project(directory):
            raise InvalidInputError(tr("an annotation project already exists here"), directory)
        if admin.role is not Role.ADMINISTRATOR:
            raise InvalidInputError(
                tr(
                    "the first person of a project is its administrator, not a {role}",
                    role=role_name(admin.role),
                )
            )
        digest = hash_password(password)
        _check_id(admin.id, "person")
        admin = replace(admin, licence=normalise_licence(admin.licence))
        if not admin.licence:
            raise InvalidInputError(
                tr(
                    (
                        "administrator {person_id} needs a licence or staff number (one human, "
                        "one identity)"
                    ),
                    person_id=admin.id,
                )
            )
        if database is not None:
            conn = store.connect(database, create=True)
            if store.holds_project(conn):
                conn.close()
                raise InvalidInputError(
                    tr("this database already holds an annotation project"),
                    postgres.redact(database),
                )
        (directory / "cases").mkdir(parents=True, exist_ok=True)
        if database is None:
            conn = store.connect(directory / store.DATABASE_NAME, create=True)
        else:
            write_text_atomic(directory / store.POINTER_NAME, database + "\n")
        project = cls(directory, conn)
        with store.transaction(project.conn) as conn:
            conn.execute(
                "INSERT INTO project_info (key, value) VALUES ('name', ?), ('created_at', ?)",
                (name or directory.name, store.utc_now()),
            )
            project._insert_person(admin)
            write_password_hash(conn, admin.id, digest)
            project._record_rules(CONSENSUS_RULES, admin.id)
            audit.append(
                conn,
                actor=admin.id,
                action="project_init",
                details={"name": name or directory.name, "administrator": admin.id},
            )
        return project

    @classmethod
    def open(cls, directory: str | Path) -> Project:
        """Open an existing project (applying any pending migration)."""
        directory = Path(directory)
        database = store.project_database(directory)
        if database is None:
            raise MissingInputError(
                tr(
                    "no annotation project database here (neither project.sqlite nor "
                    "project.database)"
                ),
                directory,
            )
        return cls(directory, store.connect(database))

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- rule tables -----------------------------------------------------------------------
    def qualification_rules(self) -> QualificationRules:
        """The project's current R-PPL-1 table (the latest recorded)."""
        row = self.conn.execute(
            "SELECT body FROM rule_tables WHERE name = 'qualification' ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return QualificationRules.from_dict(json.loads(row[0])) if row else CONSENSUS_RULES

    def tighten_rules(self, rules: QualificationRules, *, actor: str) -> None:
        """Adopt a stricter R-PPL-1 table (an administrator's act); refused when looser than
        the consensus."""
        self.require_administrator(actor, tr("change the qualification rules"))
        rules.check_not_looser_than(CONSENSUS_RULES)
        with store.transaction(self.conn):
            self._record_rules(rules, actor)

    def _record_rules(self, rules: QualificationRules, actor: str) -> None:
        body = json.dumps(rules.to_dict(), sort_keys=True)
        self.conn.execute(
            "INSERT INTO rule_tables (name, version, body, recorded_at, recorded_by)"
            " VALUES ('qualification', ?, ?, ?, ?)",
            (rules.version, body, store.utc_now(), actor),
        )
        audit.append(self.conn, actor=actor, action="rules_recorded", details=rules.to_dict())

    # -- datasets (R-DATA-1) ---------------------------------------------------------------
    def add_dataset(
        self,
        dataset_id: str,
        *,
        actor: str,
        ethics_reference: str | None,
        ethics_date: str | None,
        deidentified: bool,
        description: str = "",
    ) -> Dataset:
        """Record a dataset (an administrator's act). Missing approval is recorded (and later
        refuses its cases)."""
        self.require_administrator(actor, tr("record dataset {dataset_id}", dataset_id=dataset_id))
        _check_id(dataset_id, "dataset")
        if ethics_date:
            _check_date(ethics_date)
        with store.transaction(self.conn) as conn:
            conn.execute(
                "INSERT INTO datasets (id, description, ethics_reference, ethics_date,"
                " deidentified, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    dataset_id,
                    description,
                    ethics_reference,
                    ethics_date,
                    int(deidentified),
                    store.utc_now(),
                ),
            )
            audit.append(
                conn,
                actor=actor,
                action="dataset_added",
                details={
                    "dataset": dataset_id,
                    "ethics_reference": ethics_reference,
                    "ethics_date": ethics_date,
                    "deidentified": deidentified,
                },
            )
        return self.dataset(dataset_id)

    def dataset(self, dataset_id: str) -> Dataset:
        row = self.conn.execute("SELECT * FROM datasets WHERE id = ?", (dataset_id,)).fetchone()
        if row is None:
            raise InvalidInputError(
                tr("no dataset {dataset_id!r} in this project", dataset_id=dataset_id),
                self.directory,
            )
        return Dataset(
            row["id"],
            row["description"],
            row["ethics_reference"],
            row["ethics_date"],
            bool(row["deidentified"]),
        )

    # -- people (R-PPL-1) ------------------------------------------------------------------
    def add_person(
        self,
        person_id: str,
        *,
        name: str,
        role: Role | str,
        years_experience: int,
        title: Title | str,
        licence: str,
        actor: str,
        password: str | None = None,
        language: str = "en",
    ) -> Person:
        """Record a person (an administrator's act), with their first password when given.

        Refused (naming the rule) when not qualified for the role (R-PPL-1), and when the
        licence / staff number already names another person: one human, one identity, so that
        nobody reviews their own work under a second name (R-PPL-3)."""
        self.require_administrator(actor, tr("add person {person_id}", person_id=person_id))
        _check_id(person_id, "person")
        if self.conn.execute("SELECT 1 FROM people WHERE id = ?", (person_id,)).fetchone():
            raise InvalidInputError(
                tr("person id {person_id!r} already exists in this project", person_id=person_id),
                self.directory,
            )
        if not normalise_licence(licence):
            raise InvalidInputError(
                tr(
                    (
                        "person {person_id} needs a licence or staff number (one human, one "
                        "identity)"
                    ),
                    person_id=person_id,
                )
            )
        _check_language(language)
        person = Person(
            person_id,
            name.strip(),
            Role(role),
            int(years_experience),
            title if isinstance(title, Title) else Title.parse(title),
            normalise_licence(licence),
            language,
        )
        if not person.name:
            raise InvalidInputError(tr("person {person_id} needs a name", person_id=person_id))
        rules = self.qualification_rules()
        rules.require(person)  # R-PPL-1
        digest = None
        if password is not None:
            from CNSTumorAnnotationLib.project.auth import hash_password

            digest = hash_password(password)
        with store.transaction(self.conn) as conn:
            self._insert_person(person)
            if digest is not None:
                from CNSTumorAnnotationLib.project.auth import write_password_hash

                write_password_hash(conn, person.id, digest)
            audit.append(
                conn,
                actor=actor,
                action="person_added",
                details={
                    "person": person.id,
                    "role": person.role.value,
                    "years": person.years_experience,
                    "title": person.title.value,
                    "licence": person.licence,
                    "rules": rules.version,
                },
            )
        return person

    def _insert_person(self, person: Person) -> None:
        """Insert the row (inside the caller's transaction); a taken id or licence refuses."""
        taken = self.conn.execute(
            "SELECT id, licence FROM people WHERE id = ? OR licence = ?",
            (person.id, person.licence),
        ).fetchone()
        if taken is not None:
            what = (
                tr("id")
                if taken["id"] == person.id
                else tr("licence {licence}", licence=person.licence)
            )
            raise WorkflowError(
                tr(
                    (
                        "R-PPL-3: the {what} already belongs to person {owner}; one human has "
                        "one identity in a project (change their role instead of adding a second "
                        "one)"
                    ),
                    what=what,
                    owner=taken["id"],
                )
            )
        self.conn.execute(
            "INSERT INTO people (id, name, role, years_experience, title, recorded_at, licence,"
            " language) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                person.id,
                person.name,
                person.role.value,
                person.years_experience,
                person.title.value,
                store.utc_now(),
                person.licence,
                person.language,
            ),
        )

    def person(self, person_id: str) -> Person:
        row = self.conn.execute("SELECT * FROM people WHERE id = ?", (person_id,)).fetchone()
        if row is None:
            raise InvalidInputError(
                tr("no person {person_id!r} in this project", person_id=person_id), self.directory
            )
        return _row_to_person(row)

    def people(self) -> list[Person]:
        return [_row_to_person(r) for r in self.conn.execute("SELECT * FROM people ORDER BY id")]

    def require_administrator(self, actor: str, what: str) -> Person:
        """The actor when they are an administrator; :class:`NotPermittedError` otherwise."""
        person = self.person(actor)
        if person.role is not Role.ADMINISTRATOR:
            raise NotPermittedError(
                tr(
                    "R-FLOW-1: only an administrator may {what}; {actor} is a {role}",
                    what=what,
                    actor=actor,
                    role=role_name(person.role),
                )
            )
        return person

    def change_role(
        self,
        person_id: str,
        role: Role | str,
        *,
        actor: str,
        years_experience: int | None = None,
        title: Title | str | None = None,
    ) -> Person:
        """Change a person's role: another administrator's audited act. The new role's
        qualification is checked (R-PPL-1); the last administrator keeps the role."""
        self.require_administrator(actor, tr("change the role of {person_id}", person_id=person_id))
        if actor == person_id:
            raise NotPermittedError(
                tr(
                    ("R-FLOW-1: {actor} may not change their own role; another administrator must"),
                    actor=actor,
                )
            )
        before = self.person(person_id)
        after = Person(
            before.id,
            before.name,
            Role(role),
            before.years_experience if years_experience is None else int(years_experience),
            before.title
            if title is None
            else (title if isinstance(title, Title) else Title.parse(title)),
            before.licence,
            before.language,
        )
        rules = self.qualification_rules()
        rules.require(after)  # R-PPL-1
        with store.transaction(self.conn) as conn:
            conn.execute(
                "UPDATE people SET role = ?, years_experience = ?, title = ? WHERE id = ?",
                (after.role.value, after.years_experience, after.title.value, person_id),
            )
            admins = conn.execute(
                "SELECT COUNT(*) FROM people WHERE role = ?", (Role.ADMINISTRATOR.value,)
            ).fetchone()[0]
            if not admins:
                raise NotPermittedError(
                    tr("R-FLOW-1: the project's last administrator keeps the role")
                )
            audit.append(
                conn,
                actor=actor,
                action="role_changed",
                details={
                    "person": person_id,
                    "from": before.role.value,
                    "to": after.role.value,
                    "years": after.years_experience,
                    "title": after.title.value,
                    "rules": rules.version,
                },
            )
        return after

    def set_language(self, person_id: str, language: str, *, actor: str) -> None:
        """A person chooses their interface language (themself only); audited."""
        if actor != person_id:
            raise NotPermittedError(
                tr(
                    "{actor} may not choose the language of {person_id}",
                    actor=actor,
                    person_id=person_id,
                )
            )
        _check_language(language)
        with store.transaction(self.conn) as conn:
            conn.execute("UPDATE people SET language = ? WHERE id = ?", (language, person_id))
            audit.append(conn, actor=actor, action="language_set", details={"language": language})

    # -- cases -----------------------------------------------------------------------------
    def register_case(
        self,
        case_id: str,
        *,
        dataset_id: str,
        patient: str,
        actor: str,
        phase: str = "production",
        source: str | Path | None = None,
        dicom_dir: str | Path | None = None,
        key_file: str | Path | None = None,
    ) -> ProjectCase:
        """Register a collected case (state ``imported``). R-DATA-1: refused unless its dataset
        has an ethics approval and is de-identified.

        With ``dicom_dir`` and the pseudonym ``key_file`` that de-identified it, the
        de-identification is verified, not declared (``CNSTumorQCLib.deid.verify``): every file
        must say PatientIdentityRemoved YES, carry a pseudonym and no original identity from the
        key; a failure refuses the case naming the files, and the result is in the audit entry.
        Registering is an administrator's act.
        """
        self.require_administrator(actor, tr("register case {case_id}", case_id=case_id))
        _check_id(case_id, "case")
        if phase not in ("production", "calibration"):
            raise InvalidInputError(
                tr("phase must be production or calibration, not {phase!r}", phase=phase)
            )
        dataset = self.dataset(dataset_id)
        if not dataset.ethics_reference or not dataset.ethics_date:
            raise WorkflowError(
                tr(
                    (
                        "R-DATA-1: dataset {dataset_id} has no recorded ethics approval; case "
                        "{case_id} may not be used"
                    ),
                    dataset_id=dataset_id,
                    case_id=case_id,
                )
            )
        if not dataset.deidentified:
            raise WorkflowError(
                tr(
                    (
                        "R-DATA-1: dataset {dataset_id} is not de-identified; case {case_id} may "
                        "not be used"
                    ),
                    dataset_id=dataset_id,
                    case_id=case_id,
                )
            )
        verification = _verify_deidentification(case_id, dicom_dir, key_file)
        folder = f"cases/{case_id}"
        (self.directory / folder).mkdir(parents=True, exist_ok=True)
        with store.transaction(self.conn) as conn:
            conn.execute(
                "INSERT INTO cases (id, dataset_id, patient, folder, state, phase, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    case_id,
                    dataset_id,
                    patient,
                    folder,
                    CaseState.IMPORTED.value,
                    phase,
                    store.utc_now(),
                ),
            )
            audit.append(
                conn,
                actor=actor,
                action="case_imported",
                case_id=case_id,
                details={
                    "dataset": dataset_id,
                    "phase": phase,
                    "source": str(source) if source else None,
                    "deidentification": verification,
                },
            )
        return self.case(case_id)

    def case(self, case_id: str) -> ProjectCase:
        row = self.conn.execute("SELECT * FROM cases WHERE id = ?", (case_id,)).fetchone()
        if row is None:
            raise InvalidInputError(
                tr("no case {case_id!r} in this project", case_id=case_id), self.directory
            )
        return _row_to_case(row)

    def cases(self, state: CaseState | None = None) -> list[ProjectCase]:
        query, params = "SELECT * FROM cases", ()
        if state is not None:
            query, params = query + " WHERE state = ?", (state.value,)  # type: ignore[assignment]
        return [_row_to_case(r) for r in self.conn.execute(query + " ORDER BY id", params)]

    def move(
        self,
        case_id: str,
        action: Action,
        *,
        actor: str,
        version_id: int | None = None,
        details: dict[str, Any] | None = None,
        assignee: str | None = None,
    ) -> CaseState:
        """Apply one lifecycle transition and write its audit entry, in one transaction.

        The caller has checked who may do it; this checks the table (R-FLOW-1) against the
        state read inside the transaction, so two processes cannot both move the same case."""
        with store.transaction(self.conn):
            return self._move_in_transaction(
                case_id,
                action,
                actor=actor,
                version_id=version_id,
                details=details,
                assignee=assignee,
            )

    def _move_in_transaction(
        self,
        case_id: str,
        action: Action,
        *,
        actor: str,
        version_id: int | None,
        details: dict[str, Any] | None,
        assignee: str | None = None,
    ) -> CaseState:
        state = self.case(case_id).state
        transition = transition_for(case_id, state, action)
        self.person(actor)  # R-FLOW-1: every step is recorded against a registered person
        if version_id is None:  # R-FLOW-1: "with which version": the case's latest, if any
            row = self.conn.execute(
                "SELECT id FROM annotation_versions WHERE case_id = ? ORDER BY number DESC LIMIT 1",
                (case_id,),
            ).fetchone()
            version_id = int(row[0]) if row else None
        sets, params = "state = ?, updated_at = ?", [transition.target.value, store.utc_now()]
        if assignee is not None:
            sets, params = sets + ", assignee = ?", [*params, assignee]
        self.conn.execute(f"UPDATE cases SET {sets} WHERE id = ?", (*params, case_id))
        audit.append(
            self.conn,
            actor=actor,
            action=action.value,
            case_id=case_id,
            version_id=version_id,
            details={
                "from": state.value,
                "to": transition.target.value,
                "rule": transition.rule,
                **(details or {}),
            },
        )
        return transition.target

    def deidentify(self, case_id: str, *, actor: str, method: str = "") -> CaseState:
        """Record that the case's images were de-identified (R-DATA-1; an administrator)."""
        self.require_administrator(
            actor, tr("record the de-identification of case {case_id}", case_id=case_id)
        )
        return self.move(case_id, Action.DEIDENTIFY, actor=actor, details={"method": method})

    def pass_qc(
        self,
        case_id: str,
        *,
        actor: str,
        grade: int | None = None,
        qc_report: str | Path | None = None,
    ) -> CaseState:
        """Record a passed QC (R-QC-2: grade 2 or 3 only).

        With ``qc_report`` (what the command line requires) the audit entry records the
        report's verdict, the radiologist-confirmed grade of each annotated sequence, the series
        and the report's SHA-256 (``qc_gate.qc_evidence``); an unconfirmed grade is refused.
        ``grade`` alone is for callers that hold no report (fixtures) and is recorded as given.
        Recording the QC is an administrator's act.
        """
        self.require_administrator(actor, tr("record the QC of case {case_id}", case_id=case_id))
        details: dict[str, Any] = {"grade": grade}
        if qc_report is not None:
            from CNSTumorAnnotationLib.project.qc_gate import qc_evidence

            details = qc_evidence(qc_report)
            if grade is not None and grade != details["grade"]:
                raise InvalidInputError(
                    tr(
                        (
                            "R-QC-2: grade {grade} given, but the QC report's confirmed grades are "
                            "{grades}; the report decides"
                        ),
                        grade=grade,
                        grades=details["grades"],
                    )
                )
            grade = int(details["grade"])
        if grade is not None and grade not in (2, 3):
            raise WorkflowError(
                tr(
                    (
                        "R-QC-2: case {case_id} has quality grade {grade}; only 2 or 3 may be "
                        "annotated"
                    ),
                    case_id=case_id,
                    grade=grade,
                )
            )
        return self.move(case_id, Action.PASS_QC, actor=actor, details=details)

    def exclude(self, case_id: str, *, actor: str, reason: str) -> CaseState:
        """Exclude a case with a reason (R-QC-2; an administrator)."""
        self.require_administrator(actor, tr("exclude case {case_id}", case_id=case_id))
        if not reason.strip():
            raise InvalidInputError(
                tr("R-QC-2: excluding case {case_id} needs a reason", case_id=case_id)
            )
        return self.move(case_id, Action.EXCLUDE, actor=actor, details={"reason": reason})

    def audit_entries(self, case_id: str | None = None) -> list[audit.AuditEntry]:
        return audit.entries(self.conn, case_id)


def _verify_deidentification(
    case_id: str, dicom_dir: str | Path | None, key_file: str | Path | None
) -> dict[str, Any]:
    """R-DATA-1: the case's DICOM checked against its pseudonym key (see ``register_case``)."""
    if dicom_dir is None and key_file is None:
        return {"verified": False, "reason": "no DICOM given to verify"}
    if dicom_dir is None or key_file is None:
        raise InvalidInputError(
            tr("verifying de-identification needs the DICOM folder and its key")
        )
    from CNSTumorQCLib.deid.verify import verify_deidentified

    result = verify_deidentified(dicom_dir, key_file)
    if not result.ok:
        problems = [f"{f.files[0] if f.files else '?'}: {f.message}" for f in result.findings]
        raise WorkflowError(
            tr(
                (
                    "R-DATA-1: case {case_id} is not de-identified ({count} problem(s) in "
                    "{files} files): {problems}"
                ),
                case_id=case_id,
                count=len(problems),
                files=result.files_checked,
                problems="; ".join(problems[:3]),
            )
        )
    data = result.to_dict()
    data["dicom_dir"] = str(Path(dicom_dir).resolve())
    return data


def _row_to_person(row: Any) -> Person:
    return Person(
        row["id"],
        row["name"],
        Role(row["role"]),
        int(row["years_experience"]),
        Title(row["title"]),
        row["licence"],
        row["language"] or "en",
    )


def _row_to_case(row: Any) -> ProjectCase:
    return ProjectCase(
        row["id"],
        row["dataset_id"],
        row["patient"],
        row["folder"],
        CaseState(row["state"]),
        row["assignee"],
        row["phase"],
        row["updated_at"],
    )


def _check_id(value: str, kind: str) -> None:
    safe_component(value, tr(_ID_KINDS[kind]))  # it names folders: never one outside the project
    if not _ID.match(value or ""):
        raise InvalidInputError(
            tr(
                "{kind} {identifier!r} must be letters, digits, '.', '_' or '-' (it names folders)",
                kind=tr(_ID_KINDS[kind]),
                identifier=value,
            )
        )


def _check_date(value: str) -> None:
    try:
        _dt.date.fromisoformat(value)
    except ValueError as error:
        raise InvalidInputError(
            tr("ethics approval date {date!r} is not YYYY-MM-DD", date=value)
        ) from error


def project_database(directory: str | Path) -> str | Path:
    """The database of the project at ``directory`` (SQLite path or PostgreSQL URL)."""
    database = store.project_database(directory)
    if database is None:
        raise MissingInputError(
            tr("no annotation project database here (neither project.sqlite nor project.database)"),
            directory,
        )
    return database


def _check_language(language: str) -> None:
    """A person's interface language (the browser wizard's, chosen per person) is one we speak."""
    if language not in LANGUAGES:
        raise InvalidInputError(
            tr(
                "language must be one of {choices}, not {language!r}",
                choices=list(LANGUAGES),
                language=language,
            )
        )
