"""Worker processes for the crash-safety and concurrency tests (run as real child processes).

``python _store_workers.py save PROJECT CASE`` saves annotation versions in an endless loop
(the parent SIGKILLs it); each file is self-verifying: 32 bytes of sha256 then the payload,
so a partially written file is recognisable wherever it lands.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from CNSTumorAnnotationLib.project import workflow
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorQCLib.findings import Finding, Severity

# Same people as _project_helpers (not imported: it pulls the agreement library, and a child
# that starts fast is killed more often in the middle of a save).
ANNOTATOR = "dr_li"
REVIEWER = "dr_wang"


def clean_self_check() -> list[Finding]:
    return [Finding("R-ANN-9", Severity.INFO, "first and last slice labelled")]


def self_verifying_bytes(size: int) -> bytes:
    payload = os.urandom(size)
    return hashlib.sha256(payload).digest() + payload


def is_complete(data: bytes) -> bool:
    return len(data) > 32 and hashlib.sha256(data[32:]).digest() == data[:32]


def save_forever(project_dir: Path, case_id: str) -> None:
    staging = project_dir.parent / f"staging-{os.getpid()}"
    staging.mkdir(exist_ok=True)
    with Project.open(project_dir) as project:
        print("ready", flush=True)
        counter = 0
        while True:
            counter += 1
            files = []
            for name in (
                "P1_FLAIR_annotation.seg.nrrd",
                "P1_T2_annotation.seg.nrrd",
                "P1_T1C_annotation.seg.nrrd",
            ):
                path = staging / name
                path.write_bytes(self_verifying_bytes(64_000 + counter))
                files.append(path)
            workflow.save_version(
                project, case_id, files, actor=ANNOTATOR, schema_version="glioma-1"
            )


def review_cycles(project_dir: str, case_id: str, cycles: int) -> int:
    """Save, self-check, submit, return, revise: ``cycles`` times (for the concurrency test)."""
    staging = Path(project_dir).parent / f"staging-{case_id}"
    staging.mkdir(exist_ok=True)
    file = staging / "label.nii.gz"
    with Project.open(project_dir) as project:
        for cycle in range(cycles):
            file.write_bytes(self_verifying_bytes(1000 + cycle))
            workflow.save_version(
                project, case_id, [file], actor=ANNOTATOR, schema_version="glioma-1"
            )
            workflow.record_self_check(project, case_id, clean_self_check(), actor=ANNOTATOR)
            workflow.submit(project, case_id, actor=ANNOTATOR, allow_unverified=True)
            workflow.review(
                project,
                case_id,
                reviewer=REVIEWER,
                decision="return",
                comments=[workflow.ReviewComment("again", region="enhancing", slice_index=cycle)],
            )
            workflow.revise(project, case_id, actor=ANNOTATOR)
    return cycles


def save_versions(project_dir: str, case_id: str, count: int, writer: int) -> list[int]:
    """Save ``count`` versions of one case (several of these run at once); their numbers."""
    staging = Path(project_dir).parent / f"staging-{case_id}-{writer}"
    staging.mkdir(exist_ok=True)
    file = staging / "label.nii.gz"
    numbers = []
    with Project.open(project_dir) as project:
        for _ in range(count):
            file.write_bytes(self_verifying_bytes(2000 + writer))
            saved = workflow.save_version(
                project, case_id, [file], actor=ANNOTATOR, schema_version="glioma-1"
            )
            numbers.append(saved.number)
    return numbers


if __name__ == "__main__":
    if sys.argv[1] == "save":
        save_forever(Path(sys.argv[2]), sys.argv[3])
