"""What every benchmark stack sets so that its figures are production's, not a developer's.

``DEBUG`` is on by default outside production (``config.settings``), and with it
Django's debug cursor formats and keeps every SQL statement a request or a task
runs: in-process, 0.9 ms of a submission's 9.5 ms and 0.15 ms of a status
read's 1.0 ms (``bench/profile_api.py``, 2026-12-04), paid by the endpoints in
proportion to their statements, so it lowered the very ratios it was compared in.
"""

PRODUCTION_ENV = {"DEBUG": "false"}
