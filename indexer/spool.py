"""Records of new or changed sources parked on disk while a run reads the rest.

The readers' results arrive file by file (from this process or from Ray workers); the bundle
is written later in source-key order. Keeping every parsed record in memory until then would
make the driver hold the whole corpus; the spool holds only one file offset per source.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Sequence

from indexer.records import Record, record_from_dict


class RecordSpool:
    """``{source key: records}`` stored as JSON lines in an anonymous temporary file.

    Args:
        folder: where the temporary file lives (the index folder: same disk as the bundle).
    """

    def __init__(self, folder: Path) -> None:
        Path(folder).mkdir(parents=True, exist_ok=True)
        self._file = tempfile.TemporaryFile(mode="w+b", dir=str(folder), prefix=".spool-")
        self._where: dict[str, tuple[int, int]] = {}

    def __setitem__(self, key: str, records: Sequence[Record]) -> None:
        self._file.seek(0, 2)
        start = self._file.tell()
        for r in records:
            self._file.write(json.dumps(r.to_dict(), ensure_ascii=False).encode("utf-8"))
            self._file.write(b"\n")
        self._where[key] = (start, len(records))

    def __getitem__(self, key: str) -> list[Record]:
        start, n = self._where[key]
        self._file.seek(start)
        return [record_from_dict(json.loads(self._file.readline())) for _ in range(n)]

    def __contains__(self, key: object) -> bool:
        return key in self._where

    def __len__(self) -> int:
        return len(self._where)

    def close(self) -> None:
        """Delete the temporary file."""
        self._file.close()

    def __enter__(self) -> "RecordSpool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
