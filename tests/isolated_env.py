"""Loaded by pytest before Django: tests get a throw-away data dir, never the developer's ./var."""

import os
import tempfile

os.environ.setdefault("FOOTLOG_DATA_DIR", tempfile.mkdtemp(prefix="footlog-test-"))
