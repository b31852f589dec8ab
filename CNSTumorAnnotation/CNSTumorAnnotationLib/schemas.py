"""The consensus label schemas as versioned data (R-SEG-1..7, R-ANN-4, R-SCOPE-1/2).

A schema lists the regions of one tumor family: which sequence each is drawn on (R-SEG-1..4,
R-ANN-8), its colour in the consensus figures, whether a study requires it (R-ANN-4) and its
coded terminology. Codes are DICOM codes (pydicom's DICOM code dictionary, CID 7150
"Segmentation Property Categories" / CID 7151 "Segmentation Property Types" / anatomic region
codes), never typed from memory: ``Testing/Annotation/test_schemas.py`` checks every code
against ``pydicom.sr.codedict``. SNOMED CT has no "enhancing" concept in DICOM's lists, so the
enhancing / non-enhancing types are the NCI Thesaurus codes DICOM lists in CID 7151.

Label values of the combined multi-label map (innermost wins), both families:
``1`` whole tumor (intra-axial) or edema (meningeal) not otherwise labelled, ``2`` tumor body
not otherwise labelled, ``3`` non-enhancing, ``4`` enhancing. With R-SEG-5 (enhancing and
non-enhancing analysed together) the single T1C region takes value ``3``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace

from CNSTumorAnnotationLib.i18n import language, tr
from CNSTumorQCLib.errors import SchemaError
from CNSTumorQCLib.sequences import MRSequence

#: 1.1: the Chinese region names are the consensus's own words (全肿瘤区域, 肿瘤瘤体, 肿瘤强化区域,
#: 肿瘤非强化区域, 水肿区域); keys, label values, colours and codes are those of 1.0.
SCHEMA_VERSION = "cnstumor-schemas-1.1"

#: Slicer terminology context name of the shipped ``CNSTumor.term.json``.
TERMINOLOGY_CONTEXT = "CNSTumor - consensus CNS tumor regions"
#: Slicer's name of the DICOM anatomic-region context (region codes come from it).
ANATOMIC_CONTEXT = "Anatomic codes - DICOM master list"


class TumorFamily(enum.Enum):
    """The two families of R-SCOPE-1; each case is annotated under exactly one."""

    INTRA_AXIAL = "intra_axial"  # glioma, primary CNS lymphoma, metastasis
    MENINGEAL = "meningeal"  # meningioma, hemangiopericytoma


@dataclass(frozen=True)
class Code:
    """A coded concept (DICOM code sequence item): scheme designator, value, meaning."""

    scheme: str
    value: str
    meaning: str


@dataclass(frozen=True)
class RegionTerminology:
    """Category / type / modifier and anatomic region, as Slicer and DICOM SEG carry them."""

    category: Code
    type: Code
    anatomic_region: Code
    modifier: Code | None = None
    anatomic_region_modifier: Code | None = None


# Codes copied from pydicom.sr.codedict.codes (checked by test_schemas.py), not from memory.
MORPHOLOGICALLY_ABNORMAL = Code("SCT", "49755003", "Morphologically Abnormal Structure")
LESION = Code("SCT", "52988006", "Lesion")
EDEMA = Code("SCT", "79654002", "Edema")
NEOPLASM = Code("SCT", "108369006", "Neoplasm")
MASS = Code("SCT", "4147007", "Mass")
ENHANCING_LESION = Code("NCIt", "C113842", "Enhancing Lesion")
NON_ENHANCING_LESION = Code("NCIt", "C81175", "Non-Enhancing Lesion")
BRAIN = Code("SCT", "12738006", "Brain")
MENINGES = Code("SCT", "1231004", "Meninges")

# Colours of the consensus figures (0..1 RGB).
YELLOW = (1.0, 1.0, 0.0)  # R-SEG-1 / R-SEG-6
RED = (1.0, 0.0, 0.0)  # R-SEG-2
PURPLE = (0.5, 0.0, 0.5)  # R-SEG-3
BLUE = (0.0, 0.0, 1.0)  # R-SEG-4
GREEN = (0.0, 0.8, 0.0)  # R-SEG-5 (figures 5-6)

#: Label values in the combined multi-label map.
LABEL_OUTER = 1
LABEL_TUMOR_BODY = 2
LABEL_NON_ENHANCING = 3
LABEL_ENHANCING = 4
LABEL_COMBINED_T1C = 3


@dataclass(frozen=True)
class Region:
    """One region of a schema: what it is, where it is drawn, how it looks and how it is coded."""

    key: str
    label_value: int
    name_en: str
    name_zh: str
    reference_sequence: MRSequence
    color_rgb: tuple[float, float, float]
    required: bool
    rules: tuple[str, ...]
    terminology: RegionTerminology
    description: str = ""

    @property
    def color_rgb255(self) -> tuple[int, int, int]:
        r, g, b = self.color_rgb
        return (round(r * 255), round(g * 255), round(b * 255))

    @property
    def display_name(self) -> str:
        """The region's name in the language people read now (the key stays the identifier)."""
        return self.name_zh if language() == "zh" else self.name_en


