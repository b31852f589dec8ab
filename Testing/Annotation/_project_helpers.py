"""Builders shared by the project-store tests: a real project on disk with a dataset, people
and a case walked to a given state (every step through the public API)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.people import Person, Role, Title
from CNSTumorAnnotationLib.project import store, workflow
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorAnnotationLib.training import calibration as training
from CNSTumorQCLib.findings import Finding, Severity

ADMIN = "admin"
ANNOTATOR = "dr_li"
REVIEWER = "dr_wang"
#: test-only passwords of the three people every test project has
PASSWORDS = {ADMIN: "admin-pass-phrase", ANNOTATOR: "li-pass-phrase", REVIEWER: "wang-pass-phrase"}


def init_project(directory: Path, name: str = "", database: str | None = None) -> Project:
    """A new project whose first person is the administrator :data:`ADMIN`; ``database``: None
    (SQLite in the folder) or a PostgreSQL URL."""
    admin = Person(ADMIN, "Ms Admin", Role.ADMINISTRATOR, 0, Title.RESIDENT, "STAFF-0001")
    return Project.init(
        directory, admin=admin, password=PASSWORDS[ADMIN], name=name, database=database
    )


def new_project(directory: Path, database: str | None = None) -> Project:
    """A project with an approved, de-identified dataset, a qualified and certified annotator,
    a qualified reviewer and an administrator; ``database``: None (SQLite) or a PostgreSQL URL."""
    project = init_project(directory, database=database)
    project.add_dataset(
        "tcga",
        actor=ADMIN,
        ethics_reference="IRB-2026-017",
        ethics_date="2026-03-01",
        deidentified=True,
    )
    project.add_person(
        ANNOTATOR,
        licence=f"L-{ANNOTATOR}",
        name="Dr Li",
        role="annotator",
        years_experience=6,
        title="attending",
        actor=ADMIN,
        password=PASSWORDS[ANNOTATOR],
    )
    project.add_person(
        REVIEWER,
        licence=f"L-{REVIEWER}",
        name="Dr Wang",
        role="reviewer",
        years_experience=15,
        title="associate_chief",
        actor=ADMIN,
        password=PASSWORDS[REVIEWER],
    )
    training.record_certification(
        project,
        ANNOTATOR,
        team="A",
        certified=True,
        thresholds_version="test",
        report_sha256="0" * 64,
        actor=ADMIN,
    )
    return project


def open_database(project_dir: Path) -> Any:
    """A plain connection to the project's database, whichever engine (autocommit)."""
    database = store.project_database(project_dir)
    assert database is not None, project_dir
    return store.connect(database)


def drop_trigger(conn: Any, name: str, table: str) -> None:
    """What an attacker with the database's password does first (both engines' syntax)."""
    if store.dialect(conn) == "postgresql":
        conn.execute(f"DROP TRIGGER {name} ON {table}")
    else:
        conn.execute(f"DROP TRIGGER {name}")


def label_file(
    directory: Path, name: str = "P1_FLAIR_whole-tumor.nii.gz", payload: bytes = b"x"
) -> Path:
    """A small file standing in for an annotation file (the store only copies and hashes it)."""
    path = directory / "incoming" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(payload)
    return path


def clean_self_check() -> list[Finding]:
    return [Finding("R-ANN-9", Severity.INFO, "first and last slice labelled")]


def blocking_self_check() -> list[Finding]:
    return [Finding("R-ANN-4", Severity.ERROR, "the enhancing region is empty", region="enhancing")]


def case_in_progress(project: Project, case_id: str = "case-1") -> str:
    project.register_case(case_id, dataset_id="tcga", patient="P1", actor=ADMIN)
    project.deidentify(case_id, actor=ADMIN)
    project.pass_qc(case_id, actor=ADMIN, grade=3)
    workflow.assign(project, case_id, ANNOTATOR, actor=ADMIN)
    workflow.start(project, case_id, actor=ANNOTATOR)
    return case_id


def case_submitted(project: Project, tmp: Path, case_id: str = "case-1") -> str:
    case_in_progress(project, case_id)
    workflow.save_version(
        project, case_id, [label_file(tmp)], actor=ANNOTATOR, schema_version="glioma-1"
    )
    assert workflow.record_self_check(project, case_id, clean_self_check(), actor=ANNOTATOR)
    workflow.submit(project, case_id, actor=ANNOTATOR, allow_unverified=True)
    return case_id


def brats_phantom(radius: float, enhancing_shift: int = 0, size: int = 48) -> sitk.Image:
    """A BraTS-labelled sphere phantom (2 edema shell, 1 core, 4 enhancing rim) at 1 mm."""
    z, y, x = np.indices((size, size, size))
    centre = size / 2
    r = np.sqrt((z - centre) ** 2 + (y - centre) ** 2 + (x - centre) ** 2)
    labels = np.zeros((size, size, size), np.uint8)
    labels[r <= radius] = 2
    labels[r <= radius * 0.7] = 4
    labels[r <= radius * 0.45] = 1
    if enhancing_shift:
        enhancing = labels == 4
        labels[enhancing] = 1
        labels[np.roll(enhancing, enhancing_shift, axis=2) & (labels > 0)] = 4
    image = sitk.GetImageFromArray(labels)
    image.SetSpacing((1.0, 1.0, 1.0))
    return image


def demo_password(project_dir: Path, person: str) -> str:
    """The password the review demo generated for ``person`` (its ``demo-credentials.txt``)."""
    for line in (Path(project_dir) / "demo-credentials.txt").read_text().splitlines():
        if line and not line.startswith("#") and line.split()[0] == person:
            return line.split()[1]
    raise KeyError(person)
