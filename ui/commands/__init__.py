"""Sub-commands of the `areaplan` CLI that live in their own modules.

Each module listed in COMMANDS has `register(subparsers)`, which adds its parser(s) with `set_defaults(func=...)`.
The shared helpers (progress bar, exit codes) are in `ui.cli`.
"""

from __future__ import annotations

import argparse
import importlib

COMMANDS: tuple[str, ...] = (
)


def register_all(subparsers: argparse._SubParsersAction) -> None:
    """Add the parsers of every module in COMMANDS."""
    for name in COMMANDS:
        importlib.import_module(name).register(subparsers)
