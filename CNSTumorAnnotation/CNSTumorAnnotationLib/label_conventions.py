"""Label-value conventions: the schema's combined map and BraTS 2021 / 2023+ / meningioma.

The combined multi-label map (``schemas.py``) paints the regions outermost first, so each voxel
holds its innermost region: ``1`` whole tumor / edema only, ``2`` tumor body only, ``3``
non-enhancing, ``4`` enhancing. Each convention maps those values to its own and back; every
mapping states what it loses (``docs/label-schemas.md``). Where a mapping cannot be made
(R-SEG-5's combined enhancing + non-enhancing region has no BraTS equivalent) it raises.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.schemas import (
    LABEL_ENHANCING,
    LABEL_NON_ENHANCING,
    LABEL_OUTER,
    LABEL_TUMOR_BODY,
    LabelSchema,
    TumorFamily,
)
from CNSTumorQCLib.errors import InvalidInputError, SchemaError

CONVENTIONS_VERSION = "cnstumor-label-conventions-1.0"


@dataclass(frozen=True)
class LabelConvention:
    """One label-value convention and its maps to and from the combined map."""

    name: str
    labels: Mapping[str, int]  # the convention's own names -> values
    from_combined: Mapping[int, int]  # combined value -> convention value
    to_combined: Mapping[int, int]  # convention value -> combined value
    losses: tuple[str, ...]


_CORE_ONLY_LOSS = (
    "tumor body voxels that are neither enhancing nor non-enhancing (combined 2) become "
    "NCR/NET; read back they are non-enhancing (3): the T2-only part of the body is not kept"
)
_GRID_LOSS = (
    "BraTS holds all regions on one grid; the consensus draws each region on its own "
    "sequence's native grid, so a BraTS export resamples (nearest neighbour) and moves "
    "boundaries by up to half a voxel of the coarser grid"
)

BRATS2021 = LabelConvention(
    name="brats2021",
    labels={"NCR/NET": 1, "ED": 2, "ET": 4},
    from_combined={LABEL_OUTER: 2, LABEL_TUMOR_BODY: 1, LABEL_NON_ENHANCING: 1, LABEL_ENHANCING: 4},
    to_combined={1: LABEL_NON_ENHANCING, 2: LABEL_OUTER, 4: LABEL_ENHANCING},
    losses=(_CORE_ONLY_LOSS, _GRID_LOSS),
)
BRATS2023 = LabelConvention(
    name="brats2023",
    labels={"NETC": 1, "SNFH": 2, "ET": 3},
    from_combined={LABEL_OUTER: 2, LABEL_TUMOR_BODY: 1, LABEL_NON_ENHANCING: 1, LABEL_ENHANCING: 3},
    to_combined={1: LABEL_NON_ENHANCING, 2: LABEL_OUTER, 3: LABEL_ENHANCING},
    losses=(_CORE_ONLY_LOSS, _GRID_LOSS),
)
BRATS_MENINGIOMA = LabelConvention(
    name="brats-men",
    labels={"NETC": 1, "SNFH": 2, "ET": 3},
    from_combined={LABEL_OUTER: 2, LABEL_TUMOR_BODY: 1, LABEL_NON_ENHANCING: 1, LABEL_ENHANCING: 3},
    to_combined={1: LABEL_NON_ENHANCING, 2: LABEL_OUTER, 3: LABEL_ENHANCING},
    losses=(
        _CORE_ONLY_LOSS,
        _GRID_LOSS,
        "BraTS-MEN ET includes the dural tail as the consensus does (R-SEG-7); SNFH is the "
        "consensus edema (R-SEG-6) and stays disjoint from the tumor",
    ),
)
CNSTUMOR = LabelConvention(
    name="cnstumor",
    labels={"outer": 1, "tumor_body": 2, "non_enhancing": 3, "enhancing": 4},
    from_combined={1: 1, 2: 2, 3: 3, 4: 4},
    to_combined={1: 1, 2: 2, 3: 3, 4: 4},
    losses=(),
)

CONVENTIONS: dict[str, LabelConvention] = {
    c.name: c for c in (BRATS2021, BRATS2023, BRATS_MENINGIOMA, CNSTUMOR)
}


def get_convention(name: str) -> LabelConvention:
    try:
        return CONVENTIONS[name.strip().lower()]
    except KeyError:
        raise SchemaError(
            tr(
                "unknown label convention {name!r}; known: {known}",
                name=name,
                known=", ".join(CONVENTIONS),
            )
        ) from None


def combined_from_masks(masks: Mapping[str, np.ndarray], schema: LabelSchema) -> np.ndarray:
    """Paint region masks (same grid) into the combined map, outermost first."""
    if not masks:
        raise InvalidInputError(tr("no region masks to combine"))
    shape = next(iter(masks.values())).shape
    combined = np.zeros(shape, dtype=np.uint8)
    for key in schema.paint_order:
        if key in masks:
            combined[np.asarray(masks[key]) > 0] = schema.region(key).label_value
    return combined


def masks_from_combined(combined: np.ndarray, schema: LabelSchema) -> dict[str, np.ndarray]:
    """Each region's binary mask implied by the combined map (containment made explicit)."""
    values = np.asarray(combined)
    masks: dict[str, np.ndarray] = {}
    for region in schema.regions:
        if region.key == "whole_tumor":
            mask = values >= LABEL_OUTER
        elif region.key == "edema":  # R-SEG-6: edema excludes the tumor body
            mask = values == LABEL_OUTER
        elif region.key == "tumor_body":
            mask = values >= LABEL_TUMOR_BODY
        else:
            mask = values == region.label_value
        masks[region.key] = mask.astype(np.uint8)
    return masks


