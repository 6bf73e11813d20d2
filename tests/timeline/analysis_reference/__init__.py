"""The timeline analysis as it was before issue 25's speed work on the 3-year answer (main c825d31): a copy of
footlog/timeline/analysis (core, types, episodes, trend, care, redflags, rules; wording and safety are shared,
not copied), kept only as the reference that tests/timeline/test_analysis_equivalence.py compares the faster
code with. Not used by the product; never edit it to make a test pass.
"""

from tests.timeline.analysis_reference.core import analyse

__all__ = ["analyse"]
