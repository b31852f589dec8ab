"""People and qualifications (R-PPL-1): a versioned rule table a project can only tighten."""

from __future__ import annotations

from pathlib import Path

import pytest
from _project_helpers import ADMIN, new_project

from CNSTumorAnnotationLib.people import (
    CONSENSUS_RULES,
    Person,
    QualificationError,
    QualificationRules,
    Role,
    RoleRequirement,
    Title,
)
from CNSTumorQCLib.errors import SchemaError


def test_R_PPL_1_an_annotator_with_five_years_qualifies_and_with_four_is_refused() -> None:
    assert CONSENSUS_RULES.refusals(Person("a", "Dr A", Role.ANNOTATOR, 5, Title.RESIDENT)) == []
    reasons = CONSENSUS_RULES.refusals(Person("b", "Dr B", Role.ANNOTATOR, 4, Title.ATTENDING))
    assert reasons == ["R-PPL-1: annotator needs >= 5 years of experience; Dr B has 4"]


def test_R_PPL_1_a_reviewer_needs_ten_years_and_the_rank_of_associate_chief_or_chief() -> None:
    assert CONSENSUS_RULES.refusals(Person("c", "Dr C", Role.REVIEWER, 10, Title.CHIEF)) == []
    with pytest.raises(
        QualificationError, match="R-PPL-1: reviewer needs >= 10 years of experience; Dr X has 7"
    ):
        CONSENSUS_RULES.require(Person("x", "Dr X", Role.REVIEWER, 7, Title.ASSOCIATE_CHIEF))
    with pytest.raises(
        QualificationError,
        match="reviewer must be associate chief physician or chief physician; Dr Y is attending physician",
    ):
        CONSENSUS_RULES.require(Person("y", "Dr Y", Role.REVIEWER, 20, Title.ATTENDING))


def test_titles_are_read_in_english_or_chinese() -> None:
    assert Title.parse("副主任医师") is Title.ASSOCIATE_CHIEF
    assert Title.parse("主任医师") is Title.CHIEF
    assert Title.parse("主治医师") is Title.ATTENDING
    assert Title.parse("Associate chief") is Title.ASSOCIATE_CHIEF
    with pytest.raises(SchemaError, match="unknown title"):
        Title.parse("professor")


def test_R_PPL_1_a_project_may_tighten_the_rules_but_never_loosen_them() -> None:
    strict = CONSENSUS_RULES.tightened("site-B/2", annotator=RoleRequirement(8, frozenset(Title)))
    assert strict.refusals(Person("a", "Dr A", Role.ANNOTATOR, 6, Title.ATTENDING)) == [
        "R-PPL-1: annotator needs >= 8 years of experience; Dr A has 6"
    ]
    with pytest.raises(SchemaError, match="may tighten but not loosen.*reviewer needs >= 10 years"):
        CONSENSUS_RULES.tightened("loose", reviewer=RoleRequirement(8, frozenset({Title.CHIEF})))
    with pytest.raises(SchemaError, match="reviewer may not be a attending"):
        CONSENSUS_RULES.tightened(
            "loose", reviewer=RoleRequirement(12, frozenset({Title.ATTENDING, Title.CHIEF}))
        )


def test_the_rule_table_round_trips_through_its_stored_form() -> None:
    strict = CONSENSUS_RULES.tightened(
        "site-B/2", reviewer=RoleRequirement(12, frozenset({Title.CHIEF}))
    )
    assert QualificationRules.from_dict(strict.to_dict()) == strict


@pytest.mark.slow
def test_R_PPL_1_adding_an_unqualified_reviewer_is_refused_naming_the_rule(
    tmp_path: Path, project_database: str | None
) -> None:
    with new_project(tmp_path / "p", project_database) as project:
        with pytest.raises(
            QualificationError,
            match="R-PPL-1: reviewer needs >= 10 years of experience; Dr Zhao has 7",
        ):
            project.add_person(
                "dr_zhao",
                licence="L-dr_zhao",
                name="Dr Zhao",
                role="reviewer",
                years_experience=7,
                title="chief",
                actor=ADMIN,
            )
        assert (
            project.conn.execute("SELECT COUNT(*) FROM people WHERE id = 'dr_zhao'").fetchone()[0]
            == 0
        )


@pytest.mark.slow
def test_R_PPL_1_a_tightened_project_table_applies_to_later_assignments_and_is_versioned(
    tmp_path: Path, project_database: str | None
) -> None:
    from _project_helpers import ANNOTATOR

    from CNSTumorAnnotationLib.project import workflow

    with new_project(tmp_path / "p", project_database) as project:
        project.tighten_rules(
            CONSENSUS_RULES.tightened("site-B/2", annotator=RoleRequirement(8, frozenset(Title))),
            actor=ADMIN,
        )
        assert project.qualification_rules().version == "site-B/2"
        project.register_case("c1", dataset_id="tcga", patient="P1", actor=ADMIN)
        project.deidentify("c1", actor=ADMIN)
        project.pass_qc("c1", actor=ADMIN)
        with pytest.raises(
            QualificationError, match=r"R-PPL-1: annotator needs >= 8 years.*Dr Li has 6.*site-B/2"
        ):
            workflow.assign(project, "c1", ANNOTATOR, actor=ADMIN)
        with pytest.raises(SchemaError, match="not loosen"):
            project.tighten_rules(
                QualificationRules("loose", RoleRequirement(1, frozenset(Title))), actor=ADMIN
            )
