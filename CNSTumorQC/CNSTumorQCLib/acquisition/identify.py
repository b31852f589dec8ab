"""Which sequence is this series? T1, T1C, T2, FLAIR, DWI, ADC or OTHER, with evidence (R-ACQ-1..5, 7).

Two independent voices are heard: the physics of the header (ImageType, ScanningSequence,
SequenceVariant, TR / TE / TI, b-values, the enhanced-MR AcquisitionContrast) and the words
(SeriesDescription, ProtocolName; wrong in about 10 % of glioma series, MR-Class). When they agree
the confidence is high; when only one speaks it is medium; when they disagree, or neither speaks,
the series is marked for a person to confirm. A post-gadolinium T1 is always confirmed by a person
(contrast tags are often empty; docs/references.md, DICOM integrity). Runs on the original headers, before
de-identification strips descriptions, contrast and private b-value tags.

Thresholds (ms) are documented heuristics from docs/references.md, Sequence identification and dcm2niix's BidsGuess;
they are field-strength dependent, which is why a low-confidence call asks a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from CNSTumorQCLib.acquisition.geometry import (
    acquisition_type,
    plane_from_orientation,
    slice_thickness,
)
from CNSTumorQCLib.dicom.bvalues import round_b_value
from CNSTumorQCLib.dicom.model import DicomInstance, Series
from CNSTumorQCLib.dicom.series import slice_spacing
from CNSTumorQCLib.i18n import tr
from CNSTumorQCLib.sequences import Acquisition, MRSequence, Plane

#: Below this confidence a person confirms the sequence.
CONFIRM_BELOW = 0.6

FLAIR_MIN_TI_MS = 1400.0  # T2-FLAIR inversion (1.5 T..3 T: 1800-2800; low field 1400)
T1_IR_TI_MS = (300.0, 1300.0)  # MPRAGE / IR-SPGR / T1-FLAIR inversion
T1_SE_MAX_TR_MS = 1000.0
T1_MAX_TE_MS = 30.0
T2_MIN_TR_MS = 1800.0
T2_MIN_TE_MS = 70.0
GRE_T1_MAX_TR_MS = 50.0
GRE_T1_MAX_TE_MS = 10.0

_WORDS: tuple[tuple[MRSequence, str], ...] = (
    (
        MRSequence.OTHER,
        r"localizer|localiser|scout|survey|\b3 ?plane|aahead|\bswi\b|t2\*|t2 ?star|perfusion|\basl\b|\bbold\b|fmri|\bmra\b|\btof\b"
        r"|fmap|field ?map|fieldmap|\bb0 ?map|topup|\bsbref\b|pcasl|\bpasl\b|\bperf\b|\bfunc\b|resting|\bdsc\b|\bdce\b|\bphase\b",
    ),
    (MRSequence.ADC, r"\badc\b|apparent diffusion"),
    (
        MRSequence.DWI,
        r"\bdwi\b|diffusion|\bdti\b|tracew|\btrace\b|\bdiff\b|\bb ?1000\b|\bep2d diff",
    ),
    (MRSequence.FLAIR, r"flair|dark ?fluid|\btirm\b|\bspcir"),
    (MRSequence.T2, r"\bt2(?![\*s])|\bt2w\b"),
    (MRSequence.T1, r"\bt1|\bmp ?rage|mp2rage|bravo|spgr|\btfl\b|\btfe\b|\bvibe\b|\bmpr\b"),
)
_CONTRAST_WORDS = re.compile(
    r"\+c\b|\bc\+|\bgd\b|gad|post|contrast|\bce\b|t1c|t1ce|enhanc|增强|\bmdc\b|\+gd"
)
NO_CONTRAST = {"", "NONE", "NO", "N/A", "NA", "0"}
_DERIVED_OTHER = {"FA", "EADC", "TENSOR_B0", "COLFA", "TENSOR", "EXP", "FA_COLOR", "ISODWI"}
#: ImageType values (from the third on) of phase, real, imaginary and field-map images (R-ACQ-7).
_PHASE_TYPES = {"P", "PHASE", "R", "REAL", "I", "IMAGINARY", "PHASE_MAP", "FIELD_MAP", "FIELDMAP"}
_PHASE_TYPES |= {"B0_MAP", "B0MAP", "PHASE_CONTRAST"}
#: ImageType values of perfusion and functional series (ASL, DSC, BOLD) (R-ACQ-7).
_PERFUSION_TYPES = {"ASL", "PERFUSION", "PERF", "CBF", "RELCBF", "CBV", "RELCBV", "MTT", "TTP"}
_PERFUSION_TYPES |= {"FMRI", "BOLD", "MOCO", "DSC"}
#: Siemens / vendor sequence names of field maps and ASL (``*fm2d2r``, ``tgse_pcasl``, ``ep2d_pasl``).
_FIELD_MAP_SEQUENCE = re.compile(r"^\*?fm\d|fieldmap|field_map|b0map")
_ASL_SEQUENCE = re.compile(r"asl|tgse")
FIELD_MAP_MAX_TE_MS = 15.0  # gradient-echo field maps: two short echoes (e.g. 4.92 / 7.38 ms)
TIME_SERIES_MIN_VOLUMES = 3  # volumes at the same positions without diffusion: a time series


@dataclass(frozen=True)
class Evidence:
    """One header fact and what it says, e.g. ``(0008,0008) ImageType = ADC -> ADC``.

    ``source`` and ``value`` are the header's; ``says`` is written for people (translated)."""

    source: str
    value: str
    says: str

    def to_dict(self) -> dict[str, str]:
        return {"source": self.source, "value": self.value, "says": self.says}


