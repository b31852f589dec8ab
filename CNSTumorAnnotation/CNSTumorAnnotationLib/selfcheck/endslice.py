"""R-ANN-9: "never miss the first and last slice": does the slice beyond a lesion still look like it?

For each end of a lesion, the unlabelled neighbour slice is read on the region's reference
sequence inside the in-plane footprint of the lesion's end slice, eroded by a few voxels: a
lesion tapers towards its end, so a missed end slice shows lesion signal in the footprint's
core, while the rim carries the partial volume of the thick slices. Its median intensity is
placed on the scale from the background (an in-plane ring of tissue around the footprint on
the end slice, 0) to the lesion (its voxels on the end slice, 1). At or beyond
``end_slice_lesion_likeness`` the neighbour slice looks like lesion: a likely missed end slice.
A heuristic, hence a warning; lesions that hardly stand out from their background are not judged.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import ndimage

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.selfcheck.lesions import Lesion, human_slice
from CNSTumorAnnotationLib.selfcheck.params import SelfCheckParameters
from CNSTumorQCLib.findings import Finding, Severity


@dataclass(frozen=True)
class SliceEvidence:
    """Intensity evidence for one lesion end (medians on the reference sequence)."""

    end_slice: int
    neighbour_slice: int
    lesion_median: float
    background_median: float
    background_sd: float
    neighbour_median: float

    @property
    def contrast_sd(self) -> float:
        return abs(self.lesion_median - self.background_median) / max(self.background_sd, 1e-6)

    @property
    def likeness(self) -> float:
        """0 = like the background, 1 = like the lesion."""
        contrast = self.lesion_median - self.background_median
        if contrast == 0:
            return 0.0
        return (self.neighbour_median - self.background_median) / contrast


def _ring(footprint: np.ndarray, spacing_xy: tuple[float, float], width_mm: float) -> np.ndarray:
    iterations = max(1, math.ceil(width_mm / min(spacing_xy)))
    return ndimage.binary_dilation(footprint, iterations=iterations) & ~footprint


def _core(footprint: np.ndarray, params: SelfCheckParameters) -> np.ndarray:
    """The footprint eroded in-plane (partial volume at its rim says little), kept >= minimum."""
    core = footprint
    for _ in range(params.end_slice_core_erosion_voxels):
        eroded = ndimage.binary_erosion(core)
        if int(eroded.sum()) < params.end_slice_min_footprint_voxels:
            break
        core = eroded
    return core


def end_evidence(
    labels: np.ndarray,
    number: int,
    region_mask: np.ndarray,
    intensity: np.ndarray,
    tissue: np.ndarray,
    end_slice: int,
    neighbour: int,
    spacing_xy: tuple[float, float],
    params: SelfCheckParameters,
) -> SliceEvidence | None:
    """Evidence for one end of lesion ``number``; None when it cannot be judged."""
    if not 0 <= neighbour < labels.shape[0]:
        return None  # the lesion touches the edge of the volume: no slice beyond it
    footprint = labels[end_slice] == number
    if int(footprint.sum()) < params.end_slice_min_footprint_voxels:
        return None
    ring = _ring(footprint, spacing_xy, params.end_slice_ring_mm)
    ring &= ~region_mask[end_slice] & tissue[end_slice]
    beyond = _core(footprint, params) & ~region_mask[neighbour]
    if int(ring.sum()) < params.end_slice_min_footprint_voxels or not beyond.any():
        return None
    background = intensity[end_slice][ring]
    background_median = float(np.median(background))
    mad = float(np.median(np.abs(background - background_median)))
    return SliceEvidence(
        end_slice=end_slice,
        neighbour_slice=neighbour,
        lesion_median=float(np.median(intensity[end_slice][footprint])),
        background_median=background_median,
        background_sd=1.4826 * mad,
        neighbour_median=float(np.median(intensity[neighbour][beyond])),
    )


def missed_end_slice_findings(
    lesions: list[Lesion],
    labels: np.ndarray,
    intensity: np.ndarray,
    tissue: np.ndarray,
    spacing_xy: tuple[float, float],
    sequence_name: str,
    params: SelfCheckParameters,
) -> list[Finding]:
    """R-ANN-9 warnings for lesion ends whose neighbour slice still looks like the lesion."""
    region_mask = labels > 0
    findings: list[Finding] = []
    for lesion in lesions:
        if lesion.speck:
            continue
        for end, neighbour in (
            (lesion.slice_first, lesion.slice_first - 1),
            (lesion.slice_last, lesion.slice_last + 1),
        ):
            if not 0 <= neighbour < labels.shape[0]:
                findings.append(_edge_finding(lesion, end, sequence_name))
                continue
            evidence = end_evidence(
                labels, lesion.number, region_mask, intensity, tissue,
                end, neighbour, spacing_xy, params,
            )  # fmt: skip
            if evidence is None or evidence.contrast_sd < params.end_slice_min_contrast_sd:
                continue
            if evidence.likeness >= params.end_slice_lesion_likeness:
                findings.append(_finding(lesion, evidence, sequence_name))
    return findings


def _edge_finding(lesion: Lesion, end: int, sequence_name: str) -> Finding:
    """The lesion reaches the first or last acquired slice: its true end may lie outside."""
    return Finding(
        "R-ANN-9",
        Severity.WARNING,
        tr(
            (
                "{label} reaches slice {slice_number}, the edge of the {sequence} "
                "volume: its end may lie outside the acquired slices (check the "
                "coverage, R-QC-3)."
            ),
            label=lesion.label,
            slice_number=human_slice(end),
            sequence=sequence_name,
        ),
        region=lesion.region,
        lesion=lesion.number,
        slice_index=end,
        details={"end": "first" if end == 0 else "last", "volume_edge": True},
    )


def _finding(lesion: Lesion, evidence: SliceEvidence, sequence_name: str) -> Finding:
    side = "first" if evidence.neighbour_slice < evidence.end_slice else "last"
    words = {
        "slice_number": human_slice(evidence.neighbour_slice),
        "label": lesion.label,
        "sequence": sequence_name,
        "likeness": evidence.likeness,
    }
    if side == "first":
        message = tr(
            "Slice {slice_number}, beyond the first slice of {label}, still looks like the "
            "lesion on {sequence} (likeness {likeness:.2f}): a likely missed end slice.",
            **words,
        )
    else:
        message = tr(
            "Slice {slice_number}, beyond the last slice of {label}, still looks like the "
            "lesion on {sequence} (likeness {likeness:.2f}): a likely missed end slice.",
            **words,
        )
    return Finding(
        "R-ANN-9",
        Severity.WARNING,
        message,
        region=lesion.region,
        lesion=lesion.number,
        slice_index=evidence.neighbour_slice,
        details={
            "end": side,
            "end_slice": evidence.end_slice,
            "likeness": round(evidence.likeness, 3),
            "lesion_median": evidence.lesion_median,
            "background_median": evidence.background_median,
            "background_sd": round(evidence.background_sd, 3),
            "neighbour_median": evidence.neighbour_median,
            "contrast_sd": round(evidence.contrast_sd, 2),
        },
    )
