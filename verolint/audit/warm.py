"""A Dask worker plugin (imported only when Dask runs the audit)."""

from __future__ import annotations

from distributed import WorkerPlugin

from .task import warm


class WarmWorker(WorkerPlugin):
    """Each worker, also one that joins or restarts, loads the rule set and
    statutes once, before its first regulation."""

    def __init__(self, settings: tuple):
        self.settings = settings

    def setup(self, worker) -> None:
        warm(self.settings)
