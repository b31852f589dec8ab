"""Human-machine interactive annotation, steps 1 and 3 (R-HMI-1, R-HMI-3; consensus s.7).

- R-HMI-1 ``gold_standard``: several experts' annotations of one case (case versions by
  different annotators, or label map files) become the standard by STAPLE, region by region
  (SimpleITK ``STAPLEImageFilter`` through ``agreement.staple``), with each expert's estimated
  sensitivity and specificity. The consensus is saved as a NEW case version whose annotator
  reads ``gold standard (STAPLE of: a, b, c)`` and whose note carries the inputs' checksums; the
  full record (inputs, SHA-256, per-expert performance, crop) goes to
  ``CASE_DIR/hmi/gold_vNNNN.json``.
- R-HMI-3 ``preannotate``: a model's label map lands as a machine-made version
  (``labelmap_import.import_label_map``) with the model's name and version as its annotator, and
  ``CASE_DIR/hmi/preannotation_vNNNN.json`` records the model, the file's SHA-256, the
  convention and the provenance.

STAPLE runs on the box around every expert's foreground grown by ``STAPLE_MARGIN_MM``, so the
specificity describes the lesion's neighbourhood rather than the whole head (a property of
STAPLE: specificity grows with the background it is given). Regions are STAPLEd independently,
so the standard is then self-checked like any other version (``selfcheck.json``, summary in the
record): containment between regions is checked, not forced.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.agreement.staple import CONSENSUS_THRESHOLD, staple
from CNSTumorAnnotationLib.agreement.surface import bounding_box
from CNSTumorAnnotationLib.case.folder import (
    CaseFolder,
    FolderVersion,
    get_version,
    region_masks,
    save_annotation_version,
)
from CNSTumorAnnotationLib.case.labelmap_import import (
    _read_label_map,
    default_atlas_flair,
    import_label_map,
    label_map_on_sequence,
)
from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.label_conventions import (
    from_convention,
    get_convention,
    masks_from_combined,
)
from CNSTumorQCLib.atomic import sha256_file, write_json_atomic
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError
from CNSTumorQCLib.provenance import provenance

if TYPE_CHECKING:
    from CNSTumorAnnotationLib.mrml.runtime import MRMLRuntime


HMI_VERSION = "cnstumor-hmi-1.0"
HMI_DIR = "hmi"
#: Background kept around the experts' union for STAPLE (mm): the specificity's neighbourhood.
STAPLE_MARGIN_MM = 10.0


@dataclass(frozen=True)
class ExpertInput:
    """One expert's annotation: a name, where it came from, its checksums, its region masks."""

    name: str
    source: str
    sha256: dict[str, str]
    masks: dict[str, sitk.Image]


@dataclass(frozen=True)
class GoldStandard:
    """The saved standard version and the STAPLE record of every region (R-HMI-1)."""

    version: FolderVersion
    record: dict[str, Any]
    record_path: Path


def _hmi_dir(case: CaseFolder) -> Path:
    return case.root / HMI_DIR


def experts_from_versions(
    case: CaseFolder, versions: list[int], *, runtime: MRMLRuntime | None = None
) -> list[ExpertInput]:
    """The experts' masks from case versions (checksums verified on read)."""
    experts = []
    for number in versions:
        version = get_version(case, number)
        if version.machine_made:
            raise InvalidInputError(
                tr(
                    (
                        "version {number} is machine-made ({annotator}): R-HMI-1 builds the "
                        "standard from experts' annotations"
                    ),
                    number=number,
                    annotator=version.annotator,
                ),
                version.folder,
            )
        masks = region_masks(case, number, runtime=runtime, verify_checksums=True)
        experts.append(
            ExpertInput(version.annotator, f"version {number}", dict(version.sha256), masks)
        )
    return experts


