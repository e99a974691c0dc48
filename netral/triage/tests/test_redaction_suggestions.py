"""Issue #14 item 7: triage's extractors answer the redaction hook of the cases app, so a
witness's social-media link is suggested beside the names and phone numbers cases finds."""

from __future__ import annotations

from netral.cases.redaction_suggest import redaction_suggest

TEXT = "Video diunggah saksi di https://facebook.com/budi.saksi.99 lalu dihapus."


def test_links_from_triage_are_suggested() -> None:
    found = {(s.kind, s.text) for s in redaction_suggest(target="chronology", text=TEXT)}
    assert ("link", "https://facebook.com/budi.saksi.99") in found
