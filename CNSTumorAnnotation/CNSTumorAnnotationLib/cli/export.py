"""``cnstumor export CASE_DIR... --out OUT --format ...``: export one or many cases (R-FMT-1..3).

The same argument parser serves ``Scripts/batch_export.py`` (plain Python or inside Slicer).
Prints one line per failed case and a final count; the exit status is 1 when any case failed.
Only approved versions are exported unless ``--include-unapproved`` is given (R-PPL-3), and the
manifest records the choice. An export of a case that belongs to an annotation project is an
entry in that project's audit log: who, which case and version, where (R-FLOW-1).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from CNSTumorAnnotationLib.export.case_export import FORMATS, parse_formats
from CNSTumorAnnotationLib.export.context import ExportOptions
from CNSTumorAnnotationLib.i18n import N_, tr
from CNSTumorAnnotationLib.naming import DEFAULT_PATTERN, NamingPolicy
from CNSTumorQCLib.sequences import MRSequence

if TYPE_CHECKING:
    from CNSTumorAnnotationLib.mrml.runtime import MRMLRuntime


#: the command's help (``tr(HELP)`` where shown)
HELP = N_("export annotated cases as NIfTI, .seg.nrrd, DICOM SEG, BraTS or nnU-Net (R-FMT-1..3)")


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The export options (shared by the ``cnstumor export`` sub-command and the batch script)."""
    parser.add_argument("case_dirs", nargs="+", metavar="CASE_DIR", help=tr("case folder(s)"))
    parser.add_argument("--out", required=True, help=tr("output folder (created if needed)"))
    parser.add_argument(
        "--format",
        dest="formats",
        action="append",
        metavar="FORMAT",
        help=tr(
            "{formats} | all (repeat or comma-separate; default: all)", formats=" | ".join(FORMATS)
        ),
    )
    parser.add_argument(
        "--pattern",
        default=DEFAULT_PATTERN,
        help=tr(
            "file-name pattern with {patient}, {sequence}, {content} and optionally "
            "{case}, {version}, {annotator} (R-FMT-3; default: %(default)s)"
        ),
    )
    parser.add_argument(
        "--ascii-only",
        action="store_true",
        help=tr("write non-ASCII characters of names as uXXXX code points"),
    )
    approval = parser.add_mutually_exclusive_group()
    approval.add_argument(
        "--approved-only",
        action="store_true",
        help=tr("refuse a version that no reviewer has approved (R-PPL-3; the default)"),
    )
    approval.add_argument(
        "--include-unapproved",
        action="store_true",
        help=tr("also export versions no reviewer has approved (recorded in the manifest)"),
    )
    parser.add_argument(
        "--deface",
        action="store_true",
        help=tr("deface every exported image with Quickshear (R-DATA-1; recorded in the manifest)"),
    )
    parser.add_argument(
        "--no-preview",
        action="store_true",
        help=tr("write no <case>/preview.html (the exported label maps drawn; ~0.4 s per case)"),
    )
    from CNSTumorAnnotationLib.cli import credentials

    # who exports: signed in, recorded in the project's audit log; needed for project cases
    credentials.add_arguments(parser, tr("who exports a project's cases (signed in, audited)"))
    parser.add_argument(
        "--project",
        type=Path,
        help=tr(
            "annotation project whose review store decides --approved-only (default: "
            "the project holding the case folder, else the case folder's own "
            "approval flag)"
        ),
    )
    parser.add_argument(
        "--annotation-version",
        type=int,
        help=tr(
            "annotation version to export (default: the latest; not --version, which Slicer owns)"
        ),
    )
    parser.add_argument(
        "--brats-version",
        choices=("2021", "2023"),
        default="2023",
        help=tr("BraTS label convention of the BraTS export (default: %(default)s)"),
    )
    parser.add_argument(
        "--dataset-reference",
        choices=(
            MRSequence.FLAIR.value,
            MRSequence.T1C.value,
            MRSequence.T2.value,
            MRSequence.T1.value,
        ),
        default=MRSequence.FLAIR.value,
        help=tr("grid of the BraTS and nnU-Net images and labels (default: %(default)s)"),
    )
    parser.add_argument(
        "--nnunet-id", type=int, default=501, help=tr("nnU-Net dataset ID (3 digits)")
    )
    parser.add_argument("--nnunet-name", default="CNSTumor", help=tr("nnU-Net dataset name"))
    parser.add_argument("--no-progress", action="store_true", help=tr("no progress bar"))
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help=tr("export on this Dask scheduler (tcp://host:8786) instead of this process"),
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help=tr(
            "Dask workers of a local cluster; 1 (default) exports in this process, 0 = one per CPU"
        ),
    )
    return parser


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("export", help=tr(HELP), description=tr(HELP))
    add_arguments(parser)
    parser.set_defaults(func=run)


