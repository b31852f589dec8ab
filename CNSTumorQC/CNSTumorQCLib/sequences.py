"""The domain's words for MR series (R-ACQ-1..7). Member names are a file format."""

from __future__ import annotations

import enum


class MRSequence(enum.Enum):
    """Sequences the consensus names; everything else is OTHER (R-ACQ-7, listed, not annotated)."""

    T1 = "T1"
    T1C = "T1C"  # T1-weighted after gadolinium (R-ACQ-5)
    T2 = "T2"
    FLAIR = "FLAIR"
    DWI = "DWI"
    ADC = "ADC"
    OTHER = "OTHER"


class Plane(enum.Enum):
    AXIAL = "axial"
    SAGITTAL = "sagittal"
    CORONAL = "coronal"
    OBLIQUE = "oblique"


class Acquisition(enum.Enum):
    TWO_D = "2D"
    THREE_D = "3D"
