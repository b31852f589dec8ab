"""``cnstumor qc DICOM_DIR --out OUT``: is this case fit to annotate? (R-ACQ-*, R-DATA-2, R-QC-*)

Many studies at once: ``cnstumor qc STUDY_DIR... --out OUT [--scheduler ADDRESS] [--workers N]``
runs one QC per study on Dask (:mod:`CNSTumorQCLib.batch`): ``OUT/<study>/qc_report.*`` and
``OUT/qc_summary.json`` / ``.csv``; a re-run skips studies that are done and unchanged.

Also ``cnstumor qc-confirm OUT SERIES [GRADE] [--sequence SEQ] --reviewer NAME``: record a
radiologist's grade and/or confirmed (or corrected) sequence identification; SERIES is the
series' number, description or instance UID.
"""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path
from typing import Any

from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.findings import Severity, severity_word
from CNSTumorQCLib.i18n import language, tr
from CNSTumorQCLib.qc import run_qc
from CNSTumorQCLib.quality.confirmation import confirm_grade, confirm_sequence, resolve_series
from CNSTumorQCLib.report.qc_report import Verdict, load_report, write_report
from CNSTumorQCLib.sequences import MRSequence


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "qc",
        help=tr(
            "check a DICOM folder against the consensus: sequences, geometry, "
            "integrity, quality grade"
        ),
        description=(
            tr(
                "Index DICOM_DIR (headers only), identify each series (T1, T1C, T2, "
                "FLAIR, DWI, ADC, other), check the consensus acquisition rules "
                "(R-ACQ-1..7) and DICOM integrity (R-DATA-2), suggest an image-quality "
                "grade (R-QC-1), and write OUT/qc_report.json, OUT/qc_report.csv and "
                "OUT/qc_report.html. Run it on the original files, before "
                "de-identification."
            )
        ),
    )
    parser.add_argument(
        "dicom_dirs",
        type=Path,
        nargs="+",
        metavar="DICOM_DIR",
        help=tr("folder of DICOM files (never modified); several: one study each, run as a batch"),
    )
    parser.add_argument(
        "--out", type=Path, required=True, help=tr("folder for the reports (outside DICOM_DIR)")
    )
    parser.add_argument(
        "--strict", action="store_true", help=tr("exit 1 when a study is not fit to annotate")
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help=tr(
            "one folder: processes reading headers; a batch: Dask workers of the "
            "local cluster, 1 = in this process (default: CPU count)"
        ),
    )
    add_batch_arguments(parser)
    parser.add_argument(
        "--no-grade", action="store_true", help=tr("skip the image-quality grade (faster)")
    )
    parser.add_argument(
        "--no-thumbnails", action="store_true", help=tr("skip the thumbnails in the HTML report")
    )
    parser.set_defaults(func=run)

    confirm = subparsers.add_parser(
        "qc-confirm",
        help=tr(
            "record a radiologist's confirmed grade and/or sequence for a series (R-QC-2, R-ACQ-*)"
        ),
        description=(
            tr(
                "Record the confirmed grade (1, 2 or 3) and/or the confirmed sequence of "
                "one series in OUT/qc_report.json and rewrite the reports. Grade 1 "
                "excludes the series and needs --reason. --sequence confirms or corrects "
                "the identification; the acquisition rules are checked again for the "
                "confirmed sequence."
            )
        ),
    )
    confirm.add_argument("out", type=Path, metavar="OUT", help=tr("folder holding qc_report.json"))
    confirm.add_argument(
        "series_uid",
        metavar="SERIES",
        help=tr("the series' number (as in the report: 'Series 3'), description or instance UID"),
    )
    confirm.add_argument(
        "grade",
        type=int,
        choices=(1, 2, 3),
        nargs="?",
        default=None,
        help=tr("the confirmed image-quality grade: 1, 2 or 3 (R-QC-1; 1 excludes the series)"),
    )
    confirm.add_argument(
        "--sequence",
        type=str.upper,
        choices=[s.value for s in MRSequence],
        help=tr("the sequence this series is (confirms or corrects the identification)"),
    )
    confirm.add_argument(
        "--reviewer", required=True, help=tr("name of the radiologist who confirms")
    )
    confirm.add_argument(
        "--reason",
        default="",
        help=tr("why: required for grade 1 and for a corrected sequence"),
    )
    confirm.set_defaults(func=run_confirm)


def add_batch_arguments(parser: argparse.ArgumentParser) -> None:
    """``--scheduler`` and ``--no-progress``, shared by the batch commands."""
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help=tr(
            "run the batch on this Dask scheduler (tcp://host:8786) instead of a local cluster"
        ),
    )
    parser.add_argument("--no-progress", action="store_true", help=tr("no progress bar"))


