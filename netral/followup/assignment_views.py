"""POST of the recommendation page's assignment block (``followup.assignment``)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from netral.accounts.decorators import request_staff, staff_required
from netral.accounts.permissions import has_capability
from netral.common.web import broken_rules, domain_errors
from netral.followup.assignment import ASSIGNMENT_ACTIONS, CAPABILITY, recommendation_assign
from netral.followup.selectors import recommendation_get_for

NO_ASSIGNEE = "Pilih petugas dari meja ini."


@never_cache
@require_POST
@staff_required("recommendation.view")
@domain_errors()
def recommendation_assignment(request: HttpRequest, rec_id: int, action: str) -> HttpResponse:
    spec = ASSIGNMENT_ACTIONS.get(action)
    if spec is None:
        raise Http404
    actor = request_staff(request)
    recommendation_get_for(actor=actor, rec_id=rec_id)  # 404 before 403
    if not has_capability(actor, CAPABILITY):
        return render(request, "403.html", status=403)
    assignee_id = None
    if spec.target == "choose":
        raw = request.POST.get("assign-assignee", "")
        if not raw.isdigit() or len(raw) > 12:
            messages.error(request, _(NO_ASSIGNEE))
            return redirect("followup:detail", rec_id=rec_id)
        assignee_id = int(raw)
    with broken_rules() as broken:
        recommendation_assign(actor=actor, rec_id=rec_id, action=action, assignee_id=assignee_id)
    if broken:
        messages.error(request, broken.message)
    else:
        messages.success(request, _("Tersimpan: %(action)s.") % {"action": spec.label})
    return redirect("followup:detail", rec_id=rec_id)
