"""Geometry for the self-check: the original axial grid (R-ANN-8) and one common space.

Each region is drawn on its own reference sequence, so containment and CSF checks need the
masks on one grid: masks are resampled with nearest neighbour onto the common sequence's
grid (``SelfCheckParameters.common_space``, the FLAIR), through the case's registration
transforms when the case provides them, otherwise through physical-space identity (native
sequences of one session share the scanner frame unless the patient moved).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.i18n import N_, tr
from CNSTumorAnnotationLib.selfcheck.params import SelfCheckParameters
from CNSTumorQCLib.findings import Finding, Severity
from CNSTumorQCLib.sequences import MRSequence


def geometry_differences(mask: sitk.Image, reference: sitk.Image, tolerance: float) -> list[str]:
    """What differs between a mask's grid and its reference volume's grid (empty: same grid)."""
    problems: list[str] = []
    if mask.GetDimension() != reference.GetDimension():
        return [
            tr(
                "dimension {got} instead of {expected}",
                got=mask.GetDimension(),
                expected=reference.GetDimension(),
            )
        ]
    if mask.GetSize() != reference.GetSize():
        problems.append(
            tr("size {got} instead of {expected}", got=mask.GetSize(), expected=reference.GetSize())
        )
    pairs = (
        (N_("spacing {got} instead of {expected}"), mask.GetSpacing(), reference.GetSpacing()),
        (N_("origin {got} instead of {expected}"), mask.GetOrigin(), reference.GetOrigin()),
        (
            N_("direction {got} instead of {expected}"),
            mask.GetDirection(),
            reference.GetDirection(),
        ),
    )
    for template, got, expected in pairs:
        if not np.allclose(got, expected, atol=tolerance, rtol=0.0):
            problems.append(
                tr(
                    template,
                    got=tuple(round(v, 4) for v in got),
                    expected=tuple(round(v, 4) for v in expected),
                )
            )
    return problems


def _grid_matrix(spacing, direction) -> np.ndarray:
    """Columns: the physical step (mm) of one voxel along each index axis."""
    return np.asarray(direction, dtype=float).reshape(3, 3) * np.asarray(spacing, dtype=float)


def lattice_differences(
    spacing: tuple[float, ...],
    origin: tuple[float, ...],
    direction: tuple[float, ...],
    reference: sitk.Image,
    tolerance: float,
) -> list[str]:
    """Why a grid's voxel centres are not voxel centres of ``reference`` (empty: they are).

    A saved segmentation may list the reference's voxels in another order (Slicer writes
    ``.seg.nrrd`` with its own axis order and may crop to the drawn extent), so the test is on
    the lattice: each index step must be plus or minus one reference index step, and the
    origin must fall on a reference voxel centre.
    """
    if len(spacing) != 3:
        return [tr("dimension {got} instead of {expected}", got=len(spacing), expected=3)]
    inverse = np.linalg.inv(_grid_matrix(reference.GetSpacing(), reference.GetDirection()))
    steps = inverse @ _grid_matrix(spacing, direction)
    problems: list[str] = []
    if not np.allclose(steps, np.round(steps), atol=tolerance) or not np.allclose(
        np.abs(np.round(steps)).sum(axis=0), 1.0
    ):
        problems.append(
            tr(
                "voxel steps {steps} in reference voxels (a resampled or reformatted grid: "
                "spacing or orientation differs)",
                steps=np.round(steps, 3).tolist(),
            )
        )
    offset = inverse @ (np.asarray(origin, dtype=float) - np.asarray(reference.GetOrigin()))
    if not np.allclose(offset, np.round(offset), atol=max(tolerance, 1e-3) * 10):
        problems.append(
            tr(
                "origin falls between voxel centres (offset {offset} voxels)",
                offset=np.round(offset, 3).tolist(),
            )
        )
    return problems


def file_lattice_differences(path: str, reference: sitk.Image, tolerance: float) -> list[str]:
    """``lattice_differences`` for an image file, reading its header only."""
    reader = sitk.ImageFileReader()
    reader.SetFileName(path)
    reader.ReadImageInformation()
    return lattice_differences(
        reader.GetSpacing(), reader.GetOrigin(), reader.GetDirection(), reference, tolerance
    )


def slice_tilt_deg(image: sitk.Image) -> float:
    """Angle (degrees) between the volume's slice normal and the head-foot axis."""
    direction = np.asarray(image.GetDirection(), dtype=float).reshape(3, 3)
    normal = direction[:, 2]
    return math.degrees(math.acos(min(1.0, abs(float(normal[2])) / float(np.linalg.norm(normal)))))


