"""Sessions that end after SESSION_COOKIE_AGE (8 hours) without a request, not 8 hours after login."""

import time

from django.db import DatabaseError

REFRESHED_AT = "_refreshed_at"
# The end is pushed on at most once a minute: SESSION_SAVE_EVERY_REQUEST would write the session row on every
# request a clerk makes, for an end that moves by seconds.
REFRESH_EVERY_SECONDS = 60


def stamp_session_at_login(sender, request, user, **kwargs):
    """Logging in saves the session anyway; noting when spares the next minute's requests another write."""
    request.session[REFRESHED_AT] = int(time.time())


class IdleSessionMiddleware:
    """Marks an active session modified so that SessionMiddleware saves it with a new end (and cookie max-age).

    Listed after SessionMiddleware, so that this runs before it saves the session on the way out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # A request that never looked at the session (a static file, a health check) is no sign of activity.
        if session is None or not session.accessed or response.status_code >= 500:
            return response
        try:
            if session.is_empty():
                return response
            now = int(time.time())
            if now - session.get(REFRESHED_AT, 0) >= REFRESH_EVERY_SECONDS:
                session[REFRESHED_AT] = now
        except DatabaseError:
            # The session store is down (PostgreSQL restarting): the page the visitor gets matters more.
            pass
        return response
