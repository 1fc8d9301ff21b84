"""Reducto adapter: upload the file, then schema-based extract, same output schema.

Documented API (not reachable from here; tested against a loopback stub):
``POST /upload`` (multipart ``file``) -> ``{"file_id"}``; ``POST /extract``
with ``{"input": file_id, "instructions": {"schema": <JSON Schema>}}`` ->
``{"job_id", "result": [ {...fields...} ], "usage"}``; bearer auth.
"""

from __future__ import annotations

from typing import Any

import httpx
from pydantic import ValidationError

from applicants.retry_after import retry_after_seconds
from documents.extraction.errors import ExtractionFailed, ExtractionUnavailable, ProviderAnswerUnusable
from documents.extraction.pace import slow_work_starts
from documents.extraction.parsers.identity import mrz_cross_check
from documents.extraction.parsers.payslip import regular_net
from documents.extraction.schema import (
    CERTIFICATE_KINDS,
    IDENTITY_KINDS,
    PAYSLIP_KINDS,
    DocumentKind,
    ExtractionResult,
    fields_validate,
)
from documents.extraction.validation import fields_revalidate
from documents.sniff import sniff_content_type

REMOTE_CONFIDENCE = 0.9
KIND_ENUM = [kind.value for kind in DocumentKind if kind != DocumentKind.UNKNOWN]


# A provider's answer short of what was asked, given as the document's reason once it keeps happening to it.
NO_RESULT_REFUSED = "O serviço de extração não devolveu resultados para este documento."
FIELDS_OFF_THE_SCHEMA_REFUSED = "O serviço de extração devolveu campos inválidos."


