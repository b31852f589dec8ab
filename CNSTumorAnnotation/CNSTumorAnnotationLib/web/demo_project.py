"""A project to try the browser wizard on: the bundled real case, assigned to an annotator.

``cnstumor serve --project DIR --demo`` builds it when DIR holds no project yet: administrator
``admin``, certified annotator ``dr_li``, reviewer ``dr_wang`` (Chinese interface), the bundled
TCGA-FG-6692 case imported into ``DIR/cases/<id>`` (co-registered to FLAIR unless
``register=False``) and assigned to ``dr_li``. Passwords are generated (or given, for tests)
and written to ``DIR/demo-credentials.txt``, readable by its owner only.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from CNSTumorAnnotationLib.people import Person, Role, Title
from CNSTumorAnnotationLib.project import workflow
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorAnnotationLib.training.calibration import record_certification
from CNSTumorQCLib.atomic import write_text_atomic
from CNSTumorQCLib.paths import sample_data_dir
from CNSTumorQCLib.sequences import MRSequence

ADMIN, ANNOTATOR, REVIEWER = "admin", "dr_li", "dr_wang"
CASE_ID = "TCGA-FG-6692"


def build_demo_project(
    directory: Path, *, passwords: dict[str, str] | None = None, register: bool = True
) -> dict[str, str]:
    """Create the demo project at ``directory``; returns the passwords by person."""
    from CNSTumorAnnotationLib.case.nifti_import import import_case_from_nifti

    chosen = passwords or {p: secrets.token_urlsafe(12) for p in (ADMIN, ANNOTATOR, REVIEWER)}
    admin = Person(ADMIN, "Project administrator", Role.ADMINISTRATOR, 0, Title.RESIDENT, "S-1")
    with Project.init(directory, admin=admin, password=chosen[ADMIN], name="web demo") as project:
        project.add_person(
            ANNOTATOR, name="Dr Li", role="annotator", years_experience=6, title="attending",
            licence="MD-110-0001", password=chosen[ANNOTATOR], actor=ADMIN,
        )  # fmt: skip
        project.add_person(
            REVIEWER, name="Dr Wang", role="reviewer", years_experience=15, title="chief",
            licence="MD-110-0002", password=chosen[REVIEWER], language="zh", actor=ADMIN,
        )  # fmt: skip
        project.add_dataset(
            "tcga-lgg", actor=ADMIN, deidentified=True, ethics_date="2026-01-01",
            ethics_reference="TCIA TCGA-LGG data usage policy (public, de-identified at source)",
        )  # fmt: skip
        record_certification(
            project, ANNOTATOR, team="external", certified=True, actor=ADMIN,
            thresholds_version="external training record (demo)", report_sha256="0" * 64,
        )  # fmt: skip
        native = sample_data_dir() / "native"
        volumes = {
            s: native / f"{s.value}.nii.gz"
            for s in MRSequence
            if (native / f"{s.value}.nii.gz").is_file()
        }
        import_case_from_nifti(volumes, directory / "cases" / CASE_ID, CASE_ID, register=register)
        project.register_case(CASE_ID, dataset_id="tcga-lgg", patient=CASE_ID, actor=ADMIN)
        project.deidentify(CASE_ID, actor=ADMIN, method="de-identified at source (TCIA)")
        project.pass_qc(CASE_ID, actor=ADMIN, grade=3)
        workflow.assign(project, CASE_ID, ANNOTATOR, actor=ADMIN)
    lines = ["# generated for the web demo's people; never do this in a real project"]
    lines += [f"{person} {password}" for person, password in chosen.items()]
    credentials = directory / "demo-credentials.txt"
    write_text_atomic(credentials, "\n".join(lines) + "\n")
    credentials.chmod(0o600)
    return chosen
