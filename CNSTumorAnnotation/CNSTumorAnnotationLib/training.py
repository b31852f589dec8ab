"""The training phase (R-PPL-2, R-PPL-4): calibration, agreement, certification.

Two teams annotate the same calibration batch independently; agreement is computed per case
and region; the teams' members are certified for production only when agreement reaches the
project's "excellent" thresholds. Production assignment checks the certification.
"""

from __future__ import annotations

from CNSTumorAnnotationLib import audit, store
from CNSTumorAnnotationLib.project import Project


def record_certification(
    project: Project,
    person_id: str,
    *,
    team: str,
    certified: bool,
    thresholds_version: str,
    report_sha256: str,
    actor: str,
) -> None:
    """Record the outcome of a training-phase assessment for one person (R-PPL-4)."""
    project.person(person_id)
    with store.transaction(project.conn) as conn:
        conn.execute(
            "INSERT OR IGNORE INTO teams (id, recorded_at) VALUES (?, ?)", (team, store.utc_now())
        )
        conn.execute(
            "INSERT OR IGNORE INTO team_members (team_id, person) VALUES (?, ?)", (team, person_id)
        )
        conn.execute(
            "INSERT INTO certifications (person, team_id, certified, thresholds_version,"
            " report_sha256, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
            (person_id, team, int(certified), thresholds_version, report_sha256, store.utc_now()),
        )
        audit.append(
            conn,
            actor=actor,
            action="certification",
            details={
                "person": person_id,
                "team": team,
                "certified": certified,
                "thresholds": thresholds_version,
                "report_sha256": report_sha256,
                "rule": "R-PPL-4",
            },
        )
