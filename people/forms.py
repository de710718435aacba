from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from people.models import EqualityMonitoring


class EqualityForm(forms.ModelForm):
    class Meta:
        model = EqualityMonitoring
        fields = ["sex", "ethnicity", "disability", "sexual_orientation", "religion"]
        labels = {"sexual_orientation": "Sexual orientation"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", "Save my answers"))


class AsAtForm(forms.Form):
    year = forms.IntegerField(
        min_value=2000,
        max_value=2100,
        required=False,
        label="Latest year (figures as at 1 January)",
    )