def options_from_args(args: argparse.Namespace) -> ExportOptions:
    return ExportOptions(
        naming=NamingPolicy(pattern=args.pattern, ascii_only=args.ascii_only),
        brats_version=args.brats_version,
        dataset_reference=MRSequence(args.dataset_reference),
        nnunet_dataset_id=args.nnunet_id,
        nnunet_dataset_name=args.nnunet_name,
        approved_only=not args.include_unapproved,
        project_dir=args.project,
        deface=args.deface,
        preview=not args.no_preview,
    )


def run(args: argparse.Namespace, runtime: MRMLRuntime | None = None) -> int:
    """Export the cases; print failures and a summary line; return the exit status."""
    from CNSTumorAnnotationLib.export.batch import export_batch

    formats = parse_formats(args.formats or ["all"])
    _require_project_actor(args)
    summary = export_batch(
        args.case_dirs,
        args.out,
        formats,
        options=options_from_args(args),
        version=args.annotation_version,
        runtime=runtime,
        progress=not args.no_progress,
        scheduler=args.scheduler,
        workers=args.workers or None,
    )
    _audit_project_exports(summary, args, formats)
    for outcome in summary.failed:
        first_line = outcome.error.splitlines()[0] if outcome.error else tr("unknown error")
        print(
            tr(
                "cnstumor export: FAILED {source}: {first_line}",
                source=outcome.source,
                first_line=first_line,
            ),
            file=sys.stderr,
        )
    exported = summary.count("done") + summary.count("unchanged")
    print(
        tr(
            (
                "exported {exported} of {total} case(s) ({unchanged} unchanged "
                "since the last run; {formats}) into {out_dir}; summary: {summary_path}"
            ),
            exported=exported,
            total=len(summary.outcomes),
            unchanged=summary.count("unchanged"),
            formats=", ".join(formats),
            out_dir=summary.out_dir,
            summary_path=summary.summary_path,
        )
    )
    return summary.exit_status


def _require_project_actor(args: argparse.Namespace) -> None:
    """Before anything is written: a project case's export needs a signed-in --actor (R-FLOW-1);
    the person found replaces the typed id (a token names its holder)."""
    from CNSTumorAnnotationLib.cli import credentials
    from CNSTumorAnnotationLib.project.annotation_project import Project
    from CNSTumorAnnotationLib.project.approval import find_project
    from CNSTumorQCLib.errors import InvalidInputError

    projects = {args.project} if args.project else set()
    projects |= {find_project(Path(d)) for d in args.case_dirs} - {None}
    for project_dir in projects:
        if not args.actor and not credentials.token_from(args):
            raise InvalidInputError(
                tr(
                    "exporting cases of an annotation project needs --actor (a person of the "
                    "project): the export is recorded in its audit log (R-FLOW-1)"
                ),
                project_dir,
            )
        with Project.open(project_dir) as project:
            args.actor = credentials.signed_in(project, args)


def _audit_project_exports(summary: Any, args: argparse.Namespace, formats: Sequence[str]) -> None:
    """R-FLOW-1: each case of an annotation project this run exported is an audit entry in it
    (a case skipped as unchanged since the last run was not exported again)."""
    import json

    from CNSTumorAnnotationLib.project import audit, store
    from CNSTumorAnnotationLib.project.annotation_project import Project
    from CNSTumorAnnotationLib.project.approval import find_project

    for outcome in summary.outcomes:
        manifest_path = outcome.result.get("output")
        if outcome.status != "done" or not manifest_path:
            continue
        project_dir = args.project or find_project(Path(outcome.source))
        if project_dir is None:
            continue
        manifest = json.loads(Path(manifest_path).read_text(encoding="utf-8"))
        annotation = manifest.get("annotation", {})
        with Project.open(project_dir) as project, store.transaction(project.conn) as conn:
            audit.append(
                conn,
                actor=str(args.actor),
                action="export",
                case_id=outcome.result.get("case_id"),
                details={
                    "case_folder": str(Path(outcome.source).resolve()),
                    "annotation_version": annotation.get("version"),
                    "approved": annotation.get("approved"),
                    "include_unapproved": bool(args.include_unapproved),
                    "out": str(Path(manifest_path).parent.resolve()),
                    "manifest": str(Path(manifest_path).resolve()),
                    "formats": list(formats),
                },
            )


def main(argv: Sequence[str] | None = None, runtime: MRMLRuntime | None = None) -> int:
    """Stand-alone entry (the batch script): parse ``argv`` and run."""
    from CNSTumorAnnotationLib.cli.app import ArgumentParser, argparse_in_language

    with argparse_in_language():
        parser = add_arguments(ArgumentParser(prog="batch_export", description=tr(HELP)))
        args = parser.parse_args(argv)
    try:
        return run(args, runtime=runtime)
    except Exception as error:  # a bad option (pattern, format) is reported, not a traceback
        from CNSTumorQCLib.errors import CNSTumorError

        if not isinstance(error, CNSTumorError):
            raise
        print(tr("batch_export: error: {error}", error=error), file=sys.stderr)
        return 2
