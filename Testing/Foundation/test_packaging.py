"""The package metadata builds without setuptools' licence deprecation warning.

setuptools >= 77 warns on every build when ``[project] license`` is a ``{text = ...}`` table;
the licence is an SPDX expression string, and the build requires a setuptools that reads it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.licenses import canonicalize_license_expression
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_licence_is_a_valid_SPDX_expression_string_with_its_file():
    project = _pyproject()["project"]
    assert isinstance(project["license"], str)
    assert canonicalize_license_expression(project["license"]) == "Apache-2.0"
    assert project["license-files"] == ["LICENSE"]
    assert "Apache License" in (ROOT / "LICENSE").read_text(encoding="utf-8")[:2000]


def test_the_build_requires_a_setuptools_that_reads_SPDX_licences():
    requires = [Requirement(r) for r in _pyproject()["build-system"]["requires"]]
    setuptools = next(r for r in requires if r.name == "setuptools")
    assert "77.0" in setuptools.specifier
    assert not setuptools.specifier.contains("76.1")
