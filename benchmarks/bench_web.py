"""Web benchmarks: edit page render, save-and-rescore, and 20 simulated users on gunicorn.

    .venv/bin/python benchmarks/bench_web.py [--db sqlite|postgresql|both] [--duration 60] [--users 20]

Targets (issue 5): edit page of the seed-003 package ≤ 150 ms median; saving a changed actual value
and getting the recomputed scores back ≤ 100 ms median; 20 users editing different packages for
60 s: p95 ≤ 300 ms, no errors, no lost save (every save's revision is checked afterwards).
Everything runs on loopback against ``python -m jixiao.cli_web serve`` (gunicorn, 2 workers × 4 threads).
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED_003 = ROOT.parent / "shared" / "seeds" / "003_9d52f206333e3630.txt"
SAMPLE = ROOT / "src" / "jixiao" / "samples" / "sample-hunan-2023.txt"
PASSWORD = "bench-password-7f3k2"
BASE_RE = re.compile(r'id="base" value="(\d+)"')


class Session:
    def __init__(self, url: str) -> None:
        self.url = url
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def token(self) -> str:
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def get(self, path: str) -> tuple[int, str]:
        with self.opener.open(self.url + path, timeout=30) as response:
            return response.status, response.read().decode()

    def post(self, path: str, data: dict[str, str], htmx: bool = True) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(self.url + path, data=body, method="POST")
        request.add_header("X-CSRFToken", self.token())
        request.add_header("Referer", self.url + path)
        if htmx:
            request.add_header("HX-Request", "true")
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def login(self, username: str) -> None:
        self.get("/accounts/login/")
        status, body = self.post("/accounts/login/", {"username": username, "password": PASSWORD}, htmx=False)
        if "登录" in body and "退出" not in body:
            raise RuntimeError(f"login failed for {username}: {status}")


def stats(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"n={len(values)} median={statistics.median(values) * 1000:.1f} ms p95={p95 * 1000:.1f} ms"


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def prepare(env: dict[str, str], users: int) -> dict[str, Any]:
    """Migrate and create the bench organisation in a child process (Django configured from env)."""
    code = f"""
import json, os, sys
sys.path.insert(0, {str(ROOT / "src")!r})
from jixiao.cli_web import setup_django, prepare_database
setup_django(); prepare_database(False)
from django.contrib.auth.hashers import make_password
from jixiao.readers import read_package
from jixiao.web.accounts.models import Organisation, OrgKind, Role, User
from jixiao.web.packages.store import create_package
bureau = Organisation.objects.create(name="基准财政局", kind=OrgKind.BUREAU)
dept = Organisation.objects.create(name="基准部门", kind=OrgKind.DEPARTMENT, parent=bureau)
hashed = make_password({PASSWORD!r})
sample = read_package({str(SAMPLE)!r})
out = {{"users": []}}
for i in range({users}):
    unit = Organisation.objects.create(name=f"基准单位{{i:02d}}", kind=OrgKind.UNIT, parent=dept)
    user = User.objects.create(username=f"u{{i:02d}}", password=hashed, role=Role.PREPARER, organisation=unit)
    record = create_package(unit, 2023, f"基准{{i:02d}}", sample, user, "bench")
    doc = next(k for k, d in enumerate(sample.documents) if d.kind == "project")
    out["users"].append({{"username": user.username, "package": str(record.pk), "doc": doc}})
seed = {str(SEED_003)!r}
if os.path.isfile(seed):
    big = read_package(seed)
    unit = Organisation.objects.create(name="种子003单位", kind=OrgKind.UNIT, parent=dept)
    user = User.objects.create(username="seed", password=hashed, role=Role.PREPARER, organisation=unit)
    record = create_package(unit, 2023, "seed003", big, user, "bench")
    sizes = [(len(getattr(d, "indicators").indicators) if hasattr(d, "indicators") else 0, k)
             for k, d in enumerate(big.documents)]
    out["seed"] = {{"username": "seed", "package": str(record.pk), "doc": max(sizes)[1]}}
