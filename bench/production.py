"""The production-shaped run of `make bench` (issue 18): PostgreSQL, SQS and S3 on moto's server, gunicorn,
one Celery worker per queue (as docker-compose.yml) and beat.

Applicants with mixed documents go through the real HTTP API (presigned POST to S3, then the submission)
from a few concurrent clients, each waiting for its applicant's report before sending the next. Measured:
applicants/min, latency from submission to report (p50/p95/p99, from the database's timestamps), that no
applicant was lost or duplicated (each COMPLETED with exactly one report and one APPLICANT_SCREENED
outbox event), and the peak RSS of a worker process, during the run and during one 10-page scanned PDF.

    python bench/run.py --only production [--production-applicants 200] [--production-clients 6]

PostgreSQL: DATABASE_URL when set (a fresh database is created on that server and dropped after),
else a throwaway cluster started the way .ci/run starts CI's (initdb as postgres under /tmp, a random
port, fsync off), stopped and deleted after.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import datetime as dt
import io
import json
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from bench.stacks import PRODUCTION_ENV
from samples.identity import cc_back, cc_front_png
from samples.income_profiles import Pension, pension_statement_pdf
from samples.payslips import fatura_recibo_pdf
from samples.synthetic import Person, Synthetic, make_person, payslip_pdf, recent_months, scan
from tests.e2e.stack import AWS, Stack, free_port, sqs_client, wait_until

RSS_GOAL_MB = 400

# The mix, by applicant number modulo 10 (documents each; every applicant sends both sides of the CC):
#   0-4 employee:          CC front + back (PNG) + 3 payslips (text PDF)
#   5-6 employee, scanned: CC front + back + 2 payslips (text PDF) + 1 payslip scanned (JPEG)
#   7-8 independent:       CC front + back + 3 faturas-recibo (text PDF)
#   9   pensioner:         CC front + back + a pension statement (text PDF; SS and CGA layouts alternate)
MIX = {
    "employee": (0, 1, 2, 3, 4),
    "employee_scanned_payslip": (5, 6),
    "independent": (7, 8),
    "pensioner": (9,),
}


def log(message: str) -> None:
    print(message, flush=True)


# --- The applicants ----------------------------------------------------------------------------------


@dataclass
class Applicant:
    index: int
    profile: str
    person: Person
    rent: Decimal
    income_profile: str
    documents: list[Synthetic]
    applicant_id: str = ""
    submitted_at: float = 0.0
    upload_seconds: float = 0.0
    final_status: str = ""
    errors: list[str] = field(default_factory=list)


def profile_of(index: int) -> str:
    return next(name for name, slots in MIX.items() if index % 10 in slots)


def make_applicant(index: int, today: dt.date) -> Applicant:
    """Applicant ``index`` of the mix: its own person and documents, the same for the same index."""
    rng = random.Random(1000 + index)
    person = make_person(rng, today)
    profile = profile_of(index)
    documents = [cc_front_png(person, variant=index), cc_back(person, rng=rng, variant=index).document]
    months = recent_months(today, 3)
    base = Decimal(rng.randint(1400, 4200))
    income_profile = "EMPLOYEE"
    if profile.startswith("employee"):
        payslips = [
            payslip_pdf(person, month, base=base, variant=index + offset, rng=random.Random(index * 10 + offset))
            for offset, month in enumerate(months)
        ]
        if profile == "employee_scanned_payslip":
            payslips[-1] = scan(payslips[-1], rng=rng)
        documents += payslips
    elif profile == "independent":
        income_profile = "INDEPENDENT"
        documents += [
            fatura_recibo_pdf(person, month.replace(day=rng.randint(20, 28)), base=base, rng=rng, variant=index + k)
            for k, month in enumerate(months)
        ]
    else:
        income_profile = "PENSIONER"
        gross = Decimal(rng.randint(1500, 3000))
        pension = Pension(gross=gross, deductions=[("Retenção na fonte de IRS", (gross * Decimal("0.08")).quantize(Decimal("0.01")))])  # fmt: skip
        issuer = "SS" if (index // 10) % 2 == 0 else "CGA"
        documents.append(pension_statement_pdf(person, pension, issued=today - dt.timedelta(days=10), issuer=issuer))
    rent = Decimal(rng.randint(550, 950))
    return Applicant(index, profile, person, rent, income_profile, documents)


def make_applicants(count: int) -> list[Applicant]:
    today = dt.date.today()
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        return list(pool.map(make_applicant, range(count), [today] * count, chunksize=8))


def ten_page_scan() -> Synthetic:
    """Ten payslips of one person, printed and scanned as one image-only PDF (200 dpi, JPEG pages)."""
    import pypdfium2 as pdfium

    rng = random.Random(99)
    today = dt.date.today()
    person = make_person(rng, today)
    merged = pdfium.PdfDocument.new()
    for offset, month in enumerate(recent_months(today, 10)):
        page = payslip_pdf(person, month, base=Decimal(2500), variant=offset, rng=random.Random(offset))
        merged.import_pages(pdfium.PdfDocument(page.data))
    buffer = io.BytesIO()
    merged.save(buffer)
    paper = Synthetic("recibos-10-meses.pdf", buffer.getvalue(), "application/pdf", "PROOF_OF_INCOME",
                      "RECIBO_VENCIMENTO", {})  # fmt: skip
    return scan(paper, rng=rng, dpi=200, rotation=0.8, blur=0.5, quality=75)


# --- PostgreSQL -----------------------------------------------------------------------------------------


@contextlib.contextmanager
def postgres() -> Iterator[str]:
    """A fresh database: on DATABASE_URL's server when set, else on a throwaway cluster like CI's."""
    server = os.environ.get("DATABASE_URL", "")
    if server.startswith(("postgres://", "postgresql://")):
        with fresh_database(server) as url:
            yield url
        return
    with throwaway_cluster() as server_url, fresh_database(server_url) as url:
        yield url


@contextlib.contextmanager
def fresh_database(server_url: str) -> Iterator[str]:
    import psycopg

    parts = urllib.parse.urlsplit(server_url)
    admin = parts._replace(path="/postgres").geturl()
    name = f"bench_production_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield parts._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[str]:
    """initdb as the postgres user under /tmp, a random port, fsync off: what .ci/run does."""
    binaries = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if not binaries:
        raise RuntimeError("PostgreSQL is not installed (bash scripts/system_deps.sh), and DATABASE_URL is not set")
    pg_bin = binaries[-1]
    folder = Path(tempfile.mkdtemp(prefix="bench-pg-", dir="/tmp"))
    shutil.chown(folder, "postgres", "postgres")
    port = free_port()

    def as_postgres(*command: str) -> None:
        subprocess.run(["runuser", "-u", "postgres", "--", *command], check=True, capture_output=True, timeout=120)

    try:
        as_postgres(str(pg_bin / "initdb"), "-D", f"{folder}/data", "-U", "postgres", "--auth=trust", "-E", "UTF8",
                    "--locale=C.UTF-8", "-N")  # fmt: skip
        options = (f"-c listen_addresses=127.0.0.1 -p {port} -k /tmp -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off -c max_connections=200")  # fmt: skip
        as_postgres(
            str(pg_bin / "pg_ctl"), "-D", f"{folder}/data", "-l", f"{folder}/pg.log", "-w", "-o", options, "start"
        )
        yield f"postgres://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(["runuser", "-u", "postgres", "--", str(pg_bin / "pg_ctl"), "-D", f"{folder}/data", "-m",
                        "immediate", "stop"], capture_output=True, check=False, timeout=60)  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


# --- moto's server (S3 and SQS), as its own process -------------------------------------------------------


@contextlib.contextmanager
def moto_server(base: Path) -> Iterator[str]:
    port = free_port()
    log_file = (base / "moto.log").open("wb")
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=log_file,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: port_open(port), timeout=30, what="moto server")
        yield endpoint
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log_file.close()


def port_open(port: int) -> bool:
    import socket

    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


# --- Memory of the worker processes (from /proc) ------------------------------------------------------


def _status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(parent, []).append(int(entry.name))
    return tree


def _descendants(pid: int, tree: dict[int, list[int]]) -> list[int]:
    found, stack = [], list(tree.get(pid, []))
    while stack:
        child = stack.pop()
        found.append(child)
        stack.extend(tree.get(child, []))
    return found


class MemorySampler:
    """Samples each worker's processes every ``interval`` s: a pool process with its OCR child, and the whole worker.

    ``process_peak_mb``: the largest RSS of one worker process plus its children (Tesseract) at one
    sample, or the kernel's high-water mark of one process (VmHWM, which catches what falls between
    samples); ``worker_pss_peak_mb``: the largest proportional set size of a whole worker (main
    process, pool and their children), which counts pages shared after fork once.
    """

    def __init__(self, workers: dict[str, int], interval: float = 0.2) -> None:
        self.workers = workers
        self.interval = interval
        self.process_peak_kb: dict[str, int] = dict.fromkeys(workers, 0)
        self.worker_pss_peak_kb: dict[str, int] = dict.fromkeys(workers, 0)
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def reset_high_water_marks(self) -> None:
        """Zero VmHWM of every worker process (``clear_refs`` 5), so it covers only what follows."""
        tree = _children()
        for pid in self.workers.values():
            for each in [pid, *_descendants(pid, tree)]:
                with contextlib.suppress(OSError):
                    Path(f"/proc/{each}/clear_refs").write_text("5")

    def sample(self) -> None:
        tree = _children()
        for name, pid in self.workers.items():
            pss = _pss_kb(pid)
            for child in [pid, *tree.get(pid, [])]:
                below = _descendants(child, tree) if child != pid else []
                with_children = _status_kb(child, "VmRSS") + sum(_status_kb(p, "VmRSS") for p in below)
                high_water = _status_kb(child, "VmHWM")
                self.process_peak_kb[name] = max(self.process_peak_kb[name], with_children, high_water)
                if child != pid:
                    pss += _pss_kb(child) + sum(_pss_kb(p) for p in below)
            self.worker_pss_peak_kb[name] = max(self.worker_pss_peak_kb[name], pss)
        self.samples += 1

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        self.sample()

    def figures(self) -> dict[str, Any]:
        return {
            "process_peak_mb": {name: kb / 1024 for name, kb in self.process_peak_kb.items()},
            "worker_pss_peak_mb": {name: kb / 1024 for name, kb in self.worker_pss_peak_kb.items()},
            "peak_mb": max(self.process_peak_kb.values(), default=0) / 1024,
            "samples": self.samples,
        }


# --- The stack ------------------------------------------------------------------------------------------


def production_stack(base: Path, database_url: str, endpoint: str) -> Stack:
    host = endpoint.removeprefix("http://")
    prefix = f"bench{random.randint(0, 10**6)}-"
    stack = Stack(
        base,
        **AWS,
        DATABASE_URL=database_url,
        **PRODUCTION_ENV,
        STORAGE_BACKEND="s3",
        S3_BUCKET=f"{prefix}documents",
        S3_ENDPOINT_URL=endpoint,
        CELERY_BROKER_URL=f"sqs://{host}",
        SQS_QUEUE_PREFIX=prefix,
        EVENTS_BACKEND="sqs",
    )
    stack.manage("migrate", "--noinput")
    stack.manage("sqs_bootstrap")
    stack.manage("s3_bootstrap")
    client = sqs_client(endpoint)
    stack.env["SQS_EXTRACTION_QUEUE_URL"] = client.get_queue_url(QueueName=f"{prefix}extraction")["QueueUrl"]
    stack.env["SQS_SCREENING_QUEUE_URL"] = client.get_queue_url(QueueName=f"{prefix}screening")["QueueUrl"]
    stack.env["EVENTS_QUEUE_URL"] = client.get_queue_url(QueueName=f"{prefix}events")["QueueUrl"]
    return stack


def start_services(stack: Stack, layout: str, concurrency: int) -> dict[str, int]:
    """gunicorn (3 workers, as docker-compose.yml), two Celery workers, beat; the workers' main pids by name.

    ``per-queue``: one worker per queue, as docker-compose.yml. ``shared``: two workers on both queues.
    """
    stack.spawn("gunicorn", sys.executable, "-m", "gunicorn", "config.wsgi:application", "--bind",
                f"127.0.0.1:{stack.port}", "--workers", "3", "--log-level", "warning")  # fmt: skip
    wait_until(stack.web_ready, timeout=60, what="gunicorn")
    queues = {"extraction": "extraction", "screening": "screening"}
    if layout == "shared":
        queues = {"worker-1": "extraction,screening", "worker-2": "extraction,screening"}
    workers = {name: stack.start_worker(queue, concurrency=concurrency).pid for name, queue in queues.items()}
    stack.start_beat()
    tree = lambda: _children()  # noqa: E731
    wait_until(lambda: all(len(tree().get(pid, [])) >= concurrency for pid in workers.values()), timeout=60,
               what="worker pools")  # fmt: skip
    return workers


# --- The clients ------------------------------------------------------------------------------------------


def submit(stack: Stack, token: str, applicant: Applicant) -> str:
    """The applicant's journey: a form from the agency, a presigned POST per file to S3, the submission."""
    status, form = stack.http("POST", "/api/v1/applicants/intake-form-requests",
                              {"listing_type": "ARRENDAMENTO", "property_type": "APARTAMENTO",
                               "property_title": f"T2 bench {applicant.index}", "property_price": float(applicant.rent)},
                              token)  # fmt: skip
    if status != 201:
        raise RuntimeError(f"form request: {status} {form}")
    documents = []
    started = time.monotonic()
    for document in applicant.documents:
        status, slot = stack.http("POST", f"/api/v1/intake/{form['token']}/uploads",
                                  {"filename": document.name, "content_type": document.content_type,
                                   "size": len(document.data), "document_type": document.document_type})  # fmt: skip
        if status != 201:
            raise RuntimeError(f"upload slot: {status} {slot}")
        posted = stack.post_file(
            slot["upload"]["url"], slot["upload"]["fields"], document.name, document.data, document.content_type
        )
        if posted not in {200, 201, 204}:
            raise RuntimeError(f"presigned POST: {posted}")
        documents.append({"key": slot["key"], "original_filename": document.name,
                          "content_type": document.content_type, "document_type": document.document_type})  # fmt: skip
    applicant.upload_seconds = time.monotonic() - started
    body = {"nif": applicant.person.nif, "name": applicant.person.full_name,
            "date_of_birth": applicant.person.date_of_birth.isoformat(), "email": "bench@example.test", "phone": "",
            "terms_accepted": True, "documents": documents, "income_profile": applicant.income_profile}  # fmt: skip
    status, created = stack.http("POST", f"/api/v1/intake/{form['token']}/submissions", body)
    if status != 201:
        raise RuntimeError(f"submission: {status} {created}")
    return str(created["applicant_id"])


