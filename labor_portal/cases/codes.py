"""Access codes: the citizen's key to a case. Only a salted hash is stored; the code itself is derived.

A filing's first code is derived from its submission token, so that a repeated submission (double click,
reload) shows the same code again. A re-issued code is derived from the case and the case's
`access_code_generation` counter, so that the outbox can write it into the message when it sends it, and no
code is ever stored in plain text. Raising the counter and storing the new code's hash is what makes every
earlier code stop working.

A case model using these functions has `case_number`, `access_code_hash`, `access_code_generation` and
(for online filings) `submission_token`.
"""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import transaction

from labor_portal.cases.kinds import case_by_number
from labor_portal.cases.outbox import message_queue
from labor_portal.cases.sms import sms_queue
from labor_portal.core.validators import mask_email, mask_phone

# Letters and digits that cannot be misread for one another (no 0/O, 1/I/L).
ACCESS_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
ACCESS_CODE_LENGTH = 12


def _code_from(message: str) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), message.encode(), hashlib.sha256).digest()
    letters = "".join(ACCESS_CODE_ALPHABET[b % len(ACCESS_CODE_ALPHABET)] for b in digest[:ACCESS_CODE_LENGTH])
    return "-".join(letters[i : i + 4] for i in range(0, ACCESS_CODE_LENGTH, 4))


def access_code_for_token(token: str) -> str:
    """The access code of the filing made with `token` (the derivation every existing case's code used)."""
    return _code_from(f"disputes.access-code:{token}")


def access_code_reissued(*, kind: str, case_pk, generation: int) -> str:
    """The code of the `generation`-th re-issue of a case (1, 2, ...)."""
    return _code_from(f"cases.access-code:{kind}:{case_pk}:{generation}")


def access_code_current(*, kind: str, case) -> str | None:
    """The code that opens `case` now, when it can be derived (None for a paper case never re-issued, whose
    random code was shown once to the clerk)."""
    if case.access_code_generation:
        return access_code_reissued(kind=kind, case_pk=case.pk, generation=case.access_code_generation)
    if case.submission_token:
        return access_code_for_token(case.submission_token)
    return None


def access_code_random() -> str:
    """A code for a case filed without a submission token (a paper case entered by a clerk)."""
    return access_code_for_token(secrets.token_urlsafe(32))


def normalize_access_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def access_code_hash(code: str, salt: str | None = None) -> str:
    # A fast salted hash is enough: the code has ~59 random bits and tracking is rate-limited, whereas a
    # slow password hash would cost every filing half a second of CPU.
    salt = salt or secrets.token_hex(8)
    digest = hashlib.sha256(f"{salt}:{normalize_access_code(code)}".encode()).hexdigest()
    return f"sha256${salt}${digest}"


def access_code_matches(case, code: str) -> bool:
    """Whether `code` opens `case`, compared in constant time."""
    try:
        _algorithm, salt, _digest = case.access_code_hash.split("$", 2)
    except ValueError:
        return False
    return hmac.compare_digest(case.access_code_hash, access_code_hash(code, salt))


@transaction.atomic
def access_code_reissue(*, kind: str, case) -> str:
    """Give `case` a new code and make every earlier one stop working; returns the new code.

    The row is locked so that two requests at once give out one generation each, in order.
    """
    manager = type(case)._default_manager
    generation = manager.select_for_update().values_list("access_code_generation", flat=True).get(pk=case.pk) + 1
    code = access_code_reissued(kind=kind, case_pk=case.pk, generation=generation)
    case.access_code_generation, case.access_code_hash = generation, access_code_hash(code)
    manager.filter(pk=case.pk).update(access_code_generation=generation, access_code_hash=case.access_code_hash)
    return code


# --- A lost code ---------------------------------------------------------------------------------


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def contact_masked(contact: str) -> str:
    """a***@example.tw, 0912***678 (as typed: 0912-***-678): the portal's one mask for each (core.validators),
    enough for the citizen to recognise, too little to be personal data."""
    contact = (contact or "").strip()
    return mask_email(contact) if "@" in contact else mask_phone(contact)


def access_code_send_new(*, case_number: str, contact: str) -> bool:
    """If `case_number` exists and `contact` is the e-mail given at filing (or, for a case with a phone only,
    that phone), give the case a new code and send it there; the old code stops working at once. True when
    sent; the caller must not tell the citizen which (see views.lost_code)."""
    kind, case = case_by_number(case_number)
    if case is None:
        return False
    email, phone = kind.contact(case)
    typed = (contact or "").strip()
    if email and typed.casefold() == email.casefold():
        _access_code_reissue_by_email(kind=kind, case=case, email=email)
        return True
    if not email and phone and _digits(phone) and _digits(typed) == _digits(phone):
        _access_code_reissue_by_sms(kind=kind, case=case, phone=phone)
        return True
    return False


@transaction.atomic
def _access_code_reissue_by_email(*, kind, case, email: str) -> None:
    access_code_reissue(kind=kind.letter, case=case)
    # The message holds no code: the template derives the case's current one when it is sent.
    message_queue(case=case, recipient=email, kind="access_code", template="cases/messages/access_code",
                  language=getattr(case, "language", None) or None)


@transaction.atomic
def _access_code_reissue_by_sms(*, kind, case, phone: str) -> None:
    code = access_code_reissue(kind=kind.letter, case=case)
    sms_queue(to=phone, template="cases/messages/access_code_sms.txt", context={"case": case, "access_code": code},
              language=getattr(case, "language", None) or None)
