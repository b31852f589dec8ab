"""``<case>/preview.html``: what an export wrote, read back from the written files and drawn.

A manifest of checksums proves that files did not change, not that they hold the right thing.
The preview is written after every exporter of the case ran, and reads their files back (NIfTI
and BraTS / nnU-Net label maps with SimpleITK, ``.seg.nrrd`` with the project's SimpleITK
segment reader), so a flipped affine, an empty region or a shifted BraTS label shows up as a
picture that is wrong, not as a number nobody reads. One section per picture:

- per reference sequence (R-ANN-8), the region masks written on it (the NIfTI files; the
  ``.seg.nrrd`` when NIfTI was not asked for) over the case's volume of that sequence, the one
  the masks were drawn on (defaced when ``--deface``);
- the combined NIfTI label map on FLAIR;
- for BraTS and nnU-Net, the exported label map on the exported channel image of the data set's
  grid (``--dataset-reference``, default FLAIR).

DICOM SEG files are not read back (an export of only DICOM SEG gets a page saying so).

Each picture is one PNG of three tiles: the displayed slice through the centre of the largest
labelled component and two neighbouring levels about 5 mm either side, in radiological
convention (``CNSTumorQCLib.pictures``), labels in the schema colours. Beside it a
legend table gives, per region or label value, its voxel count and volume in mL in that file,
and the file it came from (path relative to the export folder). The page is self-contained
(``html_page``) and listed in the manifest with its checksum like every exported file (R-FMT-2).
Its words are in the language of the export (``--lang``); region keys, file names and numbers
are the files' own.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import SimpleITK as sitk

from CNSTumorAnnotationLib.export.context import ExportContext
from CNSTumorAnnotationLib.export.manifest import MANIFEST_NAME, ManifestEntry
from CNSTumorAnnotationLib.i18n import N_, tr
from CNSTumorQCLib.atomic import write_text_atomic
from CNSTumorQCLib.pictures import (
    largest_component_slice,
    png_base64,
    radiological,
    slices_rgb,
    to_png,
)
from CNSTumorQCLib.report.html_page import html_page
from CNSTumorQCLib.sequences import MRSequence

PREVIEW_NAME = "preview.html"
FORMAT = "preview"
TILE_PX = 260
#: The neighbouring levels lie about this far (mm) either side of the lesion's central slice.
NEIGHBOUR_MM = 5.0
ALPHA = 0.45
NOTHING_DRAWN = N_(
    "Nothing drawable was exported: the preview reads back NIfTI, .seg.nrrd, BraTS and nnU-Net "
    "files; DICOM SEG files are not read back (open them in Slicer)."
)

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}
section.preview{margin:0 0 2em}
table{border-collapse:collapse;margin:0.5em 0}
th,td{border:1px solid #ccc;padding:3px 7px;text-align:left;font-size:13px}
th{background:#f3f3f3} td.num{text-align:right}
td.file{font-family:monospace;font-size:12px;overflow-wrap:anywhere}
figure{margin:0;background:#111;color:#eee;padding:6px;border-radius:6px;display:inline-block}
figure img{display:block;max-width:100%;height:auto}
figcaption{font-size:12px;padding-top:4px;width:0;min-width:100%}
span.swatch{display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:middle}
p.note{font-size:13px;color:#555}
"""


@dataclass(frozen=True)
class LegendRow:
    """One region (or label value) of a section: its colour, counts and file."""

    name: str
    value: int
    colour: tuple[int, int, int]
    voxels: int
    millilitres: float
    file: str  # relative to the export root


@dataclass
class Section:
    """One picture: labels read back from exported files over one image."""

    key: str
    title: str
    image: sitk.Image
    image_file: str
    labels: sitk.Image
    rows: list[LegendRow]
    notes: list[str] = field(default_factory=list)

    @property
    def colours(self) -> dict[int, tuple[int, int, int]]:
        return {row.value: row.colour for row in self.rows}


