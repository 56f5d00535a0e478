"""Records as Parquet files partitioned by publication date (``date=YYYY-MM-DD/``).

Written batch by batch, so a run of any size keeps only one batch in memory; each batch
adds one file per date it holds, named by a run id and sequence number so that reruns and
parallel writers never overwrite each other.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable
from pathlib import Path

from .export import flatten_record


class PartitionedParquetWriter:
    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.run = uuid.uuid4().hex[:12]
        self.seq = 0
        self.written = 0

    def write(self, records: Iterable) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        by_date: dict[str, list[dict]] = {}
        for record in records:
            if hasattr(record, "error"):
                continue  # error records go to the store's quarantine or the JSONL output
            row = flatten_record(record.to_dict())
            by_date.setdefault(row["date"] or "unknown", []).append(row)
        for date, rows in sorted(by_date.items()):
            folder = self.root / f"date={date}"
            folder.mkdir(exist_ok=True)
            self.seq += 1
            table = pa.Table.from_pylist([{k: v for k, v in r.items() if k != "date"} for r in rows])
            pq.write_table(table, folder / f"part-{self.run}-{self.seq:06d}.parquet")
            self.written += len(rows)
