"""Benchmark: render time of a case sheet, a batch of 1,000 sheets, and a bare baseline.

    .venv/bin/python bench/printing.py [--sheets 200] [--batch 1000]

The baseline is a bare reportlab document (SimpleDocTemplate, one Paragraph per string,
the same embedded DejaVu font) holding exactly the strings the case sheet prints, built
in the same run on the same dossier. Goals (issue 6): a sheet ≤ 40 ms and ≤ 1.5× bare.
The last line is JSON: sheet_ms, bare_ms, batch_1000_s.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.platypus import SimpleDocTemplate  # noqa: E402

from registry_core.records.enums import CaseStatus  # noqa: E402
from registry_desktop.printing import PrintContext, SheetRequest, case_sheet_job, render_batch  # noqa: E402
from registry_desktop.printing.layout import bare_flowables  # noqa: E402
from registry_desktop.printing.sample import case_id_of, sample_dossier  # noqa: E402

STATES = list(CaseStatus)


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall ms, CPU ms of this process): the machine is shared, so both are reported."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def _loadavg() -> float | None:
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b(?!s)", pdf))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sheets", type=int, default=200)
    parser.add_argument("--batch", type=int, default=1000)
    args = parser.parse_args()

    ctx = PrintContext("Inspektore Līga Bērziņa", datetime(2026, 11, 28, 10, 15), training=True)
    dossier = sample_dossier(CaseStatus.REMOVED, 0)
    job = case_sheet_job(dossier, case_id_of(dossier), ctx)
    lines = list(job.specs()[0].strings())

    def sheet() -> bytes:
        return case_sheet_job(dossier, case_id_of(dossier), ctx).render()

    def bare() -> bytes:
        buffer = io.BytesIO()
        SimpleDocTemplate(buffer, pagesize=A4).build(bare_flowables(lines))
        return buffer.getvalue()

    sheet(), bare()  # warm up: font registration, reference-list caches
    # Interleaved, so that load from other processes hits both alike.
    sheet_runs = []
    bare_runs = []
    for _ in range(args.sheets):
        sheet_runs.append(_timed(sheet))
        bare_runs.append(_timed(bare))
    sheet_ms = statistics.median(w for w, _ in sheet_runs)
    bare_ms = statistics.median(w for w, _ in bare_runs)
    sheet_cpu = statistics.median(c for _, c in sheet_runs)
    bare_cpu = statistics.median(c for _, c in bare_runs)

    dossiers = [sample_dossier(STATES[i % len(STATES)], i) for i in range(args.batch)]
    requests = [SheetRequest(d, case_id_of(d)) for d in dossiers]
    start, cpu_start = time.perf_counter(), time.process_time()
    pdf = render_batch(requests, ctx)
    batch_s = time.perf_counter() - start
    batch_cpu_s = time.process_time() - cpu_start

    print(f"case sheet: {len(lines)} strings, {_pages(sheet())} pages")
    print(
        f"case sheet      median {sheet_ms:7.2f} ms wall, {sheet_cpu:6.2f} ms CPU   (goal ≤ 40 ms)"
    )
    print(f"bare reportlab  median {bare_ms:7.2f} ms wall, {bare_cpu:6.2f} ms CPU")
    print(
        f"ratio sheet / bare: {sheet_ms / bare_ms:.2f}× wall, "
        f"{sheet_cpu / bare_cpu:.2f}× CPU   (goal ≤ 1.5×)"
    )
    print(
        f"batch of {args.batch} sheets: {batch_s:.2f} s wall, {batch_cpu_s:.2f} s CPU, "
        f"{_pages(pdf)} pages, {len(pdf) / 1e6:.1f} MB"
    )
    print(
        json.dumps(
            {
                "bench": "printing",
                "sheet_ms": round(sheet_ms, 2),
                "bare_ms": round(bare_ms, 2),
                "ratio": round(sheet_ms / bare_ms, 2),
                f"batch_{args.batch}_s": round(batch_s, 2),
                "sheet_cpu_ms": round(sheet_cpu, 2),
                "bare_cpu_ms": round(bare_cpu, 2),
                f"batch_{args.batch}_cpu_s": round(batch_cpu_s, 2),
                "loadavg": _loadavg(),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
