"""`make run` keeps its processes up: a worker killed by hand or by the OOM killer is started again.

Cases probe 6 killed `make run`'s worker (SIGKILL, as the OOM killer does): the web server went down with it, and
the agency's system stayed down until someone ran `make run` again.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "run_all.py"


@pytest.fixture
def run_all(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    spec = importlib.util.spec_from_file_location("run_all", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "RESTART_PAUSE_SECONDS", 0.0)
    return module


def test_a_killed_process_is_started_again(run_all: ModuleType) -> None:
    service = run_all.Service("worker", [sys.executable, "-c", "import time; time.sleep(60)"], dict(os.environ))
    first = service.process.pid
    try:
        os.kill(first, signal.SIGKILL)
        service.process.wait(timeout=10)
        assert service.restart_if_exited(time.monotonic())
        assert service.process.pid != first and service.process.poll() is None
    finally:
        service.process.kill()
        service.process.wait(timeout=10)


def test_a_process_that_keeps_exiting_stops_everything_with_an_error(run_all: ModuleType) -> None:
    failing = run_all.Service("web server", [sys.executable, "-c", "raise SystemExit(3)"], dict(os.environ))
    assert run_all.supervise([failing], stopping=lambda: False) == 1
    assert len(failing.restarts) == run_all.MAX_RESTARTS + 1


def test_asked_to_stop_it_returns_at_once(run_all: ModuleType) -> None:
    assert run_all.supervise([], stopping=lambda: True) == 0


def test_beat_runs_as_its_own_supervised_process_not_inside_the_worker(
    run_all: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Blind probe r58a (F1): the worker's embedded `--beat` child, once killed, stayed a zombie nobody restarted,
    # and the recovery sweep stopped for good. Each process `run_all` watches is restarted when it exits.
    monkeypatch.setattr(run_all.Service, "start", lambda self: None)
    by_name = {service.name: service.command for service in run_all.services("8000", tmp_path, {})}
    assert "--beat" not in by_name["worker"] and "-B" not in by_name["worker"]
    assert by_name["beat"][by_name["beat"].index("config") + 1] == "beat"
    assert str(tmp_path / "celerybeat-schedule") in by_name["beat"]
