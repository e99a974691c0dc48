"""The legal hold on the staff case page: placed or released by the office's leadership."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netral.accounts.decorators import request_staff, staff_required
from netral.common.web import back_to, domain_errors
from netral.operations.services import legal_hold_place, legal_hold_release

HOLD_PLACED = "Penahanan hukum ditetapkan: data kasus ini tidak dihapus oleh jadwal retensi."
HOLD_RELEASED = "Penahanan hukum dicabut: jadwal retensi berlaku lagi untuk kasus ini."


@require_POST
@staff_required("case.decide")
@domain_errors(back=back_to("cases:case_detail", "case_id"))
def legal_hold(request: HttpRequest, case_id: int) -> HttpResponse:
    actor = request_staff(request)
    reason = request.POST.get("reason", "")[:5000]
    if request.POST.get("action") == "release":
        legal_hold_release(actor=actor, case_id=case_id, reason=reason)
        messages.success(request, _(HOLD_RELEASED))
    else:
        legal_hold_place(actor=actor, case_id=case_id, reason=reason)
        messages.success(request, _(HOLD_PLACED))
    return redirect("cases:case_detail", case_id=case_id)
