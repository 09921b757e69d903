"""Forms rendered from `forms/*.yaml` (issue 5): input forms, output forms, validation.

- `validation` (no Qt): `validate(form, values, lang=…)` → list[Problem], typed-text parsing.
- `computed` (no Qt): `COMPUTED` live figures (VD deadline, ban end, detention days…).
- `widgets`: one editor per widget kind; `renderer.FormWidget`: the input form;
  `form_tab.FormTab`: a form in a main-window tab; `output.OutputForm`: read-only output.

The Qt classes are imported lazily (`from registry_desktop.formkit import FormWidget`)
so that `validation` and `computed` stay usable without a QApplication.
"""

from __future__ import annotations

from typing import Any

__all__ = ["COMPUTED", "FormTab", "FormWidget", "OutputForm", "Problem", "validate"]

_LAZY = {
    "FormWidget": ("registry_desktop.formkit.renderer", "FormWidget"),
    "FormTab": ("registry_desktop.formkit.form_tab", "FormTab"),
    "OutputForm": ("registry_desktop.formkit.output", "OutputForm"),
    "Problem": ("registry_desktop.formkit.validation", "Problem"),
    "validate": ("registry_desktop.formkit.validation", "validate"),
    "COMPUTED": ("registry_desktop.formkit.computed", "COMPUTED"),
}


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(name)
    import importlib

    return getattr(importlib.import_module(target[0]), target[1])
