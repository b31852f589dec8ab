"""The case folder: annotation versions written and read through MRML's .seg.nrrd (R-ANN-8, R-FMT-3)."""

from __future__ import annotations

import json
import os

import numpy as np
import pytest
import SimpleITK as sitk
from _case_helpers import reviewers_file, synthetic_masks

from CNSTumorAnnotationLib.case.folder import (
    approve_version,
    changed_files,
    latest_version,
    load_case,
    reference_image,
    region_masks,
    save_annotation_version,
)
from CNSTumorAnnotationLib.cli.app import main
from CNSTumorAnnotationLib.naming import safe_name
from CNSTumorQCLib.errors import InvalidInputError, MissingInputError, WorkflowError
from CNSTumorQCLib.sequences import MRSequence


def _arrays(masks: dict[str, sitk.Image]) -> dict[str, np.ndarray]:
    return {k: sitk.GetArrayFromImage(v) for k, v in masks.items()}


@pytest.mark.slow
@pytest.mark.mrml
def test_region_masks_read_back_exactly_what_was_saved_in_each_reference_geometry_R_ANN_8(
    small_annotated_case, mrml_runtime
) -> None:
    saved = _arrays(synthetic_masks(small_annotated_case))
    read = region_masks(small_annotated_case, runtime=mrml_runtime)
    assert set(read) == set(small_annotated_case.schema.keys)
    for key, mask in read.items():
        sequence = small_annotated_case.schema.region(key).reference_sequence
        reference = reference_image(small_annotated_case, sequence)
        assert mask.GetSize() == reference.GetSize(), key
        assert np.allclose(mask.GetOrigin(), reference.GetOrigin(), atol=1e-4), key
        assert np.allclose(mask.GetDirection(), reference.GetDirection(), atol=1e-6), key
        assert mask.GetPixelID() == sitk.sitkUInt8
        assert np.array_equal(sitk.GetArrayFromImage(mask), saved[key]), key
        assert saved[key].sum() > 0


@pytest.mark.mrml
def test_each_seg_nrrd_is_named_by_patient_sequence_and_content_and_carries_terminology_R_FMT_3(
    small_annotated_case,
) -> None:
    version = latest_version(small_annotated_case)
    assert version is not None
    names = sorted(p.name for p in version.files.values())
    assert names == [
        "TCGA-FG-6692_FLAIR_annotation.seg.nrrd",
        "TCGA-FG-6692_T1C_annotation.seg.nrrd",
        "TCGA-FG-6692_T2_annotation.seg.nrrd",
    ]
    header = version.files[MRSequence.T1C].read_bytes()[:8000].decode("latin-1")
    assert "TerminologyEntry:CNSTumor - consensus CNS tumor regions~SCT^49755003" in header
    assert "NCIt^C113842^Enhancing Lesion" in header


@pytest.mark.slow
@pytest.mark.mrml
def test_a_save_makes_a_new_version_with_its_parent_and_never_touches_the_previous_one(
    small_annotated_case, mrml_runtime
) -> None:
    first = latest_version(small_annotated_case)
    before = {p: p.read_bytes() for p in first.folder.iterdir()}
    masks = synthetic_masks(small_annotated_case)
    masks["enhancing"] = sitk.Image(masks["enhancing"])  # copy
    masks["enhancing"][0, 0, 0] = 0
    del masks["non_enhancing"]
    second = save_annotation_version(small_annotated_case, masks, "dr.wang", runtime=mrml_runtime)
    assert (second.version, second.parent) == (2, 1)
    assert {p: p.read_bytes() for p in first.folder.iterdir()} == before
    reloaded = load_case(small_annotated_case.root)
    assert [v.version for v in reloaded.annotations] == [1, 2]
    assert (
        sitk.GetArrayFromImage(
            region_masks(reloaded, 2, runtime=mrml_runtime)["non_enhancing"]
        ).sum()
        == 0
    )
    record = json.loads((second.folder / "version.json").read_text())
    assert record["annotator"] == "dr.wang" and record["schema_version"].startswith(
        "cnstumor-schemas"
    )
    assert record["sha256"].keys() == {p.name for p in second.files.values()}
    assert not list(small_annotated_case.annotations_dir.glob(".staging-*"))


