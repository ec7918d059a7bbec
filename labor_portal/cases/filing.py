"""The filing path every citizen-facing section shares: one view class a section's form page subclasses.

    class ComplaintFilingView(CitizenFilingView):
        section = "employment"                      # names its cookies, session keys and rate-limit group
        template_name = "employment/complaint.html"
        filed_url_name = "employment:filed"
        def get_forms(self, data=None, files=None, token=None): return (ComplaintForm(...),)
        def file(self, forms): return filed_case, access_code   # the section's service

What it does for every section: drops honeypot hits; files only with a submission token this browser was
given (a repeated submission is one case, and a token seen elsewhere cannot be replayed to obtain someone
else's case); limits POSTs per IP; with the database gone, says nothing was filed and keeps what was typed;
post/redirect/get to a result page that shows the access code once, in this browser only.
"""

import logging
import secrets
from importlib import import_module

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import DatabaseError, InterfaceError
from django.shortcuts import redirect, render
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.decorators import classonlymethod
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from labor_portal.core.ratelimit import per_ip_limit

logger = logging.getLogger(__name__)

# What a lost or unreachable database raises (OperationalError is a DatabaseError; InterfaceError is not).
DATABASE_DOWN = (DatabaseError, InterfaceError)
# Long enough to read, print or copy the access code; short enough that a shared computer does not keep it.
FILED_MAX_AGE = 10 * 60


# --- Submission tokens ---------------------------------------------------------------------------


# A random id of the citizen's browser, in an HttpOnly cookie. Submission tokens and the result page are bound
# to it by an HMAC rather than kept in the database session: opening the form then costs no session write (a
# third of a filing's database work), and a token or result cookie copied elsewhere is still worth nothing.
BROWSER_COOKIE = "citizen_browser"
_NONCE_LENGTH = 20


def _browser(request) -> str:
    browser = request.COOKIES.get(BROWSER_COOKIE) or getattr(request, "_citizen_browser_new", None)
    if not browser:
        # Set on the response by CitizenFilingView.dispatch.
        browser = request._citizen_browser_new = secrets.token_urlsafe(24)
    return browser


def _token_mac(request, nonce: str, section: str) -> str:
    return salted_hmac(f"{section}.submission-token", nonce + _browser(request)).hexdigest()[:32]


def submission_token_issue(request, *, section: str) -> str:
    """A one-form token (nonce + HMAC of nonce and browser): only this browser can file with it."""
    nonce = secrets.token_urlsafe(16)[:_NONCE_LENGTH]
    return nonce + _token_mac(request, nonce, section)


def submission_token_is_ours(request, token: str, *, section: str) -> bool:
    if len(token or "") != _NONCE_LENGTH + 32 or not request.COOKIES.get(BROWSER_COOKIE):
        return False
    return constant_time_compare(token[_NONCE_LENGTH:], _token_mac(request, token[:_NONCE_LENGTH], section))


# --- The result page's cookie --------------------------------------------------------------------


def filed_cookie_name(section: str) -> str:
    return f"{section}_filed"


def _browser_fingerprint(request, section: str) -> str:
    return salted_hmac(f"{section}.filed-browser", request.COOKIES.get(BROWSER_COOKIE, "")).hexdigest()


def filed_cookie_set(response, request, *, section: str, case_pk, access_code: str) -> None:
    """The access code travels to the result page in a signed, short-lived cookie, since only its hash is
    stored; the cookie is good in this browser only."""
    payload = {"case": str(case_pk), "code": access_code, "session": _browser_fingerprint(request, section)}
    response.set_cookie(
        filed_cookie_name(section), signing.dumps(payload, salt=f"{section}.filed"),
        max_age=FILED_MAX_AGE, httponly=True, samesite="Lax", secure=request.is_secure(),
    )


def filed_cookie_read(request, *, section: str) -> dict | None:
    """{"case": pk, "code": access code} for the browser that filed, within FILED_MAX_AGE; None otherwise."""
    try:
        payload = signing.loads(
            request.COOKIES.get(filed_cookie_name(section), ""), salt=f"{section}.filed", max_age=FILED_MAX_AGE
        )
    except signing.BadSignature:
        return None
    # A copied cookie shows nothing in another browser: the access code is for the one that filed.
    if not request.COOKIES.get(BROWSER_COOKIE) or not constant_time_compare(
        payload.get("session", ""), _browser_fingerprint(request, section)
    ):
        return None
    return payload