print("RESULT" + json.dumps(out))
"""
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        raise RuntimeError(run.stderr[-3000:])
    import json

    line = next(x for x in run.stdout.splitlines() if x.startswith("RESULT"))
    result: dict[str, Any] = json.loads(line[len("RESULT") :])
    return result


def verify(env: dict[str, str], saves: list[tuple[str, int, str, str]]) -> int:
    """Every acknowledged save's revision exists and holds the value sent. Returns the number lost."""
    import json

    payload = json.dumps(saves)
    code = f"""
import json, sys
sys.path.insert(0, {str(ROOT / "src")!r})
from jixiao.cli_web import setup_django
setup_django()
from jixiao.web.packages.models import Revision
lost = 0
for package, number, field, value in json.loads(sys.stdin.read()):
    index = int(field.split("-")[1])
    rev = Revision.objects.filter(package_id=package, number=number).first()
    if rev is None:
        lost += 1
        continue
    doc = next(d for d in rev.load().documents if d.kind == "project")
    if doc.indicators.indicators[index].actual.text != value:
        lost += 1
print("LOST", lost)
"""
    run = subprocess.run([sys.executable, "-c", code], env=env, input=payload, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(run.stderr[-3000:])
    return int(run.stdout.split("LOST")[1])


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by the server and its workers (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                pending.extend(int(c) for c in children)
        except (OSError, ValueError, IndexError):
            continue
    return total


def single_user(url: str, seed: dict[str, Any], rounds: int, pid: int) -> dict[str, float]:
    session = Session(url)
    session.login(seed["username"])
    edit = f"/packages/{seed['package']}/edit/{seed['doc']}/"
    save = edit + "save/"
    session.get(edit)  # warm the caches of this worker
    render: list[float] = []
    cpu = server_cpu(pid)
    for _ in range(rounds):
        start = time.perf_counter()
        status, body = session.get(edit)
        render.append(time.perf_counter() - start)
        assert status == 200
    render_cpu = (server_cpu(pid) - cpu) / rounds
    base = int(BASE_RE.search(body).group(1))  # type: ignore[union-attr]
    saving: list[float] = []
    cpu = server_cpu(pid)
    for i in range(rounds):
        start = time.perf_counter()
        status, body = session.post(save, {"base": str(base), "ind-0-actual": f"{90 + i % 10}%"})
        saving.append(time.perf_counter() - start)
        assert status == 200 and "已保存" in body, status
        base = int(BASE_RE.search(body).group(1))  # type: ignore[union-attr]
    save_cpu = (server_cpu(pid) - cpu) / rounds
    print(f"  edit page (seed 003, table {seed['doc']}): {stats(render)} server CPU {render_cpu * 1000:.1f} ms/request")
    print(f"  save + rescore (seed 003):           {stats(saving)} server CPU {save_cpu * 1000:.1f} ms/request")
    return {"render": statistics.median(render), "save": statistics.median(saving)}


def load_test(url: str, people: list[dict[str, Any]], duration: float) -> tuple[list[float], int, list[Any]]:
    latencies: list[float] = []
    errors = 0
    saves: list[tuple[str, int, str, str]] = []
    lock = threading.Lock()
    stop = time.monotonic() + duration

    def user(person: dict[str, Any]) -> None:
        nonlocal errors
        rng = random.Random(person["username"])
        session = Session(url)
        edit = f"/packages/{person['package']}/edit/{person['doc']}/"
        try:
            session.login(person["username"])
            _, body = session.get(edit)
            base = int(BASE_RE.search(body).group(1))  # type: ignore[union-attr]
        except (OSError, RuntimeError, AttributeError):
            with lock:
                errors += 1  # a user who could not even start counts as an error, not a silent crash
            return
        while time.monotonic() < stop:
            time.sleep(rng.uniform(0.5, 1.5))  # a person typing between two saves
            start = time.perf_counter()
            try:
                if rng.random() < 0.2:
                    status, body = session.get(edit)
                    ok = status == 200
                else:
                    field = f"ind-{rng.randrange(3)}-actual"
                    value = f"{rng.randrange(50, 100)}%"
                    status, body = session.post(edit + "save/", {"base": str(base), field: value})
                    match = BASE_RE.search(body)
                    ok = status == 200 and match is not None
                    if ok:
                        base = int(match.group(1))  # type: ignore[union-attr]
                        with lock:
                            saves.append((person["package"], base, field, value))
            except OSError:
                ok = False
            elapsed = time.perf_counter() - start
            with lock:
                latencies.append(elapsed)
                errors += 0 if ok else 1

    threads = [threading.Thread(target=user, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, saves


def run_one(database: str, users: int, duration: float, rounds: int) -> dict[str, Any]:
    data = tempfile.mkdtemp(prefix="jixiao-bench-")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JIXIAO_", "DJANGO_", "DATABASE_URL"))}
    env["JIXIAO_DATA_DIR"] = data
    env["PYTHONPATH"] = str(ROOT / "src")
    dbname = f"jixiao_bench_{uuid.uuid4().hex[:8]}"
    if database == "postgresql":
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{dbname}"')
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{dbname}"
    print(f"== {database} ==")
    setup = prepare(env, users)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "jixiao.cli_web", "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    result: dict[str, Any] = {"database": database}
    try:
        for _ in range(200):
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=1):
                    break
            except OSError:
                time.sleep(0.2)
        if "seed" in setup:
            result.update(single_user(url, setup["seed"], rounds, server.pid))
        else:
            print("  seed 003 not available: single-user measurements skipped")
        latencies, errors, saves = load_test(url, setup["users"], duration)
        lost = verify(env, saves)
        print(
            f"  {users} users for {duration:.0f} s: {stats(latencies)} errors={errors} saves={len(saves)} lost={lost}"
        )
        result.update(p95=p95(latencies), errors=errors, saves=len(saves), lost=lost)
    finally:
        server.terminate()
        server.wait(timeout=20)
        if database == "postgresql":
            import psycopg

            with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    databases = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    results = [run_one(db, args.users, args.duration, args.rounds) for db in databases]
    print("== verdict (targets: render ≤ 150 ms, save ≤ 100 ms, p95 ≤ 300 ms, 0 errors, 0 lost) ==")
    for r in results:
        checks = [
            r.get("render", 0) <= 0.150,
            r.get("save", 0) <= 0.100,
            r["p95"] <= 0.300,
            r["errors"] == 0,
            r["lost"] == 0,
        ]
        render, save = r.get("render", float("nan")) * 1000, r.get("save", float("nan")) * 1000
        print(
            f"  {r['database']}: render {render:.1f} ms, save {save:.1f} ms, "
            f"p95 {r['p95'] * 1000:.1f} ms, errors {r['errors']}, lost {r['lost']} of {r['saves']} saves "
            f"→ {'PASS' if all(checks) else 'FAIL'}"
        )


if __name__ == "__main__":
    main()
