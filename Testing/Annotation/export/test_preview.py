"""``<case>/preview.html`` (R-FMT-2): the exported label maps read back from the written files,
drawn on the slice through the largest lesion, counted, and listed in the manifest."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import nibabel as nib
import numpy as np
import pytest
import SimpleITK as sitk
from _export_helpers import build_case, cropped_volumes, drawn_masks

from CNSTumorAnnotationLib.export.case_export import ExportResult, export_case
from CNSTumorAnnotationLib.export.preview import PREVIEW_NAME, tile_slices
from CNSTumorAnnotationLib.export.staging import STAGING_MARK
from CNSTumorQCLib.atomic import sha256_file
from CNSTumorQCLib.pictures import largest_component_slice, radiological

pytestmark = pytest.mark.mrml


class _Rows(HTMLParser):
    """The legend rows of the page: ``(file, value, voxels)`` per ``<tr data-file>``."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict[str, Any]] = []
        self._cell: str | None = None
        self.images = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "tr" and "data-file" in named:
            self.rows.append({"file": named["data-file"], "value": int(named["data-value"] or 0)})
        elif tag == "td" and "voxels" in (named.get("class") or ""):
            self._cell = "voxels"
        elif tag == "img" and (named.get("src") or "").startswith("data:image/png;base64,"):
            self.images += 1

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self.rows[-1][self._cell] = int(data)
            self._cell = None