@dataclass(frozen=True)
class LabelSchema:
    """The regions of one family, their containment rules and the combined label values."""

    family: TumorFamily
    version: str
    regions: tuple[Region, ...]
    combine_enhancing: bool = False
    hierarchy: tuple[tuple[str, str], ...] = field(default=())  # (inner, outer) containment
    disjoint: tuple[tuple[str, str], ...] = field(default=())

    def region(self, key: str) -> Region:
        for region in self.regions:
            if region.key == key:
                return region
        raise SchemaError(
            tr(
                "no region {key!r} in the {family} schema {version}",
                key=key,
                family=self.family.value,
                version=self.version,
            )
        )

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(region.key for region in self.regions)

    @property
    def reference_sequences(self) -> tuple[MRSequence, ...]:
        """Reference sequences in drawing order (FLAIR, T2, T1C), each once."""
        ordered: list[MRSequence] = []
        for region in self.regions:
            if region.reference_sequence not in ordered:
                ordered.append(region.reference_sequence)
        return tuple(ordered)

    def regions_on(self, sequence: MRSequence) -> tuple[Region, ...]:
        return tuple(r for r in self.regions if r.reference_sequence is sequence)

    @property
    def paint_order(self) -> tuple[str, ...]:
        """Region keys by label value, outermost first: later ones win in the combined map."""
        return tuple(r.key for r in sorted(self.regions, key=lambda r: r.label_value))

    @property
    def required_keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.regions if r.required)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready description (stamped into case.json and exports)."""
        return {
            "version": self.version,
            "family": self.family.value,
            "combine_enhancing": self.combine_enhancing,
            "regions": [
                {
                    "key": r.key,
                    "label_value": r.label_value,
                    "name_en": r.name_en,
                    "name_zh": r.name_zh,
                    "reference_sequence": r.reference_sequence.value,
                    "color_rgb": list(r.color_rgb),
                    "required": r.required,
                    "rules": list(r.rules),
                }
                for r in self.regions
            ],
        }


def _terminology(type_code: Code, region: Code) -> RegionTerminology:
    return RegionTerminology(MORPHOLOGICALLY_ABNORMAL, type_code, region)


def _t1c_regions(anatomy: Code, meningeal: bool) -> tuple[Region, Region]:
    enhancing_rules = ("R-SEG-3", "R-SEG-7", "R-ANN-4") if meningeal else ("R-SEG-3", "R-ANN-4")
    enhancing_desc = (
        "Enhancing tumor on contrast T1WI, including clearly thickened enhancing meninges (dural tail)"
        if meningeal
        else "Enhancing tumor on contrast T1WI, by comparison with plain T1WI"
    )
    enhancing = Region(
        "enhancing",
        LABEL_ENHANCING,
        "Enhancing region",
        "肿瘤强化区域",
        MRSequence.T1C,
        PURPLE,
        True,
        enhancing_rules,
        _terminology(ENHANCING_LESION, anatomy),
        enhancing_desc,
    )
    non_enhancing = Region(
        "non_enhancing",
        LABEL_NON_ENHANCING,
        "Non-enhancing region",
        "肿瘤非强化区域",
        MRSequence.T1C,
        BLUE,
        False,
        ("R-SEG-4", "R-ANN-4"),
        _terminology(NON_ENHANCING_LESION, anatomy),
        "Non-enhancing part of the tumor body on contrast T1WI: solid non-enhancing tumor, "
        "necrosis, cyst, haemorrhage",
    )
    return enhancing, non_enhancing


def _combined_t1c_region(anatomy: Code) -> Region:
    """R-SEG-5: enhancing and non-enhancing analysed together as one region (green)."""
    return Region(
        "enhancing_non_enhancing",
        LABEL_COMBINED_T1C,
        "Enhancing and non-enhancing region",
        "强化及非强化区域",
        MRSequence.T1C,
        GREEN,
        True,
        ("R-SEG-5", "R-SEG-3", "R-SEG-4", "R-ANN-4"),
        _terminology(MASS, anatomy),
        "Enhancing and non-enhancing tumor on contrast T1WI, analysed together",
    )


def _intra_axial_regions() -> tuple[Region, ...]:
    whole = Region(
        "whole_tumor",
        LABEL_OUTER,
        "Whole tumor region",
        "全肿瘤区域",
        MRSequence.FLAIR,
        YELLOW,
        True,
        ("R-SEG-1", "R-ANN-4"),
        _terminology(LESION, BRAIN),
        "Tumor body plus peritumoral edema, drawn mainly on FLAIR",
    )
    body = Region(
        "tumor_body",
        LABEL_TUMOR_BODY,
        "Tumor body",
        "肿瘤瘤体",
        MRSequence.T2,
        RED,
        False,
        ("R-SEG-2", "R-ANN-4"),
        _terminology(NEOPLASM, BRAIN),
        "Tumor without edema, drawn on T2WI (consult FLAIR, T1WI and contrast T1WI)",
    )
    return (whole, body, *_t1c_regions(BRAIN, meningeal=False))


def _meningeal_regions() -> tuple[Region, ...]:
    edema = Region(
        "edema",
        LABEL_OUTER,
        "Edema region",
        "水肿区域",
        MRSequence.FLAIR,
        YELLOW,
        True,
        ("R-SEG-6", "R-ANN-4"),
        _terminology(EDEMA, BRAIN),
        "FLAIR-hyperintense brain parenchyma, excluding the tumor body",
    )
    body = Region(
        "tumor_body",
        LABEL_TUMOR_BODY,
        "Tumor body",
        "肿瘤瘤体",
        MRSequence.T2,
        RED,
        False,
        ("R-SEG-6", "R-ANN-4"),
        _terminology(NEOPLASM, MENINGES),
        "Extra-axial tumor of meningeal origin, drawn on T2WI",
    )
    return (edema, body, *_t1c_regions(MENINGES, meningeal=True))


def _hierarchy(family: TumorFamily, t1c_keys: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    pairs = [(key, "tumor_body") for key in t1c_keys]
    if family is TumorFamily.INTRA_AXIAL:
        pairs.append(("tumor_body", "whole_tumor"))
    return tuple(pairs)


def parse_family(family: TumorFamily | str) -> TumorFamily:
    """The family from its enum or its value (``"intra_axial"`` / ``"meningeal"``)."""
    if isinstance(family, TumorFamily):
        return family
    try:
        return TumorFamily(str(family).strip().lower().replace("-", "_"))
    except ValueError:
        known = ", ".join(f.value for f in TumorFamily)
        raise SchemaError(
            tr(
                "unknown tumor family {family!r} (R-SCOPE-1: one of {known})",
                family=family,
                known=known,
            )
        ) from None


def get_schema(
    family: TumorFamily | str,
    *,
    required: dict[str, bool] | None = None,
    combine_enhancing: bool = False,
) -> LabelSchema:
    """The schema of a family; ``required`` overrides R-ANN-4's defaults per study.

    ``combine_enhancing`` (R-SEG-5) replaces the enhancing and non-enhancing regions with one
    T1C region ``enhancing_non_enhancing``.
    """
    fam = parse_family(family)
    regions = _intra_axial_regions() if fam is TumorFamily.INTRA_AXIAL else _meningeal_regions()
    if combine_enhancing:
        anatomy = BRAIN if fam is TumorFamily.INTRA_AXIAL else MENINGES
        regions = (*regions[:2], _combined_t1c_region(anatomy))
    overrides = dict(required or {})
    unknown = set(overrides) - {r.key for r in regions}
    if unknown:
        raise SchemaError(
            tr(
                "'required' names regions not in the {family} schema: {unknown}",
                family=fam.value,
                unknown=sorted(unknown),
            )
        )
    regions = tuple(
        replace(r, required=bool(overrides[r.key])) if r.key in overrides else r for r in regions
    )
    t1c_keys = tuple(r.key for r in regions if r.reference_sequence is MRSequence.T1C)
    disjoint = (("edema", "tumor_body"),) if fam is TumorFamily.MENINGEAL else ()
    return LabelSchema(
        family=fam,
        version=SCHEMA_VERSION,
        regions=regions,
        combine_enhancing=combine_enhancing,
        hierarchy=_hierarchy(fam, t1c_keys),
        disjoint=disjoint,
    )


def all_schemas() -> tuple[LabelSchema, ...]:
    """Every family with and without R-SEG-5, for generators and tests."""
    return tuple(
        get_schema(family, combine_enhancing=combined)
        for family in TumorFamily
        for combined in (False, True)
    )
