"""Lesions of one region: inventory (R-ANN-7), specks, skipped and missed slices (R-ANN-9).

A lesion is a 26-connected component of a region's mask after bridging gaps of up to
``bridge_slices`` empty slices along the slice axis, so a lesion with a skipped interior slice
stays one lesion whose gap can be reported. Lesions are numbered from 1, largest first, per
region. Components come from SimpleITK (ConnectedComponent, RelabelComponent,
LabelShapeStatistics); centroids are physical LPS millimetres (ITK's frame), with RAS given too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import SimpleITK as sitk
from scipy import ndimage

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.selfcheck.params import SelfCheckParameters
from CNSTumorQCLib.findings import Finding, Severity


def human_slice(index: int) -> int:
    """The slice number a person reads (1-based, as PACS numbers images) of a 0-based index.

    Findings keep ``slice_index`` 0-based (IJK, as numpy and Slicer's Data module count); every
    message says the 1-based number, and the HTML report adds the slice's position in mm.
    """
    return int(index) + 1


@dataclass(frozen=True)
class Lesion:
    """One numbered lesion of one region, in its reference sequence's grid (R-ANN-7)."""

    region: str
    number: int
    voxels: int
    volume_mm3: float
    centroid_lps_mm: tuple[float, float, float]
    slice_first: int
    slice_last: int
    slices_labelled: tuple[int, ...]
    speck: bool

    @property
    def label(self) -> str:
        """A name a person can find again: ``whole_tumor #2``."""
        return f"{self.region} #{self.number}"

    @property
    def centroid_ras_mm(self) -> tuple[float, float, float]:
        x, y, z = self.centroid_lps_mm
        return (-x, -y, z)

    @property
    def skipped_slices(self) -> tuple[int, ...]:
        labelled = set(self.slices_labelled)
        return tuple(k for k in range(self.slice_first, self.slice_last + 1) if k not in labelled)

    def to_dict(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "lesion": self.number,
            "label": self.label,
            "voxels": self.voxels,
            "volume_mm3": round(self.volume_mm3, 2),
            "centroid_lps_mm": [round(v, 2) for v in self.centroid_lps_mm],
            "centroid_ras_mm": [round(v, 2) for v in self.centroid_ras_mm],
            "slice_first": self.slice_first,
            "slice_last": self.slice_last,
            "slices_labelled": list(self.slices_labelled),
            "skipped_slices": list(self.skipped_slices),
            "speck": self.speck,
        }


def label_lesions(mask: sitk.Image, params: SelfCheckParameters) -> sitk.Image:
    """A UInt32 label image: 0 background, lesions numbered 1..n by decreasing size."""
    binary = sitk.Cast(mask != 0, sitk.sitkUInt8)
    grouped = binary
    radius = math.ceil(params.bridge_slices / 2)
    if radius > 0:
        grouped = sitk.BinaryDilate(binary, [0, 0, radius], sitk.sitkBox)
    components = sitk.ConnectedComponent(grouped, params.fully_connected)
    components = sitk.RelabelComponent(components, sortByObjectSize=False)
    lesions = sitk.Mask(components, binary)
    # Renumber by the lesion's own size (bridging voxels are not part of it).
    return sitk.RelabelComponent(lesions, sortByObjectSize=True)


def lesion_inventory(
    region: str, mask: sitk.Image, params: SelfCheckParameters
) -> tuple[list[Lesion], np.ndarray]:
    """Every lesion of a region with volume, centroid and slice range; and the KJI label array."""
    labels = label_lesions(mask, params)
    array = sitk.GetArrayFromImage(labels)
    stats = sitk.LabelShapeStatisticsImageFilter()
    stats.Execute(labels)
    voxel_mm3 = float(np.prod(mask.GetSpacing()))
    lesions: list[Lesion] = []
    for number, bbox in enumerate(ndimage.find_objects(array), start=1):
        if bbox is None:
            continue
        sub = array[bbox] == number
        per_slice = sub.any(axis=(1, 2))
        slices = tuple(int(bbox[0].start + k) for k in np.nonzero(per_slice)[0])
        voxels = int(stats.GetNumberOfPixels(number))
        volume = voxels * voxel_mm3
        centroid = stats.GetCentroid(number)
        lesions.append(
            Lesion(
                region=region,
                number=number,
                voxels=voxels,
                volume_mm3=volume,
                centroid_lps_mm=(float(centroid[0]), float(centroid[1]), float(centroid[2])),
                slice_first=slices[0],
                slice_last=slices[-1],
                slices_labelled=slices,
                speck=voxels < params.speck_max_voxels or volume < params.speck_max_mm3,
            )
        )
    return lesions, array


def _speck_message(lesion: Lesion) -> str:
    if lesion.voxels == 1:
        return tr(
            (
                "{label} is a speck of 1 voxel ({volume_mm3:.1f} mm3) on slice {slice_number}: "
                "remove it or confirm it is a lesion."
            ),
            label=lesion.label,
            volume_mm3=lesion.volume_mm3,
            slice_number=human_slice(lesion.slice_first),
        )
    return tr(
        (
            "{label} is a speck of {voxels} voxels ({volume_mm3:.1f} mm3) on slice "
            "{slice_number}: remove it or confirm it is a lesion."
        ),
        label=lesion.label,
        voxels=lesion.voxels,
        volume_mm3=lesion.volume_mm3,
        slice_number=human_slice(lesion.slice_first),
    )


def speck_findings(lesions: list[Lesion], params: SelfCheckParameters) -> list[Finding]:
    """R-ANN-7: tiny components are listed as likely stray clicks (a warning to review)."""
    return [
        Finding(
            "R-ANN-7",
            Severity.WARNING,
            _speck_message(lesion),
            region=lesion.region,
            lesion=lesion.number,
            slice_index=lesion.slice_first,
            details={
                "voxels": lesion.voxels,
                "volume_mm3": round(lesion.volume_mm3, 2),
                "speck_max_voxels": params.speck_max_voxels,
                "speck_max_mm3": params.speck_max_mm3,
            },
        )
        for lesion in lesions
        if lesion.speck
    ]


def skipped_slice_findings(lesions: list[Lesion]) -> list[Finding]:
    """R-ANN-9: an empty slice between a lesion's first and last slice is a missed slice."""
    findings: list[Finding] = []
    for lesion in lesions:
        for k in lesion.skipped_slices:
            findings.append(
                Finding(
                    "R-ANN-9",
                    Severity.ERROR,
                    tr(
                        (
                            "{label} skips slice {skipped} (labelled from slice {first} "
                            "to {last}): label every slice of the lesion."
                        ),
                        label=lesion.label,
                        skipped=human_slice(k),
                        first=human_slice(lesion.slice_first),
                        last=human_slice(lesion.slice_last),
                    ),
                    region=lesion.region,
                    lesion=lesion.number,
                    slice_index=k,
                    details={"slice_first": lesion.slice_first, "slice_last": lesion.slice_last},
                )
            )
    return findings
