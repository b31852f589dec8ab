"""Per-region agreement between two or more label maps of one case (R-PPL-2, R-PPL-4, R-HMI-1).

Regions are given as ``{region_name: set_of_label_values}`` so the table works on any label
convention without the schema module, e.g. :data:`BRATS_REGIONS` for the BraTS 1/2/4 maps.
Every pair of raters is compared on every region with all the metrics of this package.
Surfaces are prepared once per rater and region (:func:`.surface.prepare_surfaces`), so N
raters cost N distance transforms per region, not N(N-1).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from CNSTumorAnnotationLib.agreement.instances import instance_detection
from CNSTumorAnnotationLib.agreement.lesionwise import LesionWiseParameters, lesion_wise_metrics
from CNSTumorAnnotationLib.agreement.masks import LabelMap, load_label_maps
from CNSTumorAnnotationLib.agreement.overlap import overlap_metrics
from CNSTumorAnnotationLib.agreement.surface import (
    EMPTY_MASK_DISTANCE_MM,
    average_symmetric_surface_distance_mm,
    distances_between,
    hausdorff_mm,
    prepare_surfaces,
    robust_hausdorff_mm,
    surface_dice_at_tolerance,
)
from CNSTumorAnnotationLib.agreement.thresholds import DEFAULT_THRESHOLDS, AgreementThresholds
from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.errors import InvalidInputError

#: BraTS 2017-2021 labels: 1 necrosis / non-enhancing core, 2 edema, 4 enhancing tumor.
BRATS_REGIONS: dict[str, frozenset[int]] = {
    "whole_tumor": frozenset({1, 2, 4}),
    "tumor_core": frozenset({1, 4}),
    "enhancing": frozenset({4}),
}

#: Default tolerance of the normalised surface Dice (docs/references.md, Agreement: about one voxel).
DEFAULT_NSD_TOLERANCE_MM = 1.0


@dataclass(frozen=True)
class PairAgreement:
    """All metrics of one rater pair on one region (rater A is the reference when it matters)."""

    region: str
    rater_a: str
    rater_b: str
    dice: float
    jaccard: float
    volume_similarity: float
    volume_a_mm3: float
    volume_b_mm3: float
    hd95_mm: float
    hausdorff_mm: float
    assd_mm: float
    surface_dice: float
    lesion_wise_dice: float
    lesion_wise_hd95_mm: float
    lesion_wise_f1: float
    lesion_true_positives: int
    lesion_false_positives: int
    lesion_false_negatives: int
    instance_f1: float
    dice_band: str
    hd95_band: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class AgreementTable:
    """Pairwise agreement of N raters on a set of regions of one case."""

    raters: tuple[str, ...]
    regions: dict[str, tuple[int, ...]]
    rows: tuple[PairAgreement, ...]
    volumes_mm3: dict[str, dict[str, float]]  # region -> rater -> volume
    parameters: dict[str, Any] = field(default_factory=dict)
    thresholds_version: str = DEFAULT_THRESHOLDS.version

    def rows_for(self, region: str) -> list[PairAgreement]:
        return [r for r in self.rows if r.region == region]

    def summary(self) -> dict[str, dict[str, float]]:
        """Per region: mean and minimum of Dice, max and mean of HD95 over all pairs."""
        out: dict[str, dict[str, float]] = {}
        for region in self.regions:
            rows = self.rows_for(region)
            dice = np.array([r.dice for r in rows])
            hd95 = np.array([r.hd95_mm for r in rows])
            out[region] = {
                "pairs": float(len(rows)),
                "dice_mean": float(dice.mean()),
                "dice_min": float(dice.min()),
                "hd95_mean_mm": float(hd95.mean()),
                "hd95_max_mm": float(hd95.max()),
                "surface_dice_mean": float(np.mean([r.surface_dice for r in rows])),
                "lesion_wise_dice_mean": float(np.mean([r.lesion_wise_dice for r in rows])),
            }
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "raters": list(self.raters),
            "regions": {k: list(v) for k, v in self.regions.items()},
            "parameters": dict(self.parameters),
            "thresholds_version": self.thresholds_version,
            "volumes_mm3": self.volumes_mm3,
            "summary": self.summary(),
            "pairs": [r.to_dict() for r in self.rows],
        }


def _check_regions(regions: Mapping[str, Any]) -> dict[str, tuple[int, ...]]:
    if not regions:
        raise InvalidInputError(tr("no regions given: pass {region_name: {label values}}"))
    checked: dict[str, tuple[int, ...]] = {}
    for name, values in regions.items():
        labels = tuple(sorted({int(v) for v in values}))
        if not labels:
            raise InvalidInputError(tr("region {name!r} has no label values", name=name))
        checked[name] = labels
    return checked


def _region_rows(
    region: str,
    masks: dict[str, np.ndarray],
    spacing: tuple[float, ...],
    tolerance_mm: float,
    lesion_params: LesionWiseParameters,
    thresholds: AgreementThresholds,
) -> list[PairAgreement]:
    names = list(masks)
    surfaces = dict(zip(names, prepare_surfaces(list(masks.values()), spacing), strict=True))
    rows: list[PairAgreement] = []
    for a, b in itertools.combinations(names, 2):
        overlap = overlap_metrics(masks[a], masks[b], spacing)
        sd = distances_between(surfaces[a], surfaces[b])
        hd95 = robust_hausdorff_mm(sd, 95.0)
        lesion = lesion_wise_metrics(masks[a], masks[b], spacing, lesion_params)
        rows.append(
            PairAgreement(
                region=region,
                rater_a=a,
                rater_b=b,
                dice=overlap.dice,
                jaccard=overlap.jaccard,
                volume_similarity=overlap.volume_similarity,
                volume_a_mm3=overlap.volume_a_mm3,
                volume_b_mm3=overlap.volume_b_mm3,
                hd95_mm=hd95,
                hausdorff_mm=hausdorff_mm(sd),
                assd_mm=average_symmetric_surface_distance_mm(sd),
                surface_dice=surface_dice_at_tolerance(sd, tolerance_mm),
                lesion_wise_dice=lesion.dice,
                lesion_wise_hd95_mm=lesion.hd95_mm,
                lesion_wise_f1=lesion.f1,
                lesion_true_positives=lesion.true_positives,
                lesion_false_positives=lesion.false_positives,
                lesion_false_negatives=lesion.false_negatives,
                instance_f1=instance_detection(masks[a], masks[b]).f1,
                dice_band=thresholds.dice_bands(region).classify(overlap.dice).value,
                hd95_band=thresholds.hd95_mm.classify(hd95).value,
            )
        )
    return rows


def region_agreement(
    label_maps: Mapping[str, Any] | Sequence[Any],
    regions: Mapping[str, Any] = BRATS_REGIONS,
    *,
    tolerance_mm: float = DEFAULT_NSD_TOLERANCE_MM,
    lesion_params: LesionWiseParameters | None = None,
    thresholds: AgreementThresholds = DEFAULT_THRESHOLDS,
) -> AgreementTable:
    """Agreement table of every pair of ``label_maps`` on every region of ``regions``.

    ``label_maps``: paths, SimpleITK images or :class:`LabelMap` objects (a mapping names the
    raters); all must share one voxel grid. ``regions``: ``{name: label values}``.
    """
    maps: list[LabelMap] = load_label_maps(label_maps)  # type: ignore[arg-type]
    checked = _check_regions(regions)
    params = lesion_params or LesionWiseParameters()
    spacing = maps[0].spacing_mm
    rows: list[PairAgreement] = []
    volumes: dict[str, dict[str, float]] = {}
    voxel_mm3 = float(np.prod(spacing))
    for region, labels in checked.items():
        masks = {m.name: m.region_mask(labels) for m in maps}
        volumes[region] = {n: float(np.count_nonzero(m)) * voxel_mm3 for n, m in masks.items()}
        rows.extend(_region_rows(region, masks, spacing, tolerance_mm, params, thresholds))
    parameters = {
        "spacing_mm_zyx": list(spacing),
        "nsd_tolerance_mm": tolerance_mm,
        "hd_percentile": 95.0,
        "empty_mask_distance_mm": EMPTY_MASK_DISTANCE_MM,
        "lesion_wise": asdict(params),
        "instance_iou_threshold": 0.5,
        "sources": {m.name: m.source for m in maps},
    }
    return AgreementTable(
        raters=tuple(m.name for m in maps),
        regions=checked,
        rows=tuple(rows),
        volumes_mm3=volumes,
        parameters=parameters,
        thresholds_version=thresholds.version,
    )