def print_batch(summary: Any, what: str) -> None:
    """One line per failed study and the counts (stderr), the summary paths (stdout)."""
    for outcome in summary.failed:
        problem = (outcome.error or tr("unknown error")).splitlines()[0]
        print(
            tr(
                "cnstumor {what}: FAILED {source}: {problem}",
                what=what,
                source=outcome.source,
                problem=problem,
            ),
            file=sys.stderr,
        )
    print(
        tr(
            (
                "{what}: {done} done, {unchanged} unchanged, {failed} failed of "
                "{total} studies; summary: {summary_path} and {csv_path}"
            ),
            what=what,
            done=summary.count("done"),
            unchanged=summary.count("unchanged"),
            failed=summary.count("failed"),
            total=len(summary.outcomes),
            summary_path=summary.summary_path,
            csv_path=summary.csv_path,
        )
    )


def run_batch_qc(args: argparse.Namespace) -> int:
    from CNSTumorQCLib.batch import items_for, run_batch
    from CNSTumorQCLib.batch_tasks import qc_study

    grade, thumbnails = not args.no_grade, not args.no_thumbnails
    summary = run_batch(
        items_for(args.dicom_dirs, args.out),
        functools.partial(qc_study, grade=grade, thumbnails=thumbnails, language=language()),
        name="qc",
        out_dir=args.out,
        options={"grade": grade, "thumbnails": thumbnails},
        scheduler=args.scheduler,
        workers=args.workers,
        progress=not args.no_progress and sys.stderr.isatty(),
    )
    print_batch(summary, "qc")
    not_fit = any(o.result.get("verdict") == Verdict.NOT_FIT.value for o in summary.outcomes)
    if summary.exit_status or (args.strict and not_fit):
        return 1
    return 0


def run(args: argparse.Namespace) -> int:
    if len(args.dicom_dirs) > 1 or args.scheduler:
        return run_batch_qc(args)
    report = run_qc(
        args.dicom_dirs[0],
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
            where = ", ".join(finding.files) or str(args.dicom_dirs[0])
            print(
                tr("cnstumor qc: error: {where}: {message}", where=where, message=finding.message),
                file=sys.stderr,
            )
        print(tr("report: {path}", path=args.out / "qc_report.html"), file=sys.stderr)
        return 2
    for finding in report.input_findings:  # broken or unreadable files, named (R-DATA-2)
        if finding.severity in (Severity.ERROR, Severity.WARNING):
            print(
                tr(
                    "{severity}: {files}: {message}",
                    severity=severity_word(finding.severity),
                    files=", ".join(finding.files),
                    message=finding.message,
                ),
                file=sys.stderr,
            )
    for study in report.studies:
        print(_verdict_line(study))
        for reason in study.reasons:
            print(f"  - {reason}")
    print(
        tr(
            (
                "{series} series in {studies} studies, {errors} error "
                "findings; {files_indexed} of {files_seen} files indexed; report: {path}"
            ),
            series=len(report.series),
            studies=len(report.studies),
            errors=errors,
            files_indexed=report.files_indexed,
            files_seen=report.files_seen,
            path=args.out / "qc_report.html",
        ),
        file=sys.stderr,
    )
    if args.strict and report.verdict is Verdict.NOT_FIT:
        return 1
    return 0


def run_confirm(args: argparse.Namespace) -> int:
    if args.grade is None and args.sequence is None:
        raise InvalidInputError(tr("qc-confirm needs a GRADE, a --sequence, or both"))
    report = load_report(args.out / "qc_report.json")
    entry = resolve_series(report, args.series_uid)
    uid, reviewer = entry.series_instance_uid, args.reviewer.strip()
    if args.sequence is not None:
        report = confirm_sequence(report, uid, args.sequence, args.reviewer, args.reason)
    if args.grade is not None:
        report = confirm_grade(report, uid, args.grade, args.reviewer, args.reason)
    write_report(report, args.out)  # both confirmations or neither
    updated = resolve_series(report, uid)
    name = tr(
        "{description} (series {number}, {sequence})",
        description=entry.series_description or uid,
        number=entry.series_number,
        sequence=updated.sequence,
    )
    if args.sequence is not None:
        print(
            tr(
                "sequence {sequence} confirmed for {name} by {reviewer}",
                sequence=args.sequence,
                name=name,
                reviewer=reviewer,
            )
        )
    if args.grade == 1:
        print(
            tr(
                "grade 1 confirmed for {name} by {reviewer} (excluded from annotation, R-QC-2)",
                name=name,
                reviewer=reviewer,
            )
        )
    elif args.grade is not None:
        print(
            tr(
                "grade {grade} confirmed for {name} by {reviewer}",
                grade=args.grade,
                name=name,
                reviewer=reviewer,
            )
        )
    for study in report.studies:
        print(_verdict_line(study))
    return 0


def _verdict_line(study: Any) -> str:
    """``PATIENT STUDY_UID: VERDICT`` (the verdict in words in Chinese)."""
    return tr(
        "{patient_id} {study_uid}: {verdict}",
        patient_id=study.patient_id,
        study_uid=study.study_instance_uid,
        verdict=study.verdict.words,
    )
