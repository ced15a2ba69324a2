"""Importers: one module per format, each declaring its extensions (see registry)."""
