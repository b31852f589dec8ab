"""Identification decisions that need the other series of the study (R-ACQ-5, R-ACQ-7).

A series alone cannot always say what it is:

* a pre/post-gadolinium T1 pair whose contrast tags are empty (ContrastBolusAgent absent or
  blank, no contrast words) reads as two plain T1s. Two T1 series of the same protocol (sequence,
  TR / TE / TI, orientation, matrix) in one study are a pre/post pair: the later one, by
  acquisition time, is the T1C (R-ACQ-5), for a person to confirm like every T1C;
* two echo-planar series without diffusion weighting, of the same geometry, named with opposite
  phase-encoding directions (``AP`` / ``PA``, ``dir-LR`` / ``dir-RL``, BIDS style) are a
  spin-echo field-map pair (R-ACQ-7), never a structural sequence.

:func:`series_datetime` gives the acquisition start of a series, ``YYYYMMDDHHMMSS.ffffff``, from
AcquisitionDate / AcquisitionTime (the earliest plane), else SeriesDate / SeriesTime.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from CNSTumorQCLib.acquisition.identify import NO_CONTRAST, Evidence, Identification, is_epi
from CNSTumorQCLib.dicom.model import Series
from CNSTumorQCLib.i18n import tr
from CNSTumorQCLib.sequences import MRSequence

_DIRECTION = re.compile(r"(?:^|[^a-z])(?:dir-?)?(ap|pa|lr|rl|si|is)(?=$|[^a-z])")
_OPPOSITE = {"ap": "pa", "pa": "ap", "lr": "rl", "rl": "lr", "si": "is", "is": "si"}


def _clock(text: str) -> str:
    """``HHMMSS.ffffff`` from a DICOM TM (``121119.7575`` or the old ``12:11:19.7575``)."""
    text = text.replace(":", "").strip()
    if not text or not text.split(".")[0].isdigit():
        return ""
    whole, _, fraction = text.partition(".")
    return f"{whole.ljust(6, '0')[:6]}.{fraction.ljust(6, '0')[:6]}"


def series_datetime(series: Series) -> str | None:
    """The acquisition start of a series (``YYYYMMDDHHMMSS.ffffff``), None when not recorded."""
    stamps = []
    for instance in series.instances:
        clock = _clock(instance.acquisition_time) or _clock(instance.series_time)
        if clock:
            stamps.append(f"{instance.acquisition_date or '00000000'}{clock}")
    return min(stamps) if stamps else None


def _protocol(series: Series, ident: Identification) -> tuple[object, ...]:
    first = series.first
    return (
        first.sequence_name,
        first.repetition_time,
        first.echo_time,
        first.inversion_time,
        ident.plane,
        first.rows,
        first.columns,
        first.mr_acquisition_type,
    )


def _says_no_contrast(series: Series) -> bool:
    """ContrastBolusAgent explicitly "NONE" / "NO": not an empty tag, so time does not decide."""
    agent = (series.first.contrast_agent or "").strip().upper()
    return bool(agent) and agent in NO_CONTRAST


def _shown(stamp: str) -> str:
    return f"{stamp[8:10]}:{stamp[10:12]}:{stamp[12:14]}"


def resolve_contrast_by_time(
    series: Sequence[Series], idents: dict[str, Identification]
) -> dict[str, Identification]:
    """Within each study, the later T1 of a same-protocol pre/post pair becomes T1C (R-ACQ-5)."""
    resolved = dict(idents)
    studies: dict[tuple[str, str], list[Series]] = {}
    for s in series:
        studies.setdefault((s.patient_id, s.study_instance_uid), []).append(s)
    for members in studies.values():
        if any(idents[s.series_instance_uid].sequence is MRSequence.T1C for s in members):
            continue
        pairs: dict[tuple[object, ...], list[tuple[str, Series]]] = {}
        for s in members:
            ident = idents[s.series_instance_uid]
            stamp = series_datetime(s)
            if ident.sequence is MRSequence.T1 and stamp is not None:
                pairs.setdefault(_protocol(s, ident), []).append((stamp, s))
        for group in pairs.values():
            if len(group) < 2:
                continue
            group.sort(key=lambda item: item[0])
            (first_stamp, first), *later = group
            for stamp, s in later:
                if stamp == first_stamp or _says_no_contrast(s):
                    continue
                ident = resolved[s.series_instance_uid]
                resolved[s.series_instance_uid] = dataclasses.replace(
                    ident,
                    sequence=MRSequence.T1C,
                    needs_confirmation=True,
                    evidence=(
                        *ident.evidence,
                        Evidence(
                            "(0008,0022/0032) AcquisitionDate/Time",
                            tr(
                                "{time} after series {number} '{description}' at "
                                "{first_time}, same protocol",
                                time=_shown(stamp),
                                number=first.series_number,
                                description=first.description,
                                first_time=_shown(first_stamp),
                            ),
                            tr("contrast tags empty: the later T1 of a pre/post pair -> T1C"),
                        ),
                    ),
                )
    return resolved


def _direction(series: Series) -> str | None:
    text = f"{series.first.series_description} {series.first.protocol_name}".lower()
    found = {m.group(1) for m in _DIRECTION.finditer(text.replace("_", " "))}
    return found.pop() if len(found) == 1 else None


def _geometry(series: Series) -> tuple[object, ...]:
    stack = series.stacks[0]
    first = stack.instances[0]
    return (first.orientation, len(stack.instances), first.rows, first.columns)


def _diffusion_free_epi(series: Series) -> bool:
    weighted = any((i.b_value or 0) > 50 for i in series.instances)
    return is_epi(series.first) and not weighted


def mark_field_map_pairs(
    series: Sequence[Series], idents: dict[str, Identification]
) -> dict[str, Identification]:
    """EPI series without diffusion, same geometry, opposite phase-encoding names: field maps."""
    resolved = dict(idents)
    candidates = [s for s in series if _diffusion_free_epi(s) and _direction(s)]
    for s in candidates:
        partners = [
            o
            for o in candidates
            if o is not s
            and o.study_instance_uid == s.study_instance_uid
            and _geometry(o) == _geometry(s)
            and _direction(o) == _OPPOSITE[_direction(s) or ""]
        ]
        if not partners:
            continue
        ident = resolved[s.series_instance_uid]
        partner = partners[0]
        structural = ident.sequence is not MRSequence.OTHER
        resolved[s.series_instance_uid] = dataclasses.replace(
            ident,
            sequence=MRSequence.OTHER,
            confidence=0.6 if structural else max(ident.confidence, 0.9),
            needs_confirmation=structural or ident.needs_confirmation,
            evidence=(
                *ident.evidence,
                Evidence(
                    "(0008,103E) SeriesDescription, geometry",
                    tr(
                        "{direction} / {partner_direction} with series {number} '{description}'",
                        direction=_direction(s),
                        partner_direction=_direction(partner),
                        number=partner.series_number,
                        description=partner.description,
                    ),
                    tr("opposite phase-encoding EPI pair: a spin-echo field map -> OTHER"),
                ),
            ),
        )
    return resolved
