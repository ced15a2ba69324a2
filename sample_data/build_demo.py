"""Rebuild the demonstration workspace committed beside this script (reproducible: fixed seed).

    python sample_data/build_demo.py            # writes sample_data/demo_songkhla.gpkg and sample_data/inputs/
Same as: areaplan demo --out sample_data/demo_songkhla.gpkg --inputs sample_data/inputs --overwrite
"""

from __future__ import annotations

import sys
from pathlib import Path

from ui.cli import main

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    sys.exit(main(["demo", "--out", str(HERE / "demo_songkhla.gpkg"), "--inputs", str(HERE / "inputs"), "--overwrite"]))