def _relative(ctx: ExportContext, path: Path) -> str:
    try:
        return path.resolve().relative_to(ctx.export_root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _voxel_ml(image: sitk.Image) -> float:
    return float(np.prod(image.GetSpacing())) / 1000.0


def _on_grid(labels: sitk.Image, image: sitk.Image) -> sitk.Image:
    """``labels`` on ``image``'s grid: unchanged when the grids agree (they should), else
    resampled by physical position (nearest neighbour), so a misplaced file shows misplaced."""
    same = (
        labels.GetSize() == image.GetSize()
        and np.allclose(labels.GetOrigin(), image.GetOrigin(), atol=1e-3)
        and np.allclose(labels.GetSpacing(), image.GetSpacing(), atol=1e-5)
        and np.allclose(labels.GetDirection(), image.GetDirection(), atol=1e-5)
    )
    if same:
        return labels
    return sitk.Resample(labels, image, sitk.Transform(), sitk.sitkNearestNeighbor, 0)


def _label_image(masks: Sequence[tuple[int, sitk.Image]], template: sitk.Image) -> sitk.Image:
    """Masks as one label image, painted in the given order (inner regions last, on top)."""
    array = np.zeros(sitk.GetArrayViewFromImage(template).shape, np.uint8)
    for value, mask in masks:
        array[sitk.GetArrayViewFromImage(mask) > 0] = value
    image = sitk.GetImageFromArray(array)
    image.CopyInformation(template)
    return image


def _files(entries: Sequence[ManifestEntry], fmt: str) -> dict[str, ManifestEntry]:
    return {e.content: e for e in entries if e.format == fmt}


def _read(ctx: ExportContext, entry: ManifestEntry) -> sitk.Image:
    return sitk.ReadImage(str(ctx.export_root / entry.path))


# --------------------------------------------------------------------------- sections
def _sequence_sections(ctx: ExportContext, entries: Sequence[ManifestEntry]) -> list[Section]:
    """Per reference sequence, its region masks as written (NIfTI, else .seg.nrrd)."""
    nifti = _files(entries, "nifti")
    segnrrd = {e.sequence: e for e in entries if e.format == "seg-nrrd"}
    sections = []
    for sequence, regions in ctx.drawn_sequences():
        image = ctx.reference_image(sequence)
        image_file = ctx.image_source(sequence).file
        masks: list[tuple[Any, sitk.Image, str]] = []
        if all(region.key in nifti for region in regions):
            for region in regions:
                entry = nifti[region.key]
                masks.append((region, _read(ctx, entry), entry.path))
        elif sequence.value in segnrrd:
            masks = _segnrrd_masks(ctx, segnrrd[sequence.value], regions)
        if not masks:
            continue
        rows = []
        for region, mask, path in masks:
            voxels = int(np.count_nonzero(sitk.GetArrayViewFromImage(mask)))
            rows.append(
                LegendRow(
                    region.key,
                    region.label_value,
                    region.color_rgb255,
                    voxels,
                    voxels * _voxel_ml(mask),
                    path,
                )
            )
        ordered = sorted(masks, key=lambda item: item[0].label_value)  # inner on top
        labels = _label_image(
            [(region.label_value, _on_grid(mask, image)) for region, mask, _ in ordered], image
        )
        volume = (
            tr("case volume {file} (defaced)", file=image_file)
            if ctx.options.deface
            else tr("case volume {file}", file=image_file)
        )
        sections.append(
            Section(
                f"sequence-{sequence.value}",
                tr("{sequence}: regions drawn on {sequence}", sequence=sequence.value),
                image,
                volume,
                labels,
                rows,
            )
        )
    return sections


def _segnrrd_masks(
    ctx: ExportContext, entry: ManifestEntry, regions: Sequence[Any]
) -> list[tuple[Any, sitk.Image, str]]:
    from CNSTumorAnnotationLib.case.seg_nrrd_reader import read_standard_segments

    sequence = MRSequence(entry.sequence)
    read = read_standard_segments(
        ctx.export_root / entry.path, [r.key for r in regions], ctx.reference_grid(sequence)
    )
    if read is None:
        return []
    return [(region, read[region.key], entry.path) for region in regions]


def _combined_rows(
    labels: sitk.Image,
    names: Mapping[int, str],
    colours: Mapping[int, tuple[int, int, int]],
    path: str,
) -> list[LegendRow]:
    """One row per label value of a combined map: its voxel count in the file."""
    array = sitk.GetArrayViewFromImage(labels)
    values, counts = np.unique(array, return_counts=True)
    found = {int(v): int(c) for v, c in zip(values, counts, strict=True) if v != 0}
    unknown = sorted(set(found) - set(names))
    rows = [
        LegendRow(
            names[v], v, colours[v], found.get(v, 0), found.get(v, 0) * _voxel_ml(labels), path
        )
        for v in sorted(names)
    ]
    rows += [
        LegendRow(
            tr("unknown value"), v, (255, 0, 255), found[v], found[v] * _voxel_ml(labels), path
        )
        for v in unknown
    ]
    return rows


def _combined_section(
    ctx: ExportContext,
    key: str,
    title: str,
    labels_entry: ManifestEntry,
    image: sitk.Image,
    image_file: str,
    names: Mapping[int, str],
    colours: Mapping[int, tuple[int, int, int]],
    notes: list[str],
) -> Section:
    labels = sitk.Cast(_read(ctx, labels_entry), sitk.sitkUInt8)
    rows = _combined_rows(labels, names, colours, labels_entry.path)
    return Section(key, title, image, image_file, _on_grid(labels, image), rows, notes)


def _region_of_value(ctx: ExportContext) -> dict[int, Any]:
    return {region.label_value: region for region in ctx.schema.regions}


def _nifti_labels_section(ctx: ExportContext, entries: Sequence[ManifestEntry]) -> list[Section]:
    entry = _files(entries, "nifti").get("labels")
    if entry is None:
        return []
    regions = _region_of_value(ctx)
    sequence = MRSequence(entry.sequence)
    return [
        _combined_section(
            ctx,
            "nifti-labels",
            tr("NIfTI combined label map on {sequence}", sequence=sequence.value),
            entry,
            ctx.reference_image(sequence),
            tr("case volume {file}", file=ctx.image_source(sequence).file),
            {v: r.key for v, r in regions.items()},
            {v: r.color_rgb255 for v, r in regions.items()},
            [tr("innermost region wins: each voxel counts once, under its innermost region")],
        )
    ]


def _dataset_sections(ctx: ExportContext, entries: Sequence[ManifestEntry]) -> list[Section]:
    """BraTS and nnU-Net: the label map on the channel image of the data set's grid."""
    from CNSTumorAnnotationLib.export import brats
    from CNSTumorAnnotationLib.export.dataset_grid import DATASET_SEQUENCES

    reference = ctx.options.dataset_reference
    regions = _region_of_value(ctx)
    sections = []
    for fmt in ("brats", "nnunet"):
        written = [e for e in entries if e.format == fmt]
        labels = [e for e in written if e.content == "labels"]
        images = [e for e in written if e.content != "labels" and e.sequence == reference.value]
        if not labels or not images:
            continue
        if fmt == "brats":
            convention = brats.naming(ctx.options.brats_version).labels(ctx.schema.family)
            names = {v: n for n, v in convention.labels.items()}
            colours = {
                v: regions[convention.to_combined[v]].color_rgb255
                if convention.to_combined.get(v) in regions
                else (255, 0, 255)
                for v in names
            }
            title = tr(
                "BraTS {version} label map on its {sequence} image",
                version=ctx.options.brats_version,
                sequence=reference.value,
            )
        else:
            names = {v: r.key for v, r in regions.items()}
            colours = {v: r.color_rgb255 for v, r in regions.items()}
            channel = DATASET_SEQUENCES.index(reference)
            title = tr(
                "nnU-Net label map on channel {channel} ({sequence})",
                channel=f"{channel:04d}",
                sequence=reference.value,
            )
        sections.append(
            _combined_section(
                ctx,
                fmt,
                title,
                labels[0],
                _read(ctx, images[0]),
                images[0].path,
                names,
                colours,
                [
                    tr(
                        "both read from the exported files, on the {sequence} grid",
                        sequence=reference.value,
                    )
                ],
            )
        )
    return sections


# --------------------------------------------------------------------------- drawing
def tile_slices(labels: sitk.Image) -> list[int]:
    """Displayed slice numbers: the largest component's centre and one level either side."""
    centre = largest_component_slice(labels)
    shown = radiological(labels)
    count = shown.GetSize()[2]
    step = max(1, round(NEIGHBOUR_MM / float(shown.GetSpacing()[2])))
    return sorted({int(np.clip(k, 0, count - 1)) for k in (centre - step, centre, centre + step)})


def _picture(section: Section) -> tuple[str, list[int]]:
    """The section's three tiles as one PNG (base64) and the displayed slice numbers."""
    slices = tile_slices(section.labels)
    tiles, pixel = slices_rgb(section.image, slices, section.labels, section.colours, ALPHA)
    gap = np.full((tiles[0].shape[0], 3, 3), 255, np.uint8)
    row = np.concatenate([part for rgb in tiles for part in (rgb, gap)][:-1], axis=1)
    # not optimised: the search for the smallest PNG costs ~1 s per picture at every export
    return png_base64(to_png(row, pixel, TILE_PX * len(tiles), optimize=False)), slices


def _section_html(section: Section) -> str:
    source, slices = _picture(section)
    count = radiological(section.image).GetSize()[2]
    where = tr(
        "slices {slices} of {count}", slices=", ".join(str(k + 1) for k in slices), count=count
    )
    caption = tr(
        (
            "{where} (through the largest labelled component and about {mm} mm either side) · "
            "image: {image} · R on the left"
        ),
        where=where,
        mm=f"{NEIGHBOUR_MM:.0f}",
        image=section.image_file,
    )
    heads = (
        tr("region / label"),
        tr("label value"),
        tr("voxels"),
        tr("volume (mL)"),
        tr("file"),
    )
    empty = not any(row.voxels for row in section.rows)
    rows = "".join(
        f"<tr data-file='{html.escape(row.file)}' data-value='{row.value}'>"
        f"<td><span class='swatch' style='background:rgb{row.colour}'></span>"
        f"{html.escape(row.name)}</td><td class='num'>{row.value}</td>"
        f"<td class='num voxels'>{row.voxels}</td><td class='num'>{row.millilitres:.2f}</td>"
        f"<td class='file'>{html.escape(row.file)}</td></tr>"
        for row in section.rows
    )
    notes = [*section.notes, *([tr("no labelled voxel in these files")] if empty else [])]
    return (
        f"<section class='preview' id='{html.escape(section.key)}'>"
        f"<h2>{html.escape(section.title)}</h2>"
        f"<figure><img alt='{html.escape(section.title)}, {html.escape(where)}' "
        f"src='data:image/png;base64,{source}'><figcaption>"
        f"{_entities(caption)}</figcaption></figure>"
        "<table><tr>"
        + "".join(f"<th>{html.escape(head)}</th>" for head in heads)
        + f"</tr>{rows}</table>"
        + "".join(f"<p class='note'>{html.escape(note)}</p>" for note in notes)
        + "</section>"
    )


def preview_html(
    ctx: ExportContext, sections: Sequence[Section], provenance: Mapping[str, Any]
) -> str:
    """The whole page for the case of ``ctx``."""
    version = ctx.version
    approved = ctx.approval is not None and ctx.approval.approved
    about = tr(
        (
            "Patient {patient} · annotation version {version} by {annotator} ({approval}) · "
            "schema {schema}"
        ),
        patient=ctx.patient,
        version=f"v{version.version}",
        annotator=str(version.annotator),
        approval=tr("approved") if approved else tr("not approved"),
        schema=ctx.schema.version,
    )
    note = tr(
        "Every label map below was read back from the file the export wrote (named in its "
        "table), so the pictures and numbers are those of the files. Pictures in radiological "
        "convention: patient's right on the left, anterior up. Volume = voxels × voxel volume "
        "of that file (1 mL = 1000 mm³)."
    )
    heading = tr("Export preview of case {case_id}", case_id=str(ctx.case.case_id))
    body = (
        f"<h1>{html.escape(heading)}</h1>"
        f"<p>{_entities(about)}</p>"
        f"<p class='note'>{_entities(note)}</p>"
        + "".join(_section_html(section) for section in sections)
        + ("" if sections else f"<p class='nothing'>{_entities(tr(NOTHING_DRAWN))}</p>")
    )
    return html_page(
        tr(
            "Export preview {case_id} {version}",
            case_id=str(ctx.case.case_id),
            version=f"v{version.version}",
        ),
        body,
        provenance={"provenance": dict(provenance)},
        css=_STYLE,
    )


def _entities(text: str) -> str:
    """``text`` escaped, its middle dots and multiplication signs written as the page always
    wrote them (``&middot;``, ``&times;``), so the English page keeps its bytes."""
    return html.escape(text, quote=False).replace("·", "&middot;").replace("×", "&times;")


def write_preview(
    ctx: ExportContext,
    entries: Sequence[ManifestEntry],
    provenance: Mapping[str, Any],
    shown_paths: Mapping[str, str] | None = None,
) -> ManifestEntry:
    """Write ``<case folder>/preview.html`` from the files of ``entries``; its manifest entry.

    ``shown_paths`` maps an entry's path to the one the page names (the case folder is
    written under a staging name and renamed once complete, ``staging``)."""
    sections = [
        *_sequence_sections(ctx, entries),
        *_nifti_labels_section(ctx, entries),
        *_dataset_sections(ctx, entries),
    ]
    shown = dict(shown_paths or {})
    for section in sections:
        section.rows = [replace(row, file=shown.get(row.file, row.file)) for row in section.rows]
        section.image_file = shown.get(section.image_file, section.image_file)
    # the run's time stays in manifest.json: re-exports of one version give the same bytes
    # (like the DICOM SEG files), so an unchanged preview keeps its checksum
    timeless = {**provenance, "created_utc": f"see {MANIFEST_NAME}"}
    page = preview_html(ctx, sections, timeless)
    path = write_text_atomic(ctx.case_folder / PREVIEW_NAME, page)
    read_back = sorted({row.file for section in sections for row in section.rows})
    return ctx.entry(
        path,
        format=FORMAT,
        content=FORMAT,
        sequence=None,
        sources=ctx.region_sources(*ctx.masks),
        notes=("pictures and voxel counts read back from: " + ", ".join(read_back),),
    )
