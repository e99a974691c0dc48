"""What retention erases of triage's derived records (``netral.common.retention``): the
duplicate look-up's signatures and LSH keys of a case's reports, and the person record of a
reported ASN once every report that names them is erased."""

from __future__ import annotations

from netral.common.retention import CaseScope, Erased, RetentionKind, register
from netral.reports.models import Report
from netral.triage.models import Person, PersonLink, ReportSignature, ReportSignatureKey

# A person kept as a pointer (others were merged into it) keeps its row, emptied.
PERSON_BLANK = {"nip": "", "name": "", "name_key": "", "agencies": []}


def duplicate_signatures_erase(scope: CaseScope) -> Erased:
    """Delete the signatures and LSH keys of the case's reports: nothing matches them any more
    (``triage_signatures_backfill`` would rebuild them only from texts still kept)."""
    done = Erased()
    reports = Report.objects.filter(case_id=scope.case_id).values("pk")
    done.add("signatures", ReportSignature.objects.filter(report_id__in=reports).delete()[0])
    keys = ReportSignatureKey.objects.filter(report_id__in=reports)
    done.add("signature_keys", keys.delete()[0])
    return done


def reported_persons_erase(scope: CaseScope) -> Erased:
    """Delete the links of the case's reports to persons, then erase the persons they named
    whose every other report lies in a case that is gone too (erased, or erased now; never a
    held one): the person row goes, unless other persons were merged into it (then its
    name, NIP and agencies are blanked and the row stays for those pointers, blanked too)."""
    done = Erased()
    reports = Report.objects.filter(case_id=scope.case_id).values("pk")
    links = PersonLink.objects.filter(report_id__in=reports)
    named = set(links.values_list("person_id", flat=True))
    done.add("person_links", links.delete()[0])
    # A person stays while any report naming them lies outside the gone cases (or in none).
    alive = {
        person
        for person, case in PersonLink.objects.filter(person_id__in=named).values_list(
            "person_id", "report__case_id"
        )
        if case not in scope.gone
    }
    persons = sorted(named - alive)
    if not persons:
        return done
    done.add("person_links", PersonLink.objects.filter(person_id__in=persons).delete()[0])
    # Rows merged into an erased person are pointers only: blanked, kept for old entries.
    merged = Person.objects.filter(merged_into_id__in=persons).exclude(pk__in=persons)
    done.add("persons", merged.exclude(name="", nip="").update(**PERSON_BLANK))
    pointed = set(
        Person.objects.filter(merged_into_id__in=persons).values_list("merged_into_id", flat=True)
    )
    done.add("persons", Person.objects.filter(pk__in=pointed).update(**PERSON_BLANK))
    done.add("persons", Person.objects.filter(pk__in=persons).exclude(pk__in=pointed).delete()[0])
    return done


register(
    RetentionKind(
        data="duplicate_signatures",
        labels=(("signatures", "tanda duplikat"), ("signature_keys", "kunci LSH")),
        erase_case=duplicate_signatures_erase,
    )
)
register(
    RetentionKind(
        data="reported_persons",
        labels=(("persons", "orang terlapor"), ("person_links", "tautan orang terlapor")),
        erase_case=reported_persons_erase,
    )
)
