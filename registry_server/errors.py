"""One error shape for every answer: {"error", "message", "fields"}, in Latvian or English."""

from __future__ import annotations

import logging
from typing import Any

import psycopg
import sqlalchemy.exc
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from registry_core.messages import pick_language, register, text

log = logging.getLogger(__name__)

register(
    {
        "auth.required": ("Nepieciešama pieteikšanās.", "You need to log in."),
        "auth.invalid_token": (
            "Sesija ir beigusies vai nav derīga. Piesakieties vēlreiz.",
            "The session has expired or is not valid. Please log in again.",
        ),
        "auth.bad_credentials": (
            "Nepareizs lietotājvārds vai parole.",
            "Wrong username or password.",
        ),
        "auth.throttled": (
            "Pārāk daudz neveiksmīgu mēģinājumu. Mēģiniet vēlreiz pēc {minutes} min.",
            "Too many failed attempts. Try again in {minutes} min.",
        ),
        "auth.trainer_only_training": (
            "Mācību konts darbojas tikai mācību vidē.",
            "A trainer account works only on the training server.",
        ),
        "auth.inactive": ("Lietotāja konts ir bloķēts.", "The user account is disabled."),
        "request.invalid": ("Pieprasījumā ir kļūdas.", "The request has errors."),
        "request.unstorable": (
            "Pieprasījumā ir vērtība, ko reģistrs nevar saglabāt vai meklēt "
            "(piemēram, vadības rakstzīme NUL).",
            "The request holds a value the registry cannot store or search for "
            "(for example the control character NUL).",
        ),
        "request.too_large": (
            "Pārāk daudz ierakstu vienā pieprasījumā (ne vairāk kā {limit}).",
            "Too many items in one request (at most {limit}).",
        ),
        "not_found": ("Ieraksts nav atrasts.", "Record not found."),
        "collection.unknown": ("Nezināma ierakstu kolekcija.", "Unknown record collection."),
        "reference.unknown_list": ("Nezināms klasifikators.", "Unknown reference list."),
        "http.error": ("Pieprasījumu nevar izpildīt.", "The request cannot be served."),
        "server.error": (
            "Reģistrā radās iekšēja kļūda. Jūsu dati nav zaudēti; mēģiniet vēlreiz.",
            "The registry had an internal error. Your data is not lost; please try again.",
        ),
    }
)


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        *,
        fields: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        **params: Any,
    ) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.fields = fields or {}
        self.headers = headers
        self.params = params


def language(request: Request) -> str:
    return pick_language(request.headers.get("accept-language"))


def error_body(
    code: str, lang: str, fields: dict[str, str] | None = None, **params: Any
) -> dict[str, Any]:
    return {"error": code, "message": text(code, lang, **params), "fields": fields or {}}


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(
            error_body(exc.code, language(request), exc.fields, **exc.params),
            status_code=exc.status,
            headers=exc.headers,
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        lang = language(request)
        fields: dict[str, str] = {}
        for err in exc.errors():
            loc = [
                str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path", "header")
            ]
            code = str(err.get("type", "invalid"))
            ctx = {k: v for k, v in (err.get("ctx") or {}).items() if k != "error"}
            msg = text(code, lang, **ctx) if text(code, lang) != code else str(err.get("msg"))
            fields.setdefault(".".join(loc) or "__root__", msg)
        return JSONResponse(error_body("request.invalid", lang, fields), status_code=422)

    # The last line of defence: a value that reached the database and that it refused as
    # data (SQLSTATE class 22, or psycopg's own NUL check) is bad input, not a server
    # fault. Validation should have caught it with a field message first.
    async def _data_error(request: Request, exc: Exception) -> JSONResponse:
        log.warning("value refused by the database on %s: %s", request.url.path, exc)
        return JSONResponse(
            error_body("request.unstorable", language(request)),
            status_code=422,
        )

    app.add_exception_handler(psycopg.DataError, _data_error)
    app.add_exception_handler(sqlalchemy.exc.DataError, _data_error)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = "not_found" if exc.status_code == 404 else "http.error"
        return JSONResponse(
            error_body(code, language(request)), status_code=exc.status_code, headers=exc.headers
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        return JSONResponse(error_body("server.error", language(request)), status_code=500)
