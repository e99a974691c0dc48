"""The case page's assignment and internal-notes block (a ``case_sections`` answer) and its
POSTs: assign / unassign / take, add a note, open a note attachment. Thin: forms carry input,
``assignment`` decides; a case outside the jurisdiction is 404, a missing right 403."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from netral.accounts.decorators import request_staff, staff_required
from netral.accounts.permissions import can, has_capability
from netral.cases import assignment
from netral.cases.forms import MultipleFileField
from netral.cases.hooks import CaseEvent, CaseSection
from netral.cases.models import Case
from netral.cases.selectors import case_detail_for
from netral.common.web import back_to, broken_rules, domain_errors

TEMPLATE = "cases/_assignment_notes.html"


class AssignForm(forms.Form):
    prefix = "assign"
    assignee = forms.TypedChoiceField(label=gettext_lazy("Petugas"), coerce=int)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [  # type: ignore[attr-defined]
            (user.pk, str(user)) for user in assignment.case_office_staff(case=case)
        ]


class NoteForm(forms.Form):
    prefix = "note"
    body = forms.CharField(
        label=gettext_lazy("Catatan internal"),
        required=False,
        max_length=assignment.NOTE_MAX,
        widget=forms.Textarea({"rows": 3}),
        help_text=gettext_lazy(
            "Hanya terlihat oleh petugas Bawaslu yang menangani kasus ini; tidak pernah oleh "
            "pelapor maupun instansi mitra."
        ),
    )
    attachments = MultipleFileField(label=gettext_lazy("Lampiran"), required=False)


def case_section(event: CaseEvent) -> CaseSection | None:
    """The block on the case page: who handles it, the actions on that, and the notes."""
    actor, case = event.actor, event.case
    actions = assignment.case_assignment_actions(actor=actor, case=case)
    return CaseSection(
        template=TEMPLATE,
        context={
            "case": case,
            "assignee": case.assignee,
            "actions": actions,
            "assign_form": AssignForm(case=case) if "assign" in actions else None,
            "note_form": NoteForm() if can(actor, "case.note", case) else None,
            "notes": assignment.case_notes(actor=actor, case=case),
            "can_open_original": can(actor, "evidence.open_original", case),
        },
    )


@never_cache
@require_POST
@staff_required("case.view")
@domain_errors()
def case_assignment(request: HttpRequest, case_id: int, action: str) -> HttpResponse:
    spec = assignment.ASSIGNMENT_ACTIONS.get(action)
    if spec is None:
        raise Http404
    actor = request_staff(request)
    case = case_detail_for(actor=actor, case_id=case_id)  # 404 before 403
    if not has_capability(actor, spec.capability):
        return render(request, "403.html", status=403)
    assignee_id = None
    if spec.target == "choose":
        form = AssignForm(request.POST, case=case)
        if not form.is_valid():
            messages.error(request, _("Pilih petugas dari kantor ini."))
            return redirect("cases:case_detail", case_id=case_id)
        assignee_id = form.cleaned_data["assignee"]
    with broken_rules() as broken:
        assignment.case_assign(actor=actor, case_id=case_id, action=action, assignee_id=assignee_id)
    if broken:
        messages.error(request, broken.message)
    else:
        messages.success(request, _("Tersimpan: %(action)s.") % {"action": spec.label})
    return redirect("cases:case_detail", case_id=case_id)


@never_cache
@require_POST
@staff_required("case.note")
@domain_errors()
def case_note_add(request: HttpRequest, case_id: int) -> HttpResponse:
    actor = request_staff(request)
    case_detail_for(actor=actor, case_id=case_id)  # 404 outside the jurisdiction
    form = NoteForm(request.POST, request.FILES)
    if not form.is_valid():
        errors = [str(e) for field in form.errors.values() for e in field]
        messages.error(request, " ".join(errors))
        return redirect("cases:case_detail", case_id=case_id)
    with broken_rules() as broken:
        assignment.case_note_add(
            actor=actor,
            case_id=case_id,
            body=form.cleaned_data["body"],
            files=form.cleaned_data["attachments"],
        )
    if broken:
        messages.error(request, broken.message)
    else:
        messages.success(request, _("Catatan internal tersimpan."))
    return redirect(f"{_case_url(case_id)}#catatan-internal")


def _case_url(case_id: int) -> str:
    return reverse("cases:case_detail", kwargs={"case_id": case_id})


@never_cache
@require_GET
@staff_required("case.view")
@domain_errors(back=back_to("cases:case_detail", "case_id"))
def case_note_attachment(request: HttpRequest, case_id: int, attachment_id: int) -> HttpResponse:
    """Download one note attachment (decrypted, audited): the cleaned copy, or with
    ``?asli=1`` the original (for those who may open originals)."""
    data, content_type, name = assignment.case_note_attachment_open(
        actor=request_staff(request),
        case_id=case_id,
        attachment_id=attachment_id,
        original=request.GET.get("asli") == "1",
    )
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
