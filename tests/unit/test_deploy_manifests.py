"""``deploy/k8s/`` is valid Kubernetes and agrees with the code, checked offline.

Every manifest is validated against the Kubernetes JSON schemas that ship in
the ``kubernetes-validate`` wheel (strict: an unknown field is an error), for
the oldest and the newest Kubernetes release we deploy to. The custom
resources (KEDA's ScaledObject and TriggerAuthentication, prometheus-operator's
ServiceMonitor) are validated against their CRDs' schemas vendored in
``deploy/schemas/`` (made strict here too), and the ``aws-sqs-queue`` trigger's
metadata against the scaler's parameters.

Then the cross-references a schema cannot see: a worker Deployment and a KEDA
scaler for every queue the code routes tasks to, commands that start
``celery -A config``, the worker sizes and grace periods against the time
budgets, probes on the real health views, env names that ``.env.example``
documents, secrets only by reference, locked-down pods whose writable paths
are ``emptyDir`` volumes, one beat, and the migration before the pods.
"""

from __future__ import annotations

import copy
import json
import os
import re
import secrets
import shlex
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import pytest
import yaml
from cryptography.fernet import Fernet
from django.conf import settings
from django.urls import reverse

from config.time_budgets import check_time_budgets
from workspace.sqs import TASK_QUEUES

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"
SCHEMAS = ROOT / "deploy" / "schemas"
ENV_EXAMPLE = ROOT / ".env.example"

# The oldest Kubernetes minor we deploy to and the newest whose schemas we have.
KUBERNETES_VERSIONS = ("1.31.0", "1.37.0")
CRD_SCHEMAS = {
    ("keda.sh/v1alpha1", "ScaledObject"): "keda-scaledobject.json",
    ("keda.sh/v1alpha1", "TriggerAuthentication"): "keda-triggerauthentication.json",
    ("monitoring.coreos.com/v1", "ServiceMonitor"): "servicemonitor.json",
}
SQS_TRIGGER_METADATA = "keda-aws-sqs-queue-metadata.json"
# Set by the manifests themselves, not read by config/: the downward API's pod address.
KUBERNETES_ONLY_ENV = {"POD_IP"}
SECRET_NAME = "screening-secrets"
SECRETS_MOUNT = "/run/secrets/screening"
ASSIGNMENT_LINE = re.compile(r"^#?\s*([A-Z][A-Z0-9_]*)=(.*)$")

Manifest = dict[str, Any]


def manifests() -> list[tuple[str, Manifest]]:
    """(file name, document) for every manifest in deploy/k8s, in file order: a fresh copy on each call."""
    return copy.deepcopy(parsed_manifests())


