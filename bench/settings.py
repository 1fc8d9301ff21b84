"""Benchmark settings: the real settings plus a bare DRF endpoint to compare the API against."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
