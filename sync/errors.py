"""What can go wrong in the data layer, in words an officer can act on.

Every error carries its text in Latvian and English (Latvian first) and a stable `code`;
the desktop shows `error.message(lang)` and offers the way forward that the class names
(work offline, log in again, rebuild the cache). Never a traceback.

The texts for the registry's own codes are kept here rather than registered in
`registry_core.messages`: the server registers the same codes with its own wording, and
the catalogue refuses a code registered twice with different text.
"""

from __future__ import annotations

from typing import Any

from registry_core import messages

# code: (latvian, english)
_TEXTS: dict[str, tuple[str, str]] = {
    "net.unreachable": (
        "Reģistrs nav sasniedzams. Varat strādāt bezsaistē ar lokālajiem datiem.",
        "The registry cannot be reached. You can work offline with the local data.",
    ),
    "net.timeout": (
        "Reģistrs neatbildēja laikā. Varat strādāt bezsaistē ar lokālajiem datiem.",
        "The registry did not answer in time. You can work offline with the local data.",
    ),
    "net.tls": (
        "Reģistra sertifikātu nevar pārbaudīt; savienojums netika izveidots. "
        "Sazinieties ar IT atbalstu.",
        "The registry's certificate cannot be verified; no connection was made. "
        "Contact IT support.",
    ),
    "net.gateway": (
        "Reģistrs īslaicīgi nav pieejams (kods {status}). Varat strādāt bezsaistē.",
        "The registry is temporarily unavailable (code {status}). You can work offline.",
    ),
    "net.bad_answer": (
        "Reģistrs atbildēja neparedzētā veidā (kods {status}). Mēģiniet vēlreiz.",
        "The registry gave an unexpected answer (code {status}). Please try again.",
    ),
    "auth.bad_credentials": (
        "Nepareizs lietotājvārds vai parole.",
        "Wrong username or password.",
    ),
    "auth.inactive": ("Lietotāja konts ir bloķēts.", "The user account is disabled."),
    "auth.trainer_only_training": (
        "Mācību konts darbojas tikai mācību vidē.",
        "A trainer account works only on the training server.",
    ),
    "auth.throttled": (
        "Pārāk daudz neveiksmīgu mēģinājumu. Mēģiniet vēlreiz pēc {minutes} min.",
        "Too many failed attempts. Try again in {minutes} min.",
    ),
    "auth.invalid_token": (
        "Sesija ir beigusies vai nav derīga. Piesakieties vēlreiz.",
        "The session has expired or is not valid. Please log in again.",
    ),
    "auth.required": (
        "Nepieciešama pieteikšanās. Piesakieties vēlreiz.",
        "You need to log in. Please log in again.",
    ),
    "offline.bad_credentials": (
        "Nepareiza parole bezsaistes pieteikšanās reizei.",
        "Wrong password for the offline login.",
    ),
    "offline.no_login": (
        "Šajā darbstacijā ar šo kontu vēl nav pieteikts tiešsaistē, tāpēc bezsaistes "
        "darbs nav iespējams. Pieslēdzieties reģistram un piesakieties vienreiz tiešsaistē.",
        "This account has never logged in online on this workstation, so offline work is "
        "not possible. Connect to the registry and log in online once.",
    ),
    "cache.key_missing": (
        "Lokālās kešatmiņas atslēga nav atrodama. Kešatmiņu var izveidot no jauna; "
        "dati tiks ielādēti no reģistra.",
        "The key of the local cache cannot be found. The cache can be rebuilt; "
        "the data will be loaded from the registry again.",
    ),
    "cache.unreadable": (
        "Lokālo kešatmiņu nevar nolasīt (nepareiza atslēga vai bojāts fails). "
        "Kešatmiņu var izveidot no jauna; dati tiks ielādēti no reģistra.",
        "The local cache cannot be read (wrong key or damaged file). The cache can be "
        "rebuilt; the data will be loaded from the registry again.",
    ),
    "cache.too_new": (
        "Lokālo kešatmiņu izveidoja jaunāka programmas versija. Atjauniniet programmu vai "
        "izveidojiet kešatmiņu no jauna.",
        "The local cache was made by a newer version of the program. Update the program or "
        "rebuild the cache.",
    ),
    "api.failed": (
        "Reģistrs atteica pieprasījumu (kods {status}).",
        "The registry refused the request (code {status}).",
    ),
}


def text(code: str, lang: str, **params: Any) -> str:
    """This module's text for `code`, else the shared catalogue's, else the code itself."""
    pair = _TEXTS.get(code)
    if pair is None:
        return messages.text(code, lang, **params)
    template = pair[1] if lang == "en" else pair[0]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def known(code: str) -> bool:
    return code in _TEXTS or messages.known(code)


class SyncError(Exception):
    """Base of every error of the data layer: a code and bilingual text."""

    default_code = "api.failed"

    def __init__(
        self,
        code: str | None = None,
        message_lv: str | None = None,
        message_en: str | None = None,
        **params: Any,
    ) -> None:
        self.code: str = code or self.default_code
        self.params = params
        self.message_lv: str = message_lv or text(self.code, "lv", **params)
        self.message_en: str = message_en or text(self.code, "en", **params)
        super().__init__(f"{self.code}: {self.message_en}")

    def message(self, lang: str) -> str:
        return self.message_en if lang == "en" else self.message_lv


class Unreachable(SyncError):
    """Connection refused or reset, DNS, timeout, TLS, 502/503/504: offer to work offline."""

    default_code = "net.unreachable"


class AuthFailed(SyncError):
    """Wrong credentials, disabled account, trainer outside training, throttled."""

    default_code = "auth.bad_credentials"


class SessionExpired(SyncError):
    """The token is no longer accepted: offer to log in again."""

    default_code = "auth.invalid_token"


class ApiFailure(SyncError):
    """Any other refusal of the registry, with the field errors of its answer."""

    default_code = "api.failed"

    def __init__(
        self,
        code: str | None = None,
        message_lv: str | None = None,
        message_en: str | None = None,
        *,
        status: int = 0,
        fields: dict[str, str] | None = None,
        **params: Any,
    ) -> None:
        self.status = status
        self.fields: dict[str, str] = dict(fields or {})
        super().__init__(code, message_lv, message_en, status=status, **params)


class CacheKeyMissing(SyncError):
    """No cache key in the keyring and none derivable: offer to rebuild the cache."""

    default_code = "cache.key_missing"


class CacheUnreadable(SyncError):
    """Wrong key, corrupt or foreign file: offer to rebuild the cache."""

    default_code = "cache.unreadable"


class NoOfflineLogin(SyncError):
    """This account never logged in online on this workstation."""

    default_code = "offline.no_login"
