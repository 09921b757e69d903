"""An in-memory blocking index: candidate look-up among a million persons in milliseconds.

Blocking keys (domain.md §8.4 step 3, made selective enough for a million persons and
widened so that one wrong field does not hide a match). `s` is the first three
consonants of a surname spelling (its Latvian ending removed), `g` the same for the first
given name; every spelling a person has gives its keys:

- ``A|s|g|<year>``  (and ``A|g|s|<year>`` for names written in swapped order): the main
  key; a partial date or a swapped day and month keep the year;
- ``B|s|g|<MMDD>`` (and the swapped ``DDMM``): a slip in the year;
- ``S|s|<date>`` and ``G|g|<date>`` (also with day and month swapped): a changed or
  misspelt given name, a changed surname (marriage);
- ``N|s|g``: no date of birth on one side. A query with a date uses these only while
  they are small (`name_only_block`), so a common name does not flood the look-up;
- ``D|<document number>`` and ``C|<personal code or identity number>``.

Only candidates that share a key are scored. A key shared by more than `max_block`
persons is not used.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from registry_core.matching.normalize import consonant_key
from registry_core.matching.scorer import (
    DEFAULT_FREQUENCY,
    MatchResult,
    Prepared,
    offset_for,
    score_pair,
)


def blocking_keys(p: Prepared) -> list[str]:
    keys: dict[str, None] = {}
    dob = p.dob
    sur_keys = {consonant_key(f.stem.split(" ")[0]) for f in p.surnames}
    sur_keys |= {consonant_key(f.stem.split(" ")[-1]) for f in p.surnames}
    giv_keys = {consonant_key(f.stem.split(" ")[0]) for f in p.given}
    dates: list[str] = []
    days: list[str] = []
    if dob is not None and dob.month and dob.day:
        dates.append(f"{dob.year}{dob.month:02d}{dob.day:02d}")
        days.append(f"{dob.month:02d}{dob.day:02d}")
        if dob.day <= 12 and dob.day != dob.month:
            dates.append(f"{dob.year}{dob.day:02d}{dob.month:02d}")
            days.append(f"{dob.day:02d}{dob.month:02d}")
    for s in sur_keys:
        for g in giv_keys:
            keys[f"N|{s}|{g}"] = None
            keys[f"N|{g}|{s}"] = None
            if dob is not None:
                keys[f"A|{s}|{g}|{dob.year}"] = None
                keys[f"A|{g}|{s}|{dob.year}"] = None
            for d in days:
                keys[f"B|{s}|{g}|{d}"] = None
        for d in dates:
            keys[f"S|{s}|{d}"] = None
    for g in giv_keys:
        for d in dates:
            keys[f"G|{g}|{d}"] = None
    for number, _state in p.documents:
        keys[f"D|{number}"] = None
    for code in p.personal_codes | p.id_numbers:
        keys[f"C|{code}"] = None
    return list(keys)


class BlockingIndex:
    """Persons by blocking key; `upsert` replaces a person, `remove` drops one."""

    def __init__(self, max_block: int = 5000, name_only_block: int = 300) -> None:
        self.max_block = max_block
        self.name_only_block = name_only_block
        self._slots: list[Prepared | None] = []
        self._slot_of: dict[str, int] = {}
        self._blocks: dict[str, list[int]] = {}
        # how many persons bear each name spelling, for the names' agreement weights
        self._counts: dict[str, int] = {}

    # Smoothing towards DEFAULT_FREQUENCY, so that a small registry does not make
    # every name look rare or common by chance.
    PRIOR_WEIGHT = 500

    def frequency(self, kind: str, skel: str) -> float:
        n = self._counts.get(f"{kind}|{skel}", 0)
        return (n + self.PRIOR_WEIGHT * DEFAULT_FREQUENCY) / (len(self) + self.PRIOR_WEIGHT)

    def _count(self, p: Prepared, delta: int) -> None:
        for kind, forms in (("S", p.surname_skels), ("G", p.given_skels)):
            for skel in forms:
                key = f"{kind}|{skel}"
                self._counts[key] = self._counts.get(key, 0) + delta

    def __len__(self) -> int:
        return len(self._slot_of)

    def __contains__(self, person_id: object) -> bool:
        return person_id in self._slot_of

    def get(self, person_id: str) -> Prepared | None:
        slot = self._slot_of.get(person_id)
        return None if slot is None else self._slots[slot]

    def upsert(self, p: Prepared) -> None:
        slot = self._slot_of.get(p.id)
        if slot is None:
            slot = len(self._slots)
            self._slots.append(p)
            self._slot_of[p.id] = slot
        else:
            old = self._slots[slot]
            if old is not None:
                self._count(old, -1)
            self._slots[slot] = p  # keys of the old version stay; look-up re-checks
        self._count(p, 1)
        blocks = self._blocks
        for key in blocking_keys(p):
            members = blocks.get(key)
            if members is None:
                blocks[key] = [slot]
            elif members[-1] != slot:
                members.append(slot)

    def add_many(self, persons: Iterable[Prepared]) -> None:
        for p in persons:
            self.upsert(p)

    def remove(self, person_id: str) -> None:
        slot = self._slot_of.pop(person_id, None)
        if slot is not None:
            old = self._slots[slot]
            if old is not None:
                self._count(old, -1)
            self._slots[slot] = None

    def candidates(self, p: Prepared) -> Iterator[Prepared]:
        """Distinct indexed persons sharing a usable key with `p` (never `p` itself)."""
        seen: set[int] = set()
        name_only_cap = self.max_block if p.dob is None else self.name_only_block
        for key in blocking_keys(p):
            members = self._blocks.get(key)
            if not members or len(members) > self.max_block:
                continue
            if key[0] == "N" and len(members) > name_only_cap:
                continue
            for slot in members:
                if slot in seen:
                    continue
                seen.add(slot)
                other = self._slots[slot]
                if other is not None and other.id != p.id:
                    yield other

    def lookup(
        self, p: Prepared, *, limit: int = 20, min_score: float = 0.2
    ) -> list[tuple[Prepared, MatchResult]]:
        """Best-scoring candidates for `p`, highest first."""
        out: list[tuple[Prepared, MatchResult]] = []
        offset = offset_for(len(self))
        for other in self.candidates(p):
            result = score_pair(p, other, self.frequency, offset)
            if result.score >= min_score:
                out.append((other, result))
        out.sort(key=lambda pr: (-pr[1].score, pr[0].id))
        return out[:limit]

    def pairs(self, *, min_score: float = 0.5) -> Iterator[tuple[Prepared, Prepared, MatchResult]]:
        """Every pair of indexed persons scoring at least `min_score` (each pair once)."""
        offset = offset_for(len(self))
        for slot, p in enumerate(self._slots):
            if p is None:
                continue
            checked: set[int] = set()
            for key in blocking_keys(p):
                members = self._blocks.get(key)
                if not members or len(members) > self.max_block:
                    continue
                for other_slot in members:
                    if other_slot >= slot or other_slot in checked:
                        continue
                    checked.add(other_slot)
                    other = self._slots[other_slot]
                    if other is None:
                        continue
                    result = score_pair(other, p, self.frequency, offset)
                    if result.score >= min_score:
                        yield other, p, result
