"""One API style for every section: a base viewset, a serializer factory, masked personal data, the docs' tags.

A section's `api.py` declares its viewsets on SectionViewSet / SectionReadOnlyViewSet and lists them in ROUTES;
labor_portal.api registers every section's ROUTES (found like reports.py) under /api/v1/:

    class MeetingViewSet(SectionViewSet):
        queryset = StatutoryMeeting.objects.select_related("union").order_by("-held_on", "pk")
        date_field = "held_on"                    # ?date_after=2020-01-01&date_before=2020-06-30
        filterset_fields = ["kind", "union"]       # django-filter, per viewset
        fields = ["id", "union", "kind", "held_on"]    # the serializer (None: every field staff enter)
        masked = {"chair_name": mask_name}         # personal data: masked in lists, in full (and logged) on detail

    ROUTES = [("unions/meetings", MeetingViewSet)]  # (prefix, viewset[, basename]); basename: prefix with "-"
"""

from collections.abc import Callable
from copy import copy

import django_filters
from django.apps import apps
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.signals import setting_changed
from django.db import DataError
from django.db.models import Model, ProtectedError, RestrictedError
from django.dispatch import receiver
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular import generators
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import get_doc
from rest_framework import serializers, status, viewsets
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from labor_portal.core.permissions import SectionModelPermissions
from labor_portal.core.sections import section_titles

# Tags of the API docs that are not a section's, each with the app label it stands for.
OTHER_TAGS = {"reporting": gettext_lazy("報表")}


class ModelCleanMixin:
    """Runs the model's clean() and checks its constraints on the data, so that the API enforces the same rules
    as the admin forms: a CheckConstraint refuses with a 400 and its message, not with the database's
    IntegrityError (a 500)."""

    def validate(self, attrs):
        attrs = super().validate(attrs)
        instance = copy(self.instance) if self.instance else self.Meta.model()
        for name, value in attrs.items():
            setattr(instance, name, value)
        try:
            instance.clean()
            # As a ModelForm: only the constraints on fields this serializer writes (the view sets the others).
            instance.validate_constraints(exclude=self._fields_not_written(instance))
        except DjangoValidationError as exc:
            raise serializers.ValidationError(_serializer_errors(exc)) from None
        return attrs

    def _fields_not_written(self, instance) -> set[str]:
        written = {field.source.split(".")[0] for field in self.fields.values() if not field.read_only}
        return {field.name for field in instance._meta.concrete_fields} - written


def _serializer_errors(exc: DjangoValidationError):
    errors = serializers.as_serializer_error(exc)
    # The model's errors that are no field's (NON_FIELD_ERRORS, "__all__") under DRF's key, as its own are.
    if NON_FIELD_ERRORS in errors:
        errors[api_settings.NON_FIELD_ERRORS_KEY] = errors.pop(NON_FIELD_ERRORS)
    return errors


# --- The base of every section's viewsets ----------------------------------------------------------

# Who entered a record stays out of the API; when it did is shown, never written.
BOOKKEEPING_FIELDS = ("created_by", "updated_by")
TIMESTAMP_FIELDS = ("created_at", "updated_at")
class MaskedField(serializers.CharField):
    """Personal data (a name, an ID number), always masked by `mask` in the API: in full only on a case's own
    page in the admin, where each read is logged (ARCHITECTURE.md: masked in lists, exports and the API). Read
    only."""

    def __init__(self, mask: Callable[[str], str], **kwargs):
        self.mask = mask
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        value = super().to_representation(value)
        return self.mask(value)


def model_serializer(model: type[Model], fields: list[str] | None = None, *,
                     masked: dict[str, Callable[[str], str]] | None = None, **declared) -> type:
    """A serializer of `model` that enforces the model's clean() (ModelCleanMixin), named `<Model>Serializer`.

    fields: the names shown, in order, declared ones included; None: every field staff enter (not who entered
    it; the timestamps read only). masked: {name: mask function}, personal data (MaskedField). declared: more
    serializer fields, e.g. a choice's label: `kind_display=CharField(source="get_kind_display", read_only=True)`.
    """
    declared = {**declared, **{name: MaskedField(mask) for name, mask in (masked or {}).items()}}
    if fields is None:
        present = {field.name for field in model._meta.get_fields()}
        meta = {
            "model": model,
            "exclude": [name for name in BOOKKEEPING_FIELDS if name in present],
            "read_only_fields": [name for name in TIMESTAMP_FIELDS if name in present],
        }
    else:
        meta = {"model": model, "fields": list(fields)}
    with translation.override(None):  # the record's name in the API docs: the zh-Hant source, whatever request
        name = str(model._meta.verbose_name)  # first imports this module
    return type(f"{model.__name__}Serializer", (ModelCleanMixin, serializers.ModelSerializer), {
        "Meta": type("Meta", (), meta), "__module__": model.__module__, "__doc__": name, **declared})


