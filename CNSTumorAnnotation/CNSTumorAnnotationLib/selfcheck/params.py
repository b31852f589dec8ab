"""The self-check's rule table (R-ANN-2/3/4/7/8/9, R-SEG-6/7, region hierarchy) as versioned data.

Every threshold the self-check uses lives here, with the reason for its value, and the table's
``version`` is stamped into every report. Changing a value means a new ``SELFCHECK_VERSION``.
The annotator's confirmations (R-ANN-4 "no enhancement", R-SEG-7 "no peritumoral edema",
checklist items a person confirms) are data too, recorded in the report.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from CNSTumorAnnotationLib.i18n import N_, tr
from CNSTumorQCLib.sequences import MRSequence

SELFCHECK_VERSION = "cnstumor-selfcheck-1.1"

#: Regions that an annotator may leave empty by confirming "no enhancement" (R-ANN-4).
NO_ENHANCEMENT_REGIONS: tuple[str, ...] = ("enhancing",)
#: Regions that an annotator may leave empty by confirming "no peritumoral edema": a meningioma
#: without edema leaves the (meningeal) edema region empty (R-SEG-7, recorded as R-ANN-4).
NO_EDEMA_REGIONS: tuple[str, ...] = ("edema",)
#: Each confirmable empty region: the confirmation's key in ``Confirmations`` and its words
#: (marked for translation: shown with ``tr(words)``).
CONFIRMABLE_EMPTY: dict[str, tuple[str, str]] = {
    **{key: ("no_enhancement", N_("no enhancement")) for key in NO_ENHANCEMENT_REGIONS},
    **{key: ("no_edema", N_("no peritumoral edema")) for key in NO_EDEMA_REGIONS},
}

#: Checklist items the software cannot decide by itself; a person confirms them (docs/rules.md).
#: The keys are identifiers (command-line choices, JSON); the texts are shown with ``tr(text)``.
CHECKLIST: dict[str, tuple[str, str]] = {
    "no_sulci_or_ventricles": (
        "R-ANN-2",
        N_("Sulci, ventricles and other normal structures are left out of every region"),
    ),
    "no_leukoaraiosis_or_lacunes": (
        "R-ANN-3",
        N_("Leukoaraiosis and lacunes are not labelled as edema"),
    ),
    "all_lesions_labelled": (
        "R-ANN-7",
        N_("All slices were browsed and every lesion seen is labelled"),
    ),
    "first_and_last_slices": (
        "R-ANN-9",
        N_("The first and last slice of every lesion are labelled"),
    ),
}


@dataclass(frozen=True)
class SelfCheckParameters:
    """Documented thresholds of the self-check (one frozen table, versioned).

    Slice indices in reports are 0-based indices along the third axis of the region's
    reference volume (its axial acquisition slices, R-ANN-8), as Slicer shows IJK.
    """

    version: str = SELFCHECK_VERSION
    #: Hierarchy, disjointness and CSF checks run on this sequence's grid (the FLAIR: the
    #: outermost region is drawn there, so inner regions move onto the largest one).
    common_space: MRSequence = MRSequence.FLAIR
    #: Lesions are 26-connected components (the BraTS evaluators' convention).
    fully_connected: bool = True
    #: Gaps of up to this many empty slices inside one lesion keep it one lesion, so a skipped
    #: interior slice is reported as a gap (R-ANN-9) rather than splitting the lesion in two.
    bridge_slices: int = 2
    #: A lesion smaller than this many voxels OR this volume is a speck (R-ANN-7): a stray
    #: brush click more often than a lesion. 20 mm3 is about a 3.4 mm cube.
    speck_max_voxels: int = 10
    speck_max_mm3: float = 20.0
    #: Hierarchy (containment) tolerance: inner voxels closer than this to the outer region are
    #: partial-volume disagreement between two grids, not an error. The tolerance used is the
    #: larger of this value and the coarser slice spacing of the two reference grids.
    hierarchy_tolerance_mm: float = 3.0
    #: ... and an error needs at least this volume beyond the tolerance, and this fraction of
    #: the inner region (registration noise on thick slices moves a thin shell, not a blob).
    hierarchy_min_outside_mm3: float = 100.0
    hierarchy_min_outside_fraction: float = 0.05
    #: R-SEG-7 dural tail: in the meningeal schema, enhancing voxels outside the tumor body that
    #: form a component attached to it (within the hierarchy tolerance) are thickened enhancing
    #: dura, part of the enhancing region, up to this distance from the tumor body. The consensus
    #: gives no length; dural tails rarely reach beyond a few centimetres from the tumor margin.
    #: Enhancing voxels farther away, or detached from the body, are still a hierarchy error.
    dural_tail_max_mm: float = 30.0
    #: R-ANN-8: geometry equality tolerance (mm for origin and spacing, cosines for direction).
    geometry_tolerance: float = 1e-3
    #: R-ANN-8: a reference volume is axial when its slice normal is within this angle of the
    #: head-foot axis (oblique axial acquisitions tilt by up to ~20-25 degrees).
    axial_max_tilt_deg: float = 30.0
    #: R-ANN-9 missed end slice: the slice beyond a lesion's end looks like the lesion when the
    #: median intensity inside the end slice's footprint lies at least this far from the
    #: background's median towards the lesion's (0 = background, 1 = lesion).
    end_slice_lesion_likeness: float = 0.4
    #: ... only when the lesion stands out from its background by this many robust SDs
    #: (1.4826 x MAD of the background ring), so faint lesions are not judged.
    end_slice_min_contrast_sd: float = 1.0
    #: ... background: an in-plane ring of this width around the end slice's footprint.
    end_slice_ring_mm: float = 5.0
    #: ... the neighbour slice is read in the footprint eroded in-plane by this many voxels
    #: (the footprint's rim is partial volume). Calibrated on the bundled case's T1C: intact
    #: enhancing ends score <= 0, ends with the last slice removed 0.55-0.75.
    end_slice_core_erosion_voxels: int = 3
    #: ... and footprints smaller than this are not judged (too few voxels for a median).
    end_slice_min_footprint_voxels: int = 10
    #: R-ANN-2: a FLAIR voxel is CSF-like when darker than this fraction of the median FLAIR
    #: intensity of the head (Otsu foreground): ventricles and sulci are near air on FLAIR.
    csf_flair_max_fraction: float = 0.5
    #: ... and, where a registered T2 is available, brighter than this percentile of the T2
    #: head intensities (CSF is the brightest tissue on T2).
    csf_t2_min_percentile: float = 75.0
    #: ... a warning needs at least this many CSF-like voxels outside the tumor body (cysts
    #: and necrosis inside the tumor body are also dark on FLAIR and belong to the tumor).
    csf_min_voxels: int = 10
    #: R-ANN-3 heuristic: a FLAIR-region lesion farther than this from any tumor body is a
    #: possible leukoaraiosis or lacune (or an unlabelled lesion body): a warning to review.
    remote_edema_mm: float = 10.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["common_space"] = self.common_space.value
        return data


@dataclass(frozen=True)
class Confirmations:
    """What the annotator confirmed by hand; recorded in the report (R-ANN-4, checklist).

    ``no_enhancement``: the tumor shows no definite enhancement, so the enhancing region is
    empty on purpose (R-ANN-4). ``no_edema``: a meningeal tumor without peritumoral edema, so
    the edema region is empty on purpose (R-SEG-7). ``checklist``: keys of ``CHECKLIST`` the
    annotator confirmed.
    """

    no_enhancement: bool = False
    no_edema: bool = False
    checklist: frozenset[str] = field(default_factory=frozenset)
    confirmed_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "no_enhancement": self.no_enhancement,
            "no_edema": self.no_edema,
            "checklist": sorted(self.checklist),
            "confirmed_by": self.confirmed_by,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Confirmations:
        data = dict(data or {})
        return cls(
            no_enhancement=bool(data.get("no_enhancement", False)),
            no_edema=bool(data.get("no_edema", False)),
            checklist=frozenset(data.get("checklist", ())),
            confirmed_by=data.get("confirmed_by"),
        )

    def confirmed(self, key: str) -> bool:
        """Whether the confirmation named ``key`` (``no_enhancement`` / ``no_edema``) was given."""
        return bool(getattr(self, key, False))


def checklist_items(confirmations: Confirmations) -> list[dict[str, Any]]:
    """The checklist with each item's rule, text (in the current language) and whether the
    annotator confirmed it."""
    return [
        {"key": key, "rule": rule, "text": tr(text), "confirmed": key in confirmations.checklist}
        for key, (rule, text) in CHECKLIST.items()
    ]
