"""The OpenAI assessor: real ChatOpenAI against a loopback OpenAI-compatible stub."""

from __future__ import annotations

from typing import Any

import pytest

from screening.assessors import AssessorError, OpenAIAssessor, TransientAssessorError
from screening.graph import run_screening
from tests.stubs import Reply, StubServer, chat_completion, healthy_openai, stub_server
from tests.unit.test_rules import NIF, good_documents, state

COMPLETIONS = "/v1/chat/completions"
CONSISTENT = chat_completion({"consistent": True, "concerns": []})
COMMENTARY = chat_completion({"commentary": "The rent takes 35% of income."})
DRAFT = chat_completion({"justification": "Low risk: identity and income verified."})
TRANSLATED = chat_completion({"text": "Risco baixo: identidade e rendimentos verificados."})


def assessor(stub: StubServer, timeout: float = 5.0) -> OpenAIAssessor:
    return OpenAIAssessor(model="gpt-4o-mini", api_key="sk-test", base_url=f"{stub.url}/v1", timeout=timeout)


def screen(stub: StubServer, **options: Any) -> dict[str, Any]:
    timeout = options.pop("client_timeout", 5.0)
    graph_options = {"max_attempts": 2, **options}
    return dict(run_screening(state(good_documents(2100.0)), assessor(stub, timeout), **graph_options))  # type: ignore[arg-type]


def test_each_node_sends_its_models_json_schema_and_the_report_is_translated() -> None:
    with stub_server() as stub:
        stub.reply(
            COMPLETIONS,
            Reply(body=CONSISTENT),
            Reply(body=CONSISTENT),
            Reply(body=COMMENTARY),
            Reply(body=DRAFT),
            Reply(body=TRANSLATED),
        )
        result = screen(stub)
        requests = stub.requests_to(COMPLETIONS)
    names = [r.json()["response_format"]["json_schema"]["name"] for r in requests]
    assert names == [
        "ConsistencyJudgement",
        "ConsistencyJudgement",
        "AffordabilityCommentary",
        "ReportDraft",
        "Translation",
    ]
    first = requests[0].json()
    assert first["model"] == "gpt-4o-mini"
    assert first["response_format"]["json_schema"]["strict"] is True
    assert set(first["response_format"]["json_schema"]["schema"]["properties"]) == {"consistent", "concerns"}
    assert requests[0].headers["authorization"] == "Bearer sk-test"
    assert result["report"] == {
        "justification": "Risco baixo: identidade e rendimentos verificados.",
        "language": "pt-PT",
        "english": "Low risk: identity and income verified.",
    }
    # Numbers still come from code.
    assert result["affordability"]["dti_ratio"] == "0.3333"
    assert result["affordability"]["risk_level"] == "LOW"


def test_model_concern_adds_a_failed_check_and_raises_risk_to_medium() -> None:
    concern = chat_completion({"consistent": False, "concerns": ["Employer differs between payslips"]})
    with stub_server() as stub:
        stub.reply(
            COMPLETIONS,
            Reply(body=CONSISTENT),
            Reply(body=concern),
            Reply(body=COMMENTARY),
            Reply(body=DRAFT),
            Reply(body=TRANSLATED),
        )
        result = screen(stub)
    review = next(c for c in result["income"]["checks"] if c["name"] == "income.llm_review")
    assert review["passed"] is False
    assert "Employer differs" in review["evidence"]
    assert result["affordability"]["risk_level"] == "MEDIUM"


def test_refusal_is_an_assessor_error_without_retry() -> None:
    with stub_server() as stub:
        stub.reply(COMPLETIONS, Reply(body=chat_completion(None, refusal="I cannot help with that.")))
        with pytest.raises(AssessorError, match="refused"):
            screen(stub)
        assert len(stub.requests_to(COMPLETIONS)) == 1


def test_invalid_json_is_an_assessor_error() -> None:
    with stub_server() as stub:
        stub.reply(COMPLETIONS, Reply(body=chat_completion("{not json")))
        with pytest.raises(AssessorError):
            screen(stub)


def test_wrong_shape_answer_is_an_error_not_a_silent_none() -> None:
    with stub_server() as stub:
        stub.reply(COMPLETIONS, Reply(body=chat_completion({"unexpected": 1})))
        with pytest.raises(AssessorError):
            screen(stub)


def test_truncated_answer_is_an_assessor_error() -> None:
    with stub_server() as stub:
        stub.reply(COMPLETIONS, Reply(body=chat_completion('{"consistent": tr', finish_reason="length")))
        with pytest.raises(AssessorError):
            screen(stub)


def test_server_error_then_success_is_retried_once_by_the_graph() -> None:
    with stub_server() as stub:
        stub.reply(COMPLETIONS, Reply(status=500, body={"error": {"message": "boom"}}), Reply(body=CONSISTENT), Reply(body=CONSISTENT),
                   Reply(body=COMMENTARY), Reply(body=DRAFT), Reply(body=TRANSLATED))  # fmt: skip
        result = screen(stub)
        assert len(stub.requests_to(COMPLETIONS)) == 6  # one failed + five good: the client itself did not retry
    assert result["report"]["language"] == "pt-PT"