@dataclass(frozen=True)
class Identification:
    """What a series is, how sure, and why."""

    sequence: MRSequence
    confidence: float
    needs_confirmation: bool
    evidence: tuple[Evidence, ...]
    plane: Plane | None
    obliquity_deg: float | None
    acquisition: Acquisition | None
    slice_thickness_mm: float | None
    slice_spacing_mm: float | None
    slice_gap_mm: float | None
    b_values: tuple[float, ...]


def _physics(series: Series, evidence: list[Evidence]) -> tuple[MRSequence | None, float]:
    """The sequence the header's physics says, and how strongly."""
    first = series.first
    image_type = {t for i in series.instances for t in i.image_type}
    b_values = sorted({round_b_value(i.b_value) for i in series.instances if i.b_value is not None})
    it = "\\".join(first.image_type)
    if "LOCALIZER" in image_type:
        evidence.append(Evidence("(0008,0008) ImageType", it, tr("localizer -> OTHER")))
        return MRSequence.OTHER, 0.95
    if "ADC" in image_type:
        evidence.append(Evidence("(0008,0008) ImageType", it, tr("ADC map -> ADC")))
        return MRSequence.ADC, 0.9
    derived = image_type & _DERIVED_OTHER
    if derived:
        evidence.append(
            Evidence(
                "(0008,0008) ImageType",
                it,
                tr("derived diffusion map {kind} -> OTHER", kind=sorted(derived)[0]),
            )
        )
        return MRSequence.OTHER, 0.85
    if "TRACEW" in image_type:
        evidence.append(
            Evidence("(0008,0008) ImageType", it, tr("trace-weighted diffusion -> DWI"))
        )
        return MRSequence.DWI, 0.9
    diffusion_context = (
        "DIFFUSION" in image_type
        or "EP" in first.scanning_sequence
        or first.acquisition_contrast == "DIFFUSION"
    )
    if any(b > 0 for b in b_values) and (diffusion_context or len(b_values) > 1):
        evidence.append(
            Evidence(
                first.b_value_source or "b-value",
                ", ".join(f"{b:g}" for b in b_values),
                tr("diffusion weighting -> DWI"),
            )
        )
        return MRSequence.DWI, 0.85
    if b_values == [0.0] and diffusion_context:
        evidence.append(
            Evidence(
                first.b_value_source or "b-value",
                "0",
                tr("b = 0 only: the unweighted part of a diffusion acquisition -> DWI"),
            )
        )
        return MRSequence.DWI, 0.6
    non_structural = _non_structural(series, image_type, evidence)
    if non_structural is not None:
        return MRSequence.OTHER, non_structural
    return _weighting(first, evidence)


