"""The bundled case is found in a source tree and in a built or installed Slicer extension."""

from __future__ import annotations

from CNSTumorQCLib import paths


def test_the_installed_copy_is_used_when_there_is_no_source_tree(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.SAMPLE_DATA_ENV, raising=False)
    monkeypatch.setattr(paths, "PROJECT_ROOT", tmp_path / "no_source_tree")
    installed = tmp_path / "qt-scripted-modules" / "CNSTumorSampleData"
    (installed / paths.SAMPLE_CASE_ID).mkdir(parents=True)
    monkeypatch.setattr(paths, "INSTALLED_SAMPLE_DATA", installed)
    assert paths.sample_data_dir() == installed / paths.SAMPLE_CASE_ID


def test_the_source_tree_comes_first_and_the_setting_overrides_both(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.SAMPLE_DATA_ENV, raising=False)
    assert paths.sample_data_dir() == paths.PROJECT_ROOT / "SampleData" / paths.SAMPLE_CASE_ID
    monkeypatch.setenv(paths.SAMPLE_DATA_ENV, str(tmp_path))
    assert paths.sample_data_dir() == tmp_path
