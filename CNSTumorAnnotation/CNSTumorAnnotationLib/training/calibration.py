"""The training phase (R-PPL-2, R-PPL-4): calibration, agreement, certification.

Two teams annotate the same calibration batch independently. Agreement is computed with the
agreement library per case and region (Dice, HD95 of the two teams' label maps), per region
over the batch (ICC(2,1) of the volumes) and on the quality grades (quadratic-weighted Cohen
kappa, R-QC-1 grades are ordinal). The teams' members are certified for production only when
every measure reaches the project's "excellent" band; the report names every case and region
that fell short. Production assignment checks the certification (``workflow.assign``).

The shortfalls are sentences for people, written in the language of the run (like findings);
every number, band and key of the report stays machine-readable beside them.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from CNSTumorAnnotationLib.agreement import (
    BRATS_REGIONS,
    DEFAULT_THRESHOLDS,
    AgreementBand,
    AgreementThresholds,
    KappaWeighting,
    classify_icc,
    cohen_kappa,
    icc_2_1,
    region_agreement,
)
from CNSTumorAnnotationLib.agreement.thresholds import band_name
from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.project import audit, store
from CNSTumorAnnotationLib.project.annotation_project import Project
from CNSTumorQCLib.atomic import write_json_atomic
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.provenance import provenance

EXCELLENT = AgreementBand.EXCELLENT.value


@dataclass(frozen=True)
class CalibrationCase:
    """One case of the calibration batch: each team's label map and quality grade (R-QC-1)."""

    case_id: str
    labels: Mapping[str, Any]  # team -> label map (path, SimpleITK image or LabelMap)
    grades: Mapping[str, int] = field(default_factory=dict)  # team -> grade 1/2/3


@dataclass(frozen=True)
class RegionResult:
    """Agreement of the two teams on one region of one case."""

    case_id: str
    region: str
    dice: float
    dice_band: str
    hd95_mm: float
    hd95_band: str
    volume_mm3: dict[str, float]

    @property
    def excellent(self) -> bool:
        return self.dice_band == EXCELLENT and self.hd95_band == EXCELLENT


@dataclass(frozen=True)
class CalibrationReport:
    """The training-phase assessment; ``certified`` only when ``shortfalls`` is empty."""

    teams: tuple[str, str]
    regions: dict[str, tuple[int, ...]]
    results: tuple[RegionResult, ...]
    icc: dict[str, dict[str, Any]]  # region -> ICC(2,1) result + band (or why not computable)
    kappa: dict[str, Any]
    shortfalls: tuple[str, ...]
    thresholds: dict[str, Any]
    provenance: dict[str, Any]

    @property
    def certified(self) -> bool:
        return not self.shortfalls

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": "cnstumor-calibration-report/1",
            "rules": ["R-PPL-2", "R-PPL-4"],
            "teams": list(self.teams),
            "certified": self.certified,
            "shortfalls": list(self.shortfalls),
            "regions": {k: list(v) for k, v in self.regions.items()},
            "cases": [r.__dict__ | {"excellent": r.excellent} for r in self.results],
            "volume_icc": self.icc,
            "grade_kappa": self.kappa,
            "thresholds": self.thresholds,
            "provenance": self.provenance,
        }

    def sha256(self) -> str:
        return hashlib.sha256(
            json.dumps(self.to_dict(), sort_keys=True, default=str).encode()
        ).hexdigest()


