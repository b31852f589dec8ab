"""BraTS layout export: the four sequences and the labels on one grid, BraTS names and values.

Conventions (the BraTS 2021 and 2023 challenges' published layouts; docs/label-schemas.md,
Mappings to BraTS):

* BraTS 2023+ (GLI, MEN): ``brats2023/BraTS-<TASK>-<patient>-000/BraTS-<TASK>-<patient>-000-{t1n,
  t1c,t2w,t2f,seg}.nii.gz``, labels 1 NETC, 2 SNFH, 3 ET. TASK is GLI for the intra-axial family
  and MEN for the meningeal one (BraTS-Meningioma uses the same integers).
* BraTS 2021 (GLI): ``brats2021/BraTS2021_<patient>/BraTS2021_<patient>_{t1,t1ce,t2,flair,seg}
  .nii.gz``, labels 1 NCR/NET, 2 ED, 4 ET.

The patient number is the cleaned patient ID (R-FMT-3), not BraTS' 5-digit counter. The
grid is the case's native FLAIR grid (``dataset_grid``), not SRI-24 1 mm: nothing is skull-
stripped or registered to an atlas.

Label values come from ``label_conventions`` (the schema engineer's BraTS mappings, one
source of truth for import and export); what each mapping loses is recorded in the manifest:

==========================================  ==========  ==========
consensus (combined value)                  2023        2021
==========================================  ==========  ==========
1 whole tumor / edema, not tumor body        2 SNFH      2 ED
2 tumor body not labelled on T1C             1 NETC      1 NCR/NET
3 non-enhancing                              1 NETC      1 NCR/NET
4 enhancing                                  3 ET        4 ET
==========================================  ==========  ==========

Losses: tumor-body voxels left unlabelled on T1C merge with the non-enhancing region; each
region's own native geometry is replaced by the FLAIR grid (nearest neighbour); no skull
stripping, no SRI-24. A schema that analyses enhancing and non-enhancing together (R-SEG-5)
cannot give BraTS its ET label and is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from CNSTumorAnnotationLib.export.context import ExportContext
from CNSTumorAnnotationLib.export.dataset_grid import (
    DATASET_SEQUENCES,
    combined_labels,
    reference_grid,
    require_sequences,
    write_dataset_images,
    write_dataset_labels,
)
from CNSTumorAnnotationLib.export.manifest import ManifestEntry
from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.label_conventions import (
    BRATS2021,
    BRATS2023,
    BRATS_MENINGIOMA,
    LabelConvention,
    to_convention,
)
from CNSTumorAnnotationLib.naming import clean_component
from CNSTumorAnnotationLib.schemas import TumorFamily
from CNSTumorQCLib.errors import InvalidInputError
from CNSTumorQCLib.sequences import MRSequence

FORMAT = "brats"
EXTENSION = ".nii.gz"


@dataclass(frozen=True)
class BratsNaming:
    """File names of one BraTS edition (label values come from ``label_conventions``)."""

    version: str
    separator: str
    suffixes: dict[MRSequence, str]

    def case_id(self, family: TumorFamily, patient: str) -> str:
        if self.version == "2021":
            return f"BraTS2021_{patient}"
        task = "MEN" if family is TumorFamily.MENINGEAL else "GLI"
        return f"BraTS-{task}-{patient}-000"

    def labels(self, family: TumorFamily) -> LabelConvention:
        """The label convention: 2021 GLI, 2023 GLI, or BraTS-MEN for the meningeal family."""
        if self.version == "2021":
            return BRATS2021
        return BRATS_MENINGIOMA if family is TumorFamily.MENINGEAL else BRATS2023


BRATS_2023 = BratsNaming(
    version="2023",
    separator="-",
    suffixes={
        MRSequence.T1: "t1n",
        MRSequence.T1C: "t1c",
        MRSequence.T2: "t2w",
        MRSequence.FLAIR: "t2f",
    },
)
BRATS_2021 = BratsNaming(
    version="2021",
    separator="_",
    suffixes={
        MRSequence.T1: "t1",
        MRSequence.T1C: "t1ce",
        MRSequence.T2: "t2",
        MRSequence.FLAIR: "flair",
    },
)
NAMINGS = {"2021": BRATS_2021, "2023": BRATS_2023}
EXPORT_LOSSES = ("not skull-stripped and not in SRI-24 space, unlike the BraTS challenge data",)


def naming(version: str) -> BratsNaming:
    try:
        return NAMINGS[str(version)]
    except KeyError:
        raise InvalidInputError(
            tr("unknown BraTS version {version!r}; choose 2021 or 2023", version=version)
        ) from None


def export_brats(ctx: ExportContext) -> list[ManifestEntry]:
    """Write the four sequences and the BraTS label map of one case; return manifest entries."""
    conv = naming(ctx.options.brats_version)
    labels_convention = conv.labels(ctx.schema.family)
    require_sequences(ctx, "BraTS")
    patient = clean_component(ctx.patient, ascii_only=True)
    case_id = conv.case_id(ctx.schema.family, patient)
    folder = ctx.export_root / f"brats{conv.version}" / case_id
    grid = reference_grid(ctx)
    files = {
        sequence: (
            folder / f"{case_id}{conv.separator}{conv.suffixes[sequence]}{EXTENSION}",
            "image",
        )
        for sequence in DATASET_SEQUENCES
    }
    entries = write_dataset_images(
        ctx,
        grid,
        files,
        format=FORMAT,
        notes=(f"on the {ctx.options.dataset_reference.value} grid",),
    )
    # R-SEG-5 schemas are refused here (SchemaError): BraTS needs ET and NETC apart.
    labels = to_convention(combined_labels(ctx, grid), labels_convention, ctx.schema)
    legend = ", ".join(f"{value} {name}" for name, value in labels_convention.labels.items())
    entries.append(
        write_dataset_labels(
            ctx,
            grid,
            labels,
            folder / f"{case_id}{conv.separator}seg{EXTENSION}",
            format=FORMAT,
            notes=(
                f"BraTS {conv.version} labels ({labels_convention.name}): {legend}",
                *labels_convention.losses,
                *EXPORT_LOSSES,
            ),
        )
    )
    return entries
