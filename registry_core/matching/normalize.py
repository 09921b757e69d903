"""Name normalisation for matching (domain.md §8.4).

`fold` (registry_core.names) gives upper-case Latin without diacritics, with the ICAO
expansions (Ä → AE …) and Cyrillic by ICAO 9303. `skeleton` then applies the
equivalence folds, so that the spellings of one name by different systems meet:

    IU ≈ YU ≈ JU, IA ≈ YA ≈ JA, IE ≈ YE ≈ JE (I ≈ Y ≈ J),  KH ≈ H,  SHCH ≈ SCH ≈ ŠČ,
    TS ≈ C ≈ TZ ≈ CZ,  ZH ≈ Ž,  SH ≈ Š,  CH ≈ Č,  final -II ≈ -IY ≈ -YI ≈ -IJ,
    X ≈ KS,  W ≈ V,  PH ≈ F, double letters single; an initial (or after-vowel) IE ≈ E
    (ELENA ≈ YELENA ≈ JEĻENA); IO after a consonant ≈ E (Ё: FEDOR ≈ FYODOR ≈ FJODORS).

`stem` drops a Latvian reproduction ending (-S, -IS; with ``feminine`` also -A, -E)
from a skeleton; it is compared only when one side is a Latvian form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from registry_core.matching.translit import has_cyrillic, variants
from registry_core.names import fold

_REWRITES: tuple[tuple[str, str], ...] = (
    ("SHCH", "SC"),
    ("SZCZ", "SC"),
    ("SCH", "SC"),
    ("KH", "H"),
    ("ZH", "Z"),
    ("SH", "S"),
    ("SZ", "S"),
    ("CH", "C"),
    ("TS", "C"),
    ("TZ", "C"),
    ("CZ", "C"),
    ("PH", "F"),
    ("X", "KS"),
    ("W", "V"),
    ("Q", "K"),
    ("Y", "I"),
    ("J", "I"),
)
_DOUBLE = re.compile(r"(.)\1+")
_VOWELS = frozenset("AEIOU")


def skeleton_token(token: str) -> str:
    """One folded word (A–Z) in its equivalence-folded form."""
    s = token
    for old, new in _REWRITES:
        if old in s:
            s = s.replace(old, new)
    if s.startswith("IE") and len(s) > 2:
        s = s[1:]
    s = re.sub(r"(?<=[AEIOU])IE", "E", s)
    s = re.sub(r"(?<=[^AEIOU])IO", "E", s)  # Ё: FEDOR ≈ FYODOR ≈ FJODORS, ALENA ≈ ALIONA
    return _DOUBLE.sub(r"\1", s)


def tokens(name: str | None) -> list[str]:
    """Folded words of a name (hyphens, apostrophes and double spaces removed)."""
    if not name:
        return []
    return [t for t in fold(name).split(" ") if t]


def skeleton(name: str | None) -> str:
    """The whole name folded and equivalence-folded, words in the given order."""
    return _skeleton(name) if name else ""


@lru_cache(maxsize=200_000)
def _skeleton(name: str) -> str:
    return " ".join(skeleton_token(t) for t in tokens(name) if t and not t.isdigit())


def stem(skel: str, *, feminine: bool = False) -> str:
    """A skeleton without a Latvian reproduction ending (-S/-IS; with feminine -A/-E)."""
    words = []
    for word in skel.split(" "):
        if len(word) > 3 and word.endswith("IS"):
            word = word[:-1]  # DMITRIIS → DMITRIS … → DMITRI below
        if len(word) > 3 and word.endswith("S"):
            word = word[:-1]
        if feminine and len(word) > 3 and word[-1] in "AE":
            word = word[:-1]
        words.append(word)
    return " ".join(words)


@lru_cache(maxsize=200_000)
def consonant_key(skel: str, size: int = 3) -> str:
    """The first `size` consonants of a skeleton (its first letter when it has none)."""
    letters = [ch for ch in skel if ch.isalpha()]
    cons = [ch for ch in letters if ch not in _VOWELS]
    if not cons:
        return "".join(letters[:1])
    return "".join(cons[:size])


@dataclass(frozen=True, slots=True)
class NameForm:
    """One spelling of a name: its skeleton, its Latvian-ending stem and where it came from.

    kind: ``latin`` (as written), ``translit`` (re-transliterated from native script),
    ``latvian`` (Latvian reproduction), ``previous`` (previous surname / name at birth),
    ``alias`` (other identity).
    """

    skel: str
    stem: str
    kind: str
    folded: str = ""


def name_forms(name: str | None, kind: str = "latin") -> list[NameForm]:
    """The spellings to compare for one written name (Cyrillic gives every system)."""
    if not name or not name.strip():
        return []
    return list(_name_forms(name, kind))


@lru_cache(maxsize=200_000)  # names repeat: a registry holds many IVANOVs
def _name_forms(name: str, kind: str) -> tuple[NameForm, ...]:
    out: dict[str, NameForm] = {}
    texts: list[tuple[str, str]] = [(name, kind)]
    if has_cyrillic(name):
        keep = kind in ("previous", "alias")
        texts = [
            (latin, kind if keep else "latvian" if system == "latvian" else "translit")
            for system, latin in variants(name).items()
        ]
    for text, k in texts:
        skel = skeleton(text)
        if not skel:
            continue
        st = stem(skel, feminine=k == "latvian")
        out.setdefault(skel, NameForm(skel, st, k, " ".join(tokens(text))))
    return tuple(out.values())


def split_full_name(full: str | None) -> tuple[str | None, str | None]:
    """'Jūlija Ščeglova' → ('Jūlija', 'Ščeglova'): the last word is the surname."""
    if not full or not full.strip():
        return None, None
    parts = full.split()
    if len(parts) == 1:
        return None, parts[0]
    return " ".join(parts[:-1]), parts[-1]


def jaro_winkler(a: str, b: str) -> float:
    """Jaro–Winkler similarity 0..1 (prefix scale 0.1, prefix up to 4)."""
    if a == b:
        return 1.0
    la, lb = len(a), len(b)
    if not la or not lb:
        return 0.0
    window = max(la, lb) // 2 - 1
    window = max(window, 0)
    a_hit = [False] * la
    b_hit = [False] * lb
    matches = 0
    for i, ch in enumerate(a):
        lo = max(0, i - window)
        hi = min(lb, i + window + 1)
        for j in range(lo, hi):
            if not b_hit[j] and b[j] == ch:
                a_hit[i] = b_hit[j] = True
                matches += 1
                break
    if not matches:
        return 0.0
    transpositions = 0
    j = 0
    for i in range(la):
        if a_hit[i]:
            while not b_hit[j]:
                j += 1
            if a[i] != b[j]:
                transpositions += 1
            j += 1
    m = float(matches)
    jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3
    prefix = 0
    for x, y in zip(a[:4], b[:4], strict=False):
        if x != y:
            break
        prefix += 1
    return jaro + prefix * 0.1 * (1 - jaro)


def edit_distance_at_most_one(a: str, b: str) -> bool:
    """True when b is a with one letter changed, added, dropped or two neighbours swapped."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]
