"""R-HMI-4 active-learning sampling on the bundled case's five real algorithm label maps.

Each "case" is a folder of five models' outputs: the real maps as they are, the maps made to
agree (one fused map, shifted by at most one voxel), and the real maps with three models broken
(shifted 12 mm, eroded 4 voxels, a spurious lesion). The maps are cropped to the tumour's
neighbourhood (real voxels, smaller files) to keep the test fast.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest
import SimpleITK as sitk
from scipy import ndimage

from CNSTumorAnnotationLib.cli.app import main
from CNSTumorAnnotationLib.hmi.sampling import SamplingStrategy
from CNSTumorAnnotationLib.hmi.worklist import rank_cases, write_worklist
from CNSTumorQCLib.errors import InvalidInputError

ALGORITHMS = ("hnfnetv1-20", "isen-20", "sanet0-20", "scan-20", "yixinmpl-20")


def _write(folder: Path, name: str, array: np.ndarray, like: sitk.Image) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    image = sitk.GetImageFromArray(array.astype(np.uint8))
    image.CopyInformation(like)
    sitk.WriteImage(image, str(folder / f"{name}.nii.gz"))


def _perturbed(array: np.ndarray, index: int) -> np.ndarray:
    if index == 1:
        return np.roll(array, 12, axis=2)  # 12 mm off
    if index == 2:
        return np.where(ndimage.binary_erosion(array > 0, iterations=4), array, 0)
    if index == 3:
        spurious = array.copy()
        spurious[2:10, 4:12, 4:12] = 2  # an edema blob far from the tumour
        return spurious
    return array


@pytest.fixture(scope="module")
def model_output_cases(tmp_path_factory: pytest.TempPathFactory, sample_case: Path) -> Path:
    """Four case folders of five model outputs each (see the module docstring)."""
    root = tmp_path_factory.mktemp("hmi_cases")
    labels = sample_case / "reference_labels"
    images = {a: sitk.ReadImage(str(labels / f"{a}.nii.gz")) for a in ALGORITHMS}
    fused = sitk.ReadImage(str(labels / "mav.nii.gz"))
    union = sum(sitk.GetArrayViewFromImage(i) > 0 for i in images.values())
    box = tuple(
        slice(max(0, int(ix.min()) - 20), int(ix.max()) + 21) for ix in np.nonzero(union)
    )  # z, y, x
    start = [box[2].start, box[1].start, box[0].start]
    size = [box[2].stop - box[2].start, box[1].stop - box[1].start, box[0].stop - box[0].start]
    crop = {a: sitk.RegionOfInterest(i, size, start) for a, i in images.items()}
    fused_array = sitk.GetArrayFromImage(sitk.RegionOfInterest(fused, size, start))
    for index, (name, image) in enumerate(crop.items()):
        array = sitk.GetArrayFromImage(image)
        _write(root / "case_real", name, array, image)
        _write(root / "case_consistent", name, np.roll(fused_array, index % 2, axis=2), image)
        _write(root / "case_disagree", name, _perturbed(array, index), image)
        _write(root / "case_identical", name, fused_array, image)
    return root


@pytest.fixture(scope="module")
def single_model_cases(tmp_path_factory: pytest.TempPathFactory, model_output_cases: Path) -> Path:
    """Five cases pre-annotated by one model each (real maps); one model missed most of the tumor."""
    root = tmp_path_factory.mktemp("single_model")
    for index, name in enumerate(ALGORITHMS):
        image = sitk.ReadImage(str(model_output_cases / "case_real" / f"{name}.nii.gz"))
        array = sitk.GetArrayFromImage(image)
        if index == 2:
            array = np.where(ndimage.binary_erosion(array > 0, iterations=9), array, 0)
        _write(root / f"single_{name}", "unet", array, image)
    return root


@pytest.mark.slow
def test_with_one_model_per_case_a_tumor_far_smaller_than_the_others_ranks_first(
    single_model_cases,
) -> None:
    """R-HMI-4 without a committee: the size outlier proxy (and no committee terms) decide."""
    worklist = rank_cases(sorted(single_model_cases.iterdir()), budget=1)
    ((top, _),) = worklist.selected
    assert top.case_id == "single_sanet0-20"
    assert top.terms["dice"] == top.terms["hd95"] == 0.0 and top.terms["size"] > 0.5
    assert any("x the median of the ranked cases" in r for r in top.reasons)
    assert "one model only: no committee disagreement measured" in top.reasons
    assert all(s.terms["size"] < top.terms["size"] for s in worklist.left_out)


def _cases(root: Path) -> list[Path]:
    return [root / n for n in ("case_identical", "case_real", "case_consistent", "case_disagree")]


@pytest.mark.slow
def test_the_case_whose_models_disagree_most_ranks_first_with_reasons(model_output_cases) -> None:
    """R-HMI-4: query by committee puts the broken case first and says why."""
    worklist = rank_cases(_cases(model_output_cases), budget=3)
    order = [s.case_id for s, _ in worklist.selected]
    assert order[0] == "case_disagree"
    assert order[1] == "case_real"  # five real algorithms disagree more than shifted copies
    scores = {s.case_id: s for s, _ in worklist.selected} | {
        s.case_id: s for s in worklist.left_out
    }
    identical = scores["case_identical"]  # no committee disagreement; only its fragments count
    assert identical.terms["dice"] == identical.terms["hd95"] == identical.terms["volume"] == 0.0
    strategy = worklist.strategy
    assert identical.score == pytest.approx(
        sum(getattr(strategy, f"weight_{k}") * v for k, v in identical.terms.items())
    )
    assert identical.score == min(s.score for s in scores.values())
    top = scores["case_disagree"]
    assert (
        top.terms["dice"]
        > scores["case_real"].terms["dice"]
        > scores["case_consistent"].terms["dice"]
    )
    assert any("whole_tumor: mean pairwise Dice" in r for r in top.reasons)
    assert any("lesions" in r for r in top.reasons)  # the spurious lesion shows in the counts
    assert (
        top.regions["whole_tumor"]["lesions_max"]
        > scores["case_consistent"].regions["whole_tumor"]["lesions_max"]
    )
    # budget 3 x 20 % exploration = 1 random pick, drawn from the cases not picked by score
    assert [why for _, why in worklist.selected] == ["disagreement", "disagreement", "exploration"]


@pytest.mark.slow
def test_the_ranking_is_deterministic_for_a_seed_and_written_as_json_and_csv(
    model_output_cases, tmp_path: Path
) -> None:
    strategy = SamplingStrategy(seed=7, exploration_fraction=0.5)
    first = rank_cases(_cases(model_output_cases), budget=2, strategy=strategy)
    again = rank_cases(_cases(model_output_cases), budget=2, strategy=strategy)
    first_dict, again_dict = first.to_dict(), again.to_dict()
    first_dict.pop("provenance"), again_dict.pop("provenance")
    assert first_dict == again_dict
    assert first.case_ids[0] == "case_disagree"
    assert first_dict["strategy"]["version"] == "cnstumor-hmi-sampling-1.2"

    json_path = write_worklist(first, tmp_path / "worklist.json")
    record = json.loads(json_path.read_text())
    assert record["rule"] == "R-HMI-4" and record["worklist"][0]["rank"] == 1
    assert record["provenance"]["rule_tables"]["hmi_sampling"] == "cnstumor-hmi-sampling-1.2"
    rows = list(csv.DictReader(write_worklist(first, tmp_path / "worklist.csv").open()))
    assert [r["case_id"] for r in rows] == first.case_ids
    assert rows[0]["reasons"]


@pytest.mark.slow
def test_the_cli_ranks_case_folders_and_refuses_a_zero_budget(
    model_output_cases, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "w.json"
    cases = [str(p) for p in _cases(model_output_cases)]
    assert main(["hmi", "rank", *cases, "--budget", "1", "--out", str(out)]) == 0
    assert json.loads(out.read_text())["worklist"][0]["case_id"] == "case_disagree"
    assert "1. case_disagree" in capsys.readouterr().out
    assert main(["hmi", "rank", *cases, "--budget", "0", "--out", str(out)]) == 2
    assert "budget must be at least one case" in capsys.readouterr().err
    with pytest.raises(InvalidInputError, match="no label maps"):
        rank_cases([tmp_path], budget=1)
