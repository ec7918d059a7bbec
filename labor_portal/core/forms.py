"""Form fields every section's staff forms share."""

from django import forms


class ChoiceListField(forms.MultipleChoiceField):
    """A JSONField that holds a list of choice codes (e.g. DisputeCase.categories), edited as checkboxes.

    Declare it on the ModelForm, naming the choices: `categories = ChoiceListField(choices=DisputeCategory.choices)`.
    Each ticked code is checked against the choices (anything else is refused, as a select would refuse it) and
    stored once, sorted, as the services store such lists: ticking the same boxes again changes nothing, not even
    the change history. The history page shows the codes by their labels (BureauRecordAdmin reads them here).
    """

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, choices, required=False, **kwargs):
        super().__init__(choices=choices, required=required, **kwargs)

    def clean(self, value):
        return sorted(set(super().clean(value)))
