"""The kinds of citizen case, each with its letter in the case number (109-D-000123 is a dispute).

A section declares its kind once, in its own `cases.py` (found by CasesConfig.ready):

    case_kind_register(CaseKind(letter="D", section="disputes", model=DisputeCase, title=_("勞資爭議調解"),
                                case_url=..., contact=...))

The model has the fields the kit reads (see labor_portal.cases.codes): `case_number`, `access_code_hash`,
`access_code_generation`, `submission_token`.
"""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from django.db import models

CASE_NUMBER = re.compile(r"^(?P<year>\d{2,3})-(?P<letter>[A-Z])-(?P<number>\d{6})\Z")


@dataclass(frozen=True)
class CaseKind:
    letter: str
    section: str  # the app label; also names the session key of the cases this browser has opened
    model: type[models.Model]
    title: str
    case_url: Callable[[models.Model], str]
    # (e-mail or "", phone or ""): where a re-issued access code goes, the e-mail first.
    contact: Callable[[models.Model], tuple[str, str]]

    @property
    def tracked_session_key(self) -> str:
        return f"{self.section}_tracked_cases"


_KINDS: dict[str, CaseKind] = {}


def case_kind_register(kind: CaseKind) -> CaseKind:
    if len(kind.letter) != 1 or not kind.letter.isupper():
        raise ValueError(f"a case kind's letter is one capital letter, not {kind.letter!r}")
    registered = _KINDS.get(kind.letter)
    if registered is not None and registered.model is not kind.model:
        raise ValueError(f"letter {kind.letter} is already {registered.section}'s")
    _KINDS[kind.letter] = kind
    return kind


def case_kind_unregister(letter: str) -> None:
    """For tests that register a kind of their own."""
    _KINDS.pop(letter, None)


def case_kind(letter: str) -> CaseKind | None:
    return _KINDS.get(letter)


def case_kind_for_model(model) -> CaseKind:
    """The kind of a case model (or instance)."""
    model = model if isinstance(model, type) else type(model)
    for kind in _KINDS.values():
        if issubclass(model, kind.model):
            return kind
    raise LookupError(f"{model.__name__} is not a registered kind of case")


def case_kind_for_number(case_number: str) -> CaseKind | None:
    """The kind a case number's letter names; None for a malformed number or an unknown letter."""
    match = CASE_NUMBER.match(normalize_case_number(case_number))
    return case_kind(match["letter"]) if match else None


def normalize_case_number(case_number: str) -> str:
    # Full-width digits and dashes typed on a phone keyboard, spaces around: the number as it is stored.
    text = unicodedata.normalize("NFKC", case_number or "").strip().upper()
    return re.sub(r"[\u2010-\u2015\u2212]", "-", text)


def case_by_number(case_number: str) -> tuple[CaseKind, models.Model] | tuple[None, None]:
    """(kind, case) for the case with that number, of whichever kind its letter says; (None, None) if none."""
    kind = case_kind_for_number(case_number)
    if kind is None:
        return None, None
    case = kind.model._default_manager.filter(case_number=normalize_case_number(case_number)).first()
    return (kind, case) if case is not None else (None, None)


def case_sections() -> set[str]:
    """The sections that take citizens' cases (so /track/ has something to find)."""
    return {kind.section for kind in _KINDS.values()}
