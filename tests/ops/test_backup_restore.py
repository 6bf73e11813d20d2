"""Backup and restore of the default install (SQLite + files in FOOTLOG_DATA_DIR).

The drill: an app keeps writing entries while `create_backup` copies it; `manage.py restore` puts the encrypted
archive into a new data dir; footlog started there (gunicorn) lets the user sign in with their password and finds
every entry, photo (same bytes) and setting. Damaged archives, wrong passphrases and non-empty targets are refused
with words and leave the target as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from footlog.ops.backup import MAGIC, BackupError, Layout, create_backup, restore_backup
from tests.support.services import ROOT, Process, free_port, http_answers, migrated_sqlite, start_gunicorn, wait_for

PASSPHRASE = b"correct horse battery staple"
TOKEN = "drill-metrics-token-0123456789"


def plain_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """A default install: SQLite, file cache and embedded broker in `data_dir`, nothing else configured."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "PROMETHEUS_MULTIPROC_DIR"}}
    return env | {"FOOTLOG_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1", **extra}


def small_install(root: Path) -> Layout:
    """A data dir with a hand-made SQLite database holding the counted tables, photos, a report file and keys."""
    layout = Layout.default(root)
    root.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(layout.database)
    for table in ("accounts_user", "diary_entry", "diary_photo", "diary_observation"):
        db.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, text TEXT)")
    db.executemany("INSERT INTO diary_entry (text) VALUES (?)", [("a",), ("b",)])
    db.commit()
    db.close()
    assert layout.photos is not None
    (layout.photos / "ab").mkdir(parents=True)
    (layout.photos / "ab" / "ab12.jpg").write_bytes(os.urandom(50_000))
    (layout.media / "reports").mkdir(parents=True)
    (layout.media / "reports" / "r.pdf").write_bytes(b"%PDF-1.7 report")
    (root / "secret_key").write_text("the-secret-key")
    (root / "vapid_private.pem").write_text("-----BEGIN PRIVATE KEY-----")
    (root / "cache").mkdir()
    (root / "cache" / "x.djcache").write_text("not backed up")
    return layout


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_round_trip_keeps_every_file_and_row(tmp_path):
    source = small_install(tmp_path / "a")
    manifest = create_backup(source, tmp_path / "b.tar")
    assert manifest["format"] == 1
    assert manifest["counts"] == {"users": 0, "entries": 2, "photos": 0, "observations": 0, "files": 5}
    assert "cache/x.djcache" not in json.dumps(manifest)
    target = Layout.default(tmp_path / "c")
    restore_backup(tmp_path / "b.tar", target)
    before, after = files_of(tmp_path / "a"), files_of(tmp_path / "c")
    for name in ("photos/ab/ab12.jpg", "media/reports/r.pdf", "secret_key", "vapid_private.pem"):
        assert after[name] == before[name]
    assert "cache/x.djcache" not in after
    assert sqlite3.connect(target.database).execute("SELECT text FROM diary_entry").fetchall() == [("a",), ("b",)]


