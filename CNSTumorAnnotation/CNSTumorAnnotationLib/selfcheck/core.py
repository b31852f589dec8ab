"""The self-check's pure core: region masks, reference volumes and a schema in; findings out.

``check_masks`` needs no case folder (``selfcheck.run_selfcheck`` reads one). Checks, rule by rule:

* R-ANN-4  a required region is empty (error), unless "no enhancement" (or, for a meningeal
  tumor, "no peritumoral edema", R-SEG-7) is confirmed (info);
* R-SEG-1/3/4/5/6/7  region hierarchy on a common grid, with a partial-volume tolerance,
  independent of the optional tumor body, a meningeal dural tail allowed (``hierarchy``);
* R-ANN-7  lesion inventory (numbered, volume, centroid, slice range) and specks;
* R-ANN-9  skipped interior slices (error) and likely missed end slices (warning);
* R-ANN-2  CSF-like voxels inside whole tumor / edema (warning);
* R-ANN-3  FLAIR lesions far from any tumor body (warning) plus a checklist item;
* R-ANN-8  a segmentation not on its reference sequence's original axial grid (error).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.selfcheck.endslice import missed_end_slice_findings
from CNSTumorAnnotationLib.selfcheck.hierarchy import hierarchy_findings
from CNSTumorAnnotationLib.selfcheck.lesions import (
    Lesion,
    lesion_inventory,
    skipped_slice_findings,
    speck_findings,
)
from CNSTumorAnnotationLib.selfcheck.params import Confirmations, SelfCheckParameters
from CNSTumorAnnotationLib.selfcheck.rules import (
    csf_findings,
    is_empty,
    remote_edema_findings,
    required_region_findings,
)
from CNSTumorAnnotationLib.selfcheck.space import (
    CommonSpace,
    geometry_differences,
    geometry_findings,
    head_mask,
)
from CNSTumorQCLib.findings import Finding, Severity, has_blocking
from CNSTumorQCLib.sequences import MRSequence

#: Regions drawn on FLAIR that the CSF (R-ANN-2) and leukoaraiosis (R-ANN-3) checks read.
FLAIR_REGIONS = ("whole_tumor", "edema")

_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class SelfCheckResult:
    """What ``check_masks`` found: findings (errors first) and every lesion, numbered."""

    findings: tuple[Finding, ...]
    lesions: tuple[Lesion, ...]
    common_space: str
    registered: bool

    @property
    def blocking(self) -> bool:
        return has_blocking(self.findings)


@dataclass
class _Context:
    schema: Any
    masks: Mapping[str, sitk.Image]
    refs: Mapping[MRSequence, sitk.Image]
    params: SelfCheckParameters
    space: CommonSpace | None
    on_grid: set[str] = field(default_factory=set)  # regions on their reference grid
    labels: dict[str, np.ndarray] = field(default_factory=dict)  # lesion labels per region
    heads: dict[MRSequence, np.ndarray] = field(default_factory=dict)

    def head(self, sequence: MRSequence) -> np.ndarray:
        """The head (Otsu foreground) of a reference volume, computed once per check."""
        if sequence not in self.heads:
            self.heads[sequence] = head_mask(self.refs[sequence])
        return self.heads[sequence]


def _common_space(
    schema: Any,
    refs: Mapping[MRSequence, sitk.Image],
    transforms: Mapping[MRSequence, sitk.Transform] | None,
    params: SelfCheckParameters,
) -> CommonSpace | None:
    order = [params.common_space, *schema.reference_sequences]
    sequence = next((s for s in order if s in refs), None)
    if sequence is None:
        return None
    return CommonSpace(
        sequence=sequence,
        reference=refs[sequence],
        transforms=dict(transforms or {}),
        registered=bool(transforms),
    )


def check_masks(
    masks: Mapping[str, sitk.Image],
    references: Mapping[MRSequence, sitk.Image],
    schema: Any,
    *,
    confirmations: Confirmations | None = None,
    parameters: SelfCheckParameters | None = None,
    transforms: Mapping[MRSequence, sitk.Transform] | None = None,
) -> SelfCheckResult:
    """Run every check on region masks (each in its reference sequence's grid).

    ``references`` maps sequences to their native volumes; ``transforms[seq]`` maps the common
    grid's physical points to ``seq``'s (the case's registration; absent: identity).
    """
    params = parameters or SelfCheckParameters()
    confirmations = confirmations or Confirmations()
    space = _common_space(schema, references, transforms, params)
    ctx = _Context(schema, masks, references, params, space)
    findings = required_region_findings(schema, masks, confirmations)
    findings += _geometry(ctx)
    lesions: list[Lesion] = []
    for region in schema.regions:
        mask = masks.get(region.key)
        if is_empty(mask):
            continue
        assert mask is not None
        region_lesions, labels = lesion_inventory(region.key, mask, params)
        ctx.labels[region.key] = labels
        lesions += region_lesions
        findings += speck_findings(region_lesions, params)
        findings += skipped_slice_findings(region_lesions)
        findings += _end_slices(ctx, region, region_lesions, labels)
    if space is not None:
        findings += hierarchy_findings(schema, masks, references, space, params)
        findings += _flair_region_checks(ctx, lesions)
    findings.sort(key=lambda f: (_SEVERITY_ORDER[f.severity], f.rule, f.region or ""))
    return SelfCheckResult(
        findings=tuple(findings),
        lesions=tuple(lesions),
        common_space=space.sequence.value if space else "",
        registered=bool(space and space.registered),
    )


def _geometry(ctx: _Context) -> list[Finding]:
    findings: list[Finding] = []
    for region in ctx.schema.regions:
        mask = ctx.masks.get(region.key)
        reference = ctx.refs.get(region.reference_sequence)
        if mask is None or reference is None:
            continue
        found = geometry_findings(region.key, mask, reference, ctx.params)
        if not any(f.severity is Severity.ERROR for f in found):
            ctx.on_grid.add(region.key)
        findings += found
    return findings


def _end_slices(
    ctx: _Context, region: Any, lesions: list[Lesion], labels: np.ndarray
) -> list[Finding]:
    """R-ANN-9 missed end slices, read on the region's own reference volume."""
    reference = ctx.refs.get(region.reference_sequence)
    if reference is None or region.key not in ctx.on_grid:
        return []
    intensity = sitk.GetArrayViewFromImage(reference).astype(np.float32)
    spacing = reference.GetSpacing()
    return missed_end_slice_findings(
        lesions,
        labels,
        intensity,
        ctx.head(region.reference_sequence),
        (float(spacing[0]), float(spacing[1])),
        region.reference_sequence.value,
        ctx.params,
    )


def _flair_region_checks(ctx: _Context, lesions: list[Lesion]) -> list[Finding]:
    """R-ANN-2 (CSF-like voxels) and R-ANN-3 (remote FLAIR lesions) on the common grid."""
    space = ctx.space
    assert space is not None
    findings: list[Finding] = []
    body_mask = ctx.masks.get("tumor_body")
    body = None
    if not is_empty(body_mask) and "tumor_body" in ctx.schema.keys:
        body = space.mask(
            "tumor_body", body_mask, ctx.schema.region("tumor_body").reference_sequence
        )
    for key in FLAIR_REGIONS:
        mask = ctx.masks.get(key)
        if key not in ctx.schema.keys or is_empty(mask) or key not in ctx.on_grid:
            continue
        sequence = ctx.schema.region(key).reference_sequence
        if sequence is not space.sequence:
            continue  # the FLAIR checks read the FLAIR itself
        outer = space.mask(key, mask, sequence)
        t2_grid, t2_head = _registered_t2(ctx)
        findings += csf_findings(
            key, outer, body, space.reference, ctx.head(sequence), t2_grid, t2_head, ctx.params
        )
        if body is not None:
            region_lesions = [lesion for lesion in lesions if lesion.region == key]
            findings += remote_edema_findings(
                region_lesions, ctx.labels[key], space.distance_mm(body), ctx.params
            )
    return findings


def _registered_t2(ctx: _Context) -> tuple[np.ndarray | None, np.ndarray | None]:
    """T2 on the FLAIR grid, only where it is trustworthy: registered, or the same grid."""
    space = ctx.space
    t2 = ctx.refs.get(MRSequence.T2)
    if space is None or t2 is None:
        return None, None
    same_grid = not geometry_differences(t2, space.reference, ctx.params.geometry_tolerance)
    if MRSequence.T2 not in space.transforms and not same_grid:
        return None, None  # without a registration a moved patient would mislead the check
    t2_head = sitk.GetArrayViewFromImage(t2)[ctx.head(MRSequence.T2)].astype(np.float32)
    return space.image(t2, MRSequence.T2), t2_head


def attach_sources(
    findings: tuple[Finding, ...],
    schema: Any,
    series_uids: Mapping[MRSequence, str | None],
    files: Mapping[MRSequence, str],
) -> tuple[Finding, ...]:
    """Name each finding's series UID and annotation file from its region's reference sequence."""
    attached = []
    for finding in findings:
        if finding.region is None or finding.region not in schema.keys:
            attached.append(finding)
            continue
        sequence = schema.region(finding.region).reference_sequence
        attached.append(
            replace(
                finding,
                series_instance_uid=series_uids.get(sequence),
                files=(files[sequence],) if sequence in files else finding.files,
            )
        )
    return tuple(attached)
