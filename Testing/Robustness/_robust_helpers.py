"""Helpers of the bad-input suite: run ``cnstumor`` in-process, a tiny DICOM series, and the
checks every bad-input case makes (exit status, one line on stderr naming the file, no
traceback, inputs byte-identical, nothing written outside the output folder)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pydicom
import pytest
from pydicom.dataset import FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, MRImageStorage


@dataclass(frozen=True)
class Outcome:
    """What one command did: its exit status and what it printed."""

    status: int
    out: str
    err: str

    def error_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if "error" in line.lower()]


def invoke(argv: Sequence[str], capsys: pytest.CaptureFixture[str]) -> Outcome:
    """Run ``cnstumor argv`` in-process (fast), as the console entry point would."""
    from CNSTumorAnnotationLib.cli.app import main

    capsys.readouterr()
    try:
        status = main([str(a) for a in argv])
    except SystemExit as exit_:  # argparse usage errors
        status = int(exit_.code or 0)
    captured = capsys.readouterr()
    return Outcome(status, captured.out, captured.err)


def tree_digest(*roots: Path) -> dict[str, str]:
    """SHA-256 of every file under ``roots`` (a missing root contributes nothing)."""
    digest: dict[str, str] = {}
    for root in roots:
        paths = [root] if root.is_file() else sorted(root.rglob("*")) if root.is_dir() else []
        for path in paths:
            if path.is_file():
                digest[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest


def assert_clean_refusal(outcome: Outcome, names: str | Sequence[str], status: int = 2) -> None:
    """Exit ``status``, exactly one error line on stderr naming one of ``names``, no traceback."""
    wanted = [names] if isinstance(names, str) else list(names)
    assert outcome.status == status, (outcome.status, outcome.err[-2000:])
    assert "Traceback" not in outcome.err and "Traceback" not in outcome.out
    lines = outcome.error_lines()
    assert len(lines) == 1, outcome.err[-2000:]
    assert any(name in lines[0] for name in wanted), (wanted, lines[0])


def write_dicom_series(
    folder: Path, count: int = 5, edit: Callable[[pydicom.Dataset, int], Any] | None = None
) -> list[Path]:
    """A tiny axial MR series (8x8 pixels, ``count`` slices); ``edit`` may break each header."""
    folder.mkdir(parents=True, exist_ok=True)
    study, series = "1.2.826.0.1.3680043.8.498.1", "1.2.826.0.1.3680043.8.498.2"
    paths = []
    for index in range(count):
        ds = pydicom.Dataset()
        ds.file_meta = FileMetaDataset()
        ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds.file_meta.MediaStorageSOPClassUID = MRImageStorage
        ds.SOPClassUID = MRImageStorage
        uid = f"1.2.826.0.1.3680043.8.498.3.{index + 1}"
        ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = uid
        ds.StudyInstanceUID, ds.SeriesInstanceUID = study, series
        ds.PatientName, ds.PatientID, ds.Modality = "Doe^John", "ID123456", "MR"
        ds.SeriesDescription, ds.SeriesNumber, ds.InstanceNumber = "AX T2", 1, index + 1
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.ImagePositionPatient = [0, 0, 5.0 * index]
        ds.PixelSpacing, ds.SliceThickness = [1, 1], 5
        ds.Rows = ds.Columns = 8
        ds.BitsAllocated = ds.BitsStored = 16
        ds.HighBit, ds.PixelRepresentation, ds.SamplesPerPixel = 15, 0, 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.PixelData = (np.arange(64, dtype=np.uint16) + index).tobytes()
        if edit is not None:
            edit(ds, index)
        path = folder / f"IM{index:04d}.dcm"
        ds.save_as(path, enforce_file_format=True)
        paths.append(path)
    return paths


def assert_no_stray_writes(root: Path, before: set[Path], *allowed: Path) -> None:
    """Nothing appeared under ``root`` since ``before`` outside the ``allowed`` folders."""
    after = set(root.rglob("*"))
    stray = [p for p in after - before if not any(p.is_relative_to(a) for a in allowed)]
    assert not stray, f"written outside the output folder: {sorted(stray)[:5]}"