def assess_calibration(
    cases: Sequence[CalibrationCase],
    *,
    regions: Mapping[str, Any] = BRATS_REGIONS,
    thresholds: AgreementThresholds = DEFAULT_THRESHOLDS,
) -> CalibrationReport:
    """Compare the two teams on every case and region; list what falls short of excellent."""
    teams = _teams(cases)
    checked = {name: tuple(sorted(int(v) for v in values)) for name, values in regions.items()}
    results: list[RegionResult] = []
    shortfalls: list[str] = []
    for case in cases:
        table = region_agreement({t: case.labels[t] for t in teams}, checked, thresholds=thresholds)
        for row in table.rows:
            result = RegionResult(
                case.case_id,
                row.region,
                row.dice,
                row.dice_band,
                row.hd95_mm,
                row.hd95_band,
                {t: table.volumes_mm3[row.region][t] for t in teams},
            )
            results.append(result)
            shortfalls += _case_shortfalls(result, thresholds)
    icc = {region: _volume_icc(region, results, teams, thresholds) for region in checked}
    shortfalls += [
        tr("region {region}: {shortfall}", region=r, shortfall=v["shortfall"])
        for r, v in icc.items()
        if v.get("shortfall")
    ]
    kappa = _grade_kappa(cases, teams, thresholds)
    if kappa.get("shortfall"):
        shortfalls.append(tr("quality grades: {shortfall}", shortfall=kappa["shortfall"]))
    return CalibrationReport(
        teams=teams,
        regions=checked,
        results=tuple(results),
        icc=icc,
        kappa=kappa,
        shortfalls=tuple(shortfalls),
        thresholds=thresholds.to_dict(),
        provenance=provenance(
            "training_calibration",
            rule_tables={"agreement_thresholds": thresholds.version},
            parameters={"cases": [c.case_id for c in cases], "teams": list(teams)},
        ),
    )


def certify_teams(
    project: Project,
    report: CalibrationReport,
    members: Mapping[str, Sequence[str]],
    *,
    actor: str,
    out_dir: str | Path | None = None,
) -> Path:
    """Record the assessment for every member of both teams (certified or not, R-PPL-4) and
    write the report (JSON + HTML) into the project's ``training/`` folder; returns the JSON."""
    project.require_administrator(actor, tr("certify a training team"))
    if set(members) != set(report.teams):
        raise InvalidInputError(
            tr(
                "members are given for teams {members}, the report compares {teams}",
                members=sorted(members),
                teams=list(report.teams),
            )
        )
    for person_ids in members.values():
        for person_id in person_ids:
            project.person(person_id)
    out = Path(out_dir) if out_dir else project.directory / "training"
    digest = report.sha256()
    json_path = write_json_atomic(out / f"calibration-{digest[:12]}.json", report.to_dict())
    from CNSTumorAnnotationLib.training.report_html import write_training_report_html

    write_training_report_html(report, json_path.with_suffix(".html"))
    for team, person_ids in members.items():
        for person_id in person_ids:
            record_certification(
                project,
                person_id,
                team=team,
                certified=report.certified,
                thresholds_version=str(report.thresholds["version"]),
                report_sha256=digest,
                actor=actor,
            )
    return json_path


def record_certification(
    project: Project,
    person_id: str,
    *,
    team: str,
    certified: bool,
    thresholds_version: str,
    report_sha256: str,
    actor: str,
) -> None:
    """Record the outcome of a training-phase assessment for one person (R-PPL-4; an
    administrator's act)."""
    project.require_administrator(
        actor, tr("record the certification of {person_id}", person_id=person_id)
    )
    project.person(person_id)
    with store.transaction(project.conn) as conn:
        conn.execute(
            "INSERT INTO teams (id, recorded_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
            (team, store.utc_now()),
        )
        conn.execute(
            "INSERT INTO team_members (team_id, person) VALUES (?, ?) ON CONFLICT DO NOTHING",
            (team, person_id),
        )
        conn.execute(
            "INSERT INTO certifications (person, team_id, certified, thresholds_version,"
            " report_sha256, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
            (person_id, team, int(certified), thresholds_version, report_sha256, store.utc_now()),
        )
        audit.append(
            conn,
            actor=actor,
            action="certification",
            details={
                "person": person_id,
                "team": team,
                "certified": certified,
                "thresholds": thresholds_version,
                "report_sha256": report_sha256,
                "rule": "R-PPL-4",
            },
        )


def _teams(cases: Sequence[CalibrationCase]) -> tuple[str, str]:
    if not cases:
        raise InvalidInputError(tr("R-PPL-4: the calibration batch is empty"))
    teams = tuple(sorted(cases[0].labels))
    if len(teams) != 2:
        raise InvalidInputError(
            tr(
                "R-PPL-4: the calibration compares exactly two teams, got {teams}",
                teams=list(teams),
            )
        )
    for case in cases:
        if tuple(sorted(case.labels)) != teams:
            raise InvalidInputError(
                tr(
                    "R-PPL-4: case {case_id} has labels from {labels}, expected {teams}",
                    case_id=case.case_id,
                    labels=sorted(case.labels),
                    teams=list(teams),
                )
            )
    return teams[0], teams[1]