def test_timeout_is_retried_then_raised_as_transient() -> None:
    with stub_server() as stub:
        stub.reply(COMPLETIONS, Reply(body=CONSISTENT, delay=1.0), Reply(body=CONSISTENT, delay=1.0))
        with pytest.raises(TransientAssessorError):
            screen(stub, client_timeout=0.3)
        assert len(stub.requests_to(COMPLETIONS)) == 2


def test_node_timeout_bounds_a_slow_node() -> None:
    with stub_server() as stub:
        stub.reply(COMPLETIONS, Reply(body=CONSISTENT, delay=1.0), Reply(body=CONSISTENT, delay=1.0))
        with pytest.raises(TransientAssessorError, match="timed out"):
            screen(stub, timeout=0.3, client_timeout=5.0)


def test_translation_failure_keeps_the_english_text() -> None:
    with stub_server() as stub:
        stub.reply(COMPLETIONS, Reply(body=CONSISTENT), Reply(body=CONSISTENT), Reply(body=COMMENTARY), Reply(body=DRAFT),
                   Reply(body=chat_completion(None, refusal="no")))  # fmt: skip
        result = screen(stub)
    assert result["report"]["language"] == "en"
    assert result["report"]["justification"] == "Low risk: identity and income verified."


# --- Minimisation (issue 13, item 4) ---------------------------------------------------------------

PERSONAL = (NIF, "1990-06-15", "Maria", "João", "Jo\\u00e3o", "Santos", "15/06/1990")


def sent_text(request: Any) -> str:
    """Everything a request told the model: the raw body and its decoded messages."""
    messages = request.json()["messages"]
    return request.body.decode() + "\n".join(str(m.get("content")) for m in messages)


def test_requests_carry_no_nif_birth_date_or_names_only_match_facts() -> None:
    with stub_server() as stub:
        stub.responder = healthy_openai
        result = screen(stub)
        requests = stub.requests_to(COMPLETIONS)
    assert result["identity"]["verified"] and result["income"]["verified"]
    assert len(requests) == 5
    for request in requests:
        text = sent_text(request)
        leaked = [value for value in PERSONAL if value in text]
        assert not leaked, f"{request.json()['response_format']['json_schema']['name']} sent {leaked}"
    identity_prompt = requests[0].json()["messages"][-1]["content"]
    assert '"name_match": "exact"' in identity_prompt
    assert "identity.nif_match" in identity_prompt and "NIF do documento igual" in identity_prompt


MODEL_TEXT = "MODEL-SAID-245718931-Maria"


def exception_chain(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    pending: list[BaseException | None] = [exc]
    while pending:
        current = pending.pop()
        if current is None or current in chain:
            continue
        chain.append(current)
        pending += [current.__cause__, current.__context__]
        pending += list(getattr(current, "exceptions", []))
    return chain


@pytest.mark.parametrize(
    "reply",
    [
        Reply(body=chat_completion("{not json " + MODEL_TEXT)),
        Reply(body=chat_completion({"consistent": MODEL_TEXT, "concerns": [MODEL_TEXT]})),
        Reply(body=chat_completion(None, refusal=MODEL_TEXT)),
        Reply(body=chat_completion('{"consistent": "' + MODEL_TEXT, finish_reason="length")),
        Reply(status=400, body={"error": {"message": MODEL_TEXT, "type": "invalid_request_error"}}),
        Reply(status=500, body={"error": {"message": MODEL_TEXT, "type": "server_error"}}),
    ],
    ids=["bad-json", "wrong-types", "refusal", "cut-off", "client-error", "server-error"],
)
def test_model_output_never_reaches_the_raised_exception_or_its_traceback(reply: Reply) -> None:
    import traceback

    with stub_server() as stub:
        stub.reply(COMPLETIONS, reply, reply)
        with pytest.raises((AssessorError, TransientAssessorError)) as raised:
            screen(stub)
    for exc in exception_chain(raised.value):
        assert MODEL_TEXT not in f"{exc!s} {exc!r} {exc.args!r}", type(exc)
    assert MODEL_TEXT not in "".join(traceback.format_exception(raised.value))


def test_screenings_one_after_another_on_kept_alive_connections_each_complete() -> None:
    """Each screening runs in an event loop of its own (``asyncio.run``); a connection pooled by one loop and
    reused by the next failed with "Event loop is closed" against a provider that keeps connections alive, as
    api.openai.com does (blind probe r59b: applicants failed at random with the provider healthy)."""
    with stub_server(keep_alive=True) as stub:
        stub.responder = healthy_openai
        for _ in range(3):
            result = screen(stub)
            assert result["report"]["language"] == "pt-PT"