def experts_from_label_maps(
    case: CaseFolder,
    paths: list[Path],
    convention: str = "brats2021",
    *,
    names: list[str] | None = None,
    atlas_flair: Path | None = None,
) -> list[ExpertInput]:
    """The experts' masks from label map files, each region moved onto its reference grid."""
    conv = get_convention(convention)
    if names is not None and len(names) != len(paths):
        raise InvalidInputError(
            tr(
                "{names} names given for {label_maps} label maps",
                names=len(names),
                label_maps=len(paths),
            )
        )
    experts = []
    for index, path in enumerate(paths):
        label = _read_label_map(path)
        atlas = atlas_flair or default_atlas_flair(path)
        masks: dict[str, sitk.Image] = {}
        for sequence in case.schema.reference_sequences:
            moved = label_map_on_sequence(case, label, sequence, atlas)
            combined = from_convention(sitk.GetArrayFromImage(moved), conv)
            arrays = masks_from_combined(combined, case.schema)
            for region in case.schema.regions_on(sequence):
                mask = sitk.GetImageFromArray(arrays[region.key])
                mask.CopyInformation(moved)
                masks[region.key] = mask
        name = names[index] if names else path.name.removesuffix(".gz").removesuffix(".nii")
        experts.append(ExpertInput(name, str(path), {path.name: sha256_file(path)}, masks))
    return experts


def _check_experts(experts: list[ExpertInput]) -> None:
    names = [e.name for e in experts]
    if len(set(names)) < 2:
        raise InvalidInputError(
            tr("R-HMI-1: a standard needs at least two different experts, got {names}", names=names)
        )
    if len(set(names)) != len(names):
        raise InvalidInputError(tr("R-HMI-1: each expert once, got {names}", names=names))


def _staple_region(
    arrays: dict[str, np.ndarray], margin_voxels: tuple[int, ...]
) -> tuple[np.ndarray, dict[str, Any]]:
    """STAPLE of one region on the experts' union box (plus margin); empty everywhere -> empty."""
    first = next(iter(arrays.values()))
    box = bounding_box(list(arrays.values()))
    if box is None:
        return np.zeros(first.shape, dtype=np.uint8), {"empty": True}
    crop = tuple(
        slice(max(0, s.start - m), min(n, s.stop + m))
        for s, m, n in zip(box, margin_voxels, first.shape, strict=True)
    )
    result = staple({name: a[crop] for name, a in arrays.items()})
    consensus = np.zeros(first.shape, dtype=np.uint8)
    consensus[crop] = result.consensus
    summary = result.summary()
    summary["crop_zyx"] = [[s.start, s.stop] for s in crop]
    summary["expert_voxels"] = {name: int(a.sum()) for name, a in arrays.items()}
    return consensus, summary


def staple_masks(
    case: CaseFolder, experts: list[ExpertInput]
) -> tuple[dict[str, sitk.Image], dict[str, Any]]:
    """The STAPLE consensus of every region (on its reference grid) and the per-region record."""
    _check_experts(experts)
    masks: dict[str, sitk.Image] = {}
    regions: dict[str, Any] = {}
    for region in case.schema.regions:
        images = [e.masks[region.key] for e in experts]
        arrays = {
            e.name: sitk.GetArrayFromImage(img) > 0 for e, img in zip(experts, images, strict=True)
        }
        spacing_zyx = tuple(reversed(images[0].GetSpacing()))
        margin = tuple(int(np.ceil(STAPLE_MARGIN_MM / s)) for s in spacing_zyx)
        consensus, regions[region.key] = _staple_region(arrays, margin)
        image = sitk.GetImageFromArray(consensus)
        image.CopyInformation(images[0])
        masks[region.key] = image
    return masks, regions


def _short(sha: dict[str, str]) -> str:
    return ",".join(f"{name}={digest[:12]}" for name, digest in sorted(sha.items()))


