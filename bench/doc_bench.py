"""Time every document generator: each type rendered 50 times from its example data.

Each render gets its own verification URL, as real documents do, so nothing is reused between
renders but the registered font. Prints a table, then one JSON line with the median milliseconds
per page over all renders and the type slowest per page.
"""

import dataclasses
import io
import json
import statistics
import time

from pypdf import PdfReader

from documents import GENERATORS
from documents.examples import example

RUNS = 50


def time_type(doc_type):
    """Return (pages, per-render milliseconds) for doc_type."""
    generator, data = GENERATORS[doc_type], example(doc_type)
    pages = len(PdfReader(io.BytesIO(generator.render(data))).pages)
    timings = []
    for run in range(RUNS):
        varied = dataclasses.replace(data, verify_url=f"{data.verify_url}?n={run}")
        started = time.perf_counter()
        generator.render(varied)
        timings.append((time.perf_counter() - started) * 1000)
    return pages, timings


def main():
    per_page = {}
    print(f"{'document type':34} {'pages':>5} {'median ms':>10} {'p95 ms':>8} {'ms/page':>8}")
    for doc_type in GENERATORS:
        pages, timings = time_type(doc_type)
        median = statistics.median(timings)
        per_page[doc_type] = [ms / pages for ms in timings]
        p95 = statistics.quantiles(timings, n=20)[-1]
        print(f"{doc_type:34} {pages:>5} {median:>10.1f} {p95:>8.1f} {median / pages:>8.1f}")
    every_page = [ms for values in per_page.values() for ms in values]
    slowest = max(per_page, key=lambda doc_type: statistics.median(per_page[doc_type]))
    print(
        json.dumps({"median_ms_per_page": round(statistics.median(every_page), 2), "slowest_type": slowest})
    )


if __name__ == "__main__":
    main()
