"""The PostgreSQL the project tests use is never skipped: when no server answers at
127.0.0.1:5432, a throwaway one is started from Debian's packages. This proves that path
works here too (it is the one a fresh machine takes)."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from _postgres_server import new_schema, throwaway_database, throwaway_server
from _project_helpers import init_project

from CNSTumorAnnotationLib.project.status import verify_project


@pytest.mark.slow
def test_a_throwaway_server_is_started_used_for_a_project_and_stopped(tmp_path: Path) -> None:
    with throwaway_server() as admin_url:
        assert ":5432/" not in admin_url
        with throwaway_database(admin_url) as database_url:
            url = new_schema(database_url)
            init_project(tmp_path / "proj", database=url).close()
            assert verify_project(tmp_path / "proj").ok
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(admin_url, connect_timeout=3)
