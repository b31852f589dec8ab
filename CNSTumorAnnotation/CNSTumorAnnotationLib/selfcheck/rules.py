"""Region-level rules: required regions (R-ANN-4, R-SEG-7), CSF (R-ANN-2), remote edema (R-ANN-3).

The region hierarchy lives in ``selfcheck.hierarchy``. The CSF check runs on the common grid
(``selfcheck.space.CommonSpace``); voxel counts and volumes in its findings are on that grid.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.selfcheck.lesions import Lesion, human_slice
from CNSTumorAnnotationLib.selfcheck.params import (
    CONFIRMABLE_EMPTY,
    Confirmations,
    SelfCheckParameters,
)
from CNSTumorQCLib.findings import Finding, Severity


def is_empty(mask: sitk.Image | None) -> bool:
    if mask is None:
        return True
    return not bool(sitk.GetArrayViewFromImage(mask).any())


def required_region_findings(
    schema: Any, masks: Mapping[str, sitk.Image], confirmations: Confirmations
) -> list[Finding]:
    """R-ANN-4: required regions must be drawn; "no enhancement" (R-ANN-4) and, for a meningeal
    tumor, "no peritumoral edema" (R-SEG-7) are recorded confirmations, never errors."""
    findings: list[Finding] = []
    for region in schema.regions:
        empty = is_empty(masks.get(region.key))
        confirmation, words = CONFIRMABLE_EMPTY.get(region.key, ("", ""))
        confirmed = bool(confirmation) and confirmations.confirmed(confirmation)
        rule = "R-SEG-7" if confirmation == "no_edema" else "R-ANN-4"
        if empty and region.required and confirmed:
            findings.append(
                Finding(
                    rule,
                    Severity.INFO,
                    _confirmed_empty_message(region.key, tr(words), confirmations.confirmed_by),
                    region=region.key,
                    details={"confirmation": confirmation},
                )
            )
        elif empty and region.required:
            findings.append(
                Finding(
                    "R-ANN-4",
                    Severity.ERROR,
                    _required_empty_message(region, tr(words) if confirmation else None),
                    region=region.key,
                )
            )
        elif empty:
            findings.append(
                Finding(
                    "R-ANN-4",
                    Severity.INFO,
                    tr("The optional {key} region is empty.", key=region.key),
                    region=region.key,
                )
            )
        elif confirmed:
            findings.append(
                Finding(
                    rule,
                    Severity.WARNING,
                    tr(
                        (
                            '"{confirmation}" was confirmed but the {key} region is drawn: '
                            "withdraw the confirmation or clear the region."
                        ),
                        confirmation=_capitalized(tr(words)),
                        key=region.key,
                    ),
                    region=region.key,
                )
            )
    return findings


def _capitalized(text: str) -> str:
    """The first letter upper-case (English words; Chinese has no case)."""
    return text[:1].upper() + text[1:]


def _confirmed_empty_message(key: str, words: str, confirmed_by: str | None) -> str:
    if confirmed_by:
        return tr(
            "The {key} region is empty: {confirmation} confirmed by {person}.",
            key=key,
            confirmation=words,
            person=confirmed_by,
        )
    return tr("The {key} region is empty: {confirmation} confirmed.", key=key, confirmation=words)


def _required_empty_message(region: Any, words: str | None) -> str:
    """R-ANN-4: the required region is empty (and, where allowed, what may be confirmed)."""
    if words:
        return tr(
            (
                "The required {key} region ({name}) is empty: draw it on {sequence} "
                '(or confirm "{confirmation}").'
            ),
            key=region.key,
            name=region.display_name,
            sequence=region.reference_sequence.value,
            confirmation=words,
        )
    return tr(
        "The required {key} region ({name}) is empty: draw it on {sequence}.",
        key=region.key,
        name=region.display_name,
        sequence=region.reference_sequence.value,
    )


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
    words = {
        "count": count,
        "volume_mm3": count * voxel_mm3,
        "region": region,
        "slice_number": human_slice(worst),
    }
    if t2_threshold is not None:
        message = tr(
            "{count} voxels ({volume_mm3:.0f} mm3) of {region} have CSF-like signal (dark on "
            "FLAIR, bright on T2) outside the tumor body, most on slice {slice_number}: a "
            "sulcus or ventricle? Leave normal structures out.",
            **words,
        )
    else:
        message = tr(
            "{count} voxels ({volume_mm3:.0f} mm3) of {region} have CSF-like signal (dark on "
            "FLAIR) outside the tumor body, most on slice {slice_number}: a sulcus or "
            "ventricle? Leave normal structures out.",
            **words,
        )
    return [
        Finding(
            "R-ANN-2",
            Severity.WARNING,
            message,
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
                    tr(
                        (
                            "{label} is {nearest:.0f} mm from any tumor body: leukoaraiosis or a "
                            "lacune labelled as edema, or a lesion whose body is not drawn?"
                        ),
                        label=lesion.label,
                        nearest=nearest,
                    ),
                    region=lesion.region,
                    lesion=lesion.number,
                    slice_index=lesion.slice_first,
                    details={"distance_to_tumor_body_mm": round(nearest, 1)},
                )
            )
    return findings
