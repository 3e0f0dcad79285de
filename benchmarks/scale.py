"""``make bench-scale``: the issue-17 targets at real size, as ratios measured in one run.

    python -m benchmarks.scale [--articles N] [--comments N] [--subscribers N] [--output PATH]

Builds ``benchmarks/scale_fixture.py``'s site (10,000 articles, 100,000 comments, 100,000
subscribers by default) in a temporary database (SQLite, or PostgreSQL with
``DATABASE_URL``), then runs each measurement module and prints one table of targets. Exits
non-zero when one is missed.
"""

import argparse
import importlib
import json
import sys
import time
from pathlib import Path

from benchmarks.database import bench_database

HERE = Path(__file__).resolve().parent
# Each module's ``measure(site)`` returns rows of ``benchmarks.timing.target``.
MEASURES = [
    "scale_moderation",
    "scale_exports",
    "scale_listings",
    "scale_articles",
    "scale_comments",
    "scale_sitemap",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--comments", type=int, default=100_000)
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--only", nargs="*", default=MEASURES, help="measurement modules")
    parser.add_argument("--output", default=str(HERE / "results" / "scale.json"))
    args = parser.parse_args()

    with bench_database("scale") as _workdir:
        from django.db import connection

        from benchmarks import scale_fixture
        from benchmarks.machine import machine

        started = time.monotonic()
        print("Building the scale site…", flush=True)
        site = scale_fixture.build(args.articles, args.comments, args.subscribers)
        with connection.cursor() as cursor:
            # What autovacuum does soon after a real site's growth: planner statistics (right
            # after a bulk load PostgreSQL plans for empty tables) and, on PostgreSQL, the
            # search index's dead row versions gone (its upserts leave several per row).
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        results = {
            "machine": machine(connection),
            "sizes": site["sizes"],
            "build_seconds": round(time.monotonic() - started),
            "measures": {},
        }
        for name in args.only:
            print(f"Measuring {name}…", flush=True)
            module = importlib.import_module(f"benchmarks.{name}")
            results["measures"][name] = module.measure(site)

    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str) + "\n")
    print(table(results))
    print(f"\nWritten to {output}")
    rows = [row for rows in results["measures"].values() for row in rows]
    return 0 if all(row["met"] for row in rows) else 1


def table(results):
    m, sizes = results["machine"], results["sizes"]
    lines = [
        f"\nMachine: {m['cores']} cores ({m['cpu']}), Python {m['python']}, Django "
        f"{m['django']}, Wagtail {m['wagtail']}, {m['database']}; "
        f"{sizes['articles']:,} articles, {sizes['comments']:,} comments, "
        f"{sizes['subscribers']:,} subscribers (built in {results['build_seconds']} s)\n",
        "| target | measured | met |",
        "|---|---|---|",
    ]
    for rows in results["measures"].values():
        for row in rows:
            lines.append(f"| {row['what']} | {row['value']} | {'yes' if row['met'] else 'NO'} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
