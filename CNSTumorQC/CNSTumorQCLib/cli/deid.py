"""``cnstumor deid IN OUT --key-file KEY``: write a de-identified copy of a DICOM folder (R-DATA-1).

Many studies at once: ``cnstumor deid STUDY_DIR... OUT [--scheduler ADDRESS] [--workers N]``
de-identifies each study into ``OUT/<study>/`` on Dask (:mod:`CNSTumorQCLib.batch`), one shared
secret (so a patient keeps one pseudonym across studies), key files in ``OUT.deid-keys/``
(outside OUT), and ``OUT/deid_summary.json`` / ``.csv``; a re-run skips unchanged studies.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import secrets
import sys
import warnings
from pathlib import Path

from tqdm import tqdm

from CNSTumorQCLib.cli.qc import add_batch_arguments, print_batch
from CNSTumorQCLib.deid.folder import REPORT_NAME, deidentify_folder
from CNSTumorQCLib.deid.policy import DeidPolicy
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.findings import Severity, severity_word
from CNSTumorQCLib.i18n import language, tr
from CNSTumorQCLib.progress import on_terminal

SECRET_ENV = "CNSTUMOR_DEID_SECRET"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "deid",
        help=tr("write a de-identified copy of a DICOM folder (PS3.15 Annex E, R-DATA-1)"),
        description=(
            tr(
                "De-identify every DICOM object under IN into OUT (a new or empty "
                "folder): Annex E basic profile, deterministic UIDs, per-patient "
                "pseudonym and date shift, markers, and a post-check that no identifying "
                "string remains. The pseudonym key file is written outside OUT."
            )
        ),
    )
    parser.add_argument(
        "inputs",
        type=Path,
        nargs="+",
        metavar="IN",
        help=tr("DICOM folder to read (never modified); several: one study each, run as a batch"),
    )
    parser.add_argument(
        "output", type=Path, metavar="OUT", help=tr("new or empty folder for the copy")
    )
    parser.add_argument(
        "--key-file",
        type=Path,
        help=tr(
            "pseudonym key (secret, originals, date shifts); reused when it exists; "
            "never inside OUT (default: OUT.deid-key.json beside OUT)"
        ),
    )
    parser.add_argument(
        "--salt",
        help=tr(
            (
                "project secret for UIDs, pseudonyms and date shifts (default: "
                "${variable}, else the key file's, else a new random one); visible in "
                "process lists, prefer the variable"
            ),
            variable=SECRET_ENV,
        ),
    )
    parser.add_argument(
        "--quarantine", type=Path, help=tr("copy quarantined objects here (outside OUT)")
    )
    parser.add_argument(
        "--pseudonym-prefix",
        default=DeidPolicy.pseudonym_prefix,
        help=tr("prefix of the patient pseudonyms (default: %(default)s)"),
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help=tr(
            "one folder: processes to use (default: up to 4); a batch: Dask workers "
            "of the local cluster, 1 = in this process (default: CPU count)"
        ),
    )
    add_batch_arguments(parser)
    parser.add_argument(
        "--strict",
        action="store_true",
        help=tr(
            "exit 1 when any file could not be released (an error or warning: "
            "unreadable, broken .dcm, quarantined)"
        ),
    )
    parser.set_defaults(func=run)


def batch_secret(args: argparse.Namespace, keys_dir: Path) -> str:
    """The batch's one secret: given, else the environment's, else the one an earlier run of
    this batch recorded in its key files, else a new random one."""
    given = args.salt or os.environ.get(SECRET_ENV)
    if given:
        return str(given)
    for key_file in sorted(keys_dir.glob("*.deid-key.json")):
        try:
            return str(json.loads(key_file.read_text(encoding="utf-8"))["secret"])
        except (OSError, ValueError, KeyError):
            continue
    return secrets.token_hex(32)


def run_batch_deid(args: argparse.Namespace) -> int:
    from CNSTumorQCLib.batch import items_for, run_batch
    from CNSTumorQCLib.batch_tasks import deid_study

    if args.key_file:
        raise InvalidInputError(
            tr(
                "a batch keeps one key file per study in OUT.deid-keys/; --key-file is "
                "for one folder"
            )
        )
    keys_dir = args.output.parent / f"{args.output.name}.deid-keys"
    keys_dir.mkdir(parents=True, exist_ok=True)
    task = functools.partial(
        deid_study,
        keys_dir=str(keys_dir),
        secret=batch_secret(args, keys_dir),
        pseudonym_prefix=args.pseudonym_prefix,
        quarantine_dir=str(args.quarantine) if args.quarantine else None,
        language=language(),
    )
    summary = run_batch(
        items_for(args.inputs, args.output),
        task,
        name="deid",
        out_dir=args.output,
        options={"pseudonym_prefix": args.pseudonym_prefix, "keys": str(keys_dir)},
        scheduler=args.scheduler,
        workers=args.workers,
        progress=not args.no_progress and sys.stderr.isatty(),
    )
    print_batch(summary, "deid")
    blocked = any(o.result.get("errors") for o in summary.outcomes)
    return 1 if summary.exit_status or (args.strict and blocked) else 0


def run(args: argparse.Namespace) -> int:
    if len(args.inputs) > 1 or args.scheduler:
        return run_batch_deid(args)
    args.input = args.inputs[0]
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
            workers=max(1, args.workers or min(4, os.cpu_count() or 1)),
            progress=progress,
        )
    for finding in report.findings:
        names = ", ".join(finding.files)
        print(
            tr(
                "{severity}: {rule}: {files}: {message}",
                severity=severity_word(finding.severity),
                rule=finding.rule,
                files=names,
                message=finding.message,
            ),
            file=sys.stderr,
        )
    counts = report.counts
    print(
        tr(
            (
                "de-identified {written} of {seen} files ({quarantined} quarantined, "
                "{withheld} withheld, {not_dicom} not DICOM) -> {path}; key: {key_file}"
            ),
            written=counts.get("written", 0),
            seen=counts.get("files_seen", 0),
            quarantined=counts.get("quarantined", 0),
            withheld=counts.get("withheld", 0),
            not_dicom=counts.get("not_dicom", 0),
            path=args.output / REPORT_NAME,
            key_file=key_file,
        )
    )
    blocked = any(
        finding.severity in (Severity.ERROR, Severity.WARNING) for finding in report.findings
    )
    return 1 if args.strict and blocked else 0
