"""The OpenAI assessor: the model judges consistency and writes prose; code counts.

Each node first runs the deterministic rule (numbers, thresholds, risk
level), then asks ``ChatOpenAI(...).with_structured_output(<model>)`` for a
judgement or text. A ``None`` answer, a refusal, a truncated or malformed
answer is an ``AssessorError``; timeouts, rate limits and 5xx are transient
and retried by the graph (the client's own retries are off: one layer only).

Opt-in, and minimal: the model gets the checks' names, verdicts and evidence
(pt-PT texts of the rules: no NIF, name or birth date), the grade of the name
match (``exact``/``partial``/``fuzzy``/``none``) and the computed numbers; never
the NIF, the names, the birth date or the checks' compared values. Its output
never reaches an exception: errors carry fixed text of ours, chained to nothing.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from django.conf import settings
from pydantic import BaseModel, Field, SecretStr, ValidationError

from applicants.retry_after import retry_after_seconds
from screening import rules
from screening.assessors.port import AssessorError, TransientAssessorError

PROMPT_VERSION = "prompts-2026.12.1"

SYSTEM = (
    "You review documents submitted by a rental or purchase applicant in Portugal for a real-estate agency. "
    "All numbers and thresholds were computed by code and are correct; never recompute or change them. "
    "Judge only whether the information is consistent, and write concise, neutral prose. "
    "The agency's staff make the decision; you only advise."
)


class ConsistencyJudgement(BaseModel):
    consistent: bool = Field(description="True when the documents agree with each other and with the applicant's data")
    concerns: list[str] = Field(description="Short English notes on each inconsistency; empty when consistent")


class AffordabilityCommentary(BaseModel):
    commentary: str = Field(description="One or two English sentences on affordability, quoting the given ratio")


class ReportDraft(BaseModel):
    justification: str = Field(description="An English justification of the given risk level for agency staff")


class Translation(BaseModel):
    text: str = Field(description="The text translated into European Portuguese (pt-PT)")


def checks_for_model(checks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the model needs of a check to judge consistency: its name, verdict and evidence.

    Not ``value``/``expected`` (the NIF, names and birth date compared) nor ids.
    """
    return [{"name": c["name"], "passed": c["passed"], "evidence": c["evidence"]} for c in checks]


def transient_errors() -> tuple[type[Exception], ...]:
    # openai and langchain_openai are heavy imports, needed only in OpenAI mode (rules mode never loads them).
    import openai

    return (openai.APITimeoutError, openai.APIConnectionError, openai.RateLimitError, openai.InternalServerError)


