"""Provenance stamped into every report and export: software, rule tables, parameters, libraries."""

from __future__ import annotations

import datetime as _dt
import functools
import platform
from importlib import metadata
from typing import Any

from CNSTumorQCLib.version import __version__

SOFTWARE_NAME = "CNSTumor"
_LIBRARIES = ("slicer-core", "vtk", "SimpleITK", "pydicom", "highdicom", "numpy", "nibabel")


@functools.cache
def _installed_versions() -> tuple[tuple[str, str], ...]:
    found = []
    for name in _LIBRARIES:
        try:
            found.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            found.append((name, "not installed"))
    return tuple(found)


def library_versions() -> dict[str, str]:
    """Installed versions of the libraries whose behaviour shapes the results (read once)."""
    return dict(_installed_versions())


def provenance(
    operation: str,
    *,
    rule_tables: dict[str, str] | None = None,
    parameters: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A provenance record: what ran, which version, which rule tables, which parameters, when."""
    return {
        "software": SOFTWARE_NAME,
        "software_version": __version__,
        "operation": operation,
        "rule_tables": dict(rule_tables or {}),
        "parameters": dict(parameters or {}),
        "libraries": library_versions(),
        "python": platform.python_version(),
        "created_utc": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
    }
