"""``cnstumor selfcheck CASE_DIR``: self-check an annotation version and write ``selfcheck.json``.

Exit status 0 when no finding blocks the submission, 1 when an error does (R-FLOW-1).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.selfcheck.case_check import format_report, run_selfcheck, write_selfcheck
from CNSTumorAnnotationLib.selfcheck.params import CHECKLIST, Confirmations


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "selfcheck",
        help="self-check an annotation (R-ANN-2/3/4/7/8/9, region hierarchy R-SEG-1..7)",
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
        "--confirm-no-edema",
        action="store_true",
        help="R-SEG-7: a meningeal tumor without peritumoral edema; an empty edema region is not "
        "an error",
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
    _register_correct(subparsers)  # ``cnstumor correct``: resolve the findings as a new version


def run(args: argparse.Namespace) -> int:
    confirmations = Confirmations(
        no_enhancement=bool(args.confirm_no_enhancement),
        no_edema=bool(args.confirm_no_edema),
        checklist=frozenset(args.confirm),
        confirmed_by=args.by,
    )
    report = run_selfcheck(args.case_dir, args.version, confirmations)
    path = write_selfcheck(report, args.case_dir)
    from CNSTumorAnnotationLib.selfcheck.report_html import write_selfcheck_html

    page = write_selfcheck_html(args.case_dir, report, args.case_dir)
    print(format_report(report))
    print(f"report: {path}; with pictures: {page}")
    return 1 if report.blocking else 0


def _register_correct(subparsers: Any) -> None:
    from CNSTumorAnnotationLib.cli import correct

    correct.register(subparsers)
