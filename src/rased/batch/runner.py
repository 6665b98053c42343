"""Engines that map a function over shards: the ``Runner`` protocol and its implementations.

A runner knows nothing of articles. It takes a picklable, module-level function and a list of items and
yields one ``Outcome`` per item, in the order they finish, with the function's result or the error that
stopped it (after the engine's own retries). It runs ``task.warm`` once in every worker process before
the first item. That is the whole contract, so another engine (Spark: ``sc.parallelize(items,
len(items)).map(fn)`` with a ``mapPartitions`` warm-up; Ray: ``ray.remote`` tasks) is one small class;
see docs/scale-out.md.

- ``SerialRunner``: in this process, one item after another (debugging, tiny jobs, tests).
- ``DaskRunner``: Dask distributed: a ``LocalCluster`` of N single-threaded worker processes, or an existing
  cluster's scheduler (``tcp://host:8786``). Items are submitted in a bounded window so a job of a hundred
  thousand shards does not flood the scheduler; a task whose worker dies is rescheduled by Dask (up to
  ``distributed.scheduler.allowed-failures`` times) and a task that raises is retried ``retries`` times.
"""
from __future__ import annotations

import itertools
import logging
import os
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from distributed.diagnostics.plugin import WorkerPlugin

from ..errors import InputError
from . import task

log = logging.getLogger(__name__)


@dataclass(slots=True, frozen=True)
class Outcome:
    item: Any
    result: Any = None
    error: str | None = None  # why the item could not be processed (after retries), or None

    @property
    def ok(self) -> bool:
        return self.error is None


@runtime_checkable
class Runner(Protocol):
    """Map a function over items on some engine; see the module docstring."""

    name: str

    def workers(self) -> int:
        """Worker slots (processes × threads) now available."""
        ...

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Outcome]:
        """Run ``fn(item)`` for every item; yield outcomes as they finish."""
        ...

    def close(self) -> None:
        ...


class SerialRunner:
    """Everything in this process, in order."""

    name = "serial"

    def __init__(self) -> None:
        self._warmed = False

    def workers(self) -> int:
        return 1

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Outcome]:
        if not self._warmed:
            task.warm()
            self._warmed = True
        for item in items:
            try:
                yield Outcome(item, fn(item))
            except Exception as err:  # the engine boundary: report it as this item's outcome
                yield Outcome(item, error=f"{type(err).__name__}: {err}")

    def close(self) -> None:
        pass

    def __enter__(self) -> SerialRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class WarmUp(WorkerPlugin):
    """Dask worker plugin: fill the pipeline's per-process caches when a worker starts (or restarts)."""

    name = "rased-warm-up"
    idempotent = True

    def setup(self, worker: Any) -> None:
        task.warm()


class DaskRunner:
    """Dask distributed. ``scheduler``: ``"local"`` (start a LocalCluster of ``workers`` processes with one
    thread each) or a scheduler address ``tcp://HOST:PORT``; or pass a ready ``client``."""

    name = "dask"

    def __init__(
        self,
        scheduler: str = "local",
        workers: int | None = None,
        *,
        client: Any = None,
        retries: int = 2,
        window: int | None = None,
        warm: bool = True,
        memory_limit: str | None = None,
    ) -> None:
        from distributed import Client, LocalCluster

        self.retries = retries
        self._window = window
        self._own_cluster = None
        self._own_client = client is None
        if client is not None:
            self.client = client
        elif scheduler in ("local", "", None):
            n = workers or os.cpu_count() or 1
            kwargs: dict[str, Any] = {}
            if memory_limit:
                kwargs["memory_limit"] = memory_limit
            self._own_cluster = LocalCluster(
                n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                silence_logs=logging.ERROR, **kwargs,
            )
            self.client = Client(self._own_cluster)
        elif scheduler.startswith(("tcp://", "tls://", "ucx://", "inproc://")):
            try:
                self.client = Client(scheduler, timeout="30s")
            except OSError as err:
                raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {err}",
                                 hint="start it with `dask scheduler` and check the address", code="scheduler") from None
        else:
            raise InputError(f"unknown scheduler {scheduler!r}",
                             hint="--scheduler local, serial, or tcp://HOST:PORT", code="scheduler")
        if warm:
            # Registered on every current worker now, and on every worker that joins or restarts later.
            self.client.register_plugin(WarmUp(), name=WarmUp.name)

    def workers(self) -> int:
        info = self.client.scheduler_info()
        return sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()) or 1

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Outcome]:
        from distributed import as_completed

        pending = iter(list(items))
        window = self._window or max(8, 4 * self.workers())
        token = os.urandom(4).hex()
        by_key: dict[str, Any] = {}
        numbers = itertools.count()

        def submit(n: int) -> list[Any]:
            out = []
            for item in pending:
                key = f"rased-{token}-{next(numbers)}"
                fut = self.client.submit(fn, item, key=key, retries=self.retries, pure=False)
                by_key[fut.key] = item
                out.append(fut)
                if len(out) >= n:
                    break
            return out

        running = as_completed(submit(window))
        for fut in running:
            item = by_key.pop(fut.key)
            if fut.status == "finished":
                outcome = Outcome(item, fut.result())
            else:
                err = fut.exception()
                outcome = Outcome(item, error=f"{type(err).__name__}: {err}")
                log.warning("task %s failed: %s", fut.key, "".join(traceback.format_exception_only(err)).strip())
            fut.release()
            for new in submit(1):
                running.add(new)
            yield outcome

    def close(self) -> None:
        if self._own_client:
            self.client.close()
        if self._own_cluster is not None:
            self._own_cluster.close()

    def __enter__(self) -> DaskRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def make(scheduler: str = "local", workers: int | None = None) -> SerialRunner | DaskRunner:
    """The runner a ``--scheduler`` value names: ``serial``, ``local`` or a scheduler address."""
    if scheduler == "serial":
        return SerialRunner()
    return DaskRunner(scheduler, workers)
