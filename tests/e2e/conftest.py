"""Fixtures of the e2e tests: a database migrated once per run, the session's shared stack, moto's SQS server.

Every stack process is a Django start (3-4 s of CPU here) and ``migrate`` on a
fresh SQLite file costs one more plus the migrations, so the run pays for them
once where the tests allow it:

- ``migrate`` runs once per run (``_migrated_template``), with a pool of agencies
  made in the same database; each stack starts from a copy of that file and hands
  the agencies out (``Stack.create_agency``), so a test's agency costs no Django start.
- Tests on the embedded defaults that neither kill a process nor change a
  setting share one stack per xdist worker (``embedded_stack``), each under its
  own agency. Tests that kill workers, start their own, or need other settings
  build their own ``Stack`` and append it to ``stacks``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.e2e.stack import Stack, ensure_template, free_port, use_template


@pytest.fixture(scope="session", autouse=True)
def _migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """One ``migrate`` per run, shared by the xdist workers through a lock file in their common folder
    (under xdist the controller has usually built it while the workers collected: ``tests/conftest.py``)."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    use_template(ensure_template(root))
    yield
    use_template(None)


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """One moto server per xdist worker: each SQS stack works on its own queue prefix."""
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture
def stacks() -> Iterator[list[Stack]]:
    started: list[Stack] = []
    yield started
    for stack in started:
        stack.stop(graceful=False)


@pytest.fixture(scope="session")
def _shared_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    stack = Stack(tmp_path_factory.mktemp("embedded-stack"))
    try:
        stack.start()
        stack.start_worker()
        yield stack
    finally:
        stack.stop(graceful=False)


@pytest.fixture
def embedded_stack(_shared_stack: Stack) -> Stack:
    """The session's stack on the embedded defaults (SQLite, embedded broker, mail as ``.eml`` files in
    ``stack.mail_dir``) with its web server and one worker running.

    Shared: a test must not kill its processes or change its settings, must work
    under an agency of its own (``create_agency``), and must scope what it reads
    from the database, the mail folder and the events file to its own records.
    """
    stopped = [process.args for process in _shared_stack.processes if process.poll() is not None]
    assert not stopped, f"the shared stack lost {stopped}:\n{_shared_stack.log_tail()}"
    return _shared_stack
