"""What every exporter needs about one case: its masks, names, sources and options.

The context is built once per case from ``case.load_case`` / ``case.region_masks`` /
``case.reference_image`` (the exporters never parse the case folder themselves), so that the
five exporters share one reading of the masks and one naming policy (R-FMT-3), and every file
they write can name its sources (R-FMT-2).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import SimpleITK as sitk

from CNSTumorAnnotationLib.case.volume_record import RECORD_KEY, volume_grid, volume_sha256
from CNSTumorAnnotationLib.export.manifest import ManifestEntry, SourceRef, entry_for
from CNSTumorAnnotationLib.naming import NamingPolicy, clean_component
from CNSTumorAnnotationLib.schemas import LabelSchema, Region
from CNSTumorQCLib.atomic import sha256_file
from CNSTumorQCLib.sequences import MRSequence

if TYPE_CHECKING:
    from CNSTumorAnnotationLib.case.folder import CaseFolder, FolderVersion
    from CNSTumorAnnotationLib.mrml.runtime import MRMLRuntime


@dataclass(frozen=True)
class ExportOptions:
    """Choices that change what is written (recorded in the manifest's provenance)."""

    naming: NamingPolicy = field(default_factory=NamingPolicy)
    brats_version: str = "2023"  # "2021" (labels 1/2/4, _t1ce names) or "2023" (1/2/3, -t1c)
    #: The grid BraTS and nnU-Net images and labels are resampled to (documented in export_brats).
    dataset_reference: MRSequence = MRSequence.FLAIR
    nnunet_dataset_id: int = 501
    nnunet_dataset_name: str = "CNSTumor"
    approved_only: bool = False
    #: The annotation project whose review store decides approval (default: found beside
    #: the case folder, else the case folder's own flag; see ``approval``).
    project_dir: Path | None = None
    #: R-DATA-1: deface every exported image (``export.deface``: Quickshear).
    deface: bool = False
    #: Write ``<case>/preview.html``: the exported label maps read back and drawn (``preview``).
    preview: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "naming_pattern": self.naming.pattern,
            "ascii_only": self.naming.ascii_only,
            "brats_version": self.brats_version,
            "dataset_reference": self.dataset_reference.value,
            "nnunet_dataset": f"Dataset{self.nnunet_dataset_id:03d}_{self.nnunet_dataset_name}",
            "approved_only": self.approved_only,
            "project_dir": str(self.project_dir) if self.project_dir else None,
            "deface": self._deface_record(),
            "preview": self.preview,
        }

    def _deface_record(self) -> dict[str, Any]:
        if not self.deface:
            return {"defaced": False}
        from CNSTumorAnnotationLib.export.deface import method_record

        return {"defaced": True, **method_record()}


