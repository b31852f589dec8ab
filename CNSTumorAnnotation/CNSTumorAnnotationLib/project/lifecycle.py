"""The case lifecycle (R-FLOW-1, R-PPL-3) as a transition table.

collect -> de-identify -> QC (passed, or excluded) -> assign -> annotate -> self-check ->
submit -> review: approve, or return with comments -> revise -> self-check -> submit again.
An approved case may be reopened; the change is a new annotation version that needs review
again (the approved version itself never changes).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from CNSTumorAnnotationLib.i18n import tr
from CNSTumorQCLib.errors import WorkflowError

LIFECYCLE_VERSION = "R-FLOW-1/lifecycle-1"


class CaseState(enum.Enum):
    """Where a case stands. Member values are stored in the database: never rename."""

    IMPORTED = "imported"
    DEIDENTIFIED = "deidentified"
    QC_PASSED = "qc_passed"
    EXCLUDED = "excluded"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    SELF_CHECKED = "self_checked"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"


class Action(enum.Enum):
    """What a person does to a case; each is one row of the audit log."""

    DEIDENTIFY = "deidentify"
    PASS_QC = "pass_qc"
    EXCLUDE = "exclude"
    ASSIGN = "assign"
    START = "start"
    SAVE_VERSION = "save_version"
    SELF_CHECK = "self_check"
    SUBMIT = "submit"
    APPROVE = "approve"
    RETURN = "return"
    REVISE = "revise"
    REOPEN = "reopen"


@dataclass(frozen=True)
class Transition:
    """One allowed move: ``action`` takes a case from ``source`` to ``target`` (rule cited)."""

    action: Action
    source: CaseState
    target: CaseState
    rule: str


S = CaseState
A = Action
TRANSITIONS: tuple[Transition, ...] = (
    Transition(A.DEIDENTIFY, S.IMPORTED, S.DEIDENTIFIED, "R-DATA-1"),
    Transition(A.PASS_QC, S.DEIDENTIFIED, S.QC_PASSED, "R-QC-2"),
    Transition(A.EXCLUDE, S.DEIDENTIFIED, S.EXCLUDED, "R-QC-2"),
    Transition(A.EXCLUDE, S.QC_PASSED, S.EXCLUDED, "R-QC-2"),
    Transition(A.ASSIGN, S.QC_PASSED, S.ASSIGNED, "R-PPL-1"),
    Transition(A.ASSIGN, S.ASSIGNED, S.ASSIGNED, "R-PPL-1"),  # reassign before work starts
    Transition(A.START, S.ASSIGNED, S.IN_PROGRESS, "R-FLOW-1"),
    Transition(A.SAVE_VERSION, S.IN_PROGRESS, S.IN_PROGRESS, "R-FLOW-1"),
    Transition(A.SAVE_VERSION, S.SELF_CHECKED, S.IN_PROGRESS, "R-ANN-9"),  # edits void the check
    Transition(A.SELF_CHECK, S.IN_PROGRESS, S.SELF_CHECKED, "R-ANN-9"),
    Transition(A.SELF_CHECK, S.SELF_CHECKED, S.SELF_CHECKED, "R-ANN-9"),
    Transition(A.SUBMIT, S.SELF_CHECKED, S.SUBMITTED, "R-ANN-9"),
    Transition(A.APPROVE, S.SUBMITTED, S.APPROVED, "R-PPL-3"),
    Transition(A.RETURN, S.SUBMITTED, S.RETURNED, "R-PPL-3"),
    Transition(A.REVISE, S.RETURNED, S.IN_PROGRESS, "R-PPL-3"),
    Transition(A.REOPEN, S.APPROVED, S.IN_PROGRESS, "R-PPL-3"),
)
del S, A


def allowed_actions(state: CaseState) -> list[Action]:
    """The actions the table allows from ``state``, in table order."""
    return [t.action for t in TRANSITIONS if t.source is state]


def transition_for(case_id: str, state: CaseState, action: Action) -> Transition:
    """The table row for ``action`` from ``state``; a :class:`WorkflowError` that names the case,
    its state and the allowed moves when there is none."""
    for transition in TRANSITIONS:
        if transition.source is state and transition.action is action:
            return transition
    allowed = ", ".join(f"{a.value} -> {target_of(state, a).value}" for a in allowed_actions(state))
    raise WorkflowError(
        tr(
            (
                "R-FLOW-1: case {case_id} is {state}; '{action}' is not allowed from "
                "there (allowed: {allowed})"
            ),
            case_id=case_id,
            state=state.value,
            action=action.value,
            allowed=allowed or "nothing: the case is closed",
        )
    )


def target_of(state: CaseState, action: Action) -> CaseState:
    """Where ``action`` leads from ``state``; a :class:`WorkflowError` naming both when the table
    has no such move (R-FLOW-1)."""
    for transition in TRANSITIONS:
        if transition.source is state and transition.action is action:
            return transition.target
    raise WorkflowError(
        tr(
            ("R-FLOW-1: the lifecycle table has no '{action}' from {state} (allowed: {as_})"),
            action=action.value,
            state=state.value,
            as_=", ".join(a.value for a in allowed_actions(state)) or "nothing",
        )
    )