def _case_shortfalls(result: RegionResult, thresholds: AgreementThresholds) -> list[str]:
    out = []
    where = tr("case {case_id}, region {region}", case_id=result.case_id, region=result.region)
    if result.dice_band != EXCELLENT:
        cut = thresholds.dice_bands(result.region).cut_points[2]
        out.append(
            tr(
                "{where}: Dice {dice} is {band}; excellent needs >= {cut}",
                where=where,
                dice=f"{result.dice:.3f}",
                band=band_name(result.dice_band),
                cut=f"{cut:.2f}",
            )
        )
    if result.hd95_band != EXCELLENT:
        cut = thresholds.hd95_mm.cut_points[2]
        out.append(
            tr(
                "{where}: HD95 {hd95} mm is {band}; excellent needs <= {cut} mm",
                where=where,
                hd95=f"{result.hd95_mm:.1f}",
                band=band_name(result.hd95_band),
                cut=f"{cut:.1f}",
            )
        )
    return out


def _volume_icc(
    region: str,
    results: list[RegionResult],
    teams: tuple[str, str],
    thresholds: AgreementThresholds,
) -> dict[str, Any]:
    ratings = [[r.volume_mm3[t] for t in teams] for r in results if r.region == region]
    if len(ratings) < 2:
        return {
            "icc": None,
            "band": None,
            "shortfall": tr(
                "volume ICC needs >= 2 calibration cases, the batch has {count}",
                count=len(ratings),
            ),
        }
    try:
        with np.errstate(invalid="ignore", divide="ignore"):  # identical volumes: degenerate CI
            result = icc_2_1(ratings)
    except InvalidInputError as error:
        return {
            "icc": None,
            "band": None,
            "shortfall": tr("volume ICC not computable ({error})", error=error),
        }
    # Koo & Li 2016: grade by the lower 95% bound. Identical volumes make the interval
    # degenerate (NaN); the point estimate (1.0) then stands for itself.
    lower = result.ci95_lower if math.isfinite(result.ci95_lower) else None
    band = classify_icc(result.icc, lower, thresholds).value
    out: dict[str, Any] = result.to_dict() | {
        "band": band,
        "banded_by": "ci95_lower" if lower is not None else "icc",
    }
    if band != EXCELLENT:
        graded = (
            tr("its 95% CI lower bound {lower}", lower=f"{lower:.3f}")
            if lower is not None
            else f"{result.icc:.3f}"
        )
        out["shortfall"] = tr(
            (
                "volume ICC(2,1) {icc} is {band} (graded by {graded}); excellent needs > {cut} "
                "(Koo & Li 2016)"
            ),
            icc=f"{result.icc:.3f}",
            band=band_name(band),
            graded=graded,
            cut=f"{thresholds.icc.cut_points[2]:.2f}",
        )
    return out


def _grade_kappa(
    cases: Sequence[CalibrationCase], teams: tuple[str, str], thresholds: AgreementThresholds
) -> dict[str, Any]:
    missing = [c.case_id for c in cases if set(c.grades) != set(teams)]
    if missing:
        return {
            "kappa": None,
            "band": None,
            "shortfall": tr(
                "both teams must grade every case (R-QC-1); missing for {cases}", cases=missing
            ),
        }
    a = [int(c.grades[teams[0]]) for c in cases]
    b = [int(c.grades[teams[1]]) for c in cases]
    value = cohen_kappa(a, b, KappaWeighting.QUADRATIC, categories=[1, 2, 3])
    band = thresholds.kappa.classify(value).value
    out: dict[str, Any] = {
        "kappa": value,
        "weighting": "quadratic",
        "band": band,
        "grades": {teams[0]: a, teams[1]: b},
    }
    if band != EXCELLENT:
        out["shortfall"] = tr(
            "weighted kappa {kappa} is {band}; excellent needs > {cut}",
            kappa=f"{value:.3f}",
            band=band_name(band),
            cut=f"{thresholds.kappa.cut_points[2]:.2f}",
        )
    return out