@dataclass
class ExportContext:
    """One case and one annotation version, ready to be written in any format."""

    case: CaseFolder
    version: FolderVersion
    export_root: Path
    options: ExportOptions
    masks: dict[str, sitk.Image]  # region key -> 0/1 mask in its reference sequence's geometry
    reference_reader: Callable[[MRSequence], sitk.Image]
    runtime: MRMLRuntime | None = None  # for the .seg.nrrd writer, made when first needed
    approval: Any = None  # approval.Approval of the version
    _reference_cache: dict[MRSequence, sitk.Image] = field(default_factory=dict, repr=False)

    @property
    def schema(self) -> LabelSchema:
        return self.case.schema

    @property
    def patient(self) -> str:
        return str(self.case.patient_id)

    @cached_property
    def case_folder(self) -> Path:
        """Per-case outputs (NIfTI, .seg.nrrd, DICOM SEG, manifest) live here."""
        return self.export_root / clean_component(
            self.case.case_id, ascii_only=self.options.naming.ascii_only
        )

    def filename(self, sequence: MRSequence | str, content: str, extension: str) -> str:
        """An R-FMT-3 file name: ``<patient>_<sequence>_<content><extension>`` by default."""
        seq = sequence.value if isinstance(sequence, MRSequence) else sequence
        return self.options.naming.filename(
            extension,
            patient=self.patient,
            sequence=seq,
            content=content,
            case=str(self.case.case_id),
            version=int(self.version.version),
            annotator=str(self.version.annotator),
        )

    def drawn_sequences(self) -> list[tuple[MRSequence, list[Region]]]:
        """Each reference sequence of the schema with its regions that have a mask, in schema
        order; sequences with none are left out (the per-sequence formats write nothing there)."""
        drawn = []
        for sequence in self.schema.reference_sequences:
            regions = [r for r in self.schema.regions_on(sequence) if r.key in self.masks]
            if regions:
                drawn.append((sequence, regions))
        return drawn

    def reference_image(self, sequence: MRSequence) -> sitk.Image:
        """The case's volume of ``sequence`` (its native geometry, R-ANN-8), read once."""
        if sequence not in self._reference_cache:
            image = self.reference_reader(sequence)
            if self.options.deface:  # R-DATA-1: no face leaves in an exported image
                from CNSTumorAnnotationLib.export.deface import brain_mask, deface

                image = deface(image, brain_mask(self.case, sequence, image))
            self._reference_cache[sequence] = image
        return self._reference_cache[sequence]

    def reference_grid(self, sequence: MRSequence) -> sitk.Image:
        """An empty uint8 image on ``sequence``'s native grid.

        The grid comes from a loaded volume or a region mask drawn on ``sequence`` (masks live
        on their reference sequence's grid), else from the file header alone.
        """
        drawn_here = [
            self.masks[r.key] for r in self.schema.regions_on(sequence) if r.key in self.masks
        ]
        templates = [self._reference_cache[sequence]] if sequence in self._reference_cache else []
        for template in templates + drawn_here:
            grid = sitk.Image(template.GetSize(), sitk.sitkUInt8)
            grid.CopyInformation(template)
            return grid
        return volume_grid(
            Path(self.case.volumes[sequence]), _sequence_record(self.case, sequence).get(RECORD_KEY)
        )

    def transform_between(self, source: MRSequence, target: MRSequence) -> sitk.Transform | None:
        """Target-space -> source-space transform from the case's co-registration, or None.

        ``registration`` stores, per sequence, a transform from FLAIR points to that
        sequence's points; target -> FLAIR -> source composes them (as
        ``registration.move_label`` does). None when neither sequence was registered.
        """
        if source is target:
            return None
        from CNSTumorAnnotationLib.case import registration

        stored = [
            registration.sequence_transform_path(self.case, s).is_file() for s in (source, target)
        ]
        if not any(stored):
            return None
        composite = sitk.CompositeTransform(3)
        composite.AddTransform(registration.sequence_transform(self.case, source))
        composite.AddTransform(registration.sequence_transform(self.case, target).GetInverse())
        return composite

    def region_transforms(self, target: MRSequence) -> dict[str, sitk.Transform | None]:
        """Per region key, the transform from ``target``'s grid into its reference sequence."""
        return {
            region.key: self.transform_between(region.reference_sequence, target)
            for region in self.schema.regions
        }

    @property
    def sequences(self) -> tuple[MRSequence, ...]:
        """The case's sequences in a stable order (T1, T1C, T2, FLAIR first)."""
        order = list(MRSequence)
        return tuple(sorted(self.case.volumes, key=order.index))

    # ------------------------------------------------------------------ sources (R-FMT-2)
    @cached_property
    def _volume_hashes(self) -> dict[MRSequence, tuple[str, str]]:
        """Per volume, ``(sha256, basis)``: recorded at import while the file is unchanged
        (size and modification time), else computed now (``volume_record``)."""
        return {
            seq: volume_sha256(Path(path), _sequence_record(self.case, seq).get(RECORD_KEY))
            for seq, path in self.case.volumes.items()
        }

    def image_source(self, sequence: MRSequence) -> SourceRef:
        """The case volume of ``sequence`` with its series UID and checksums."""
        path = Path(self.case.volumes[sequence])
        info = _sequence_record(self.case, sequence)
        return SourceRef(
            kind="image",
            sequence=sequence.value,
            file=_relative(path, Path(self.case.root)),
            sha256=self._volume_hashes[sequence][0],
            sha256_basis=self._volume_hashes[sequence][1],
            series_instance_uid=self.case.series_uids.get(sequence),
            original_source=info.get("source"),
            original_sha256=info.get("source_sha256"),
        )

    def annotation_source(self, sequence: MRSequence) -> SourceRef | None:
        """The annotation version's file drawn on ``sequence``, with its checksum."""
        path = self.version.files.get(sequence)
        if path is None:
            return None
        path = Path(path)
        relative = _relative(path, Path(self.case.root))
        recorded = dict(getattr(self.version, "sha256", {}) or {})
        digest = recorded.get(relative) or recorded.get(path.name) or recorded.get(sequence.value)
        return SourceRef(
            kind="annotation",
            sequence=sequence.value,
            file=relative,
            sha256=digest or sha256_file(path),
            series_instance_uid=self.case.series_uids.get(sequence),
        )

    def region_sources(self, *region_keys: str) -> tuple[SourceRef, ...]:
        """Image and annotation sources of the reference sequences of ``region_keys``."""
        sequences: list[MRSequence] = []
        for key in region_keys:
            seq = self.schema.region(key).reference_sequence
            if seq not in sequences:
                sequences.append(seq)
        return tuple(ref for seq in sequences for ref in self._sequence_sources(seq))

    @cached_property
    def _sources_by_sequence(self) -> dict[MRSequence, tuple[SourceRef, ...]]:
        """Filled by ``_sequence_sources``: every exported file of a sequence names the same
        sources, so their paths are resolved once per context, not once per file."""
        return {}

    def _sequence_sources(self, sequence: MRSequence) -> tuple[SourceRef, ...]:
        """The image and (when drawn there) annotation sources of one sequence."""
        if sequence not in self._sources_by_sequence:
            annotation = self.annotation_source(sequence)
            self._sources_by_sequence[sequence] = (self.image_source(sequence),) + (
                (annotation,) if annotation is not None else ()
            )
        return self._sources_by_sequence[sequence]

    def entry(self, path: Path, **kwargs: Any) -> ManifestEntry:
        """A manifest entry for a file just written (hashed, path relative to the export root)."""
        return entry_for(self.export_root, path, **kwargs)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _sequence_record(case: Any, sequence: MRSequence) -> dict[str, Any]:
    """The per-sequence record of ``case.json`` (source, source_sha256, dicom_files), or {}."""
    metadata = getattr(case, "metadata", None) or {}
    records = metadata.get("sequences") or {}
    record = records.get(sequence.value) or {}
    return record if isinstance(record, dict) else {}
