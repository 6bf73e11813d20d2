"""footlog's settings for the test suite (pyproject's DJANGO_SETTINGS_MODULE): the project's own, with a fast
password hasher first. PBKDF2 costs ~0.2 s per user on this machine; most tests make several users. Tests that
measure hashing time (sign-up timing, the passcode race) ask for the `real_hasher` fixture (tests/conftest.py).

The child processes the tests start (Celery workers, gunicorn) inherit DJANGO_SETTINGS_MODULE, so they verify the
passwords the tests stored; tests of start-up itself (`make run`, settings) name footlog.settings explicitly.
"""

from django.conf import global_settings

from footlog.settings import *  # noqa: F403

REAL_PASSWORD_HASHERS = list(global_settings.PASSWORD_HASHERS)
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *REAL_PASSWORD_HASHERS]

if DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    # Test data need not survive a crash of the database server: a commit does not wait for its WAL to reach the
    # disk (what is visible to whom is unchanged). The per-test flush of transactional tests and the test
    # database's migrations commit often; this makes each commit cheap.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405