def is_epi(first: DicomInstance) -> bool:
    """Echo-planar readout: ScanningSequence EP, Philips' EPI factor, or an ``ep`` sequence name."""
    name = first.sequence_name.lower().lstrip("*")
    return (
        "EP" in first.scanning_sequence
        or (first.epi_factor or 0) > 1
        or name.startswith(("ep2d", "epse", "epfid", "ep_", "epi"))
    )


def _non_structural(series: Series, image_type: set[str], evidence: list[Evidence]) -> float | None:
    """The strength with which the header says "not a structural series" (R-ACQ-7), or None.

    Field maps (phase / field-map image types, Siemens ``fm`` sequences, two short gradient
    echoes), ASL and other perfusion or functional series (image types, ``asl`` / ``tgse``
    sequences, three or more volumes at the same positions) and EPI without diffusion weighting
    (spin-echo EPI field maps, BOLD, DSC) look like T1 or T2 to TR / TE alone: a wrong
    structural label is worse than "OTHER, confirm".
    """
    first = series.first
    values = {t for i in series.instances for t in i.image_type[2:]}
    it = "\\".join(first.image_type)
    phase = (values & _PHASE_TYPES) or ({first.complex_component} & {"PHASE", "REAL", "IMAGINARY"})
    if phase:
        evidence.append(
            Evidence(
                "(0008,0008) ImageType / (0008,9208) ComplexImageComponent",
                it or first.complex_component,
                tr("{kind}: phase or field-map image -> OTHER", kind=sorted(phase)[0]),
            )
        )
        return 0.9
    perfusion = image_type & _PERFUSION_TYPES
    name = first.sequence_name.lower()
    if perfusion or _ASL_SEQUENCE.search(name):
        evidence.append(
            Evidence(
                "(0008,0008) ImageType / (0018,0024) SequenceName",
                f"{it}; {first.sequence_name}",
                tr("perfusion (ASL) or functional series -> OTHER"),
            )
        )
        return 0.9
    if _FIELD_MAP_SEQUENCE.search(name):
        evidence.append(
            Evidence(
                "(0018,0024) SequenceName", first.sequence_name, tr("field map sequence -> OTHER")
            )
        )
        return 0.9
    echoes = sorted({i.echo_time for i in series.instances if i.echo_time is not None})
    gradient_echo = "GR" in first.scanning_sequence and "SE" not in first.scanning_sequence
    if len(echoes) >= 2 and gradient_echo and echoes[-1] <= FIELD_MAP_MAX_TE_MS:
        evidence.append(
            Evidence(
                "(0018,0081/0086) EchoTime, EchoNumbers",
                ", ".join(f"{te:g}" for te in echoes),
                tr("two short gradient echoes: a gradient-echo field map -> OTHER"),
            )
        )
        return 0.85
    volumes = _volumes_at_same_positions(series)
    if volumes >= TIME_SERIES_MIN_VOLUMES and len(echoes) <= 1:
        evidence.append(
            Evidence(
                "(0020,0032/0100) positions, TemporalPositionIdentifier",
                tr("{count} volumes", count=volumes),
                tr(
                    "repeated volumes without diffusion: a time series (ASL, BOLD, perfusion) "
                    "-> OTHER"
                ),
            )
        )
        return 0.85
    if is_epi(first):
        evidence.append(
            Evidence(
                "(0018,0020) ScanningSequence / (2001,1013) EPI factor / (0018,0024) SequenceName",
                f"{'/'.join(first.scanning_sequence)}; EPI factor {first.epi_factor}; "
                f"{first.sequence_name}",
                tr("echo-planar without diffusion weighting (field map, BOLD, perfusion) -> OTHER"),
            )
        )
        return 0.8
    return None


def _volumes_at_same_positions(series: Series) -> int:
    """The number of stacks that repeat the first stack's slice positions and orientation."""
    reference = series.stacks[0].instances
    positions = [i.position for i in reference]
    return sum(
        1
        for stack in series.stacks
        if len(stack.instances) == len(reference)
        and stack.instances[0].orientation == reference[0].orientation
        and [i.position for i in stack.instances] == positions
    )


