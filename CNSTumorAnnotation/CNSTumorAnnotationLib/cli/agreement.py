"""``cnstumor agreement-maps A.nii.gz B.nii.gz ... --out DIR``: compare label maps directly.

Writes ``agreement.json`` and ``agreement.html`` (R-PPL-2 inter-annotator consistency). Regions
default to BraTS (whole tumor {1,2,4}, tumor core {1,4}, enhancing {4}); ``--region
NAME=1,2,4`` (repeatable) gives others.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.errors import InvalidInputError


def _parse_region(text: str) -> tuple[str, list[int]]:
    name, _, values = text.partition("=")
    try:
        labels = [int(v) for v in values.split(",") if v.strip()]
    except ValueError:
        labels = []
    if not name or not labels:
        raise InvalidInputError(tr("--region must look like NAME=1,2,4, got {text!r}", text=text))
    return name, labels


def _run(args: argparse.Namespace) -> int:
    from CNSTumorAnnotationLib.agreement.bundled import label_maps_agreement

    regions = dict(_parse_region(r) for r in args.region) if args.region else None
    payload: dict[str, Any] = label_maps_agreement(args.label_maps, args.out, regions)
    for region, summary in payload["agreement"]["summary"].items():
        print(
            tr(
                "{region:>14}: Dice mean {dice_mean:.3f} (min {dice_min:.3f}), HD95 max "
                "{hd95_max:.2f} mm",
                region=region,
                dice_mean=summary["dice_mean"],
                dice_min=summary["dice_min"],
                hd95_max=summary["hd95_max_mm"],
            )
        )
    print(tr("wrote {path} and agreement.html", path=Path(args.out) / "agreement.json"))
    return 0


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "agreement-maps",
        help=tr(
            "compare two or more label maps of one case (Dice, HD95, NSD, lesion-wise, STAPLE)"
        ),
        description=tr(
            "Compare label maps of one case directly and write agreement.json and "
            "agreement.html (R-PPL-2 inter-annotator agreement). The regions are BraTS's "
            "unless --region NAME=1,2,4 (repeatable) gives others: whole tumor = labels "
            "1, 2, 4; tumor core = 1, 4; enhancing = 4."
        ),
    )
    parser.add_argument("label_maps", nargs="+", type=Path, help=tr("label maps on one voxel grid"))
    parser.add_argument("--out", required=True, type=Path, help=tr("output folder"))
    parser.add_argument(
        "--region", action="append", default=[], help=tr("NAME=labels, e.g. whole_tumor=1,2,4")
    )
    parser.set_defaults(func=_run)
