"""``make bench``: build a fixture site, measure, print a table, write results/latest.json.

    python -m benchmarks [--duration SECONDS] [--output PATH]

SQLite (a temporary file) by default; with ``DATABASE_URL`` a temporary database on that
server, dropped at the end. The HTTP runs need ``wrk`` and gunicorn (``make bench``
installs both).
"""

import argparse
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

TARGET_QUERIES = 15
TARGET_RENDER_RATIO = 2.0
TARGET_COMMENTS_RATIO = 0.15
TARGET_CACHE_SPEEDUP = 10


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=int, default=5, help="seconds per load run")
    parser.add_argument("--output", default=str(HERE / "results" / "latest.json"))
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="wagtail-career-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    os.environ["BENCH_MEDIA_ROOT"] = str(workdir / "media")
    if not os.environ.get("DATABASE_URL"):
        os.environ["BENCH_DATABASE_NAME"] = str(workdir / "bench.sqlite3")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.db import connection

    postgres = connection.vendor == "postgresql"
    if postgres:
        # A temporary database next to DATABASE_URL's, as the test runner makes one.
        connection.settings_dict["TEST"]["NAME"] = f"{connection.settings_dict['NAME']}_bench"
        name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        os.environ["BENCH_DATABASE_NAME"] = name
    try:
        from django.core.management import call_command

        if not postgres:
            call_command("migrate", verbosity=0)
        from benchmarks import fixture, measure

        print("Building the fixture site…", flush=True)
        site = fixture.build()
        results = {"machine": machine(connection)}
        print("SQL queries…", flush=True)
        results["queries"] = measure.query_counts(site)
        print("Render times…", flush=True)
        results["render"] = measure.render_ratio(site)
        results["comments"] = measure.comment_section_ratio(site)
        results["headers"] = measure.anonymous_headers(site)
        connection.close()
        print("HTTP throughput (gunicorn, wrk)…", flush=True)
        results["http"] = http_runs(site, args.duration, workdir)
        results["targets"] = verdicts(results)
    finally:
        if postgres:
            connection.creation.destroy_test_db(name, verbosity=0)
        shutil.rmtree(workdir, ignore_errors=True)

    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(table(results))
    print(f"\nWritten to {output}")
    return 0 if all(item["met"] for item in results["targets"]) else 1


def machine(connection):
    import django
    import wagtail

    with connection.cursor() as cursor:
        version = connection.vendor
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            version = f"PostgreSQL {cursor.fetchone()[0]}"
        else:
            cursor.execute("select sqlite_version()")
            version = f"SQLite {cursor.fetchone()[0]}"
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "database": version,
        "os": platform.platform(),
        "date": time.strftime("%Y-%m-%d"),
    }


# --- HTTP -----------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with 2 sync workers on a loopback port, page cache on or off."""

    def __init__(self, page_cache, workdir):
        self.port = free_port()
        env = {**os.environ, "BENCH_PAGE_CACHE": "1" if page_cache else "0"}
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "benchmarks.wsgi:application",
                "--workers=2",
                f"--bind=127.0.0.1:{self.port}",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=env,
            stderr=open(workdir / f"gunicorn-{self.port}.log", "w"),  # noqa: SIM115
        )
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.base + "/", timeout=1)  # noqa: S310
                return
            except urllib.error.HTTPError:
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url, duration, connections, script=None):
    """One bounded wrk run; requests/s, p50 and p99 (ms), and the failed responses."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout=5s"]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, timeout=duration + 30
    ).stdout
    latency = {pct: float(value) * UNITS[unit] for pct, value, unit in LATENCY.findall(output)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": round(latency["50"], 2),
        "p99_ms": round(latency["99"], 2),
        "failed": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def post_script(path, workdir, name, body_template, headers):
    """A wrk Lua script POSTing ``body_template`` with ``%d`` replaced by a counter."""
    lua_headers = "".join(f'wrk.headers["{key}"] = "{value}"\n' for key, value in headers.items())
    script = workdir / f"{name}.lua"
    script.write_text(
        f"""counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
{lua_headers}
request = function()
  counter = counter + 1
  local body = string.format("{body_template}", math.random(1, 1000000000), counter)
  return wrk.format(nil, "{path}", nil, body)
