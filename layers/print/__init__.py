"""The print composer: map annex pages (PDF, PNG, SVG), atlases and table reports, headless (QtGui only).

- ``PrintSource`` (source): the layers, areas and projects of a workspace;
- ``PrintTemplate`` (template): page, items and texts, saved as JSON in the workspace;
- ``AnnexComposer`` (composer): plans and paints the page set of one area;
- ``choose_areas`` / ``export_annex`` (atlas): many areas to one PDF or one file per area;
- ``write_table_report`` (report): a generic paginated table report PDF (title, sections, totals, provenance).
"""

from layers.print.atlas import ATLAS_MODES, AnnexResult, choose_areas, export_annex
from layers.print.composer import AnnexComposer, PagePlan
from layers.print.report import ReportSection, write_table_report
from layers.print.source import PrintSource, snapshot_layers, workspace_layers
from layers.print.template import BUILTIN_TEMPLATES, PrintTemplate, TemplateError, resolve_template
from layers.print.text import PrintError

__all__ = [
    "ATLAS_MODES", "AnnexComposer", "AnnexResult", "BUILTIN_TEMPLATES", "PagePlan", "PrintError", "PrintSource",
    "PrintTemplate", "ReportSection", "TemplateError", "choose_areas", "export_annex", "resolve_template",
    "snapshot_layers", "workspace_layers", "write_table_report",
]  # fmt: skip