def gold_standard(
    case: CaseFolder,
    experts: list[ExpertInput],
    *,
    runtime: MRMLRuntime | None = None,
    recorded_by: str = "",
    selfcheck: bool = True,
) -> GoldStandard:
    """R-HMI-1: STAPLE the experts' annotations and save the standard as a new case version."""
    masks, regions = staple_masks(case, experts)
    names = [e.name for e in experts]
    annotator = f"gold standard (STAPLE of: {', '.join(names)})"
    note = "R-HMI-1 STAPLE consensus; inputs: " + "; ".join(
        f"{e.name} [{e.source}] {_short(e.sha256)}" for e in experts
    )
    version = save_annotation_version(case, masks, annotator, runtime=runtime, note=note)
    record = {
        "format": "cnstumor-hmi-gold/1",
        "rule": "R-HMI-1",
        "case_id": case.case_id,
        "version": version.version,
        "annotator": annotator,
        "recorded_by": recorded_by or None,
        "method": "SimpleITK STAPLEImageFilter per region, consensus = probability > "
        f"{CONSENSUS_THRESHOLD}, on the experts' union box + {STAPLE_MARGIN_MM} mm",
        "inputs": [{"name": e.name, "source": e.source, "sha256": e.sha256} for e in experts],
        "output_sha256": dict(version.sha256),
        "regions": regions,
        "provenance": provenance(
            "hmi_gold_standard",
            rule_tables={"hmi": HMI_VERSION, "label_schema": case.schema.version},
            parameters={"staple_margin_mm": STAPLE_MARGIN_MM, "experts": names},
        ),
    }
    if selfcheck:
        record["selfcheck"] = _selfcheck_summary(case, version.version, runtime)
    path = write_json_atomic(_hmi_dir(case) / f"gold_v{version.version:04d}.json", record)
    return GoldStandard(version, record, path)


def _selfcheck_summary(case: CaseFolder, version: int, runtime: MRMLRuntime) -> dict[str, Any]:
    """Self-check the saved standard (R-ANN-9) and keep the verdict in the gold record."""
    from CNSTumorAnnotationLib.selfcheck.case_check import run_selfcheck, write_selfcheck

    report = run_selfcheck(case, version, runtime=runtime)
    write_selfcheck(report, case.root)
    return {"blocking": report.blocking, "counts": report.counts(), "report": "selfcheck.json"}


def preannotate(
    case: CaseFolder,
    label_map: Path | str,
    model: str,
    *,
    model_version: str = "",
    convention: str = "brats2021",
    atlas_flair: Path | str | None = None,
    runtime: MRMLRuntime | None = None,
) -> FolderVersion:
    """R-HMI-3: a model's label map as a machine-made version, the model named as annotator."""
    path = Path(label_map)
    if not path.is_file():
        raise MissingInputError(tr("model label map not found"), path)
    if not model.strip():
        raise InvalidInputError(tr("R-HMI-3: name the model that made the label map (--model)"))
    tag = f"{model.strip()}@{model_version.strip()}" if model_version.strip() else model.strip()
    atlas = Path(atlas_flair) if atlas_flair is not None else default_atlas_flair(path)
    version = import_label_map(
        case,
        path,
        convention,
        annotator=f"model:{tag} (machine-made pre-annotation)",
        atlas_flair=atlas,
        runtime=runtime,
        machine_made=True,
    )
    record = {
        "format": "cnstumor-hmi-preannotation/1",
        "rule": "R-HMI-3",
        "case_id": case.case_id,
        "version": version.version,
        "model": model.strip(),
        "model_version": model_version.strip() or None,
        "label_map": str(path.resolve()),
        "label_map_sha256": sha256_file(path),
        "convention": convention,
        "atlas_flair": str(atlas) if atlas is not None else None,
        "output_sha256": dict(version.sha256),
        "provenance": provenance(
            "hmi_preannotate", rule_tables={"hmi": HMI_VERSION}, parameters={"model": tag}
        ),
    }
    write_json_atomic(_hmi_dir(case) / f"preannotation_v{version.version:04d}.json", record)
    return version
