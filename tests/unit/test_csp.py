"""The upload origin in the Content-Security-Policy's connect-src is the one boto3 presigns for."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from config.csp import s3_upload_origin, url_origin


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("http://localhost:9000", "http://localhost:9000"),
        ("https://objects.example.pt:8443/", "https://objects.example.pt:8443"),
        ("https://objects.example.pt:443/base", "https://objects.example.pt"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("http://[::1]:9000", "http://[::1]:9000"),
    ],
)
def test_an_origin_keeps_scheme_host_and_a_port_that_is_not_the_default(url: str, origin: str) -> None:
    assert url_origin(url) == origin


@pytest.mark.parametrize("url", ["", "/storage/upload", "ftp://example.pt"])
def test_a_url_without_an_http_origin_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match="not an http"):
        url_origin(url)


@pytest.mark.parametrize(
    ("bucket", "region", "endpoint", "origin"),
    [
        # Virtual-hosted: a bucket name that is a DNS label, on botocore's global host.
        ("candidaturas-docs", "eu-west-1", None, "https://candidaturas-docs.s3.amazonaws.com"),
        # Path-style: a dotted name would not match *.s3.amazonaws.com's certificate.
        ("candidaturas.docs", "eu-west-1", None, "https://s3.eu-west-1.amazonaws.com"),
        ("candidaturas.docs", "us-east-1", None, "https://s3.amazonaws.com"),
        # A custom endpoint (MinIO, the moto emulator): path-style on the endpoint, port kept.
        ("candidaturas-docs", "eu-west-1", "http://localhost:9000", "http://localhost:9000"),
        ("candidaturas.docs", "eu-west-1", "https://objects.example.pt:8443/", "https://objects.example.pt:8443"),
    ],
)
def test_the_s3_upload_origin(bucket: str, region: str, endpoint: str | None, origin: str) -> None:
    assert s3_upload_origin(bucket=bucket, region=region, endpoint_url=endpoint) == origin


@pytest.mark.parametrize("region", ["eu-west-1", "eu-south-2", "us-east-1", "cn-north-1", "us-gov-west-1"])
@pytest.mark.parametrize("bucket", ["candidaturas-docs", "a1b", "candidaturas.docs", "x" * 63])
@pytest.mark.parametrize("endpoint", [None, "http://127.0.0.1:5000", "https://objects.example.pt:8443/"])
def test_the_origin_is_the_one_of_the_url_boto3_presigns(bucket: str, region: str, endpoint: str | None) -> None:
    """The adapter's own presign (documents/storage/s3.py), offline: dummy credentials sign locally."""
    import boto3
    from botocore.config import Config

    client = boto3.client(
        "s3",
        region_name=region,
        endpoint_url=endpoint,
        config=Config(signature_version="s3v4"),
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    url = client.generate_presigned_post(Bucket=bucket, Key="uploads/x.pdf")["url"]
    assert s3_upload_origin(bucket=bucket, region=region, endpoint_url=endpoint) == url_origin(url)
    assert urlsplit(url).path.startswith("/")
