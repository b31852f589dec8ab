"""Agreement between label maps written to disk: ``agreement.json`` + ``agreement.html``.

:func:`bundled_case_agreement` is what ``make demo`` shows: the five BraTS algorithm label
maps shipped with the TCGA-FG-6692 case, compared pairwise per region (R-PPL-2), plus their
STAPLE consensus with each algorithm's sensitivity and specificity (R-HMI-1).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from CNSTumorAnnotationLib.agreement.masks import LabelMap, load_label_maps
from CNSTumorAnnotationLib.agreement.regions import BRATS_REGIONS, region_agreement
from CNSTumorAnnotationLib.agreement.report_html import agreement_report_html
from CNSTumorAnnotationLib.agreement.staple import staple
from CNSTumorAnnotationLib.agreement.surface import bounding_box
from CNSTumorAnnotationLib.agreement.thresholds import DEFAULT_THRESHOLDS
from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.atomic import write_json_atomic, write_text_atomic
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError
from CNSTumorQCLib.paths import output_folder
from CNSTumorQCLib.provenance import provenance

#: The five algorithm segmentations of the bundled case (BraTS labels 1/2/4, SRI-24 1 mm).
BUNDLED_ALGORITHMS: tuple[str, ...] = (
    "hnfnetv1-20",
    "isen-20",
    "sanet0-20",
    "scan-20",
    "yixinmpl-20",
)


def _staple_by_region(maps: Sequence[Any], regions: Mapping[str, Sequence[int]]) -> dict[str, Any]:
    """STAPLE per region, on the box around all raters' masks grown by 5 voxels."""
    out: dict[str, Any] = {}
    for region, labels in regions.items():
        masks = {m.name: m.region_mask(labels) for m in maps}
        box = bounding_box(list(masks.values()))
        if box is None:
            continue
        shape = next(iter(masks.values())).shape
        box = tuple(
            slice(max(0, s.start - 5), min(n, s.stop + 5)) for s, n in zip(box, shape, strict=True)
        )
        result = staple({k: v[box] for k, v in masks.items()})
        summary = result.summary()
        summary["consensus_volume_mm3"] = float(result.consensus.sum()) * float(
            np.prod(maps[0].spacing_mm)
        )
        summary["grid"] = "bounding box of all raters + 5 voxels"
        out[region] = summary
    return out


def label_maps_agreement(
    label_maps: Mapping[str, str | Path] | Sequence[str | Path],
    out_dir: str | Path,
    regions: Mapping[str, Sequence[int]] | None = None,
    *,
    title: str | None = None,
    operation: str = "agreement",
    image: str | Path | None = None,
) -> dict[str, Any]:
    """Compare label maps per region, write ``agreement.json`` and ``agreement.html`` atomically.

    Returns the JSON payload (with provenance); the inputs are only read. ``title`` defaults to
    "Inter-annotator agreement" in the current language.
    """
    regions = dict(regions or BRATS_REGIONS)
    if Path(out_dir).exists() and not Path(out_dir).is_dir():
        raise InvalidInputError(tr("the agreement output folder is an existing file"), out_dir)
    maps = load_label_maps(label_maps)
    check_label_values(maps, regions)
    table = region_agreement(maps, regions)
    record = provenance(
        operation,
        rule_tables={"agreement_thresholds": DEFAULT_THRESHOLDS.version},
        parameters={"label_maps": {m.name: m.source for m in maps}, **table.parameters},
    )
    staple_summary = _staple_by_region(maps, table.regions) if len(maps) >= 3 else {}
    payload = {
        "provenance": record,
        "thresholds": DEFAULT_THRESHOLDS.to_dict(),
        "agreement": table.to_dict(),
        "staple": staple_summary,
    }
    pictures = ""
    if image is not None:  # the MRI the maps were drawn on: show where raters disagree
        import SimpleITK as sitk

        from CNSTumorAnnotationLib.agreement.disagreement import disagreement_section

        pictures = disagreement_section(sitk.ReadImage(str(image)), maps, table, table.regions)
    page = agreement_report_html(
        table, record, title=title, staple=staple_summary, disagreement=pictures
    )
    out = output_folder(out_dir, tr("agreement output folder"))
    write_json_atomic(out / "agreement.json", payload)
    write_text_atomic(out / "agreement.html", page)
    return payload


#: Values a label map may hold besides those its regions name: the BraTS / consensus labels
#: (1 necrosis or non-enhancing, 2 edema, 3 and 4 enhancing), which a region subset leaves out.
CONSENSUS_LABEL_VALUES = frozenset({1, 2, 3, 4})


def check_label_values(maps: Sequence[LabelMap], regions: Mapping[str, Sequence[int]]) -> None:
    """Refuse a map whose values no region names (7, 255), negative values, or no label at all:
    agreement numbers on such a map would be computed without a word (R-PPL-2)."""
    known = {int(v) for values in regions.values() for v in values} | CONSENSUS_LABEL_VALUES
    for label_map in maps:
        where = label_map.source or None
        present = {int(v) for v in np.unique(label_map.labels)} - {0}
        if not present:
            raise InvalidInputError(
                tr(
                    "label map {label_map_name} is empty (no labelled voxel)",
                    label_map_name=label_map.name,
                ),
                where,
            )
        negative = sorted(v for v in present if v < 0)
        if negative:
            raise InvalidInputError(
                tr(
                    "label map {label_map_name} holds negative values {negative}",
                    label_map_name=label_map.name,
                    negative=negative,
                ),
                where,
            )
        unknown = sorted(present - known)
        if unknown:
            raise InvalidInputError(
                tr(
                    (
                        "label map {label_map_name} holds values {unknown} that no region names "
                        "(regions: {regions}); give --region NAME=values for them"
                    ),
                    label_map_name=label_map.name,
                    unknown=unknown,
                    regions={k: sorted(v) for k, v in regions.items()},
                ),
                where,
            )


def bundled_case_agreement(sample_dir: str | Path, out_dir: str | Path) -> dict[str, Any]:
    """Agreement of the bundled case's five algorithm label maps (for ``make demo``).

    ``sample_dir`` is the case folder (``SampleData/TCGA-FG-6692``); writes
    ``out_dir/agreement.json`` and ``out_dir/agreement.html`` and returns the JSON payload.
    """
    folder = Path(sample_dir) / "reference_labels"
    paths = {name: folder / f"{name}.nii.gz" for name in BUNDLED_ALGORITHMS}
    for path in paths.values():
        if not path.is_file():
            raise MissingInputError(tr("bundled algorithm label map missing"), path)
    return label_maps_agreement(
        paths,
        out_dir,
        BRATS_REGIONS,
        title=tr("Agreement of the five BraTS algorithms on {case_id}", case_id="TCGA-FG-6692"),
        operation="bundled_case_agreement",
        image=Path(sample_dir) / "sri24" / "FLAIR.nii.gz",
    )
