"""`make test` shares tests between its two workers (tests/conftest.py): the demo half-year's tests go to one
worker, which loads the demo once; a file sharing a module's fixture to one worker; any other test alone."""

import pytest


def test_the_demo_and_shared_fixtures_keep_their_tests_together(request, demo_report):
    """Grouping works only while pytest-xdist can add the group to a test's id: with pytest 9.2 it silently could
    not, and each worker loaded the demo."""
    if not getattr(request.config.option, "loadgroup", False):  # set in xdist's workers only
        pytest.skip("not run by `make test` (pytest-xdist --dist loadgroup)")
    assert request.node.nodeid.endswith("@demo-report")
    ids = [item.nodeid for item in request.session.items]
    assert all(nodeid.endswith("@tests/reporting/test_open_data.py")
               for nodeid in ids if nodeid.startswith("tests/reporting/test_open_data.py::"))
    assert not any("@" in nodeid for nodeid in ids if nodeid.startswith("tests/core/test_validators.py::"))
