"""Every shared data folder the tests use is present, with its SOURCE.md and licence (README data table)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

MANIFEST = json.loads((Path(__file__).resolve().parents[1] / "data_manifest.json").read_text())


@pytest.mark.parametrize("folder", sorted(MANIFEST["folders"]))
def test_a_shared_data_folder_carries_its_source_and_licence(shared_data, folder):
    entry = MANIFEST["folders"][folder]
    path = shared_data / folder
    assert path.is_dir(), f"{path}: shared data folder missing (see Testing/data_manifest.json)"
    assert (path / "SOURCE.md").is_file(), f"{path}: SOURCE.md missing"
    assert (path / entry["licence"]).is_file(), f"{path}: licence file {entry['licence']} missing"


def test_the_readme_cites_every_licence_the_manifest_names():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    for entry in MANIFEST["folders"].values():
        first = entry["licence_name"].split(" ")[0]
        assert first in readme, f"README's data table does not name {entry['licence_name']}"