def dated_filterset(model: type[Model], date_field: str, fields, **declared) -> type:
    """Filters on `fields` plus a range of `date_field`: ?date_after=2020-01-01&date_before=2020-06-30."""
    meta = type("Meta", (), {"model": model, "fields": fields})
    attributes = {"date": django_filters.DateFromToRangeFilter(field_name=date_field), "Meta": meta,
                  "__module__": model.__module__, **declared}
    return type(f"{model.__name__}FilterSet", (django_filters.FilterSet,), attributes)


class SectionViewSetMixin:
    """What every section's viewset shares; use SectionViewSet or SectionReadOnlyViewSet.

    - Permissions by section: the model's view/add/change/delete permissions, reading included, which only the
      section's group holds (core.roles): another section's clerk and officials get 403.
    - django-filter with `filterset_fields` (or a `filterset_class`), search and ordering, the project's page
      pagination (settings.REST_FRAMEWORK); `date_field` adds ?date_after=&date_before= and orders by that date.
    - The serializer: `serializer_class`, or made from `fields` and `masked` (model_serializer).
    - Personal data (`masked`, or MaskedFields of the serializer) always masked: the API serves integrations
      and lists; the full data is read on a case's admin page, where each read is logged.
    - Writes record the acting user (created_by / updated_by), as the admin does.
    """

    permission_classes = [SectionModelPermissions]
    date_field: str = ""
    fields: list[str] | None = None
    masked: dict[str, Callable[[str], str]] = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        queryset = cls.__dict__.get("queryset")
        if queryset is None:
            return  # an intermediate base, or a viewset that declares all it needs
        model = queryset.model
        if cls.serializer_class is None:
            cls.serializer_class = model_serializer(model, cls.fields, masked=cls.masked)
        if cls.date_field and getattr(cls, "filterset_class", None) is None:
            cls.filterset_class = dated_filterset(model, cls.date_field, getattr(cls, "filterset_fields", None) or [])
            if getattr(cls, "ordering_fields", None) is None:
                cls.ordering_fields = [cls.date_field]

    def perform_create(self, serializer):
        serializer.save(**self._acting_user(serializer, ("created_by", "updated_by")))

    def perform_update(self, serializer):
        serializer.save(**self._acting_user(serializer, ("updated_by",)))

    def _acting_user(self, serializer, names: tuple[str, ...]) -> dict:
        return {name: self.request.user for name in names if _has_field(serializer.Meta.model, name)}


def _has_field(model: type[Model], name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


class SectionViewSet(SectionViewSetMixin, viewsets.ModelViewSet):
    """A section's records, read and written by its staff (see SectionViewSetMixin)."""


class SectionReadOnlyViewSet(SectionViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """A section's records, read by its staff (see SectionViewSetMixin); written through its services only."""


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
    """Tags each path with its section's title (勞動條件, 勞資關係…): the section whose api.py declares the view."""

    def get_tags(self) -> list[str]:
        app_label = _app_label(self.view)
        title = section_titles().get(app_label) or OTHER_TAGS.get(app_label)
        return [str(title)] if title else super().get_tags()

    def get_description(self) -> str:
        # A view's own docstring describes it; the shared bases' (this module's) describe no endpoint.
        documented = next((cls for cls in type(self.view).__mro__ if cls.__dict__.get("__doc__")), None)
        if documented is not None and documented.__module__ == __name__:
            return get_doc(getattr(self.view, getattr(self.view, "action", self.method.lower()), None))
        return super().get_description()


def _app_label(view) -> str:
    config = apps.get_containing_app_config(type(view).__module__)
    if config is not None:
        return config.label
    queryset = getattr(view, "queryset", None)
    if queryset is not None:
        return queryset.model._meta.app_label
    return type(view).__module__.split(".")[0]


class SchemaGenerator(generators.SchemaGenerator):
    """The public schema generated once per process, language and API version: it changes only with the code (a
    deploy restarts the processes), and generating it took about a second of CPU at each visit of the docs.
    Forgotten when a setting changes (tests)."""

    generated: dict = {}

    def get_schema(self, request=None, public=False):
        if not public or self.patterns is not None or not isinstance(self.urlconf, str | None):
            return super().get_schema(request=request, public=public)  # filtered for the user, or other paths
        key = (translation.get_language(), self.api_version or getattr(request, "version", None), self.urlconf)
        if key not in self.generated:
            self.generated[key] = super().get_schema(request=request, public=public)
        return self.generated[key]


@receiver(setting_changed)
def _forget_the_schemas(**kwargs):
    SchemaGenerator.generated.clear()


def section_tags(result, generator, request, public):
    """drf-spectacular postprocessing hook: the tags in the sections' order (as the report and the menus)."""
    used = {tag for path in result.get("paths", {}).values() for operation in path.values()
            for tag in operation.get("tags", [])}
    ordered = [str(title) for title in (*OTHER_TAGS.values(), *section_titles().values())]
    result["tags"] = [{"name": name} for name in ordered if name in used]
    result["tags"] += [{"name": name} for name in sorted(used - set(ordered))]
    return result
