"""Builders for the export tests: real case folders (bundled TCGA volumes, cropped for speed)
with synthetic nested spheres drawn in each reference sequence's real native geometry, saved
as a real annotation version through ``case.save_annotation_version`` (MRML .seg.nrrd)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.case.folder import load_case, reference_image, save_annotation_version
from CNSTumorAnnotationLib.case.nifti_import import create_case_folder
from CNSTumorQCLib.paths import sample_data_dir
from CNSTumorQCLib.sequences import MRSequence

SEQUENCES = (MRSequence.T1, MRSequence.T1C, MRSequence.T2, MRSequence.FLAIR)
#: Radii (mm) of the nested synthetic regions around the tumor centre.
INTRA_AXIAL_RADII = {
    "whole_tumor": 30.0,
    "tumor_body": 20.0,
    "enhancing": 12.0,
    "non_enhancing": 5.0,
}


def cropped_volumes(
    out_dir: Path, size: tuple[int, int, int] | None = None
) -> dict[MRSequence, Path]:
    """The bundled native volumes, optionally cropped around their centre (geometry kept)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[MRSequence, Path] = {}
    for sequence in SEQUENCES:
        source = sample_data_dir() / "native" / f"{sequence.value}.nii.gz"
        if size is None:
            paths[sequence] = source
            continue
        image = sitk.ReadImage(str(source))
        full = image.GetSize()
        start = [max(0, (full[i] - size[i]) // 2) for i in range(3)]
        extent = [min(size[i], full[i]) for i in range(3)]
        cropped = sitk.RegionOfInterest(image, extent, start)
        path = out_dir / f"{sequence.value}.nii.gz"
        sitk.WriteImage(cropped, str(path), True)
        paths[sequence] = path
    return paths


def sphere_mask(reference: sitk.Image, centre: np.ndarray, radius: float) -> sitk.Image:
    """A binary sphere (physical radius in mm) on ``reference``'s grid."""
    shape = sitk.GetArrayViewFromImage(reference).shape  # z, y, x
    k, j, i = np.indices(shape)
    index = np.stack([i, j, k], axis=-1).reshape(-1, 3).astype(float)
    direction = np.array(reference.GetDirection()).reshape(3, 3)
    points = (
        np.array(reference.GetOrigin()) + (index * np.array(reference.GetSpacing())) @ direction.T
    )
    inside = np.linalg.norm(points - centre, axis=1) < radius
    mask = sitk.GetImageFromArray(inside.reshape(shape).astype(np.uint8))
    mask.CopyInformation(reference)
    return mask


def tumor_centre(case: Any) -> np.ndarray:
    flair = reference_image(case, MRSequence.FLAIR)
    middle = [(s - 1) / 2 for s in flair.GetSize()]
    return np.array(flair.TransformContinuousIndexToPhysicalPoint(middle))


def build_case(
    case_dir: Path,
    patient_id: str = "TCGA-FG-6692",
    *,
    family: str = "intra_axial",
    volumes: Mapping[MRSequence, Path] | None = None,
    series: Mapping[MRSequence, Mapping[str, Any]] | None = None,
    annotator: str = "dr_li",
    machine_made: bool = False,
    radii: Mapping[str, float] | None = None,
    runtime: Any = None,
    schema_options: Mapping[str, Any] | None = None,
) -> Any:
    """A case folder with one annotation version of nested spheres; returns the loaded case."""
    case = create_case_folder(
        volumes or cropped_volumes(case_dir.parent / f"{case_dir.name}_volumes"),
        case_dir,
        patient_id,
        family,
        series=series,
        schema_options=schema_options,
    )
    masks = drawn_masks(case, radii)
    save_annotation_version(case, masks, annotator, runtime=runtime, machine_made=machine_made)
    return load_case(case_dir)


def drawn_masks(case: Any, radii: Mapping[str, float] | None = None) -> dict[str, sitk.Image]:
    """The masks ``build_case`` draws (recomputed: the truth the exports are compared with)."""
    centre = tumor_centre(case)
    radii = dict(radii or _default_radii(case))
    masks = {
        region.key: sphere_mask(
            reference_image(case, region.reference_sequence), centre, radii[region.key]
        )
        for region in case.schema.regions
        if region.key in radii
    }
    if "enhancing" in masks and "non_enhancing" in masks:  # an enhancing rim around a core
        masks["enhancing"] = sitk.And(masks["enhancing"], sitk.Not(masks["non_enhancing"]))
    return masks


def _default_radii(case: Any) -> dict[str, float]:
    """Nested spheres; for the meningeal family the edema sphere encloses the body, which the
    self-check would flag but the export does not judge (innermost wins in combined maps)."""
    radii = dict(INTRA_AXIAL_RADII)
    if case.family.value == "meningeal":
        radii["edema"] = radii.pop("whole_tumor")
    return radii
