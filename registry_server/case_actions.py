"""Case lifecycle actions: filled in from registry_core.lifecycle."""

from __future__ import annotations

from registry_server.push import ActionHandler

CASE_ACTIONS: dict[str, ActionHandler] = {}
