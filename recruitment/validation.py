"""UK phone numbers, postcodes and email addresses: checked and put in one form, so that
duplicates are caught however the person typed them."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

# Outward code (A9, A99, A9A, AA9, AA99, AA9A) then inward code (9AA); GIR 0AA for Girobank.
POSTCODE = re.compile(r"^(GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2})$")
# After +44 or 0: landlines 1x/2x/3x, mobiles 7x, non-geographic 8x; 9 or 10 digits.
PHONE_NATIONAL = re.compile(r"^[1-37-8][0-9]{8,9}$")

PHONE_MESSAGE = "Enter a UK phone number, like 07700 900123 or 0121 496 0000."
POSTCODE_MESSAGE = "Enter a UK postcode, like B42 1AA."
EMAIL_MESSAGE = "Enter an email address in the right format, like name@example.com."


def normalise_phone(value: str) -> str:
    """'07700 900123', '+44 7700 900123' -> '+447700900123'; '' stays ''.

    Raises ValidationError with a message the person can act on."""
    raw = (value or "").strip()
    if not raw:
        return ""
    digits = re.sub(r"[\s\-().]", "", raw)
    if digits.startswith("+44"):
        national = digits[3:].removeprefix("0")
    elif digits.startswith("0044"):
        national = digits[4:].removeprefix("0")
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        raise ValidationError(PHONE_MESSAGE, code="phone")
    if not PHONE_NATIONAL.match(national):
        raise ValidationError(PHONE_MESSAGE, code="phone")
    return "+44" + national


def normalise_postcode(value: str) -> str:
    """'b421aa' -> 'B42 1AA'. Raises ValidationError for anything that is not a UK postcode."""
    compact = re.sub(r"\s+", "", (value or "").upper())
    if not POSTCODE.match(compact):
        raise ValidationError(POSTCODE_MESSAGE, code="postcode")
    return f"{compact[:-3]} {compact[-3:]}"


def normalise_email(value: str) -> str:
    """Trim and lower-case an email address; '' stays ''. Raises ValidationError if malformed."""
    email = (value or "").strip().lower()
    if not email:
        return ""
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError(EMAIL_MESSAGE, code="email") from error
    return email


def format_phone(value: str) -> str:
    """'+447700900123' -> '07700 900123' for display."""
    if not value.startswith("+44"):
        return value
    national = "0" + value[3:]
    if national.startswith("07"):
        return f"{national[:5]} {national[5:]}"
    return f"{national[:4]} {national[4:7]} {national[7:]}"
