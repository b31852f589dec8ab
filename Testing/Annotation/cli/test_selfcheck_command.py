"""``cnstumor selfcheck CASE_DIR``: report, ``selfcheck.json`` and exit status, on case folders.

Uses ``small_annotated_case`` (the real native volumes, unregistered, with nested synthetic
spheres drawn in each reference sequence's native geometry) and saves real new annotation
versions through MRML (``case.save_annotation_version``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import SimpleITK as sitk

from CNSTumorAnnotationLib.case.folder import load_case, region_masks, save_annotation_version
from CNSTumorAnnotationLib.cli.app import main
from CNSTumorAnnotationLib.selfcheck.case_check import REPORT_FILE, run_selfcheck, write_selfcheck
from CNSTumorAnnotationLib.selfcheck.params import SELFCHECK_VERSION, Confirmations
from CNSTumorQCLib.sequences import MRSequence

pytestmark = pytest.mark.mrml


def save_without_enhancement(case: Any, runtime: Any) -> int:
    """Save a new version whose enhancing region is erased (a real edit, a real version)."""
    masks = region_masks(case, runtime=runtime)
    masks["enhancing"] = sitk.Multiply(masks["enhancing"], 0)
    return save_annotation_version(case, masks, "dr.wang", runtime=runtime).version


def read_report(case_dir: Path) -> dict[str, Any]:
    return json.loads((case_dir / REPORT_FILE).read_text(encoding="utf-8"))


@pytest.mark.slow
def test_a_clean_case_passes_and_the_report_names_version_schema_and_provenance(
    small_annotated_case, capsys
):
    status = main(["selfcheck", str(small_annotated_case.root)])

    assert status == 0
    report = read_report(small_annotated_case.root)
    assert report["selfcheck_version"] == SELFCHECK_VERSION
    assert report["annotation_version"] == 1
    assert report["blocking"] is False and report["counts"]["error"] == 0
    assert report["schema_version"] == small_annotated_case.schema.version
    assert report["common_space"]["mapping"] == "physical-space identity"  # imported unregistered
    assert report["provenance"]["operation"] == "selfcheck"
    assert report["provenance"]["rule_tables"]["selfcheck"] == SELFCHECK_VERSION
    assert {lesion["region"] for lesion in report["lesions"]} == set(
        small_annotated_case.schema.keys
    )
    assert set(report["annotation_sha256"]) == {
        p.name for p in small_annotated_case.annotations[0].files.values()
    }
    printed = capsys.readouterr().out
    assert "OK to submit" in printed and "whole_tumor #1" in printed


@pytest.mark.slow
def test_an_erased_enhancing_region_blocks_with_R_ANN_4_until_no_enhancement_is_confirmed(
    small_annotated_case, mrml_runtime, capsys
):
    version = save_without_enhancement(small_annotated_case, mrml_runtime)
    root = str(small_annotated_case.root)

    assert main(["selfcheck", root]) == 1
    blocked = read_report(small_annotated_case.root)
    errors = [f for f in blocked["findings"] if f["severity"] == "error"]
    assert [(f["rule"], f["region"]) for f in errors] == [("R-ANN-4", "enhancing")]
    assert blocked["annotation_version"] == version
    assert errors[0]["files"] and errors[0]["files"][0].startswith(f"annotations/v{version:04d}/")
    assert "BLOCKED" in capsys.readouterr().out

    assert main(["selfcheck", root, "--confirm-no-enhancement", "--by", "dr.wang"]) == 0
    confirmed = read_report(small_annotated_case.root)
    assert confirmed["confirmations"] == {
        "no_enhancement": True,
        "no_edema": False,
        "checklist": [],
        "confirmed_by": "dr.wang",
    }
    notes = [
        f for f in confirmed["findings"] if f["rule"] == "R-ANN-4" and f["region"] == "enhancing"
    ]
    assert [f["severity"] for f in notes] == ["info"]

    assert main(["selfcheck", root, "--version", "1"]) == 0  # the earlier version still passes
    assert read_report(small_annotated_case.root)["annotation_version"] == 1


@pytest.mark.slow
def test_a_meningioma_without_edema_passes_once_no_edema_is_confirmed_R_SEG_7(
    sample_case, tmp_path, mrml_runtime, capsys
):
    """A meningeal case folder of the real volumes whose edema region is left empty."""
    from _case_helpers import PATIENT, SPHERE_RADII_MM, native_volumes, sphere_mask

    from CNSTumorAnnotationLib.case.folder import reference_image
    from CNSTumorAnnotationLib.case.nifti_import import import_case_from_nifti

    case = import_case_from_nifti(
        native_volumes(sample_case), tmp_path / PATIENT, PATIENT, "meningeal", register=False
    )
    flair = reference_image(case, MRSequence.FLAIR)
    centre = flair.TransformContinuousIndexToPhysicalPoint([(n - 1) / 2 for n in flair.GetSize()])
    masks = {}
    for region in case.schema.regions:
        reference = reference_image(case, region.reference_sequence)
        radius = SPHERE_RADII_MM.get(region.key, 1.0)
        masks[region.key] = sphere_mask(reference, centre, radius)
    masks["edema"] = sitk.Multiply(masks["edema"], 0)  # no peritumoral edema drawn
    masks["enhancing"] = sitk.And(masks["enhancing"], sitk.Not(masks["non_enhancing"]))
    save_annotation_version(case, masks, "dr.chen", runtime=mrml_runtime)
    root = str(case.root)

    assert main(["selfcheck", root]) == 1
    errors = [f for f in read_report(case.root)["findings"] if f["severity"] == "error"]
    assert [(f["rule"], f["region"]) for f in errors] == [("R-ANN-4", "edema")]
    assert 'confirm "no peritumoral edema"' in errors[0]["message"]

    assert main(["selfcheck", root, "--confirm-no-edema", "--by", "dr.chen"]) == 0
    report = read_report(case.root)
    assert report["confirmations"]["no_edema"] is True
    assert report["confirmations"]["confirmed_by"] == "dr.chen"
    notes = [f for f in report["findings"] if f["region"] == "edema"]
    assert [(f["rule"], f["severity"]) for f in notes] == [("R-SEG-7", "info")]
    assert report["provenance"]["parameters"]["no_edema"] is True


@pytest.mark.slow
def test_checklist_confirmations_are_recorded(small_annotated_case):
    report = run_selfcheck(
        small_annotated_case,
        confirmations=Confirmations(checklist=frozenset({"no_leukoaraiosis_or_lacunes"})),
    )
    path = write_selfcheck(report, small_annotated_case.root)

    items = {item["key"]: item for item in json.loads(path.read_text())["checklist"]}
    assert items["no_leukoaraiosis_or_lacunes"]["rule"] == "R-ANN-3"
    assert items["no_leukoaraiosis_or_lacunes"]["confirmed"] is True
    assert items["no_sulci_or_ventricles"]["confirmed"] is False


@pytest.mark.slow
def test_the_review_of_all_sequences_is_attested_with_a_name_and_read_back_R_ANN_1(
    small_annotated_case, capsys
):
    from CNSTumorAnnotationLib.project.selfcheck_evidence import review_sequences_record

    root = small_annotated_case.root
    assert review_sequences_record(root, 1) is None
    assert main(["selfcheck", str(root), "--reviewed-all-sequences"]) == 2  # who?
    assert "needs --by" in capsys.readouterr().err
    assert main(["selfcheck", str(root), "--reviewed-all-sequences", "--by", "Dr Li"]) == 0
    record = review_sequences_record(root, 1)
    assert record is not None and record["by"] == "Dr Li" and record["at"]
    archived = json.loads(Path(record["record"]).read_text())
    assert archived["confirmations"]["review_sequences"]["via"].startswith("cnstumor selfcheck")


def test_a_folder_that_is_not_a_case_is_a_clean_error(tmp_path, capsys):
    status = main(["selfcheck", str(tmp_path)])

    assert status == 2
    error = capsys.readouterr().err
    assert "case.json" in error and "Traceback" not in error


def test_an_unknown_version_is_a_clean_error(small_annotated_case, capsys):
    status = main(["selfcheck", str(small_annotated_case.root), "--version", "7"])

    assert status == 2
    assert "no annotation version 7" in capsys.readouterr().err
    assert load_case(small_annotated_case.root).annotations[-1].version == 1


def reformat_to_isotropic(path: Path) -> None:
    """Rewrite a saved .seg.nrrd on a 1 mm isotropic reformat of its grid (Slicer tags kept)."""
    image = sitk.ReadImage(str(path))
    grid = sitk.Image(
        [int(n * s) for n, s in zip(image.GetSize(), image.GetSpacing(), strict=True)],
        image.GetPixelID(),
    )
    grid.SetSpacing((1.0, 1.0, 1.0))
    grid.SetOrigin(image.GetOrigin())
    grid.SetDirection(image.GetDirection())
    reformatted = sitk.Resample(image, grid, sitk.Transform(), sitk.sitkNearestNeighbor, 0)
    for key in image.GetMetaDataKeys():
        if key.startswith("Segment"):
            reformatted.SetMetaData(key, image.GetMetaData(key))
    sitk.WriteImage(reformatted, str(path), True)


@pytest.mark.slow
def test_a_segmentation_saved_on_a_reformatted_grid_is_an_error_with_R_ANN_8(small_annotated_case):
    """Reading masks back resamples them, so the saved file's own grid is what is checked."""
    flair_file = small_annotated_case.annotations[0].files[MRSequence.FLAIR]
    reformat_to_isotropic(flair_file)

    assert main(["selfcheck", str(small_annotated_case.root)]) == 1
    report = read_report(small_annotated_case.root)
    errors = [f for f in report["findings"] if f["rule"] == "R-ANN-8"]
    assert [(f["severity"], f["region"]) for f in errors] == [("error", "whole_tumor")]
    assert errors[0]["files"] == [str(flair_file.relative_to(small_annotated_case.root))]
    intact = [
        f for f in report["findings"] if f["rule"] == "R-ANN-8" and f["region"] != "whole_tumor"
    ]
    assert intact == []
    # The edit happened after version 1 was saved: the record no longer matches (R-FLOW-1).
    changed = [f for f in report["findings"] if f["rule"] == "R-FLOW-1"]
    assert [f["files"] for f in changed] == [errors[0]["files"]]