def _weighting(first: DicomInstance, evidence: list[Evidence]) -> tuple[MRSequence | None, float]:
    """T1 / T2 / FLAIR from the scanning sequence and TR / TE / TI."""
    tr_ms, te_ms, ti_ms = first.repetition_time, first.echo_time, first.inversion_time
    timing = f"TR {tr_ms} / TE {te_ms} / TI {ti_ms}"
    ss = set(first.scanning_sequence)
    sv = set(first.sequence_variant)
    contrast = first.acquisition_contrast
    if contrast in ("T1", "T2", "FLAIR", "PROTON_DENSITY"):
        evidence.append(
            Evidence(
                "(0008,9209) AcquisitionContrast",
                contrast,
                tr("scanner says {contrast}", contrast=contrast),
            )
        )
    inversion = "IR" in ss or (ti_ms is not None and ti_ms > 0)
    if (
        inversion
        and ti_ms is not None
        and ti_ms >= FLAIR_MIN_TI_MS
        and (te_ms is None or te_ms >= 60)
    ):
        evidence.append(
            Evidence(
                "(0018,0020/0080/0081/0082) ScanningSequence, TR/TE/TI",
                f"{'/'.join(first.scanning_sequence)}; {timing}",
                tr("long inversion, long TE -> FLAIR"),
            )
        )
        return MRSequence.FLAIR, 0.8
    if (
        inversion
        and ti_ms is not None
        and T1_IR_TI_MS[0] <= ti_ms <= T1_IR_TI_MS[1]
        and te_ms is not None
        and te_ms <= T1_MAX_TE_MS
    ):
        evidence.append(
            Evidence(
                "(0018,0020/0081/0082) ScanningSequence, TE/TI",
                f"{'/'.join(first.scanning_sequence)}; {timing}",
                tr("T1 inversion (MPRAGE / IR-SPGR) -> T1"),
            )
        )
        return MRSequence.T1, 0.8
    if tr_ms is None or te_ms is None:
        if contrast in ("T1", "T2", "FLAIR"):
            return MRSequence(contrast), 0.6
        return None, 0.0
    if "MP" in sv and te_ms <= T1_MAX_TE_MS:
        evidence.append(
            Evidence(
                "(0018,0021) SequenceVariant",
                "/".join(first.sequence_variant),
                tr("magnetization-prepared -> T1"),
            )
        )
        return MRSequence.T1, 0.75
    if tr_ms <= GRE_T1_MAX_TR_MS and te_ms <= GRE_T1_MAX_TE_MS:
        evidence.append(
            Evidence(
                "(0018,0080/0081) TR/TE", timing, tr("spoiled gradient echo, short TR/TE -> T1")
            )
        )
        return MRSequence.T1, 0.75
    if "GR" in ss and te_ms > 15:
        evidence.append(
            Evidence(
                "(0018,0020/0081) ScanningSequence, TE",
                timing,
                tr("gradient echo, long TE (T2*/SWI) -> OTHER"),
            )
        )
        return MRSequence.OTHER, 0.6
    if tr_ms <= T1_SE_MAX_TR_MS and te_ms <= T1_MAX_TE_MS:
        evidence.append(Evidence("(0018,0080/0081) TR/TE", timing, tr("short TR, short TE -> T1")))
        return MRSequence.T1, 0.75
    if tr_ms >= T2_MIN_TR_MS and te_ms >= T2_MIN_TE_MS:
        evidence.append(Evidence("(0018,0080/0081) TR/TE", timing, tr("long TR, long TE -> T2")))
        return MRSequence.T2, 0.75
    if tr_ms >= T2_MIN_TR_MS and te_ms < 50:
        evidence.append(
            Evidence(
                "(0018,0080/0081) TR/TE",
                timing,
                tr("long TR, short TE (proton density) -> OTHER"),
            )
        )
        return MRSequence.OTHER, 0.6
    evidence.append(Evidence("(0018,0080/0081) TR/TE", timing, tr("weighting unclear")))
    return None, 0.0


def _plain_words(text: str) -> str:
    """Lower case, with _ - . as word separators (``dti_ax`` reads as ``dti ax``)."""
    return re.sub(r"[_\-.]+", " ", text.lower())


