"""`make bench`: the national set on PostgreSQL, gunicorn with 2 workers, an open-loop load
of the busy-page mix, capacity, exports, imports and the booklet; results written to
docs/bench/results-scale-<S>.md beside the previous run's.

    python -m bench.run [--scale 0.1] [--rate 50] [--duration 60]
Environment: BENCH_DB (default cdfmc_bench), BENCH_PG (server URL without a database,
default postgres://postgres@127.0.0.1:5432), BENCH_PORT (default 8170).
"""

import argparse
import json
import os
import platform
import resource
import secrets
import subprocess  # noqa: S404 - the bench runs the project's own commands
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
RESULTS = ROOT / "docs" / "bench"
SEED = 1
WORKERS = 2


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S', time.gmtime())} UTC] {message}", flush=True)


def configure(args) -> dict:
    """Environment for every process of the run: the server's, the commands', ours."""
    pg = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
    db = os.environ.get("BENCH_DB", "cdfmc_bench")
    var = ROOT / "var" / f"bench-{db}"
    var.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DATABASE_URL": f"{pg}/{db}",
        "DJANGO_SETTINGS_MODULE": "cdfmc.settings",
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "MEDIA_ROOT": str(var / "media"),
        "CDFMC_VAR_DIR": str(var),
    }
    os.environ.update(env)
    return {"env": env, "pg": pg, "db": db}


def manage(env, *argv, debug=False) -> str:
    run_env = {**env, "DEBUG": "1"} if debug else env
    done = subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", *argv], cwd=ROOT, env=run_env, capture_output=True, text=True
    )
    if done.returncode:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"manage.py {' '.join(argv)} failed")
    return done.stdout


def ensure_database(pg: str, db: str) -> None:
    import psycopg2

    connection = psycopg2.connect(f"{pg}/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{db}"')
            log(f"created database {db}")
    connection.close()


def prepare(setup, args) -> dict:
    """Migrations, reference data and the generated set (reused when it is the same)."""
    env = setup["env"]
    ensure_database(setup["pg"], setup["db"])
    manage(env, "migrate", "--noinput")
    manage(env, "load_reference")
    manage(env, "collectstatic", "--noinput", "-v0")
    import django

    django.setup()
    from django.db import connection

    from cdfmc.national.generate import refusal
    from cdfmc.national.models import GeneratedSet
    from cdfmc.national.plan import VERSION

    marker = GeneratedSet.objects.first()
    same = marker and float(marker.scale) == args.scale and marker.seed == SEED
    if same and marker.version == VERSION:
        log(f"reusing the generated set in {setup['db']} ({marker})")
        generation = {"reused": True}
    else:
        problem = refusal()
        if problem and marker is None:
            raise SystemExit(f"{problem}: the bench generates only into its own database")
        log(f"generating scale {args.scale} into {setup['db']}")
        started = time.perf_counter()
        argv = ["generate_national", "--scale", str(args.scale), "--seed", str(SEED)]
        print(manage(env, *argv, *(["--force"] if problem else []), debug=True), end="")
        generation = {"reused": False, "seconds": round(time.perf_counter() - started)}
        marker = GeneratedSet.objects.first()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database()), version()")
        size, version = cursor.fetchone()
    generation.update(
        scale=args.scale, seed=SEED, counts=marker.counts, db_mb=round(size / 1024 / 1024),
        postgres=version.split(" on ")[0], generated_at=str(marker.generated_at),
        generator_seconds=marker.seconds,
    )  # fmt: skip
    return generation


class Server:
    """gunicorn with 2 sync workers on the bench port, production settings (DEBUG off)."""

    def __init__(self, env, port: int):
        self.env, self.port = env, port
        self.url = f"http://127.0.0.1:{port}"
        self.log = tempfile.NamedTemporaryFile(prefix="bench-gunicorn-", suffix=".log")  # noqa: SIM115
        self.process = None

    def start(self) -> "Server":
        argv = ["-m", "gunicorn", "cdfmc.wsgi", "-w", str(WORKERS), "-b", f"127.0.0.1:{self.port}"]
        self.process = subprocess.Popen(  # noqa: S603
            [PYTHON, *argv], cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT
        )
        self.wait()
        return self

    def wait(self) -> None:
        import httpx

        for _ in range(100):
            try:
                if httpx.get(f"{self.url}/accounts/login/", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.3)
        self.stop()
        raise SystemExit("gunicorn did not start:\n" + Path(self.log.name).read_text())

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


def capacity(url, source, args) -> dict:
    from bench.load import closed_loop, percentile

    samples, elapsed = closed_loop(
        url, source, clients=args.capacity_clients, duration=args.capacity_seconds
    )
    ok = [s.seconds * 1000 for s in samples if not s.error]
    return {
        "requests_per_second": round(len(ok) / elapsed, 1),
        "errors": len(samples) - len(ok),
        "p50": percentile(ok, 50),
    }


