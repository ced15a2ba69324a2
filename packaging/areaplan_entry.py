"""Entry point of the AreaPlan bundle: the `areaplan` command; with no arguments it opens the desktop app."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen Windows program must call this before any worker process
    from ui.cli import main

    sys.exit(main())