end
"""
    )
    return script


def comment_post_script(server, site, workdir):
    """A signed-in reader's session, CSRF cookie and the form's security fields."""
    request = urllib.request.Request(
        server.base + site["article_url"],
        headers={"Cookie": f"sessionid={site['session_key']}"},
    )
    with urllib.request.urlopen(request) as response:  # noqa: S310
        html = response.read().decode()
        csrf_cookie = re.search(r"csrftoken=([^;]+)", response.headers.get("Set-Cookie", ""))
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))
    fields.update(
        csrfmiddlewaretoken=re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1),
        honeypot="",
        followup="on",
    )
    body = (
        urllib.parse.urlencode(fields).replace("%", "%%") + "&comment=Bench%%20comment%%20%d%%20%d"
    )
    cookies = f"sessionid={site['session_key']}; csrftoken={csrf_cookie.group(1)}"
    return post_script(
        site["comment_post_url"],
        workdir,
        "comment",
        body,
        {"Cookie": cookies, "Referer": server.base + site["article_url"]},
    )


def http_runs(site, duration, workdir):
    signup = post_script(
        site["signup_url"],
        workdir,
        "signup",
        "email=reader%d-%d%%40example.com&consent=on&homepage=&source=%%2F",
        {},
    )
    runs = {}
    server = Server(page_cache=False, workdir=workdir)
    try:
        runs["plain page"] = wrk(server.base + site["plain_url"], duration, 8)
        runs["article, uncached"] = wrk(server.base + site["article_url"], duration, 8)
        # Writers queue on SQLite's lock: few connections, as a real site sees.
        runs["comment post"] = wrk(
            server.base + "/", duration, 2, comment_post_script(server, site, workdir)
        )
        runs["newsletter signup"] = wrk(server.base + "/", duration, 2, signup)
    finally:
        server.stop()
    server = Server(page_cache=True, workdir=workdir)
    try:
        url = server.base + site["article_url"]
        urllib.request.urlopen(url).read()  # noqa: S310
        runs["article, page cache"] = wrk(url, duration, 8)
        with urllib.request.urlopen(url) as response:  # noqa: S310
            runs["article, page cache"]["cache_header"] = response.headers.get("X-Career-Cache")
    finally:
        server.stop()
    runs["cached / uncached"] = round(
        runs["article, page cache"]["requests_per_s"] / runs["article, uncached"]["requests_per_s"],
        1,
    )
    return runs


# --- verdicts and table ---------------------------------------------------------------


def verdicts(results):
    counts = [row["queries"] for row in results["queries"]]
    cold = [row["queries_cold_cache"] for row in results["queries"]]
    headers = results["headers"]
    return [
        {
            "what": "article SQL queries identical across N, M, K, and ≤ 15",
            "value": f"{min(counts)}–{max(counts)} (empty cache: {min(cold)}–{max(cold)})",
            "met": len(set(counts)) == 1 and len(set(cold)) == 1 and max(counts) <= TARGET_QUERIES,
        },
        {
            "what": "article / plain page median render time ≤ 2.0",
            "value": results["render"]["ratio"],
            "met": results["render"]["ratio"] <= TARGET_RENDER_RATIO,
        },
        {
            "what": "comment section (N=300) / xtd render_xtdcomment_tree ≤ 0.15",
            "value": results["comments"]["ratio"],
            "met": results["comments"]["ratio"] <= TARGET_COMMENTS_RATIO,
        },
        {
            "what": "article requests/s, page cache / uncached ≥ 10",
            "value": results["http"]["cached / uncached"],
            "met": results["http"]["cached / uncached"] >= TARGET_CACHE_SPEEDUP,
        },
        {
            "what": "anonymous article: no Set-Cookie, no Vary: Cookie",
            "value": f"Set-Cookie: {headers['set_cookie'] or 'none'}; Vary: {headers['vary']}",
            "met": not headers["set_cookie"] and "cookie" not in headers["vary"].lower(),
        },
    ]


def table(results):
    lines = []
    m = results["machine"]
    lines.append(
        f"\nMachine: {m['cores']} cores ({m['cpu']}), Python {m['python']}, "
        f"Django {m['django']}, Wagtail {m['wagtail']}, {m['database']}\n"
    )
    lines.append(
        "SQL queries for one article page (N comments, M employers, K authors), Django's "
        "cache warm / just emptied"
    )
    lines.append(
        "| N \\ M, K | " + " | ".join(f"M={mm}, K={k}" for mm, k in query_columns(results)) + " |"
    )
    lines.append("|---" * (1 + len(query_columns(results))) + "|")
    for n in sorted({row["comments"] for row in results["queries"]}):
        cells = [
            f"{row['queries']} / {row['queries_cold_cache']}"
            for mm, k in query_columns(results)
            for row in results["queries"]
            if row["comments"] == n and row["employers"] == mm and row["authors"] == k
        ]
        lines.append(f"| N={n} | " + " | ".join(cells) + " |")
    r, c = results["render"], results["comments"]
    lines.append("\nRender times (median, in-process, ms)")
    lines.append("| measure | ours | reference | ratio |")
    lines.append("|---|---|---|---|")
    lines.append(
        f"| article (N=0, K=2, M=20) vs plain page, same body | {r['article_ms']} | "
        f"{r['plain_ms']} | {r['ratio']} |"
    )
    lines.append(
        f"| comment section vs xtd `render_xtdcomment_tree`, N=300 | {c['ours_ms']} "
        f"({c['ours_queries']} queries) | {c['xtd_ms']} ({c['xtd_queries']} queries) | "
        f"{c['ratio']} |"
    )
    lines.append("\nHTTP on loopback (gunicorn, 2 workers; wrk)")
    lines.append("| endpoint | requests/s | p50 ms | p99 ms | failed |")
    lines.append("|---|---|---|---|---|")
    for name, run in results["http"].items():
        if isinstance(run, dict):
            lines.append(
                f"| {name} | {run['requests_per_s']:.0f} | {run['p50_ms']} | {run['p99_ms']} | "
                f"{run['failed']} |"
            )
    lines.append(f"\nCached / uncached article: {results['http']['cached / uncached']}×")
    lines.append("\nTargets")
    lines.append("| target | measured | met |")
    lines.append("|---|---|---|")
    for item in results["targets"]:
        lines.append(f"| {item['what']} | {item['value']} | {'yes' if item['met'] else 'NO'} |")
    return "\n".join(lines)


def query_columns(results):
    return sorted({(row["employers"], row["authors"]) for row in results["queries"]})


if __name__ == "__main__":
    sys.exit(main())
