"""Who made an annotation: a person, a person helped by a tool, or a model (R-HMI-3).

DICOM SEG records this per segment as Segment Algorithm Type (MANUAL / SEMIAUTOMATIC /
AUTOMATIC); anything but MANUAL also needs an Algorithm Identification Sequence. The kind is
read from the annotation version (``annotator_kind`` when the case records it); otherwise it
is inferred from ``machine_made`` (a model's pre-annotation, AUTOMATIC) and the annotator's name: ``model:<name>`` / ``auto:<name>`` / ``algorithm:<name>`` means a machine
pre-annotation, ``semi:<name>`` a person using a threshold / grow-from-seeds tool (R-ANN-5/6).
"""

from __future__ import annotations

import enum
from typing import Any


class SegmentAlgorithmType(enum.Enum):
    """DICOM Segment Algorithm Type (0062,0008); member names are a file format."""

    MANUAL = "MANUAL"
    SEMIAUTOMATIC = "SEMIAUTOMATIC"
    AUTOMATIC = "AUTOMATIC"

    @property
    def machine_made(self) -> bool:
        return self is not SegmentAlgorithmType.MANUAL


_PREFIXES = {
    "model:": SegmentAlgorithmType.AUTOMATIC,
    "auto:": SegmentAlgorithmType.AUTOMATIC,
    "ai:": SegmentAlgorithmType.AUTOMATIC,
    "algorithm:": SegmentAlgorithmType.AUTOMATIC,
    "semi:": SegmentAlgorithmType.SEMIAUTOMATIC,
}
_WORDS = {
    "manual": SegmentAlgorithmType.MANUAL,
    "human": SegmentAlgorithmType.MANUAL,
    "semiautomatic": SegmentAlgorithmType.SEMIAUTOMATIC,
    "semi_automatic": SegmentAlgorithmType.SEMIAUTOMATIC,
    "automatic": SegmentAlgorithmType.AUTOMATIC,
    "model": SegmentAlgorithmType.AUTOMATIC,
    "machine": SegmentAlgorithmType.AUTOMATIC,
}


def annotator_kind(version: Any) -> SegmentAlgorithmType:
    """The algorithm type of an annotation version (recorded kind first, then the name)."""
    if getattr(version, "machine_made", False):
        return SegmentAlgorithmType.AUTOMATIC
    for attribute in ("annotator_kind", "kind", "algorithm_type"):
        recorded = getattr(version, attribute, None)
        if recorded is None:
            continue
        value = getattr(recorded, "value", recorded)
        word = str(value).strip().lower().replace("-", "_")
        if word in _WORDS:
            return _WORDS[word]
    name = str(getattr(version, "annotator", "")).strip().lower()
    for prefix, kind in _PREFIXES.items():
        if name.startswith(prefix):
            return kind
    return SegmentAlgorithmType.MANUAL


def algorithm_name(version: Any) -> str:
    """The tool / model name of a machine-made annotation (the annotator without its prefix)."""
    name = str(getattr(version, "annotator", "")).strip()
    for prefix in _PREFIXES:
        if name.lower().startswith(prefix):
            return name[len(prefix) :] or name
    return name or "unknown"
