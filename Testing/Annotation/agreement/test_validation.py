"""The agreement library against independent implementations on the bundled case.

The 5 BraTS algorithm label maps of TCGA-FG-6692 (labels 1/2/4, SRI-24 1 mm grid) are compared
pairwise on whole tumor, tumor core and enhancing region (10 pairs x 3 regions) and every value
is checked against:

- DeepMind's ``surface-distance`` (the BraTS evaluator's library): Dice, HD95, ASSD, NSD, to
  1e-6. Aligned conventions: surfels on the voxel-corner grid, area-weighted percentile,
  ASSD = mean of the two directed averages.
- ``panoptica`` 2.1: its default lesion-wise evaluation (26-connected components, greedy
  one-to-one IoU >= 0.5 matching) gives TP/FP/FN, RQ (= detection F1) and SQ-DSC equal to our
  :func:`instance_detection`. The BraTS 2023 lesion-wise scores cannot equal panoptica's:
  BraTS merges reference fragments within the dilation distance, matches *every* test
  component touching the dilated lesion (many-to-one, no IoU threshold), drops lesions
  <= 50 mm^3 and charges 374 mm per miss, and its HD95 is the surfel HD95 above, whereas
  panoptica's HD95 is ``numpy.percentile`` over erosion-border voxels. So the BraTS scores are
  checked against an oracle built here from other libraries (cc3d components, whole-volume
  scipy dilation, surface-distance HD95) following the eval.py steps, and against panoptica
  where the definitions coincide (one lesion matched by one component: Dice == SQ-DSC).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import cc3d
import numpy as np
import pytest
import SimpleITK as sitk
import surface_distance as deepmind
from scipy import ndimage

from CNSTumorAnnotationLib.agreement import BRATS_REGIONS, region_agreement
from CNSTumorAnnotationLib.agreement.bundled import BUNDLED_ALGORITHMS
from CNSTumorAnnotationLib.agreement.instances import instance_detection
from CNSTumorAnnotationLib.agreement.lesionwise import lesion_wise_metrics
from CNSTumorAnnotationLib.agreement.regions import AgreementTable

# real data, 30 pair-regions through three libraries: several seconds on a loaded CI machine
pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning"), pytest.mark.slow]

TOLERANCE = 1e-6
SPACING = (1.0, 1.0, 1.0)


@pytest.fixture(scope="module")
def algorithm_labels(sample_case: Path) -> dict[str, np.ndarray]:
    folder = sample_case / "reference_labels"
    return {
        name: sitk.GetArrayFromImage(sitk.ReadImage(str(folder / f"{name}.nii.gz")))
        for name in BUNDLED_ALGORITHMS
    }


@pytest.fixture(scope="module")
def agreement_table(sample_case: Path) -> AgreementTable:
    folder = sample_case / "reference_labels"
    return region_agreement({n: folder / f"{n}.nii.gz" for n in BUNDLED_ALGORITHMS})


def _masks(labels: dict[str, np.ndarray], region: str, a: str, b: str):
    values = sorted(BRATS_REGIONS[region])
    return np.isin(labels[a], values), np.isin(labels[b], values)


def test_the_table_covers_ten_pairs_on_three_regions(agreement_table: AgreementTable) -> None:
    assert len(agreement_table.rows) == 30
    assert {r.region for r in agreement_table.rows} == set(BRATS_REGIONS)
    pairs = {(r.rater_a, r.rater_b) for r in agreement_table.rows}
    assert pairs == set(itertools.combinations(BUNDLED_ALGORITHMS, 2))


def test_dice_hd95_assd_and_surface_dice_equal_surface_distance_on_every_pair_and_region(
    agreement_table: AgreementTable, algorithm_labels: dict[str, np.ndarray]
) -> None:
    """R-PPL-2: the consistency metrics are the BraTS evaluator's, to 1e-6."""
    for row in agreement_table.rows:
        a, b = _masks(algorithm_labels, row.region, row.rater_a, row.rater_b)
        sd = deepmind.compute_surface_distances(a, b, SPACING)
        where = f"{row.region} {row.rater_a} vs {row.rater_b}"
        assert row.dice == pytest.approx(deepmind.compute_dice_coefficient(a, b), abs=TOLERANCE), (
            where
        )
        assert row.hd95_mm == pytest.approx(
            deepmind.compute_robust_hausdorff(sd, 95), abs=TOLERANCE
        ), where
        assert row.hausdorff_mm == pytest.approx(
            deepmind.compute_robust_hausdorff(sd, 100), abs=TOLERANCE
        ), where
        assert row.assd_mm == pytest.approx(
            np.mean(deepmind.compute_average_surface_distance(sd)), abs=TOLERANCE
        ), where
        assert row.surface_dice == pytest.approx(
            deepmind.compute_surface_dice_at_tolerance(sd, 1.0), abs=TOLERANCE
        ), where


def test_jaccard_and_volume_similarity_follow_from_the_voxel_counts(
    agreement_table: AgreementTable, algorithm_labels: dict[str, np.ndarray]
) -> None:
    for row in agreement_table.rows:
        a, b = _masks(algorithm_labels, row.region, row.rater_a, row.rater_b)
        union = np.count_nonzero(a | b)
        assert row.jaccard == pytest.approx(np.count_nonzero(a & b) / union, abs=TOLERANCE)
        va, vb = a.sum(), b.sum()
        assert row.volume_a_mm3 == va and row.volume_b_mm3 == vb
        assert row.volume_similarity == pytest.approx(1 - abs(va - vb) / (va + vb), abs=TOLERANCE)


