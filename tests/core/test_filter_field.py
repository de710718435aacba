"""The filters above a list render as Django's widgets would, without a template per option."""

import django_filters
from django import forms
from django.template import Context, Template

from people.models import User


class _Filters(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Name")
    kind = django_filters.ChoiceFilter(
        label="Kind", choices=[("a", "Alpha"), ("b", "Beta & co")], empty_label="Any"
    )
    active = django_filters.BooleanFilter(label="Active", widget=forms.NullBooleanSelect)

    class Meta:
        model = User
        fields = ["q", "kind", "active"]


def _render(data) -> str:
    form = _Filters(data, queryset=User.objects.none()).form
    form.is_valid()
    template = Template("{% load peel %}{% for f in form %}{% filter_field f %}{% endfor %}")
    return template.render(Context({"form": form}))


def test_a_select_marks_the_chosen_option_and_escapes_labels(db):
    html = _render({"kind": "b", "active": "true"})
    assert '<label class="form-label" for="id_kind">Kind</label>' in html
    assert '<select name="kind" id="id_kind" class="form-select">' in html
    assert '<option value="b" selected>Beta &amp; co</option>' in html
    assert '<option value="a">Alpha</option>' in html
    assert '<option value="true" selected>Yes</option>' in html


def test_a_text_box_keeps_its_value(db):
    html = _render({"q": "smith"})
    assert 'name="q"' in html and 'value="smith"' in html and 'class="form-control"' in html


def test_a_bad_choice_is_explained_next_to_the_field(db):
    html = _render({"kind": "zzz"})
    assert 'aria-invalid="true" aria-describedby="id_kind-error"' in html
    assert 'id="id_kind-error"' in html and "Select a valid choice" in html