def extraction_schema(document_type: str) -> dict[str, Any]:
    """One JSON Schema covering the kinds this document type may be."""
    string = {"type": ["string", "null"]}
    number = {"type": ["number", "null"]}
    properties: dict[str, Any] = {"kind": {"type": "string", "enum": KIND_ENUM}}
    if document_type == "ID_DOCUMENT":
        for name in ("full_name", "surname", "given_names", "nif", "document_number", "nationality", "sex"):
            properties[name] = string
        for name in ("date_of_birth", "expiry_date"):
            properties[name] = {"type": ["string", "null"], "description": "YYYY-MM-DD"}
        properties["side"] = {"type": ["string", "null"], "enum": ["front", "back", "both", None],
                              "description": "Which side of an ID card the file shows"}  # fmt: skip
        properties["issuing_state"] = {"type": ["string", "null"], "description": "ISO 3166 alpha-3 issuer"}
        # The raw MRZ, so its check digits are verified here like the local reader's; never trusted as read.
        properties["mrz"] = {"type": ["string", "null"],
                             "description": "The machine-readable zone exactly as printed, one line per line"}  # fmt: skip
    else:
        for name in ("employee_name", "employee_nif", "employer_name", "employer_nif", "taxpayer_name", "taxpayer_nif",
                     "issuer_name", "issuer_nif", "acquirer_name", "acquirer_nif", "invoice_number"):  # fmt: skip
            properties[name] = string
        properties["issue_date"] = {"type": ["string", "null"],
                                    "description": "YYYY-MM-DD of a fatura-recibo or a pension statement"}  # fmt: skip
        for name in ("base_amount", "vat_amount", "amount_received"):
            properties[name] = number
        properties["period"] = {"type": ["string", "null"], "description": "YYYY-MM of a payslip"}
        properties["payment_date"] = {"type": ["string", "null"],
                                      "description": "YYYY-MM-DD a payslip says its pay is or was paid"}  # fmt: skip
        properties["year"] = {"type": ["integer", "null"]}
        for name in (
            "base_salary",
            "gross_pay",
            "social_security",
            "irs_withholding",
            "net_pay",
            "gross_income",
            "tax_paid",
        ):
            properties[name] = number
        properties["subsidy_amount"] = {"type": ["number", "null"],
                                        "description": "Subsidio de ferias / de Natal paid whole this month (gross)"}  # fmt: skip
        properties["subsidy_twelfths_amount"] = {"type": ["number", "null"],
                                                 "description": "Subsidies paid monthly as duodecimos (gross)"}  # fmt: skip
        # A pension statement (Seguranca Social / CGA) and a declaracao de inicio de atividade.
        for name in ("pensioner_name", "pensioner_nif", "pension_type", "activity_code", "activity_description"):
            properties[name] = string
        properties["pension_types"] = {"type": ["array", "null"], "items": {"type": "string"},
                                       "description": "Each pension type (velhice, invalidez, sobrevivencia, "
                                       "aposentacao, reforma) whose rows the statement's amount totals, in printed "
                                       "order, when two or more; null for one pension"}  # fmt: skip
        properties["issuer"] = {"type": ["string", "null"], "enum": ["SEGURANCA_SOCIAL", "CGA", None],
                                "description": "Who pays the pension"}  # fmt: skip
        for name in ("gross_monthly_amount", "deductions", "net_monthly_amount", "annual_amount"):
            properties[name] = {"type": ["number", "null"], "description": "Pension amount in EUR (monthly or annual)"}
        properties["payments_per_year"] = {"type": ["integer", "null"],
                                           "description": "Pension payments a year (14 with both subsidies)"}  # fmt: skip
        properties["start_date"] = {"type": ["string", "null"],
                                    "description": "YYYY-MM-DD the activity or the employment started"}  # fmt: skip
        # An employer's declaration of employment (declaracao da entidade patronal).
        properties["contract_type"] = {"type": ["string", "null"], "enum": ["PERMANENT", "FIXED_TERM", None],
                                       "description": "Sem termo (permanent) or a termo (fixed-term)"}  # fmt: skip
        properties["end_date"] = {
            "type": ["string", "null"],
            "description": "YYYY-MM-DD a fixed-term contract ends, or a job declared over ended",
        }
        properties["probation_days"] = {"type": ["integer", "null"],
                                        "description": "Days of the periodo experimental declared"}  # fmt: skip
        properties["probation_end_date"] = {"type": ["string", "null"],
                                            "description": "YYYY-MM-DD the periodo experimental ends"}  # fmt: skip
        for name in ("monthly_gross_salary", "monthly_net_salary"):
            properties[name] = {"type": ["number", "null"], "description": "Monthly salary the employer declares"}
        # The nota de liquidacao's settlement and the declaration's annexes (TaxFields).
        for name in ("taxable_income", "withholdings", "payments_on_account", "amount_payable", "amount_refundable",
                     "employment_income", "pension_income", "self_employment_income"):  # fmt: skip
            properties[name] = number
        properties["annexes"] = {"type": ["array", "null"], "items": {"type": "string"},
                                 "description": "Letters of the IRS declaration's annexes (A, B, H...)"}  # fmt: skip
        # A couple's IRS return: joint (sujeito passivo A and B) or separate, the spouse, and each one's own part.
        properties["joint_return"] = {"type": ["boolean", "null"],
                                      "description": "The IRS return is a joint one (tributacao conjunta)"}  # fmt: skip
        properties["spouse_name"] = string
        properties["spouse_nif"] = string
        for name in ("taxpayer_gross_income", "spouse_gross_income"):
            properties[name] = {"type": ["number", "null"],
                                "description": "Sujeito passivo A's / B's own gross income on a joint return, "
                                "only where the rows say whose each income is"}  # fmt: skip
        # A certidao (AT) or declaracao de situacao contributiva (SS).
        properties["holder_name"] = string
        properties["holder_nif"] = string
        properties["status"] = {"type": ["string", "null"], "enum": ["REGULAR", "IRREGULAR", None],
                                "description": "Whether the certificate states a regular situation"}  # fmt: skip
        properties["valid_until"] = {"type": ["string", "null"], "description": "YYYY-MM-DD, when printed"}
        properties["validation_code"] = {"type": ["string", "null"],
                                         "description": "The code to check the certificate on the issuer's portal"}  # fmt: skip
    return {"type": "object", "properties": properties, "required": ["kind"]}


