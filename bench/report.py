"""The bench's results as Markdown, with the previous run's figures beside (kept as JSON
next to it): docs/bench/results-scale-<S>.md and .json."""

import datetime
import json
from pathlib import Path

from bench.mix import PAGES


def _ms(value) -> str:
    return f"{value:,.0f}" if value is not None else "–"


def _was(previous: dict | None, *keys, fmt=_ms) -> str:
    value = previous
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return fmt(value) if value is not None else "–"


def write(folder: Path, results: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"results-scale-{results['args']['scale']:g}"
    json_path, md_path = folder / f"{stem}.json", folder / f"{stem}.md"
    previous = json.loads(json_path.read_text()) if json_path.exists() else None
    results["finished_at"] = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    md_path.write_text(render(results, previous), encoding="utf-8")
    if previous:
        results["previous_finished_at"] = previous.get("finished_at")
    json_path.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str) + "\n")
    (folder / f"explain-scale-{results['args']['scale']:g}.md").write_text(
        render_explain(results), encoding="utf-8"
    )
    return md_path


def render(r: dict, p: dict | None) -> str:
    m, d, a = r["machine"], r["data"], r["args"]
    was = f"previous run: {p['finished_at']}" if p else "no previous run recorded"
    lines = [
        f"# Bench results, scale {a['scale']:g}",
        "",
        f"Written by `make bench` ({r['command']}) on {r['finished_at']}, in {r['seconds']} s; "
        f"{was} (its figures in the *was* columns).",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GiB, Python {m['python']}, "
        f"Django {m['django']}, {d['postgres']}, gunicorn {2} sync workers. Load average "
        f"{m['load_at_start'][0]:.1f} at the start, {m['load_at_end'][0]:.1f} at the end "
        "(the machine is shared: read ratios, not absolute times).",
        "",
        f"Data: `generate_national --scale {a['scale']:g} --seed {d['seed']}`, "
        + ("reused from an earlier run" if d.get("reused") else f"generated in {d['seconds']} s")
        + f"; database {d['db_mb']:,} MB. "
        + ", ".join(
            f"{k.split('.')[-1]} {v:,}" for k, v in sorted(d["counts"].items()) if v > 1000
        ),
        "",
        "The mix (share of requests, role): "
        + "; ".join(f"{kind} {weight:g} % ({role})" for kind, (role, weight, _url) in PAGES.items())
        + ". Sessions of 40 district officers, 12 provincial officers and head office.",
    ]
    for name, run in r["open_loop"].items():
        lines += _open_loop(name, run, a, p)
    cap = r["capacity"]
    lines += [
        "",
        f"## Capacity ({a['capacity_clients']} clients back to back, "
        f"{a['capacity_seconds']:g} s each)",
        "",
        "| load | requests/s | p50 ms | errors | requests/s was |",
        "|---|---|---|---|---|",
        *(
            f"| {name} | {c['requests_per_second']} | {_ms(c['p50'])} | {c['errors']} | "
            f"{_was(p, 'capacity', name, 'requests_per_second', fmt=str)} |"
            for name, c in cap.items()
        ),
        "",
        f"The mix's capacity is {cap['mix']['requests_per_second'] / max(1, cap['login page']['requests_per_second']):.1%}"  # noqa: E501
        " of the login page's (the floor: a page that costs next to nothing).",
        "",
        "## Each page alone (one client, one request at a time)",
        "",
        "| page | URL | p50 ms | HTML KB | queries | p50 was | KB was | queries was |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for kind, s in r["pages"].items():
        lines.append(
            f"| {kind} | `{s['url']}` | {_ms(s['p50'])} | {s['kb']:,} | {s['queries']} | "
            f"{_was(p, 'pages', kind, 'p50')} | {_was(p, 'pages', kind, 'kb', fmt=str)} | "
            f"{_was(p, 'pages', kind, 'queries', fmt=str)} |"
        )
    lines += _files(r["files"], p and p.get("files"))
    lines += [
        "",
        f"EXPLAIN (ANALYZE) of the slowest queries: `explain-scale-{a['scale']:g}.md`.",
        "",
    ]
    return "\n".join(lines)


def _open_loop(name: str, run: dict, a: dict, p: dict | None) -> list[str]:
    lines = [
        "",
        f"## Open loop, {name}: {run['rate']:g} requests/s for {a['duration']:g} s "
        "(Poisson arrivals)",
        "",
        "Latency from each request's scheduled start to the end of its body, ms; errors are "
        f"requests not answered within 30 s. Answered {run['achieved']:g} requests/s; "
        f"the run took {run['elapsed']:.0f} s with its queue drained.",
        "",
        "| page | requests | errors | p50 | p95 | p99 | max | p50 was | p95 was | errors was |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for kind, s in run["pages"].items():
        errors = s["errors"] and f"{s['errors']} ({', '.join(s['error_kinds'])})"
        was = ("open_loop", name, "pages", kind)
        lines.append(
            f"| {kind} | {s['count']} | {errors or 0} | {_ms(s['p50'])} | {_ms(s['p95'])} | "
            f"{_ms(s['p99'])} | {_ms(s['max'])} | {_was(p, *was, 'p50')} | "
            f"{_was(p, *was, 'p95')} | {_was(p, *was, 'errors')} |"
        )
    return lines


def _files(f: dict, p: dict | None) -> list[str]:
    proj, bare = f["export_project"], f["export_bare"]
    imp, booklet = f["import"], f["booklet"]

    def row(name, step, was=None):
        return (
            f"| {name} | {step['seconds']:.1f} | {step['peak_mb']:,.0f} | {step['rise_mb']:,.0f} "
            f"| {was or '–'} |"
        )

    ratio = proj["writer"]["seconds"] / max(bare["writer"]["seconds"], 0.01)
    was_ratio = None
    if p:
        was_ratio = p["export_project"]["writer"]["seconds"] / max(
            p["export_bare"]["writer"]["seconds"], 0.01
        )
    ratio_was = f" (was {was_ratio:.2f}×)" if was_ratio else ""
    return [
        "",
        f"## Export: {proj['rows']:,} debtor-register rows × {proj['columns']} columns",
        "",
        "Each in a process of its own; peak = resident set during the step, rise = over its start.",
        "",
        "| step | seconds | peak MB | rise MB | seconds was |",
        "|---|---|---|---|---|",
        row(
            "rows built (as a report's tables() builds them)",
            proj["build rows"],
            _was(p, "export_project", "build rows", "seconds", fmt="{:.1f}".format),
        ),
        row(
            "project writer `write_xlsx`",
            proj["writer"],
            _was(p, "export_project", "writer", "seconds", fmt="{:.1f}".format),
        ),
        row(
            "bare openpyxl write-only writer",
            bare["writer"],
            _was(p, "export_bare", "writer", "seconds", fmt="{:.1f}".format),
        ),
        "",
        f"**The project's writer takes {ratio:.2f}× the bare writer's time**{ratio_was}; "
        f"files {proj['bytes'] / 1024:,.0f} KB and {bare['bytes'] / 1024:,.0f} KB.",
        "",
        f"## Import: a {imp['rows']:,}-row debtor register (`debts.imports.import_debtors`)",
        "",
        "| step | seconds | peak MB | rise MB | seconds was |",
        "|---|---|---|---|---|",
        *(
            row(name, imp[name], _was(p, "import", name, "seconds", fmt="{:.1f}".format))
            for name in ("bare reader", "dry run", "real run", "same file again")
        ),
        "",
        f"Dry run ÷ bare reader: {imp['dry run']['seconds'] / max(imp['bare reader']['seconds'], 0.01):.0f}×. "  # noqa: E501
        f"Results: {' / '.join(imp['summaries'])}",
        "",
        "## Booklet (`scoring/booklet.py`), a centre with 12 photos "
        f"({booklet['photos_mb']} MB of JPEG)",
        "",
        f"Rendered in {booklet['render']['seconds']:.1f} s "
        f"(was {_was(p, 'booklet', 'render', 'seconds', fmt='{:.1f}'.format)}), "
        f"{booklet['bytes'] / 1024 / 1024:.1f} MB of PDF "
        f"(was {_was(p, 'booklet', 'bytes', fmt=lambda b: f'{b / 1024 / 1024:.1f}')}), "
        f"peak {booklet['render']['peak_mb']:,.0f} MB.",
    ]


def render_explain(r: dict) -> str:
    lines = [
        f"# Slowest queries, scale {r['args']['scale']:g} ({r['finished_at']})",
        "",
        "The two slowest queries of each page as head office, with PostgreSQL's "
        "`EXPLAIN (ANALYZE, BUFFERS)` run right after the page (warm cache).",
    ]
    for title, page in r["explain"].items():
        lines += ["", f"## {title} (`{page['path']}`, {page['queries']} queries)"]
        for n, q in enumerate(page["slowest"], 1):
            lines += [
                "",
                f"### {n}. {q['ms']:,} ms in the page",
                "",
                "```sql",
                q["sql"],
                "```",
                "",
                "```",
                q["plan"],
                "```",
            ]
    return "\n".join(lines) + "\n"
