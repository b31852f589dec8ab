"""Several models' outputs for one case, as region masks on one grid per region (R-HMI-3/4).

Two sources are read:

- a case folder (``case.json``): its machine-made annotation versions (R-HMI-3 pre-annotations,
  one per model), each region on its reference sequence's native grid, read through
  ``case.region_masks``; experts' versions are left out (a case an expert already corrected is
  not a question for the committee);
- a prediction folder: label map files (``*.nii.gz``, ``*.nii``, ``*.nrrd``), one per model,
  all on one grid, in a label convention (``label_conventions``: BraTS 2021 by default).

The masks are cropped to the box around every model's foreground (plus a margin), which keeps
the overlap and surface metrics exact while holding only the tumour's neighbourhood in memory.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.agreement.components import padded_box
from CNSTumorAnnotationLib.agreement.masks import load_label_maps, read_label_map
from CNSTumorAnnotationLib.agreement.surface import bounding_box
from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.label_conventions import from_convention, masks_from_combined
from CNSTumorAnnotationLib.schemas import TumorFamily, get_schema
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError

if TYPE_CHECKING:
    from CNSTumorAnnotationLib.mrml.runtime import MRMLRuntime


LABEL_MAP_SUFFIXES = (".nii.gz", ".nii", ".nrrd")
#: Voxels kept around the union box (surfels sit on voxel corners: one voxel would do).
CROP_MARGIN_VOXELS = 2


@dataclass(frozen=True)
class CasePredictions:
    """One case's model outputs: ``masks[model][region]`` (bool, z-y-x) with per-region spacing."""

    case_id: str
    source: str
    kind: str  # "case_folder" | "prediction_folder"
    masks: dict[str, dict[str, np.ndarray]]
    spacing_mm: dict[str, tuple[float, float, float]]  # region -> (z, y, x) spacing
    selfcheck_problems: int | None = None  # errors + warnings of the latest machine version

    @property
    def models(self) -> tuple[str, ...]:
        return tuple(self.masks)

    @property
    def regions(self) -> tuple[str, ...]:
        return tuple(self.spacing_mm)


def _crop(per_model: dict[str, dict[str, np.ndarray]], region: str) -> None:
    """Crop one region's masks of every model (in place) to their common box plus a margin."""
    arrays = [per_model[m][region] for m in per_model]
    box = bounding_box(arrays)
    if box is None:
        for model in per_model:
            per_model[model][region] = np.zeros((1, 1, 1), dtype=bool)
        return
    padded = padded_box(box, CROP_MARGIN_VOXELS, arrays[0].shape)
    for model in per_model:
        per_model[model][region] = np.ascontiguousarray(per_model[model][region][padded])


def label_map_files(folder: Path) -> list[Path]:
    """The label map files of a prediction folder, sorted by name (one per model)."""
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.name.lower().endswith(LABEL_MAP_SUFFIXES)
    )


def model_name(path: Path) -> str:
    name = path.name
    for suffix in LABEL_MAP_SUFFIXES:
        name = name.removesuffix(suffix)
    return name


def predictions_from_folder(
    folder: Path | str, convention: str = "brats2021", family: TumorFamily | str = "intra_axial"
) -> CasePredictions:
    """Read a prediction folder: one label map per model on one grid, in ``convention``."""
    root = Path(folder)
    files = label_map_files(root)
    if not files:
        raise InvalidInputError(
            tr(
                "no label maps ({suffixes}) found",
                suffixes=", ".join(LABEL_MAP_SUFFIXES),
            ),
            root,
        )
    schema = get_schema(family)
    maps = load_label_maps({model_name(p): p for p in files}) if len(files) > 1 else None
    if maps is None:  # one model: load_label_maps needs two; read the single map directly
        maps = [read_label_map(files[0], model_name(files[0]))]
    per_model: dict[str, dict[str, np.ndarray]] = {}
    for label_map in maps:
        try:
            combined = from_convention(label_map.labels, convention)
        except InvalidInputError as error:  # label values the convention does not know
            raise InvalidInputError(str(error), label_map.source or root) from None
        per_model[label_map.name] = {
            k: v.astype(bool) for k, v in masks_from_combined(combined, schema).items()
        }
    spacing = {key: maps[0].spacing_mm for key in schema.keys}
    for key in schema.keys:
        _crop(per_model, key)
    return CasePredictions(root.name, str(root), "prediction_folder", per_model, spacing)


def _machine_versions(case: Any) -> list[Any]:
    """The case's machine-made versions (R-HMI-3), the latest per model."""
    latest: dict[str, Any] = {}
    for version in case.annotations:
        if version.machine_made:
            latest[version.annotator] = version
    return sorted(latest.values(), key=lambda v: v.version)


def _selfcheck_problems(case: Any, version: int, run: bool, runtime: MRMLRuntime) -> int | None:
    """Errors + warnings of the self-check of ``version``: read from selfcheck.json, or run."""
    from CNSTumorAnnotationLib.selfcheck.case_check import REPORT_FILE, run_selfcheck

    path = case.root / REPORT_FILE
    if path.is_file():
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            record = {}
        if record.get("annotation_version") == version and "counts" in record:
            return int(record["counts"].get("error", 0)) + int(record["counts"].get("warning", 0))
    if not run:
        return None
    counts = run_selfcheck(case, version, runtime=runtime).counts()
    return counts["error"] + counts["warning"]


def predictions_from_case(
    case_dir: Path | str, *, runtime: MRMLRuntime | None = None, selfcheck: bool = False
) -> CasePredictions:
    """Read a case folder's machine-made versions as model outputs (R-HMI-3 pre-annotations)."""
    from CNSTumorAnnotationLib.case.folder import load_case, reference_image, region_masks

    case = load_case(case_dir)
    versions = _machine_versions(case)
    if not versions:
        raise InvalidInputError(
            tr(
                "the case has no machine-made pre-annotation to rank (R-HMI-3: cnstumor "
                "hmi preannotate)"
            ),
            case.case_file,
        )
    per_model: dict[str, dict[str, np.ndarray]] = {}
    for version in versions:
        masks = region_masks(case, version.version, runtime=runtime, verify_checksums=True)
        per_model[version.annotator] = {
            k: sitk.GetArrayFromImage(m).astype(bool) for k, m in masks.items()
        }
    spacing = {
        region.key: tuple(reversed(reference_image(case, region.reference_sequence).GetSpacing()))
        for region in case.schema.regions
    }
    for key in case.schema.keys:
        _crop(per_model, key)
    problems = _selfcheck_problems(case, versions[-1].version, selfcheck, runtime)
    return CasePredictions(
        case.case_id,
        str(case.root),
        "case_folder",
        per_model,
        spacing,  # type: ignore[arg-type]
        problems,
    )


def load_predictions(
    path: Path | str,
    *,
    convention: str = "brats2021",
    family: TumorFamily | str = "intra_axial",
    runtime: MRMLRuntime | None = None,
    selfcheck: bool = False,
) -> CasePredictions:
    """A case folder (has ``case.json``) or a prediction folder of label maps."""
    root = Path(path)
    if not root.is_dir():
        raise MissingInputError(
            tr("not a folder (expected a case folder or a prediction folder)"), root
        )
    if (root / "case.json").is_file():
        return predictions_from_case(root, runtime=runtime, selfcheck=selfcheck)
    return predictions_from_folder(root, convention, family)
