"""The Dask backend: the same batches the single-process path codes, run on a cluster.

Documents are read where the command runs and shipped in batches; each worker keeps one
warm model (loaded on its first batch) and returns the batch's records. Results come back
in input order with a bounded number of batches in flight, so the client's memory does
not grow with the corpus, and the records are the same as without Dask.
"""
from __future__ import annotations

import collections
import itertools
from collections.abc import Iterable, Iterator

from .document import Document
from .pipeline import records_of_batch
from .record import ErrorRecord, Record


def connect(spec: str):
    """A Dask client from ``local:N`` (start a LocalCluster of N single-threaded worker
    processes) or a scheduler address such as ``tcp://10.0.0.5:8786``."""
    import dask
    from dask.distributed import Client, LocalCluster

    # Dask's statistical profiler samples the worker's Python stacks every few milliseconds;
    # on pure-Python NLP code that costs about a quarter of the throughput. Nannies pass this
    # config on to the workers they start.
    # Nannies also start workers with MALLOC_TRIM_THRESHOLD_ set. Setting any glibc malloc
    # threshold turns off its dynamic mmap threshold, so every array of 128 KiB or more the
    # parser makes is a fresh mmap (90 instead of 85 ms of worker CPU per sample document).
    # Workers get the thread-count settings only, and glibc's defaults.
    environ = {k: v for k, v in dask.config.get("distributed.nanny.pre-spawn-environ").items()
               if not k.startswith("MALLOC_")}
    dask.config.set({"distributed.worker.profile.enabled": False,
                     "distributed.nanny.pre-spawn-environ": environ})
    if spec.startswith("local"):
        _, _, n = spec.partition(":")
        cluster = LocalCluster(n_workers=int(n or 2), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        return Client(cluster)
    return Client(spec)


def extract_with_dask(documents: Iterable[Document], client, batch_size: int = 32,
                      in_flight_per_worker: int = 3) -> Iterator[tuple[Document, Record | ErrorRecord]]:
    """Yield (document, record) in input order, coding batches on the cluster's workers."""
    n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    limit = in_flight_per_worker * n_workers
    pending: collections.deque = collections.deque()
    it = iter(documents)
    while batch := list(itertools.islice(it, batch_size)):
        pending.append((batch, client.submit(records_of_batch, batch, pure=False)))
        while len(pending) >= limit:
            done, future = pending.popleft()
            yield from zip(done, future.result())
    while pending:
        done, future = pending.popleft()
        yield from zip(done, future.result())
