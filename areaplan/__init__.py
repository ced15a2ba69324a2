"""AreaPlan core: domain model, GeoPackage workspace, importers and analyses (no Qt)."""

__version__ = "0.1.0"
