"""Sub-commands of the `areaplan` CLI that live in their own modules.

Each module listed in COMMANDS has `register(subparsers)`, which adds its parser(s) with `set_defaults(func=...)`.
The shared helpers (progress bar, exit codes) are in `ui.cli`.
"""

from __future__ import annotations

import argparse
import importlib

COMMANDS: tuple[str, ...] = (
    "ui.commands.annex",
    "ui.commands.selfcheck",
    "ui.commands.links",
    "ui.commands.webmap",
    "ui.commands.flood",
)


def register_all(subparsers: argparse._SubParsersAction) -> None:
    """Add the parsers of every module in COMMANDS."""
    for name in COMMANDS:
        importlib.import_module(name).register(subparsers)
