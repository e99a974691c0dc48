"""What retention erases of the channels' captures (``netral.common.retention``): the capture
jobs of a case's reports (the links given as evidence, their errors) and the source address
kept on the snapshot evidence. The snapshot files themselves are evidence: they go with the
evidence rules (``evidence_original``, ``clean_copy``)."""

from __future__ import annotations

from netral.channels.models import CaptureJob
from netral.common.retention import CaseScope, Erased, RetentionKind, register
from netral.reports.models import Evidence


def captured_links_erase(scope: CaseScope) -> Erased:
    done = Erased()
    done.add("capture_jobs", CaptureJob.objects.filter(report__case_id=scope.case_id).delete()[0])
    sources = Evidence.objects.filter(report__case_id=scope.case_id).exclude(source_url="")
    done.add("capture_sources", sources.update(source_url=""))
    return done


register(
    RetentionKind(
        data="captured_links",
        labels=(
            ("capture_jobs", "penangkapan tautan"),
            ("capture_sources", "alamat sumber tangkapan"),
        ),
        erase_case=captured_links_erase,
    )
)
