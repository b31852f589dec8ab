"""``cnstumor correct CASE_DIR --by NAME ...``: resolve self-check findings as a new version.

``--fill-skipped-slices`` (R-ANN-9), ``--remove-specks`` or ``--remove-below-mm3 X`` /
``--remove-below-voxels N`` (R-ANN-7), ``--keep "enhancing #2"`` for a small lesion the annotator
confirms is real. Registered from ``cli/selfcheck.py``, next to the check it answers.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.i18n import tr


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "correct",
        help=tr(
            "resolve self-check findings without Slicer: fill skipped slices, remove "
            "specks (a new version, R-ANN-7/9)"
        ),
        description=(
            tr(
                "Apply the annotator's decision on the self-check findings of an "
                "annotation version and save the result as a NEW version (parent: the "
                "corrected one; nothing is overwritten). Lesions are named as the "
                "self-check names them: 'whole_tumor #3'."
            )
        ),
    )
    parser.add_argument(
        "case_dir", type=Path, metavar="CASE_DIR", help=tr("the case folder (case.json)")
    )
    parser.add_argument("--by", required=True, help=tr("who decided the correction (recorded)"))
    parser.add_argument("--version", type=int, default=None, help=tr("version to correct (latest)"))
    parser.add_argument(
        "--fill-skipped-slices",
        action="store_true",
        help=tr("R-ANN-9: fill each lesion's empty interior slice from its neighbouring slices"),
    )
    parser.add_argument(
        "--remove-specks",
        action="store_true",
        help=tr(
            "R-ANN-7: remove lesions below the self-check's speck limits (10 voxels or 20 mm3)"
        ),
    )
    parser.add_argument(
        "--remove-below-mm3",
        type=float,
        default=0.0,
        metavar="MM3",
        help=tr("R-ANN-7: remove lesions smaller than this volume (mm3)"),
    )
    parser.add_argument(
        "--remove-below-voxels",
        type=int,
        default=0,
        metavar="N",
        help=tr("R-ANN-7: remove lesions of fewer voxels than this"),
    )
    parser.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="'REGION #N'",
        help=tr("a small lesion confirmed as real: never removed (repeatable)"),
    )
    parser.add_argument(
        "--region", action="append", default=None, help=tr("limit to this region (repeatable)")
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from CNSTumorAnnotationLib.case.folder import load_case
    from CNSTumorAnnotationLib.selfcheck.corrections import (
        Correction,
        correct_version,
        parse_lesion,
    )
    from CNSTumorAnnotationLib.selfcheck.params import SelfCheckParameters
    from CNSTumorQCLib.errors import InvalidInputError

    params = SelfCheckParameters()
    correction = Correction(
        fill_skipped=args.fill_skipped_slices,
        remove_below_voxels=max(
            args.remove_below_voxels, params.speck_max_voxels if args.remove_specks else 0
        ),
        remove_below_mm3=max(
            args.remove_below_mm3, params.speck_max_mm3 if args.remove_specks else 0.0
        ),
        keep=frozenset(parse_lesion(text) for text in args.keep),
        regions=frozenset(args.region) if args.region else None,
    )
    if not (
        correction.fill_skipped or correction.remove_below_voxels or correction.remove_below_mm3
    ):
        raise InvalidInputError(
            tr(
                "say what to correct: --fill-skipped-slices, --remove-specks, "
                "--remove-below-mm3 or --remove-below-voxels"
            ),
            args.case_dir,
        )
    case = load_case(args.case_dir)
    version = correct_version(case, correction, args.by, version=args.version, params=params)
    for change in correction.changes:
        print(f"  {change}")
    print(
        json.dumps(
            {"version": version.version, "parent": version.parent, "annotator": version.annotator}
        )
    )
    print(
        tr(
            "saved as version {version}; run `cnstumor selfcheck {case_dir}` again",
            version=version.version,
            case_dir=args.case_dir,
        )
    )
    return 0
