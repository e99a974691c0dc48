"""The public verification page of official documents: ``/verify/<number>`` shows what is
on record for a number (kind, date, hash) and checks an uploaded PDF, without JavaScript.

It never shows a document's content, its internal reference or who issued it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from netral.common.errors import ApplicationError
from netral.common.ratelimit import Limit, RateLimited, hit_client_and_global, refusal_message
from netral.documents.services import (
    MAX_VERIFY_BYTES,
    UPLOAD_MISSING,
    UPLOAD_TOO_LARGE,
    document_get_public,
    document_public,
    document_verify_bytes,
)

# Per client and for everyone together; ``NETRAL_RATE_LIMITS`` may override them.
THROTTLES: dict[str, tuple[int, int]] = {
    "document-verify": (60, 3600),
    "document-verify-all": (1200, 60),
    # Look-ups by number: generous for people checking letters, not for walking the numbers.
    "document-lookup": (120, 3600),
    "document-lookup-all": (2400, 60),
}
# Room for the multipart envelope around the largest accepted file.
MULTIPART_SLACK = 64 * 1024
NUMBER_UNKNOWN = "Nomor dokumen tidak terdaftar."


def _limit(name: str) -> Limit:
    overrides = getattr(settings, "NETRAL_RATE_LIMITS", {})
    max_hits, window = overrides.get(name, THROTTLES[name])
    return Limit(name, max_hits, window)


def throttle_verify(request: HttpRequest) -> None:
    hit_client_and_global(request, _limit("document-verify"), _limit("document-verify-all"))


def upload_bytes(request: HttpRequest) -> bytes:
    """The bytes of the multipart field ``file``; ``ApplicationError`` for a missing or
    oversized upload (the body is not read when its declared length is already too big)."""
    too_large = ApplicationError(
        UPLOAD_TOO_LARGE, params={"mb": MAX_VERIFY_BYTES // (1024 * 1024)}, field="file"
    )
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_VERIFY_BYTES + MULTIPART_SLACK:
        raise too_large
    try:
        upload = request.FILES.get("file")
    except RequestDataTooBig:
        raise too_large from None
    except (MultiPartParserError, TooManyFieldsSent, TooManyFilesSent):
        raise ApplicationError(UPLOAD_MISSING, field="file") from None
    if upload is None:
        raise ApplicationError(UPLOAD_MISSING, field="file")
    if upload.size is not None and upload.size > MAX_VERIFY_BYTES:
        raise too_large
    return upload.read(MAX_VERIFY_BYTES + 1)


@never_cache
@require_http_methods(["GET", "POST"])
def verify_page(request: HttpRequest, number: str = "") -> HttpResponse:
    typed = request.GET.get("nomor", "").strip().strip("/").upper()
    if not number and typed:  # the look-up form, sent without JavaScript
        return redirect("documents:verify", number=typed)
    status = 200
    context: dict[str, object] = {"number": number.strip("/"), "error": ""}
    if number:
        try:
            hit_client_and_global(request, _limit("document-lookup"), _limit("document-lookup-all"))
        except RateLimited as limited:
            context["error"] = refusal_message(limited)
            return render(request, "documents/verify.html", context, status=429)
        document = document_get_public(number=number)
        if document is None:
            context["number_unknown"] = _(NUMBER_UNKNOWN)
            status = 404
        else:
            context["document"] = document_public(document=document)
    if request.method == "POST":
        try:
            throttle_verify(request)
            result = document_verify_bytes(data=upload_bytes(request))
        except RateLimited as limited:
            context["error"], status = refusal_message(limited), 429
        except ApplicationError as refused:
            context["error"], status = _(refused.message), 400
        else:
            status = 200
            context["result"] = result
            if result.genuine and result.document is not None:
                context["checked"] = document_public(document=result.document)
    return render(request, "documents/verify.html", context, status=status)