def _relabel(array: np.ndarray, mapping: Mapping[int, int], what: str) -> np.ndarray:
    values = np.asarray(array)
    present = {int(v) for v in np.unique(values)} - {0}
    unknown = sorted(present - set(mapping))
    if unknown:
        raise InvalidInputError(
            tr("{what}: label values {unknown} have no mapping", what=what, unknown=unknown)
        )
    out = np.zeros(values.shape, dtype=np.uint8)
    for source, target in mapping.items():
        out[values == source] = target
    return out


def to_convention(
    combined: np.ndarray, convention: LabelConvention | str, schema: LabelSchema
) -> np.ndarray:
    """The combined map in another convention's values."""
    conv = get_convention(convention) if isinstance(convention, str) else convention
    if schema.combine_enhancing and conv is not CNSTUMOR:
        raise SchemaError(
            tr(
                (
                    "R-SEG-5: the combined enhancing + non-enhancing region cannot be split "
                    "into {convention} labels; annotate the two regions separately to export "
                    "{convention}"
                ),
                convention=conv.name,
            )
        )
    return _relabel(
        combined, conv.from_combined, tr("combined map -> {convention}", convention=conv.name)
    )


def from_convention(labels: np.ndarray, convention: LabelConvention | str) -> np.ndarray:
    """A label map in a convention's values as the combined map."""
    conv = get_convention(convention) if isinstance(convention, str) else convention
    return _relabel(labels, conv.to_combined, tr("{convention} label map", convention=conv.name))


def to_brats2021(combined: np.ndarray, schema: LabelSchema) -> np.ndarray:
    """NCR/NET 1, ED 2, ET 4 (loses the T2-only tumor body, see BRATS2021.losses)."""
    return to_convention(combined, BRATS2021, schema)


def to_brats2023(combined: np.ndarray, schema: LabelSchema) -> np.ndarray:
    """NETC 1, SNFH 2, ET 3 (loses the T2-only tumor body, see BRATS2023.losses)."""
    return to_convention(combined, BRATS2023, schema)


def to_brats_meningioma(combined: np.ndarray, schema: LabelSchema) -> np.ndarray:
    """BraTS-MEN (NETC 1, SNFH 2, ET 3) for the meningeal family."""
    if schema.family is not TumorFamily.MENINGEAL:
        raise SchemaError(tr("BraTS meningioma labels are for the meningeal family (R-SCOPE-1)"))
    return to_convention(combined, BRATS_MENINGIOMA, schema)
