"""Annotated case fixtures built from the bundled real case (TCGA-FG-6692).

- ``small_annotated_case``: the native volumes without registration and synthetic masks
  (nested spheres) drawn in each reference sequence's real native geometry. Fast.
- ``annotated_case``: the native volumes co-registered to FLAIR and the ``mav`` reference
  labels (SRI-24, BraTS 2021) landed in native space through real SimpleITK registration.
  The registration runs once per session; each test gets its own copy of the folder.

Both are machine-made references, never ground truth.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
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
    size = reference.GetSize()
    k, j, i = np.meshgrid(*(np.arange(n) for n in reversed(size)), indexing="ij")
    index = np.stack([i.ravel(), j.ravel(), k.ravel()], axis=1).astype(float)
    direction = np.array(reference.GetDirection()).reshape(3, 3)
    points = index * np.array(reference.GetSpacing()) @ direction.T + np.array(
        reference.GetOrigin()
    )
    inside = np.linalg.norm(points - np.array(center_lps), axis=1) <= radius_mm
    mask = sitk.GetImageFromArray(inside.reshape(tuple(reversed(size))).astype(np.uint8))
    mask.CopyInformation(reference)
    return mask


def synthetic_masks(case: Any) -> dict[str, sitk.Image]:
    """Nested spheres around the FLAIR volume's centre; enhancing is a shell around the core."""
    from CNSTumorAnnotationLib.case import reference_image

    flair = reference_image(case, MRSequence.FLAIR)
    center = flair.TransformContinuousIndexToPhysicalPoint([(n - 1) / 2 for n in flair.GetSize()])
    masks = {}
    for region in case.schema.regions:
        reference = reference_image(case, region.reference_sequence)
        masks[region.key] = sphere_mask(reference, center, SPHERE_RADII_MM[region.key])
    masks["enhancing"] = sitk.And(masks["enhancing"], sitk.Not(masks["non_enhancing"]))
    return masks


@pytest.fixture(scope="session")
def fixture_runtime() -> Any:
    """One headless MRML runtime for building the fixtures."""
    from CNSTumorAnnotationLib.mrml_runtime import create_runtime

    return create_runtime(force_headless=True)


@pytest.fixture(scope="session")
def small_annotated_case_template(
    tmp_path_factory: pytest.TempPathFactory, sample_case: Path, fixture_runtime: Any
) -> Path:
    from CNSTumorAnnotationLib.case import save_annotation_version
    from CNSTumorAnnotationLib.case_import import import_case_from_nifti

    root = tmp_path_factory.mktemp("small_case") / PATIENT
    case = import_case_from_nifti(native_volumes(sample_case), root, PATIENT, register=False)
    save_annotation_version(
        case, synthetic_masks(case), "synthetic:spheres", runtime=fixture_runtime
    )
    return root


@pytest.fixture
def small_annotated_case(small_annotated_case_template: Path, tmp_path: Path) -> Iterator[Any]:
    """A fresh copy of a case with one synthetic version (spheres in real native geometry)."""
    from CNSTumorAnnotationLib.case import load_case

    copy = tmp_path / "small_annotated_case" / PATIENT
    shutil.copytree(small_annotated_case_template, copy)
    yield load_case(copy)


@pytest.fixture(scope="session")
def annotated_case_template(
    tmp_path_factory: pytest.TempPathFactory, sample_case: Path, fixture_runtime: Any
) -> Path:
    """The real pipeline once per session: import, rigid co-registration, SRI-24 labels landed."""
    from CNSTumorAnnotationLib.case_import import import_case_from_nifti
    from CNSTumorAnnotationLib.labelmap_import import apply_reference_labels

    root = tmp_path_factory.mktemp("annotated_case") / PATIENT
    case = import_case_from_nifti(native_volumes(sample_case), root, PATIENT, register=True)
    apply_reference_labels(
        case, sample_case / "reference_labels" / "mav.nii.gz", "brats2021", runtime=fixture_runtime
    )
    return root


@pytest.fixture
def annotated_case(annotated_case_template: Path, tmp_path: Path) -> Iterator[Any]:
    """A fresh copy of the really registered case with the ``mav`` labels as version 1."""
    from CNSTumorAnnotationLib.case import load_case

    copy = tmp_path / "annotated_case" / PATIENT
    shutil.copytree(annotated_case_template, copy)
    yield load_case(copy)
