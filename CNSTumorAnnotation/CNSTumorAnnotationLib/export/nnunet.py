"""nnU-Net v2 raw data set export (``nnunet/DatasetNNN_Name/``), shared by every case of a batch.

Layout and ``dataset.json`` follow nnU-Net's ``documentation/dataset_format.md`` and
``region_based_training.md`` (docs/label-schemas.md):

* ``imagesTr/<case>_0000.nii.gz`` .. ``_0003``: T1, T1C, T2, FLAIR (Dataset226's order) on one
  grid (``dataset_grid``: the native FLAIR grid);
* ``labelsTr/<case>.nii.gz``: the combined consensus values (0 background, 1 outer region only,
  2 tumor body only, 3 non-enhancing, 4 enhancing; consecutive integers);
* ``dataset.json``: ``channel_names``, region-based ``labels`` (each region is the list of
  values it contains, so nested regions overlap: whole tumor = [1, 2, 3, 4]),
  ``regions_class_order`` (outermost first), ``numTraining`` (label files present) and
  ``file_ending``, plus the schema version. It is rewritten after each case, so a batch that
  stops half way still leaves a consistent data set. A case whose family or schema gives
  different labels than the data set already holds is refused (one data set, one label set).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from CNSTumorAnnotationLib.export.context import ExportContext
from CNSTumorAnnotationLib.export.dataset_grid import (
    DATASET_SEQUENCES,
    combined_labels,
    reference_grid,
    require_sequences,
    write_dataset_images,
    write_dataset_labels,
)
from CNSTumorAnnotationLib.export.manifest import ManifestEntry
from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.naming import clean_component
from CNSTumorQCLib.atomic import write_text_atomic
from CNSTumorQCLib.errors import InvalidInputError

FORMAT = "nnunet"
FILE_ENDING = ".nii.gz"
DATASET_JSON = "dataset.json"


def dataset_folder(ctx: ExportContext) -> Path:
    options = ctx.options
    name = clean_component(options.nnunet_dataset_name, ascii_only=True)
    if not 1 <= options.nnunet_dataset_id <= 999:
        raise InvalidInputError(
            tr(
                "nnU-Net dataset IDs have 3 digits; got {nnunet_dataset_id}",
                nnunet_dataset_id=options.nnunet_dataset_id,
            )
        )
    return ctx.export_root / "nnunet" / f"Dataset{options.nnunet_dataset_id:03d}_{name}"


def region_labels(schema: Any) -> dict[str, list[int]]:
    """Each region as the list of combined values inside it (itself plus contained regions)."""
    contained: dict[str, set[str]] = {key: {key} for key in schema.keys}
    changed = True
    while changed:  # transitive closure of the (inner, outer) containment pairs
        changed = False
        for inner, outer in schema.hierarchy:
            if (
                inner in contained
                and outer in contained
                and not contained[inner] <= contained[outer]
            ):
                contained[outer] |= contained[inner]
                changed = True
    values = {region.key: region.label_value for region in schema.regions}
    return {key: sorted(values[k] for k in contained[key]) for key in schema.paint_order}


def dataset_description(ctx: ExportContext, num_training: int) -> dict[str, Any]:
    schema = ctx.schema
    regions = region_labels(schema)
    return {
        "channel_names": {str(i): seq.value for i, seq in enumerate(DATASET_SEQUENCES)},
        "labels": {"background": 0, **regions},
        "regions_class_order": [schema.region(key).label_value for key in regions],
        "numTraining": num_training,
        "file_ending": FILE_ENDING,
        "overwrite_image_reader_writer": "SimpleITKIO",
        "name": dataset_folder(ctx).name,
        "description": (
            f"CNS tumor regions per the Chinese expert consensus ({schema.family.value} family); "
            f"images and labels on the native {ctx.options.dataset_reference.value} grid"
        ),
        "cnstumor_schema_version": schema.version,
        "cnstumor_family": schema.family.value,
    }


def _check_compatible(existing_path: Path, description: dict[str, Any]) -> None:
    if not existing_path.is_file():
        return
    try:
        existing = json.loads(existing_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InvalidInputError(
            tr("unreadable nnU-Net dataset.json ({error})", error=error), existing_path
        ) from None
    for key in ("channel_names", "labels", "regions_class_order", "file_ending"):
        if existing.get(key) != description[key]:
            raise InvalidInputError(
                tr(
                    (
                        "this case's {key} ({ours}) differ from the data set's ({theirs}); "
                        "export it into another nnU-Net data set (--nnunet-id)"
                    ),
                    key=key,
                    ours=description[key],
                    theirs=existing.get(key),
                ),
                existing_path,
            )


def export_nnunet(ctx: ExportContext) -> list[ManifestEntry]:
    """Add one case to the data set (channels + labels) and refresh ``dataset.json``."""
    require_sequences(ctx, "nnU-Net")
    folder = dataset_folder(ctx)
    _check_compatible(folder / DATASET_JSON, dataset_description(ctx, 0))
    case = clean_component(ctx.case.case_id, ascii_only=True)
    grid = reference_grid(ctx)
    files = {
        sequence: (
            folder / "imagesTr" / f"{case}_{channel:04d}{FILE_ENDING}",
            f"channel {channel:04d}",
        )
        for channel, sequence in enumerate(DATASET_SEQUENCES)
    }
    entries = write_dataset_images(ctx, grid, files, format=FORMAT)
    entries.append(
        write_dataset_labels(
            ctx,
            grid,
            combined_labels(ctx, grid),
            folder / "labelsTr" / f"{case}{FILE_ENDING}",
            format=FORMAT,
            notes=("dataset.json is shared by the batch: its checksum is in export_summary.json",),
        )
    )
    num_training = sum(
        1 for p in (folder / "labelsTr").glob(f"*{FILE_ENDING}") if not p.name.startswith(".")
    )
    # Key order matters: regions_class_order follows the order of "labels", so no sort_keys.
    text = json.dumps(dataset_description(ctx, num_training), indent=2, ensure_ascii=False)
    write_text_atomic(folder / DATASET_JSON, text + "\n")
    return entries
