"""Who may read and write what (domain.md §6).

Kept in the core so that the server enforces it and the desktop greys out the same
commands. Institution rules (a VRS official cannot sign a PMLP decision; only PMLP
enters bans decided by ministers) are checked on the record as well as the role.
"""

from __future__ import annotations

from collections.abc import Iterable

from registry_core.messages import register
from registry_core.records.enums import BanDecisionMaker, Institution, Role

register(
    {
        "perm.read": (
            "Jums nav tiesību skatīt šos datus.",
            "You are not allowed to see this data.",
        ),
        "perm.write": (
            "Jums nav tiesību mainīt šos datus.",
            "You are not allowed to change this data.",
        ),
        "perm.sign": (
            "Lēmumu var parakstīt tikai pilnvarota amatpersona no lēmuma iestādes.",
            "Only an authorised official of the deciding institution may sign this decision.",
        ),
        "perm.institution": (
            "Šo darbību drīkst veikt tikai {institution}.",
            "Only {institution} may do this.",
        ),
        "perm.ministerial_ban": (
            "Ministru un ĀM lēmumus par ieceļošanas aizliegumu ievada tikai PMLP.",
            "Only PMLP enters entry bans decided by ministers or the Foreign Ministry.",
        ),
        "perm.purpose_required": (
            "Norādiet datu pieprasījuma mērķi (galvene X-Purpose).",
            "Give the purpose of the request (X-Purpose header).",
        ),
    }
)

_CASEWORK = frozenset(
    {
        Role.VRS_OFFICER,
        Role.VRS_DECISION_OFFICIAL,
        Role.VRS_REMOVAL_OFFICER,
        Role.DETENTION_STAFF,
        Role.PMLP_OFFICER,
        Role.PMLP_DECISION_OFFICIAL,
        Role.BAN_LIST_ADMIN,
        Role.TRAINER,
    }
)
_DECISION_OFFICIALS = frozenset(
    {Role.VRS_DECISION_OFFICIAL, Role.PMLP_DECISION_OFFICIAL, Role.TRAINER}
)

WRITE: dict[str, frozenset[Role]] = {
    "persons": _CASEWORK,
    "documents": _CASEWORK,
    "addresses": _CASEWORK,
    "cases": _CASEWORK - {Role.DETENTION_STAFF},
    "detentions": frozenset(
        {Role.VRS_OFFICER, Role.VRS_DECISION_OFFICIAL, Role.DETENTION_STAFF, Role.TRAINER}
    ),
    "decisions": frozenset(
        {
            Role.VRS_OFFICER,
            Role.VRS_DECISION_OFFICIAL,
            Role.PMLP_OFFICER,
            Role.PMLP_DECISION_OFFICIAL,
            Role.TRAINER,
        }
    ),
    "entry-bans": frozenset(
        {
            Role.VRS_DECISION_OFFICIAL,
            Role.PMLP_DECISION_OFFICIAL,
            Role.BAN_LIST_ADMIN,
            Role.TRAINER,
        }
    ),
    "appeals": frozenset(
        {
            Role.VRS_OFFICER,
            Role.VRS_DECISION_OFFICIAL,
            Role.PMLP_OFFICER,
            Role.PMLP_DECISION_OFFICIAL,
            Role.TRAINER,
        }
    ),
    "departures": frozenset(
        {Role.VRS_OFFICER, Role.VRS_REMOVAL_OFFICER, Role.VRS_DECISION_OFFICIAL, Role.TRAINER}
    ),
    "sis-alerts": frozenset(
        {
            Role.VRS_OFFICER,
            Role.VRS_DECISION_OFFICIAL,
            Role.PMLP_OFFICER,
            Role.PMLP_DECISION_OFFICIAL,
            Role.BAN_LIST_ADMIN,
            Role.TRAINER,
        }
    ),
    "tasks": _CASEWORK,
    # Anyone who may read a person may print it, and every print is logged.
    "print-jobs": _CASEWORK | {Role.READ_ONLY},
    "discarded-ops": _CASEWORK,
}

_READ_ALL = _CASEWORK
READ: dict[str, frozenset[Role]] = dict.fromkeys(WRITE, _READ_ALL)
# A read-only consumer (State Police, SSS, consular, SIRENE) sees the person and bans.
for _name in ("persons", "documents", "entry-bans"):
    READ[_name] = READ[_name] | {Role.READ_ONLY}
# The print log is the administrators' to review; it does not flow to every officer's cache.
READ["print-jobs"] = frozenset({Role.ADMINISTRATOR})
READ["discarded-ops"] = frozenset({Role.ADMINISTRATOR})

MINISTERIAL_BAN_MAKERS = frozenset(
    {
        BanDecisionMaker.INTERIOR_MINISTER,
        BanDecisionMaker.FOREIGN_MINISTER,
        BanDecisionMaker.MFA_CONSULAR,
    }
)


def _roles(roles: Iterable[str]) -> set[Role]:
    out: set[Role] = set()
    for role in roles:
        try:
            out.add(Role(role))
        except ValueError:
            continue
    return out


def can_read(roles: Iterable[str], collection: str) -> bool:
    return bool(_roles(roles) & READ.get(collection, frozenset()))


def can_write(roles: Iterable[str], collection: str) -> bool:
    return bool(_roles(roles) & WRITE.get(collection, frozenset()))


def readable_collections(roles: Iterable[str]) -> frozenset[str]:
    have = _roles(roles)
    return frozenset(name for name, allowed in READ.items() if have & allowed)


def can_sign(roles: Iterable[str], user_institution: str, act_institution: str) -> bool:
    """Sign a decision: an authorised official of the deciding institution (trainer anywhere)."""
    have = _roles(roles)
    if Role.TRAINER in have:
        return True
    if user_institution != act_institution:
        return False
    wanted = (
        Role.VRS_DECISION_OFFICIAL
        if act_institution == Institution.VRS
        else Role.PMLP_DECISION_OFFICIAL
    )
    return wanted in have


def can_enter_ministerial_ban(roles: Iterable[str], user_institution: str) -> bool:
    have = _roles(roles)
    return Role.TRAINER in have or (
        user_institution == Institution.PMLP
        and bool(have & {Role.BAN_LIST_ADMIN, Role.PMLP_DECISION_OFFICIAL})
    )


def needs_purpose(roles: Iterable[str]) -> bool:
    """Read-only consumers must state why they read (logged with every read)."""
    have = _roles(roles)
    return have == {Role.READ_ONLY}


def is_admin(roles: Iterable[str]) -> bool:
    return Role.ADMINISTRATOR in _roles(roles)
