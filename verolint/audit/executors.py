"""Where the audit's tasks run: here, in worker processes, or on Dask.

Each executor takes a list of task arguments for :func:`task.audit_one` and
calls ``done(result)`` in the auditing process as results come in, in any
order (the audit stores each under its regulation id, so order, a rerun
task or an interruption cannot change the outcome).

On Dask (``pip install 'verolint[audit]'``) a ``LocalCluster`` of worker
processes is started on this machine, or an existing cluster is used with
``--scheduler``. Workers load the rule set once (``task.warm``); a task of a
worker that dies is run again elsewhere by the scheduler, and its result
still arrives once.
"""

from __future__ import annotations

import uuid
from typing import Callable

from ..errors import VerolintError
from .task import audit_one, warm

Args = tuple  # (record dict, not_before, settings, rate)


def inline(tasks: list[Args], done: Callable[[dict], None], settings: tuple) -> None:
    for args in tasks:
        done(audit_one(*args))


def processes(tasks: list[Args], done: Callable[[dict], None], settings: tuple, jobs: int) -> None:
    import multiprocessing as mp
    import sys
    from concurrent.futures import ProcessPoolExecutor, as_completed

    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=warm, initargs=(settings,)) as pool:
        futures = [pool.submit(audit_one, *args) for args in tasks]
        try:
            for future in as_completed(futures):
                done(future.result())
        except BaseException:
            for future in futures:
                future.cancel()
            raise


def dask(tasks: list[Args], done: Callable[[dict], None], settings: tuple, jobs: int,
         scheduler: str | None = None) -> None:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise VerolintError("Dask is niet geïnstalleerd; installeer het met: pip install 'verolint[audit]'") from None
    cluster = None
    if scheduler:
        client = Client(scheduler, timeout="20s")
    else:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        from .warm import WarmWorker

        client.register_plugin(WarmWorker(settings), name="verolint-warm")  # also workers that join or restart
        run = uuid.uuid4().hex[:12]  # keys of this run only: a shared cluster may run other audits
        futures = [client.submit(audit_one, *args, key=f"verolint-audit-{run}-{args[0]['work']}_{args[0]['version']}",
                                 pure=False, retries=2) for args in tasks]
        for future in as_completed(futures):
            done(future.result())
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

