"""A reviewer's session on one submitted case (R-PPL-3), Qt-free.

- :meth:`ReviewSession.open` admits only a qualified reviewer (R-PPL-1) who drew no version of
  the case, on a submitted case; the session is read-only (it never saves a mask);
- :func:`region_volumes_cm3` and :func:`compare_masks` give each region's volume in cm3 and, for
  two versions (or an annotation and a model's pre-annotation), the volumes side by side with
  the Dice overlap, so a reviewer sees where the two differ;
- :func:`jump_targets` turns the case's self-check findings into places to jump to (region,
  slice, lesion), errors first;
- comments are collected per region and slice, checked against the case's schema and the
  reference grid's slice count, then :meth:`approve` or :meth:`return_case` records the decision
  through :func:`CNSTumorAnnotationLib.project.workflow.review` (a return needs a comment).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.i18n import N_, tr
from CNSTumorAnnotationLib.people import QualificationError, Role
from CNSTumorAnnotationLib.project import versions, workflow
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorAnnotationLib.project.lifecycle import CaseState
from CNSTumorAnnotationLib.project.workflow import ReviewComment, ReviewDecision
from CNSTumorQCLib.errors import InvalidInputError, WorkflowError
from CNSTumorQCLib.findings import Finding, Severity

_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
#: A finding's severity as people read it (the value stays the identifier).
SEVERITY_WORDS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}


def _voxel_cm3(mask: sitk.Image) -> float:
    return float(np.prod(mask.GetSpacing())) / 1000.0


def region_volumes_cm3(masks: Mapping[str, sitk.Image]) -> dict[str, float]:
    """Each region's volume in cm3 (voxel count x voxel volume on its own grid)."""
    return {
        key: float(np.count_nonzero(sitk.GetArrayViewFromImage(mask))) * _voxel_cm3(mask)
        for key, mask in masks.items()
    }


@dataclass(frozen=True)
class RegionComparison:
    """One region of two annotations: volumes (cm3) and their Dice overlap."""

    region: str
    volume_a_cm3: float
    volume_b_cm3: float
    dice: float | None  # None when both are empty

    def to_dict(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "volume_a_cm3": round(self.volume_a_cm3, 3),
            "volume_b_cm3": round(self.volume_b_cm3, 3),
            "dice": None if self.dice is None else round(self.dice, 4),
        }


def compare_masks(
    a: Mapping[str, sitk.Image], b: Mapping[str, sitk.Image]
) -> list[RegionComparison]:
    """Region by region, on each region's reference grid (both must share it, R-ANN-8)."""
    rows = []
    for key in [k for k in a if k in b]:
        first, second = a[key], b[key]
        if first.GetSize() != second.GetSize() or not np.allclose(
            first.GetSpacing(), second.GetSpacing()
        ):
            raise InvalidInputError(
                tr(
                    (
                        "R-ANN-8: region {key} is on different grids in the two annotations "
                        "({first_size} vs {second_size}); compare annotations of one case"
                    ),
                    key=key,
                    first_size=first.GetSize(),
                    second_size=second.GetSize(),
                )
            )
        x = sitk.GetArrayViewFromImage(first) > 0
        y = sitk.GetArrayViewFromImage(second) > 0
        total = int(x.sum() + y.sum())
        dice = None if total == 0 else 2.0 * float(np.logical_and(x, y).sum()) / total
        unit = _voxel_cm3(first)
        rows.append(RegionComparison(key, float(x.sum()) * unit, float(y.sum()) * unit, dice))
    return rows


@dataclass(frozen=True)
class JumpTarget:
    """Where a self-check finding points: the region, slice and lesion to show."""

    rule: str
    severity: str
    message: str
    region: str | None
    slice_index: int | None
    lesion: int | None

    def label(self) -> str:
        """One line for a list of findings, in the language in effect (rule IDs as they are)."""
        where = []
        if self.region:
            where.append(self.region)
        if self.slice_index is not None:
            where.append(tr("slice {number}", number=self.slice_index))
        if self.lesion is not None:
            where.append(tr("lesion {number}", number=self.lesion))
        suffix = f" ({', '.join(where)})" if where else ""
        severity = tr(SEVERITY_WORDS[self.severity]) if self.severity in SEVERITY_WORDS else ""
        return f"[{severity or self.severity}] {self.rule}{suffix}: {self.message}"


def jump_targets(findings: list[Finding]) -> list[JumpTarget]:
    """Findings that name a region or a slice, errors first, then by slice."""
    located = [f for f in findings if f.region or f.slice_index is not None]
    located.sort(
        key=lambda f: (
            _SEVERITY_ORDER[f.severity],
            f.region or "",
            -1 if f.slice_index is None else f.slice_index,
        )
    )
    return [
        JumpTarget(f.rule, f.severity.value, f.message, f.region, f.slice_index, f.lesion)
        for f in located
    ]


