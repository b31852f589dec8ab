"""The per-case annotation wizard (R-ANN-1..9, R-FLOW-1), free of any user interface.

Owns the step machine (``machine``), the guidance text of each step and region (``guidance``)
and the session record that lets work resume (``session``).
"""

from __future__ import annotations

from CNSTumorAnnotationLib.wizard.guidance import Guidance, step_guidance
from CNSTumorAnnotationLib.wizard.machine import AnnotationWizard, WizardStep
from CNSTumorAnnotationLib.wizard.session import new_record, read_record, write_record

__all__ = [
    "AnnotationWizard",
    "Guidance",
    "WizardStep",
    "new_record",
    "read_record",
    "step_guidance",
    "write_record",
]
