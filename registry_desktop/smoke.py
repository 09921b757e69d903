"""`--smoke`: an offscreen self-check of the whole client (also run on the frozen bundle).

Starts the embedded training registry in a throw-away folder, opens the main window,
runs a search through the search box, opens the first person's card from the registry
and exits 0; on any failure prints the reason and exits non-zero.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

SMOKE_PERSONS = 40


class SmokeFailure(RuntimeError):
    pass


def _wait(app: object, condition: Callable[[], bool], seconds: float, what: str) -> None:
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SmokeFailure(f"timed out after {seconds:.0f} s: {what}")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)  # type: ignore[attr-defined]
        time.sleep(0.005)


def run_smoke() -> int:
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="registry-smoke-") as tmp:
        os.environ["REGISTRY_DESKTOP_DATA_DIR"] = tmp
        os.environ["REGISTRY_DESKTOP_SETTINGS"] = str(Path(tmp) / "settings.json")
        from registry_desktop.app import DesktopApp, create_qapp

        app = create_qapp([sys.argv[0], "-platform", os.environ["QT_QPA_PLATFORM"]])
        desktop = DesktopApp(
            app, training=True, training_folder=Path(tmp) / "training", demo_persons=SMOKE_PERSONS
        )
        try:
            desktop.start()
            window = desktop.window
            _wait(app, window.isVisible, 10, "the main window to show")
            training = {"error": ""}
            desktop.session.started.connect(lambda: None)
            _wait(
                app,
                lambda: desktop.session.active or bool(desktop.training and desktop.training.error),
                180,
                "the training registry to start and the trainer to log in",
            )
            if desktop.training and desktop.training.error:
                training["error"] = desktop.training.error
                raise SmokeFailure(f"training registry: {training['error']}")
            if window.banner is None or not window.banner.isVisible():
                raise SmokeFailure("the training banner is not shown")
            view = window.search_view
            window.focus_search()
            view.box.setText("a")
            view.search_now()
            _wait(app, lambda: view.remote_done, 60, "the search to finish")
            if view.model.rowCount() == 0:
                raise SmokeFailure(f"the search found nobody ({view.status.text()})")
            view.table.selectRow(0)
            view._activated(view.model.index(0, 0))
            card = window.tabs.currentWidget()
            if getattr(card, "person_id", None) is None:
                raise SmokeFailure("no person card opened")
            _wait(app, lambda: card.state in ("registry", "missing"), 60, "the person card")
            if card.state != "registry":
                raise SmokeFailure(f"the person card did not load: {card.source.text()}")
            if not card.name.text() or card.name.text() == "—":
                raise SmokeFailure("the person card shows no name")
            _wait(app, lambda: desktop.tasks.idle, 60, "background work to finish")
            shot = os.environ.get("REGISTRY_SMOKE_SCREENSHOT")
            if shot:  # a picture of what the officer would see, for reviewing the layout
                window.resize(1400, 900)
                app.processEvents()  # type: ignore[attr-defined]
                window.grab().save(shot)
        except SmokeFailure as exc:
            print(f"smoke: FAILED — {exc}", file=sys.stderr)  # noqa: T201
            _close(app, desktop)
            return 1
        _close(app, desktop)
    print(f"smoke: ok ({time.monotonic() - started:.1f} s)")  # noqa: T201
    return 0


def _close(app: object, desktop: object) -> None:
    desktop.window.close()  # type: ignore[attr-defined]
    desktop.shutdown()  # type: ignore[attr-defined]
    app.processEvents()  # type: ignore[attr-defined]


def run_until_shown() -> int:
    """bench/startup.py: show the main window as an officer first sees it, print the wall
    clock at its first paint (as the bare-Qt baseline does), exit."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    from registry_desktop.app import DesktopApp, create_qapp

    app = create_qapp()
    desktop = DesktopApp(app)

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                # The wall clock and the CPU time so far (bench/startup.py reads both).
                print(f"shown {time.time():.6f} {time.process_time():.6f}", flush=True)  # noqa: T201
                QTimer.singleShot(0, app.quit)
            return False

    watcher = FirstPaint()
    desktop.window.installEventFilter(watcher)
    desktop.window.show()
    code = int(app.exec())
    desktop.window.removeEventFilter(watcher)
    desktop.shutdown()
    return code
