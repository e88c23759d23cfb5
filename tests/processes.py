"""Running the installed command line in a process of its own, as a user would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any


def archive(data: Path, *args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """``archive --data DATA ARGS…``; output captured as text, never raising on a failing status."""
    return subprocess.run(
        [sys.executable, "-m", "archive", "--data", str(data), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        **kwargs,
    )