def read_selfcheck_findings(case_dir: Path) -> list[Finding]:
    """The findings of the case folder's latest self-check (``selfcheck.json``), or none."""
    path = Path(case_dir) / "selfcheck.json"
    if not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Finding.from_dict(item) for item in data.get("findings", [])]
    except (ValueError, KeyError, TypeError) as error:
        raise InvalidInputError(
            tr("not a readable self-check report ({error})", error=error), path
        ) from None


@dataclass
class ReviewSession:
    """A reviewer's read-only session on one submitted case; see the module docstring."""

    project: Project
    case_id: str
    reviewer: str
    regions: tuple[str, ...]
    slice_counts: dict[str, int] = field(default_factory=dict)
    comments: list[ReviewComment] = field(default_factory=list)
    read_only: bool = True

    @classmethod
    def open(
        cls,
        project: Project,
        case_id: str,
        reviewer: str,
        regions: tuple[str, ...],
        slice_counts: Mapping[str, int] | None = None,
    ) -> ReviewSession:
        """Admit ``reviewer`` to ``case_id`` (R-PPL-1, R-PPL-3); ``regions`` are the schema's keys
        and ``slice_counts`` each region's number of axial slices (for comment checks)."""
        person = project.person(reviewer)
        if person.role is not Role.REVIEWER:
            raise QualificationError(
                tr(
                    (
                        "R-PPL-3: {person_name} is a {role}, not a reviewer; case {case_id} "
                        "opens read-only for reviewers only"
                    ),
                    person_name=person.name,
                    role=person.role.value,
                    case_id=case_id,
                )
            )
        project.qualification_rules().require(person, Role.REVIEWER)
        case = project.case(case_id)
        if case.state is not CaseState.SUBMITTED:
            raise WorkflowError(
                tr(
                    "R-PPL-3: case {case_id} is {state}; only a submitted case is reviewed",
                    case_id=case_id,
                    state=case.state.value,
                )
            )
        workflow.require_not_own_work(project, case, person)
        return cls(project, case_id, reviewer, tuple(regions), dict(slice_counts or {}))

    def submitted_version(self) -> int:
        latest = versions.latest_version(self.project.conn, self.case_id)
        if latest is None:
            raise WorkflowError(
                tr("case {case_id} has no saved version to review", case_id=self.case_id)
            )
        return latest.number

    def add_comment(
        self, text: str, region: str | None = None, slice_index: int | None = None
    ) -> ReviewComment:
        """A remark located by region and (axial) slice when it applies (R-PPL-3)."""
        if not text.strip():
            raise InvalidInputError(tr("a review comment needs text"))
        if region is not None and region not in self.regions:
            raise InvalidInputError(
                tr(
                    "unknown region {region!r}; the case's regions are {regions}",
                    region=region,
                    regions=", ".join(self.regions),
                )
            )
        if slice_index is not None:
            limit = self.slice_counts.get(region or "", None)
            if slice_index < 0 or (limit is not None and slice_index >= limit):
                raise InvalidInputError(
                    tr(
                        (
                            "slice {slice_index} is outside region {region}'s reference sequence "
                            "(0..{last})"
                        ),
                        slice_index=slice_index,
                        region=region,
                        last=(limit or 1) - 1,
                    )
                )
        comment = ReviewComment(text.strip(), region, slice_index)
        self.comments.append(comment)
        return comment

    def approve(self, summary: str = "") -> CaseState:
        """Approve the submitted version: it becomes immutable (R-PPL-3)."""
        return self._decide(ReviewDecision.APPROVE, summary)

    def return_case(self, summary: str = "") -> CaseState:
        """Return the case to its annotator with the collected comments (at least one)."""
        return self._decide(ReviewDecision.RETURN, summary)

    def _decide(self, decision: ReviewDecision, summary: str) -> CaseState:
        state = workflow.review(
            self.project,
            self.case_id,
            reviewer=self.reviewer,
            decision=decision,
            comments=list(self.comments),
            summary=summary,
        )
        self.comments.clear()
        return state


def comparison_choices(case: Any, shown: int | None) -> list[tuple[int, str]]:
    """Versions to overlay on the one shown: (number, label), model pre-annotations marked."""
    choices = []
    for version in case.annotations:
        if version.version == shown:
            continue
        if version.machine_made:
            label = tr(
                "v{version} model pre-annotation by {annotator}",
                version=version.version,
                annotator=version.annotator,
            )
        else:
            label = tr(
                "v{version} annotation by {annotator}",
                version=version.version,
                annotator=version.annotator,
            )
        if version.approved:
            label = tr("{label} (approved)", label=label)
        choices.append((version.version, label))
    return choices