def page_baseline(url, mix, budget_seconds=8.0, requests=10) -> dict:
    """Each page alone, one request at a time: p50, HTML size; queries in-process."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.load import percentile, sequential

    out = {}
    for kind in mix.kinds:
        request = mix.request(kind)
        samples = sequential(url, [request])
        slow = samples[0].seconds * requests > budget_seconds
        samples += sequential(url, [request] * (2 if slow else requests - 1))
        times = [s.seconds * 1000 for s in samples if not s.error]
        client = Client(HTTP_HOST="127.0.0.1")
        if request.cookie:
            name, value = request.cookie.split("=", 1)
            client.cookies[name] = value
        with CaptureQueriesContext(connection) as queries:
            client.get(request.url)
        out[kind] = {
            "url": request.url, "p50": percentile(times, 50), "requests": len(samples),
            "kb": round(samples[-1].size / 1024, 1), "queries": len(queries),
            "errors": sum(bool(s.error) for s in samples),
        }  # fmt: skip
    return out


def files(env, args, contracts: int) -> dict:
    def step(*argv):
        done = subprocess.run(  # noqa: S603
            [PYTHON, "-m", "bench.files", *map(str, argv)],
            cwd=ROOT, env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode:
            sys.stderr.write(done.stderr)
            raise SystemExit(f"bench.files {argv[0]} failed")
        return json.loads(done.stdout.strip().splitlines()[-1])

    rows = min(args.export_rows, contracts)
    log(f"export: {rows:,} debtor-register rows, the project's writer and the bare one")
    out = {"export_project": step("export-project", rows), "export_bare": step("export-bare", rows)}
    log(f"import: {args.import_rows:,} rows, dry run, real run, again (rolled back)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "register.xlsx"
        made = step("import-file", args.import_rows, path)
        out["import"] = step("import", path, made["centre"])
    log("booklet with 12 photos")
    out["booklet"] = step("booklet")
    return out


def explain(url_pages) -> dict:
    """The slowest queries of the national household list and national results, with
    PostgreSQL's EXPLAIN (ANALYZE, BUFFERS)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from cdfmc.accounts.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username="ho1"))
    out = {}
    for title, path in url_pages:
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        slowest = sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:2]
        plans = []
        for query in slowest:
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
                plan = "\n".join(row[0] for row in cursor.fetchall())
            plans.append(
                {"ms": round(float(query["time"]) * 1000), "sql": query["sql"], "plan": plan}
            )
        out[title] = {"path": path, "queries": len(queries), "slowest": plans}
    return out


def machine() -> dict:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")), platform.processor(),
    )  # fmt: skip
    memory = Path("/proc/meminfo").read_text().split()[1]
    import django

    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(int(memory) / 1024 / 1024),
        "python": platform.python_version(), "django": django.get_version(),
        "load_at_start": os.getloadavg(),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--rate", type=float, default=50.0, help="arrivals a second")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of arrivals")
    parser.add_argument("--capacity-clients", type=int, default=8)
    parser.add_argument("--capacity-seconds", type=float, default=20.0)
    parser.add_argument("--export-rows", type=int, default=100_000)
    parser.add_argument("--import-rows", type=int, default=5_000)
    args = parser.parse_args()
    started = time.perf_counter()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # a queue of open connections
    setup = configure(args)
    results = {"command": " ".join(["python -m bench.run", *sys.argv[1:]]), "args": vars(args)}
    results["data"] = prepare(setup, args)
    results["machine"] = machine()
    port = int(os.environ.get("BENCH_PORT", "8170"))

    from bench import report
    from bench.load import open_loop, sequential, summarise
    from bench.mix import Mix

    server = Server(setup["env"], port).start()
    try:
        mix = Mix(seed=SEED)
        log("warming up: every page twice")
        sequential(server.url, [mix.request(kind) for kind in mix.kinds for _ in range(2)])
        log("each page alone (one client)")
        results["pages"] = page_baseline(server.url, mix)
        log(f"capacity: {args.capacity_clients} clients back to back, the mix, then the login page")
        results["capacity"] = {
            name: capacity(server.url, source, args)
            for name, source in (("mix", mix.next_request), ("login page", mix.login_request))
        }
        sustainable = max(1.0, round(results["capacity"]["mix"]["requests_per_second"] / 2, 1))
        results["open_loop"] = {}
        for name, rate in (("target", args.rate), ("half capacity", sustainable)):
            # A fresh server: an overloaded run leaves a queue of abandoned connections.
            server.stop()
            server.start()
            sequential(server.url, [mix.request(kind) for kind in mix.kinds])
            log(f"open loop ({name}): {rate:g} requests/s for {args.duration:g} s")
            samples, elapsed = open_loop(
                server.url, mix.next_request, rate=rate, duration=args.duration, seed=SEED
            )
            results["open_loop"][name] = {
                "rate": rate, "elapsed": elapsed, "pages": summarise(samples),
                "achieved": round(sum(not s.error for s in samples) / elapsed, 1),
            }  # fmt: skip
    finally:
        server.stop()
    results["files"] = files(setup["env"], args, results["data"]["counts"].get("debts.Contract", 0))
    log("EXPLAIN ANALYZE of the national household list and national results")
    results["explain"] = explain(
        [("head office: households, national", "/debts/households/"),
         ("head office: results, national", "/debts/results/")]
    )  # fmt: skip
    results["machine"]["load_at_end"] = os.getloadavg()
    results["seconds"] = round(time.perf_counter() - started)
    path = report.write(RESULTS, results)
    log(f"done in {results['seconds']} s: {path.relative_to(ROOT)}")
    print(path.read_text())


if __name__ == "__main__":
    main()
