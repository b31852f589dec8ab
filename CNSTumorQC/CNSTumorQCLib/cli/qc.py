"""``cnstumor qc DICOM_DIR --out OUT``: is this case fit to annotate? (R-ACQ-*, R-DATA-2, R-QC-*)

Also ``cnstumor qc-confirm OUT SERIES [GRADE] [--sequence SEQ] --reviewer NAME``: record a
radiologist's grade and/or confirmed (or corrected) sequence identification; SERIES is the
series' number, description or instance UID.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.findings import Severity
from CNSTumorQCLib.qc import run_qc
from CNSTumorQCLib.quality.confirmation import confirm_grade, confirm_sequence, resolve_series
from CNSTumorQCLib.report.qc_report import Verdict, load_report, write_report
from CNSTumorQCLib.sequences import MRSequence


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "qc",
        help="check a DICOM folder against the consensus: sequences, geometry, integrity, quality grade",
        description=(
            "Index DICOM_DIR (headers only), identify each series (T1, T1C, T2, FLAIR, DWI, ADC, "
            "other), check the consensus acquisition rules (R-ACQ-1..7) and DICOM integrity "
            "(R-DATA-2), suggest an image-quality grade (R-QC-1), and write OUT/qc_report.json, "
            "OUT/qc_report.csv and OUT/qc_report.html. Run it on the original files, before "
            "de-identification."
        ),
    )
    parser.add_argument(
        "dicom_dir", type=Path, metavar="DICOM_DIR", help="folder of DICOM files (never modified)"
    )
    parser.add_argument(
        "--out", type=Path, required=True, help="folder for the reports (outside DICOM_DIR)"
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when a study is not fit to annotate"
    )
    parser.add_argument(
        "--workers", type=int, default=None, help="processes reading headers (default: CPU count)"
    )
    parser.add_argument(
        "--no-grade", action="store_true", help="skip the image-quality grade (faster)"
    )
    parser.add_argument(
        "--no-thumbnails", action="store_true", help="skip the thumbnails in the HTML report"
    )
    parser.set_defaults(func=run)

    confirm = subparsers.add_parser(
        "qc-confirm",
        help="record a radiologist's confirmed grade and/or sequence for a series (R-QC-2, R-ACQ-*)",
        description=(
            "Record the confirmed grade (1, 2 or 3) and/or the confirmed sequence of one series in "
            "OUT/qc_report.json and rewrite the reports. Grade 1 excludes the series and needs "
            "--reason. --sequence confirms or corrects the identification; the acquisition rules "
            "are checked again for the confirmed sequence."
        ),
    )
    confirm.add_argument("out", type=Path, metavar="OUT", help="folder holding qc_report.json")
    confirm.add_argument(
        "series_uid",
        metavar="SERIES",
        help="the series' number (as in the report: 'Series 3'), description or instance UID",
    )
    confirm.add_argument("grade", type=int, choices=(1, 2, 3), nargs="?", default=None)
    confirm.add_argument(
        "--sequence",
        type=str.upper,
        choices=[s.value for s in MRSequence],
        help="the sequence this series is (confirms or corrects the identification)",
    )
    confirm.add_argument("--reviewer", required=True)
    confirm.add_argument("--reason", default="")
    confirm.set_defaults(func=run_confirm)


def run(args: argparse.Namespace) -> int:
    report = run_qc(
        args.dicom_dir,
        args.out,
        workers=args.workers,
        grade=not args.no_grade,
        thumbnails=not args.no_thumbnails,
    )
    errors = sum(f.severity is Severity.ERROR for s in report.series for f in s.findings)
    folder_errors = [f for f in report.input_findings if f.severity is Severity.ERROR]
    if not report.series and folder_errors:
        # The same words the HTML report shows at its top, and a failing exit status (2).
        for finding in folder_errors:
            where = ", ".join(finding.files) or str(args.dicom_dir)
            print(f"cnstumor qc: error: {where}: {finding.message}", file=sys.stderr)
        print(f"report: {args.out / 'qc_report.html'}", file=sys.stderr)
        return 2
    for finding in report.input_findings:  # broken or unreadable files, named (R-DATA-2)
        if finding.severity in (Severity.ERROR, Severity.WARNING):
            print(
                f"{finding.severity.value}: {', '.join(finding.files)}: {finding.message}",
                file=sys.stderr,
            )
    for study in report.studies:
        print(f"{study.patient_id} {study.study_instance_uid}: {study.verdict.value}")
        for reason in study.reasons:
            print(f"  - {reason}")
    print(
        f"{len(report.series)} series in {len(report.studies)} studies, {errors} error findings; "
        f"{report.files_indexed} of {report.files_seen} files indexed; report: {args.out / 'qc_report.html'}",
        file=sys.stderr,
    )
    if args.strict and report.verdict is Verdict.NOT_FIT:
        return 1
    return 0


def run_confirm(args: argparse.Namespace) -> int:
    if args.grade is None and args.sequence is None:
        raise InvalidInputError("qc-confirm needs a GRADE, a --sequence, or both")
    report = load_report(args.out / "qc_report.json")
    entry = resolve_series(report, args.series_uid)
    uid, reviewer = entry.series_instance_uid, args.reviewer.strip()
    if args.sequence is not None:
        report = confirm_sequence(report, uid, args.sequence, args.reviewer, args.reason)
    if args.grade is not None:
        report = confirm_grade(report, uid, args.grade, args.reviewer, args.reason)
    write_report(report, args.out)  # both confirmations or neither
    updated = resolve_series(report, uid)
    name = f"{entry.series_description or uid} (series {entry.series_number}, {updated.sequence})"
    if args.sequence is not None:
        print(f"sequence {args.sequence} confirmed for {name} by {reviewer}")
    if args.grade is not None:
        excluded = " (excluded from annotation, R-QC-2)" if args.grade == 1 else ""
        print(f"grade {args.grade} confirmed for {name} by {reviewer}{excluded}")
    for study in report.studies:
        print(f"{study.patient_id} {study.study_instance_uid}: {study.verdict.value}")
    return 0
