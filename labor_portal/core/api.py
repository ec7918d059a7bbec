from copy import copy

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.db.models import ProtectedError, RestrictedError
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from labor_portal.core.roles import SECTION_TITLES

# Tags of the API docs that are not a section's, each with the app label it stands for.
OTHER_TAGS = {"reporting": gettext_lazy("報表")}


class ModelCleanMixin:
    """Runs the model's clean() on the data, so that the API enforces the same rules as the admin forms."""

    def validate(self, attrs):
        attrs = super().validate(attrs)
        instance = copy(self.instance) if self.instance else self.Meta.model()
        for name, value in attrs.items():
            setattr(instance, name, value)
        try:
            instance.clean()
        except DjangoValidationError as exc:
            raise serializers.ValidationError(serializers.as_serializer_error(exc)) from None
        return attrs


class BureauRecordViewSetMixin:
    """Records the acting user on API writes, as the admin does."""

    def perform_create(self, serializer):
        serializer.save(created_by=self.request.user, updated_by=self.request.user)

    def perform_update(self, serializer):
        serializer.save(updated_by=self.request.user)


def exception_handler(exc, context):
    """DRF's handler, plus the database's refusals that are the client's doing: a 4xx, never a 500.

    Set as REST_FRAMEWORK["EXCEPTION_HANDLER"]. Found by property-based testing of the API (schemathesis).
    """
    if isinstance(exc, ProtectedError | RestrictedError):
        return _refusal(status.HTTP_409_CONFLICT, _("其他資料仍參照這筆資料（%(kinds)s），請先刪除或改掉那些資料。") % {
            "kinds": "、".join(_kinds(exc.protected_objects if isinstance(exc, ProtectedError)
                                     else exc.restricted_objects))})
    if isinstance(exc, DataError):
        # A value the database cannot hold (a number beyond its column's range): the request's fault.
        return _refusal(status.HTTP_400_BAD_REQUEST, _("有數值超出資料庫可接受的範圍。"))
    return drf_exception_handler(exc, context)


def _kinds(objects) -> list[str]:
    """The verbose names of the kinds of records among `objects`, each once, in order."""
    return list(dict.fromkeys(str(capfirst(obj._meta.verbose_name)) for obj in objects))


def _refusal(code: int, message: str) -> Response:
    set_rollback()
    return Response({"detail": message}, status=code)


# --- The API docs: paths grouped by section -------------------------------------------------------


class SectionAutoSchema(AutoSchema):
    """Tags each path with its section's title (勞動條件, 勞資關係…), from the app of the view's model."""

    def get_tags(self) -> list[str]:
        app_label = _app_label(self.view)
        title = SECTION_TITLES.get(app_label) or OTHER_TAGS.get(app_label)
        return [str(title)] if title else super().get_tags()


def _app_label(view) -> str:
    queryset = getattr(view, "queryset", None)
    if queryset is not None:
        return queryset.model._meta.app_label
    return type(view).__module__.split(".")[0]


def section_tags(result, generator, request, public):
    """drf-spectacular postprocessing hook: the tags in the sections' order (as the report and the menus)."""
    used = {tag for path in result.get("paths", {}).values() for operation in path.values()
            for tag in operation.get("tags", [])}
    ordered = [str(title) for title in (*OTHER_TAGS.values(), *SECTION_TITLES.values())]
    result["tags"] = [{"name": name} for name in ordered if name in used]
    result["tags"] += [{"name": name} for name in sorted(used - set(ordered))]
    return result
