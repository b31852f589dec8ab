"""``cnstumor correct``: a blocking self-check finding resolved without Slicer (R-ANN-7, R-ANN-9).

On ``small_annotated_case`` (real native volumes, synthetic nested spheres): a version with a slice
cut out of the whole tumor (a blocking skipped slice) and two specks is corrected from the command
line into a NEW version; the self-check that blocked now passes; a speck the annotator confirms
with ``--keep`` stays.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest
import SimpleITK as sitk

from CNSTumorAnnotationLib.case.folder import load_case, region_masks, save_annotation_version
from CNSTumorAnnotationLib.cli.app import main

pytestmark = pytest.mark.mrml


def _with_gap_and_specks(case: Any, runtime: Any) -> tuple[int, int]:
    """Version 2: whole tumor misses one interior slice; two one-voxel specks far from it."""
    masks = region_masks(case, runtime=runtime)
    whole = sitk.GetArrayFromImage(masks["whole_tumor"])
    slices = np.nonzero(whole.any(axis=(1, 2)))[0]
    gap = int(slices[len(slices) // 2])
    whole[gap] = 0
    whole[slices[0], 5, 5] = 1  # speck 1, far corner
    whole[slices[-1], 5, 200] = 1  # speck 2, other corner
    image = sitk.GetImageFromArray(whole)
    image.CopyInformation(masks["whole_tumor"])
    masks["whole_tumor"] = image
    return save_annotation_version(case, masks, "dr.li", runtime=runtime).version, gap


def _lesion_names(case_dir: Any) -> list[str]:
    report = json.loads((case_dir / "selfcheck.json").read_text())
    return [lesion["label"] for lesion in report["lesions"] if lesion["speck"]]


@pytest.mark.slow
def test_a_blocking_skipped_slice_and_specks_are_corrected_as_a_new_version(
    small_annotated_case: Any, mrml_runtime: Any, capsys
) -> None:
    root = small_annotated_case.root
    version, gap = _with_gap_and_specks(small_annotated_case, mrml_runtime)
    assert main(["selfcheck", str(root)]) == 1  # blocked: R-ANN-9 skipped slice
    blocking = [f for f in json.loads((root / "selfcheck.json").read_text())["findings"]
                if f["severity"] == "error"]  # fmt: skip
    assert blocking[0]["slice_index"] == gap  # 0-based in the JSON (IJK)
    assert f"skips slice {gap + 1} " in blocking[0]["message"]  # 1-based for people
    specks = _lesion_names(root)
    assert len(specks) == 2
    capsys.readouterr()
    code = main(["correct", str(root), "--by", "Dr Li", "--fill-skipped-slices", "--remove-specks",
                 "--keep", specks[0]])  # fmt: skip
    assert code == 0
    out = capsys.readouterr().out
    assert f"filled skipped slice {gap + 1}" in out and f"{specks[1]}: removed" in out
    record = json.loads(out.strip().splitlines()[-2])
    assert record == {"version": version + 1, "parent": version, "annotator": "Dr Li"}
    case = load_case(root)
    assert [v.version for v in case.annotations] == [1, version, version + 1]
    newest = json.loads((case.annotations[-1].folder / "version.json").read_text())
    assert "corrected from version 2 by Dr Li" in newest["note"]
    assert f"confirmed as lesions and kept: {specks[0]}" in newest["note"]
    assert main(["selfcheck", str(root)]) == 0  # no blocking finding any more
    assert len(_lesion_names(root)) == 1  # the kept speck, confirmed as a lesion
    whole = sitk.GetArrayFromImage(region_masks(case, runtime=mrml_runtime)["whole_tumor"])
    assert whole[gap].any()
    earlier = sitk.GetArrayFromImage(
        region_masks(case, version, runtime=mrml_runtime)["whole_tumor"]
    )
    assert not earlier[gap].any()  # the corrected version is untouched


@pytest.mark.slow
def test_correct_without_an_instruction_or_a_change_writes_nothing(
    small_annotated_case: Any, capsys
) -> None:
    root = small_annotated_case.root
    assert main(["correct", str(root), "--by", "Dr Li"]) == 2
    assert "say what to correct" in capsys.readouterr().err
    assert main(["correct", str(root), "--by", "Dr Li", "--fill-skipped-slices"]) == 2
    assert "nothing to change in version 1" in capsys.readouterr().err
    assert [v.version for v in load_case(root).annotations] == [1]