class OpenAIAssessor:
    backend = "openai"
    prompt_version = PROMPT_VERSION

    def __init__(self, *, model: str, api_key: str, base_url: str | None, timeout: float) -> None:
        from langchain_openai import ChatOpenAI

        if not model:
            raise AssessorError("OPENAI_MODEL must name a model")
        self.model_name = model
        self._options: dict[str, Any] = {
            "model": model,
            "api_key": SecretStr(api_key or "missing"),
            "base_url": base_url,
            "timeout": timeout,
            "max_retries": 0,  # the graph's RetryPolicy is the only retry layer
            "temperature": 0,
        }
        self.chat = ChatOpenAI(**self._options)

    @asynccontextmanager
    async def session(self) -> AsyncIterator[None]:
        """The model asked through connections of this event loop only, closed with it.

        Each screening runs in an event loop of its own (``asyncio.run``), and langchain-openai's default async
        HTTP client is one per process, cached: a connection a provider kept alive for the last screening was
        reused by the next one's loop and failed with "Event loop is closed" (blind probe r59b: applicants failed
        at random, the provider healthy). The openai SDK's own default client, made afresh per screening.
        """
        import openai
        from langchain_openai import ChatOpenAI

        async with openai.DefaultAsyncHttpxClient() as client:
            outside, self.chat = self.chat, ChatOpenAI(**self._options, http_async_client=client)
            try:
                yield
            finally:
                self.chat = outside

    @classmethod
    def from_settings(cls) -> OpenAIAssessor:
        return cls(
            model=settings.OPENAI_MODEL,
            api_key=settings.OPENAI_API_KEY,
            base_url=settings.OPENAI_BASE_URL,
            timeout=float(settings.OPENAI_TIMEOUT_SECONDS),
        )

    async def ask(self, schema: type[BaseModel], prompt: str) -> Any:
        import openai
        from langchain_openai.chat_models.base import OpenAIRefusalError

        structured = self.chat.with_structured_output(schema)
        failure: AssessorError | TransientAssessorError | None = None
        try:
            answer = await structured.ainvoke([("system", SYSTEM), ("human", prompt)])
        except transient_errors() as exc:
            response = getattr(exc, "response", None)
            failure = TransientAssessorError(
                exc.__class__.__name__,
                retry_after=retry_after_seconds(response.headers.get("retry-after") if response is not None else None),
            )
        except OpenAIRefusalError:
            failure = AssessorError("the model refused to answer")
        except openai.LengthFinishReasonError:
            failure = AssessorError("the model's answer was cut off")
        except (ValidationError, json.JSONDecodeError, ValueError):
            failure = AssessorError("the model's answer did not match the schema")
        except openai.OpenAIError as exc:
            # 4xx other than rate limits (bad request, authentication, unknown model): not worth retrying.
            failure = AssessorError(f"the model provider refused the request ({exc.__class__.__name__})")
        if failure is not None:
            # Raised outside the handlers and ``from None``: the provider's error, which
            # quotes the model's output (and so possibly personal data), is neither the
            # ``__cause__`` nor the ``__context__`` of what reaches logs and Celery tracebacks.
            raise failure from None
        if answer is None:
            raise AssessorError("the model returned no structured answer")
        return answer

    async def judged(
        self, result: dict[str, Any], topic: str, facts: dict[str, Any], check_name: str
    ) -> dict[str, Any]:
        judgement: ConsistencyJudgement = await self.ask(
            ConsistencyJudgement,
            f"Review the applicant's {topic}. Facts and checks computed by code:\n{json.dumps(facts, ensure_ascii=False, default=str)}",
        )
        evidence = (
            "Análise automática: sem incoerências."
            if judgement.consistent
            else "Análise automática: " + "; ".join(judgement.concerns)[:500]
        )
        result["checks"] = [*result["checks"], rules.check(check_name, judgement.consistent, evidence)]
        if not judgement.consistent:
            result["warnings"] = [*result["warnings"], "llm_consistency_concern"]
        return result

    async def verify_identity(self, state: dict[str, Any]) -> dict[str, Any]:
        result = rules.identity_node(state)
        facts = {"name_match": result["name_match"], "checks": checks_for_model(result["checks"])}
        return await self.judged(result, "identity documents", facts, "identity.llm_review")

    async def verify_income(self, state: dict[str, Any]) -> dict[str, Any]:
        result = rules.income_node(state)
        facts = {
            "checks": checks_for_model(result["checks"]),
            "average_monthly_income": result["average_monthly_income"],
            "months_verified": result["months_verified"],
            "source": result["source"],
        }
        return await self.judged(result, "income documents", facts, "income.llm_review")

    async def assess_affordability(self, state: dict[str, Any]) -> dict[str, Any]:
        result = rules.affordability_node(state)
        commentary: AffordabilityCommentary = await self.ask(
            AffordabilityCommentary,
            "Comment on affordability. Computed by code: "
            + json.dumps({k: result[k] for k in ("dti_ratio", "monthly_cost", "risk_level", "reasons")}, default=str),
        )
        return {**result, "commentary": commentary.commentary}

    async def generate_report(self, state: dict[str, Any]) -> dict[str, Any]:
        affordability = state["affordability"]
        facts = {
            "risk_level": affordability["risk_level"],
            "reasons": affordability["reasons"],
            "dti_ratio": affordability["dti_ratio"],
            "average_monthly_income": state["income"]["average_monthly_income"],
            "identity_verified": state["identity"]["verified"],
            "income_verified": state["income"]["verified"],
            "affordability_commentary": affordability.get("commentary", ""),
        }
        draft: ReportDraft = await self.ask(
            ReportDraft, "Write the justification for this screening result:\n" + json.dumps(facts, default=str)
        )
        english = draft.justification.strip()
        try:
            translation: Translation = await self.ask(
                Translation, f"Translate into European Portuguese (pt-PT, not Brazilian):\n{english}"
            )
            return {"justification": translation.text.strip(), "language": "pt-PT", "english": english}
        except (AssessorError, TransientAssessorError):
            # The report must not be lost over a translation: keep the English text.
            return {"justification": english, "language": "en", "english": english}
