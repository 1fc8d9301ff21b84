"""`make run`: the web server, one worker (all queues) and beat in the foreground.

Ctrl-C (or SIGTERM) stops them all. A process that exits on its own (a worker or beat killed by the OOM killer or
by hand) is started again, as a process manager would in production: the work it was doing is taken up again by the
pipeline's recovery, with nobody at the keyboard. One that keeps exiting (``MAX_RESTARTS`` within
``RESTART_WINDOW_SECONDS``: a port in use, a broken setting) stops everything with an error instead.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_RESTARTS = 5
RESTART_WINDOW_SECONDS = 60.0
RESTART_PAUSE_SECONDS = 1.0


class Service:
    """One child process, started again when it exits on its own."""

    def __init__(self, name: str, command: list[str], env: dict[str, str]) -> None:
        self.name, self.command, self.env = name, command, env
        self.restarts: list[float] = []
        self.process = self.start()

    def start(self) -> subprocess.Popen[bytes]:
        return subprocess.Popen(self.command, cwd=ROOT, env=self.env)

    def restart_if_exited(self, now: float) -> bool:
        """Start it again if it exited; False when it exited too often to go on."""
        code = self.process.poll()
        if code is None:
            return True
        self.restarts = [at for at in self.restarts if now - at < RESTART_WINDOW_SECONDS] + [now]
        if len(self.restarts) > MAX_RESTARTS:
            print(
                f"run: the {self.name} exited {len(self.restarts)} times in a minute (code {code}); stopping",
                flush=True,
            )
            return False
        print(f"run: the {self.name} exited (code {code}); starting it again", flush=True)
        time.sleep(RESTART_PAUSE_SECONDS)
        self.process = self.start()
        return True

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)


def services(port: str, data_dir: Path, env: dict[str, str]) -> list[Service]:
    python = sys.executable
    worker = [python, "-m", "celery", "-A", "config", "worker", "-Q", "extraction,screening", "--concurrency", "2",
              "--loglevel", "INFO"]  # fmt: skip
    # Beat in a process of its own, not the worker's embedded `--beat` child: a killed embedded beat stayed a zombie
    # that nothing restarted, and the recovery sweep and outbox relay stopped for good (blind probe r58a, F1). Only
    # one beat may run; its schedule file survives a SIGKILL (celery rebuilds a corrupted one).
    beat = [python, "-m", "celery", "-A", "config", "beat", "--schedule", str(data_dir / "celerybeat-schedule"),
            "--loglevel", "INFO"]  # fmt: skip
    return [
        # --insecure: the admin's styles with DEBUG=false too (runserver serves static files only under DEBUG
        # otherwise; blind operations probe c26 found the admin unstyled). A development server on loopback.
        Service("web server", [python, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"], env),
        Service("worker", worker, env),
        Service("beat", beat, env),
    ]


def supervise(running: list[Service], stopping: Callable[[], bool]) -> int:
    """Keep every service up until asked to stop (0) or one keeps exiting (1)."""
    while not stopping():
        if not all(service.restart_if_exited(time.monotonic()) for service in running):
            return 1
        time.sleep(0.5)
    return 0


def main() -> int:
    port = os.environ.get("PORT", "8000")
    data_dir = Path(os.environ.get("DATA_DIR", ROOT / "var"))
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1", "PYTHONUNBUFFERED": "1"}
    running = services(port, data_dir, env)
    asked: list[int] = []

    def stop(signum: int, _frame: object) -> None:
        asked.append(signum)
        for service in running:
            service.stop()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        return supervise(running, lambda: bool(asked))
    finally:
        for service in running:
            service.stop()
        deadline = time.monotonic() + 20
        for service in running:
            try:
                service.process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                service.process.kill()


if __name__ == "__main__":
    raise SystemExit(main())
