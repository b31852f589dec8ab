"""The acquisition parameters of a series, recorded as R-DATA-3 asks ("acquisition parameters ...
follow clinical norms (recorded)").

One flat dictionary per series, from the index (headers only): scanner (vendor, model, field
strength), sequence (name, ScanningSequence, SequenceVariant, 2D/3D, EPI factor / echo train),
timing (TR, TE, TI, flip angle), geometry (slice thickness, spacing, pixel spacing, rows x columns,
acquisition matrix, phase-encoding direction), contrast agent and the acquisition start. The QC
report writes it per series (JSON, CSV, HTML); case import copies it into the case folder and the
export manifest carries it. Keys are a file format: add, never rename.
"""

from __future__ import annotations

from typing import Any

from CNSTumorQCLib.acquisition.identify import Identification
from CNSTumorQCLib.acquisition.study_context import series_datetime
from CNSTumorQCLib.dicom.model import Series

#: The keys, in the order the CSV and HTML show them (units in the names).
PARAMETER_KEYS = (
    "manufacturer",
    "model",
    "field_strength_t",
    "sequence_name",
    "scanning_sequence",
    "sequence_variant",
    "mr_acquisition_type",
    "repetition_time_ms",
    "echo_time_ms",
    "inversion_time_ms",
    "flip_angle_deg",
    "echo_train_length",
    "epi_factor",
    "slice_thickness_mm",
    "slice_spacing_mm",
    "pixel_spacing_mm",
    "matrix",
    "acquisition_matrix",
    "phase_encoding_direction",
    "contrast_agent",
    "acquisition_datetime",
)


def _echo_times(series: Series) -> float | list[float] | None:
    echoes = sorted({i.echo_time for i in series.instances if i.echo_time is not None})
    if not echoes:
        return None
    return echoes[0] if len(echoes) == 1 else echoes


def acquisition_parameters(series: Series, ident: Identification) -> dict[str, Any]:
    """The R-DATA-3 record of one series (None where the header does not say)."""
    first = series.stacks[0].instances[0] if series.stacks else series.first
    stamp = series_datetime(series)
    return {
        "manufacturer": first.manufacturer or None,
        "model": first.model_name or None,
        "field_strength_t": first.field_strength_t,
        "sequence_name": first.sequence_name or None,
        "scanning_sequence": "\\".join(first.scanning_sequence) or None,
        "sequence_variant": "\\".join(first.sequence_variant) or None,
        "mr_acquisition_type": first.mr_acquisition_type or None,
        "repetition_time_ms": first.repetition_time,
        "echo_time_ms": _echo_times(series),
        "inversion_time_ms": first.inversion_time,
        "flip_angle_deg": first.flip_angle,
        "echo_train_length": first.echo_train_length,
        "epi_factor": first.epi_factor,
        "slice_thickness_mm": ident.slice_thickness_mm,
        "slice_spacing_mm": ident.slice_spacing_mm,
        "pixel_spacing_mm": list(first.pixel_spacing) if first.pixel_spacing else None,
        "matrix": [first.rows, first.columns] if first.rows and first.columns else None,
        "acquisition_matrix": list(first.acquisition_matrix) or None,
        "phase_encoding_direction": first.phase_encoding_direction or None,
        "contrast_agent": first.contrast_agent,
        "acquisition_datetime": _iso(stamp) if stamp else None,
    }


def _iso(stamp: str) -> str:
    """``YYYYMMDDHHMMSS.ffffff`` as ``YYYY-MM-DDTHH:MM:SS.ffffff`` (date 0000-00-00 when unknown)."""
    return (
        f"{stamp[0:4]}-{stamp[4:6]}-{stamp[6:8]}T{stamp[8:10]}:{stamp[10:12]}:{stamp[12:14]}"
        f"{stamp[14:]}"
    )


def parameter_text(value: Any) -> str:
    """A parameter as one CSV / HTML cell (lists joined with ``x``, None as empty)."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " x ".join(f"{v:g}" if isinstance(v, float) else str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