class ReductoExtractor:
    name = "reducto"
    version = "1.0.0"

    def __init__(
        self, *, base_url: str, api_key: str, timeout: float, transport: httpx.BaseTransport | None = None
    ) -> None:
        if not api_key:
            raise ExtractionUnavailable("REDUCTO_API_KEY is not set")
        self.client = httpx.Client(
            base_url=base_url.rstrip("/"),
            headers={"Authorization": f"Bearer {api_key}"},
            timeout=timeout,
            transport=transport,
        )

    def post(self, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = self.client.post(path, **kwargs)
        except httpx.TimeoutException as exc:
            raise ExtractionUnavailable("Reducto timed out") from exc
        except httpx.TransportError as exc:
            raise ExtractionUnavailable("Reducto is unreachable") from exc
        if response.status_code == 429 or response.status_code >= 500:
            raise ExtractionUnavailable(
                f"Reducto answered {response.status_code}",
                retry_after=retry_after_seconds(response.headers.get("retry-after")),
            )
        if response.status_code in {401, 403}:
            raise ExtractionUnavailable("Reducto refused the API key")
        if response.status_code >= 400:
            raise ExtractionFailed(f"O serviço de extração recusou o documento (HTTP {response.status_code}).")
        try:
            body = response.json()
        except ValueError as exc:
            raise ExtractionUnavailable("Reducto answered with invalid JSON") from exc
        if not isinstance(body, dict):
            raise ExtractionUnavailable("Reducto answered with an unexpected shape")
        return body

    def extract(self, data: bytes, *, document_type: str) -> ExtractionResult:
        content_type = sniff_content_type(data[:1024]) if data else None
        if content_type is None:
            raise ExtractionFailed("Tipo de ficheiro não suportado (não é PDF, JPEG nem PNG).")
        slow_work_starts()
        uploaded = self.post("/upload", files={"file": ("document", data, content_type)})
        file_id = uploaded.get("file_id")
        if not file_id:
            raise ExtractionUnavailable("Reducto upload returned no file_id")
        extracted = self.post(
            "/extract", json={"input": file_id, "instructions": {"schema": extraction_schema(document_type)}}
        )
        results = extracted.get("result")
        if not isinstance(results, list) or not results or not isinstance(results[0], dict):
            # The provider's answer short of what was asked is as likely its passing fault as the file's: retried,
            # and the file's only if it keeps happening (blind probe r59b: failed at once, the applicant was
            # screened without the document).
            raise ProviderAnswerUnusable(
                "Reducto returned no result",
                reason_when_repeated=NO_RESULT_REFUSED,
            )
        raw = dict(results[0])
        try:
            kind = DocumentKind(raw.pop("kind", "UNKNOWN"))
        except ValueError:
            kind = DocumentKind.UNKNOWN
        if kind == DocumentKind.UNKNOWN:
            raise ExtractionFailed("Documento não reconhecido pelo serviço de extração.")
        mrz_text = raw.pop("mrz", None)
        # Only this side computes what it verifies or derives: the MRZ's validity and the regular net. The variable net
        # (overtime and per diems) needs the slip's rows, which Reducto does not return: it stays absent here.
        allowed = set(fields_validate(kind, {})) - {"mrz_valid", "regular_net_pay", "variable_net_pay"}
        try:
            fields = fields_validate(kind, {k: v for k, v in raw.items() if k in allowed})
        except ValidationError as exc:
            raise ProviderAnswerUnusable(
                "Reducto answered off the schema",
                reason_when_repeated=FIELDS_OFF_THE_SCHEMA_REFUSED,
            ) from exc
        warnings: list[str] = []
        confidence = {name: REMOTE_CONFIDENCE for name, value in fields.items() if value is not None}
        if kind in IDENTITY_KINDS and isinstance(mrz_text, str) and mrz_text.strip():
            checked, confidence = mrz_cross_check(kind, fields, mrz_text.splitlines(), confidence=REMOTE_CONFIDENCE)
            warnings += checked
        if kind in CERTIFICATE_KINDS:
            # Which issuer follows from the kind; the validity is computed here from the issue date.
            fields["issuer"] = "AT" if kind == DocumentKind.CERTIDAO_AT else "SS"
            confidence["issuer"] = REMOTE_CONFIDENCE
        if kind in PAYSLIP_KINDS and fields.get("net_pay") is not None:
            # Derived here, the same way as from the local reader.
            lump = fields.get("subsidy_amount")
            fields["regular_net_pay"] = regular_net(fields, lump=lump) if lump else fields["net_pay"]
            if fields["regular_net_pay"] is not None:
                confidence["regular_net_pay"] = 0.7 if lump else REMOTE_CONFIDENCE
                warnings += ["derived:regular_net_pay"] if lump else []
        # A remote value is not trusted blindly: the same checks as the local parsers' output.
        warnings += fields_revalidate(kind, fields, document_type=document_type)
        warnings = list(dict.fromkeys(warnings))
        return ExtractionResult(
            kind=kind,
            fields=fields,
            # A field dropped by the checks has no confidence left to report.
            confidence={name: value for name, value in confidence.items() if fields.get(name) is not None},
            warnings=warnings,
            pages=int(extracted.get("usage", {}).get("num_pages", 0) or 0),
            method="remote",
            extractor=self.name,
            extractor_version=self.version,
        )
