"""How a report cell is shown on the page and in the PDF: numbers with thousands separators.
The CSV and XLSX keep the plain numbers."""

from django import template

register = template.Library()


@register.filter
def cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return f"{value:,}"
    return value
