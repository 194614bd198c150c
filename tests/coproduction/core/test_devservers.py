"""The embedded Redis keeps queued jobs through a crash (append-only file, fsync every second)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = """
import os, signal, time
import redis
from coproduction import devservers as d

def on_disk():
    return any(b"job-1" in f.read_bytes() for f in d.REDIS_DIR.rglob("*.aof*") if f.is_file())

d.start_redis()
client = redis.Redis(unix_socket_path=str(d.REDIS_SOCKET))
client.lpush("celery", "job-1")
assert client.config_get("maxmemory-policy")["maxmemory-policy"] == "noeviction"
deadline = time.monotonic() + 30
while not on_disk():  # appendfsync everysec: written within about a second
    assert time.monotonic() < deadline, "the job never reached the append-only file"
    time.sleep(0.05)
pid = d._read_pid(d.REDIS_PID)
os.kill(pid, signal.SIGKILL)
d._wait_gone(pid)
d.start_redis()
print(redis.Redis(unix_socket_path=str(d.REDIS_SOCKET)).lrange("celery", 0, -1))
d.stop_redis()
"""


def test_a_queued_job_survives_the_embedded_redis_being_killed(tmp_path):
    env = {**os.environ, "DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[b'job-1']"


def test_links_in_messages_point_at_the_address_make_run_prints(monkeypatch):
    from coproduction.devservers import service_env

    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.delenv("PORT", raising=False)
    assert service_env({})["SITE_URL"] == "http://127.0.0.1:8000"
    assert service_env({"PORT": "8123"})["SITE_URL"] == "http://127.0.0.1:8123"
    # A council that sets its own address keeps it.
    assert service_env({"PORT": "8123", "SITE_URL": "https://coproduction.example.gov.uk"})["SITE_URL"] == "https://coproduction.example.gov.uk"
