"""Agreement metrics: CNSTumor vs DeepMind ``surface-distance`` and ``panoptica``, side by side.

On the bundled case's 5 BraTS algorithm label maps, all 10 pairs x 3 regions (whole tumor,
tumor core, enhancing), the same masks (built once, outside the timers) go to:

1. Dice + HD95 + ASSD + NSD@1 mm: ``surface-distance`` (the BraTS evaluator's library) vs
   ours pair by pair, and ours as :func:`region_agreement` uses it (one distance transform per
   rater and region, shared by its pairs).
2. Lesion-wise: ``panoptica`` (connected components + IoU matching, instance DSC + HD95) vs our
   :func:`instance_detection` (same definition, equal values) and our BraTS 2023
   :func:`lesion_wise_metrics` (dilation matching, Dice + HD95 per lesion).

Each timing is the best of ``--repeat`` runs. Writes ``bench/results/agreement.json``.
Run: ``.venv/bin/python -m bench.agreement``.
"""

from __future__ import annotations

import argparse
import itertools
import platform
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import SimpleITK as sitk

from bench._anchors import panoptica_evaluator
from CNSTumorAnnotationLib.agreement import BRATS_REGIONS
from CNSTumorAnnotationLib.agreement.bundled import BUNDLED_ALGORITHMS
from CNSTumorAnnotationLib.agreement.instances import instance_detection
from CNSTumorAnnotationLib.agreement.lesionwise import lesion_wise_metrics
from CNSTumorAnnotationLib.agreement.overlap import overlap_metrics
from CNSTumorAnnotationLib.agreement.surface import (
    average_symmetric_surface_distance_mm,
    distances_between,
    prepare_surfaces,
    robust_hausdorff_mm,
    surface_dice_at_tolerance,
    surface_distances,
)
from CNSTumorQCLib.atomic import write_json_atomic
from CNSTumorQCLib.paths import sample_data_dir
from CNSTumorQCLib.provenance import provenance

SPACING = (1.0, 1.0, 1.0)
RESULTS = Path(__file__).resolve().parent / "results" / "agreement.json"

Masks = dict[str, dict[str, np.ndarray]]  # region -> rater -> mask


def load_masks(sample_dir: Path) -> Masks:
    folder = sample_dir / "reference_labels"
    labels = {
        n: sitk.GetArrayFromImage(sitk.ReadImage(str(folder / f"{n}.nii.gz")))
        for n in BUNDLED_ALGORITHMS
    }
    return {
        region: {n: np.isin(a, sorted(values)) for n, a in labels.items()}
        for region, values in BRATS_REGIONS.items()
    }


def pairs(masks: Masks):
    for region, by_rater in masks.items():
        for a, b in itertools.combinations(by_rater, 2):
            yield region, a, b, by_rater[a], by_rater[b]


def anchor_surface_distance(masks: Masks) -> list[tuple[float, ...]]:
    import surface_distance as sd

    out = []
    for _, _, _, a, b in pairs(masks):
        dist = sd.compute_surface_distances(a, b, SPACING)
        out.append(
            (
                sd.compute_dice_coefficient(a, b),
                sd.compute_robust_hausdorff(dist, 95),
                float(np.mean(sd.compute_average_surface_distance(dist))),
                sd.compute_surface_dice_at_tolerance(dist, 1.0),
            )
        )
    return out


def _ours(a: np.ndarray, b: np.ndarray, dist) -> tuple[float, ...]:
    return (
        overlap_metrics(a, b, SPACING).dice,
        robust_hausdorff_mm(dist),
        average_symmetric_surface_distance_mm(dist),
        surface_dice_at_tolerance(dist, 1.0),
    )


def ours_pairwise(masks: Masks) -> list[tuple[float, ...]]:
    return [_ours(a, b, surface_distances(a, b, SPACING)) for _, _, _, a, b in pairs(masks)]


def ours_shared(masks: Masks) -> list[tuple[float, ...]]:
    out = []
    for by_rater in masks.values():
        surfaces = dict(
            zip(by_rater, prepare_surfaces(list(by_rater.values()), SPACING), strict=True)
        )
        for a, b in itertools.combinations(by_rater, 2):
            dist = distances_between(surfaces[a], surfaces[b])
            out.append(_ours(by_rater[a], by_rater[b], dist))
    return out


