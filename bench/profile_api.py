"""Where an API request's time goes: the status read and the submission against the bare endpoints, in-process.

Django's test client on ``bench.settings`` (embedded SQLite, database cache,
local encrypted storage, the SQLAlchemy broker), on a throwaway data
directory. Prints each endpoint's milliseconds a request against its bare
counterpart (interleaved rounds), the queries one request makes, and a
``cProfile`` of the chosen endpoint restricted to the project's code.

    python bench/profile_api.py status      # or: submission
"""

from __future__ import annotations

import cProfile
import datetime as dt
import io
import json
import os
import pstats
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ["DATA_DIR"] = tempfile.mkdtemp(prefix="bench-profile-")
os.environ.setdefault("EVENTS_BACKEND", "file")

from bench.stacks import PRODUCTION_ENV  # noqa: E402

for name, value in PRODUCTION_ENV.items():
    os.environ.setdefault(name, value)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from applicants.models import Applicant, AuditEvent  # noqa: E402
from samples.synthetic import make_person  # noqa: E402

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PROJECT_CODE = "main/(intake|applicants|documents|screening|workspace|config)/"


def main(endpoint: str, requests: int = 300, rounds: int = 3) -> None:
    call_command("migrate", "--noinput", verbosity=0)
    out = io.StringIO()
    call_command("create_agency", "Perfil", "--staff-email", "perfil@example.test", stdout=out)
    token = json.loads(out.getvalue().strip().splitlines()[-1])["token"]
    client = Client()
    auth = {"HTTP_AUTHORIZATION": f"Token {token}"}
    count = (rounds + 1) * requests + 1
    links = [intake_link(client, auth) for _ in range(count if endpoint == "submission" else 20)]
    rng = random.Random(1)
    people = [make_person(rng, dt.date.today()) for _ in links]
    used = iter(range(len(links)))

    def submission(_: int) -> None:
        index = next(used)
        form_token, key = links[index]
        person = people[index]
        body = {"nif": person.nif, "name": person.full_name, "date_of_birth": person.date_of_birth.isoformat(),
                "email": "perfil@example.test", "phone": "", "terms_accepted": True,
                "documents": [{"key": key, "original_filename": "recibo.pdf", "content_type": "application/pdf",
                               "document_type": "PROOF_OF_INCOME"}]}  # fmt: skip
        response = client.post(f"/api/v1/intake/{form_token}/submissions", json.dumps(body),
                                content_type="application/json", REMOTE_ADDR=f"10.9.{index // 250}.{index % 250}")  # fmt: skip
        assert response.status_code == 201, response.content

    def bare_post(index: int) -> None:
        body = {"action": "EXPORTED", "target_type": "bench", "target_id": str(index), "details": {"n": index}}
        assert client.post("/bench/bare", json.dumps(body), content_type="application/json").status_code == 201

    for index in range(50):
        bare_post(index)  # rows for the bare read
    if endpoint == "status":
        for _ in range(20):
            submission(0)  # applicants to read
    applicants = [str(pk) for pk in Applicant.objects.values_list("id", flat=True)]
    events = list(AuditEvent.objects.filter(target_type="bench").values_list("id", flat=True))

    def status(index: int) -> None:
        response = client.get(f"/api/v1/applicants/{applicants[index % len(applicants)]}/status", **auth)
        assert response.status_code == 200, response.content

    def bare_get(index: int) -> None:
        assert client.get(f"/bench/bare/{events[index % len(events)]}").status_code == 200

    measured, bare = (status, bare_get) if endpoint == "status" else (submission, bare_post)
    with CaptureQueriesContext(connection) as queries:
        measured(0)
    print(f"{endpoint}: {len(queries.captured_queries)} statements in one request")
    for query in queries.captured_queries:
        print("   ", query["sql"][:120])
    for round_index in range(rounds):
        mine, theirs = per_request(measured, requests), per_request(bare, requests)
        print(
            f"round {round_index + 1}: {endpoint} {mine:.2f} ms, bare {theirs:.2f} ms a request ({theirs / mine:.2f}x)"
        )
    profiler = cProfile.Profile()
    profiler.enable()
    for index in range(requests):
        measured(index)
    profiler.disable()
    report = io.StringIO()
    # PROFILE_ALL=1 PROFILE_SORT=tottime: every function by its own time, Django's and the libraries' too.
    restriction = [60] if os.environ.get("PROFILE_ALL") else [PROJECT_CODE, 40]
    pstats.Stats(profiler, stream=report).sort_stats(os.environ.get("PROFILE_SORT", "cumulative")).print_stats(
        *restriction
    )
    print(report.getvalue())


def intake_link(client: Client, auth: dict[str, str]) -> tuple[str, str]:
    form = client.post("/api/v1/applicants/intake-form-requests", {"listing_type": "ARRENDAMENTO", "property_type": "APARTAMENTO",
                       "property_title": "Perfil", "property_price": 800}, content_type="application/json", **auth).json()  # fmt: skip
    key = f"uploads/{form['id']}/{uuid.uuid4()}.pdf"
    path = Path(settings.LOCAL_STORAGE_DIR) / key
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(PDF)
    return form["token"], key


def per_request(call: Callable[[int], None], requests: int) -> float:
    started = time.perf_counter()
    for index in range(requests):
        call(index)
    return 1000 * (time.perf_counter() - started) / requests


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "status")
