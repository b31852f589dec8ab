"""``cnstumor selfcheck CASE_DIR``: self-check an annotation version and write ``selfcheck.json``.

Exit status 0 when no finding blocks the submission, 1 when an error does (R-FLOW-1).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.selfcheck.case_check import format_report, run_selfcheck, write_selfcheck
from CNSTumorAnnotationLib.selfcheck.params import CHECKLIST, Confirmations
from CNSTumorQCLib.errors import InvalidInputError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "selfcheck",
        help=tr("self-check an annotation (R-ANN-2/3/4/7/8/9, region hierarchy R-SEG-1..7)"),
        description=(
            tr(
                "Check an annotation version of a case folder: required regions, region "
                "hierarchy, lesion inventory and specks, skipped and missed slices, "
                "CSF-like voxels, original axial geometry. Writes "
                "CASE_DIR/selfcheck.json; exit status 1 on a blocking error."
            )
        ),
    )
    parser.add_argument(
        "case_dir", type=Path, metavar="CASE_DIR", help=tr("the case folder (case.json)")
    )
    parser.add_argument(
        "--version", type=int, default=None, help=tr("annotation version (default: latest)")
    )
    parser.add_argument(
        "--confirm-no-enhancement",
        action="store_true",
        help=tr(
            "R-ANN-4: the tumor shows no definite enhancement; an empty enhancing "
            "region is not an error"
        ),
    )
    parser.add_argument(
        "--confirm-no-edema",
        action="store_true",
        help=tr(
            "R-SEG-7: a meningeal tumor without peritumoral edema; an empty edema "
            "region is not an error"
        ),
    )
    parser.add_argument(
        "--confirm",
        action="append",
        default=[],
        choices=sorted(CHECKLIST),
        help=tr("a checklist item the annotator confirmed (repeatable)"),
    )
    parser.add_argument(
        "--reviewed-all-sequences",
        action="store_true",
        help=tr(
            "R-ANN-1: the annotator reviewed every sequence and slice before drawing "
            "this version (what the wizard's first step records; needs --by)"
        ),
    )
    parser.add_argument("--by", default=None, help=tr("who confirms (recorded in the report)"))
    parser.set_defaults(func=run)
    _register_correct(subparsers)  # ``cnstumor correct``: resolve the findings as a new version


def run(args: argparse.Namespace) -> int:
    confirmations = Confirmations(
        no_enhancement=bool(args.confirm_no_enhancement),
        no_edema=bool(args.confirm_no_edema),
        checklist=frozenset(args.confirm),
        confirmed_by=args.by,
    )
    if (args.reviewed_all_sequences or args.confirm) and not (args.by or "").strip():
        raise InvalidInputError(tr("a confirmation needs --by: who confirms it is recorded"))
    report = run_selfcheck(args.case_dir, args.version, confirmations)
    if args.reviewed_all_sequences:
        record_sequence_review(args.case_dir, report.annotation_version, str(args.by).strip())
    path = write_selfcheck(report, args.case_dir)
    from CNSTumorAnnotationLib.selfcheck.report_html import write_selfcheck_html

    page = write_selfcheck_html(args.case_dir, report, args.case_dir)
    print(format_report(report))
    print(tr("report: {path}; with pictures: {page}", path=path, page=page))
    return 1 if report.blocking else 0


def _register_correct(subparsers: Any) -> None:
    from CNSTumorAnnotationLib.cli import correct

    correct.register(subparsers)


def record_sequence_review(case_dir: Path, version: int, by: str) -> Path:
    """R-ANN-1 attested on the command line: the same record the wizard's review step writes
    (``wizard_sessions/vNNNN.json``), marked as given here; a wizard's own record is kept."""
    from CNSTumorAnnotationLib.case.folder import load_case
    from CNSTumorAnnotationLib.wizard import session

    path = Path(case_dir) / session.ARCHIVE_DIR / f"v{version:04d}.json"
    record = None
    if path.is_file():
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            raise InvalidInputError(tr("unreadable wizard session record"), path) from None
    if not isinstance(record, dict) or record.get("format") != session.SESSION_FORMAT:
        case = load_case(case_dir)
        record = session.new_record(case.case_id, by, None, list(case.schema.keys))
        record["saved_version"] = version
    if not (record.get("confirmations") or {}).get("review_sequences"):
        record["confirmations"]["review_sequences"] = {
            "by": by,
            "at": session.now(),
            "via": "cnstumor selfcheck --reviewed-all-sequences",
        }
    return session.archive_record(Path(case_dir), record, version)
