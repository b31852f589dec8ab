"""R-HMI-1 gold standard by STAPLE and R-HMI-3 pre-annotation, on the bundled real case."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import SimpleITK as sitk
from _case_helpers import SPHERE_RADII_MM, sphere_mask

from CNSTumorAnnotationLib.case.folder import (
    get_version,
    load_case,
    reference_image,
    region_masks,
    save_annotation_version,
)
from CNSTumorAnnotationLib.cli.app import main
from CNSTumorAnnotationLib.hmi.preannotation import (
    experts_from_versions,
    gold_standard,
    preannotate,
)
from CNSTumorAnnotationLib.hmi.worklist import rank_cases
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.sequences import MRSequence

ALGORITHMS = ("hnfnetv1-20", "isen-20", "sanet0-20", "scan-20", "yixinmpl-20")


def _dice(a: np.ndarray, b: np.ndarray) -> float:
    return 2.0 * np.count_nonzero(a & b) / (np.count_nonzero(a) + np.count_nonzero(b))


def _spheres(case, delta_mm: float) -> dict[str, sitk.Image]:
    """The fixture's nested spheres with every radius changed by ``delta_mm`` (another expert)."""
    flair = reference_image(case, MRSequence.FLAIR)
    center = flair.TransformContinuousIndexToPhysicalPoint([(n - 1) / 2 for n in flair.GetSize()])
    masks = {}
    for region in case.schema.regions:
        reference = reference_image(case, region.reference_sequence)
        masks[region.key] = sphere_mask(reference, center, SPHERE_RADII_MM[region.key] + delta_mm)
    masks["enhancing"] = sitk.And(masks["enhancing"], sitk.Not(masks["non_enhancing"]))
    return masks


def _array(image: sitk.Image) -> np.ndarray:
    return sitk.GetArrayFromImage(image) > 0


@pytest.mark.slow
@pytest.mark.mrml
def test_the_R_HMI_1_gold_standard_is_the_staple_of_three_experts_saved_as_a_new_version(
    small_annotated_case, fixture_runtime
) -> None:
    """Three experts (spheres r, r+3 mm, r-3 mm): STAPLE gives the middle one; rater performance
    ranks as it must (the generous expert is the most sensitive, the tight one the most specific)."""
    case = small_annotated_case
    save_annotation_version(case, _spheres(case, 3.0), "dr_generous", runtime=fixture_runtime)
    save_annotation_version(case, _spheres(case, -3.0), "dr_tight", runtime=fixture_runtime)
    experts = experts_from_versions(case, [1, 2, 3], runtime=fixture_runtime)
    gold = gold_standard(case, experts, runtime=fixture_runtime, recorded_by="lead")

    assert gold.version.version == 4
    assert gold.version.annotator == (
        "gold standard (STAPLE of: synthetic:spheres, dr_generous, dr_tight)"
    )
    assert not gold.version.machine_made
    for number in (1, 2, 3):  # the inputs' checksums are recorded
        for name, digest in get_version(case, number).sha256.items():
            assert f"{name}={digest[:12]}" in gold.version.note
    record = json.loads(gold.record_path.read_text())
    assert record["inputs"][1]["sha256"] == get_version(case, 2).sha256
    assert record["output_sha256"] == gold.version.sha256
    assert record["selfcheck"]["blocking"] is False  # the nested spheres keep their hierarchy

    middle = region_masks(load_case(case.root), 1, runtime=fixture_runtime)
    standard = region_masks(load_case(case.root), 4, runtime=fixture_runtime)
    for key in ("whole_tumor", "tumor_body", "enhancing"):
        assert _dice(_array(standard[key]), _array(middle[key])) > 0.95, key
    whole = record["regions"]["whole_tumor"]
    sens, spec = whole["sensitivity"], whole["specificity"]
    assert sens["dr_generous"] > sens["synthetic:spheres"] > sens["dr_tight"]
    assert spec["dr_tight"] > spec["dr_generous"]
    assert sens["dr_tight"] < 0.9 and spec["dr_generous"] < 0.99