STOP = threading.Event()  # set on an interrupt: the clients stop submitting and polling


def journey(stack: Stack, token: str, applicant: Applicant, timeout: float) -> None:
    """Submit, then poll the staff API until the applicant is COMPLETED or FAILED (or ``timeout`` passes).

    Twenty answers in a row other than 200 end the wait (the status endpoint is broken: say so, do not hang).
    """
    if STOP.is_set():
        return
    try:
        applicant.applicant_id = submit(stack, token, applicant)
    except (RuntimeError, OSError) as error:
        applicant.errors.append(f"submit: {error}")
        return
    applicant.submitted_at = time.monotonic()
    deadline = applicant.submitted_at + timeout
    failures = 0
    while time.monotonic() < deadline and not STOP.is_set():
        time.sleep(1.0)
        try:
            status, body = stack.http("GET", f"/api/v1/applicants/{applicant.applicant_id}/status", token=token)
        except OSError as error:
            status, body = 0, str(error)
        if status != 200:
            failures += 1
            if failures >= 20:
                applicant.errors.append(f"status endpoint: {status} {str(body)[:200]}")
                applicant.final_status = f"STATUS_{status}"
                return
            continue
        failures = 0
        if body["status"] in {"COMPLETED", "FAILED"}:
            applicant.final_status = body["status"]
            return
    applicant.final_status = "TIMED_OUT"


