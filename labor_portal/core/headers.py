"""Response headers every page gets: what browser features it may use, and which pages no cache may keep.

The Content-Security-Policy itself comes from django-csp (settings.CONTENT_SECURITY_POLICY).
"""

from django.conf import settings
from django.db import DatabaseError
from django.utils.cache import add_never_cache_headers

# The portal uses none of these; a page (or a script injected into it) cannot ask for them.
DISABLED_FEATURES = (
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "usb",
    "browsing-topics",
)
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DISABLED_FEATURES)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def shows_personal_data(request) -> bool:
    """Whether this response may carry personal data, so that no browser or proxy cache may keep it.

    Every page a logged-in user sees may (case records, names, national IDs), and a shared office PC's
    disk cache and back button outlive the logout. Token-authenticated API requests count too: DRF puts
    its user on the Django request. Anonymous citizens see their own case under the configured prefixes
    (filing, the filed page with the access code, the case page, attachments).
    """
    if request.path_info.startswith(tuple(settings.NO_STORE_PATH_PREFIXES)):
        return True
    user = getattr(request, "user", None)
    try:
        return user is not None and user.is_authenticated
    except DatabaseError:
        # The session could not be read (database restarting): assume the worst, never fail the page.
        return True


class NoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # An error page is never cached either; and during a database outage, asking whether the session's
        # user is logged in would fail all over again.
        if response.status_code >= 500 or shows_personal_data(request):
            add_never_cache_headers(response)
        return response
