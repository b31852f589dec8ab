"""``cnstumor selfcheck CASE_DIR``: self-check an annotation version and write ``selfcheck.json``.

Exit status 0 when no finding blocks the submission, 1 when an error does (R-FLOW-1).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.selfcheck import SelfCheckReport, run_selfcheck, write_selfcheck
from CNSTumorAnnotationLib.selfcheck_params import CHECKLIST, Confirmations


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "selfcheck",
        help="self-check an annotation (R-ANN-2/3/4/7/8/9, region hierarchy)",
        description=(
            "Check an annotation version of a case folder: required regions, region hierarchy, "
            "lesion inventory and specks, skipped and missed slices, CSF-like voxels, original "
            "axial geometry. Writes CASE_DIR/selfcheck.json; exit status 1 on a blocking error."
        ),
    )
    parser.add_argument("case_dir", type=Path, metavar="CASE_DIR")
    parser.add_argument(
        "--version", type=int, default=None, help="annotation version (default: latest)"
    )
    parser.add_argument(
        "--confirm-no-enhancement",
        action="store_true",
        help="R-ANN-4: the tumor shows no definite enhancement; an empty enhancing region is not an error",
    )
    parser.add_argument(
        "--confirm",
        action="append",
        default=[],
        choices=sorted(CHECKLIST),
        help="a checklist item the annotator confirmed (repeatable)",
    )
    parser.add_argument("--by", default=None, help="who confirms (recorded in the report)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    confirmations = Confirmations(
        no_enhancement=bool(args.confirm_no_enhancement),
        checklist=frozenset(args.confirm),
        confirmed_by=args.by,
    )
    report = run_selfcheck(args.case_dir, args.version, confirmations)
    path = write_selfcheck(report, args.case_dir)
    print(format_report(report))
    print(f"report: {path}")
    return 1 if report.blocking else 0


def format_report(report: SelfCheckReport) -> str:
    """A readable summary: verdict, counts, findings (errors first), lesions, open checklist."""
    counts = report.counts()
    verdict = "BLOCKED: fix the errors before submitting" if report.blocking else "OK to submit"
    lines = [
        f"Self-check of case {report.case_id}, annotation version {report.annotation_version} "
        f"({report.parameters.version}): {verdict}",
        f"  {counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} note(s); "
        f"hierarchy on the {report.common_space} grid "
        f"({'case registration' if report.registered else 'physical-space identity'})",
        "Findings:",
    ]
    for finding in report.findings:
        where = _where(finding.lesion, finding.slice_index)
        lines.append(
            f"  [{finding.severity.value.upper():7}] {finding.rule:8} {finding.message}{where}"
        )
    lines.append("Lesions (centroid in RAS mm; slices 0-based):")
    for lesion in report.lesions:
        x, y, z = lesion.centroid_ras_mm
        lines.append(
            f"  {lesion.label:24} {lesion.volume_mm3:10.1f} mm3  ({x:6.1f}, {y:6.1f}, {z:6.1f})  "
            f"slices {lesion.slice_first}-{lesion.slice_last}" + ("  speck" if lesion.speck else "")
        )
    open_items = [key for key in CHECKLIST if key not in report.confirmations.checklist]
    if open_items:
        lines.append(
            "To confirm by hand: " + ", ".join(f"{CHECKLIST[k][0]} {k}" for k in open_items)
        )
    return "\n".join(lines)


def _where(lesion: int | None, slice_index: int | None) -> str:
    parts = []
    if lesion is not None:
        parts.append(f"lesion {lesion}")
    if slice_index is not None:
        parts.append(f"slice {slice_index}")
    return f" [{', '.join(parts)}]" if parts else ""
