"""The domain's words for MR series (R-ACQ-1..7). Member names are a file format."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable

from CNSTumorQCLib.i18n import N_, tr


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


#: The planes in words for people (the enum values stay the machine-readable names).
_PLANE_WORDS = {
    Plane.AXIAL: N_("axial"),
    Plane.SAGITTAL: N_("sagittal"),
    Plane.CORONAL: N_("coronal"),
    Plane.OBLIQUE: N_("oblique"),
}


def plane_word(plane: Plane | str | None) -> str:
    """The plane as people read it (``axial``, Chinese 轴位); ``""`` when unknown."""
    if plane is None or plane == "":
        return ""
    try:
        return tr(_PLANE_WORDS[Plane(plane)])
    except ValueError:
        return str(plane)


def planes_words(planes: Iterable[Plane]) -> str:
    """``axial or sagittal`` (sorted by the machine names, as the rule table lists them)."""
    return either([plane_word(p) for p in sorted(planes, key=lambda p: p.value)])


#: A Chinese character next to a Latin letter or digit (typeset with a space between them).
_CJK_LATIN = re.compile(r"(?<=[\u4e00-\u9fff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u4e00-\u9fff])")


def either(words: Iterable[str]) -> str:
    """``a or b`` (``a, b or c``) in the language people read (``800 或 1000``, ``横断面或矢状面``)."""
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    joined = tr("{some} or {last}", some=", ".join(items[:-1]), last=items[-1])
    return _CJK_LATIN.sub(" ", joined)


def both(words: Iterable[str]) -> str:
    """``a and b`` (``a, b and c``) in the language people read (``DWI 和 ADC``)."""
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    joined = tr("{some} and {last}", some=", ".join(items[:-1]), last=items[-1])
    return _CJK_LATIN.sub(" ", joined)
