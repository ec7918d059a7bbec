"""Staff accounts: the lockout page, password reset by e-mail, and the API documentation gate."""

from functools import wraps

from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.views import redirect_to_login
from django.db.models import Max
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.translation import get_language
from rest_framework.permissions import BasePermission

from labor_portal.core.clientip import client_ip
from labor_portal.core.ratelimit import per_ip_limit
from labor_portal.core.roc import roc_date


def _lockout_ends(request, credentials):
    """When this username may try again from this address: the last failure plus the cool-off.

    Attempts made while locked are not recorded by axes, so the end does not move while the clerk waits.
    """
    attempts = AccessAttempt.objects.filter(
        username=get_client_username(request, credentials),
        ip_address=getattr(request, "axes_ip_address", None) or client_ip(request),
    )
    last_failure = attempts.aggregate(last=Max("attempt_time"))["last"] or timezone.now()
    return last_failure + get_cool_off(request)


def local_time_label(moment) -> str:
    """民國115年3月2日 14:35 in Chinese, 2 March 2026, 14:35 in English; both in the portal's time zone."""
    local = timezone.localtime(moment)
    if (get_language() or "").startswith("zh"):
        return f"民國{roc_date(local)} {local:%H:%M}"
    return date_format(local, "j F Y, H:i")


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' AXES_LOCKOUT_CALLABLE: say until when, and whom to call."""
    context = {
        "locked_until": local_time_label(_lockout_ends(request, credentials)),
        "cooloff_minutes": int(get_cool_off(request).total_seconds() // 60),
        "helpdesk": settings.STAFF_HELPDESK,
        "reset_url": reverse("password_reset"),
    }
    return render(request, "registration/locked_out.html", context, status=429)


class StaffPasswordResetForm(PasswordResetForm):
    """Only staff accounts can be reset by e-mail; citizens have no accounts to reset."""

    def get_users(self, email):
        return (user for user in super().get_users(email) if user.is_staff)


class HelpdeskContextMixin:
    """Read at each request, so that STAFF_HELPDESK can change without a code change."""

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "helpdesk": settings.STAFF_HELPDESK}


# The same page follows whether or not the address belongs to an account (Django's view redirects either
# way); the limit keeps the form from being used to flood a mailbox or to probe addresses in bulk.
@method_decorator(per_ip_limit("accounts.password_reset", "5/h"), name="dispatch")
class StaffPasswordResetView(HelpdeskContextMixin, auth_views.PasswordResetView):
    form_class = StaffPasswordResetForm


class StaffPasswordResetDoneView(HelpdeskContextMixin, auth_views.PasswordResetDoneView):
    pass


class StaffPasswordResetConfirmView(HelpdeskContextMixin, auth_views.PasswordResetConfirmView):
    def form_valid(self, form):
        # A clerk who was locked out and reset the password may log in with the new one at once.
        response = super().form_valid(form)
        axes_reset(username=form.user.get_username())
        return response


class IsAuthenticatedUnlessDebug(BasePermission):
    """The API schema is public while developing, for signed-in users (session or token) in production."""

    def has_permission(self, request, view):
        return settings.DEBUG or bool(request.user and request.user.is_authenticated)


def login_required_unless_debug(view):
    """The API documentation page: public while developing, behind the staff login in production."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if settings.DEBUG or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        return redirect_to_login(request.get_full_path())

    return wrapped
