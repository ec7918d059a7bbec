"""API tokens for staff: created on a page, shown once, stored only as a digest, expiring (django-rest-knox)."""

from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from knox.models import AuthToken

from labor_portal.core.accounts import local_time_label


@transaction.atomic
def api_token_create(*, user) -> tuple[AuthToken, str]:
    """A new token for `user` and its only plain-text copy; the user's expired tokens are removed on the way."""
    AuthToken.objects.filter(user=user, expiry__lt=timezone.now()).delete()
    return AuthToken.objects.create(user=user)


def api_token_revoke(*, user, token_key: str) -> int:
    return AuthToken.objects.filter(user=user, token_key=token_key).delete()[0]


def _active_tokens(user) -> list[dict]:
    tokens = AuthToken.objects.filter(user=user, expiry__gte=timezone.now()).order_by("-created")
    return [
        {"token_key": token.token_key, "created": local_time_label(token.created),
         "expiry": local_time_label(token.expiry)}
        for token in tokens
    ]


@never_cache  # the one response that carries a new token must not be kept by the browser or a proxy
@login_required
def api_tokens(request):
    """List the clerk's own tokens; create one (shown on this response only) or revoke one."""
    if not request.user.is_staff:
        raise PermissionDenied
    new_token = None
    if request.method == "POST" and "revoke" in request.POST:
        api_token_revoke(user=request.user, token_key=request.POST["revoke"])
        return redirect("api-tokens")
    if request.method == "POST" and "create" in request.POST:
        instance, value = api_token_create(user=request.user)
        new_token = {"value": value, "expiry": local_time_label(instance.expiry)}
    return render(request, "registration/api_tokens.html", {"tokens": _active_tokens(request.user), "new_token": new_token})


class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are listed and revoked in the admin, never created there.

    knox's own admin lets the expiry be left empty (a token that never expires) and passes the new token through
    the messages framework, that is a cookie; the staff page above does neither.
    """

    list_display = ("token_key", "user", "created", "expiry")
    search_fields = ("user__username",)
    date_hierarchy = "created"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def register_token_admin(site) -> None:
    if site.is_registered(AuthToken):
        site.unregister(AuthToken)
    site.register(AuthToken, ApiTokenAdmin)