def test_a_damaged_archive_is_refused_and_nothing_is_restored(tmp_path):
    create_backup(small_install(tmp_path / "a"), tmp_path / "b.tar")
    data = bytearray((tmp_path / "b.tar").read_bytes())
    spot = data.index(b"%PDF-1.7 report")
    data[spot + 3] ^= 0xFF
    (tmp_path / "b.tar").write_bytes(bytes(data))
    with pytest.raises(BackupError, match=r"damaged \(media/reports/r.pdf does not match its checksum\)"):
        restore_backup(tmp_path / "b.tar", Layout.default(tmp_path / "c"))
    assert not files_of(tmp_path / "c")
    (tmp_path / "cut.tar").write_bytes(bytes(data[: len(data) // 2]))
    with pytest.raises(BackupError, match="damaged"):
        restore_backup(tmp_path / "cut.tar", Layout.default(tmp_path / "d"))


def test_encrypted_archives_need_the_right_passphrase_and_refuse_tampering(tmp_path):
    create_backup(small_install(tmp_path / "a"), tmp_path / "b.enc", PASSPHRASE)
    sealed = (tmp_path / "b.enc").read_bytes()
    assert sealed.startswith(MAGIC)
    assert b"the-secret-key" not in sealed and b"%PDF" not in sealed
    with pytest.raises(BackupError, match="encrypted: give its passphrase"):
        restore_backup(tmp_path / "b.enc", Layout.default(tmp_path / "c"))
    with pytest.raises(BackupError, match="damaged or the passphrase is wrong"):
        restore_backup(tmp_path / "b.enc", Layout.default(tmp_path / "c"), b"not the passphrase")
    (tmp_path / "cut.enc").write_bytes(sealed[:-10])
    with pytest.raises(BackupError, match="damaged or the passphrase is wrong"):
        restore_backup(tmp_path / "cut.enc", Layout.default(tmp_path / "c"), PASSPHRASE)
    assert not files_of(tmp_path / "c")
    restore_backup(tmp_path / "b.enc", Layout.default(tmp_path / "c"), PASSPHRASE)
    assert (tmp_path / "c" / "secret_key").read_text() == "the-secret-key"


def test_restore_refuses_a_data_dir_that_holds_data(tmp_path):
    create_backup(small_install(tmp_path / "a"), tmp_path / "b.tar")
    with pytest.raises(BackupError, match="the data dir is not empty"):
        restore_backup(tmp_path / "b.tar", Layout.default(tmp_path / "a"))
    with pytest.raises(BackupError, match="exists already"):
        create_backup(Layout.default(tmp_path / "a"), tmp_path / "b.tar")


def test_postgresql_installs_get_photos_files_and_keys_only(tmp_path):
    source = small_install(tmp_path / "a")
    photos_only = Layout(source.data_dir, None, source.photos, source.media)
    manifest = create_backup(photos_only, tmp_path / "b.tar")
    assert manifest["database"].startswith("not included (PostgreSQL: use pg_dump)")
    assert "database.sqlite3" not in manifest["files"] and "photos/ab/ab12.jpg" in manifest["files"]


def manage(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=plain_env(data_dir),
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.mark.slow  # migrates a SQLite install, writes through it, starts gunicorn: 2.5 min at load 11
@pytest.mark.timeout(400)
def test_backup_of_a_running_app_restores_into_a_working_install(tmp_path):
    source, target, state = tmp_path / "source", tmp_path / "target", tmp_path / "state"
    state.mkdir()
    migrated_sqlite(source)  # the writer migrates it again (nothing left to apply)
    writer = Process(
        [sys.executable, "tests/ops/app_writer.py", str(state)], plain_env(source), tmp_path / "writer.log"
    )
    try:
        wait_for(lambda: (state / "written").exists() and int((state / "written").read_text() or 0) >= 2, timeout=180)
        seed = json.loads((state / "seed.json").read_text())
        (state / "passphrase").write_bytes(PASSPHRASE + b"\n")
        made = manage(
            source, "backup", "--output", str(tmp_path / "drill.enc"), "--passphrase-file", str(state / "passphrase")
        )
        assert made.returncode == 0, made.stderr
        assert "encrypted" in made.stdout
        # The writer rewrites the file (empty for an instant): the first count read, never 0 by now.
        still_writing = wait_for(lambda: int((state / "written").read_text() or 0))
        wait_for(lambda: int((state / "written").read_text() or 0) > still_writing, timeout=60)  # it never paused
    finally:
        (state / "stop").touch()
        writer.popen.wait(timeout=60)
        writer.stop()
    assert writer.popen.returncode == 0, writer.output()[-3000:]

    refused = manage(source, "restore", str(tmp_path / "drill.enc"), "--passphrase-file", str(state / "passphrase"))
    assert refused.returncode == 1 and "the data dir is not empty" in refused.stderr
    restored = manage(target, "restore", str(tmp_path / "drill.enc"), "--passphrase-file", str(state / "passphrase"))
    assert restored.returncode == 0, restored.stderr
    assert (target / "secret_key").read_bytes() == (source / "secret_key").read_bytes()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    web = start_gunicorn(port, tmp_path, plain_env(target, FOOTLOG_METRICS_TOKEN=TOKEN), workers=2, threads=2)
    try:
        wait_for(lambda: http_answers(f"{base}/healthz", below=300), timeout=120, interval=0.5)
        assert requests.get(f"{base}/readyz", timeout=30).json()["status"] == "ready"
        login = requests.post(
            f"{base}/_allauth/app/v1/auth/login",
            json={"email": "restore-drill@example.com", "password": "a sturdy passphrase 42"},
            timeout=30,
        )
        assert login.status_code == 200, login.text
        http = requests.Session()
        http.headers["X-Session-Token"] = login.json()["meta"]["session_token"]
        found, url = [], f"{base}/api/v1/entries/"
        while url:
            page = http.get(url, timeout=30).json()
            found += [entry["id"] for entry in page["results"]]
            url = page["next"]
        assert set(seed["entries"]) <= set(found)
        restored_rows = (
            sqlite3.connect(target / "footlog.sqlite3").execute("SELECT COUNT(*) FROM diary_entry").fetchone()[0]
        )
        assert len(found) == restored_rows >= len(seed["entries"]) + 2  # with what was written before the copy
        for photo, digest in seed["photos"].items():
            image = http.get(f"{base}/api/v1/photos/{photo}/image", timeout=30)
            assert image.status_code == 200 and hashlib.sha256(image.content).hexdigest() == digest
        assert http.get(f"{base}/api/v1/account/", timeout=30).json()["timezone"] == "Pacific/Auckland"
        preference = http.get(f"{base}/api/v1/reminders/", timeout=30).json()
        assert (preference["time"], preference["weekdays"]) == ("07:15", [0, 2, 4])
        # Several gunicorn workers, one /metrics: every worker's requests are summed (multiprocess mode).
        for _ in range(6):
            requests.get(f"{base}/healthz", timeout=30)
        metrics = requests.get(f"{base}/metrics", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30).text
        assert 'footlog_http_requests_total{method="GET",route="healthz",status="200"}' in metrics
        line = next(
            x for x in metrics.splitlines() if x.startswith('footlog_http_requests_total{method="GET",route="healthz"')
        )
        assert float(line.split()[-1]) >= 7
    except Exception:
        print(web.output()[-5000:])
        raise
    finally:
        web.stop()
