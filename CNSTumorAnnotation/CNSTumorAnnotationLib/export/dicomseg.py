"""DICOM SEG export (R-FMT-1): one highdicom ``Segmentation`` per reference sequence.

BINARY segmentation, one segment per region drawn on that sequence, coded with the schema's
terminology (segmented property category / type, anatomic region), the region key as Segment
Label and the English name as Segment Description, the schema colour as the recommended
display CIELab value. Segment Algorithm Type comes from the annotation version's annotator
(``segment_algorithm``): MANUAL segments carry no Algorithm Identification Sequence;
SEMIAUTOMATIC / AUTOMATIC ones carry it (the standard requires it for them).

Source images: when the case came from DICOM (``dicom_files`` recorded for the sequence) the
SEG references those files; otherwise the reference volume is first written as a DICOM MR
series under ``<case>/dicom/<patient>_<SEQ>_image/`` (``dicom_sources.write_mr_series``) so the SEG references
real images. Masks are resampled
(nearest neighbour) onto the referenced series' own grid, frame by frame.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

import highdicom as hd
import numpy as np
import SimpleITK as sitk
from pydicom.sr.codedict import codes

from CNSTumorAnnotationLib.export.context import ExportContext, _sequence_record
from CNSTumorAnnotationLib.export.dicom_sources import (
    deterministic_uid,
    geometry_from_datasets,
    person_name,
    read_series,
    write_mr_series,
)
from CNSTumorAnnotationLib.export.manifest import ManifestEntry
from CNSTumorAnnotationLib.grid import resample_label
from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.segment_algorithm import algorithm_name, annotator_kind
from CNSTumorQCLib.atomic import atomic_path
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.sequences import MRSequence
from CNSTumorQCLib.version import __version__

FORMAT = "dicom-seg"
FOLDER = "dicom-seg"
IMAGES_FOLDER = "dicom"
EXTENSION = ".dcm"
CONTENT = "annotation"
SEG_SERIES_NUMBER = 900


def _coded(code: Any) -> hd.sr.CodedConcept:
    return hd.sr.CodedConcept(value=code.value, scheme_designator=code.scheme, meaning=code.meaning)


def _source_files(ctx: ExportContext, sequence: MRSequence) -> tuple[list[Path], bool]:
    """The series' DICOM files and whether they are the case's originals (vs written here)."""
    record = _sequence_record(ctx.case, sequence)
    files = [Path(f) for f in (record.get("dicom_files") or [])]
    if files:
        root = Path(ctx.case.root)
        files = [f if f.is_absolute() else root / f for f in files]
        missing = [f for f in files if not f.is_file()]
        if missing:
            raise InvalidInputError(
                tr(
                    (
                        "R-FMT-2: {count_missing} source DICOM file(s) of {sequence} are missing "
                        "(first: {missing}); the SEG could not reference its source series"
                    ),
                    count_missing=len(missing),
                    sequence=sequence.value,
                    missing=missing[0],
                ),
                Path(ctx.case.root) / "case.json",
            )
        return files, True
    return _write_reference_series(ctx, sequence), False


def _write_reference_series(ctx: ExportContext, sequence: MRSequence) -> list[Path]:
    """The case volume as a minimal MR series with deterministic UIDs (see dicom_sources).

    The demo's ``CNSTumorQCLib.demo.fixture_study`` is deliberately not used: it invents a
    patient identity and Siemens acquisition headers, which must not leak into an exported
    data set; both write through the same ``CNSTumorQCLib.dicom.writer.write_mr_series``.
    """
    out_dir = ctx.case_folder / IMAGES_FOLDER / ctx.filename(sequence, "image", "")
    image = ctx.reference_image(sequence)
    source = ctx.image_source(sequence)
    case_key = f"{ctx.case.case_id}/{source.sha256}"
    return write_mr_series(
        image,
        out_dir,
        patient_id=ctx.patient,
        patient_name=person_name(ctx.patient),
        study_uid=deterministic_uid(str(ctx.case.case_id), "study"),
        series_uid=deterministic_uid(case_key, sequence.value, "series"),
        frame_of_reference_uid=deterministic_uid(str(ctx.case.case_id), "frame-of-reference"),
        series_number=1 + list(MRSequence).index(sequence),
        series_description=f"{sequence.value} (from NIfTI, for DICOM SEG)",
        content_date=version_timestamp(ctx).strftime("%Y%m%d"),
    )


def _segment_description(ctx: ExportContext, number: int, region: Any) -> hd.seg.SegmentDescription:
    kind = annotator_kind(ctx.version)
    algorithm = None
    if kind.machine_made:
        algorithm = hd.AlgorithmIdentificationSequence(
            name=algorithm_name(ctx.version)[:64],
            family=codes.DCM.ArtificialIntelligence,
            version=__version__,
            source="CNSTumor",
        )
    terminology = region.terminology
    description = hd.seg.SegmentDescription(
        segment_number=number,
        segment_label=region.key,
        segmented_property_category=_coded(terminology.category),
        segmented_property_type=_coded(terminology.type),
        algorithm_type=kind.value,
        algorithm_identification=algorithm,
        tracking_uid=deterministic_uid(str(ctx.case.case_id), region.key, "tracking"),
        tracking_id=f"{ctx.case.case_id}/{region.key}",
        anatomic_regions=[_coded(terminology.anatomic_region)],
        display_color=hd.color.CIELabColor.from_rgb(*[round(c * 255) for c in region.color_rgb]),
    )
    description.SegmentDescription = region.name_en[:64]
    return description


def export_dicomseg(ctx: ExportContext) -> list[ManifestEntry]:
    """Write one DICOM SEG per reference sequence; return manifest entries (SEG and images)."""
    entries: list[ManifestEntry] = []
    for sequence, regions in ctx.drawn_sequences():
        files, original = _source_files(ctx, sequence)
        datasets, grid = geometry_from_datasets(read_series(files))
        frames = np.stack(
            [sitk.GetArrayFromImage(resample_label(ctx.masks[r.key], grid)) > 0 for r in regions],
            axis=-1,
        ).astype(np.uint8)
        kept = [i for i in range(len(regions)) if frames[..., i].any()]
        notes = (
            [
                f"empty region(s) left out: {', '.join(regions[i].key for i in range(len(regions)) if i not in kept)}"
            ]
            if len(kept) < len(regions)
            else []
        )
        if not kept:
            continue
        seg = _segmentation(ctx, sequence, datasets, frames[..., kept], [regions[i] for i in kept])
        # the same input gives the same bytes: no clock, no random UID
        organization = deterministic_uid(
            str(ctx.case.case_id), sequence.value, str(ctx.version.version), "dimensions"
        )
        _make_deterministic(seg, version_timestamp(ctx), organization)
        path = ctx.case_folder / FOLDER / ctx.filename(sequence, CONTENT, EXTENSION)
        with atomic_path(path) as tmp:
            seg.save_as(tmp)
        sources = ctx.region_sources(*(r.key for r in regions))
        if not original:
            notes.append(
                "source series written from the case's NIfTI volume (the case has no DICOM)"
            )
            for image_path in files:
                entries.append(
                    ctx.entry(
                        image_path,
                        format=FORMAT,
                        content="source_image",
                        sequence=sequence.value,
                        sources=(ctx.image_source(sequence),),
                    )
                )
        notes.append(f"references SeriesInstanceUID {datasets[0].SeriesInstanceUID}")
        entries.append(
            ctx.entry(
                path,
                format=FORMAT,
                content=CONTENT,
                sequence=sequence.value,
                sources=sources,
                notes=tuple(notes),
            )
        )
    return entries


def version_timestamp(ctx: ExportContext) -> _dt.datetime:
    """When the exported annotation version was saved (UTC): the DICOM dates of a re-export
    come from it, not from the clock, so that a re-export is byte-identical."""
    text = str(getattr(ctx.version, "created", "") or "")
    try:
        stamp = _dt.datetime.fromisoformat(text)
    except ValueError:
        return _dt.datetime(1970, 1, 1, tzinfo=_dt.UTC)
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=_dt.UTC)


def _make_deterministic(seg: Any, stamp: _dt.datetime, organization_uid: str) -> None:
    """Replace what highdicom takes from the clock or a random source: instance creation,
    content and series date/time and the contribution time (the version's timestamp), and the
    dimension organization UID (derived from case, sequence and version)."""
    utc = stamp.astimezone(_dt.UTC)
    day, time = utc.strftime("%Y%m%d"), utc.strftime("%H%M%S")
    for prefix in ("InstanceCreation", "Content", "Series"):
        setattr(seg, f"{prefix}Date", day)
        setattr(seg, f"{prefix}Time", time)
    for item in seg.get("ContributingEquipmentSequence", []):
        if "ContributionDateTime" in item:
            item.ContributionDateTime = day + time
    for name in ("DimensionOrganizationSequence", "DimensionIndexSequence"):
        for item in seg.get(name, []):
            if "DimensionOrganizationUID" in item:
                item.DimensionOrganizationUID = organization_uid


def _segmentation(
    ctx: ExportContext,
    sequence: MRSequence,
    datasets: list[Any],
    frames: np.ndarray,
    regions: list[Any],
) -> hd.seg.Segmentation:
    descriptions = [_segment_description(ctx, i + 1, r) for i, r in enumerate(regions)]
    creator = (
        None
        if annotator_kind(ctx.version).machine_made
        else person_name(str(ctx.version.annotator))
    )
    for ds in datasets:  # in-memory copies: the source files are never touched
        name = str(ds.get("PatientName", "") or "")
        if name and "^" not in name:
            # a pseudonym is one component; the trailing "^" says so (PS3.5 6.2.1.2), and
            # highdicom no longer warns that the name is "unlikely" on every export
            ds.PatientName = person_name(name)
    return hd.seg.Segmentation(
        source_images=datasets,
        pixel_array=frames,
        segmentation_type=hd.seg.SegmentationTypeValues.BINARY,
        segment_descriptions=descriptions,
        series_instance_uid=deterministic_uid(
            str(ctx.case.case_id), sequence.value, str(ctx.version.version), "seg"
        ),
        series_number=SEG_SERIES_NUMBER + list(MRSequence).index(sequence),
        sop_instance_uid=deterministic_uid(
            str(ctx.case.case_id), sequence.value, str(ctx.version.version), "seg-sop"
        ),
        instance_number=1,
        manufacturer="CNSTumor",
        manufacturer_model_name="CNSTumorAnnotation",
        software_versions=__version__,
        device_serial_number="none",
        content_label=f"{sequence.value}_V{int(ctx.version.version):04d}"[:16].upper(),
        content_description=f"CNSTumor consensus annotation, version {ctx.version.version}"[:64],
        content_creator_name=creator,
        series_description=f"SEG {sequence.value} v{ctx.version.version}"[:64],
    )
