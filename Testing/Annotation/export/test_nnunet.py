"""nnU-Net v2 raw data set export checked against nnU-Net's documented conventions
(dataset_format.md, region_based_training.md): layout, names, dataset.json, label values."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import nibabel as nib
import numpy as np
import pytest
from _export_helpers import build_case, cropped_volumes

from CNSTumorAnnotationLib.export.batch import export_batch
from CNSTumorAnnotationLib.export.case_export import export_case
from CNSTumorAnnotationLib.export.context import ExportOptions
from CNSTumorQCLib.errors import InvalidInputError

pytestmark = pytest.mark.mrml

CROP = (64, 64, 8)


@pytest.fixture(scope="module")
def two_cases(tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    root = tmp_path_factory.mktemp("nnunet_cases")
    volumes = cropped_volumes(root / "volumes", CROP)
    return [build_case(root / name, name, volumes=volumes) for name in ("P001", "P002")]


@pytest.fixture(scope="module")
def dataset(two_cases: list[Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("nnunet_out")
    summary = export_batch([c.root for c in two_cases], out, "nnunet", progress=False)
    assert summary.exit_status == 0, summary.failed
    return out / "nnunet" / "Dataset501_CNSTumor"


def check_dataset_json(description: dict[str, Any]) -> None:
    """nnU-Net v2's rules for dataset.json (required keys, consecutive labels, regions)."""
    for key in ("channel_names", "labels", "numTraining", "file_ending"):
        assert key in description, key
    assert list(description["channel_names"]) == [
        str(i) for i in range(len(description["channel_names"]))
    ]
    labels = description["labels"]
    assert labels["background"] == 0
    values = set()
    for name, value in labels.items():
        if name == "background":
            continue
        members = value if isinstance(value, list) else [value]
        assert all(isinstance(v, int) and v > 0 for v in members)
        values |= set(members)
    assert values == set(range(1, max(values) + 1)), "label values must be consecutive"
    if any(isinstance(v, list) and len(v) > 1 for v in labels.values()):  # region-based training
        order = description["regions_class_order"]
        assert len(order) == len(labels) - 1
        assert set(order) <= values


@pytest.mark.slow
def test_the_data_set_has_nnunet_v2_layout_and_names(dataset: Path) -> None:
    assert re.fullmatch(r"Dataset\d{3}_[A-Za-z0-9-]+", dataset.name)
    images = sorted(p.name for p in (dataset / "imagesTr").iterdir())
    assert images == [f"{case}_{c:04d}.nii.gz" for case in ("P001", "P002") for c in range(4)]
    assert sorted(p.name for p in (dataset / "labelsTr").iterdir()) == [
        "P001.nii.gz",
        "P002.nii.gz",
    ]


@pytest.mark.slow
def test_dataset_json_follows_the_nnunet_v2_conventions(dataset: Path) -> None:
    description = json.loads((dataset / "dataset.json").read_text(encoding="utf-8"))
    check_dataset_json(description)
    assert description["channel_names"] == {"0": "T1", "1": "T1C", "2": "T2", "3": "FLAIR"}
    assert description["numTraining"] == 2
    assert description["file_ending"] == ".nii.gz"
    assert description["labels"] == {
        "background": 0,
        "whole_tumor": [1, 2, 3, 4],
        "tumor_body": [2, 3, 4],
        "non_enhancing": [3],
        "enhancing": [4],
    }
    assert description["regions_class_order"] == [1, 2, 3, 4]


@pytest.mark.slow
def test_every_channel_and_label_share_one_geometry_and_labels_are_consecutive_integers(
    dataset: Path,
) -> None:
    label = nib.load(str(dataset / "labelsTr" / "P001.nii.gz"))
    values = np.unique(np.asarray(label.dataobj))
    assert set(values) == {0, 1, 2, 3, 4}
    for channel in range(4):
        image = nib.load(str(dataset / "imagesTr" / f"P001_{channel:04d}.nii.gz"))
        assert image.shape == label.shape
        np.testing.assert_allclose(image.affine, label.affine, atol=1e-4)


@pytest.mark.slow
def test_a_meningeal_case_is_refused_by_an_intra_axial_data_set_but_gets_its_own(
    dataset: Path, tmp_path: Path
) -> None:
    case = build_case(
        tmp_path / "case", "M001", family="meningeal", volumes=cropped_volumes(tmp_path / "v", CROP)
    )
    with pytest.raises(InvalidInputError, match="labels"):
        export_case(case.root, dataset.parent.parent, "nnunet")
    options = ExportOptions(nnunet_dataset_id=502, nnunet_dataset_name="Meningioma")
    export_case(case.root, dataset.parent.parent, "nnunet", options=options)
    description = json.loads(
        (dataset.parent / "Dataset502_Meningioma" / "dataset.json").read_text(encoding="utf-8")
    )
    check_dataset_json(description)
    assert description["labels"]["edema"] == [1]  # R-SEG-6: edema excludes the tumor body
    assert description["labels"]["tumor_body"] == [2, 3, 4]
