"""INU benchmark ("INU from N4"): our N4 on a sample vs SimpleITK's N4, side by side.

Run: ``.venv/bin/python -m bench.inu`` (needs the ``bench`` extra: torch, torchio).

Each real volume (the bundled TCGA native T1, T1C, T2, FLAIR and the ICBM152 avg152T1) gets
TorchIO bias fields at the three severities of ``bench/_quality_artifacts.py`` (fixed seeds).
The imposed log field is known exactly: ``log(biased / original)``. Each estimator runs on the
original and on the biased copy, on the same working grid and head-core mask; on the tissue
voxels of the original's core, ``estimate(biased) - estimate(original)`` is regressed on the
imposed log field. A perfect estimator has slope 1 and correlation 1; the time is per estimate.
Both runs use the original's head mask and Otsu threshold, so that only the field differs.

Estimators:
* ``ours``: ``CNSTumorQCLib.quality.bias_field.estimate_bias_field`` (what the grade uses);
* ``sitk_n4_1level_8mm``: ``sitk.N4BiasFieldCorrectionImageFilter`` with N4's defaults but one
  level of 50 iterations, on the core shrunk to about 8 mm (its cost is closest to ours);
* ``sitk_n4_3levels_4mm``: three levels of 50 iterations at about 4 mm (MRIQC-like, costly).
"""

from __future__ import annotations

import dataclasses
import functools
import statistics
import sys
from pathlib import Path
from typing import Any

import numpy as np
import SimpleITK as sitk

from bench._quality_artifacts import ARTIFACTS, degrade
from bench.quality_grade import timed
from CNSTumorQCLib.atomic import write_json_atomic
from CNSTumorQCLib.paths import sample_data_dir, shared_data_dir
from CNSTumorQCLib.provenance import provenance
from CNSTumorQCLib.quality.bias_field import N4Parameters, estimate_bias_field, head_core
from CNSTumorQCLib.quality.head_mask import WorkingVolume, head_and_air_masks, working_data

RESULTS = Path(__file__).resolve().parent / "results" / "inu.json"
BIAS = next(a for a in ARTIFACTS if a.name == "bias")


def _volumes() -> list[tuple[str, Path]]:
    case = sample_data_dir() / "native"
    rows = [(f"TCGA_native_{n}", case / f"{n}.nii.gz") for n in ("T1", "T1C", "T2", "FLAIR")]
    rows.append(("icbm152_T1", shared_data_dir() / "icbm152_avg_spm12/avg152T1.nii"))
    return rows


def ours(work: WorkingVolume, where: tuple[np.ndarray, ...]) -> np.ndarray | None:
    estimate = estimate_bias_field(work)
    return None if estimate is None else estimate.log_field_at(where)


def _sitk_n4(shrink_mm: float, iterations: list[int]) -> Any:
    def run(work: WorkingVolume, where: tuple[np.ndarray, ...]) -> np.ndarray | None:
        strides = [max(1, int(round(shrink_mm / s))) for s in work.spacing]
        core = head_core(work, N4Parameters().core_depth_mm)
        data = work.data[:: strides[0], :: strides[1], :: strides[2]]
        mask = core[:: strides[0], :: strides[1], :: strides[2]] & (data > 0)
        if mask.sum() < 100:
            return None
        image = sitk.GetImageFromArray(np.maximum(data, 0.0) + 1.0)
        image.SetSpacing(
            tuple(
                float(s * k) for s, k in zip(reversed(work.spacing), reversed(strides), strict=True)
            )
        )
        mask_image = sitk.GetImageFromArray(mask.astype(np.uint8))
        mask_image.CopyInformation(image)
        n4 = sitk.N4BiasFieldCorrectionImageFilter()
        n4.SetMaximumNumberOfIterations(iterations)
        n4.Execute(image, mask_image)
        log_field = sitk.GetArrayFromImage(n4.GetLogBiasFieldAsImage(image))
        shrunk = tuple(
            np.minimum(w // k, n - 1)
            for w, k, n in zip(where, strides, log_field.shape, strict=True)
        )
        return log_field[shrunk]

    return run


ESTIMATORS = {
    "ours": ours,
    "sitk_n4_1level_8mm": _sitk_n4(8.0, [50]),
    "sitk_n4_3levels_4mm": _sitk_n4(4.0, [50, 50, 50]),
}


def run() -> dict[str, Any]:
    cases = []
    for volume_id, path in _volumes():
        image = sitk.ReadImage(str(path))
        clean = head_and_air_masks(image)
        core = head_core(clean, N4Parameters().core_depth_mm) & (clean.data > clean.otsu_threshold)
        where = np.nonzero(core)
        step = max(1, where[0].size // 5000)
        where = tuple(w[::step] for w in where)
        baseline = {name: estimator(clean, where) for name, estimator in ESTIMATORS.items()}
        for level_index in range(3):
            biased_image = degrade(image, BIAS, level_index, volume_id)
            # the original's masks with the biased intensities: the estimators are compared on
            # the field alone (a severe field also shrinks the head mask, which is a separate
            # matter and would move each estimate's sample)
            biased = dataclasses.replace(clean, data=working_data(biased_image, clean.strides))
            original = clean.data[where].astype(np.float64)
            imposed = np.log(np.maximum(biased.data[where], 1e-6) / np.maximum(original, 1e-6))
            row: dict[str, Any] = {"volume": volume_id, "level": BIAS.levels[level_index]}
            for name, estimator in ESTIMATORS.items():
                seconds, _, field = timed(functools.partial(estimator, biased, where))
                if field is None or baseline[name] is None:
                    row[name] = {"seconds": round(seconds, 4), "slope": None, "r": None}
                    continue
                found = field - baseline[name]
                row[name] = {
                    "seconds": round(seconds, 4),
                    "slope": round(float(np.polyfit(imposed, found, 1)[0]), 3),
                    "r": round(float(np.corrcoef(imposed, found)[0, 1]), 3),
                }
            cases.append(row)
            print(volume_id, row["level"], {k: row[k] for k in ESTIMATORS}, flush=True)
    summary = {}
    for name in ESTIMATORS:
        rows = [c[name] for c in cases]
        valid = [r for r in rows if r["slope"] is not None]
        summary[name] = {
            "median_seconds": round(statistics.median(r["seconds"] for r in rows), 4),
            "median_slope": round(statistics.median(r["slope"] for r in valid), 3)
            if valid
            else None,
            "median_r": round(statistics.median(r["r"] for r in valid), 3) if valid else None,
            "no_estimate": len(rows) - len(valid),
        }
    return {"summary": summary, "cases": cases}


def main() -> int:
    result = run()
    report = {
        "provenance": provenance(
            "bench.inu",
            parameters={"n4": N4Parameters().__dict__, "bias_levels": list(BIAS.levels)},
        ),
        **result,
    }
    write_json_atomic(RESULTS, report)
    print(f"\n{'estimator':24s} {'median s':>9s} {'slope':>6s} {'r':>6s}  (perfect: slope 1, r 1)")
    for name, row in result["summary"].items():
        print(
            f"{name:24s} {row['median_seconds']:9.4f} {row['median_slope']!s:>6s} {row['median_r']!s:>6s}"
        )
    print(f"\nwrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
