"""Graded TorchIO artifacts for the quality-grade benchmark (a helper of ``bench.quality_grade``).

Each artifact has three severities mapped to the grades a radiologist would intend (R-QC-1):
mild -> 3 (visible at most on close look), moderate -> 2 (artifact present, diagnosis still
possible), severe -> 1 (not diagnostic). The mapping is this benchmark's judgement, written
down here so it can be argued with; every draw uses a fixed seed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import SimpleITK as sitk
import torch
import torchio as tio

INTENDED_GRADES = (3, 2, 1)  # mild, moderate, severe


@dataclass(frozen=True)
class Artifact:
    """One TorchIO transform family with its three severity parameters."""

    name: str
    levels: tuple[float, float, float]
    build: Callable[[float, float, tuple[int, ...]], tio.Transform]  # (level, p99, in-plane axes)


ARTIFACTS = (
    Artifact(
        "noise", (0.02, 0.06, 0.15), lambda s, p99, ax: tio.RandomNoise(std=(s * p99, s * p99))
    ),
    Artifact("blur", (0.5, 1.25, 2.5), lambda s, p99, ax: tio.RandomBlur(std=(s, s))),
    Artifact(
        "ghosting",
        (0.15, 0.5, 1.0),
        lambda s, p99, ax: tio.RandomGhosting(num_ghosts=(4, 8), axes=ax, intensity=(s, s)),
    ),
    Artifact(
        "motion",
        (1.0, 4.0, 10.0),
        lambda s, p99, ax: tio.RandomMotion(degrees=(s, s), translation=(s, s), num_transforms=2),
    ),
    Artifact(
        "spike",
        (0.05, 0.3, 1.0),
        lambda s, p99, ax: tio.RandomSpike(num_spikes=(1, 1), intensity=(s, s)),
    ),
    Artifact("bias", (0.1, 0.35, 0.8), lambda s, p99, ax: tio.RandomBiasField(coefficients=(s, s))),
)


def seed_for(*parts: str) -> int:
    """A fixed seed per (volume, artifact, level): stable across runs and machines."""
    return int(hashlib.sha256("|".join(parts).encode()).hexdigest()[:8], 16)


def inplane_torchio_axes(image: sitk.Image) -> tuple[int, ...]:
    """TorchIO spatial axes (i, j, k order) inside the acquisition plane."""
    spacing = image.GetSpacing()
    thick = max(spacing) > 1.5 * min(spacing)
    return tuple(a for a in range(3) if not (thick and spacing[a] == max(spacing)))


def degrade(image: sitk.Image, artifact: Artifact, level_index: int, volume_id: str) -> sitk.Image:
    """Apply one artifact at one severity with a fixed seed; the input is not modified."""
    subject = tio.ScalarImage.from_sitk(sitk.Cast(image, sitk.sitkFloat32))
    values = subject.data.numpy()
    p99 = float(np.percentile(values[values > 0], 99)) if (values > 0).any() else 1.0
    level = artifact.levels[level_index]
    torch.manual_seed(seed_for(volume_id, artifact.name, str(level_index)))
    transform = artifact.build(level, p99, inplane_torchio_axes(image))
    return transform(subject).as_sitk()
