"""Which cases the consensus covers (R-SCOPE-1 / R-SCOPE-2).

``check_scope`` maps a diagnosis to its tumor family (R-SCOPE-1) and refuses, with the rule and
the reason, what the consensus leaves out (R-SCOPE-2): tumors invading bone or crossing the
skull, and extra-axial tumors of the sellar region, the pineal region and the
cerebellopontine angle. Those are flagged, not annotated.
"""

from __future__ import annotations

import enum

from CNSTumorAnnotationLib.schemas import TumorFamily
from CNSTumorQCLib.errors import SchemaError

SCOPE_VERSION = "cnstumor-scope-1.0"


class Diagnosis(enum.Enum):
    """Diagnoses named by R-SCOPE-1."""

    GLIOMA = "glioma"
    PRIMARY_CNS_LYMPHOMA = "primary_cns_lymphoma"
    METASTASIS = "metastasis"
    MENINGIOMA = "meningioma"
    HEMANGIOPERICYTOMA = "hemangiopericytoma"


class Site(enum.Enum):
    """Tumor sites the scope rules speak of; anything else is ``OTHER``."""

    SELLAR = "sellar"
    PINEAL = "pineal"
    CEREBELLOPONTINE_ANGLE = "cerebellopontine_angle"
    BONE_INVADING = "bone_invading"
    SKULL_CROSSING = "skull_crossing"
    OTHER = "other"


FAMILY_OF: dict[Diagnosis, TumorFamily] = {
    Diagnosis.GLIOMA: TumorFamily.INTRA_AXIAL,
    Diagnosis.PRIMARY_CNS_LYMPHOMA: TumorFamily.INTRA_AXIAL,
    Diagnosis.METASTASIS: TumorFamily.INTRA_AXIAL,
    Diagnosis.MENINGIOMA: TumorFamily.MENINGEAL,
    Diagnosis.HEMANGIOPERICYTOMA: TumorFamily.MENINGEAL,
}
_ALIASES = {
    "pcnsl": Diagnosis.PRIMARY_CNS_LYMPHOMA,
    "lymphoma": Diagnosis.PRIMARY_CNS_LYMPHOMA,
    "metastases": Diagnosis.METASTASIS,
    "glioblastoma": Diagnosis.GLIOMA,
    "astrocytoma": Diagnosis.GLIOMA,
    "oligodendroglioma": Diagnosis.GLIOMA,
    "solitary_fibrous_tumor": Diagnosis.HEMANGIOPERICYTOMA,
}
#: Sites refused for every family (R-SCOPE-2).
ALWAYS_OUT = {Site.BONE_INVADING, Site.SKULL_CROSSING}
#: Sites refused for extra-axial (meningeal) tumors (R-SCOPE-2).
EXTRA_AXIAL_OUT = {Site.SELLAR, Site.PINEAL, Site.CEREBELLOPONTINE_ANGLE}


def _key(text: str) -> str:
    return str(text).strip().lower().replace("-", "_").replace(" ", "_")


def parse_diagnosis(diagnosis: Diagnosis | str) -> Diagnosis:
    if isinstance(diagnosis, Diagnosis):
        return diagnosis
    key = _key(diagnosis)
    if key in _ALIASES:
        return _ALIASES[key]
    try:
        return Diagnosis(key)
    except ValueError:
        known = ", ".join(d.value for d in Diagnosis)
        raise SchemaError(
            f"R-SCOPE-1: diagnosis {diagnosis!r} is outside the consensus families ({known})"
        ) from None


def parse_site(site: Site | str | None) -> Site:
    if site is None:
        return Site.OTHER
    if isinstance(site, Site):
        return site
    try:
        return Site(_key(site))
    except ValueError:
        return Site.OTHER


def check_scope(diagnosis: Diagnosis | str, site: Site | str | None = None) -> TumorFamily:
    """The family to annotate under, or SchemaError naming R-SCOPE-1/2 and the reason."""
    dx = parse_diagnosis(diagnosis)
    where = parse_site(site)
    family = FAMILY_OF[dx]
    if where in ALWAYS_OUT:
        raise SchemaError(
            f"R-SCOPE-2: {dx.value} {where.value.replace('_', ' ')} is out of scope: tumors "
            "invading bone or crossing the skull are flagged, not annotated"
        )
    if where in EXTRA_AXIAL_OUT and family is TumorFamily.MENINGEAL:
        raise SchemaError(
            f"R-SCOPE-2: extra-axial {dx.value} of the {where.value.replace('_', ' ')} region is "
            "out of scope: sellar, pineal and cerebellopontine-angle extra-axial tumors are "
            "flagged, not annotated"
        )
    return family
