"""The consensus terminology in Slicer's Terminologies logic (the MRML side of ``terminology``).

``terminology_entry_string`` makes a segment's ``TerminologyEntry`` tag with Slicer's own
serializer and ``register_terminology`` loads the shipped ``CNSTumor.term.json`` (generated
from ``schemas.py`` by ``terminology.write_resources``) so the Segment Editor offers the
consensus regions with their codes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import slicer
import vtk

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorAnnotationLib.schemas import ANATOMIC_CONTEXT, TERMINOLOGY_CONTEXT, Code, Region
from CNSTumorAnnotationLib.terminology import TERMINOLOGY_FILE
from CNSTumorQCLib.errors import InvalidInputError

if TYPE_CHECKING:
    from CNSTumorAnnotationLib.mrml.runtime import MRMLRuntime


def _parts(code: Code | None) -> tuple[str, str, str]:
    """(value, scheme, meaning): the argument order of SerializeTerminologyEntry."""
    if code is None:
        return ("", "", "")
    return (code.value, code.scheme, code.meaning)


def terminology_entry_string(region: Region) -> str:
    """The segment's ``TerminologyEntry`` tag, serialized by Slicer's terminology logic."""
    term = region.terminology
    return str(
        slicer.vtkSlicerTerminologiesModuleLogic.SerializeTerminologyEntry(
            TERMINOLOGY_CONTEXT,
            *_parts(term.category),
            *_parts(term.type),
            *_parts(term.modifier),
            ANATOMIC_CONTEXT,
            *_parts(term.anatomic_region),
            *_parts(term.anatomic_region_modifier),
        )
    )


def register_terminology(runtime: MRMLRuntime) -> str:
    """Load the shipped terminology into the runtime's Terminologies logic (Slicer's or headless)
    so the Segment Editor offers the consensus regions with their codes; returns its context name."""
    logic = runtime.terminologies_logic
    loaded = vtk.vtkStringArray()
    logic.GetLoadedTerminologyNames(loaded)
    if TERMINOLOGY_CONTEXT in {loaded.GetValue(i) for i in range(loaded.GetNumberOfValues())}:
        return TERMINOLOGY_CONTEXT
    name = logic.LoadTerminologyFromFile(str(TERMINOLOGY_FILE))
    if not name:
        raise InvalidInputError(
            tr("Slicer's terminology logic could not load it"), TERMINOLOGY_FILE
        )
    return str(name)
