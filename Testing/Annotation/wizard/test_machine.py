"""The per-case annotation wizard (R-ANN-1..9, R-FLOW-1) on the real case in a real MRML scene.

The drawing is what the scene's segmentation nodes hold (``masks_from_scene``), edited with the
same MRML calls the Segment Editor's effects end in (``set_segment_mask``).
"""

from __future__ import annotations

import json

import numpy as np
import pytest
import SimpleITK as sitk

from CNSTumorAnnotationLib.case.folder import load_case, region_masks
from CNSTumorAnnotationLib.mrml.scene import load_case_into_scene
from CNSTumorAnnotationLib.mrml.scene_annotation import masks_from_scene
from CNSTumorAnnotationLib.mrml.segmentation import set_segment_mask
from CNSTumorAnnotationLib.selfcheck.case_check import REPORT_FILE
from CNSTumorAnnotationLib.selfcheck.params import CHECKLIST
from CNSTumorAnnotationLib.wizard.machine import AnnotationWizard, WizardStep
from CNSTumorAnnotationLib.wizard.session import SESSION_FILE
from CNSTumorQCLib.errors import WorkflowError

pytestmark = pytest.mark.mrml


def _clear(loaded, key: str) -> None:
    """The annotator erases a region in the scene."""
    node = loaded.segmentation_for(key)
    reference = masks_from_scene(loaded)[key]
    empty = sitk.Image(reference.GetSize(), sitk.sitkUInt8)
    empty.CopyInformation(reference)
    set_segment_mask(node, node.GetSegmentation().GetSegmentIdBySegmentName(key), empty)


def _draw_all(wizard: AnnotationWizard) -> list[tuple[str, str]]:
    """Walk the draw steps; returns (region, reference sequence) in the order they were shown."""
    shown = []
    while wizard.step is WizardStep.DRAW:
        card = wizard.guidance().region
        shown.append((card["key"], card["reference_sequence"]))
        wizard.next_region()
    return shown


def _confirm_all(wizard: AnnotationWizard, who: str) -> None:
    for key in CHECKLIST:
        wizard.confirm_item(key, who)


@pytest.mark.slow
def test_a_full_session_reviews_draws_selfchecks_confirms_and_saves_a_new_version(
    small_annotated_case, mrml_runtime
) -> None:
    """R-ANN-1 first, regions in schema order on their reference sequences, R-ANN-9 self-check,
    the checklist confirmed by a person, a new version saved, every step recorded (R-FLOW-1)."""
    case = small_annotated_case
    loaded = load_case_into_scene(case, mrml_runtime)
    wizard = AnnotationWizard.start(case, "dr_wang")
    assert wizard.step is WizardStep.REVIEW_SEQUENCES
    with pytest.raises(
        WorkflowError,
        match="cannot next_region at step review_sequences; allowed moves: confirm_review",
    ):
        wizard.next_region()

    wizard.confirm_review()
    whole = wizard.guidance()
    assert whole.region == {
        "key": "whole_tumor",
        "name": "Whole tumor region",
        "reference_sequence": "FLAIR",
        "color_rgb": [1.0, 1.0, 0.0],
        "required": True,
        "label_value": 1,
    }
    rules = dict(whole.rules)
    assert set(rules) >= {
        "R-SEG-1",
        "R-ANN-2",
        "R-ANN-3",
        "R-ANN-5",
        "R-ANN-6",
        "R-ANN-7",
        "R-ANN-8",
    }
    assert "sulci" in rules["R-ANN-2"]
    zh = dict(wizard.guidance("zh").rules)
    assert "脑沟" in zh["R-ANN-2"] and wizard.guidance("zh").region["name"] == "全肿瘤区域"
    assert _draw_all(wizard) == [
        ("whole_tumor", "FLAIR"),
        ("tumor_body", "T2"),
        ("enhancing", "T1C"),
        ("non_enhancing", "T1C"),
    ]
    assert wizard.step is WizardStep.SELF_CHECK

    wizard.run_self_check(masks_from_scene(loaded))
    assert wizard.step is WizardStep.CONFIRM_CHECKLIST
    assert [i["key"] for i in wizard.checklist()] == list(CHECKLIST)  # enhancing is drawn
    with pytest.raises(WorkflowError, match="still open: no_sulci_or_ventricles"):
        wizard.finish_checklist()
    _confirm_all(wizard, "dr_wang")
    wizard.finish_checklist()
    version = wizard.save(loaded=loaded, runtime=mrml_runtime)

    assert wizard.step is WizardStep.DONE and wizard.allowed_moves() == ()
    assert version.version == 2 and version.parent == 1 and version.annotator == "dr_wang"
    report = json.loads((case.root / REPORT_FILE).read_text())
    assert report["annotation_version"] == 2 and not report["blocking"]
    assert sorted(report["confirmations"]["checklist"]) == sorted(CHECKLIST)
    record = json.loads((case.root / SESSION_FILE).read_text())
    assert record["saved_version"] == 2 and record["step"] == "done"
    assert record["confirmations"]["review_sequences"]["by"] == "dr_wang"
    assert all(e["by"] and e["at"] for e in record["events"])
    assert [e["move"] for e in record["events"]][:3] == ["start", "confirm_review", "next_region"]
    assert (case.root / "wizard_sessions" / "v0002.json").is_file()
    saved = region_masks(load_case(case.root), 2, runtime=mrml_runtime)
    original = region_masks(load_case(case.root), 1, runtime=mrml_runtime)
    for key in case.schema.keys:
        assert np.array_equal(
            sitk.GetArrayFromImage(saved[key]), sitk.GetArrayFromImage(original[key])
        )


