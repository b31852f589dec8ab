"""The sample calibration batch shipped in ``SampleData/TCGA-FG-6692/calibration/`` (R-PPL-4).

``cnstumor project agreement DIR --batch batch.json --certify`` needs two teams' label maps of
the same calibration cases. No expert calibration batch could be shipped, so this one is built
from real machine-made data and says so: two of the bundled BraTS-2020 algorithms stand in for
the two teams (team A: ``hnfnetv1-20``, team B: ``sanet0-20``, the pair of bundled algorithms
whose label maps agree best), on five calibration cases derived from the one real patient by
geometry alone: the same real label maps mirrored left-right and/or scaled about the volume
centre (70 % to 130 %), so the cases differ in size and side as a batch of patients would (the
volume ICC needs cases of different volumes: it measures agreement relative to the spread
between cases). Both teams' maps of one case are transformed identically, so the agreement
between them is the algorithms' real agreement on a real tumor.

Five cases, not three: with three, the 95 % confidence interval of the enhancing-region volume
ICC is too wide for "excellent" (lower bound 0.84), although the point estimate is 0.998.

``write_sample_batch(out_dir)`` regenerates the shipped files (a test checks they match).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import SimpleITK as sitk

from CNSTumorQCLib.atomic import write_text_atomic
from CNSTumorQCLib.paths import sample_data_dir

TEAM_ALGORITHMS = {"A": "hnfnetv1-20", "B": "sanet0-20"}
#: (scale about the volume centre, mirrored left-right) per calibration case.
CASE_VARIANTS = ((0.7, False), (0.85, True), (1.0, False), (1.15, True), (1.3, False))
#: The bundled case's series were graded 3 by QC; both teams confirm that grade (R-QC-1).
GRADE = 3
BATCH_FILE = "batch.json"


def case_variant(image: sitk.Image, scale: float, mirrored: bool) -> sitk.Image:
    """The label map scaled by ``scale`` (and mirrored left-right) about the grid's centre."""
    centre = image.TransformContinuousIndexToPhysicalPoint([(n - 1) / 2 for n in image.GetSize()])
    transform = sitk.AffineTransform(3)
    transform.SetCenter(centre)
    # Resample pulls output points through the transform: its inverse scaling enlarges by scale.
    x = (-1.0 if mirrored else 1.0) / scale
    transform.SetMatrix(np.diag([x, 1.0 / scale, 1.0 / scale]).ravel().tolist())
    return sitk.Resample(image, image, transform, sitk.sitkNearestNeighbor, 0, sitk.sitkUInt8)


def batch_payload(members: dict[str, list[str]]) -> dict[str, Any]:
    """The batch.json content: teams, cases, each team's file and grade per case."""
    cases = [
        {
            "case": f"cal-{number}",
            "labels": {team: f"cal-{number}_{team}.nii.gz" for team in TEAM_ALGORITHMS},
            "grades": dict.fromkeys(TEAM_ALGORITHMS, GRADE),
        }
        for number in range(1, len(CASE_VARIANTS) + 1)
    ]
    return {
        "about": "Sample calibration batch built from the bundled real case TCGA-FG-6692: two "
        "BraTS-2020 algorithms stand in for two teams (A: hnfnetv1-20, B: sanet0-20); the five "
        "cases are the same real label maps mirrored and/or scaled (70-130 %). Machine-made, "
        "never ground truth. Regenerate: CNSTumorAnnotationLib.training.sample_batch.",
        "convention": "brats2021",
        "teams": members,
        "cases": cases,
    }


def write_sample_batch(out_dir: Path | str, members: dict[str, list[str]] | None = None) -> Path:
    """Write the ten label maps and ``batch.json`` into ``out_dir``; return the batch file."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    members = members or {"A": ["li"], "B": ["wang"]}
    labels = sample_data_dir() / "reference_labels"
    for team, algorithm in TEAM_ALGORITHMS.items():
        source = sitk.ReadImage(str(labels / f"{algorithm}.nii.gz"), sitk.sitkUInt8)
        for number, (scale, mirrored) in enumerate(CASE_VARIANTS, start=1):
            target = out / f"cal-{number}_{team}.nii.gz"
            partial = target.with_name(f".{target.name}.partial.nii.gz")
            sitk.WriteImage(case_variant(source, scale, mirrored), str(partial), True)
            partial.replace(target)
    payload = json.dumps(batch_payload(members), indent=2, ensure_ascii=False) + "\n"
    return write_text_atomic(out / BATCH_FILE, payload)
