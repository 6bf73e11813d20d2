from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    """A request served by the test client leaves its language active in this thread (a server's next request
    sets its own): put English back so that later tests read English."""
    yield
    translation.activate("en")
