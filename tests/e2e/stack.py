"""A real stack in subprocesses: migrate, web server and Celery workers on loopback.

The e2e tests drive it only from outside (HTTP API, management commands, the
SQS queues, a read-only look at its SQLite file), like an operator would.
"""

from __future__ import annotations

import fcntl
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from documents.storage.local import store_make

ROOT = Path(__file__).resolve().parents[2]
AWS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_REGION": "eu-west-1",
    "AWS_DEFAULT_REGION": "eu-west-1",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(predicate: Callable[[], Any], *, timeout: float, interval: float = 0.25, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def multipart(fields: dict[str, str], file_name: str, data: bytes, content_type: str) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file_name}"\r\n'
        f"Content-Type: {content_type}\r\n\r\n".encode()
        + data
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


# A database migrated once per test session (see ``build_template``); None: every stack migrates its own.
_template: Path | None = None
# The agencies created in that database, handed out in turn by each stack copied from it.
_template_agencies: list[dict[str, str]] = []

# Every test makes an agency or two; each ``manage.py create_agency`` is a Django start (about 2 s of
# CPU here). The template holds this many, made by one process with the same service as the command.
AGENCY_POOL_SIZE = 16
# Of them, this many have a staff user who can log in to Django admin with STAFF_PASSWORD.
STAFF_POOL_SIZE = 4
STAFF_PASSWORD = "Staff-Pa55word!"

_POOL_SCRIPT = f"""
import json
from applicants.services import agency_create
pool = []
for number in range({AGENCY_POOL_SIZE}):
    email = f"e2e-pool-{{number}}@example.test"
    password = {STAFF_PASSWORD!r} if number < {STAFF_POOL_SIZE} else None
    credentials = agency_create(name=f"Agência E2E {{number}}", staff_email=email, password=password)
    pool.append({{"token": credentials.token, "email": email, "password": password or ""}})
print(json.dumps(pool))
"""


def agencies_file(template: Path) -> Path:
    return template.with_name(f"{template.name}.agencies.json")


def use_template(path: Path | None) -> None:
    """Start later stacks from a copy of the migrated database at ``path`` (None: migrate each one)."""
    global _template, _template_agencies
    _template = path
    pool = agencies_file(path) if path is not None else None
    _template_agencies = json.loads(pool.read_text()) if pool is not None and pool.exists() else []


def ensure_template(root: Path) -> Path:
    """The run's template under ``root``, built by the first caller; the others (xdist workers, processes
    sharing ``root``) wait for it on a lock file there."""
    template = root / "e2e-template.sqlite3"
    with (root / "e2e-template.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not template.exists():
            build_template(template)
    return template


def build_template(path: Path) -> Path:
    """Run ``migrate`` once on a fresh SQLite file, create the agency pool in it, keep it at ``path`` for stacks to copy."""
    workdir = path.parent / f"{path.stem}-build"
    workdir.mkdir(parents=True, exist_ok=True)
    builder = Stack(workdir)
    builder.manage("migrate", "--noinput")
    pool = builder.manage("shell", "-c", _POOL_SCRIPT).strip().splitlines()[-1]
    copy_database(workdir / "db.sqlite3", path)
    agencies_file(path).write_text(pool)
    return path


def has_tables(database: Path) -> bool:
    if not database.exists() or database.stat().st_size == 0:
        return False
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=10)
    try:
        return bool(connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0])
    finally:
        connection.close()


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's backup API (it carries anything still in the WAL)."""
    partial = target.with_name(f"{target.name}.partial")
    partial.unlink(missing_ok=True)
    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
    writer = sqlite3.connect(partial)
    try:
        reader.backup(writer)
    finally:
        writer.close()
        reader.close()
    for leftover in (target.with_name(f"{target.name}-wal"), target.with_name(f"{target.name}-shm")):
        leftover.unlink(missing_ok=True)  # an empty database's journal must not be replayed onto the copy
    partial.replace(target)


