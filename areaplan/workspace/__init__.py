"""The workspace: one GeoPackage file (see interchange.md, "The workspace file")."""

from areaplan.workspace.gpkg import Workspace, now_iso
from areaplan.workspace.schema import BOUNDARY_LEVELS, LAYER_NAMES, SCHEMA_VERSION
from areaplan.workspace.store import WorkspaceStore

__all__ = ["BOUNDARY_LEVELS", "LAYER_NAMES", "SCHEMA_VERSION", "Workspace", "WorkspaceStore", "now_iso"]
