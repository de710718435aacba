"""The API platform every app's endpoints share (docs/API.md).

Authentication: the browser's session, or a device token (an ambassador's phone) that an admin
can revoke in Django admin. Tokens are refused for anyone who must use two-step sign-in: they
sign in through the browser. Lists page by cursor; errors have one shape; creates can be made
safe to retry with an `Idempotency-Key` header.
"""

import hashlib
import json
from datetime import date, datetime

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.urls import URLPattern, URLResolver
from rest_framework import exceptions, pagination, status
from rest_framework.authentication import TokenAuthentication
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.utils.urls import replace_query_param

from core.concurrency import StaleEdit
from core.pagination import is_valid_cursor, keyset_paginate

IDEMPOTENCY_HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 200


class DeviceTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`, for devices. Refused for users who need two-step sign-in."""

    def authenticate_credentials(self, key):
        from people.mfa import mfa_required

        user, token = super().authenticate_credentials(key)
        if mfa_required(user):
            raise exceptions.AuthenticationFailed(
                "This account must use two-step sign-in, so it cannot use a device token. "
                "Sign in to Peel in a browser instead."
            )
        return user, token


class CursorPagination(pagination.CursorPagination):
    """Every list: pages of 50 (up to 200 with ?page_size=), in a stable, unique order.

    A true keyset cursor (`core.pagination`): the cursor holds every ordering value of the
    page's edge row, so a page at row 900,000 reads the same rows as the first. (DRF's own
    cursor keeps only the first ordering field and counts an offset past equal values, which
    made deep pages of common surnames slow: docs/PERFORMANCE.md.) A view whose rows are better
    read in another order sets `pagination_class` to a subclass whose `ordering` still ends in a
    unique field. The links keep the request's other parameters (filters, page size).
    """

    page_size = 50
    max_page_size = 200
    page_size_query_param = "page_size"
    ordering = ("id",)
    invalid_cursor_message = "Invalid cursor"

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.base_url = request.build_absolute_uri()
        cursor = request.query_params.get(self.cursor_query_param)
        ordering = tuple(self.ordering)
        if cursor and not is_valid_cursor(cursor, ordering):
            raise exceptions.NotFound(self.invalid_cursor_message)
        self.page = keyset_paginate(
            queryset, ordering=ordering, cursor=cursor, per_page=self.get_page_size(request)
        )
        return list(self.page.items)

    def _link(self, cursor: str | None) -> str | None:
        if cursor is None:
            return None
        return replace_query_param(self.base_url, self.cursor_query_param, cursor)

    def get_next_link(self):
        return self._link(self.page.next_cursor)

    def get_previous_link(self):
        return self._link(self.page.previous_cursor)

    def get_paginated_response(self, data):
        return Response(
            {"next": self.get_next_link(), "previous": self.get_previous_link(), "results": data}
        )


def _plain(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)  # a related record, a Decimal...


def _stale_edit_response(exc: StaleEdit) -> Response:
    return Response(
        {
            "detail": str(exc),
            "version": getattr(exc.current, "version", None),
            "differences": [
                {
                    "field": d.field,
                    "label": d.label,
                    "theirs": _plain(d.theirs),
                    "yours": _plain(d.yours),
                }
                for d in exc.differences
            ],
        },
        status=status.HTTP_409_CONFLICT,
    )


def exception_handler(exc, context):
    """DRF's handler, plus: a stale edit is 409 with what the other person changed; a Django
    ValidationError from a service is 400 with a message per field."""
    # Imported here: DRF imports this module while rest_framework.views is still loading.
    from rest_framework.views import exception_handler as drf_exception_handler

    if isinstance(exc, StaleEdit):
        return _stale_edit_response(exc)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(detail=as_serializer_error(exc))
    return drf_exception_handler(exc, context)


def allow_api_authentication(urlpatterns):
    """Exempt API views from Django's LoginRequiredMiddleware, which cannot see a device token;
    DRF's own authentication and IsAuthenticated refuse anonymous callers instead (401/403)."""
    for entry in urlpatterns:
        if isinstance(entry, URLResolver):
            allow_api_authentication(entry.url_patterns)
        elif isinstance(entry, URLPattern):
            entry.callback.login_required = False
    return urlpatterns


# Idempotent creation -------------------------------------------------------------------------


def _fingerprint(request) -> str:
    data = request.data
    if hasattr(data, "lists"):
        data = dict(data.lists())
    body = json.dumps(data, sort_keys=True, default=str)
    raw = f"{request.method} {request.path}\n{body}"
    return hashlib.sha256(raw.encode()).hexdigest()


def _replay(record) -> Response:
    response = Response(record.response_body, status=record.response_status)
    response["Idempotent-Replayed"] = "true"
    return response


def _mismatch() -> Response:
    return Response(
        {
            "detail": f"This {IDEMPOTENCY_HEADER} was already used for a different request. "
            "Use a new key for a new record."
        },
        status=status.HTTP_422_UNPROCESSABLE_ENTITY,
    )


def _answer_from(record, fingerprint: str) -> Response:
    return _replay(record) if record.request_hash == fingerprint else _mismatch()


def _stored_body(response) -> object:
    return json.loads(JSONRenderer().render(response.data) or b"null")


def idempotent(request, create) -> Response:
    """Run `create()` (which returns a DRF Response) at most once per user and key.

    The same request again with the same `Idempotency-Key` returns the first response and
    creates nothing; a different request with the same key is refused (422). Only successful
    responses are kept, so a request that failed validation can be corrected and resent.
    """
    from core.models import IdempotencyKey

    key = request.headers.get(IDEMPOTENCY_HEADER, "").strip()
    if not key:
        return create()
    if len(key) > MAX_KEY_LENGTH:
        raise exceptions.ValidationError(
            {IDEMPOTENCY_HEADER: f"Keep the key to {MAX_KEY_LENGTH} characters."}
        )
    fingerprint = _fingerprint(request)
    user = request.user
    earlier = IdempotencyKey.objects.filter(user=user, key=key).first()
    if earlier is not None:
        return _answer_from(earlier, fingerprint)
    try:
        with transaction.atomic():
            response = create()
            if 200 <= response.status_code < 300:
                IdempotencyKey.objects.create(
                    user=user,
                    key=key,
                    method=request.method,
                    path=request.path[:300],
                    request_hash=fingerprint,
                    response_status=response.status_code,
                    response_body=_stored_body(response),
                )
    except IntegrityError:
        # Another request with this key committed first: ours was rolled back entirely.
        earlier = IdempotencyKey.objects.filter(user=user, key=key).first()
        if earlier is None:
            raise
        return _answer_from(earlier, fingerprint)
    return response


def idempotency_parameter():
    """The header, for a create's schema: `@extend_schema(parameters=[idempotency_parameter()])`."""
    from drf_spectacular.utils import OpenApiParameter

    return OpenApiParameter(
        IDEMPOTENCY_HEADER,
        str,
        OpenApiParameter.HEADER,
        required=False,
        description="A new key for each record you mean to create (a UUID). Sending the same "
        "request again with it returns the first response and creates nothing.",
    )


class IdempotentCreateMixin:
    """For a viewset or generic view with `create()`: honour the `Idempotency-Key` header."""

    def create(self, request, *args, **kwargs):
        parent = super().create
        return idempotent(request, lambda: parent(request, *args, **kwargs))