# --- Without a database --------------------------------------------------------------------------


def as_visitor_without_database(request) -> None:
    """With the database gone the page must still render, as for an anonymous visitor if the session or the
    user cannot be read. Nothing is written: SessionMiddleware does not save a session on a 5xx response."""
    request.session.modified = False
    try:
        request.user.is_authenticated  # noqa: B018 - loads the session and the user from the database
    except DATABASE_DOWN:
        request.user = AnonymousUser()
        request.session = import_module(settings.SESSION_ENGINE).SessionStore()


# --- The view ------------------------------------------------------------------------------------


class CitizenFilingView(View):
    section: str
    template_name: str
    filed_url_name: str
    rejected_template_name = "cases/rejected.html"
    # POSTs per IP (settings.RATE_LIMITS["<section>.apply"] overrides it).
    rate_limit = "10/10m"
    http_method_names = ["get", "post", "head"]

    @classonlymethod
    def as_view(cls, **initkwargs):
        view = per_ip_limit(f"{cls.section}.apply", cls.rate_limit)(super().as_view(**initkwargs))
        return never_cache(view)

    # The section's part.

    def get_forms(self, data=None, files=None, token=None) -> tuple:
        """The page's forms and formsets, the CitizenFilingForm first."""
        raise NotImplementedError

    def file(self, forms) -> tuple[object, str]:
        """File the valid forms once (one transaction); returns (case, access code). A ValidationError raised
        here is shown on the form."""
        raise NotImplementedError

    def get_context_data(self, forms) -> dict:
        return {"form": forms[0], "forms": forms}

    # The kit's part.

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        # The browser's id, when this request gave it one (see BROWSER_COOKIE).
        if new := getattr(request, "_citizen_browser_new", None):
            response.set_cookie(BROWSER_COOKIE, new, httponly=True, samesite="Lax", secure=request.is_secure())
        return response

    def get(self, request, *args, **kwargs):
        try:
            return self.render_page(self.get_forms(token=submission_token_issue(request, section=self.section)))
        except DATABASE_DOWN:
            return self.database_down(self.get_forms())

    def post(self, request, *args, **kwargs):
        forms = self.get_forms(request.POST, request.FILES)
        try:
            return self._post(forms)
        except DATABASE_DOWN:
            return self.database_down(forms)

    def _post(self, forms):
        request = self.request
        if forms[0].is_spam():
            logger.info("honeypot filled in; %s filing dropped", self.section)
            return render(request, self.rejected_template_name, status=400)
        if not submission_token_is_ours(request, request.POST.get("submission_token", ""), section=self.section):
            # Not a form this browser was given (another browser's token, or a browser cookie that was cleared): never
            # file with it, and give a fresh token so that the citizen can send the same data again.
            data = request.POST.copy()
            data["submission_token"] = submission_token_issue(request, section=self.section)
            forms = self.get_forms(data, request.FILES)
            for each in forms:
                each.is_valid()  # so that the page shows every other error at once too
            forms[0].add_error(None, _("表單已失效，請檢查資料後再送出一次。"))
            return self.render_page(forms, status=400)
        valid = [each.is_valid() for each in forms]  # every form validates, so that every error shows at once
        if all(valid):
            try:
                case, access_code = self.file(forms)
            except ValidationError as exc:
                forms[0].add_error(None, exc)
            else:
                # Post/redirect/get: reloading the result page never sends the form again.
                response = redirect(self.filed_url_name)
                filed_cookie_set(response, request, section=self.section, case_pk=case.pk, access_code=access_code)
                return response
        return self.render_page(forms, status=400)

    def database_down(self, forms):
        # Nothing was filed (the filing is one transaction): say so and keep what the citizen typed.
        logger.exception("database unavailable; %s filing not filed", self.section)
        as_visitor_without_database(self.request)
        return self.render_page(forms, status=503, unavailable=True)

    def render_page(self, forms, status=200, unavailable=False):
        return render(self.request, self.template_name, {
            **self.get_context_data(forms),
            "unavailable": unavailable,
            # A file input cannot be refilled: a page sent back after files were chosen says they must be again.
            "attachments_dropped": bool(self.request.FILES),
        }, status=status)