def anchor_panoptica(masks: Masks, metrics: list[str]) -> list[tuple[float, ...]]:
    evaluator = panoptica_evaluator(metrics)
    out = []
    for _, _, _, a, b in pairs(masks):
        r = evaluator.evaluate(b.astype(np.uint8), a.astype(np.uint8))["ungrouped"]
        out.append((r.tp, r.fp, r.fn, r.rq, r.sq_dsc))
    return out


def ours_instances(masks: Masks) -> list[tuple[float, ...]]:
    out = []
    for _, _, _, a, b in pairs(masks):
        d = instance_detection(a, b)
        out.append(
            (d.true_positives, d.false_positives, d.false_negatives, d.f1, d.mean_matched_dice)
        )
    return out


def ours_brats_lesion_wise(masks: Masks) -> list[tuple[float, ...]]:
    return [
        (r.dice, r.hd95_mm, r.f1)
        for r in (lesion_wise_metrics(a, b, SPACING) for _, _, _, a, b in pairs(masks))
    ]


def best_of(repeat: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def max_abs_difference(x: list[tuple[float, ...]], y: list[tuple[float, ...]]) -> float:
    return float(np.max(np.abs(np.asarray(x, dtype=float) - np.asarray(y, dtype=float))))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    masks = load_masks(sample_data_dir())
    n_pairs = sum(1 for _ in pairs(masks))
    rows = []

    t_anchor, ref = best_of(args.repeat, lambda: anchor_surface_distance(masks))
    t_pair, mine = best_of(args.repeat, lambda: ours_pairwise(masks))
    t_shared, shared = best_of(args.repeat, lambda: ours_shared(masks))
    for name, t, values in (
        ("ours, pair by pair", t_pair, mine),
        ("ours, shared EDT", t_shared, shared),
    ):
        rows.append({
            "task": "Dice+HD95+ASSD+NSD@1mm", "anchor": "surface-distance 0.1", "ours": name,
            "anchor_s": t_anchor, "ours_s": t, "speedup": t_anchor / t,
            "max_abs_difference": max_abs_difference(ref, values),
        })  # fmt: skip

    t_pan_dsc, pan = best_of(args.repeat, lambda: anchor_panoptica(masks, ["DSC"]))
    t_inst, inst = best_of(args.repeat, lambda: ours_instances(masks))
    rows.append({
        "task": "instance F1 + matched DSC (IoU>=0.5)", "anchor": "panoptica 2.1.7 [DSC]",
        "ours": "instance_detection", "anchor_s": t_pan_dsc, "ours_s": t_inst,
        "speedup": t_pan_dsc / t_inst, "max_abs_difference": max_abs_difference(pan, inst),
    })  # fmt: skip
    t_pan_hd, _ = best_of(args.repeat, lambda: anchor_panoptica(masks, ["DSC", "HD95"]))
    t_lw, _ = best_of(args.repeat, lambda: ours_brats_lesion_wise(masks))
    rows.append({
        "task": "lesion-wise Dice+HD95", "anchor": "panoptica 2.1.7 [DSC, HD95]",
        "ours": "lesion_wise_metrics (BraTS 2023 rules)", "anchor_s": t_pan_hd, "ours_s": t_lw,
        "speedup": t_pan_hd / t_lw,
        "max_abs_difference": None,  # different definitions (see the validation test)
    })  # fmt: skip

    payload = {
        "provenance": provenance("bench.agreement", parameters={"repeat": args.repeat}),
        "data": f"bundled TCGA-FG-6692, {len(BUNDLED_ALGORITHMS)} algorithm label maps, "
        f"{n_pairs} pair-regions (10 pairs x 3 regions), 240x240x155 at 1 mm",
        "machine": {"python": platform.python_version(), "processor": platform.processor()},
        "rows": rows,
    }
    write_json_atomic(RESULTS, payload)
    print(
        f"{'task':38} {'anchor':28} {'ours':38} {'anchor s':>9} {'ours s':>8} {'x':>6} {'max |d|':>9}"
    )
    for r in rows:
        diff = "n/a" if r["max_abs_difference"] is None else f"{r['max_abs_difference']:.1e}"
        print(
            f"{r['task']:38} {r['anchor']:28} {r['ours']:38} {r['anchor_s']:9.3f} "
            f"{r['ours_s']:8.3f} {r['speedup']:6.2f} {diff:>9}"
        )
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