def _words(series: Series, evidence: list[Evidence]) -> MRSequence | None:
    text = f"{series.first.series_description} {series.first.protocol_name}".strip()
    lowered = _plain_words(text)
    for sequence, pattern in _WORDS:
        if re.search(pattern, lowered):
            evidence.append(
                Evidence(
                    "(0008,103E)/(0018,1030) SeriesDescription/ProtocolName",
                    text,
                    tr("words -> {sequence}", sequence=sequence.value),
                )
            )
            return sequence
    return None


def _combine(
    physics: MRSequence | None, strength: float, words: MRSequence | None
) -> tuple[MRSequence, float]:
    if physics is not None and words is not None:
        if physics == words:
            return physics, min(0.98, strength + 0.15)
        if strength >= 0.85:  # ImageType says ADC / TRACEW / derived: trust it over the words
            return physics, 0.7
        if words is MRSequence.OTHER:  # "fmap", "asl", "scout" are specific: no structural label
            return MRSequence.OTHER, 0.4
        return physics, 0.4
    if physics is not None:
        return physics, strength
    if words is not None:
        return words, 0.55
    return MRSequence.OTHER, 0.3


def _post_contrast(series: Series, evidence: list[Evidence]) -> bool:
    """True when tags or words say gadolinium was given (the T1 becomes T1C)."""
    agent = series.first.contrast_agent
    if agent is not None and agent.strip().upper() not in NO_CONTRAST:
        evidence.append(
            Evidence("(0018,0010) ContrastBolusAgent", agent, tr("contrast given -> T1C"))
        )
        return True
    text = _plain_words(f"{series.first.series_description} {series.first.protocol_name}")
    match = _CONTRAST_WORDS.search(text)
    if match:
        evidence.append(
            Evidence(
                "(0008,103E) SeriesDescription",
                text.strip(),
                tr("'{word}' -> T1C", word=match.group(0)),
            )
        )
        return True
    if agent is None:
        evidence.append(
            Evidence(
                "(0018,0010) ContrastBolusAgent",
                tr("absent"),
                tr("contrast not recorded: assumed pre-contrast"),
            )
        )
    else:
        evidence.append(
            Evidence(
                "(0018,0010) ContrastBolusAgent", agent or tr("empty"), tr("no contrast -> T1")
            )
        )
    return False


def identify_series(series: Series) -> Identification:
    """Identify the sequence and acquisition geometry of a series from its headers."""
    evidence: list[Evidence] = []
    physics, strength = _physics(series, evidence)
    words = _words(series, evidence)
    sequence, confidence = _combine(physics, strength, words)
    if physics is not None and words is not None and physics != words:
        evidence.append(
            Evidence(
                "identification",
                tr(
                    "physics {physics} vs words {words}",
                    physics=physics.value,
                    words=words.value,
                ),
                tr("disagree: a person confirms"),
            )
        )
    always_confirm = False
    if sequence is MRSequence.T1 and _post_contrast(series, evidence):
        sequence, always_confirm = MRSequence.T1C, True
    stack = series.stacks[0]
    orientation = next((i.orientation for i in stack.instances if i.orientation), None)
    plane = plane_from_orientation(orientation) if orientation else None
    thickness = slice_thickness(stack)
    spacing = slice_spacing(stack)
    b_values = tuple(
        sorted({round_b_value(i.b_value) for i in series.instances if i.b_value is not None})
    )
    if sequence not in (MRSequence.DWI,):
        b_values = b_values if sequence is MRSequence.ADC else ()
    return Identification(
        sequence=sequence,
        confidence=round(confidence, 2),
        needs_confirmation=always_confirm or confidence < CONFIRM_BELOW,
        evidence=tuple(evidence),
        plane=plane.plane if plane else None,
        obliquity_deg=plane.obliquity_deg if plane else None,
        acquisition=acquisition_type(series.first),
        slice_thickness_mm=thickness,
        slice_spacing_mm=round(spacing, 3) if spacing is not None else None,
        slice_gap_mm=round(spacing - thickness, 3) + 0.0
        if spacing is not None and thickness is not None
        else None,
        b_values=b_values,
    )
