"""The annotation wizard in Chinese: guidance, the self-check, the checklist and refusals.

On ``small_annotated_case`` (the bundled case's real native volumes, synthetic spheres) with
the enhancing region erased (a real edit): the same session is read in English and in Chinese.
The checklist keeps its keys and rule IDs (the machine's identifiers, recorded in
``wizard_session.json``); only the words for people change (R-ANN-1..9 guidance, the R-ANN-2/3/
7/9 checklist, R-ANN-4 "no enhancement").
"""

from __future__ import annotations

from typing import Any

import pytest
import SimpleITK as sitk
from _page_language import CJK, ENGLISH_RUN

from CNSTumorAnnotationLib.case.folder import region_masks
from CNSTumorAnnotationLib.i18n import language, using_language
from CNSTumorAnnotationLib.selfcheck.params import CHECKLIST
from CNSTumorAnnotationLib.wizard.machine import NO_ENHANCEMENT, AnnotationWizard, WizardStep
from CNSTumorAnnotationLib.wizard.review import jump_targets
from CNSTumorQCLib.errors import InvalidInputError, WorkflowError

pytestmark = pytest.mark.mrml


def _chinese(text: str) -> bool:
    return bool(CJK.search(text)) and not ENGLISH_RUN.search(text)


@pytest.mark.slow
def test_the_wizard_guides_checks_and_lists_the_checklist_in_chinese_with_the_same_ids(
    small_annotated_case: Any, mrml_runtime: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CNSTUMOR_LANG", raising=False)
    case = small_annotated_case
    wizard = AnnotationWizard.start(case, "dr.li")
    review = wizard.state("zh")
    assert review["step"] == "review_sequences" and review["guidance"]["title"] == "浏览全部序列"
    assert [r["rule"] for r in review["guidance"]["rules"]] == ["R-ANN-1", "R-ANN-7", "R-ANN-8"]
    assert all(_chinese(r["text"]) for r in review["guidance"]["rules"])

    wizard.confirm_review()
    english, chinese = wizard.guidance("en"), wizard.guidance("zh")
    assert english.title == "Draw: Whole tumor region (FLAIR)"
    assert chinese.title == "勾画：全肿瘤区域（FLAIR）"
    assert [rule for rule, _ in chinese.rules] == [rule for rule, _ in english.rules]
    assert all(_chinese(text) for _, text in chinese.rules)
    assert not any(CJK.search(text) for _, text in english.rules)

    masks = region_masks(case, runtime=mrml_runtime)
    masks["enhancing"] = sitk.Multiply(masks["enhancing"], 0)  # no definite enhancement
    wizard.finish_drawing()
    with using_language("zh"):
        findings = wizard.run_self_check(masks)
        targets = [target.label() for target in jump_targets(list(findings))]
    assert language() == "en"  # the choice ended with the block
    assert wizard.step is WizardStep.CONFIRM_CHECKLIST  # R-ANN-4 waits for its checklist item
    assert findings and all(_chinese(f.message) for f in findings)
    assert targets and all(label.startswith("[") and CJK.search(label) for label in targets)

    zh_items = wizard.state("zh")["checklist"]
    en_items = wizard.state("en")["checklist"]
    keys = [*CHECKLIST, NO_ENHANCEMENT]
    assert [i["key"] for i in zh_items] == [i["key"] for i in en_items] == keys
    assert [i["rule"] for i in zh_items] == [i["rule"] for i in en_items]
    assert all(_chinese(i["text"]) for i in zh_items)
    assert [i["text"] for i in en_items][: len(CHECKLIST)] == [t for _r, t in CHECKLIST.values()]
    assert "无明确强化" in zh_items[-1]["text"]

    with using_language("zh"), pytest.raises(InvalidInputError) as unknown:
        wizard.confirm_item("no_such_item")
    assert "未知的核查清单项" in str(unknown.value) and "no_sulci_or_ventricles" in str(
        unknown.value
    )
    wizard.confirm_item("no_sulci_or_ventricles", "dr.li")
    with using_language("zh"), pytest.raises(WorkflowError) as still_open:
        wizard.finish_checklist()
    assert "尚未确认" in str(still_open.value) and NO_ENHANCEMENT in str(still_open.value)
    with pytest.raises(WorkflowError, match="still open"):
        wizard.finish_checklist()
