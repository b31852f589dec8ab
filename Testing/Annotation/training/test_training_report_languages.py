"""The training-phase calibration report in Chinese and English (R-PPL-2, R-PPL-4).

Two "teams" whose label maps are the bundled case's real BraTS algorithm segmentations
(TCGA-FG-6692) are assessed and reported once per language. They fall short of "excellent"
(HD95 of the whole tumour, volume ICC, grade kappa), so the page carries every sentence it can
say. In Chinese every word a person reads is Chinese, in the page and its figures; the numbers
are those of the English page, and the English page is what it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _page_language import CJK, Page

from CNSTumorAnnotationLib.i18n import using_language
from CNSTumorAnnotationLib.training import calibration as training
from CNSTumorAnnotationLib.training.report_html import write_training_report_html

#: File names are input, not words: left out of the language checks (the glossary is checked).
SHARED_SECTIONS = ("file",)


def _cases(sample_case: Path) -> list[training.CalibrationCase]:
    labels = sample_case / "reference_labels"
    pairs = [("hnfnetv1-20", "isen-20", 3), ("sanet0-20", "scan-20", 2)]
    return [
        training.CalibrationCase(
            f"cal-{number}",
            {"A": labels / f"{a}.nii.gz", "B": labels / f"{b}.nii.gz"},
            {"A": 3, "B": grade_b},
        )
        for number, (a, b, grade_b) in enumerate(pairs, start=1)
    ]


@pytest.fixture(scope="module")
def reports(
    sample_case: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[training.CalibrationReport, str]]:
    tmp = tmp_path_factory.mktemp("training")
    out = {}
    for language in ("en", "zh"):
        with using_language(language):
            report = training.assess_calibration(_cases(sample_case))
            page = write_training_report_html(report, tmp / f"{language}.html")
        out[language] = (report, page.read_text(encoding="utf-8"))
    return out


@pytest.mark.slow
def test_R_PPL_4_the_training_report_in_chinese_has_every_word_in_chinese(
    reports: dict[str, tuple[training.CalibrationReport, str]],
) -> None:
    report, html = reports["zh"]
    assert not report.certified
    page = Page(html, skipped_classes=SHARED_SECTIONS)
    assert page.lang == "zh-CN" and page.title == "培训阶段校准"
    assert page.texts("h1", "h2") == [
        "培训阶段校准：A 组与 B 组",
        "未达标项",
        "各病例与各区域",
        "各区域的体积 ICC(2,1)",
        "体积的 Bland-Altman 分析（A 组 − B 组）",
        "图像质量分级（R-QC-1）",
        "各项指标的含义",  # the glossary
    ]
    assert page.texts("p")[0] == "未获认证：一致性低于优秀（R-PPL-4）"
    assert page.texts("th") == [
        *["病例", "区域", "Dice", "分级", "HD95（mm）", "分级", "体积 A（mm³）", "体积 B（mm³）"],
        *["区域", "ICC", "95% 置信区间", "分级"],
    ]
    shortfalls = page.texts("li")
    assert shortfalls == list(report.shortfalls) and len(shortfalls) >= 3
    assert shortfalls[0].startswith("病例 cal-1，区域 whole_tumor：HD95 ")
    assert "优秀需 ≤ 5.0 mm" in shortfalls[0]
    assert any(s.startswith("区域 enhancing：体积 ICC(2,1) ") for s in shortfalls)
    assert shortfalls[-1].startswith("图像质量分级：加权 kappa ")
    assert {"优秀", "良好", "差"} <= set(page.texts("td"))
    assert page.texts("p")[-1].startswith("二次加权 Cohen kappa：")
    figures = set(page.figure_texts)
    assert {"各病例与各区域的一致性（虚线：优秀）", "Dice（A 组与 B 组）"} <= figures
    assert {"体积的 Bland-Altman 分析", "平均体积（mm³）", "差值 A - B（mm³）"} <= figures
    assert not page.english_left()


@pytest.mark.slow
def test_the_chinese_training_report_shows_the_numbers_of_the_english_one(
    reports: dict[str, tuple[training.CalibrationReport, str]],
) -> None:
    english = Page(reports["en"][1], skipped_classes=SHARED_SECTIONS)
    chinese = Page(reports["zh"][1], skipped_classes=SHARED_SECTIONS)
    assert sorted(chinese.numbers()) == sorted(english.numbers())
    assert len(english.numbers()) > 60
    # the same assessment: only the sentences for people differ
    english_report, chinese_report = reports["en"][0], reports["zh"][0]
    assert chinese_report.results == english_report.results
    assert len(chinese_report.shortfalls) == len(english_report.shortfalls)


@pytest.mark.slow
def test_the_english_training_report_keeps_its_words(
    reports: dict[str, tuple[training.CalibrationReport, str]],
) -> None:
    report, html = reports["en"]
    page = Page(html, skipped_classes=SHARED_SECTIONS)
    assert page.lang == "en" and not CJK.search(html)
    assert page.texts("h1")[0] == "Training-phase calibration: teams A vs B"
    assert page.texts("p")[0] == "NOT certified: agreement below excellent (R-PPL-4)"
    assert page.texts("li")[0].startswith("case cal-1, region whole_tumor: HD95 ")
    assert page.texts("li")[0].endswith("mm is good; excellent needs <= 5.0 mm")
    assert "Agreement per case and region (dashed: excellent)" in page.figure_texts
