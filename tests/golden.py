"""Compare output with a reviewed file; `UPDATE_GOLDEN=1 make test` rewrites the files, then review the diff."""

import os
from pathlib import Path

UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"


def assert_golden(path: Path, body: bytes):
    if UPDATE_GOLDEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
    assert body == path.read_bytes()
