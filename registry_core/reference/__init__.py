"""Reference lists (classifiers, domain.md §7): definitions and seed data.

Pure Python: no database. The server seeds its tables from `all_seed_items()` and serves
them under the names of `REFERENCE_LISTS`; the desktop caches them for its combos.
"""

from registry_core.reference.lists import (
    REFERENCE_LISTS,
    UnknownReferenceList,
    all_seed_items,
    find_item,
    get_list,
    item_codes,
    label,
    seed_items,
)
from registry_core.reference.model import (
    ExtraValue,
    ReferenceItem,
    ReferenceListDef,
    latvian_sort_key,
)

__all__ = [
    "REFERENCE_LISTS",
    "ExtraValue",
    "ReferenceItem",
    "ReferenceListDef",
    "UnknownReferenceList",
    "all_seed_items",
    "find_item",
    "get_list",
    "item_codes",
    "label",
    "latvian_sort_key",
    "seed_items",
]
