"""The agreement report in Chinese and English (R-PPL-2, R-HMI-1), on real annotations.

Three of the bundled case's BraTS algorithm label maps (real segmentations of TCGA-FG-6692)
and its FLAIR, cut to the tumour's box to keep the test quick, are compared once per language
through ``label_maps_agreement`` (tables, STAPLE, Bland-Altman, the disagreement pictures). In
Chinese every word a person reads is Chinese, in the page and in its figures; the numbers are
those of the English page, and the English page is what it was.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import SimpleITK as sitk
from _page_language import CJK, Page

from CNSTumorAnnotationLib.agreement.bundled import label_maps_agreement
from CNSTumorAnnotationLib.i18n import using_language

RATERS = ("isen-20", "scan-20", "sanet0-20")
#: File names are input, not words: left out of the language checks (the glossary is checked).
SHARED_SECTIONS = ("file",)


@pytest.fixture(scope="module")
def pages(sample_case: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    tmp = tmp_path_factory.mktemp("agreement")
    images = {
        n: sitk.ReadImage(str(sample_case / "reference_labels" / f"{n}.nii.gz")) for n in RATERS
    }
    union = np.any([sitk.GetArrayViewFromImage(i) > 0 for i in images.values()], axis=0)
    z, y, x = np.nonzero(union)
    start = [max(0, int(a.min()) - 4) for a in (x, y, z)]
    size = [int(a.max()) + 5 - s for a, s in zip((x, y, z), start, strict=True)]
    maps = {}
    for name, image in images.items():
        maps[name] = tmp / f"{name}.nii.gz"
        sitk.WriteImage(sitk.RegionOfInterest(image, size, start), str(maps[name]))
    flair = sitk.ReadImage(str(sample_case / "sri24" / "FLAIR.nii.gz"))
    sitk.WriteImage(sitk.RegionOfInterest(flair, size, start), str(tmp / "FLAIR.nii.gz"))
    written = {}
    for language in ("en", "zh"):
        with using_language(language):
            label_maps_agreement(maps, tmp / language, image=tmp / "FLAIR.nii.gz")
        written[language] = (tmp / language / "agreement.html").read_text(encoding="utf-8")
    return written


@pytest.mark.slow
def test_R_PPL_2_the_agreement_report_in_chinese_has_every_word_in_chinese(
    pages: dict[str, str],
) -> None:
    page = Page(pages["zh"], skipped_classes=SHARED_SECTIONS)
    assert page.lang == "zh-CN" and page.title == "标注者间一致性"
    assert page.texts("h1", "h2") == [
        "标注者间一致性",
        "各标注者对与各区域的 Dice",
        "一致性最差的一对标注者在哪里不一致",
        "体积（mm³）",
        "体积的 Bland-Altman 分析",
        "STAPLE 共识（R-HMI-1）",
        "whole_tumor（标签 [1, 2, 4]）",
        "tumor_core（标签 [1, 4]）",
        "enhancing（标签 [4]）",
        "各项指标的含义",  # the glossary
    ]
    assert page.texts("h3")[0].startswith("whole_tumor：共识体积 ")
    headers = page.texts("th")
    assert headers[: 1 + len(RATERS)] == ["区域", *RATERS]  # the volume table
    assert ["标注者", "敏感度", "特异度"] == headers[4:7]  # STAPLE, per region
    pair = ["标注者 A", "标注者 B", "Dice", "Jaccard", "HD95 mm", "ASSD mm", "NSD", "体积相似度"]
    assert headers[-13:-5] == pair
    assert headers[-5:] == ["病灶级 Dice", "病灶级 HD95 mm", "病灶级 F1", "Dice 分级", "HD95 分级"]
    assert {"优秀", "良好"} & set(page.texts("td"))  # the bands, as people read them
    captions = "\n".join(page.texts("figcaption"))
    assert captions.count("差异最大的第") == 3  # one picture per region
    assert "仅 isen-20 ·" in captions and "两者 · 患者右侧在图像左侧" in captions
    figures = set(page.figure_texts)
    assert {"各标注者对与各区域的 Dice", "体积的 Bland-Altman 分析", "平均体积（mm³）"} <= figures
    assert "isen-20 与 scan-20" in figures
    assert any(t.startswith("whole_tumor\n偏倚 ") or "95% 一致性界限" in t for t in figures)
    assert not page.english_left()


@pytest.mark.slow
def test_the_chinese_agreement_report_shows_the_numbers_of_the_english_one(
    pages: dict[str, str],
) -> None:
    english = Page(pages["en"], skipped_classes=SHARED_SECTIONS)
    chinese = Page(pages["zh"], skipped_classes=SHARED_SECTIONS)
    assert sorted(chinese.numbers()) == sorted(english.numbers())
    assert len(english.numbers()) > 150  # every metric of every pair and region


@pytest.mark.slow
def test_the_english_agreement_report_keeps_its_words(pages: dict[str, str]) -> None:
    page = Page(pages["en"], skipped_classes=SHARED_SECTIONS)
    assert page.lang == "en" and not CJK.search(pages["en"])
    assert page.texts("h1", "h2")[:3] == [
        "Inter-annotator agreement",
        "Dice per pair and region",
        "Where the least-agreeing pair disagrees",
    ]
    assert "whole_tumor (labels [1, 2, 4])" in page.texts("h2")
    assert page.texts("th")[-5:] == ["LW Dice", "LW HD95 mm", "LW F1", "Dice band", "HD95 band"]
    assert "patient's right on the left" in page.text
    assert "Dice per rater pair and region" in page.figure_texts
