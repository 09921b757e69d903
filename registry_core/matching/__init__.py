"""Person matching: one person, one record (domain.md §8.3–8.4).

    prepare(person_record, documents)  → Prepared (features, made once)
    score_pair(a, b)                   → MatchResult(score 0..1, points, reasons)
    BlockingIndex().upsert(p); .lookup(q) → ranked candidates; .pairs() → duplicates

Pure Python; no database. The registry (`registry_server.matching`) and the batch tool
(`registry-server dedupe`) build on it.
"""

from registry_core.matching.dates import Dob, DobAgreement, compare_dob, parse_dob
from registry_core.matching.index import BlockingIndex, blocking_keys
from registry_core.matching.normalize import (
    NameForm,
    consonant_key,
    jaro_winkler,
    name_forms,
    skeleton,
    skeleton_token,
    stem,
)
from registry_core.matching.scorer import (
    MATCH_THRESHOLD,
    MatchResult,
    Prepared,
    Reason,
    compare_names,
    prepare,
    score_pair,
)
from registry_core.matching.translit import SYSTEMS, transliterate, variants

__all__ = [
    "MATCH_THRESHOLD",
    "SYSTEMS",
    "BlockingIndex",
    "Dob",
    "DobAgreement",
    "MatchResult",
    "NameForm",
    "Prepared",
    "Reason",
    "blocking_keys",
    "compare_dob",
    "compare_names",
    "consonant_key",
    "jaro_winkler",
    "name_forms",
    "parse_dob",
    "prepare",
    "score_pair",
    "skeleton",
    "skeleton_token",
    "stem",
    "transliterate",
    "variants",
]
