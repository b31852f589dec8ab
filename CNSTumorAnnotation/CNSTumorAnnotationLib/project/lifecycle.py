"""The case lifecycle (R-FLOW-1, R-PPL-3) as a transition table.

collect -> de-identify -> QC (passed, or excluded) -> assign -> annotate -> self-check ->
submit -> review: approve, or return with comments -> revise -> self-check -> submit again.
An approved case may be reopened; the change is a new annotation version that needs review
again (the approved version itself never changes).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from CNSTumorAnnotationLib.i18n import N_, tr
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

#: How people read each state on the status page (the values themselves are stored: the English
#: page shows them as they are).
STATE_NAMES: dict[CaseState, str] = {
    CaseState.IMPORTED: N_("imported"),
    CaseState.DEIDENTIFIED: N_("deidentified"),
    CaseState.QC_PASSED: N_("qc_passed"),
    CaseState.EXCLUDED: N_("excluded"),
    CaseState.ASSIGNED: N_("assigned"),
    CaseState.IN_PROGRESS: N_("in_progress"),
    CaseState.SELF_CHECKED: N_("self_checked"),
    CaseState.SUBMITTED: N_("submitted"),
    CaseState.APPROVED: N_("approved"),
    CaseState.RETURNED: N_("returned"),
}
#: How people read each audit log action (the codes are stored and hashed: never renamed).
AUDIT_ACTION_NAMES: dict[str, str] = {
    Action.DEIDENTIFY.value: N_("deidentify"),
    Action.PASS_QC.value: N_("pass_qc"),
    Action.EXCLUDE.value: N_("exclude"),
    Action.ASSIGN.value: N_("assign"),
    Action.START.value: N_("start"),
    Action.SAVE_VERSION.value: N_("save_version"),
    Action.SELF_CHECK.value: N_("self_check"),
    Action.SUBMIT.value: N_("submit"),
    Action.APPROVE.value: N_("approve"),
    Action.RETURN.value: N_("return"),
    Action.REVISE.value: N_("revise"),
    Action.REOPEN.value: N_("reopen"),
    "project_init": N_("project_init"),
    "rules_recorded": N_("rules_recorded"),
    "dataset_added": N_("dataset_added"),
    "person_added": N_("person_added"),
    "role_changed": N_("role_changed"),
    "language_set": N_("language_set"),
    "case_imported": N_("case_imported"),
    "password_set": N_("password_set"),
    "token_created": N_("token_created"),
    "token_revoked": N_("token_revoked"),
    "self_check_blocked": N_("self_check_blocked"),
    "certification": N_("certification"),
    "signed_in": N_("signed_in"),
    "export": N_("export"),
}


def state_name(state: CaseState | str) -> str:
    """The state as people read it in the current language (the stored value in English)."""
    return tr(STATE_NAMES[CaseState(state)])


def audit_action_name(action: str) -> str:
    """An audit log action as people read it in the current language; an unknown code as is."""
    return tr(AUDIT_ACTION_NAMES[action]) if action in AUDIT_ACTION_NAMES else action


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
            state=state_name(state),
            action=action.value,
            allowed=allowed or tr("nothing: the case is closed"),
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
            "R-FLOW-1: the lifecycle table has no '{action}' from {state} (allowed: {allowed})",
            action=action.value,
            state=state_name(state),
            allowed=", ".join(a.value for a in allowed_actions(state)) or tr("nothing"),
        )
    )
