"""The README's capacity model, computed from one `make bench` run (`var/bench/latest.json`).

    python bench/capacity.py [path/to/latest.json]

Core-milliseconds per document come from that run's extraction benchmark
(seconds per document, averaged by kind and by how the file was made). What a
worker adds to an applicant beyond extraction (database writes, claims,
storage, broker hops) is that run's embedded-worker time less the in-process
time of the same applicants, per applicant. The screening graph with the
rules is timed here, on the benchmark's prepared cases: it has no figure of
its own in the run. Prints Markdown: the per-document table, the mixes, and
the arithmetic for 100,000 applicants a day.
"""

from __future__ import annotations

import json
import math
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KINDS = {
    "CARTAO_CIDADAO": "Cartão de Cidadão (one side)",
    "PASSAPORTE": "passport",
    "TITULO_RESIDENCIA": "residence permit",
    "RECIBO_VENCIMENTO": "payslip (*recibo de vencimento*)",
    "DECLARACAO_IRS": "IRS declaration",
    "NOTA_LIQUIDACAO": "*nota de liquidação*",
    "FATURA_RECIBO": "*fatura-recibo*",
    "CERTIDAO_AT": "AT certificate",
    "DECLARACAO_SS": "Segurança Social declaration",
}
METHODS = ("text", "scan", "photo")

# One person each; a Cartão de Cidadão is two uploads, front and back.
MIXES: list[tuple[str, list[tuple[str, str, int]]]] = [
    ("digital: CC scans (2 sides) + 3 payslip PDFs + IRS PDF",
     [("CARTAO_CIDADAO", "scan", 2), ("RECIBO_VENCIMENTO", "text", 3), ("DECLARACAO_IRS", "text", 1)]),
    ("**phone (the planning mix):** CC photos (2 sides) + 3 payslip photos + IRS PDF",
     [("CARTAO_CIDADAO", "photo", 2), ("RECIBO_VENCIMENTO", "photo", 3), ("DECLARACAO_IRS", "text", 1)]),
    ("paper: CC scans (2 sides) + 3 payslip scans + *nota de liquidação* and AT certificate scans",
     [("CARTAO_CIDADAO", "scan", 2), ("RECIBO_VENCIMENTO", "scan", 3), ("NOTA_LIQUIDACAO", "scan", 1),
      ("CERTIDAO_AT", "scan", 1)]),
    ("independent worker on paper: CC scans (2 sides) + 6 *faturas-recibo* + *nota* + SS declaration, all scans",
     [("CARTAO_CIDADAO", "scan", 2), ("FATURA_RECIBO", "scan", 6), ("NOTA_LIQUIDACAO", "scan", 1),
      ("DECLARACAO_SS", "scan", 1)]),
]  # fmt: skip
PLANNING_MIX = 1

DAILY_APPLICANTS = 100_000
PEAK_HOUR_SHARE = 0.10  # agencies work office hours: the busiest hour holds a tenth of the day
CORES_PER_EXTRACTION_POD = 2
KEDA_WINDOW_SECONDS = 30  # a pod's last queued message starts within this


def document_ms(results: dict[str, Any]) -> dict[tuple[str, str], float]:
    groups = results["extraction"]["groups"]
    costs = {}
    for name, group in groups.items():
        kind, _, method = name.partition(" / ")
        costs[(kind, method)] = 1000 * group["seconds"] / group["docs"]
    return costs


def graph_seconds(rounds: int = 30) -> float:
    """The rules graph on the benchmark's prepared cases, documents read, per applicant (no database)."""
    from bench.run import case_documents, case_state
    from documents.extraction.local import LocalExtractor
    from samples.synthetic import prepared_cases
    from screening.assessors import RulesAssessor
    from screening.graph import run_screening

    extractor = LocalExtractor()
    states = [case_state(case, case_documents(extractor, case)) for case in prepared_cases(seed=7)]
    run_screening(states[0], RulesAssessor())  # type: ignore[arg-type]  # warm-up: imports, compiled graph
    started = time.perf_counter()
    for _ in range(rounds):
        for state in states:
            run_screening(state, RulesAssessor())  # type: ignore[arg-type]
    return (time.perf_counter() - started) / (rounds * len(states))


def model(results: dict[str, Any], graph: float) -> list[str]:
    costs = document_ms(results)
    orchestration = results["orchestration"]
    applicants = orchestration["applicants"]
    rounds = orchestration["rounds"]
    worker_extra = (min(rounds["embedded_seconds"]) - min(rounds["in_process_seconds"])) / applicants
    overhead = graph + max(worker_extra, 0.0)
    lines = [
        f"From `var/bench/latest.json` of the run started {results['started_at'][:16].replace('T', ' ')} UTC.",
        "",
        "| document | text PDF | scan | phone photo |",
        "| --- | --- | --- | --- |",
    ]
    for kind, label in KINDS.items():
        cells = [f"{costs[(kind, m)]:,.0f}" if (kind, m) in costs else "" for m in METHODS]
        lines.append(f"| {label} | {' | '.join(cells)} |")
    lines += [
        "",
        f"Besides extraction an applicant costs {overhead:.3f} s: the rules graph ({1000 * graph:.0f} ms, timed now)"
        f" plus what a worker adds ({1000 * worker_extra:.0f} ms: embedded {min(rounds['embedded_seconds']):.2f} s"
        f" against in-process {min(rounds['in_process_seconds']):.2f} s for {applicants} applicants).",
        "",
        "| mix (one person) | documents | core-seconds | applicants/hour per core |",
        "| --- | --- | --- | --- |",
    ]
    measured = 60 / orchestration["embedded_per_min"]
    lines.append(
        "| the benchmark's prepared cases, measured end to end on one embedded worker | 4 "
        f"| {measured:.2f} | {3600 / measured:,.0f} |"
    )
    per_mix = []
    for label, parts in MIXES:
        documents = sum(count for _, _, count in parts)
        seconds = sum(costs[(kind, method)] * count for kind, method, count in parts) / 1000 + overhead
        per_mix.append((documents, seconds))
        lines.append(f"| {label} | {documents} | {seconds:.2f} | {3600 / seconds:,.0f} |")
    documents, seconds = per_mix[PLANNING_MIX]
    per_second = DAILY_APPLICANTS * PEAK_HOUR_SHARE / 3600
    cores = per_second * seconds
    document_seconds = (seconds - overhead) / documents
    queue_length = CORES_PER_EXTRACTION_POD + KEDA_WINDOW_SECONDS * CORES_PER_EXTRACTION_POD / document_seconds
    lines += [
        "",
        f"100,000 a day on the planning mix: {DAILY_APPLICANTS * seconds / 3600:.0f} core-hours a day; the busiest"
        f" hour ({PEAK_HOUR_SHARE:.0%} of the day, {per_second:.2f}/s) keeps {cores:.1f} cores busy:"
        f" {math.ceil(cores / CORES_PER_EXTRACTION_POD)} extraction pods of {CORES_PER_EXTRACTION_POD} cores."
        f" A document takes {document_seconds:.2f} s on average, so a pod holding"
        f" {CORES_PER_EXTRACTION_POD} + {KEDA_WINDOW_SECONDS} x {CORES_PER_EXTRACTION_POD} / {document_seconds:.2f}"
        f" = {queue_length:.0f} messages starts its last within {KEDA_WINDOW_SECONDS} s (KEDA `queueLength`).",
    ]
    return lines


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "var" / "bench" / "latest.json"
    results = json.loads(path.read_text())
    print("\n".join(model(results, graph_seconds())))


if __name__ == "__main__":
    main()
