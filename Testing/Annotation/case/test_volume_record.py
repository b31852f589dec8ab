"""Case volumes recorded at import: checksum and grid reused only while a volume is unchanged.

R-FMT-2: the manifest ties every exported file to its source volume's checksum; a volume
changed after import must be re-hashed (and re-read for its grid), never trusted from the record.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import SimpleITK as sitk
from _export_helpers import build_case, cropped_volumes

from CNSTumorAnnotationLib.case.folder import load_case, recorded_volume, reference_grid
from CNSTumorAnnotationLib.case.volume_record import HASHED, RECORD_KEY, RECORDED, read_grid
from CNSTumorAnnotationLib.export.case_export import export_case
from CNSTumorQCLib.atomic import sha256_file
from CNSTumorQCLib.sequences import MRSequence

pytestmark = pytest.mark.mrml


@pytest.fixture
def recorded_case(tmp_path: Path) -> Any:
    volumes = cropped_volumes(tmp_path / "volumes", (40, 40, 6))
    return build_case(tmp_path / "case", volumes=volumes)


def _image_sources(manifest_path: Path) -> dict[str, dict[str, Any]]:
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    return {
        source["sequence"]: source
        for entry in manifest["files"]
        for source in entry["sources"]
        if source["kind"] == "image"
    }


def _same_grid(a: sitk.Image, b: sitk.Image) -> bool:
    return (
        a.GetSize() == b.GetSize()
        and a.GetOrigin() == b.GetOrigin()
        and a.GetSpacing() == b.GetSpacing()
        and a.GetDirection() == b.GetDirection()
    )


def _rewrite(volume: Path, image: sitk.Image) -> None:
    """Change a case volume behind the software's back (the user's own doing)."""
    volume.chmod(stat.S_IRUSR | stat.S_IWUSR)
    sitk.WriteImage(image, str(volume), True)


def test_case_import_records_each_volumes_checksum_and_grid_and_makes_it_read_only(
    recorded_case: Any,
) -> None:
    for sequence, volume in recorded_case.volumes.items():
        record = recorded_volume(recorded_case, sequence)
        assert record is not None
        assert record["sha256"] == sha256_file(volume)
        assert record["bytes"] == volume.stat().st_size
        assert _same_grid(reference_grid(recorded_case, sequence), read_grid(volume))
        assert not volume.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


@pytest.mark.slow
def test_an_export_of_unchanged_volumes_uses_the_recorded_checksums_R_FMT_2(
    recorded_case: Any, tmp_path: Path
) -> None:
    result = export_case(recorded_case.root, tmp_path / "out", "nifti")
    sources = _image_sources(result.manifest_path)
    assert sources
    for name, source in sources.items():
        volume = recorded_case.volumes[MRSequence(name)]
        assert source["sha256"] == sha256_file(volume)
        assert source["sha256_basis"] == RECORDED


@pytest.mark.slow
def test_a_volume_changed_after_import_is_rehashed_and_its_grid_reread_R_FMT_2(
    recorded_case: Any, tmp_path: Path
) -> None:
    flair = recorded_case.volumes[MRSequence.FLAIR]
    image = sitk.ReadImage(str(flair))
    image.SetOrigin([value + 1.5 for value in image.GetOrigin()])
    _rewrite(flair, image)
    case = load_case(recorded_case.root)
    assert not _same_grid(
        reference_grid(case, MRSequence.FLAIR),
        _grid_from_record(recorded_volume(case, MRSequence.FLAIR)),
    )
    assert _same_grid(reference_grid(case, MRSequence.FLAIR), read_grid(flair))
    result = export_case(case.root, tmp_path / "out", "nifti")
    sources = _image_sources(result.manifest_path)
    assert sources["FLAIR"]["sha256"] == sha256_file(flair)
    assert sources["FLAIR"]["sha256"] != recorded_volume(case, MRSequence.FLAIR)["sha256"]
    assert sources["FLAIR"]["sha256_basis"] == HASHED
    assert sources["T1C"]["sha256_basis"] == RECORDED


@pytest.mark.slow
def test_a_same_size_change_with_a_new_modification_time_is_rehashed(
    recorded_case: Any, tmp_path: Path
) -> None:
    t2 = recorded_case.volumes[MRSequence.T2]
    record = recorded_volume(recorded_case, MRSequence.T2)
    os.utime(t2, ns=(record["mtime_ns"] + 10**9, record["mtime_ns"] + 10**9))
    result = export_case(recorded_case.root, tmp_path / "out", "nifti")
    assert _image_sources(result.manifest_path)["T2"]["sha256_basis"] == HASHED


@pytest.mark.slow
def test_a_case_without_volume_records_exports_the_same_masks_with_computed_checksums(
    recorded_case: Any, tmp_path: Path
) -> None:
    recorded = export_case(recorded_case.root, tmp_path / "recorded", "nifti")
    case_file = recorded_case.root / "case.json"
    payload = json.loads(case_file.read_text(encoding="utf-8"))
    for entry in payload["sequences"].values():
        entry.pop(RECORD_KEY)
    case_file.write_text(json.dumps(payload), encoding="utf-8")
    older = export_case(recorded_case.root, tmp_path / "older", "nifti")
    for a, b in zip(recorded.entries, older.entries, strict=True):
        assert a.path.split("/", 1)[1] == b.path.split("/", 1)[1]
        if a.format == "nifti":  # the other file is the preview page
            assert np.array_equal(
                sitk.GetArrayFromImage(sitk.ReadImage(str(recorded.case_folder.parent / a.path))),
                sitk.GetArrayFromImage(sitk.ReadImage(str(older.case_folder.parent / b.path))),
            )
        assert [s.sha256 for s in a.sources] == [s.sha256 for s in b.sources]
    assert {s.sha256_basis for e in older.entries for s in e.sources if s.kind == "image"} == {
        HASHED
    }


def _grid_from_record(record: Any) -> sitk.Image:
    grid = sitk.Image([int(v) for v in record["size"]], sitk.sitkUInt8)
    grid.SetOrigin(record["origin"])
    grid.SetSpacing(record["spacing"])
    grid.SetDirection(record["direction"])
    return grid
