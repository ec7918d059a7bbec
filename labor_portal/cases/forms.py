"""Forms every citizen-facing section shares: the filing form's safeguards, tracking and a lost access code."""

import re
from functools import partial

from django import forms
from django.db.models import CheckConstraint, UniqueConstraint
from django.utils.translation import gettext_lazy as _

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}\Z")


class AccessibleErrorsMixin:
    """Marks invalid fields for screen readers and points them at their message (includes/field.html)."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-invalid"] = "true"
                widget.attrs["aria-describedby"] = f"{self[name].auto_id}_error"


class FormFieldConstraintsOnlyMixin:
    """For a ModelForm: the model's constraints are checked only when one concerns a field of the form.

    Django validates every constraint of the model on each submission; a CheckConstraint builds a query before
    it finds that a field it needs is not on the form (and skips it). A citizen form whose model constraints
    are all about what staff set later (state, dates) would pay that (~0.25 ms) on every filing for nothing.
    The database still enforces every constraint when the service saves.
    """

    def _post_clean(self):
        if self._model_constraints_apply():
            return super()._post_clean()
        instance = self.instance
        instance.full_clean = partial(instance.full_clean, validate_constraints=False)
        try:
            return super()._post_clean()
        finally:
            del instance.full_clean

    def _model_constraints_apply(self) -> bool:
        cls = type(self)
        if (known := cls.__dict__.get("_constraints_apply")) is not None:
            return known
        on_form = set(cls.base_fields)
        constraints = [each for _model, group in self.instance.get_constraints() for each in group]
        cls._constraints_apply = any(_constraint_fields(each) is None or _constraint_fields(each) & on_form
                                     for each in constraints)
        return cls._constraints_apply


def _constraint_fields(constraint) -> set[str] | None:
    """The fields a constraint is about, or None when that cannot be told (then it is always checked)."""
    if isinstance(constraint, CheckConstraint):
        return constraint.condition.referenced_base_fields
    if isinstance(constraint, UniqueConstraint) and constraint.fields:
        condition = constraint.condition.referenced_base_fields if constraint.condition else set()
        return set(constraint.fields) | condition
    return None


class CitizenFilingForm(forms.Form):
    """The honeypot and the submission token of a filing form; combine it with the section's (Model)Form:

        class ComplaintForm(AccessibleErrorsMixin, CitizenFilingForm, forms.ModelForm): ...

    The template renders `form.submission_token` and `form.website` (hidden from people, see apply.html).
    """

    # Humans never see this field; software that fills in every field does.
    website = forms.CharField(required=False, label=_("網站（請勿填寫）"), max_length=200)
    # Issued by the view into this browser's session (filing.submission_token_issue).
    submission_token = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean_submission_token(self):
        token = self.cleaned_data["submission_token"]
        if not _TOKEN.match(token):
            raise forms.ValidationError(_("表單已失效，請重新整理頁面後再送出。"))
        return token

    def is_spam(self) -> bool:
        return bool(self.data.get(self.add_prefix("website")))


class TrackForm(AccessibleErrorsMixin, forms.Form):
    case_number = forms.CharField(label=_("案件編號"), max_length=20, help_text=_("例如 109-D-000123"))
    access_code = forms.CharField(label=_("查詢碼"), max_length=20, help_text=_("申請完成時顯示的查詢碼"))


class LostCodeForm(AccessibleErrorsMixin, forms.Form):
    case_number = forms.CharField(label=_("案件編號"), max_length=20, help_text=_("例如 109-D-000123"))
    # Asked so that nobody who merely guesses a case number can make a citizen's code stop working.
    contact = forms.CharField(
        label=_("申請時填寫的電子郵件或電話"), max_length=254,
        help_text=_("請填申請時留下的電子郵件；申請時只留電話者，請填電話。新的查詢碼會寄到這裡。"),
    )
