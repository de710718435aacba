from decimal import Decimal, InvalidOperation

from django import template
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
