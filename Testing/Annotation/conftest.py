"""Annotated case fixtures built from the bundled real case (TCGA-FG-6692).

- ``small_annotated_case``: the native volumes without registration and synthetic masks
  (nested spheres) drawn in each reference sequence's real native geometry. Fast.
- ``annotated_case``: the native volumes co-registered to FLAIR and the ``mav`` reference
  labels (SRI-24, BraTS 2021) landed in native space through real SimpleITK registration.
  The registration runs once per session; each test gets its own copy of the folder.

Both are machine-made references, never ground truth.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _case_helpers import PATIENT, native_volumes, synthetic_masks
from _postgres_server import new_schema, server_url, throwaway_database


@pytest.fixture(scope="session")
def postgresql_database() -> Iterator[str]:
    """A throwaway database on a real PostgreSQL server for this test session (dropped after)."""
    with server_url() as admin_url, throwaway_database(admin_url) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def project_database(request: pytest.FixtureRequest) -> str | None:
    """Where a test's project keeps its database: None (SQLite in the folder) or the URL of a
    fresh schema on PostgreSQL. Every project-store test runs on both engines."""
    if request.param == "sqlite":
        return None
    return new_schema(request.getfixturevalue("postgresql_database"))


@pytest.fixture
def postgresql_project_database(postgresql_database: str) -> str:
    """The URL of a fresh, empty schema on PostgreSQL (tests that are about PostgreSQL)."""
    return new_schema(postgresql_database)


@pytest.fixture(scope="session")
def fixture_runtime() -> Any:
    """One headless MRML runtime for building the fixtures."""
    from CNSTumorAnnotationLib.mrml.runtime import create_runtime

    return create_runtime(force_headless=True)


@pytest.fixture(scope="session")
def small_annotated_case_template(
    tmp_path_factory: pytest.TempPathFactory, sample_case: Path, fixture_runtime: Any
) -> Path:
    from CNSTumorAnnotationLib.case.folder import save_annotation_version
    from CNSTumorAnnotationLib.case.nifti_import import import_case_from_nifti

    root = tmp_path_factory.mktemp("small_case") / PATIENT
    case = import_case_from_nifti(native_volumes(sample_case), root, PATIENT, register=False)
    save_annotation_version(
        case, synthetic_masks(case), "synthetic:spheres", runtime=fixture_runtime
    )
    return root


@pytest.fixture
def small_annotated_case(small_annotated_case_template: Path, tmp_path: Path) -> Iterator[Any]:
    """A fresh copy of a case with one synthetic version (spheres in real native geometry)."""
    from CNSTumorAnnotationLib.case.folder import load_case

    copy = tmp_path / "small_annotated_case" / PATIENT
    shutil.copytree(small_annotated_case_template, copy)
    yield load_case(copy)


@pytest.fixture(scope="session")
def annotated_case_template(
    tmp_path_factory: pytest.TempPathFactory, sample_case: Path, fixture_runtime: Any
) -> Path:
    """The real pipeline once per session: import, rigid co-registration, SRI-24 labels landed."""
    from CNSTumorAnnotationLib.case.labelmap_import import apply_reference_labels
    from CNSTumorAnnotationLib.case.nifti_import import import_case_from_nifti

    root = tmp_path_factory.mktemp("annotated_case") / PATIENT
    case = import_case_from_nifti(native_volumes(sample_case), root, PATIENT, register=True)
    apply_reference_labels(
        case, sample_case / "reference_labels" / "mav.nii.gz", "brats2021", runtime=fixture_runtime
    )
    return root


@pytest.fixture
def annotated_case(annotated_case_template: Path, tmp_path: Path) -> Iterator[Any]:
    """A fresh copy of the really registered case with the ``mav`` labels as version 1."""
    from CNSTumorAnnotationLib.case.folder import load_case

    copy = tmp_path / "annotated_case" / PATIENT
    shutil.copytree(annotated_case_template, copy)
    yield load_case(copy)
