"""`mkdocs serve` in a copy of the project, its log read line by line: what an editor previewing
their changes sees. Used by tests/test_build.py (a mistake is reported each time it is saved) and
bench/validation_speed.py (how fast).
"""

from __future__ import annotations

import contextlib
import os
import queue
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path


@contextlib.contextmanager
def mkdocs_serve(project: Path) -> Iterator[Callable[..., list[str]]]:
    """Start `mkdocs serve` in `project` on a free port and wait until it serves. Yields
    `read_until(*needles)`: the log lines up to and including the first with one of the needles;
    `read_until.url` is the address it serves."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stderr], daemon=True).start()

    def read_until(*needles: str) -> list[str]:
        seen = []
        while True:
            seen.append(line := lines.get(timeout=120))
            if any(needle in line for needle in needles):
                return seen

    read_until.url = f"http://127.0.0.1:{port}/"
    try:
        read_until("Serving on")
        yield read_until
    finally:
        server.terminate()
        server.wait(timeout=30)
