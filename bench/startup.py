"""Start-up benchmark: process start to main window shown, with 100,000 persons in the
local cache, beside a bare PySide6 script showing an empty QMainWindow in the same run.

    .venv/bin/python bench/startup.py [--persons 100000] [--runs 5]

Each figure is the median wall time from spawning the process to the main window's
first paint (the child prints the wall clock at that moment, and its CPU time so far,
which other processes on a shared machine disturb less). The two programs are run
alternately, offscreen.

Both run from compiled bytecode, as an installed program does (pip and PyInstaller ship
`.pyc` files): the environment may say PYTHONDONTWRITEBYTECODE, which would make the
client recompile each of its modules on every start while the bare script, all inside
PySide6, loads compiled code. A private bytecode cache (PYTHONPYCACHEPREFIX, in the
temporary folder) is filled by the warm-up runs. The same runs from source (no cache,
as the environment says) are reported beside them; `--source-only` measures only those.

Last line: JSON with `startup_s` and `bare_qt_s` (goal: startup_s <= 1.5 x bare_qt_s),
`cpu_ratio`, and the from-source figures (`startup_source_s`, `bare_qt_source_s`).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

BARE = """
import sys, time
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Window(QMainWindow):
    painted = False
    def event(self, event):
        result = super().event(event)
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            print(f"shown {time.time():.6f} {time.process_time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return result

app = QApplication(sys.argv)
window = Window()
window.resize(1200, 800)
window.show()
app.exec()
"""

SURNAMES = ["BĒRZIŅŠ", "OZOLIŅA", "IVANOV", "PETROVA", "KUZNETSOV", "HAIDARI", "NGUYEN", "TRAN"]
NATIVE = ["Иванов", "Петрова", "Кузнецов", "حیدری", "Nguyễn", "Trần", "ცერცვაძე", "Ткачук"]
GIVEN = ["ANNA", "JĀNIS", "IGOR", "OLGA", "NAJIB", "MINH", "ZURAB", "MIKOLA"]


def fill_cache(data_dir: Path, persons: int) -> Path:
    """A local store with `persons` cached persons, where the officer's login would open it."""
    os.environ["REGISTRY_DESKTOP_DATA_DIR"] = str(data_dir)
    from sync.paths import cache_path
    from sync.store import LocalStore

    path = cache_path("bench", "j.ozola")
    store = LocalStore.open(path, None)
    try:
        batch = []
        for i in range(persons):
            batch.append(
                (
                    "persons",
                    {
                        "id": str(uuid.UUID(int=i + 1, version=4)),
                        "version": 1,
                        "deleted": False,
                        "surname_latin": f"{SURNAMES[i % 8]}{i // 8 % 500}",
                        "given_names_latin": GIVEN[(i // 3) % 8],
                        "surname_native": NATIVE[i % 8],
                        "date_of_birth": f"{1950 + i % 55}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                        "nationalities": [{"country": "RUS", "type": "citizen"}],
                        "sex": "M" if i % 2 else "F",
                    },
                )
            )
            if len(batch) == 10_000:
                store.cache_records(batch)
                batch = []
        if batch:
            store.cache_records(batch)
        count = store.person_count()
    finally:
        store.close()
    settings = {
        "profiles": [{"name": "bench", "url": "http://127.0.0.1:9/api/v1", "label": "Bench"}],
        "last_profile": "bench",
        "last_username": "j.ozola",
    }
    (data_dir / "settings.json").write_text(json.dumps(settings), "utf-8")
    print(f"cache: {count} persons in {path} ({path.stat().st_size / 1e6:.0f} MB)")
    return path


def time_to_shown(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds from spawn to the first paint, the child's CPU seconds by then).

    Run in the checkout: `-m` puts the working directory first on sys.path."""
    start = time.time()
    out = subprocess.run(
        cmd, env=env, capture_output=True, text=True, timeout=120, cwd=env["PYTHONPATH"]
    )
    for line in out.stdout.splitlines():
        if line.startswith("shown "):
            shown, cpu = line.split()[1:3]
            return float(shown) - start, float(cpu)
    raise RuntimeError(f"{cmd} did not show a window: {out.stdout} {out.stderr}")


def measure(
    env: dict[str, str], runs: int
) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """(bare runs, app runs), alternating, after one warm-up run of each."""
    bare_cmd = [sys.executable, "-c", BARE]
    app_cmd = [sys.executable, "-m", "registry_desktop", "--exit-when-shown"]
    time_to_shown(bare_cmd, env)  # warm the OS file cache (and the bytecode cache)
    time_to_shown(app_cmd, env)
    bare, app = [], []
    for _ in range(runs):
        bare.append(time_to_shown(bare_cmd, env))
        app.append(time_to_shown(app_cmd, env))
    return bare, app


def summary(
    label: str, bare: list[tuple[float, float]], app: list[tuple[float, float]]
) -> dict[str, float]:
    bare_s = statistics.median(w for w, _ in bare)
    app_s = statistics.median(w for w, _ in app)
    bare_cpu = statistics.median(c for _, c in bare)
    app_cpu = statistics.median(c for _, c in app)
    print(f"{label}:")
    print("  bare PySide6 QMainWindow: " + ", ".join(f"{w:.3f}" for w, _ in bare) + " s")
    print("  registry-desktop:         " + ", ".join(f"{w:.3f}" for w, _ in app) + " s")
    print(f"  median: registry-desktop {app_s:.3f} s vs bare {bare_s:.3f} s "
          f"= {app_s / bare_s:.2f}x (goal <= 1.5x); CPU by the first paint "
          f"{app_cpu:.3f} s vs {bare_cpu:.3f} s = {app_cpu / bare_cpu:.2f}x")  # fmt: skip
    return {"app_s": app_s, "bare_s": bare_s, "app_cpu": app_cpu, "bare_cpu": bare_cpu}


def _loadavg() -> float | None:
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--source-only", action="store_true", help="only the runs from source (no .pyc cache)"
    )
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        data = Path(tmp)
        t0 = time.monotonic()
        fill_cache(data, args.persons)
        print(f"cache filled in {time.monotonic() - t0:.1f} s")
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "REGISTRY_DESKTOP_DATA_DIR": str(data),
            "REGISTRY_DESKTOP_SETTINGS": str(data / "settings.json"),
            "PYTHONPATH": str(root),
        }
        no_pyc = bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))
        label = "from source" + (" (PYTHONDONTWRITEBYTECODE: no .pyc)" if no_pyc else "")
        source = summary(label, *measure(env, args.runs))
        result: dict[str, object] = {"bench": "startup"}
        if not args.source_only:
            compiled_env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
            compiled_env["PYTHONPYCACHEPREFIX"] = str(data / "pycache")
            compiled = summary("compiled (.pyc, as installed)", *measure(compiled_env, args.runs))
            result.update(
                startup_s=round(compiled["app_s"], 3),
                bare_qt_s=round(compiled["bare_s"], 3),
                ratio=round(compiled["app_s"] / compiled["bare_s"], 2),
                cpu_ratio=round(compiled["app_cpu"] / compiled["bare_cpu"], 2),
            )
        result.update(
            startup_source_s=round(source["app_s"], 3),
            bare_qt_source_s=round(source["bare_s"], 3),
            ratio_source=round(source["app_s"] / source["bare_s"], 2),
            cpu_ratio_source=round(source["app_cpu"] / source["bare_cpu"], 2),
        )
        if args.source_only:
            result.update(
                startup_s=result["startup_source_s"],
                bare_qt_s=result["bare_qt_source_s"],
                ratio=result["ratio_source"],
                cpu_ratio=result["cpu_ratio_source"],
            )
        result.update(persons=args.persons, loadavg=_loadavg())
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