def run_clients(stack: Stack, token: str, applicants: list[Applicant], clients: int, timeout: float) -> float:
    """``clients`` concurrent clients, each submitting its next applicant once the last one has its report."""
    started = time.monotonic()
    done = 0
    lock = threading.Lock()

    def one(applicant: Applicant) -> None:
        nonlocal done
        journey(stack, token, applicant, timeout)
        with lock:
            done += 1
            if done % 25 == 0 or done == len(applicants):
                log(f"production: {done}/{len(applicants)} applicants done, {time.monotonic() - started:.0f} s")

    pool = concurrent.futures.ThreadPoolExecutor(max_workers=clients)
    try:
        list(pool.map(one, applicants))
    except BaseException:
        STOP.set()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return time.monotonic() - started


# --- What the database says ----------------------------------------------------------------------------


def database_figures(database_url: str, submitted: set[str]) -> dict[str, Any]:
    """Lost and duplicated applicants, and latencies, from PostgreSQL; ``submitted`` are the ids the API returned."""
    import psycopg

    with psycopg.connect(database_url) as connection:
        applicants = connection.execute(
            """SELECT a.id::text, a.status, a.created_at, count(r.id), min(r.created_at)
                 FROM applicants_applicant a LEFT JOIN screening_screeningreport r ON r.applicant_id = a.id
                GROUP BY a.id"""
        ).fetchall()
        events = dict(
            connection.execute(
                """SELECT payload->>'applicant_id', count(*) FROM screening_outboxevent
                    WHERE event_type = 'APPLICANT_SCREENED' GROUP BY 1"""
            ).fetchall()
        )
        unsent = connection.execute(
            "SELECT count(*) FROM screening_outboxevent WHERE sent_at IS NULL AND event_type = 'APPLICANT_SCREENED'"
        ).fetchone()
        recoveries = connection.execute("SELECT coalesce(sum(recoveries), 0) FROM screening_pipelinerun").fetchone()
        attempts = connection.execute("SELECT coalesce(max(attempts), 0) FROM documents_document").fetchone()
    rows = {row[0]: row for row in applicants}
    lost = sorted(i for i in submitted if i not in rows or rows[i][1] != "COMPLETED" or rows[i][3] == 0)
    duplicated = sorted(i for i in submitted if i in rows and (rows[i][3] > 1 or events.get(i, 0) > 1)) + sorted(
        i for i in rows if i not in submitted
    )  # an applicant row nobody submitted
    no_event = sorted(i for i in submitted if events.get(i, 0) == 0)
    latencies = sorted(
        (rows[i][4] - rows[i][2]).total_seconds() for i in submitted if i in rows and rows[i][4] is not None
    )
    statuses: dict[str, int] = {}
    for row in applicants:
        statuses[row[1]] = statuses.get(row[1], 0) + 1
    first_submission = min((row[2] for row in applicants), default=None)
    last_report = max((row[4] for row in applicants if row[4] is not None), default=None)
    span = (last_report - first_submission).total_seconds() if first_submission and last_report else 0.0
    return {
        "applicant_rows": len(rows),
        "statuses": statuses,
        "lost": lost,
        "duplicated": duplicated,
        "without_event": no_event,
        "events_unsent": int(unsent[0]) if unsent else 0,
        "pipeline_recoveries": int(recoveries[0]) if recoveries else 0,
        "max_extraction_attempts": int(attempts[0]) if attempts else 0,
        "latencies": latencies,
        "span_seconds": span,
    }


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile of sorted ``values``."""
    if not values:
        return float("nan")
    rank = max(1, min(len(values), math.ceil(q * len(values))))
    return values[rank - 1]


def drain_events(endpoint: str, queue_url: str) -> dict[str, int]:
    """The events on the events queue (read and deleted): how many, and for how many distinct applicants."""
    client = sqs_client(endpoint)
    seen: dict[str, int] = {}
    idle = 0
    while idle < 2:
        messages = client.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1).get(
            "Messages", []
        )
        idle = 0 if messages else idle + 1
        for message in messages:
            applicant_id = json.loads(message["Body"]).get("applicant_id", "")
            seen[applicant_id] = seen.get(applicant_id, 0) + 1
            client.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
    return {"messages": sum(seen.values()), "applicants": len(seen)}


# --- The run -----------------------------------------------------------------------------------------------


def bench_production(
    count: int = 200, *, clients: int = 6, layout: str = "shared", concurrency: int = 1, timeout: float = 600
) -> dict[str, Any]:
    log(f"production: generating {count} applicants ({', '.join(f'{k} {len(v) * 10}%' for k, v in MIX.items())})")
    started = time.perf_counter()
    applicants = make_applicants(count)
    big_scan = ten_page_scan()
    generated = time.perf_counter() - started
    mix: dict[str, dict[str, int]] = {}
    for applicant in applicants:
        kinds = mix.setdefault(applicant.profile, {"applicants": 0})
        kinds["applicants"] += 1
        for document in applicant.documents:
            name = f"{document.kind} {'text' if document.method == 'text' else 'OCR'} {document.content_type.split('/')[1]}"
            kinds[name] = kinds.get(name, 0) + 1
    documents = sum(len(a.documents) for a in applicants)
    log(f"production: {documents} documents generated in {generated:.0f} s; starting PostgreSQL, moto, the stack")
    base = Path(tempfile.mkdtemp(prefix="bench-production-"))
    stack: Stack | None = None
    try:
        with postgres() as database_url, moto_server(base) as endpoint:
            stack = production_stack(base, database_url, endpoint)
            workers = start_services(stack, layout, concurrency)
            token = stack.create_agency()
            log(f"production: {count} applicants, {clients} clients, workers {workers} (concurrency {concurrency})")
            with MemorySampler(workers) as run_memory:
                wall = run_clients(stack, token, applicants, clients, timeout)
            submitted = {a.applicant_id for a in applicants if a.applicant_id}
            time.sleep(2)  # the inline relay runs after each commit; let the last ones land
            figures = database_figures(database_url, submitted)
            events = drain_events(endpoint, stack.env["EVENTS_QUEUE_URL"])

            log("production: one 10-page scanned PDF, workers otherwise idle")
            big = Applicant(count, "ten_page_scan", make_person(random.Random(7), dt.date.today()), Decimal(700),
                            "EMPLOYEE", [big_scan])  # fmt: skip
            with MemorySampler(workers, interval=0.1) as scan_memory:
                scan_memory.reset_high_water_marks()
                journey(stack, token, big, timeout)
            big_latency = database_figures(database_url, {big.applicant_id}) if big.applicant_id else {}
    finally:
        if stack is not None:
            stack.stop()
            failures = [a for a in applicants if a.errors]
            if failures:
                log(f"production: {len(failures)} applicants with client errors, e.g. {failures[0].errors[:2]}")
        shutil.rmtree(base, ignore_errors=True)

    latencies = figures.pop("latencies")
    completed = figures["statuses"].get("COMPLETED", 0)
    return {
        "applicants": count,
        "clients": clients,
        "workers": 2,
        "layout": layout,
        "worker_concurrency": concurrency,
        "database": "PostgreSQL (DATABASE_URL)" if os.environ.get("DATABASE_URL") else "PostgreSQL (throwaway cluster)",
        "mix": mix,
        "documents": documents,
        "generation_seconds": generated,
        "wall_seconds": wall,
        "submitted": len(submitted),
        "client_errors": [a.errors[:2] for a in applicants if a.errors][:5],
        "client_final_statuses": {
            s: sum(1 for a in applicants if a.final_status == s) for s in {a.final_status for a in applicants}
        },
        "completed": completed,
        "lost": len(figures["lost"]) + (count - len(submitted)),
        "duplicated": len(figures["duplicated"]),
        "lost_ids": figures["lost"][:10],
        "duplicated_ids": figures["duplicated"][:10],
        "without_event": len(figures["without_event"]),
        "events_unsent": figures["events_unsent"],
        "events_on_queue": events,
        "pipeline_recoveries": figures["pipeline_recoveries"],
        "max_extraction_attempts": figures["max_extraction_attempts"],
        "per_min": 60 * completed / figures["span_seconds"] if figures["span_seconds"] else 0.0,
        "latency_seconds": {
            "p50": percentile(latencies, 0.50),
            "p95": percentile(latencies, 0.95),
            "p99": percentile(latencies, 0.99),
            "max": latencies[-1] if latencies else float("nan"),
            "mean": statistics.fmean(latencies) if latencies else float("nan"),
        },
        "upload_seconds_p50": statistics.median(a.upload_seconds for a in applicants) if applicants else 0.0,
        "memory_run": run_memory.figures(),
        "memory_ten_page_scan": {
            **scan_memory.figures(),
            "status": big.final_status,
            "pages": 10,
            "bytes": len(big_scan.data),
            "latency_seconds": (big_latency.get("latencies") or [None])[0],
        },
        "goals": {"lost_or_duplicated": "0 of >= 200", "ten_page_scan_peak_rss_mb": f"<= {RSS_GOAL_MB}"},
    }


def production_rows(p: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The production run's rows of the bench table: (figure, value, baseline, ratio, goal, passed)."""
    bad = p["lost"] + p["duplicated"]
    latency = p["latency_seconds"]
    scan_memory = p["memory_ten_page_scan"]
    return [
        ("production: applicants lost or duplicated", f"{bad} of {p['applicants']}", f"lost {p['lost']}, duplicated {p['duplicated']}",
         "", "0 of >= 200", bad == 0 and p["applicants"] >= 200 and p["submitted"] == p["applicants"]),
        ("production: applicants/min (PG, SQS+S3 moto, 2 workers)", f"{p['per_min']:.1f}",
         f"{p['clients']} clients, {p['documents']} docs", "", "", None),
        ("production: latency p50/p95/p99, s", f"{latency['p50']:.1f}/{latency['p95']:.1f}/{latency['p99']:.1f}",
         "submission to report", "", "", None),
        ("production: worker peak RSS in the run, MB", f"{p['memory_run']['peak_mb']:.0f}",
         "one process + its OCR child", "", "", None),
        ("worker peak RSS, 10-page scanned PDF, MB", f"{scan_memory['peak_mb']:.0f}",
         f"report {scan_memory['status'] or 'none'}", "", f"<= {RSS_GOAL_MB}",
         scan_memory["peak_mb"] <= RSS_GOAL_MB and scan_memory["status"] == "COMPLETED"),
    ]  # fmt: skip
