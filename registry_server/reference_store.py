"""Reference lists in the database: versioned seeding, delta reads, and an in-memory
cache of valid codes for validating records."""

from __future__ import annotations

import functools
import threading
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from registry_core.reference import REFERENCE_LISTS, all_seed_items
from registry_server.tables import reference_items, reference_lists


@dataclass(frozen=True)
class SeedReport:
    lists: int
    added: int
    changed: int


def _item_row(list_name: str, item: Any, version: int) -> dict[str, Any]:
    return {
        "list_name": list_name,
        "code": item.code,
        "label_lv": item.label_lv,
        "label_en": item.label_en,
        "valid_from": item.valid_from,
        "valid_to": item.valid_to,
        "extra": dict(item.extra),
        "sort": item.sort,
        "version": version,
    }


_COMPARED = ("label_lv", "label_en", "valid_from", "valid_to", "extra", "sort")


def seed_reference(engine: Engine) -> SeedReport:
    """Bring every list up to the seed shipped with this release.

    New or changed items get the list's next version, so clients that read
    `?since=<their version>` receive exactly what changed; unchanged items keep theirs.
    Running it twice changes nothing.
    """
    seed = all_seed_items()
    added = changed = 0
    with engine.begin() as conn:
        for name, items in seed.items():
            definition = REFERENCE_LISTS[name]
            current = conn.execute(
                sa.select(reference_lists.c.version).where(reference_lists.c.name == name)
            ).scalar()
            existing = {
                row.code: row
                for row in conn.execute(
                    sa.select(reference_items).where(reference_items.c.list_name == name)
                )
            }
            version = (current or 0) + 1
            new_rows, upd_rows = [], []
            for item in items:
                row = _item_row(name, item, version)
                old = existing.get(item.code)
                if old is None:
                    new_rows.append(row)
                elif any(getattr(old, k) != row[k] for k in _COMPARED):
                    upd_rows.append(row)
            if current is None:
                conn.execute(
                    reference_lists.insert().values(
                        name=name,
                        label_lv=definition.label_lv,
                        label_en=definition.label_en,
                        version=version,
                    )
                )
            elif new_rows or upd_rows:
                conn.execute(
                    reference_lists.update()
                    .where(reference_lists.c.name == name)
                    .values(version=version)
                )
            if new_rows:
                conn.execute(reference_items.insert(), new_rows)
            for row in upd_rows:
                conn.execute(
                    reference_items.update()
                    .where(
                        reference_items.c.list_name == name,
                        reference_items.c.code == row["code"],
                    )
                    .values(**{k: row[k] for k in (*_COMPARED, "version")})
                )
            added += len(new_rows)
            changed += len(upd_rows)
    return SeedReport(len(seed), added, changed)


def list_versions(conn: Connection) -> dict[str, dict[str, Any]]:
    return {
        row.name: {
            "name": row.name,
            "label_lv": row.label_lv,
            "label_en": row.label_en,
            "version": row.version,
        }
        for row in conn.execute(sa.select(reference_lists).order_by(reference_lists.c.name))
    }


def items_since(conn: Connection, name: str, since: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        sa.select(reference_items)
        .where(reference_items.c.list_name == name, reference_items.c.version > since)
        .order_by(reference_items.c.sort, reference_items.c.code)
    )
    return [
        {
            "code": r.code,
            "label_lv": r.label_lv,
            "label_en": r.label_en,
            "valid_from": r.valid_from.isoformat() if r.valid_from else None,
            "valid_to": r.valid_to.isoformat() if r.valid_to else None,
            "extra": r.extra,
            "sort": r.sort,
            "version": r.version,
        }
        for r in rows
    ]


class ReferenceCache:
    """Valid codes per list, reloaded when a list's version moves."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._versions: dict[str, int] = {}
        self._codes: dict[str, frozenset[str]] = {}

    def refresh(self, conn: Connection) -> None:
        versions = {
            r.name: r.version
            for r in conn.execute(sa.select(reference_lists.c.name, reference_lists.c.version))
        }
        if versions == self._versions:
            return
        with self._lock:
            stale = [n for n, v in versions.items() if self._versions.get(n) != v]
            for name in stale:
                self._codes[name] = frozenset(
                    conn.execute(
                        sa.select(reference_items.c.code).where(reference_items.c.list_name == name)
                    ).scalars()
                )
            self._versions = versions

    def codes(self, name: str) -> frozenset[str] | None:
        """None when the list is not seeded at all (then nothing can be checked)."""
        return self._codes.get(name)

    def unknown_in(self, model: Any) -> dict[str, str]:
        """{path: list name} for each coded value of a validated record not in its list.
        Almost every record is clean, so a quick walk without paths comes first."""
        if _all_known(model, self._codes):
            return {}
        return self.unknown(ref_checks(model, {}))

    def unknown(self, checks: Iterable[tuple[str, str, str]]) -> dict[str, str]:
        """{path: list name} for each (path, list, code) whose code is not in its list."""
        out: dict[str, str] = {}
        for path, name, code in checks:
            codes = self._codes.get(name)
            if codes is not None and code not in codes:
                out[path] = name
        return out


@functools.cache
def _ref_plan(model_cls: type) -> tuple[tuple[str, str | None, bool], ...]:
    """(field, reference list or None, is a sub-model) for the fields worth walking."""
    plan = []
    for name, info in model_cls.model_fields.items():
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        ref = extra.get("ref")
        nested = _has_submodel(info.annotation)
        if ref or nested:
            plan.append((name, str(ref) if ref else None, nested))
    return tuple(plan)


def _has_submodel(annotation: Any) -> bool:
    if isinstance(annotation, type) and hasattr(annotation, "model_fields"):
        return True
    return any(_has_submodel(arg) for arg in typing.get_args(annotation))


def ref_checks(model: Any, data: Mapping[str, Any], prefix: str = "") -> list[tuple[str, str, str]]:
    """Walk a validated record and list (path, reference list, code) for every coded value."""
    out: list[tuple[str, str, str]] = []
    for name, ref, nested in _ref_plan(type(model)):
        value = getattr(model, name)
        if value is None:
            continue
        path = f"{prefix}{name}"
        if isinstance(value, list):
            for i, item in enumerate(value):
                if nested and hasattr(type(item), "model_fields"):
                    out.extend(ref_checks(item, data, f"{path}.{i}."))
                elif ref and isinstance(item, str):
                    out.append((f"{path}.{i}", ref, item))
        elif nested and hasattr(type(value), "model_fields"):
            out.extend(ref_checks(value, data, f"{path}."))
        elif ref:
            out.append((path, ref, str(value.value if hasattr(value, "value") else value)))
    return out


def _all_known(model: Any, lists: Mapping[str, frozenset[str]]) -> bool:
    """`ref_checks` finds nothing unknown (the same walk, without building paths)."""
    for name, ref, nested in _ref_plan(type(model)):
        value = getattr(model, name)
        if value is None:
            continue
        if isinstance(value, list):
            for item in value:
                if nested and hasattr(type(item), "model_fields"):
                    if not _all_known(item, lists):
                        return False
                elif ref and isinstance(item, str):
                    codes = lists.get(ref)
                    if codes is not None and item not in codes:
                        return False
        elif nested and hasattr(type(value), "model_fields"):
            if not _all_known(value, lists):
                return False
        elif ref:
            codes = lists.get(ref)
            if codes is not None and str(getattr(value, "value", value)) not in codes:
                return False
    return True