def geometry_findings(
    region: str,
    mask: sitk.Image,
    reference: sitk.Image,
    params: SelfCheckParameters,
) -> list[Finding]:
    """R-ANN-8: the mask must lie on the original axial grid of its reference sequence."""
    findings: list[Finding] = []
    problems = geometry_differences(mask, reference, params.geometry_tolerance)
    if problems:
        findings.append(
            Finding(
                "R-ANN-8",
                Severity.ERROR,
                tr(
                    (
                        "The {region} segmentation is not on the original grid of its reference "
                        "sequence ({problems}): annotate on the original axial images."
                    ),
                    region=region,
                    problems="; ".join(problems),
                ),
                region=region,
                details={"differences": problems},
            )
        )
    tilt = slice_tilt_deg(reference)
    if tilt > params.axial_max_tilt_deg:
        findings.append(
            Finding(
                "R-ANN-8",
                Severity.WARNING,
                tr(
                    (
                        "The reference volume of {region} is not axial (slice normal {tilt:.0f} "
                        "degrees from head-foot): annotate on the original axial images unless "
                        "the study says so."
                    ),
                    region=region,
                    tilt=tilt,
                ),
                region=region,
                details={"tilt_deg": round(tilt, 1)},
            )
        )
    return findings


def annotation_file_findings(
    schema: Any,
    files: Mapping[MRSequence, str],
    references: Mapping[MRSequence, sitk.Image],
    params: SelfCheckParameters,
) -> list[Finding]:
    """R-ANN-8 on the saved files: each segmentation's grid must be its reference's lattice.

    Reading masks back resamples them onto the reference grid, so this reads the headers of
    the saved files themselves (one finding per region drawn in a file that is off-lattice).
    """
    findings: list[Finding] = []
    for sequence, path in files.items():
        reference = references.get(sequence)
        if reference is None:
            continue
        problems = file_lattice_differences(str(path), reference, params.geometry_tolerance)
        for region in schema.regions_on(sequence) if problems else ():
            findings.append(
                Finding(
                    "R-ANN-8",
                    Severity.ERROR,
                    tr(
                        (
                            "The saved {sequence} segmentation holding {key} is not on the original "
                            "grid of the {sequence} volume ({problems}): annotate on the original "
                            "axial images."
                        ),
                        sequence=sequence.value,
                        key=region.key,
                        problems="; ".join(problems),
                    ),
                    region=region.key,
                    files=(str(path),),
                    details={"differences": problems},
                )
            )
    return findings


@dataclass
class CommonSpace:
    """Masks and images moved onto one reference grid (nearest neighbour for masks).

    ``transforms[seq]`` maps points of the common grid's physical space to ``seq``'s physical
    space (SimpleITK's resampling convention); a missing sequence means identity.
    """

    sequence: MRSequence
    reference: sitk.Image
    transforms: Mapping[MRSequence, sitk.Transform] = field(default_factory=dict)
    registered: bool = False
    _cache: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def spacing(self) -> tuple[float, ...]:
        return tuple(self.reference.GetSpacing())

    @property
    def voxel_mm3(self) -> float:
        return float(np.prod(self.spacing))

    def transform(self, sequence: MRSequence) -> sitk.Transform:
        return self.transforms.get(sequence) or sitk.Transform()

    def mask(self, key: str, mask: sitk.Image, sequence: MRSequence) -> np.ndarray:
        """The region's mask on the common grid as a boolean KJI array (cached by key)."""
        if key not in self._cache:
            moved = sitk.Resample(
                sitk.Cast(mask != 0, sitk.sitkUInt8),
                self.reference,
                self.transform(sequence),
                sitk.sitkNearestNeighbor,
                0,
                sitk.sitkUInt8,
            )
            self._cache[key] = sitk.GetArrayViewFromImage(moved).astype(bool)
        return self._cache[key]

    def image(self, image: sitk.Image, sequence: MRSequence) -> np.ndarray:
        """An intensity volume on the common grid (linear), float32 KJI array."""
        moved = sitk.Resample(
            sitk.Cast(image, sitk.sitkFloat32),
            self.reference,
            self.transform(sequence),
            sitk.sitkLinear,
            0.0,
            sitk.sitkFloat32,
        )
        return sitk.GetArrayFromImage(moved)

    def distance_mm(self, mask: np.ndarray) -> np.ndarray:
        """Signed distance (mm) to a boolean mask on the common grid: > 0 outside, < 0 inside."""
        image = sitk.GetImageFromArray(mask.astype(np.uint8))
        image.CopyInformation(self.reference)
        distance = sitk.SignedMaurerDistanceMap(
            image, insideIsPositive=False, squaredDistance=False, useImageSpacing=True
        )
        return sitk.GetArrayFromImage(distance)


def head_mask(image: sitk.Image) -> np.ndarray:
    """The head (Otsu foreground) as a boolean KJI array: tissue versus air."""
    return sitk.GetArrayFromImage(sitk.OtsuThreshold(image, 0, 1)).astype(bool)
