"""A small load generator over asyncio and httpx: open loop, closed loop and sequential.

Open loop: requests start at Poisson arrival times drawn in advance for the stated rate,
whether or not earlier ones were answered (a server that falls behind builds a queue,
as it would with real officers; a closed-loop tool would slow down with it and hide the
queue). A request's latency runs from its scheduled start to the end of its body, so
time spent waiting for a connection counts. Each request is a new connection, as
gunicorn's sync workers close every connection after the response.
"""

import asyncio
import math
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

TIMEOUT = 30.0  # gunicorn's default worker timeout: a request past it is lost anyway


@dataclass(frozen=True)
class Request:
    kind: str
    url: str
    cookie: str = ""


@dataclass(frozen=True)
class Sample:
    kind: str
    seconds: float
    status: int
    size: int
    error: str = ""


def _client(base_url: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=base_url,
        timeout=TIMEOUT,
        limits=httpx.Limits(max_connections=None, max_keepalive_connections=0),
        headers={"Accept-Language": "th"},
    )


async def _fetch(client: httpx.AsyncClient, request: Request, started: float) -> Sample:
    headers = {"Cookie": request.cookie} if request.cookie else {}
    try:
        response = await client.get(request.url, headers=headers)
    except httpx.TimeoutException:
        return Sample(request.kind, time.perf_counter() - started, 0, 0, "timeout")
    except httpx.HTTPError as exc:
        return Sample(request.kind, time.perf_counter() - started, 0, 0, type(exc).__name__)
    seconds = time.perf_counter() - started
    error = "" if response.status_code == 200 else f"HTTP {response.status_code}"
    return Sample(request.kind, seconds, response.status_code, len(response.content), error)


async def _open_loop(base_url, next_request, rate, duration, seed) -> tuple[list, float]:
    rng = random.Random(seed)  # noqa: S311 - arrival times, not security
    arrivals, t = [], rng.expovariate(rate)
    while t < duration:
        arrivals.append(t)
        t += rng.expovariate(rate)
    async with _client(base_url) as client:
        start = time.perf_counter()
        kinds = {}
        for offset in arrivals:
            delay = start + offset - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            request = next_request()
            kinds[asyncio.create_task(_fetch(client, request, start + offset))] = request.kind
        done, pending = await asyncio.wait(kinds, timeout=TIMEOUT + 5)
        for task in pending:
            task.cancel()
        elapsed = time.perf_counter() - start
    samples = [task.result() for task in done]
    samples += [Sample(kinds[task], TIMEOUT, 0, 0, "not answered") for task in pending]
    return samples, elapsed


def open_loop(base_url: str, next_request: Callable[[], Request], *, rate, duration, seed=1):
    """Samples of an open-loop run at `rate` requests a second for `duration` seconds."""
    return asyncio.run(_open_loop(base_url, next_request, rate, duration, seed))


async def _closed_loop(base_url, next_request, clients, duration) -> tuple[list, float]:
    samples: list[Sample] = []
    async with _client(base_url) as client:
        start = time.perf_counter()

        async def worker():
            while time.perf_counter() - start < duration:
                samples.append(await _fetch(client, next_request(), time.perf_counter()))

        await asyncio.gather(*(worker() for _ in range(clients)))
        elapsed = time.perf_counter() - start
    return samples, elapsed


def closed_loop(base_url: str, next_request, *, clients: int, duration: float):
    """Samples of `clients` clients sending requests back to back: the throughput ceiling."""
    return asyncio.run(_closed_loop(base_url, next_request, clients, duration))


async def _sequential(base_url, requests) -> list[Sample]:
    async with _client(base_url) as client:
        return [await _fetch(client, r, time.perf_counter()) for r in requests]


def sequential(base_url: str, requests: list[Request]) -> list[Sample]:
    """One client, one request at a time: a page's own time."""
    return asyncio.run(_sequential(base_url, requests))


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0–100) by the nearest-rank method; 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(p / 100 * len(ordered))))
    return ordered[rank - 1]


def summarise(samples: list[Sample]) -> dict[str, dict]:
    """Per kind of page: count, errors, p50/p95/p99/max in ms, median body size."""
    by_kind: dict[str, list[Sample]] = {}
    for sample in samples:
        by_kind.setdefault(sample.kind, []).append(sample)
    out = {}
    for kind, group in sorted(by_kind.items()):
        ok = [s.seconds * 1000 for s in group if not s.error]
        errors: dict[str, int] = {}
        for s in group:
            if s.error:
                errors[s.error] = errors.get(s.error, 0) + 1
        out[kind] = {
            "count": len(group),
            "errors": sum(errors.values()),
            "error_kinds": errors,
            "p50": percentile(ok, 50),
            "p95": percentile(ok, 95),
            "p99": percentile(ok, 99),
            "max": max(ok, default=0.0),
            "size": statistics.median([s.size for s in group if not s.error] or [0]),
        }
    return out
