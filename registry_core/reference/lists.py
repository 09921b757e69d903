"""The registry of reference lists: names, labels and seed items (domain.md §7).

The list names are part of the API contract: record fields name them in their ``ref``
metadata, the server seeds and serves them under these names (``GET /reference/{name}``),
and the desktop caches them for type-ahead combos.
"""

from __future__ import annotations

from functools import cache

from registry_core.reference import classifiers, countries, legal, places
from registry_core.reference.enum_lists import ENUM_LISTS
from registry_core.reference.model import ReferenceItem, ReferenceListDef

_OPEN_LISTS: tuple[ReferenceListDef, ...] = (
    ReferenceListDef("country", "Valsts", "Country", countries.country_items),
    ReferenceListDef("language", "Valoda", "Language", countries.language_items),
    ReferenceListDef("document_type", "Dokumenta veids", "Document type", classifiers.document_type_items),
    ReferenceListDef("legal_basis", "Tiesiskais pamats", "Legal basis", legal.legal_basis_items),
    ReferenceListDef("decision_type", "Lēmuma veids", "Decision type", legal.decision_type_items),
    ReferenceListDef("bcp", "Robežšķērsošanas vieta", "Border crossing point", places.bcp_items),
    ReferenceListDef("unit", "Iestāde vai struktūrvienība", "Institution or unit", places.unit_items),
    ReferenceListDef("detention_place", "Aizturēšanas vieta", "Place of detention", places.detention_place_items),
    ReferenceListDef("detention_reason", "Aizturēšanas pamats", "Reason for detention", legal.detention_reason_items),
    ReferenceListDef("release_reason", "Atbrīvošanas iemesls", "Reason for release", legal.release_reason_items),
    ReferenceListDef("alternative_measure", "Alternatīvais līdzeklis", "Alternative to detention", legal.alternative_measure_items),
    ReferenceListDef("illegal_stay_reason", "Nelikumīgas uzturēšanās pamats", "Ground of illegal stay", legal.illegal_stay_reason_items),
    ReferenceListDef("refusal_reason", "Ieceļošanas atteikuma iemesls", "Reason for refusal of entry", legal.refusal_reason_items),
    ReferenceListDef("return_type", "Atgriešanas veids", "Return type", classifiers.return_type_items),
    ReferenceListDef("vulnerability", "Mazāk aizsargātās personas kategorija", "Vulnerability (less-protected person)", classifiers.vulnerability_items),
    ReferenceListDef("warning_flag", "Brīdinājuma zīme", "Warning flag", classifiers.warning_flag_items),
    ReferenceListDef("marital_status", "Ģimenes stāvoklis", "Marital status", classifiers.marital_status_items),
    ReferenceListDef("obligation", "Pienākums brīvprātīgas izbraukšanas laikā", "Obligation during voluntary departure", legal.obligation_items),
    ReferenceListDef("cost_item", "Izdevumu pozīcija", "Cost item", classifiers.cost_item_items),
    ReferenceListDef("court", "Tiesa", "Court", places.court_items),
    ReferenceListDef("task_kind", "Uzdevuma veids", "Task kind", classifiers.task_kind_items),
)  # fmt: skip

_ENUM_LISTS: tuple[ReferenceListDef, ...] = tuple(
    ReferenceListDef(spec.name, spec.label_lv, spec.label_en, spec.factory, enum=spec.enum)
    for spec in ENUM_LISTS
)


def _registry(*groups: tuple[ReferenceListDef, ...]) -> dict[str, ReferenceListDef]:
    registry: dict[str, ReferenceListDef] = {}
    for group in groups:
        for definition in group:
            if definition.name in registry:
                raise ValueError(f"reference list {definition.name!r} defined twice")
            registry[definition.name] = definition
    return registry


REFERENCE_LISTS: dict[str, ReferenceListDef] = _registry(_OPEN_LISTS, _ENUM_LISTS)


class UnknownReferenceList(KeyError):
    """Raised for a name that is not in `REFERENCE_LISTS`."""


def get_list(name: str) -> ReferenceListDef:
    try:
        return REFERENCE_LISTS[name]
    except KeyError:
        raise UnknownReferenceList(name) from None


def seed_items(name: str) -> list[ReferenceItem]:
    """The seed items of list `name`, ordered by `sort`; a fresh list on every call."""
    items = get_list(name).items_factory()
    return sorted(items, key=lambda item: item.sort)


def all_seed_items() -> dict[str, list[ReferenceItem]]:
    """Every list's seed items, keyed by list name (in `REFERENCE_LISTS` order)."""
    return {name: seed_items(name) for name in REFERENCE_LISTS}


@cache
def item_codes(name: str) -> frozenset[str]:
    """All codes of list `name`, including codes no longer valid (for reading old records)."""
    return frozenset(item.code for item in seed_items(name))


@cache
def _index(name: str) -> dict[str, ReferenceItem]:
    # Shared between callers: never handed out without a copy.
    return {item.code: item for item in seed_items(name)}


def find_item(name: str, code: str) -> ReferenceItem | None:
    """A copy of the seed item `code` of list `name`, or None."""
    item = _index(name).get(code)
    return item.model_copy(deep=True) if item is not None else None


def label(name: str, code: str, lang: str = "lv") -> str:
    """Label of `code` in list `name` in `lang` ('lv' or 'en'); the code itself if unknown."""
    item = _index(name).get(code)
    return item.label(lang) if item is not None else code