def _rows(page: Path) -> _Rows:
    parser = _Rows()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def preview_case(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("preview_case")
    return build_case(root / "case", volumes=cropped_volumes(root / "volumes", (96, 96, 12)))


@pytest.fixture(scope="module")
def exported(preview_case: Any, tmp_path_factory: pytest.TempPathFactory) -> ExportResult:
    return export_case(preview_case.root, tmp_path_factory.mktemp("out"), "nifti,brats,nnunet")


@pytest.mark.slow
def test_the_preview_is_written_and_listed_in_the_manifest_with_its_checksum(
    exported: ExportResult,
) -> None:
    """R-FMT-2: listed like every other file, with a matching SHA-256."""
    page = exported.case_folder / PREVIEW_NAME
    assert page.is_file()
    manifest = json.loads(exported.manifest_path.read_text(encoding="utf-8"))
    listed = {item["path"]: item for item in manifest["files"]}
    item = listed[f"{exported.case_folder.name}/{PREVIEW_NAME}"]
    assert item["sha256"] == sha256_file(page)
    assert item["format"] == "preview"
    kinds = [s["kind"] for s in item["sources"]]
    assert kinds == ["image", "annotation"] * 3  # each reference sequence: volume, annotation
    assert exported.files("preview") == [page]


@pytest.mark.slow
def test_every_number_equals_the_voxel_count_of_the_exported_file_it_names(
    exported: ExportResult,
) -> None:
    """Region files count their non-zero voxels; combined maps count each value."""
    parsed = _rows(exported.case_folder / PREVIEW_NAME)
    root = exported.manifest_path.parent.parent
    written = {p.relative_to(root).as_posix() for p in exported.files()}
    region_files = {e.path for e in exported.entries if e.format == "nifti"} - {
        e.path for e in exported.entries if e.content == "labels"
    }
    # four region files; the NIfTI and nnU-Net maps' four values, BraTS' three
    assert len(parsed.rows) == 4 + 4 + 4 + 3
    for row in parsed.rows:
        assert row["file"] in written, row  # the final path, never the staging folder's
        assert STAGING_MARK not in row["file"]
        array = np.asarray(nib.load(str(root / row["file"])).dataobj)
        expected = (
            np.count_nonzero(array)
            if row["file"] in region_files
            else (array == row["value"]).sum()
        )
        assert row["voxels"] == int(expected), row
        assert row["voxels"] > 0, row  # the nested spheres leave every value some voxels
    # one picture per reference sequence, the NIfTI combined map, BraTS and nnU-Net
    assert parsed.images == 3 + 1 + 2


@pytest.mark.slow
def test_the_brats_rows_count_the_brats_values_not_the_consensus_ones(
    exported: ExportResult,
) -> None:
    """BraTS 2023: ET 3, SNFH 2, NETC 1, as in the file; ET equals consensus enhancing (4)."""
    parsed = _rows(exported.case_folder / PREVIEW_NAME)
    brats = {r["value"]: r["voxels"] for r in parsed.rows if r["file"].startswith("brats2023/")}
    nnunet = {r["value"]: r["voxels"] for r in parsed.rows if r["file"].startswith("nnunet/")}
    assert set(brats) == {1, 2, 3}
    assert brats[3] == nnunet[4] and brats[2] == nnunet[1]
    assert brats[1] == nnunet[2] + nnunet[3]  # tumor body and non-enhancing both become NETC


@pytest.mark.slow
def test_a_seg_nrrd_only_export_is_previewed_from_its_seg_nrrd_files(
    preview_case: Any, tmp_path: Path
) -> None:
    """Without NIfTI, the per-sequence pictures read the written .seg.nrrd back."""
    result = export_case(preview_case.root, tmp_path, "seg-nrrd")
    parsed = _rows(result.case_folder / PREVIEW_NAME)
    masks = drawn_masks(preview_case)
    counts = {int(np.count_nonzero(sitk.GetArrayViewFromImage(m))) for m in masks.values()}
    assert {r["voxels"] for r in parsed.rows} == counts
    assert all(r["file"].endswith(".seg.nrrd") for r in parsed.rows)
    assert parsed.images == 3


@pytest.mark.slow
def test_the_pictures_show_the_largest_lesion_and_a_level_either_side(
    exported: ExportResult,
) -> None:
    """The displayed slices are the largest component's centre and about 5 mm either side."""
    labels = sitk.ReadImage(
        str(next(p for p in exported.files("nifti") if p.name.endswith("_labels.nii.gz")))
    )
    slices = tile_slices(labels)
    centre = largest_component_slice(labels)
    step = max(1, round(5.0 / radiological(labels).GetSpacing()[2]))
    assert slices == [centre - step, centre, centre + step]
    page = (exported.case_folder / PREVIEW_NAME).read_text(encoding="utf-8")
    assert re.search(rf"slices {centre - step + 1}, {centre + 1}, {centre + step + 1} of", page)
    assert "R on the left" in page


@pytest.mark.slow
def test_the_preview_shows_what_the_files_hold_not_what_the_exporter_meant_to_write(
    preview_case: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A NIfTI writer that loses every voxel gives a preview of empty regions."""
    from CNSTumorAnnotationLib.export import nifti

    monkeypatch.setattr(nifti, "_as_uint8", lambda mask: sitk.Cast(mask * 0, sitk.sitkUInt8))
    result = export_case(preview_case.root, tmp_path, "nifti")
    parsed = _rows(result.case_folder / PREVIEW_NAME)
    region_rows = [r for r in parsed.rows if not r["file"].endswith("_labels.nii.gz")]
    assert len(region_rows) == 4 and all(r["voxels"] == 0 for r in region_rows)
    assert "no labelled voxel in these files" in (result.case_folder / PREVIEW_NAME).read_text()


@pytest.mark.slow
def test_a_dicom_seg_only_export_says_its_files_are_not_drawn(
    preview_case: Any, tmp_path: Path
) -> None:
    """DICOM SEG is not read back: the page says so instead of showing nothing silently."""
    from CNSTumorAnnotationLib.export.preview import NOTHING_DRAWN

    result = export_case(preview_case.root, tmp_path, "dicom-seg")
    page = result.case_folder / PREVIEW_NAME
    parsed = _rows(page)
    assert parsed.rows == [] and parsed.images == 0
    assert NOTHING_DRAWN in page.read_text(encoding="utf-8")


@pytest.mark.slow
def test_no_preview_writes_none_and_lists_none(
    preview_case: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--no-preview`` (a large batch's choice) skips the page; the manifest records it."""
    from CNSTumorAnnotationLib.cli.app import main

    status = main(["export", str(preview_case.root), "--out", str(tmp_path), "--format", "nifti",
                   "--include-unapproved", "--no-preview", "--no-progress"])  # fmt: skip
    assert status == 0, capsys.readouterr().err
    case_folder = tmp_path / str(preview_case.case_id)
    assert not (case_folder / PREVIEW_NAME).exists()
    manifest = json.loads((case_folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["provenance"]["parameters"]["preview"] is False
    assert all(item["format"] != "preview" for item in manifest["files"])
