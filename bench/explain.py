"""EXPLAIN ANALYZE the queries one page runs: `python -m bench.explain --scale 1m ROLE URL`.

Prints each query's time and, for those slower than --slower-than ms, the plan. What
docs/PERFORMANCE.md quotes to justify each index."""

import argparse
import time

from bench.common import setup_django


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="small")
    parser.add_argument("--slower-than", type=float, default=20.0)
    parser.add_argument("role")
    parser.add_argument("url")
    args = parser.parse_args(argv)
    setup_django(args.scale)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bench.run import queries_for_capture, session_for

    cookie = session_for(args.role)
    with CaptureQueriesContext(connection) as ctx:
        queries_for_capture(args.url, cookie)
    for query in ctx.captured_queries:
        sql = query["sql"]
        if " FOR SELECT " in sql:  # a server-side cursor (QuerySet.iterator)
            sql = sql[sql.index(" FOR SELECT ") + 5 :]
        if not sql.startswith("SELECT"):
            continue
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
        ms = (time.perf_counter() - started) * 1000
        print(f"-- {ms:8.1f} ms  {sql[:400]}")
        if ms > args.slower_than:
            print(plan)


if __name__ == "__main__":
    main()
