"""The storage interface every workspace backend offers (GeoPackage now, PostGIS later)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Any, Protocol

import geopandas as gpd
import pandas as pd


class WorkspaceStore(Protocol):
    """What analyses, importers and views may ask of a workspace, whatever stores it."""

    def transaction(self) -> AbstractContextManager[Any]:
        """All writes inside commit together or not at all."""

    def layer_names(self) -> list[str]:
        """Names of the non-empty vector layers."""

    def read_layer(self, name: str, *, where: str | None = None, params: tuple = ()) -> gpd.GeoDataFrame:
        """One vector layer as a GeoDataFrame in EPSG:4326."""

    def read_table(self, name: str, *, where: str | None = None, params: tuple = ()) -> pd.DataFrame:
        """One attribute table as a DataFrame."""

    def write_layer(self, name: str, frame: gpd.GeoDataFrame, *, mode: str = "append") -> int:
        """Append to or replace a vector layer; return the number of features written."""

    def write_table(self, name: str, frame: pd.DataFrame, *, mode: str = "append") -> int:
        """Append to or replace an attribute table; return the number of rows written."""

    def metadata(self) -> dict[str, str]:
        """The key/value metadata of the workspace."""

    def iter_rasters(self) -> Iterator[dict]:
        """The registered hazard rasters."""
