"""A throwaway PostgreSQL cluster from Debian's `postgresql` package, for the store tests and benchmarks.

initdb and pg_ctl refuse to run as root, so as root they run as the `postgres` user (`runuser`). The cluster
listens on 127.0.0.1 on a free port, with its socket in its own temporary directory and fsync off (test data).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg

from tests.e2e import free_port

PG_ROOT = "/usr/lib/postgresql"


def postgres_bin() -> Path | None:
    """The bin directory of the newest installed PostgreSQL, or None when there is none."""
    found = sorted(glob.glob(f"{PG_ROOT}/*/bin/pg_ctl"), key=lambda p: int(Path(p).parent.parent.name))
    return Path(found[-1]).parent if found else None


class PostgresCluster:
    """initdb + pg_ctl start on a free port; `url` is a SQLAlchemy URL; `stop()` removes everything."""

    def __init__(self):
        self.bin = postgres_bin()
        if self.bin is None:
            raise RuntimeError(f"PostgreSQL is not installed (no {PG_ROOT}/*/bin/pg_ctl): run `make test`")
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="atlas-pg-"))
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
        self.data = self.dir / "data"
        self._run("initdb", "-D", str(self.data), "-U", "atlas", "-A", "trust", "-E", "UTF8", "--no-locale")
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.dir / "log"), "-w", "-o", options, "start")
        self.url = f"postgresql+psycopg://atlas@127.0.0.1:{self.port}/postgres"

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)

    def new_database(self) -> str:
        """A new empty database in the cluster; its SQLAlchemy URL."""
        name = f"atlas_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=atlas dbname=postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://atlas@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        """Stop the cluster and delete its files."""
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
