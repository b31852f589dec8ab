"""Build faulty DICOM series from real ones (copies in tmp_path; the shared data is never touched)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pydicom

from CNSTumorQCLib.dicom.index import index_folder
from CNSTumorQCLib.dicom.model import Series
from CNSTumorQCLib.findings import Finding

PHILIPS_DTI = Path("dcm_qa_philips/In/Vanderbilt_2018/601_WIP_dti_ax")
XA30 = Path("dcm_qa_xa30/In")


def philips_b0_files(shared_data: Path, count: int = 12) -> list[Path]:
    """``count`` neighbouring slices of the real Philips b=0 volume (spatial order)."""
    index = index_folder(shared_data / PHILIPS_DTI, workers=1)
    b0 = next(s for s in index.series[0].stacks if s.key[1] == 0.0)
    files = [Path(i.path) for i in b0.instances]
    start = (len(files) - count) // 2
    return files[start : start + count]


def copy_files(
    files: list[Path], folder: Path, edit: Callable[[int, pydicom.Dataset], None] | None = None
) -> list[Path]:
    """Copy files into ``folder`` (optionally editing each dataset); returns the new paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for k, source in enumerate(files):
        target = folder / f"{k:04d}_{source.name}"
        if edit is None:
            shutil.copyfile(source, target)
        else:
            dataset = pydicom.dcmread(source)
            edit(k, dataset)
            dataset.save_as(target)
        out.append(target)
    return out


def only_series(folder: Path) -> Series:
    index = index_folder(folder, workers=1)
    assert len(index.series) == 1, [s.description for s in index.series]
    return index.series[0]


def with_rule(
    findings: list[Finding] | tuple[Finding, ...], rule: str, words: str
) -> list[Finding]:
    """Findings of ``rule`` whose message contains ``words``."""
    return [f for f in findings if f.rule == rule and words in f.message]


def bundled_series(study: Path, sequence: str) -> Path:
    """The folder of one series of the bundled case written as DICOM (``T1``, ``T1C``, ``T2``, ``FLAIR``)."""
    names = {
        "T1": "03_T1_AX_SE",
        "T2": "04_MRHR_T2_AX_SE",
        "FLAIR": "05_MRHR_FLAIR_AX_SE_IR",
        "T1C": "07_MRHR_T1_AX_POST_GAD_SE",
    }
    return study / names[sequence]


def copy_series(source: Path, folder: Path) -> list[Path]:
    """Copy one series folder; returns its files in name order (slice order for the fixture)."""
    shutil.copytree(source, folder)
    return sorted(folder.glob("*.dcm"))


def set_pixels(path: Path, edit: Callable[[object], object]) -> None:
    """Rewrite a file's pixels with ``edit(pixel_array)`` (same shape and type)."""
    import numpy as np

    dataset = pydicom.dcmread(path)
    array = np.asarray(edit(dataset.pixel_array.copy())).astype(dataset.pixel_array.dtype)
    dataset.PixelData = array.tobytes()
    dataset.save_as(path)
