from decimal import Decimal, InvalidOperation

from django import forms, template
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode

register = template.Library()


@register.filter
def pounds(value, places=0):
    """£1,234,567 with a leading minus for negatives; blank for None."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return value
    places = int(places)
    text = f"£{abs(amount):,.{places}f}"
    return f"-{text}" if amount < 0 else text


@register.filter
def percent(value, places=1):
    """0.943 -> 94.3%; blank for None."""
    if value is None:
        return ""
    return f"{float(value) * 100:.{int(places)}f}%"


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with `changes` applied (None removes a key); for pager links."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value is not None:
            params[key] = value
    return "?" + urlencode(sorted(params.lists()), doseq=True) if params else "?"


@register.filter
def share(counts, threshold=None):
    """(part, whole) -> "12.9%" with disclosure control: "[c]" for a small part."""
    from core.disclosure import protected_share

    part, whole = counts
    return protected_share(part, whole, None if threshold in (None, "") else int(threshold))


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.simple_tag
def filter_field(bound):
    """One filter above a list: its label and its control (a select or a text box), with any
    error beside it. Selects are written here rather than through Django's widget templates,
    which render a template for every option (about a millisecond a filter, the largest part
    of a list page's rendering at scale: docs/PERFORMANCE.md). Other widgets render as usual."""
    widget = bound.field.widget
    control_id = bound.auto_id
    error_id = f"{control_id}-error"
    described = format_html(' aria-invalid="true" aria-describedby="{}"', error_id)
    described = described if bound.errors else ""
    if isinstance(widget, forms.Select) and not widget.allow_multiple_selected:
        formatted = widget.format_value(bound.value())
        chosen = set(formatted) if isinstance(formatted, list | tuple) else {formatted}
        options = format_html_join(
            "",
            "{}",
            (
                (
                    format_html('<option value="{}" selected>{}</option>', choice, label)
                    if str(choice) in chosen
                    else format_html('<option value="{}">{}</option>', choice, label),
                )
                for choice, label in widget.choices
            ),
        )
        control = format_html(
            '<select name="{}" id="{}" class="form-select"{}>{}</select>',
            bound.html_name,
            control_id,
            described,
            options,
        )
    else:
        attrs = {"class": "form-control"}
        if bound.errors:
            attrs.update({"aria-invalid": "true", "aria-describedby": error_id})
        control = bound.as_widget(attrs=attrs)
    error = (
        format_html(
            '<div class="invalid-feedback d-block" id="{}">{}</div>',
            error_id,
            " ".join(bound.errors),
        )
        if bound.errors
        else ""
    )
    return format_html(
        '<label class="form-label" for="{}">{}</label>{}{}', control_id, bound.label, control, error
    )
