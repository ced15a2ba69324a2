"""Schema migrations: each step upgrades a workspace by one schema version, inside the save transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from areaplan.errors import WorkspaceError
from areaplan.workspace.schema import SCHEMA_VERSION

#: MIGRATIONS[n] upgrades a workspace from schema version n to n + 1.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {}


def migration(from_version: int) -> Callable[[Callable[[sqlite3.Connection], None]], Callable]:
    """Register a function that upgrades a workspace from `from_version` to the next version."""

    def register(func: Callable[[sqlite3.Connection], None]) -> Callable:
        MIGRATIONS[from_version] = func
        return func

    return register


def migrate(conn: sqlite3.Connection, found: int, path: str) -> int:
    """Upgrade the open workspace from schema version `found` to SCHEMA_VERSION; return the new version."""
    if found > SCHEMA_VERSION:
        raise WorkspaceError(
            f"พื้นที่ทำงานนี้สร้างด้วย AreaPlan รุ่นใหม่กว่า (schema {found}) กรุณาปรับรุ่นโปรแกรม",
            f"this workspace was made by a newer AreaPlan (schema {found} > {SCHEMA_VERSION}); "
            "update AreaPlan",
            path=path,
        )
    version = found
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise WorkspaceError(
                f"ไม่มีขั้นตอนปรับรุ่นจาก schema {version}",
                f"no migration from schema {version}",
                path=path,
            )
        step(conn)
        version += 1
    return version
