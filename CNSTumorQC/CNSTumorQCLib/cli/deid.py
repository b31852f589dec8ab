"""``cnstumor deid IN OUT --key-file KEY``: write a de-identified copy of a DICOM folder (R-DATA-1)."""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from pathlib import Path

from tqdm import tqdm

from CNSTumorQCLib.deid.folder import REPORT_NAME, deidentify_folder
from CNSTumorQCLib.deid.policy import DeidPolicy
from CNSTumorQCLib.findings import Severity
from CNSTumorQCLib.progress import on_terminal

SECRET_ENV = "CNSTUMOR_DEID_SECRET"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "deid",
        help="write a de-identified copy of a DICOM folder (PS3.15 Annex E, R-DATA-1)",
        description=(
            "De-identify every DICOM object under IN into OUT (a new or empty folder): Annex E "
            "basic profile, deterministic UIDs, per-patient pseudonym and date shift, markers, "
            "and a post-check that no identifying string remains. The pseudonym key file is "
            "written outside OUT."
        ),
    )
    parser.add_argument(
        "input", type=Path, metavar="IN", help="DICOM folder to read (never modified)"
    )
    parser.add_argument("output", type=Path, metavar="OUT", help="new or empty folder for the copy")
    parser.add_argument(
        "--key-file",
        type=Path,
        help="pseudonym key (secret, originals, date shifts); reused when it exists; never inside "
        "OUT (default: OUT.deid-key.json beside OUT)",
    )
    parser.add_argument(
        "--salt",
        help=f"project secret for UIDs, pseudonyms and date shifts (default: ${SECRET_ENV}, "
        "else the key file's, else a new random one); visible in process lists, prefer the variable",
    )
    parser.add_argument(
        "--quarantine", type=Path, help="copy quarantined objects here (outside OUT)"
    )
    parser.add_argument("--pseudonym-prefix", default=DeidPolicy.pseudonym_prefix)
    parser.add_argument(
        "--workers",
        type=int,
        default=min(4, os.cpu_count() or 1),
        help="processes to use (default: up to 4)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when any file could not be released (an error or warning: unreadable, "
        "broken .dcm, quarantined)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    policy = DeidPolicy(pseudonym_prefix=args.pseudonym_prefix)
    key_file = args.key_file or args.output.parent / f"{args.output.name}.deid-key.json"
    with (
        warnings.catch_warnings(),
        tqdm(total=0, unit="file", disable=not on_terminal()) as bar,
    ):
        warnings.simplefilter("ignore")  # pydicom's notes on invalid source values

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        report = deidentify_folder(
            args.input,
            args.output,
            key_file,
            secret=args.salt or os.environ.get(SECRET_ENV),
            policy=policy,
            quarantine_dir=args.quarantine,
            workers=max(1, args.workers),
            progress=progress,
        )
    for finding in report.findings:
        names = ", ".join(finding.files)
        print(
            f"{finding.severity.value}: {finding.rule}: {names}: {finding.message}", file=sys.stderr
        )
    counts = report.counts
    print(
        f"de-identified {counts.get('written', 0)} of {counts.get('files_seen', 0)} files "
        f"({counts.get('quarantined', 0)} quarantined, {counts.get('withheld', 0)} withheld, "
        f"{counts.get('not_dicom', 0)} not DICOM) -> {args.output / REPORT_NAME}; key: {key_file}"
    )
    blocked = any(
        finding.severity in (Severity.ERROR, Severity.WARNING) for finding in report.findings
    )
    return 1 if args.strict and blocked else 0
