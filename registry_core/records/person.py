"""Person, identity document and address (domain.md §4.1–4.3)."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

from pydantic import Field, StringConstraints, model_validator

from registry_core.identifiers.personal_code import LatvianPersonalCode
from registry_core.messages import DomainError, register
from registry_core.records.base import (
    Code,
    CountryCode,
    DocumentNumber,
    PartialDate,
    Record,
    Strict,
    Text,
    ref_field,
)
from registry_core.records.enums import AddressType, DocumentStatus, NationalityType, Sex

register(
    {
        "person.nationality_required": (
            "Norādiet vismaz vienu pilsonību (vai “nezināma”).",
            "Give at least one nationality (or “unknown”).",
        ),
        "person.guardian_required": (
            "Nepavadītam nepilngadīgajam jānorāda aizbildnis vai pārstāvis.",
            "An unaccompanied minor needs a guardian or representative.",
        ),
        "person.foreign_id_country": (
            "Ārvalsts identifikācijas numuram jānorāda izdevēja valsts.",
            "A foreign identity number needs its issuing country.",
        ),
        "document.validity_order": (
            "Derīguma termiņš nevar būt pirms izdošanas datuma.",
            "Valid-until cannot be before the issue date.",
        ),
        "address.lv_fields": (
            "Latvijas adresei jānorāda vismaz pilsēta vai novads un iela vai mājas nosaukums.",
            "A Latvian address needs at least a city or municipality and a street or house name.",
        ),
        "address.abroad_fields": (
            "Ārvalsts adresei jānorāda valsts un adreses teksts.",
            "An address abroad needs a country and the address text.",
        ),
    }
)

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class Nationality(Strict):
    country: CountryCode = ref_field("country")
    type: NationalityType = Field(
        default=NationalityType.CITIZEN, json_schema_extra={"ref": "nationality_type"}
    )


class OtherIdentity(Strict):
    """Another identity under which the person is known (Reg. 122 5.1.4)."""

    given_names: Name | None = None
    surname: Name
    date_of_birth: PartialDate | None = None
    nationality: CountryCode | None = ref_field("country", default=None)
    source: Text | None = None
    person_id: UUID | None = None  # set when the identity is linked to another record


class Person(Record):
    given_names_latin: Name
    surname_latin: Name
    patronymic: Name | None = None
    given_names_native: Name | None = None
    surname_native: Name | None = None
    name_reproduction_lv: Name | None = None
    names_at_birth: list[Name] = Field(default_factory=list)
    previous_surnames: list[Name] = Field(default_factory=list)
    other_identities: list[OtherIdentity] = Field(default_factory=list)
    sex: Sex = ref_field("sex")
    # Required, but checked in `_rules` so the officer reads "give at least one nationality".
    nationalities: list[Nationality] = Field(default_factory=list)
    ethnicity: Text | None = None
    country_of_birth: CountryCode | None = ref_field("country", default=None)
    place_of_birth: Text | None = None
    date_of_birth: PartialDate
    personal_code: LatvianPersonalCode | None = None
    foreign_id_number: Annotated[str, StringConstraints(max_length=40)] | None = None
    foreign_id_country: CountryCode | None = ref_field("country", default=None)
    marital_status: Code | None = ref_field("marital_status", default=None)
    special_features: Text | None = None
    photo_ref: Text | None = None
    fingerprint_ref: Text | None = None
    warning_flags: list[Code] = ref_field("warning_flag", default_factory=list)
    vulnerabilities: list[Code] = ref_field("vulnerability", default_factory=list)
    unaccompanied_minor: bool = False
    guardian: Text | None = None
    languages: list[Code] = ref_field("language", default_factory=list)
    merged_into: UUID | None = None  # tombstone pointer after a merge

    @model_validator(mode="after")
    def _rules(self) -> Person:
        if not self.nationalities:
            raise DomainError("person.nationality_required", field="nationalities")
        if self.unaccompanied_minor and not self.guardian:
            raise DomainError("person.guardian_required", field="guardian")
        if self.foreign_id_number and not self.foreign_id_country:
            raise DomainError("person.foreign_id_country", field="foreign_id_country")
        return self


class IdentityDocument(Record):
    person_id: UUID
    doc_type: Code = ref_field("document_type")
    series_and_number: DocumentNumber
    issue_date: date | None = None
    valid_until: date | None = None
    issuing_state: CountryCode = ref_field("country")
    issuing_authority: Text | None = None
    mrz_raw: Annotated[str, StringConstraints(max_length=200)] | None = None
    doc_status: DocumentStatus | None = ref_field("document_status", default=None)
    scan_ref: Text | None = None

    @model_validator(mode="after")
    def _dates(self) -> IdentityDocument:
        if self.issue_date and self.valid_until and self.valid_until < self.issue_date:
            raise DomainError("document.validity_order", field="valid_until")
        return self


class Address(Record):
    person_id: UUID
    address_type: AddressType
    # Latvian structured address (State Address Register components)
    city: Text | None = None
    municipality: Text | None = None
    parish: Text | None = None
    village: Text | None = None
    street: Text | None = None
    house: Text | None = None
    building: Text | None = None
    flat: Text | None = None
    postcode: Annotated[str, StringConstraints(pattern=r"^(LV-?)?\d{4}$")] | None = None
    # Abroad
    address_text: Annotated[str, StringConstraints(max_length=1000)] | None = None
    country: CountryCode | None = ref_field("country", default=None)
    valid_from: date | None = None
    valid_to: date | None = None
    source: Text | None = None

    @model_validator(mode="after")
    def _shape(self) -> Address:
        if self.address_type == AddressType.LATVIA:
            if not (self.city or self.municipality) or not (self.street or self.house):
                raise DomainError("address.lv_fields", field="city")
        elif not (self.country and self.address_text):
            raise DomainError("address.abroad_fields", field="address_text")
        return self