@cache
def parsed_manifests() -> list[tuple[str, Manifest]]:
    """The manifests parsed once per test process (PyYAML's pure-Python parser took about 0.2 s of CPU per
    read, and the tests read them some 40 times); ``manifests`` hands out copies, so no test sees another's edits."""
    found = []
    for path in sorted(K8S.glob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if document is not None:
                found.append((path.name, document))
    return found


def strict(schema: Any) -> Any:
    """The schema with unknown fields refused wherever it lists the known ones (the API server would prune them)."""
    if isinstance(schema, list):
        return [strict(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    tightened = {key: strict(value) for key, value in schema.items()}
    if (
        "properties" in schema
        and "additionalProperties" not in schema
        and not schema.get("x-kubernetes-preserve-unknown-fields")
    ):
        tightened["additionalProperties"] = False
    return tightened


@cache
def vendored_schema(name: str) -> dict[str, Any]:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    schema.pop("$comment", None)
    return strict(schema)  # type: ignore[no-any-return]


def validation_errors(document: Manifest) -> list[str]:
    """What is wrong with one manifest, as readable lines; empty when it is valid."""
    if not isinstance(document, dict) or "kind" not in document or "apiVersion" not in document:
        return ["not a Kubernetes object (apiVersion and kind are required)"]
    key = (document["apiVersion"], document["kind"])
    if key in CRD_SCHEMAS:
        validator = jsonschema.Draft7Validator(vendored_schema(CRD_SCHEMAS[key]))
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]
        if document["kind"] == "ScaledObject":
            metadata_validator = jsonschema.Draft7Validator(vendored_schema(SQS_TRIGGER_METADATA))
            for index, trigger in enumerate(document.get("spec", {}).get("triggers", [])):
                if trigger.get("type") == "aws-sqs-queue":
                    errors += [
                        f"spec/triggers/{index}/metadata: {e.message}"
                        for e in metadata_validator.iter_errors(trigger.get("metadata", {}))
                    ]
        return errors
    errors = []
    for version in KUBERNETES_VERSIONS:
        try:
            kubernetes_validate.validate(document, version, strict=True)
        except kubernetes_validate.ValidationError as exc:
            # The first error only (the library stops there): fix it and run again.
            errors.append(f"Kubernetes {version}: {'/'.join(map(str, exc.absolute_path))}: {exc.message}")
        except kubernetes_validate.SchemaNotFoundError:
            errors.append(f"Kubernetes {version}: no schema for {key[0]} {key[1]}")
    return errors


def of_kind(kind: str) -> list[Manifest]:
    return [document for _, document in manifests() if document["kind"] == kind]


def named(kind: str, name: str) -> Manifest:
    [document] = [d for d in of_kind(kind) if d["metadata"]["name"] == name]
    return document


def config_map() -> dict[str, str]:
    [document] = of_kind("ConfigMap")
    return dict(document["data"])


def pod_specs() -> list[tuple[str, dict[str, Any]]]:
    return [
        (document["metadata"]["name"], document["spec"]["template"]["spec"])
        for document in of_kind("Deployment") + of_kind("Job")
    ]


def all_containers(pod: dict[str, Any]) -> list[dict[str, Any]]:
    return list(pod.get("initContainers", [])) + list(pod["containers"])


def command_line(container: dict[str, Any]) -> list[str]:
    """The program and its arguments, with a ``sh -c '... && exec program ...'`` wrapper taken off."""
    words = list(container.get("command", [])) + list(container.get("args", []))
    if words[:2] == ["sh", "-c"]:
        script = " ".join(words[2:])
        words = shlex.split(script.split("exec ", 1)[1] if "exec " in script else script)
    return words


def option(words: list[str], name: str) -> str:
    return words[words.index(name) + 1]


def workers() -> dict[str, Manifest]:
    """Queue name -> the Deployment whose worker consumes it."""
    found: dict[str, Manifest] = {}
    for deployment in of_kind("Deployment"):
        for container in deployment["spec"]["template"]["spec"]["containers"]:
            words = command_line(container)
            if words[:4] == ["celery", "-A", "config", "worker"]:
                for queue in option(words, "-Q").split(","):
                    assert queue not in found, f"two worker Deployments consume {queue}"
                    found[queue] = deployment
    return found


def worker_container(deployment: Manifest) -> dict[str, Any]:
    [container] = [
        c for c in deployment["spec"]["template"]["spec"]["containers"] if command_line(c)[:2] == ["celery", "-A"]
    ]
    return container


def documented_env() -> set[str]:
    """Names ``.env.example`` documents; ``X_FILE`` when the ``X`` line says it may come from a file."""
    names = set()
    for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        match = ASSIGNMENT_LINE.match(line.strip())
        if match:
            names.add(match.group(1))
            if "_FILE" in match.group(2):
                names.add(f"{match.group(1)}_FILE")
    return names


def secret_env() -> set[str]:
    """Settings that are secrets: those ``.env.example`` lets come from a file, and the database URL (a password)."""
    return {name.removesuffix("_FILE") for name in documented_env() if name.endswith("_FILE")} | {"DATABASE_URL"}


def cpu_cores(quantity: str) -> float:
    return int(quantity[:-1]) / 1000 if quantity.endswith("m") else float(quantity)


def labels_match(selector: dict[str, str], labels: dict[str, str]) -> bool:
    return all(labels.get(key) == value for key, value in selector.items())


# --- Schemas ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "document", [d for _, d in manifests()], ids=[f"{f}:{d['kind']}/{d['metadata']['name']}" for f, d in manifests()]
)
def test_manifest_is_valid(document: Manifest) -> None:
    assert validation_errors(document) == []


def test_validation_rejects_broken_manifests() -> None:
    """The check above can fail: a misspelt field, a wrong type, an unknown trigger parameter."""
    web = copy.deepcopy(named("Deployment", "screening-web"))
    container = web["spec"]["template"]["spec"]["containers"][0]
    container["readinesProbe"] = container.pop("readinessProbe")
    assert any("readinesProbe" in error for error in validation_errors(web))

    web = copy.deepcopy(named("Deployment", "screening-web"))
    web["spec"]["replicas"] = "three"
    assert validation_errors(web)

    scaler = copy.deepcopy(named("ScaledObject", "screening-worker-extraction"))
    scaler["spec"]["minReplicaCount"] = "one"
    assert validation_errors(scaler)

    scaler = copy.deepcopy(named("ScaledObject", "screening-worker-extraction"))
    scaler["spec"]["maxReplicas"] = 3
    assert any("maxReplicas" in error for error in validation_errors(scaler))

    scaler = copy.deepcopy(named("ScaledObject", "screening-worker-extraction"))
    scaler["spec"]["triggers"][0]["metadata"]["queueLenght"] = "100"
    assert any("queueLenght" in error for error in validation_errors(scaler))

    assert validation_errors({"apiVersion": "apps/v1", "kind": "Deploymnet", "metadata": {"name": "x"}})


def test_kustomization_lists_every_manifest() -> None:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text(encoding="utf-8"))
    files = {path.name for path in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(kustomization["resources"]) == files
    assert [image["name"] for image in kustomization["images"]] == ["applicant-screening"]
    for _, document in manifests():
        assert "namespace" not in document["metadata"], "manifests are namespace-agnostic (kubectl -n)"


# --- Queues, workers and scalers ---------------------------------------------------------------------


def test_a_worker_and_a_scaler_for_every_queue() -> None:
    routed = {route["queue"] for route in settings.CELERY_TASK_ROUTES.values()} | {settings.CELERY_TASK_DEFAULT_QUEUE}
    assert routed == set(TASK_QUEUES)
    by_queue = workers()
    assert set(by_queue) == routed, "one worker Deployment per task queue, and none for a queue the code does not use"

    data = config_map()
    scalers = {so["spec"]["scaleTargetRef"]["name"]: so for so in of_kind("ScaledObject")}
    auth = {ta["metadata"]["name"] for ta in of_kind("TriggerAuthentication")}
    for queue, deployment in by_queue.items():
        name = deployment["metadata"]["name"]
        assert name in scalers, f"no ScaledObject scales {name}"
        spec = scalers[name]["spec"]
        assert spec["scaleTargetRef"]["envSourceContainerName"] == worker_container(deployment)["name"]
        assert 1 <= spec["minReplicaCount"] <= spec["maxReplicaCount"]
        assert "replicas" not in deployment["spec"], "KEDA owns the replica count"
        [trigger] = spec["triggers"]
        assert trigger["type"] == "aws-sqs-queue"
        assert trigger["authenticationRef"]["name"] in auth
        metadata = trigger["metadata"]
        url_variable = f"SQS_{queue.upper()}_QUEUE_URL"
        assert hasattr(settings, url_variable), f"config reads no {url_variable}"
        assert metadata["queueURLFromEnv"] == url_variable
        assert data[url_variable].endswith(f"/{data['SQS_QUEUE_PREFIX']}{queue}")
        assert metadata["awsRegion"] == data["AWS_REGION"]
        assert f"sqs.{data['AWS_REGION']}.amazonaws.com" in data[url_variable]
        # In-flight messages count (a busy pod is not idle); delayed retries do not.
        assert metadata["scaleOnInFlight"] == "true"
        assert metadata["scaleOnDelayed"] == "false"
        concurrency = int(option(command_line(worker_container(deployment)), "--concurrency"))
        assert int(metadata["queueLength"]) > concurrency, "the target must leave room for a backlog per pod"


def test_workers_run_the_celery_app_as_the_code_expects() -> None:
    data = config_map()
    for queue, deployment in workers().items():
        container = worker_container(deployment)
        words = command_line(container)
        assert words[:6] == ["celery", "-A", "config", "worker", "-Q", queue]
        assert option(words, "--prefetch-multiplier") == data["CELERY_WORKER_PREFETCH_MULTIPLIER"]
        assert option(words, "-n").startswith(f"{queue}@")
        assert container["args"][0].lstrip().startswith('rm -rf "$PROMETHEUS_MULTIPROC_DIR"/* &&')
    # OCR is one single-threaded Tesseract per pool process: one process per requested core.
    extraction = worker_container(workers()["extraction"])
    assert int(option(command_line(extraction), "--concurrency")) == cpu_cores(
        extraction["resources"]["requests"]["cpu"]
    )


def test_grace_periods_fit_the_time_budgets() -> None:
    data = config_map()
    limit = int(data["CELERY_TASK_TIME_LIMIT"])
    soft = int(data.get("CELERY_TASK_SOFT_TIME_LIMIT", max(limit - 30, int(limit * 0.8))))
    check_time_budgets(
        time_limit=limit,
        soft_time_limit=soft,
        visibility_timeout=int(data["SQS_VISIBILITY_TIMEOUT"]),
        prefetch_multiplier=int(data["CELERY_WORKER_PREFETCH_MULTIPLIER"]),
        on_sqs=data["CELERY_BROKER_URL"].startswith("sqs://"),
        node_timeout=int(data.get("SCREENING_NODE_TIMEOUT_SECONDS", settings.SCREENING_NODE_TIMEOUT_SECONDS)),
        node_attempts=int(data.get("SCREENING_NODE_MAX_ATTEMPTS", settings.SCREENING_NODE_MAX_ATTEMPTS)),
        stuck_after=int(data.get("PIPELINE_STUCK_AFTER_SECONDS", settings.PIPELINE_STUCK_AFTER_SECONDS)),
    )
    for deployment in workers().values():
        grace = deployment["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]
        # A warm shutdown lets the running task reach its hard limit, then the pod stops.
        assert limit < grace < int(data["SQS_VISIBILITY_TIMEOUT"])
    for pdb in of_kind("PodDisruptionBudget"):
        assert pdb["spec"].get("maxUnavailable", 1) == 1 or "minAvailable" in pdb["spec"]


def test_beat_is_one_scheduler_replaced_not_rolled() -> None:
    [beat] = [
        d
        for d in of_kind("Deployment")
        if command_line(d["spec"]["template"]["spec"]["containers"][0])[:4] == ["celery", "-A", "config", "beat"]
    ]
    assert beat["spec"]["replicas"] == 1
    assert beat["spec"]["strategy"] == {"type": "Recreate"}
    assert not [s for s in of_kind("ScaledObject") if s["spec"]["scaleTargetRef"]["name"] == beat["metadata"]["name"]]


def test_migrations_run_before_the_new_pods() -> None:
    [job] = of_kind("Job")
    [container] = job["spec"]["template"]["spec"]["containers"]
    assert command_line(container) == ["python", "manage.py", "migrate", "--noinput"]
    assert job["spec"]["template"]["spec"]["restartPolicy"] == "Never"
    for deployment in of_kind("Deployment"):
        [init] = deployment["spec"]["template"]["spec"]["initContainers"]
        assert "python manage.py migrate --check" in " ".join(init["command"])


# --- Web, health and metrics ---------------------------------------------------------------------


def test_probes_point_at_the_health_views() -> None:
    web = named("Deployment", "screening-web")
    [container] = web["spec"]["template"]["spec"]["containers"]
    words = command_line(container)
    assert words[:2] == ["gunicorn", "config.wsgi:application"]
    ports = {port["name"]: port["containerPort"] for port in container["ports"]}
    assert option(words, "--bind") == f"0.0.0.0:{ports['http']}"
    assert container["readinessProbe"]["httpGet"] == {"path": reverse("health-ready"), "port": "http"}
    assert container["livenessProbe"]["httpGet"] == {"path": reverse("health-live"), "port": "http"}
    assert container["startupProbe"]["httpGet"]["path"] == reverse("health-live")
    # Probes and Prometheus send Host: <pod IP>; the pod adds its address to the public hosts.
    env = {item["name"]: item for item in container["env"]}
    assert env["ALLOWED_HOSTS"]["value"] == "$(ALLOWED_HOSTS),$(POD_IP)"
    assert env["POD_IP"]["valueFrom"]["fieldRef"]["fieldPath"] == "status.podIP"
    assert config_map()["SECURE_SSL_REDIRECT"] == "false", "a redirect would send in-cluster scrapes to HTTPS"


def test_metrics_are_scraped_with_the_token() -> None:
    [monitor] = of_kind("ServiceMonitor")
    services = of_kind("Service")
    selected = [
        s for s in services if labels_match(monitor["spec"]["selector"]["matchLabels"], s["metadata"]["labels"])
    ]
    assert {s["metadata"]["name"] for s in selected} == {s["metadata"]["name"] for s in services}
    endpoints = {endpoint["port"]: endpoint for endpoint in monitor["spec"]["endpoints"]}
    assert set(endpoints) == {port["name"] for service in selected for port in service["spec"]["ports"]}
    web = endpoints["http"]
    assert web["path"] == reverse("metrics")
    token_key = Path(config_map()["METRICS_TOKEN_FILE"]).name
    assert web["authorization"] == {"type": "Bearer", "credentials": {"name": SECRET_NAME, "key": token_key}}
    assert config_map()["METRICS_ENABLED"] == "true"
    for deployment in workers().values():
        [sidecar] = [c for c in deployment["spec"]["template"]["spec"]["containers"] if c["name"] == "metrics"]
        env = {item["name"]: item["value"] for item in sidecar["env"]}
        worker_env = {item["name"]: item.get("value") for item in worker_container(deployment)["env"]}
        assert env["PROMETHEUS_MULTIPROC_DIR"] == worker_env["PROMETHEUS_MULTIPROC_DIR"]
        assert "start_http_server(9808" in sidecar["command"][-1]


def test_services_and_budgets_select_pods() -> None:
    pod_labels = [d["spec"]["template"]["metadata"]["labels"] for d in of_kind("Deployment")]
    for document in of_kind("Service") + of_kind("PodDisruptionBudget"):
        selector = document["spec"]["selector"]
        selector = selector.get("matchLabels", selector)
        assert any(labels_match(selector, labels) for labels in pod_labels), document["metadata"]["name"]
    for deployment in of_kind("Deployment"):
        assert labels_match(
            deployment["spec"]["selector"]["matchLabels"], deployment["spec"]["template"]["metadata"]["labels"]
        )
    budgets = {d["metadata"]["name"] for d in of_kind("PodDisruptionBudget")}
    assert {"screening-web", *(d["metadata"]["name"] for d in workers().values())} <= budgets


# --- Settings, secrets and the pods' rights ---------------------------------------------------------------


def test_env_names_are_documented_and_secrets_are_references() -> None:
    documented = documented_env()
    data = config_map()
    assert set(data) <= documented, f"not in .env.example: {sorted(set(data) - documented)}"
    assert not set(data) & secret_env(), "secret values never go in the ConfigMap"
    assert not of_kind("Secret"), "the Secret is created outside the repository; manifests only reference it"
    for name, value in data.items():
        if name.endswith("_FILE"):
            assert value.startswith(f"{SECRETS_MOUNT}/"), name
    for pod_name, pod in pod_specs():
        volumes = {volume["name"]: volume for volume in pod["volumes"]}
        for container in all_containers(pod):
            for item in container.get("env", []):
                assert item["name"] in documented | KUBERNETES_ONLY_ENV, f"{pod_name}: {item['name']}"
                if item["name"] in secret_env():
                    assert "value" not in item, f"{pod_name}: {item['name']} must come from the Secret"
                    assert item["valueFrom"]["secretKeyRef"]["name"] == SECRET_NAME
            if any(ref.get("configMapRef") for ref in container.get("envFrom", [])):
                [mount] = [m for m in container["volumeMounts"] if m["mountPath"] == SECRETS_MOUNT]
                assert volumes[mount["name"]]["secret"]["secretName"] == SECRET_NAME
                assert mount["readOnly"] is True


def test_pods_run_as_non_root_on_a_read_only_root() -> None:
    for pod_name, pod in pod_specs():
        assert pod["securityContext"]["runAsNonRoot"] is True, pod_name
        assert pod["securityContext"]["runAsUser"] != 0
        assert pod["automountServiceAccountToken"] is False
        volumes = {volume["name"]: volume for volume in pod["volumes"]}
        for container in all_containers(pod):
            where = f"{pod_name}/{container['name']}"
            context = container["securityContext"]
            assert context["readOnlyRootFilesystem"] is True, where
            assert context["allowPrivilegeEscalation"] is False, where
            assert context["capabilities"]["drop"] == ["ALL"], where
            assert {"cpu", "memory"} <= set(container["resources"]["requests"]), where
            assert "memory" in container["resources"]["limits"], where
            mounts = {m["mountPath"]: volumes[m["name"]] for m in container.get("volumeMounts", [])}
            # Where the app writes: temporary files (Tesseract's images, uploads, beat's
            # schedule) and prometheus-client's multiprocess folder.
            writable = {"/tmp"} if container["name"] != "metrics" else set()
            writable |= {
                item["value"] for item in container.get("env", []) if item["name"] == "PROMETHEUS_MULTIPROC_DIR"
            }
            for path in writable:
                assert "emptyDir" in mounts.get(path, {}), f"{where}: {path} is not an emptyDir"


def test_the_config_map_and_the_secret_start_the_app_in_production(tmp_path: Path) -> None:
    """With the Secret's keys as files, the ConfigMap is a configuration production settings accept (a fresh process)."""
    mounted = tmp_path / "secrets"
    mounted.mkdir()
    for key, value in {
        "secret_key": secrets.token_urlsafe(60),
        "field_encryption_keys": Fernet.generate_key().decode(),
        "blind_index_key": secrets.token_urlsafe(40),
        "metrics_token": secrets.token_urlsafe(40),
    }.items():
        (mounted / key).write_text(value + "\n", encoding="utf-8")
    env = {name: value.replace(SECRETS_MOUNT, str(mounted)) for name, value in config_map().items()}
    env |= {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": "postgres://screening:secret@db.invalid:5432/screening",
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path),
        "ALLOWED_HOSTS": f"{config_map()['ALLOWED_HOSTS']},10.0.0.7",
    }
    script = (
        "import json, django; django.setup(); import config.celery; from django.conf import settings as s; "
        "print(json.dumps({'production': s.IS_PRODUCTION, 'debug': s.DEBUG, 'hosts': s.ALLOWED_HOSTS, "
        "'queues': sorted(s.CELERY_BROKER_TRANSPORT_OPTIONS.get('predefined_queues', {})), "
        "'token': bool(s.METRICS_TOKEN), 'database': s.DATABASES['default']['ENGINE']}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    started = json.loads(result.stdout.strip().splitlines()[-1])
    assert started == {
        "production": True,
        "debug": False,
        "hosts": [config_map()["ALLOWED_HOSTS"], "10.0.0.7"],
        "queues": sorted(TASK_QUEUES),
        "token": True,
        "database": "django.db.backends.postgresql",
    }