@pytest.mark.slow
@pytest.mark.mrml
def test_an_approved_version_is_immutable_and_later_work_is_a_new_version(
    small_annotated_case, mrml_runtime, tmp_path
) -> None:
    people = reviewers_file(tmp_path)
    approved = approve_version(small_annotated_case, 1, "prof.li", people=people)
    assert approved.approved
    assert all(not os.access(p, os.W_OK) or os.geteuid() == 0 for p in approved.folder.iterdir())
    assert all((p.stat().st_mode & 0o222) == 0 for p in approved.folder.iterdir())
    with pytest.raises(WorkflowError, match="immutable"):
        approve_version(small_annotated_case, 1, "prof.li", people=people)
    newer = save_annotation_version(
        small_annotated_case, synthetic_masks(small_annotated_case), "dr.wang", runtime=mrml_runtime
    )
    assert newer.version == 2 and load_case(small_annotated_case.root).annotations[0].approved


def test_a_case_json_that_is_not_json_is_refused_naming_the_file(small_annotated_case) -> None:
    small_annotated_case.case_file.write_text("{not json", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="case.json: not readable JSON"):
        load_case(small_annotated_case.root)


def test_a_missing_volume_is_reported_with_its_path(small_annotated_case) -> None:
    small_annotated_case.volumes[MRSequence.T2].unlink()
    with pytest.raises(MissingInputError, match="TCGA-FG-6692_T2_image.nii.gz"):
        load_case(small_annotated_case.root)


@pytest.mark.mrml
def test_masks_naming_a_region_outside_the_schema_are_refused(small_annotated_case) -> None:
    mask = reference_image(small_annotated_case, MRSequence.FLAIR) > 1e9
    with pytest.raises(InvalidInputError, match="edema"):
        save_annotation_version(small_annotated_case, {"edema": mask}, "dr.wang")


def test_identifiers_become_file_name_safe() -> None:
    assert safe_name("TCGA FG/6692") == "TCGA-FG-6692"
    assert safe_name("患者 01") == "01"
    with pytest.raises(InvalidInputError):
        safe_name("../")


@pytest.mark.mrml
def test_a_segmentation_file_edited_after_saving_is_refused_by_its_checksum(
    small_annotated_case,
) -> None:
    path = latest_version(small_annotated_case).files[MRSequence.T2]
    path.write_bytes(path.read_bytes() + b"\n")
    assert changed_files(small_annotated_case) == [path]
    with pytest.raises(InvalidInputError, match="SHA-256 mismatch"):
        region_masks(small_annotated_case, verify_checksums=True)


def test_a_version_number_taken_by_a_concurrent_save_is_not_overwritten(tmp_path) -> None:
    from CNSTumorAnnotationLib.case.folder import _claim

    staged, taken = tmp_path / ".staging-x", tmp_path / "v0002"
    staged.mkdir()
    taken.mkdir()
    (taken / "version.json").write_text("{}")
    assert not _claim(staged, taken)
    assert (taken / "version.json").read_text() == "{}"
    assert _claim(staged, tmp_path / "v0003") and not staged.exists()


@pytest.mark.mrml
def test_approving_outside_a_project_needs_a_qualified_reviewer_from_a_people_file_R_PPL_1(
    small_annotated_case, tmp_path, capsys
) -> None:
    """``cnstumor case approve``: listed, qualified, not the annotator; the record names them."""
    root = str(small_annotated_case.root)
    people = str(reviewers_file(tmp_path))
    base = ["case", "approve", root, "--people", people, "--reviewer"]

    assert main([*base, "dr_zhao"]) == 2  # 7 years, attending
    assert "R-PPL-1: reviewer needs >= 10 years" in capsys.readouterr().err
    assert main([*base, "dr.wang"]) == 2  # an annotator
    assert "R-PPL-3" in capsys.readouterr().err
    assert main([*base, "nobody"]) == 2
    assert "not in the people file" in capsys.readouterr().err
    with pytest.raises(SystemExit):  # argparse: --people is required
        main(["case", "approve", root, "--reviewer", "prof.li"])
    capsys.readouterr()
    assert not load_case(small_annotated_case.root).annotations[0].approved

    assert main([*base, "prof.li"]) == 0
    version = load_case(small_annotated_case.root).annotations[0]
    assert version.approved
    record = json.loads((version.folder / "version.json").read_text(encoding="utf-8"))
    assert record["approved_by"] == "prof.li"
    assert record["reviewer"]["title"] == "chief" and record["reviewer"]["years_experience"] == 22
    assert record["reviewer"]["qualification_rules"].startswith("R-PPL-1")


@pytest.mark.mrml
def test_the_annotator_of_a_version_cannot_approve_it_R_PPL_3(small_annotated_case, tmp_path):
    from CNSTumorAnnotationLib.people import Person, QualificationError, Role, Title

    author = small_annotated_case.annotations[0].annotator
    people = {author: Person(author, author, Role.REVIEWER, 20, Title.CHIEF)}
    with pytest.raises(QualificationError, match="R-PPL-3"):
        approve_version(small_annotated_case, 1, author, people=people)
