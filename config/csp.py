"""The Content-Security-Policy: django-csp's middleware, with the upload origin in ``connect-src``.

The policy itself is in ``config/settings.py`` (``CONTENT_SECURITY_POLICY``);
this module adds, per response, the origin the intake page's browser uploads
to: the object storage's (S3 presigned POST) or the app's own public URL
(the local storage's signed upload URL). Settings are read at response time,
as ``documents.storage.document_store`` reads them (docs/adr/026-content-security-policy.md).
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

# A bucket botocore addresses by host name (virtual-hosted): a DNS label, no dots (a dotted
# name would not match the wildcard certificate, so botocore falls back to the path).
_VIRTUAL_HOSTED_BUCKET = re.compile(r"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def url_origin(url: str) -> str:
    """``scheme://host[:port]`` of a URL (the default port left out), as a CSP source expression."""
    parts = urlsplit(url)
    if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url!r}")
    port = parts.port
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    if port is None or port == _DEFAULT_PORTS[parts.scheme]:
        return f"{parts.scheme}://{host}"
    return f"{parts.scheme}://{host}:{port}"


@lru_cache(maxsize=16)
def s3_upload_origin(*, bucket: str, region: str, endpoint_url: str | None) -> str:
    """The origin of the URL boto3's ``generate_presigned_post`` gives the S3 adapter's presign client.

    - A custom endpoint (``S3_PUBLIC_ENDPOINT_URL``, else ``S3_ENDPOINT_URL``): botocore addresses the
      bucket by path, so the endpoint's own origin, port included.
    - AWS, a bucket name that is a DNS label: virtual-hosted, ``https://<bucket>.s3.amazonaws.com``
      (botocore's global host) in the standard partition, ``<bucket>.s3.<region>.amazonaws.com[.cn]``
      in China and GovCloud.
    - AWS, a dotted bucket name: path-style on the region's host (``s3.amazonaws.com`` in us-east-1).

    ``tests/unit/test_csp.py`` holds this against boto3 itself, so a botocore that changes its
    addressing fails a test instead of the applicants' uploads.
    """
    if endpoint_url:
        return url_origin(endpoint_url)
    china = region.startswith("cn-")
    suffix = "amazonaws.com.cn" if china else "amazonaws.com"
    regional = china or region.startswith("us-gov-")
    if _VIRTUAL_HOSTED_BUCKET.match(bucket):
        return f"https://{bucket}.s3.{region}.{suffix}" if regional else f"https://{bucket}.s3.{suffix}"
    if region == "us-east-1":
        return "https://s3.amazonaws.com"
    return f"https://s3.{region}.{suffix}"


def upload_origin() -> str:
    """Where the intake page's browser sends files under the current settings."""
    if settings.STORAGE_BACKEND == "s3":
        # The adapter presigns with the public endpoint when there is one (documents/storage/s3.py).
        return s3_upload_origin(
            bucket=settings.S3_BUCKET,
            region=settings.AWS_REGION,
            endpoint_url=settings.S3_PUBLIC_ENDPOINT_URL or settings.S3_ENDPOINT_URL,
        )
    # The local storage's upload URL is PUBLIC_BASE_URL/storage/upload: 'self', unless the page
    # is served under another name than the public one.
    return url_origin(settings.PUBLIC_BASE_URL)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware; ``connect-src`` also names the upload origin of the current settings."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        update = dict(parts.update or {})
        existing = update.get("connect-src") or []
        update["connect-src"] = [*([existing] if isinstance(existing, str) else existing), upload_origin()]
        parts.update = update
        return parts
