"""The self-check in Chinese (``cnstumor --lang zh selfcheck``): findings, summary, HTML report.

On ``small_annotated_case`` (the bundled case's real native volumes, synthetic nested spheres)
with real edits saved as a new version: a slice cut out of the whole tumor (R-ANN-9, blocking),
a stray brush click (R-ANN-7 speck) and the enhancing region erased (R-ANN-4). The same version
is checked in English and in Chinese: the machine-readable parts (rule IDs, severities, regions,
lesions, slices, checklist keys) are identical; every sentence for people is Chinese, and the
HTML report declares ``lang='zh-CN'`` and leaves no English sentence in its visible text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import SimpleITK as sitk
from _page_language import CJK, ENGLISH_RUN, Page

from CNSTumorAnnotationLib.case.folder import region_masks, save_annotation_version
from CNSTumorAnnotationLib.cli.app import main
from CNSTumorAnnotationLib.i18n import using_language
from CNSTumorAnnotationLib.selfcheck.case_check import REPORT_FILE, format_report, run_selfcheck
from CNSTumorAnnotationLib.selfcheck.params import CHECKLIST, Confirmations, checklist_items
from CNSTumorAnnotationLib.selfcheck.report_html import REPORT_HTML

pytestmark = pytest.mark.mrml


def _with_real_edits(case: Any, runtime: Any) -> int:
    """A new version: a whole-tumor slice cut out, a speck added, the enhancing region erased."""
    masks = region_masks(case, runtime=runtime)
    whole = sitk.GetArrayFromImage(masks["whole_tumor"]).astype(np.uint8)
    slices = np.nonzero(whole.any(axis=(1, 2)))[0]
    whole[int(slices[len(slices) // 2])] = 0  # R-ANN-9: a skipped interior slice
    whole[int(slices[0]), 4, 4] = 1  # R-ANN-7: one stray voxel in a corner
    edited = sitk.GetImageFromArray(whole)
    edited.CopyInformation(masks["whole_tumor"])
    masks["whole_tumor"] = edited
    masks["enhancing"] = sitk.Multiply(masks["enhancing"], 0)  # R-ANN-4
    return save_annotation_version(case, masks, "dr.li", runtime=runtime).version


def _located(findings: Any) -> list[tuple[Any, ...]]:
    return [(f.rule, f.severity.value, f.region, f.lesion, f.slice_index) for f in findings]


@pytest.fixture
def edited_case(small_annotated_case: Any, mrml_runtime: Any, monkeypatch: Any) -> Any:
    monkeypatch.delenv("CNSTUMOR_LANG", raising=False)
    _with_real_edits(small_annotated_case, mrml_runtime)
    return small_annotated_case


@pytest.mark.slow
def test_the_findings_speak_chinese_and_keep_their_rule_ids_R_ANN_4_7_9(
    edited_case: Any, mrml_runtime: Any
) -> None:
    english = run_selfcheck(edited_case.root, runtime=mrml_runtime)
    with using_language("zh"):
        chinese = run_selfcheck(edited_case.root, runtime=mrml_runtime)
        summary = format_report(chinese)
        items = checklist_items(Confirmations())

    assert {f.rule for f in english.findings} >= {"R-ANN-4", "R-ANN-7", "R-ANN-9"}
    assert _located(chinese.findings) == _located(english.findings)
    assert [lesion.to_dict() for lesion in chinese.lesions] == [
        lesion.to_dict() for lesion in english.lesions
    ]
    for en, zh in zip(english.findings, chinese.findings, strict=True):
        assert not CJK.search(en.message), en.message
        assert CJK.search(zh.message) and not ENGLISH_RUN.search(zh.message), zh.message
        assert zh.details == en.details or zh.rule == "R-ANN-8"
    skipped = next(f for f in chinese.findings if f.rule == "R-ANN-9" and f.severity.blocking)
    assert "whole_tumor #1" in skipped.message and "遗漏了层面" in skipped.message
    speck = next(f for f in chinese.findings if f.rule == "R-ANN-7")
    assert "小斑点" in speck.message
    empty = next(f for f in chinese.findings if f.rule == "R-ANN-4" and f.region == "enhancing")
    assert "强化区" in empty.message and "无强化" in empty.message

    # the terminal summary: Chinese sentences around identifiers that stay as they are
    assert "阻断：提交前请修正错误" in summary and "检查结果：" in summary
    assert "病灶（质心为 RAS 坐标" in summary and "需人工确认：" in summary
    assert "R-ANN-9" in summary and "whole_tumor #1" in summary
    for line in summary.splitlines():
        assert not ENGLISH_RUN.search(line), line
    # the checklist: the same keys and rules, the texts in Chinese
    assert [(i["key"], i["rule"]) for i in items] == [(k, r) for k, (r, _t) in CHECKLIST.items()]
    for item in items:
        assert CJK.search(item["text"]) and f"{item['rule']} {item['key']}" in summary


def _cli(*args: str) -> int:
    """``cnstumor ARGS`` in-process; its language choice ends with the call."""
    with using_language(None):
        return main(list(args))


@pytest.mark.slow
def test_cnstumor_lang_zh_selfcheck_writes_a_chinese_report_and_english_stays_english(
    edited_case: Any, capsys: Any
) -> None:
    root = Path(edited_case.root)
    assert _cli("--lang", "zh", "selfcheck", str(root)) == 1
    printed = capsys.readouterr().out
    chinese = json.loads((root / REPORT_FILE).read_text(encoding="utf-8"))
    page = Page((root / REPORT_HTML).read_text(encoding="utf-8"))

    assert f"病例 {edited_case.case_id} 标注版本 2 的自检" in printed
    assert all(CJK.search(f["message"]) for f in chinese["findings"])
    assert page.lang == "zh-CN" and page.title == f"自检 {edited_case.case_id} v2"
    headings = page.texts("h1", "h2")
    assert headings[0] == f"病例 {edited_case.case_id} 标注版本 2 的自检"
    assert {"概览", "检查结果", "病灶（R-ANN-7）", "各项指标的含义"} <= set(headings)
    assert page.texts("th")[1:5] == ["严重程度", "规则", "检查结果", "图像"]
    assert "阻断：提交前请修正错误" in page.text and "错误" in page.texts("td")
    assert page.english_left() == []

    assert _cli("selfcheck", str(root)) == 1
    english = json.loads((root / REPORT_FILE).read_text(encoding="utf-8"))
    page = Page((root / REPORT_HTML).read_text(encoding="utf-8"))
    assert [
        (f["rule"], f["severity"], f["region"], f["slice_index"]) for f in english["findings"]
    ] == [(f["rule"], f["severity"], f["region"], f["slice_index"]) for f in chinese["findings"]]
    assert [c["key"] for c in english["checklist"]] == [c["key"] for c in chinese["checklist"]]
    assert not CJK.search(json.dumps([f["message"] for f in english["findings"]]))
    assert page.lang == "en" and not CJK.search(page.text)
    assert {"Overview", "Findings", "Lesions (R-ANN-7)", "What the numbers mean"} <= set(
        page.texts("h1", "h2")
    )
    assert "BLOCKED: fix the errors before submitting" in capsys.readouterr().out
