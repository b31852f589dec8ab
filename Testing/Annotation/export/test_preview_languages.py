"""The export preview in Chinese and English (R-FMT-2, R-ANN-8).

The bundled case (its real native volumes, cropped; ``_export_helpers``) with one annotation
version is exported as NIfTI, BraTS and nnU-Net once per language. In Chinese every word a
person reads on ``preview.html`` is Chinese (headings, legend headers, captions, notes), the
numbers are those of the English page, file names and region keys stay as they are, and the
English page is what it was. The manifest (read by programs) does not change with the language.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from _export_helpers import build_case, cropped_volumes
from _page_language import CJK, Page

from CNSTumorAnnotationLib.export.case_export import export_case
from CNSTumorAnnotationLib.export.preview import PREVIEW_NAME
from CNSTumorAnnotationLib.i18n import using_language

pytestmark = pytest.mark.mrml


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("preview_languages")
    case = build_case(root / "case", volumes=cropped_volumes(root / "volumes", (96, 96, 12)))
    results = {}
    for language in ("en", "zh"):
        with using_language(language):
            results[language] = export_case(case.root, root / language, "nifti,brats,nnunet")
    return {"case": case, **results}


def _page(exports: dict[str, Any], language: str) -> str:
    return (exports[language].case_folder / PREVIEW_NAME).read_text(encoding="utf-8")


def _annotator(exports: dict[str, Any]) -> str:
    """Who drew the version: the case folder's own words, shown as recorded."""
    return str(exports["case"].annotations[-1].annotator)


@pytest.mark.slow
def test_R_FMT_2_the_export_preview_in_chinese_has_every_word_in_chinese(
    exports: dict[str, Any],
) -> None:
    page = Page(_page(exports, "zh"))
    case_id = str(exports["case"].case_id)
    assert page.lang == "zh-CN" and page.title == f"导出预览 {case_id} v1"
    assert page.texts("h1", "h2") == [
        f"病例 {case_id} 的导出预览",
        "FLAIR：在 FLAIR 上勾画的区域",
        "T2：在 T2 上勾画的区域",
        "T1C：在 T1C 上勾画的区域",
        "FLAIR 上的 NIfTI 合并标签图",
        "BraTS 2023 标签图（叠加于其 FLAIR 图像）",
        "nnU-Net 标签图（叠加于通道 0003，FLAIR）",
    ]
    assert set(page.texts("th")) == {"区域 / 标签", "标签值", "体素数", "体积（mL）", "文件"}
    about, note = page.texts("p")[:2]
    assert about.startswith(f"患者 {exports['case'].patient_id} · 标注版本 v1，标注者 ")
    assert note.startswith("以下每个标签图都是从导出所写的文件") and "1 mL = 1000 mm³" in note
    captions = page.texts("figcaption")
    assert len(captions) == 6
    assert all(c.startswith("第 ") and "图像左侧为患者右侧（R）" in c for c in captions)
    assert "最内层区域优先：每个体素只计一次，计入其最内层区域" in page.texts("p")
    assert not page.english_left(data=[_annotator(exports)])


@pytest.mark.slow
def test_the_chinese_preview_shows_the_numbers_and_files_of_the_english_one(
    exports: dict[str, Any],
) -> None:
    english, chinese = Page(_page(exports, "en")), Page(_page(exports, "zh"))
    assert sorted(chinese.numbers()) == sorted(english.numbers())
    assert len(english.numbers()) > 60  # voxel counts, volumes, label values, slices
    files = [Page(_page(exports, lang), skipped_classes=()).texts("td") for lang in ("en", "zh")]
    assert [t for t in files[0] if t.endswith(".nii.gz")] == [
        t for t in files[1] if t.endswith(".nii.gz")
    ]
    # what programs read is the same whatever the language of the people's page
    manifests = [
        json.loads(exports[lang].manifest_path.read_text(encoding="utf-8")) for lang in ("en", "zh")
    ]
    notes = [[(f["path"], f.get("notes")) for f in m["files"]] for m in manifests]
    assert notes[0] == notes[1]


@pytest.mark.slow
def test_the_english_preview_keeps_its_words(exports: dict[str, Any]) -> None:
    html = _page(exports, "en")
    page = Page(html)
    assert page.lang == "en" and not CJK.search(html)
    assert page.texts("h2")[0] == "FLAIR: regions drawn on FLAIR"
    assert page.texts("th")[:5] == [
        "region / label",
        "label value",
        "voxels",
        "volume (mL)",
        "file",
    ]
    assert "&middot; R on the left</figcaption>" in html
    assert "patient's right on the left, anterior up" in html
