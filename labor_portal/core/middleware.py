"""Refuse a request body too large for any form of the portal before a byte of it is read."""

from django.conf import settings
from django.shortcuts import render


class RequestSizeLimitMiddleware:
    """413 when Content-Length exceeds settings.MAX_REQUEST_BYTES, answered from the headers alone.

    Django reads (and spools to disk) a whole multipart body before any form can refuse it, so a 200 MB upload
    cost its full transfer and disk space. This runs before CSRF and the view, which would read the body.
    A body without Content-Length (chunked) is not read by Django at all (its input stream is limited to the
    length given, 0), so it needs no check here; the proxy caps it too (README, client_max_body_size).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _content_length(request) > settings.MAX_REQUEST_BYTES:
            return request_too_large(request)
        return self.get_response(request)


def _content_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def request_too_large(request):
    limit_mb = settings.MAX_REQUEST_BYTES // (1024 * 1024)
    return render(request, "core/request_too_large.html", {"limit_mb": limit_mb}, status=413)