@pytest.mark.slow
@pytest.mark.mrml
def test_a_gold_standard_refuses_machine_made_versions_and_a_single_expert(
    small_annotated_case, fixture_runtime
) -> None:
    case = small_annotated_case
    save_annotation_version(case, _spheres(case, 2.0), "synthetic:spheres", runtime=fixture_runtime)
    save_annotation_version(
        case, _spheres(case, 1.0), "model:x", runtime=fixture_runtime, machine_made=True
    )
    with pytest.raises(InvalidInputError, match="machine-made"):
        experts_from_versions(case, [1, 3], runtime=fixture_runtime)
    experts = experts_from_versions(case, [1, 2], runtime=fixture_runtime)
    with pytest.raises(InvalidInputError, match="at least two different experts"):
        gold_standard(case, experts, runtime=fixture_runtime)
    assert [v.version for v in load_case(case.root).annotations] == [1, 2, 3]  # nothing saved


@pytest.mark.slow
@pytest.mark.mrml
def test_gold_from_three_real_algorithm_label_maps_lands_on_the_fused_reference(
    annotated_case, sample_case: Path, capsys
) -> None:
    """Real SRI-24 label maps through the CLI: the STAPLE of three algorithms agrees with the
    bundled fusion (mav, version 1) on the whole tumor."""
    maps = [sample_case / "reference_labels" / f"{name}.nii.gz" for name in ALGORITHMS[:3]]
    status = main(
        [
            "hmi",
            "gold",
            str(annotated_case.root),
            "--label-maps",
            *map(str, maps),
            "--names",
            "A",
            "B",
            "C",
        ]
    )
    assert status == 0
    assert (
        "R-HMI-1: version 2 saved as 'gold standard (STAPLE of: A, B, C)'"
        in capsys.readouterr().out
    )
    case = load_case(annotated_case.root)
    fused, standard = region_masks(case, 1), region_masks(case, 2)
    assert _dice(_array(standard["whole_tumor"]), _array(fused["whole_tumor"])) > 0.85
    record = json.loads((case.root / "hmi" / "gold_v0002.json").read_text())
    assert record["inputs"][0]["sha256"]["hnfnetv1-20.nii.gz"]
    assert set(record["regions"]["whole_tumor"]["sensitivity"]) == {"A", "B", "C"}


@pytest.mark.slow
@pytest.mark.mrml
def test_R_HMI_3_a_model_preannotation_is_machine_made_names_its_model_and_can_be_ranked(
    annotated_case, sample_case: Path
) -> None:
    """Two real models pre-annotate the case; the case folder is then ranked by their disagreement."""
    path = sample_case / "reference_labels" / "hnfnetv1-20.nii.gz"
    version = preannotate(annotated_case, path, "hnfnet", model_version="v1-20")
    assert version.machine_made and version.version == 2
    assert version.annotator == "model:hnfnet@v1-20 (machine-made pre-annotation)"
    record = json.loads((annotated_case.root / "hmi" / "preannotation_v0002.json").read_text())
    assert record["model"] == "hnfnet" and record["model_version"] == "v1-20"
    assert len(record["label_map_sha256"]) == 64
    with pytest.raises(InvalidInputError, match="R-HMI-3"):
        preannotate(annotated_case, path, "  ")

    worklist = rank_cases([annotated_case.root], budget=1)
    ((score, why),) = worklist.selected
    assert why == "disagreement" and len(score.models) == 2
    assert 0.6 < score.regions["whole_tumor"]["dice_mean"] < 1.0  # two real models differ a bit


@pytest.mark.slow
@pytest.mark.mrml
def test_ranking_a_case_folder_uses_only_its_machine_versions_and_their_selfcheck(
    small_annotated_case, fixture_runtime
) -> None:
    """R-HMI-4 on case folders: an expert's version is no committee member; the latest machine
    version's self-check problems add to the score."""
    case = small_annotated_case
    save_annotation_version(
        case, _spheres(case, 4.0), "model:a", runtime=fixture_runtime, machine_made=True
    )
    with pytest.raises(InvalidInputError, match="at least one"):
        rank_cases([case.root], budget=0)
    single = rank_cases([case.root], budget=1, runtime=fixture_runtime)
    assert single.selected[0][0].models == ("model:a",)  # version 1 (synthetic expert) left out
    broken = _spheres(case, -4.0)
    broken["whole_tumor"] = broken["whole_tumor"] * 0  # a required region missing: an error
    save_annotation_version(case, broken, "model:b", runtime=fixture_runtime, machine_made=True)
    worklist = rank_cases([case.root], budget=1, runtime=fixture_runtime, selfcheck=True)
    score = worklist.selected[0][0]
    assert score.models == ("model:a", "model:b")
    assert score.terms["selfcheck"] > 0.0
    assert any("self-check" in reason for reason in score.reasons)
    assert score.regions["whole_tumor"]["dice_mean"] == 0.0  # one model drew none of it
