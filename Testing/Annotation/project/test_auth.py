"""Authenticated actors and roles (R-FLOW-1, R-PPL-1, R-PPL-3): every refusal on a real project.

Before: ``--actor`` was trusted as typed, so an unknown name could add an administrator, an
annotator could add themself a second identity as reviewer and approve their own case, or
assign cases to themself. Each test here is one of those holes, closed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from _project_helpers import (
    ADMIN,
    ANNOTATOR,
    PASSWORDS,
    REVIEWER,
    case_submitted,
    new_project,
)

from CNSTumorAnnotationLib.people import NotPermittedError, Role
from CNSTumorAnnotationLib.project import auth, workflow
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorAnnotationLib.training.calibration import record_certification
from CNSTumorQCLib.errors import AuthenticationError, InvalidInputError, WorkflowError


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with new_project(tmp_path / "proj") as opened:
        yield opened


@pytest.mark.slow
def test_R_FLOW_1_passwords_are_stored_as_argon2id_hashes_and_verified(project: Project) -> None:
    stored = [r[0] for r in project.conn.execute("SELECT password_hash FROM credentials")]
    assert len(stored) == 3 and all(h.startswith("$argon2id$") for h in stored)
    assert not any(p in h for h in stored for p in PASSWORDS.values())
    assert auth.authenticate(project, ANNOTATOR, password=PASSWORDS[ANNOTATOR]).id == ANNOTATOR
    with pytest.raises(AuthenticationError, match="unknown person or wrong password for 'dr_li'"):
        auth.authenticate(project, ANNOTATOR, password=PASSWORDS[REVIEWER])
    with pytest.raises(AuthenticationError, match="unknown person or wrong password for 'ghost'"):
        auth.authenticate(project, "ghost", password="whatever-long")
    with pytest.raises(AuthenticationError, match="dr_li is not authenticated"):
        auth.authenticate(project, ANNOTATOR)
    with pytest.raises(InvalidInputError, match="at least 10 characters"):
        auth.store_password(project, ANNOTATOR, "short", actor=ANNOTATOR)


@pytest.mark.slow
def test_R_FLOW_1_a_password_is_set_by_its_owner_or_an_administrator_only(
    project: Project,
) -> None:
    auth.store_password(project, ANNOTATOR, "a-new-pass-phrase", actor=ANNOTATOR)
    assert auth.authenticate(project, ANNOTATOR, password="a-new-pass-phrase").id == ANNOTATOR
    with pytest.raises(NotPermittedError, match="only an administrator may set the password"):
        auth.store_password(project, ANNOTATOR, "reviewer-chose-it", actor=REVIEWER)
    auth.store_password(project, ANNOTATOR, "admin-reset-phrase", actor=ADMIN)
    actions = [e.action for e in project.audit_entries()]
    assert actions.count("password_set") == 2


@pytest.mark.slow
def test_R_FLOW_1_tokens_sign_their_holder_in_until_revoked_or_expired(project: Project) -> None:
    issued = auth.create_token(project, ANNOTATOR, actor=ANNOTATOR, label="script")
    assert auth.authenticate(project, None, token=issued.secret).id == ANNOTATOR
    stored = project.conn.execute("SELECT token_sha256 FROM tokens").fetchone()[0]
    assert issued.secret not in stored
    with pytest.raises(AuthenticationError, match="the token belongs to dr_li, not dr_wang"):
        auth.authenticate(project, REVIEWER, token=issued.secret)
    with pytest.raises(NotPermittedError, match="only an administrator may create a token"):
        auth.create_token(project, ANNOTATOR, actor=REVIEWER)
    auth.revoke_token(project, issued.id, actor=ADMIN)
    with pytest.raises(AuthenticationError, match="unknown or revoked token"):
        auth.authenticate(project, None, token=issued.secret)
    old = auth.create_token(project, REVIEWER, actor=REVIEWER)
    project.conn.execute(
        "UPDATE tokens SET expires_at = '2020-01-01T00:00:00+00:00' WHERE id = ?", (old.id,)
    )
    with pytest.raises(AuthenticationError, match="the token expired"):
        auth.authenticate(project, None, token=old.secret)


@pytest.mark.slow
def test_R_FLOW_1_only_an_administrator_adds_people_datasets_and_cases(project: Project) -> None:
    with pytest.raises(NotPermittedError, match="only an administrator may add person dr_evil"):
        project.add_person(
            "dr_evil",
            name="Dr Evil",
            role="administrator",
            years_experience=0,
            title="resident",
            licence="X-1",
            actor=ANNOTATOR,
        )
    with pytest.raises(InvalidInputError, match="no person 'ghost'"):
        project.add_dataset(
            "d2", actor="ghost", ethics_reference="I", ethics_date="2026-01-01", deidentified=True
        )
    with pytest.raises(NotPermittedError, match="only an administrator may register case c9"):
        project.register_case("c9", dataset_id="tcga", patient="P9", actor=REVIEWER)
    with pytest.raises(NotPermittedError, match="only an administrator may record the certif"):
        record_certification(
            project,
            ANNOTATOR,
            team="A",
            certified=True,
            thresholds_version="t",
            report_sha256="0" * 64,
            actor=ANNOTATOR,
        )
    people = {r[0] for r in project.conn.execute("SELECT id FROM people")}
    assert people == {ADMIN, ANNOTATOR, REVIEWER}
    assert project.cases() == []


@pytest.mark.slow
def test_R_PPL_3_one_human_has_one_identity_even_when_an_administrator_adds_it(
    project: Project,
) -> None:
    with pytest.raises(WorkflowError, match="the licence L-DR_LI already belongs to person dr_li"):
        project.add_person(
            "li_reviewer",
            name="Dr Li",
            role="reviewer",
            years_experience=15,
            title="chief",
            licence="l-dr_li ",  # the same staff number typed differently
            actor=ADMIN,
        )
    with pytest.raises(InvalidInputError, match="needs a licence or staff number"):
        project.add_person(
            "dr_anon",
            name="Dr Anon",
            role="annotator",
            years_experience=6,
            title="attending",
            licence=" ",
            actor=ADMIN,
        )


@pytest.mark.slow
def test_R_FLOW_1_an_annotator_cannot_assign_cases_even_to_themself(project: Project) -> None:
    project.register_case("c1", dataset_id="tcga", patient="P1", actor=ADMIN)
    project.deidentify("c1", actor=ADMIN)
    project.pass_qc("c1", actor=ADMIN, grade=3)
    with pytest.raises(NotPermittedError, match="only an administrator may assign case c1"):
        workflow.assign(project, "c1", ANNOTATOR, actor=ANNOTATOR)
    assert project.case("c1").assignee is None


@pytest.mark.slow
def test_R_PPL_3_a_role_change_is_another_administrators_audited_act(project: Project) -> None:
    with pytest.raises(NotPermittedError, match="only an administrator may change the role"):
        project.change_role(ANNOTATOR, "reviewer", actor=ANNOTATOR)
    with pytest.raises(NotPermittedError, match="may not change their own role"):
        project.change_role(ADMIN, "annotator", actor=ADMIN, years_experience=6)
    changed = project.change_role(
        ANNOTATOR, Role.REVIEWER, actor=ADMIN, years_experience=12, title="chief"
    )
    assert changed.role is Role.REVIEWER and project.person(ANNOTATOR).role is Role.REVIEWER
    entry = [e for e in project.audit_entries() if e.action == "role_changed"][-1]
    assert entry.actor == ADMIN and entry.details["from"] == "annotator"


@pytest.mark.slow
def test_R_PPL_3_an_annotator_made_reviewer_never_reviews_the_case_they_annotated(
    project: Project, tmp_path: Path
) -> None:
    case_submitted(project, tmp_path)
    with pytest.raises(WorkflowError, match="is a annotator, not a reviewer"):
        workflow.review(project, "case-1", reviewer=ANNOTATOR, decision="approve")
    project.change_role(ANNOTATOR, "reviewer", actor=ADMIN, years_experience=12, title="chief")
    with pytest.raises(WorkflowError, match="Dr Li annotated case case-1"):
        workflow.review(project, "case-1", reviewer=ANNOTATOR, decision="approve")


@pytest.mark.slow
def test_R_PPL_3_no_review_of_own_work_under_a_second_identity_from_an_older_store(
    project: Project, tmp_path: Path
) -> None:
    case_submitted(project, tmp_path)
    # A store written before identities were unique: the same licence under a second id.
    project.conn.execute("DROP INDEX people_one_human")
    project.conn.execute(
        "INSERT INTO people (id, name, role, years_experience, title, recorded_at, licence)"
        " VALUES ('li_2', 'Li Second', 'reviewer', 20, 'chief', '2026', 'L-DR_LI')"
    )
    with pytest.raises(WorkflowError, match="Li Second annotated case case-1"):
        workflow.review(project, "case-1", reviewer="li_2", decision="approve")


@pytest.mark.slow
def test_R_PPL_3_an_annotator_may_not_reopen_an_approved_case(
    project: Project, tmp_path: Path
) -> None:
    case_submitted(project, tmp_path)
    workflow.review(project, "case-1", reviewer=REVIEWER, decision="approve")
    with pytest.raises(NotPermittedError, match="only an administrator or a reviewer may reopen"):
        workflow.reopen(project, "case-1", actor=ANNOTATOR, reason="change it")
    workflow.reopen(project, "case-1", actor=ADMIN, reason="a late correction")


@pytest.mark.slow
def test_R_FLOW_1_the_first_administrator_is_created_with_the_project(tmp_path: Path) -> None:
    from CNSTumorAnnotationLib.people import Person, Title

    reviewer = Person("r", "R", Role.REVIEWER, 20, Title.CHIEF, "S-9")
    with pytest.raises(InvalidInputError, match="first person of a project is its administrator"):
        Project.init(tmp_path / "p", admin=reviewer, password="long-enough-pw")
    admin = Person("boss", "Boss", Role.ADMINISTRATOR, 0, Title.RESIDENT, "S-1")
    with pytest.raises(InvalidInputError, match="at least 10 characters"):
        Project.init(tmp_path / "p", admin=admin, password="short")
    with Project.init(tmp_path / "p", admin=admin, password="long-enough-pw") as project:
        assert (
            auth.authenticate(project, "boss", password="long-enough-pw").role is Role.ADMINISTRATOR
        )
        assert project.audit_entries()[-1].action == "project_init"


def test_migration_4_upgrades_a_store_made_before_authentication(tmp_path: Path) -> None:
    from CNSTumorAnnotationLib.project import store

    database = tmp_path / "old.sqlite"
    conn = sqlite3.connect(database, isolation_level=None)
    conn.execute(
        "CREATE TABLE schema_migrations (number INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL)"
    )
    for migration in store.MIGRATIONS[:3]:
        for statement in store._statements(migration.sql):
            conn.execute(statement)
        conn.execute(
            "INSERT INTO schema_migrations VALUES (?, ?, '2026')",
            (migration.number, migration.name),
        )
    conn.execute(
        "INSERT INTO people VALUES ('old', 'Old Hand', 'annotator', 9, 'attending', '2026')"
    )
    conn.close()
    upgraded = store.connect(database)
    assert store.applied_migrations(upgraded) == [1, 2, 3, 4]
    row = upgraded.execute("SELECT licence, language FROM people WHERE id = 'old'").fetchone()
    assert (row[0], row[1]) == (None, "en")
    assert upgraded.execute("SELECT COUNT(*) FROM credentials").fetchone()[0] == 0
    upgraded.close()
