"""``cnstumor case ...``: build a case folder and land an existing label map on it.

``cnstumor case import OUT --flair F --t1 F --t1c F --t2 F --patient ID --family intra_axial``
``cnstumor case import OUT ... --diagnosis meningioma --site sellar``  (refused: R-SCOPE-2)
``cnstumor case import OUT ... --diagnosis ependymoma --family intra_axial``  (accepted, noted)
``cnstumor case import OUT --qc-report QC/qc_report.json --dicom DIR --family meningeal``
``cnstumor case labels CASE_DIR LABELS.nii.gz --convention brats2021 [--atlas-flair F | --transform T]``
``cnstumor case approve CASE_DIR --reviewer dr_wang --people people.json [--version N]``
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.schemas import TumorFamily
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.sequences import MRSequence

_VOLUME_OPTIONS = {
    "flair": MRSequence.FLAIR,
    "t1": MRSequence.T1,
    "t1c": MRSequence.T1C,
    "t2": MRSequence.T2,
}


def register(subparsers: Any) -> None:
    case = subparsers.add_parser(
        "case", help=tr("build a case folder (volumes, registration, labels)")
    )
    commands = case.add_subparsers(dest="case_command", metavar="CASE_COMMAND")
    case.set_defaults(func=lambda args: case.print_help() or 0)
    _register_import(commands)
    _register_labels(commands)
    _register_approve(commands)
    _register_index(commands)


def _register_import(commands: Any) -> None:
    parser = commands.add_parser(
        "import",
        help=tr("NIfTI volumes or a QC-checked DICOM study -> case folder (R-FMT-3, R-ANN-8)"),
    )
    parser.add_argument("out", type=Path, help=tr("new case folder"))
    for option, sequence in _VOLUME_OPTIONS.items():
        parser.add_argument(
            f"--{option}", type=Path, help=tr("{sequence} volume (NIfTI)", sequence=sequence.value)
        )
    parser.add_argument(
        "--qc-report", type=Path, help=tr("qc_report.json of the study (cnstumor qc)")
    )
    parser.add_argument("--dicom", type=Path, help=tr("the DICOM folder the QC report describes"))
    parser.add_argument(
        "--patient",
        help=tr(
            "patient number or pseudonym used in file names (R-FMT-3); a person's "
            "name is refused (R-DATA-1) unless --key-file maps it to its pseudonym"
        ),
    )
    parser.add_argument(
        "--key-file",
        type=Path,
        help=tr(
            "the pseudonym key of cnstumor deid: an original name or ID given to "
            "--patient is replaced by its pseudonym"
        ),
    )
    parser.add_argument(
        "--family", choices=[f.value for f in TumorFamily], help=tr("R-SCOPE-1 family")
    )
    parser.add_argument(
        "--diagnosis",
        help=tr(
            "glioma|pcnsl|metastasis|meningioma|hemangiopericytoma (sets the "
            "family); another diagnosis (e.g. ependymoma) with --family, recorded "
            "with a note (R-SCOPE-1)"
        ),
    )
    parser.add_argument(
        "--site", help=tr("sellar|pineal|cerebellopontine_angle|bone_invading|skull_crossing|other")
    )
    parser.add_argument("--no-registration", action="store_true", help=tr("skip co-registration"))
    parser.set_defaults(func=_run_import)


def _register_labels(commands: Any) -> None:
    parser = commands.add_parser(
        "labels", help=tr("import a label map as a new machine-made version")
    )
    parser.add_argument("case_dir", type=Path, help=tr("the case folder (case.json)"))
    parser.add_argument("label_map", type=Path, help=tr("the label map file (NIfTI or NRRD)"))
    parser.add_argument(
        "--convention",
        default="brats2021",
        help=tr(
            "label convention of the map: brats2021|brats2023|brats-men|cnstumor "
            "(default: %(default)s)"
        ),
    )
    parser.add_argument(
        "--atlas-flair",
        type=Path,
        help=tr(
            "FLAIR of the label map's space (e.g. an atlas such as SRI-24): "
            "registered to the case's FLAIR and the labels follow"
        ),
    )
    parser.add_argument(
        "--transform",
        help=tr(
            "ITK transform file mapping the case's FLAIR points into the label map's "
            "space, or 'identity' for a map in the scanner's space on another grid; "
            "without it (or --atlas-flair) a map on no case volume's grid is refused"
        ),
    )
    parser.set_defaults(func=_run_labels)


def _register_approve(commands: Any) -> None:
    parser = commands.add_parser(
        "approve",
        help=tr("approve a case-folder version outside a project (R-PPL-1, R-PPL-3)"),
        description=(
            tr(
                "Mark an annotation version approved: its files become read-only. The "
                "reviewer must be listed in the people file as a qualified reviewer "
                "(R-PPL-1) and must not be the version's annotator (R-PPL-3). Inside an "
                "annotation project, review there instead."
            )
        ),
    )
    parser.add_argument("case_dir", type=Path, help=tr("the case folder (case.json)"))
    parser.add_argument(
        "--reviewer", required=True, help=tr("the reviewer's id in the people file")
    )
    parser.add_argument(
        "--people",
        type=Path,
        required=True,
        help=tr('JSON: {"people": [{"id", "name", "role", "years_experience", "title"}, ...]}'),
    )
    parser.add_argument("--version", type=int, default=None, help=tr("default: the latest"))
    parser.set_defaults(func=_run_approve)


def _register_index(commands: Any) -> None:
    parser = commands.add_parser(
        "index",
        help=tr("write CASE_DIR/index.html linking QC, versions, self-check, review, export"),
    )
    parser.add_argument("case_dir", type=Path, help=tr("the case folder (case.json)"))
    parser.add_argument(
        "--project", type=Path, help=tr("the annotation project reviewing the case")
    )
    parser.add_argument("--export", type=Path, help=tr("the export folder of the case"))
    parser.set_defaults(func=_run_index)


def _run_index(args: argparse.Namespace) -> int:
    from CNSTumorAnnotationLib.case.index_html import write_case_index

    path = write_case_index(args.case_dir, project=args.project, export=args.export)
    print(tr("case index: {path}", path=path))
    return 0


def _run_approve(args: argparse.Namespace) -> int:
    from CNSTumorAnnotationLib.case.folder import approve_version, get_version, load_case

    case = load_case(args.case_dir)
    number = get_version(case, args.version).version
    approved = approve_version(case, number, args.reviewer, people=args.people)
    print(
        tr(
            "case {case_id}: version {version} approved by {reviewer}",
            case_id=case.case_id,
            version=approved.version,
            reviewer=args.reviewer,
        )
    )
    return 0


def _scope(args: argparse.Namespace) -> Any:
    """R-SCOPE-1/2 from --family, --diagnosis and --site: another tumor of a family is accepted
    with a note; the R-SCOPE-2 sites are refused whichever option was given."""
    from CNSTumorAnnotationLib.scope import assess_scope

    return assess_scope(args.diagnosis, args.site, args.family)


def _run_import(args: argparse.Namespace) -> int:
    volumes = {
        seq: getattr(args, opt) for opt, seq in _VOLUME_OPTIONS.items() if getattr(args, opt)
    }
    scope = _scope(args)
    family = scope.family.value
    if args.patient:
        from CNSTumorQCLib.deid.identifiers import checked_patient_number

        args.patient, note = checked_patient_number(args.patient, args.key_file)  # R-DATA-1
        if note:
            print(note)
    register_sequences = not args.no_registration
    if args.qc_report or args.dicom:
        if not (args.qc_report and args.dicom) or volumes:
            raise InvalidInputError(
                tr("DICOM import takes --qc-report and --dicom, and no volume options")
            )
        from CNSTumorAnnotationLib.case.dicom_import import import_case_from_dicom

        case = import_case_from_dicom(
            args.qc_report, args.dicom, args.out, family,
            patient_id=args.patient, register=register_sequences,
        )  # fmt: skip
    else:
        if not args.patient:
            raise InvalidInputError(
                tr("--patient is required with NIfTI volumes (R-FMT-3 file names)")
            )
        from CNSTumorAnnotationLib.case.nifti_import import import_case_from_nifti

        case = import_case_from_nifti(
            volumes, args.out, args.patient, family, register=register_sequences
        )
    from CNSTumorAnnotationLib.case.folder import write_case_record

    case.metadata["scope"] = scope.to_dict()
    write_case_record(case)
    print(
        tr(
            "case {case_id} ({family}) written to {root}",
            case_id=case.case_id,
            family=case.family.value,
            root=case.root,
        )
    )
    if not scope.named_by_consensus:
        print(tr("  note: {note}", note=scope.note))
    for sequence, path in case.volumes.items():
        print(f"  {sequence.value:5s} {path.relative_to(case.root)}")
    for name, quality in case.registration.get("sequences", {}).items():
        print(
            tr(
                "  {sequence} -> FLAIR: Mattes MI {before:.3f} -> {after:.3f}",
                sequence=name,
                before=quality["mutual_information_before"],
                after=quality["mutual_information_after"],
            )
        )
    return 0


def _run_labels(args: argparse.Namespace) -> int:
    from CNSTumorAnnotationLib.case.folder import load_case
    from CNSTumorAnnotationLib.case.labelmap_import import apply_reference_labels

    case = load_case(args.case_dir)
    version = apply_reference_labels(
        case,
        args.label_map,
        args.convention,
        atlas_flair=args.atlas_flair,
        transform=args.transform,
    )
    print(
        json.dumps(
            {"version": version.version, "annotator": version.annotator, "note": version.note}
        )
    )
    return 0
