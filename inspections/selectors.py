"""Reads shared by the public violator register page, its CSV export and its API."""

import re

from django.db.models import QuerySet

from inspections.models import Violation

_NUMBER_PREFIX = re.compile(r"^\d{1,8}$")


def register_entries(queryset: QuerySet[Violation] | None = None, *, query: str = "") -> QuerySet[Violation]:
    """Final penalties, newest first, with their establishment; `query` is a name or (part of) a 統一編號.

    A penalty under appeal or revoked is never published, so `final()` is applied here and nowhere else.
    """
    entries = (queryset if queryset is not None else Violation.objects.all()).final()
    query = query.strip()
    if _NUMBER_PREFIX.match(query):
        # Leading digits of a 統一編號: the unique index answers a prefix search.
        entries = entries.filter(establishment__business_number__startswith=query)
    elif query:
        entries = entries.filter(establishment__name__icontains=query)
    return entries.select_related("establishment").order_by("-decided_on", "-id")
