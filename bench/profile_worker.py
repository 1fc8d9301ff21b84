"""Where a worker's time goes beyond the in-process calls: ``cProfile`` of one solo-pool worker over the queue
figure's applicants, on the embedded stack the benchmark uses.

    python bench/profile_worker.py [applicants]    # 10 by default

The applicants are submitted first, then one worker (``--pool solo``, so the tasks run in the profiled process)
takes them all. Prints the span from the first claim to the last report and the worker's profile, by cumulative
and by own time.
"""

from __future__ import annotations

import os
import pstats
import shutil
import signal
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)

from bench.run import bench_cases, worker_span  # noqa: E402
from bench.stacks import PRODUCTION_ENV  # noqa: E402
from tests.e2e.stack import Stack, wait_until  # noqa: E402


def main(count: int) -> None:
    cases = bench_cases(count)
    base = Path(tempfile.mkdtemp(prefix="bench-profile-worker-"))
    stack = Stack(base, **PRODUCTION_ENV)
    stack.env["EVENTS_BACKEND"] = "file"
    stack.start()
    profile = base / "worker.prof"
    try:
        token = stack.create_agency()
        ids = [stack.submit_case(token, case) for case in cases]
        worker = stack.spawn(
            "worker", sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "celery", "-A", "config", "worker",
            "-Q", "extraction,screening", "--pool", "solo", "--prefetch-multiplier", "1", "--without-heartbeat",
            "--without-gossip", "--without-mingle", "--loglevel", "WARNING",
        )  # fmt: skip
        wait_until(
            lambda: stack.query("SELECT count(*) FROM screening_screeningreport")[0][0] >= len(ids),
            timeout=900,
            interval=0.5,
            what="all reports",
        )
        print(f"{count} applicants, first claim to last report: {worker_span(stack):.2f} s")
        # A warm shutdown ends the worker's main normally, so cProfile writes its file.
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=60)
        stats = pstats.Stats(str(profile))
        stats.sort_stats("cumulative").print_stats(60)
        stats.sort_stats("tottime").print_stats(30)
    finally:
        stack.stop()
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