class Stack:
    def __init__(self, base: Path, **env: str) -> None:
        self.base = base
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        inherited = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DATABASE_URL", "DJANGO_", "CELERY_", "PYTEST", "COV_"))
        }
        self.env = {
            **inherited,
            "DATA_DIR": str(base),
            "DATABASE_URL": f"sqlite:///{base / 'db.sqlite3'}",
            "PUBLIC_BASE_URL": self.url,
            "OMP_THREAD_LIMIT": "1",
            "PYTHONUNBUFFERED": "1",
            "INTAKE_THROTTLE_RATE": "10000/min",
            "INTAKE_WRITE_THROTTLE_RATE": "10000/min",
            **env,
        }
        self.processes: list[subprocess.Popen[bytes]] = []
        self.logs: list[Path] = []
        # The template's agencies not yet handed out (filled when the database is copied from it).
        self.agencies: list[dict[str, str]] = []

    @property
    def mail_dir(self) -> Path:
        """Where the embedded mail backend writes one ``.eml`` file per message (``DATA_DIR/mail``)."""
        return self.base / "mail"

    @property
    def events_file(self) -> Path:
        """Where the embedded event publisher appends one JSON line per event (``DATA_DIR/events.jsonl``)."""
        return self.base / "events.jsonl"

    # --- processes ---------------------------------------------------------------------------

    def manage(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, timeout=120, check=False
        )
        if done.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(args)} failed:\n{done.stderr.decode()[-3000:]}")
        return done.stdout.decode()

    def spawn(self, name: str, *command: str, extra_env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        log = self.base / f"{name}-{len(self.logs)}.log"
        self.logs.append(log)
        process = subprocess.Popen(
            list(command),
            cwd=ROOT,
            env={**self.env, **(extra_env or {})},
            stdout=log.open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append(process)
        return process

    def start(self) -> None:
        self.migrate()
        self.spawn("web", sys.executable, "manage.py", "runserver", f"127.0.0.1:{self.port}", "--noreload")
        wait_until(self.web_ready, timeout=30, what="web server")

    def migrate(self) -> None:
        """A migrated database: a copy of the session's template if there is one, else ``migrate``.

        ``migrate`` on a fresh SQLite file costs a Django start and every migration
        (5-15 s on a loaded 2-core machine); the copy takes milliseconds. A database
        that already has tables is migrated in place, as before.
        """
        database = self.base / "db.sqlite3"
        if _template is not None and not has_tables(database):
            copy_database(_template, database)
            self.agencies = [dict(agency) for agency in _template_agencies]
            # What ``migrate`` makes besides the tables (post_migrate): the local store's folder, which uploads
            # never make (a volume not mounted must not be written in its place).
            store_make(self.base / "objects")
        else:
            self.manage("migrate", "--noinput")

    def start_worker(
        self, queues: str = "extraction,screening", concurrency: int = 1, extra_env: dict[str, str] | None = None
    ) -> subprocess.Popen[bytes]:
        return self.spawn(
            "worker",
            sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", queues, "--concurrency", str(concurrency),
            "--prefetch-multiplier", "1", "--without-heartbeat", "--without-gossip", "--without-mingle",
            "-n", f"w{len(self.processes)}@%h", "--loglevel", "INFO",
            extra_env=extra_env,
        )  # fmt: skip

    def start_beat(self) -> subprocess.Popen[bytes]:
        """Beat in its own process, as in docker-compose: it survives the workers being killed."""
        return self.spawn(
            "beat", sys.executable, "-m", "celery", "-A", "config", "beat",
            "--schedule", str(self.base / "celerybeat-schedule"), "--loglevel", "INFO",
        )  # fmt: skip

    @staticmethod
    def kill(process: subprocess.Popen[bytes], sig: int = signal.SIGKILL) -> None:
        if process.poll() is None:
            os.killpg(process.pid, sig)
            process.wait(timeout=20)

    def stop(self, *, graceful: bool = True) -> None:
        """Stop every process; ``graceful=False`` kills at once (a stack thrown away needs no warm shutdown)."""
        for process in reversed(self.processes):
            try:
                self.kill(process, signal.SIGTERM if graceful else signal.SIGKILL)
            except (subprocess.TimeoutExpired, ProcessLookupError):
                self.kill(process, signal.SIGKILL)

    def log_tail(self) -> str:
        return "\n".join(
            f"== {log.name}\n{log.read_text(errors='replace')[-4000:]}" for log in self.logs if log.exists()
        )

    def web_ready(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/api/v1/schema", timeout=2) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, ConnectionError, OSError):
            return False

    # --- HTTP ---------------------------------------------------------------------------------

    def http(self, method: str, path: str, body: Any = None, token: str | None = None) -> tuple[int, Any]:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"{self.url}{path}", data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", f"Token {token}")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                raw = response.read()
                return response.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as error:
            raw = error.read()
            return error.code, json.loads(raw) if raw and raw.startswith(b"{") else raw

    def post_file(self, url: str, fields: dict[str, str], name: str, data: bytes, content_type: str) -> int:
        body, header = multipart(fields, name, data, content_type)
        request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": header})
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status)

    # --- The applicant journey ------------------------------------------------------------------

    def create_agency(self) -> str:
        """The API token of an agency no other test on this stack has: one from the template's pool, else a new one."""
        return self._agency(staff=False)[0]

    def create_staff_agency(self) -> tuple[str, str, str]:
        """Like ``create_agency``, with a staff user who can log in to Django admin: (token, email, password)."""
        return self._agency(staff=True)

    def _agency(self, *, staff: bool) -> tuple[str, str, str]:
        for agency in self.agencies:
            if bool(agency["password"]) == staff:
                self.agencies.remove(agency)
                return agency["token"], agency["email"], agency["password"]
        email = f"e2e-{uuid.uuid4().hex[:6]}@example.test"
        password = ("--password", STAFF_PASSWORD) if staff else ()
        line = self.manage("create_agency", f"Agência E2E {uuid.uuid4().hex[:6]}", "--staff-email", email, *password)
        return str(json.loads(line.strip().splitlines()[-1])["token"]), email, STAFF_PASSWORD if staff else ""

    def submit_case(self, token: str, case: Any) -> str:
        status, form = self.http("POST", "/api/v1/applicants/intake-form-requests",
                                 {"listing_type": case.listing_type, "property_type": "APARTAMENTO", "property_title": "T2 E2E",
                                  "property_price": float(case.price)}, token)  # fmt: skip
        assert status == 201, form
        documents = []
        for document in case.documents:
            status, slot = self.http("POST", f"/api/v1/intake/{form['token']}/uploads",
                                     {"filename": document.name, "content_type": document.content_type, "size": len(document.data),
                                      "document_type": document.document_type})  # fmt: skip
            assert status == 201, slot
            assert self.post_file(
                slot["upload"]["url"], slot["upload"]["fields"], document.name, document.data, document.content_type
            ) in {200, 204}
            documents.append(
                {
                    "key": slot["key"],
                    "original_filename": document.name,
                    "content_type": document.content_type,
                    "document_type": document.document_type,
                }
            )
        body = {"nif": case.person.nif, "name": case.submitted_name, "date_of_birth": case.person.date_of_birth.isoformat(),
                "email": "e2e@example.test", "phone": "", "terms_accepted": True, "documents": documents}  # fmt: skip
        status, created = self.http("POST", f"/api/v1/intake/{form['token']}/submissions", body)
        assert status == 201, created
        return str(created["applicant_id"])

    def applicant_status(self, token: str, applicant_id: str) -> dict[str, Any]:
        status, body = self.http("GET", f"/api/v1/applicants/{applicant_id}", token=token)
        assert status == 200, body
        return dict(body)

    def wait_for_status(self, token: str, applicant_id: str, wanted: str, timeout: float = 90) -> dict[str, Any]:
        def reached() -> dict[str, Any] | None:
            body = self.applicant_status(token, applicant_id)
            return body if body["status"] == wanted else None

        try:
            return dict(wait_until(reached, timeout=timeout, interval=0.5, what=f"applicant {wanted}"))
        except AssertionError as error:
            raise AssertionError(f"{error}\n{self.log_tail()}") from error

    # --- A read-only look at the database ---------------------------------------------------------

    def query(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        connection = sqlite3.connect(f"file:{self.base / 'db.sqlite3'}?mode=ro", uri=True, timeout=10)
        try:
            return connection.execute(sql, params).fetchall()
        finally:
            connection.close()

    def report_count(self, applicant_id: str) -> int:
        return int(
            self.query(
                "SELECT count(*) FROM screening_screeningreport WHERE applicant_id = ?", uuid.UUID(applicant_id).hex
            )[0][0]
        )

    def outbox_count(self, applicant_id: str) -> int:
        rows = self.query("SELECT payload FROM screening_outboxevent")
        return sum(1 for (payload,) in rows if json.loads(payload)["applicant_id"] == applicant_id)


# --- SQS on moto's server ---------------------------------------------------------------------------


def sqs_client(endpoint: str) -> Any:
    import boto3

    return boto3.client(
        "sqs",
        endpoint_url=endpoint,
        region_name="eu-west-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def sqs_stack(base: Path, endpoint: str, **env: str) -> Stack:
    """A stack on SQS (moto) with short limits; the graph's budget (4 nodes x 1 try x 2 s) fits the soft limit."""
    host = endpoint.removeprefix("http://")
    prefix = f"e2e{random.randint(0, 10**6)}-"
    settings = {
        **AWS,
        "CELERY_BROKER_URL": f"sqs://{host}",
        "SQS_QUEUE_PREFIX": prefix,
        "SQS_WAIT_TIME_SECONDS": "1",
        "SQS_VISIBILITY_TIMEOUT": "15",
        "CELERY_TASK_TIME_LIMIT": "12",
        "SCREENING_NODE_TIMEOUT_SECONDS": "2",
        "SCREENING_NODE_MAX_ATTEMPTS": "1",
        "PIPELINE_STUCK_AFTER_SECONDS": "12",
        "SQS_MAX_RECEIVE_COUNT": "2",
        "PIPELINE_MAX_RETRIES": "0",
    }
    stack = Stack(base, **{**settings, **env})
    stack.manage("sqs_bootstrap")
    client = sqs_client(endpoint)
    stack.env["SQS_EXTRACTION_QUEUE_URL"] = client.get_queue_url(QueueName=f"{prefix}extraction")["QueueUrl"]
    stack.env["SQS_SCREENING_QUEUE_URL"] = client.get_queue_url(QueueName=f"{prefix}screening")["QueueUrl"]
    stack.env["EVENTS_BACKEND"] = "sqs"
    stack.env["EVENTS_QUEUE_URL"] = client.get_queue_url(QueueName=f"{prefix}events")["QueueUrl"]
    return stack
