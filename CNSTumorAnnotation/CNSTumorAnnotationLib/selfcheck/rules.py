"""Region-level rules: required regions (R-ANN-4), hierarchy (R-SEG-1..6), CSF (R-ANN-2), R-ANN-3.

Hierarchy and CSF checks run on the common grid (``selfcheck_space.CommonSpace``). Voxel
counts and volumes in their findings are on that grid.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.selfcheck.lesions import Lesion, human_slice
from CNSTumorAnnotationLib.selfcheck.params import (
    NO_ENHANCEMENT_REGIONS,
    Confirmations,
    SelfCheckParameters,
)
from CNSTumorAnnotationLib.selfcheck.space import CommonSpace
from CNSTumorQCLib.findings import Finding, Severity
from CNSTumorQCLib.sequences import MRSequence

#: The consensus rule behind each containment / disjointness relation.
_RELATION_RULES = {
    "whole_tumor": "R-SEG-1",  # whole tumor = tumor body plus edema
    "enhancing": "R-SEG-3",
    "non_enhancing": "R-SEG-4",  # the non-enhancing part of the tumor body
    "enhancing_non_enhancing": "R-SEG-5",
    "edema": "R-SEG-6",  # edema excludes the tumor body
}


def is_empty(mask: sitk.Image | None) -> bool:
    if mask is None:
        return True
    return not bool(sitk.GetArrayViewFromImage(mask).any())


def required_region_findings(
    schema: Any, masks: Mapping[str, sitk.Image], confirmations: Confirmations
) -> list[Finding]:
    """R-ANN-4: required regions must be drawn; "no enhancement" is a recorded confirmation."""
    findings: list[Finding] = []
    for region in schema.regions:
        empty = is_empty(masks.get(region.key))
        confirmable = region.key in NO_ENHANCEMENT_REGIONS
        if empty and region.required and confirmable and confirmations.no_enhancement:
            findings.append(
                Finding(
                    "R-ANN-4",
                    Severity.INFO,
                    f"The {region.key} region is empty: no enhancement confirmed"
                    + (f" by {confirmations.confirmed_by}." if confirmations.confirmed_by else "."),
                    region=region.key,
                    details={"confirmation": "no_enhancement"},
                )
            )
        elif empty and region.required:
            hint = ' (or confirm "no enhancement")' if confirmable else ""
            findings.append(
                Finding(
                    "R-ANN-4",
                    Severity.ERROR,
                    f"The required {region.key} region ({region.name_en}) is empty: draw it on "
                    f"{region.reference_sequence.value}{hint}.",
                    region=region.key,
                )
            )
        elif empty:
            findings.append(
                Finding(
                    "R-ANN-4",
                    Severity.INFO,
                    f"The optional {region.key} region is empty.",
                    region=region.key,
                )
            )
        elif confirmable and confirmations.no_enhancement:
            findings.append(
                Finding(
                    "R-ANN-4",
                    Severity.WARNING,
                    f'"No enhancement" was confirmed but the {region.key} region is drawn: '
                    "withdraw the confirmation or clear the region.",
                    region=region.key,
                )
            )
    return findings


def _sequence(schema: Any, key: str) -> MRSequence:
    return schema.region(key).reference_sequence


def _tolerance_mm(schema: Any, refs: Mapping[MRSequence, sitk.Image], keys, params) -> float:
    slices = [
        refs[_sequence(schema, k)].GetSpacing()[2] for k in keys if _sequence(schema, k) in refs
    ]
    return max([params.hierarchy_tolerance_mm, *slices])


def hierarchy_findings(
    schema: Any,
    masks: Mapping[str, sitk.Image],
    refs: Mapping[MRSequence, sitk.Image],
    space: CommonSpace,
    params: SelfCheckParameters,
) -> list[Finding]:
    """Containment (inner inside outer) and disjointness, with a partial-volume tolerance."""
    findings: list[Finding] = []
    for inner, outer in schema.hierarchy:
        if is_empty(masks.get(inner)) or is_empty(masks.get(outer)):
            continue
        inside = space.mask(inner, masks[inner], _sequence(schema, inner))
        container = space.mask(outer, masks[outer], _sequence(schema, outer))
        distance = space.distance_mm(container)
        tolerance = _tolerance_mm(schema, refs, (inner, outer), params)
        outside = inside & (distance > 0)
        beyond = inside & (distance > tolerance)
        findings.extend(
            _relation_finding(
                inner,
                outer,
                "outside",
                outside,
                beyond,
                int(inside.sum()),
                tolerance,
                space,
                params,
            )
        )
    for first, second in schema.disjoint:
        if is_empty(masks.get(first)) or is_empty(masks.get(second)):
            continue
        a = space.mask(first, masks[first], _sequence(schema, first))
        b = space.mask(second, masks[second], _sequence(schema, second))
        tolerance = _tolerance_mm(schema, refs, (first, second), params)
        overlap = a & b
        beyond = a & (space.distance_mm(~b) > tolerance)  # deeper than the tolerance inside b
        findings.extend(
            _relation_finding(
                first,
                second,
                "overlapping",
                overlap,
                beyond,
                int(min(a.sum(), b.sum())),  # overlap measured against the smaller region
                tolerance,
                space,
                params,
            )
        )
    return findings


def _relation_finding(
    inner: str,
    outer: str,
    word: str,
    raw: np.ndarray,
    beyond: np.ndarray,
    inner_voxels: int,
    tolerance: float,
    space: CommonSpace,
    params: SelfCheckParameters,
) -> list[Finding]:
    raw_count, beyond_count = int(raw.sum()), int(beyond.sum())
    if raw_count == 0:
        return []
    beyond_mm3 = beyond_count * space.voxel_mm3
    slices = sorted({int(k) for k in np.nonzero(beyond.any(axis=(1, 2)))[0]})
    details = {
        "voxels_" + word: raw_count,
        "volume_" + word + "_mm3": round(raw_count * space.voxel_mm3, 1),
        "voxels_beyond_tolerance": beyond_count,
        "volume_beyond_tolerance_mm3": round(beyond_mm3, 1),
        "tolerance_mm": tolerance,
        "slices_beyond_tolerance": slices,
        "grid": space.sequence.value,
        "registered": space.registered,
    }
    error = beyond_mm3 >= params.hierarchy_min_outside_mm3 and beyond_count >= (
        params.hierarchy_min_outside_fraction * max(inner_voxels, 1)
    )
    relation = "outside" if word == "outside" else "overlapping"
    rule = _RELATION_RULES.get(outer if outer == "whole_tumor" else inner, "R-SEG-6")
    if error:
        message = (
            f"{beyond_count} voxels ({beyond_mm3:.0f} mm3) of {inner} lie {relation} {outer} by "
            f"more than {tolerance:.1f} mm (on the {space.sequence.value} grid, slices {slices})."
        )
        return [
            Finding(
                rule,
                Severity.ERROR,
                message,
                region=inner,
                slice_index=slices[0] if slices else None,
                details=details,
            )
        ]
    message = (
        f"{raw_count} voxels of {inner} are {relation} {outer} on the {space.sequence.value} grid, "
        f"within the {tolerance:.1f} mm partial-volume tolerance."
    )
    return [Finding(rule, Severity.INFO, message, region=inner, details=details)]


def csf_findings(
    region: str,
    outer: np.ndarray,
    body: np.ndarray | None,
    flair: sitk.Image,
    flair_head: np.ndarray,
    t2_on_grid: np.ndarray | None,
    t2_head: np.ndarray | None,
    params: SelfCheckParameters,
) -> list[Finding]:
    """R-ANN-2: CSF-like voxels (dark on FLAIR, bright on T2) inside whole tumor / edema.

    Voxels inside the tumor body are left out: cysts and necrosis look like CSF and belong to
    the tumor. ``outer``, ``body`` and ``flair_head`` are boolean arrays on the FLAIR grid.
    """
    intensity = sitk.GetArrayViewFromImage(flair)
    tissue_median = float(np.median(intensity[flair_head]))
    csf = outer & (intensity < params.csf_flair_max_fraction * tissue_median)
    t2_threshold = None
    if t2_on_grid is not None and t2_head is not None and t2_head.size:
        t2_threshold = float(np.percentile(t2_head, params.csf_t2_min_percentile))
        csf &= t2_on_grid > t2_threshold
    if body is not None:
        csf &= ~body
    count = int(csf.sum())
    if count < params.csf_min_voxels:
        return []
    per_slice = csf.sum(axis=(1, 2))
    slices = [int(k) for k in np.nonzero(per_slice)[0]]
    worst = int(np.argmax(per_slice))
    voxel_mm3 = float(np.prod(flair.GetSpacing()))
    return [
        Finding(
            "R-ANN-2",
            Severity.WARNING,
            f"{count} voxels ({count * voxel_mm3:.0f} mm3) of {region} have CSF-like signal "
            f"(dark on FLAIR{', bright on T2' if t2_threshold is not None else ''}) outside the "
            f"tumor body, most on slice {human_slice(worst)}: a sulcus or ventricle? Leave normal structures out.",
            region=region,
            slice_index=worst,
            details={
                "voxels": count,
                "volume_mm3": round(count * voxel_mm3, 1),
                "slices": slices,
                "flair_threshold": params.csf_flair_max_fraction * tissue_median,
                "t2_threshold": t2_threshold,
            },
        )
    ]


def remote_edema_findings(
    lesions: list[Lesion],
    labels: np.ndarray,
    body_distance: np.ndarray,
    params: SelfCheckParameters,
) -> list[Finding]:
    """R-ANN-3 heuristic: a FLAIR-region lesion far from every tumor body may be leukoaraiosis.

    ``labels`` and ``body_distance`` (mm to the tumor body, > 0 outside) are on the FLAIR grid.
    """
    findings: list[Finding] = []
    for lesion in lesions:
        if lesion.speck:
            continue
        nearest = float(body_distance[labels == lesion.number].min())
        if nearest > params.remote_edema_mm:
            findings.append(
                Finding(
                    "R-ANN-3",
                    Severity.WARNING,
                    f"{lesion.label} is {nearest:.0f} mm from any tumor body: leukoaraiosis or a "
                    "lacune labelled as edema, or a lesion whose body is not drawn?",
                    region=lesion.region,
                    lesion=lesion.number,
                    slice_index=lesion.slice_first,
                    details={"distance_to_tumor_body_mm": round(nearest, 1)},
                )
            )
    return findings