@pytest.mark.slow
def test_a_selfcheck_error_sends_the_annotator_back_and_no_enhancement_becomes_a_checklist_item(
    small_annotated_case, mrml_runtime
) -> None:
    """An empty required whole tumor -> back to draw it; an empty enhancing region is not sent
    back but asks for the R-ANN-4 "no enhancement" confirmation, passed into the self-check."""
    case = small_annotated_case
    loaded = load_case_into_scene(case, mrml_runtime)
    wizard = AnnotationWizard.start(case, "dr_zhao")
    wizard.confirm_review()
    _draw_all(wizard)
    _clear(loaded, "enhancing")
    saved_whole = masks_from_scene(loaded)["whole_tumor"]
    _clear(loaded, "whole_tumor")
    findings = wizard.run_self_check(masks_from_scene(loaded))

    assert any(f.rule == "R-ANN-4" and f.region == "whole_tumor" for f in findings)
    assert wizard.step is WizardStep.DRAW and wizard.region == "whole_tumor"
    assert [b["region"] for b in wizard.record["last_selfcheck"]["blocking"]] == ["whole_tumor"]

    node = loaded.segmentation_for("whole_tumor")
    set_segment_mask(
        node, node.GetSegmentation().GetSegmentIdBySegmentName("whole_tumor"), saved_whole
    )
    wizard.finish_drawing()
    wizard.run_self_check(masks_from_scene(loaded))
    assert wizard.step is WizardStep.CONFIRM_CHECKLIST
    _confirm_all(wizard, "dr_zhao")
    assert wizard.open_items() == ["no_enhancement"]
    with pytest.raises(WorkflowError, match="still open: no_enhancement"):
        wizard.finish_checklist()
    wizard.confirm_no_enhancement("dr_zhao")
    wizard.finish_checklist()
    version = wizard.save(loaded=loaded, runtime=mrml_runtime)

    assert wizard.step is WizardStep.DONE
    report = json.loads((case.root / REPORT_FILE).read_text())
    assert report["annotation_version"] == version.version and not report["blocking"]
    assert report["confirmations"]["no_enhancement"] is True
    assert any(
        f["rule"] == "R-ANN-4"
        and f["severity"] == "info"
        and "no enhancement confirmed" in f["message"]
        for f in report["findings"]
    )


def test_a_session_resumes_where_it_stopped_and_is_not_silently_discarded(
    small_annotated_case,
) -> None:
    wizard = AnnotationWizard.start(small_annotated_case, "dr_wang")
    wizard.confirm_review()
    wizard.next_region()
    resumed = AnnotationWizard.resume(small_annotated_case.root)
    assert resumed.step is WizardStep.DRAW and resumed.region == "tumor_body"
    with pytest.raises(WorkflowError, match="unfinished wizard session of dr_wang"):
        AnnotationWizard.start(small_annotated_case.root, "dr_li")
    with pytest.raises(WorkflowError, match=r"cannot save at step draw \(region tumor_body\)"):
        resumed.save({})
    restarted = AnnotationWizard.start(small_annotated_case.root, "dr_li", restart=True)
    assert restarted.step is WizardStep.REVIEW_SEQUENCES and restarted.annotator == "dr_li"
    state = restarted.state("zh")
    assert (
        state["allowed_moves"] == ["confirm_review"]
        and state["guidance"]["title"] == "浏览全部序列"
    )


@pytest.mark.slow
def test_a_meningioma_without_edema_is_a_checklist_item_not_a_draw_error_R_SEG_7(
    sample_case, tmp_path, mrml_runtime
) -> None:
    """The wizard on a meningeal case of the real volumes whose edema region is left empty."""
    from _case_helpers import PATIENT, SPHERE_RADII_MM, native_volumes, sphere_mask

    from CNSTumorAnnotationLib.case.folder import reference_image
    from CNSTumorAnnotationLib.case.nifti_import import import_case_from_nifti
    from CNSTumorQCLib.sequences import MRSequence

    case = import_case_from_nifti(
        native_volumes(sample_case), tmp_path / PATIENT, PATIENT, "meningeal", register=False
    )
    flair = reference_image(case, MRSequence.FLAIR)
    centre = flair.TransformContinuousIndexToPhysicalPoint([(n - 1) / 2 for n in flair.GetSize()])
    masks = {
        region.key: sphere_mask(
            reference_image(case, region.reference_sequence),
            centre,
            SPHERE_RADII_MM.get(region.key, 1.0),
        )
        for region in case.schema.regions
    }
    masks["edema"] = sitk.Multiply(masks["edema"], 0)
    masks["enhancing"] = sitk.And(masks["enhancing"], sitk.Not(masks["non_enhancing"]))
    wizard = AnnotationWizard.start(case, "dr_chen")
    wizard.confirm_review()
    _draw_all(wizard)
    wizard.run_self_check(masks)

    assert wizard.step is WizardStep.CONFIRM_CHECKLIST  # not sent back to draw the edema
    _confirm_all(wizard, "dr_chen")
    assert wizard.open_items() == ["no_edema"]
    with pytest.raises(WorkflowError, match="still open: no_edema"):
        wizard.finish_checklist()
    wizard.confirm_no_edema("dr_chen")
    wizard.finish_checklist()
    version = wizard.save(masks, runtime=mrml_runtime)

    assert wizard.step is WizardStep.DONE and version.version == 1
    report = json.loads((case.root / REPORT_FILE).read_text())
    assert report["confirmations"]["no_edema"] is True and not report["blocking"]
    record = json.loads((case.root / SESSION_FILE).read_text())
    assert record["confirmations"]["no_edema"]["by"] == "dr_chen"
