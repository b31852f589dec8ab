"""Builders shared by the annotation fixtures and tests: native volumes and synthetic masks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import SimpleITK as sitk

from CNSTumorQCLib.sequences import MRSequence

CASE_SEQUENCES = (MRSequence.FLAIR, MRSequence.T1, MRSequence.T1C, MRSequence.T2)
PATIENT = "TCGA-FG-6692"
#: Sphere radii (mm) of the synthetic masks: nested as the intra-axial hierarchy demands.
SPHERE_RADII_MM = {"whole_tumor": 30.0, "tumor_body": 18.0, "enhancing": 14.0, "non_enhancing": 7.0}


def native_volumes(sample_case: Path) -> dict[MRSequence, Path]:
    return {s: sample_case / "native" / f"{s.value}.nii.gz" for s in CASE_SEQUENCES}


def sphere_mask(
    reference: sitk.Image, center_lps: tuple[float, ...], radius_mm: float
) -> sitk.Image:
    """A binary ball of ``radius_mm`` around a physical point, on the reference grid."""
    columns = np.array(reference.GetDirection()).reshape(3, 3) * np.array(reference.GetSpacing())
    offset = np.array(reference.GetOrigin()) - np.array(center_lps)
    nx, ny, nz = reference.GetSize()
    k, j, i = np.ogrid[:nz, :ny, :nx]
    squared = sum(
        (offset[axis] + i * columns[axis, 0] + j * columns[axis, 1] + k * columns[axis, 2]) ** 2
        for axis in range(3)
    )
    mask = sitk.GetImageFromArray((squared <= radius_mm**2).astype(np.uint8))
    mask.CopyInformation(reference)
    return mask


def synthetic_masks(case: Any) -> dict[str, sitk.Image]:
    """Nested spheres around the FLAIR volume's centre; enhancing is a shell around the core."""
    from CNSTumorAnnotationLib.case.folder import reference_image

    flair = reference_image(case, MRSequence.FLAIR)
    center = flair.TransformContinuousIndexToPhysicalPoint([(n - 1) / 2 for n in flair.GetSize()])
    masks = {}
    for region in case.schema.regions:
        reference = reference_image(case, region.reference_sequence)
        masks[region.key] = sphere_mask(reference, center, SPHERE_RADII_MM[region.key])
    masks["enhancing"] = sitk.And(masks["enhancing"], sitk.Not(masks["non_enhancing"]))
    return masks


def confirm_as_suggested(qc_dir: Path, reviewer: str = "Dr Wang") -> Path:
    """What a radiologist does in ``qc_dir``: confirm each case series' sequence and grade."""
    from CNSTumorQCLib.quality.confirmation import confirm_grade, confirm_sequence
    from CNSTumorQCLib.report.qc_report import load_report, write_report

    report = load_report(qc_dir / "qc_report.json")
    for entry in report.series:
        if entry.sequence not in {s.value for s in CASE_SEQUENCES}:
            continue
        uid = entry.series_instance_uid
        if entry.needs_confirmation:
            report = confirm_sequence(report, uid, entry.sequence, reviewer)
        report = confirm_grade(report, uid, int(entry.suggested_grade or 2), reviewer)
    write_report(report, qc_dir)
    return qc_dir / "qc_report.json"


def confirmed_qc_report(root: Path, reviewer: str = "Dr Wang") -> Path:
    """The bundled case written as a DICOM study under ``root``, its real QC, confirmed."""
    from CNSTumorQCLib.demo.fixture_study import write_sample_case_study
    from CNSTumorQCLib.qc import run_qc

    write_sample_case_study(root / "dicom")
    run_qc(root / "dicom", root / "qc", thumbnails=False, workers=1)
    return confirm_as_suggested(root / "qc", reviewer)


def reviewers_file(folder: Path) -> Path:
    """A people file (R-PPL-1) with a qualified reviewer, an unqualified one and an annotator."""
    import json

    people = [
        {"id": "dr_wang", "name": "Dr Wang", "role": "reviewer", "years_experience": 15,
         "title": "associate_chief"},
        {"id": "prof.li", "name": "Prof Li", "role": "reviewer", "years_experience": 22,
         "title": "chief"},
        {"id": "dr_zhao", "name": "Dr Zhao", "role": "reviewer", "years_experience": 7,
         "title": "attending"},
        {"id": "dr.wang", "name": "Dr Wang junior", "role": "annotator", "years_experience": 6,
         "title": "attending"},
    ]  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "people.json"
    path.write_text(json.dumps({"people": people}), encoding="utf-8")
    return path


def wizard_version(case: Any, runtime: Any, annotator: str, masks: Any = None) -> Any:
    """An annotator's full wizard session on ``case``: review all sequences (R-ANN-1), walk the
    regions, self-check, confirm the checklist, save a new version (``masks``: default, those of
    version 1). Leaves ``selfcheck.json`` and the session record beside the version."""
    from CNSTumorAnnotationLib.case.folder import region_masks
    from CNSTumorAnnotationLib.selfcheck.params import CHECKLIST
    from CNSTumorAnnotationLib.wizard.machine import AnnotationWizard, WizardStep

    masks = masks if masks is not None else region_masks(case, 1, runtime=runtime)
    wizard = AnnotationWizard.start(case, annotator)
    wizard.confirm_review()
    while wizard.step is WizardStep.DRAW:
        wizard.next_region()
    wizard.run_self_check(masks)
    for key in CHECKLIST:
        wizard.confirm_item(key, annotator)
    wizard.finish_checklist()
    return wizard.save(masks, runtime=runtime)