def _brats_oracle(gt: np.ndarray, pred: np.ndarray, dilation: int = 3, min_volume: float = 50.0):
    """The BraTS 2023 eval.py steps with cc3d, whole-grid scipy dilation and surface-distance."""
    structure = ndimage.generate_binary_structure(3, 2)
    pred_cc = cc3d.connected_components(pred, connectivity=26)
    dilated_cc = cc3d.connected_components(
        ndimage.binary_dilation(gt, structure, iterations=dilation), connectivity=26
    )
    lesions = np.where(gt, dilated_cc, 0)
    kept_dice, kept_hd, touched, tp, fn = [], [], set(), 0, 0
    for lesion in range(1, int(lesions.max()) + 1):
        mask = lesions == lesion
        if not mask.any():
            continue
        grown = ndimage.binary_dilation(mask, structure, iterations=dilation)
        ids = set(np.unique(pred_cc[grown]).tolist()) - {0}
        touched |= ids
        matched = np.isin(pred_cc, list(ids)) if ids else np.zeros_like(mask)
        dice = 2 * np.count_nonzero(mask & matched) / (mask.sum() + matched.sum())
        hd = (
            deepmind.compute_robust_hausdorff(
                deepmind.compute_surface_distances(mask, matched, SPACING), 95
            )
            if ids
            else 374.0
        )
        if mask.sum() > min_volume:
            kept_dice.append(dice)
            kept_hd.append(hd)
            tp, fn = (tp + 1, fn) if ids else (tp, fn + 1)
    fp = len(set(np.unique(pred_cc).tolist()) - {0} - touched)
    n = len(kept_dice) + fp
    return sum(kept_dice) / n, (sum(kept_hd) + 374.0 * fp) / n, tp, fp, fn


def _crop(a: np.ndarray, b: np.ndarray, margin: int = 8):
    box = ndimage.find_objects((a | b).astype(np.uint8))[0]
    box = tuple(slice(max(0, s.start - margin), s.stop + margin) for s in box)
    return a[box], b[box]


def test_brats_lesion_wise_scores_equal_an_oracle_built_from_cc3d_scipy_and_surface_distance(
    agreement_table: AgreementTable, algorithm_labels: dict[str, np.ndarray]
) -> None:
    for row in agreement_table.rows:
        a, b = _crop(*_masks(algorithm_labels, row.region, row.rater_a, row.rater_b))
        dice, hd95, tp, fp, fn = _brats_oracle(a, b)
        where = f"{row.region} {row.rater_a} vs {row.rater_b}"
        assert row.lesion_wise_dice == pytest.approx(dice, abs=TOLERANCE), where
        assert row.lesion_wise_hd95_mm == pytest.approx(hd95, abs=TOLERANCE), where
        assert (
            row.lesion_true_positives,
            row.lesion_false_positives,
            row.lesion_false_negatives,
        ) == (tp, fp, fn), where
        assert row.lesion_wise_f1 == pytest.approx(2 * tp / (2 * tp + fp + fn), abs=TOLERANCE)
    # the data exercise the rules: some pairs have false-positive fragments, some do not
    assert any(r.lesion_false_positives > 0 for r in agreement_table.rows)
    assert any(r.lesion_wise_dice < r.dice - 0.1 for r in agreement_table.rows)


@pytest.fixture(scope="module")
def panoptica_evaluator():
    from bench._anchors import panoptica_evaluator as configured

    return configured(["DSC"])


def test_instance_detection_and_lesion_counts_equal_panoptica(
    agreement_table: AgreementTable, algorithm_labels: dict[str, np.ndarray], panoptica_evaluator
) -> None:
    for row in agreement_table.rows:
        a, b = _crop(*_masks(algorithm_labels, row.region, row.rater_a, row.rater_b))
        result = panoptica_evaluator.evaluate(b.astype(np.uint8), a.astype(np.uint8))["ungrouped"]
        ours = instance_detection(a, b)
        where = f"{row.region} {row.rater_a} vs {row.rater_b}"
        assert (ours.true_positives, ours.false_positives, ours.false_negatives) == (
            result.tp,
            result.fp,
            result.fn,
        ), where
        assert ours.f1 == pytest.approx(result.rq, abs=TOLERANCE), where
        assert row.instance_f1 == pytest.approx(result.rq, abs=TOLERANCE), where
        assert ours.mean_matched_dice == pytest.approx(result.sq_dsc, abs=TOLERANCE), where
        assert row.dice == pytest.approx(result.global_bin_dsc, abs=TOLERANCE), where
        lesion = lesion_wise_metrics(a, b, SPACING)
        assert lesion.reference_components == result.n_ref_instances, where
        assert lesion.test_components == result.n_pred_instances, where
        if result.n_ref_instances == result.n_pred_instances == result.tp == 1:
            # one lesion, one component, matched: the two conventions coincide for Dice
            assert row.lesion_wise_dice == pytest.approx(result.sq_dsc, abs=TOLERANCE), where
