# The environment variable naming a folder every process of one test run shares (the xdist workers'
# common basetemp): set by ``tests/conftest.py`` in xdist workers, read by ``tests.helpers`` and the
# conftest's fixtures. ``PYTEST_`` names are not passed on to the e2e stacks' processes.
SHARED_DIR_VARIABLE = "PYTEST_TESTS_SHARED_DIR"
