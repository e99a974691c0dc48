"""Full-text search in the inbox (``netral.cases.search``): never a case outside the
searcher's jurisdiction, each searchable field found, the reporter's identity never, the
index kept in step by the writes. Runs on SQLite and PostgreSQL alike (CI runs both)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from netral.accounts.models import Role, User
from netral.accounts.permissions import covers
from netral.cases import services
from netral.cases.models import Case, CaseSearch
from netral.cases.search import case_search_rebuild, normalise, query_words
from netral.cases.selectors import case_inbox
from netral.cases.tests.factories import case_from_report
from netral.common.errors import PermissionDenied
from netral.reports.corrections import report_nip_fill
from netral.reports.models import Report
from netral.reports.services import reporter_message_post
from netral.rules.selectors import requirement_list

pytestmark = pytest.mark.usefixtures("elections")
MakeUser = Callable[..., User]


def found(actor: User, q: str) -> set[int]:
    return {c.pk for c in case_inbox(actor=actor, q=q)}


def test_search_never_returns_a_case_outside_the_jurisdiction(make_user: MakeUser) -> None:
    # The same rare word in cases handled by four offices in three provinces.
    places = ["32.75", "32.73", "11.71", "32.75"]
    cases = [
        case_from_report(region=code, chronology=f"Kampanye zamrud di {code}.")[0]
        for code in places
    ]
    governor = case_from_report(region="32.75", chronology="Zamrud untuk pasangan gubernur.")[0]
    cases.append(governor)
    searchers = [
        make_user(Role.BAWASLU_STAFF, "32.75"),
        make_user(Role.BAWASLU_LEADER, "32.73"),
        make_user(Role.BAWASLU_STAFF, "32"),
        make_user(Role.BAWASLU_LEADER, "11"),
        make_user(Role.BAWASLU_STAFF, "11.71"),
        make_user(Role.BAWASLU_STAFF, "35.78"),  # Surabaya: none of them
        make_user(Role.BAWASLU_LEADER),  # national
    ]
    for searcher in searchers:
        expected = {c.pk for c in cases if covers(searcher, c.office_region)}
        assert found(searcher, "zamrud") == expected, searcher.jurisdiction_id
        assert found(searcher, "ZAMRUD kampanye") <= expected
    assert found(searchers[-1], "zamrud") == {c.pk for c in cases}
    assert found(searchers[5], "zamrud") == set()
    # Partners do not search cases at all.
    for role, region in ((Role.BKN_OFFICER, None), (Role.PPK_OFFICE, "32.75")):
        with pytest.raises(PermissionDenied):
            case_inbox(actor=make_user(role, region), q="zamrud")


def test_a_handed_over_case_is_found_by_its_new_office_only(make_user: MakeUser) -> None:
    case, _ = case_from_report(region="32.75", chronology="Peristiwa delima di kantor.")
    bekasi = make_user(Role.BAWASLU_STAFF, "32.75")
    assert case.office_region_id == "32.75"
    bandung = make_user(Role.BAWASLU_STAFF, "32.73")
    assert found(bekasi, "delima") == {case.pk}
    assert found(bandung, "delima") == set()
    services.case_handover(
        actor=bekasi, case_id=case.pk, to_region_code="32", reason="Kewenangan provinsi."
    )
    assert found(bekasi, "delima") == set()
    assert found(make_user(Role.BAWASLU_STAFF, "32"), "delima") == {case.pk}


def test_each_field_is_found(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case, _ = case_from_report(
        reported_name="Hj. Sri Wahyuningsih, S.Pd.",
        reported_nip="",
        agency="Kecamatan Rawalumbu",
        chronology="Terlapor membagikan stiker bergambar paslon di Posyandu Melati.",
    )
    other, _ = case_from_report(
        reported_name="Agus Salim", reported_nip="", agency="Dinas Perhubungan"
    )
    assert found(staff, "wahyuningsih") == {case.pk}  # a reported name
    assert found(staff, "sri wahyu") == {case.pk}  # words as prefixes
    assert found(staff, "rawalumbu") == {case.pk}  # agency
    assert found(staff, "posyandu melati") == {case.pk}  # chronology
    assert found(staff, "dinas perhubungan") == {other.pk}

    report = Report.objects.get(case=case)
    report_nip_fill(actor=staff, report_public_id=str(report.public_id), nip="198503172010011004")
    assert found(staff, "198503172010011004") == {case.pk}  # NIP, filled in by staff
    assert found(staff, "1985031720") == {case.pk}

    reporter_message_post(report=report, body="Ada video tambahan dari lapangan Cikunir.")
    assert found(staff, "cikunir") == {case.pk}  # the reporter's message

    formal = {r.code: True for r in requirement_list(kind="formal")}
    material = {r.code: True for r in requirement_list(kind="material")}
    registered = services.case_register(
        actor=staff, case_id=case.pk, formal=formal, material=material
    )
    number = registered.register_number
    assert number
    assert found(staff, number) == {case.pk}  # the register number, whole
    assert found(staff, number.split("/")[0] + "/Reg") >= {case.pk}  # or its beginning
    assert found(staff, "wahyuningsih tidakada") == set()  # every word must match


def test_the_reporters_identity_is_never_searchable(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_LEADER)
    case_from_report(
        reporter={
            "name": "Kusumawardhani Pelapor",
            "nik": "3275015703900001",
            "address": "Jl. Kenanga Rahasia 9",
            "phone": "081299887766",
            "email": "kusumawardhani@example.org",
        }
    )
    for q in ("kusumawardhani", "3275015703900001", "kenanga", "081299887766"):
        assert found(staff, q) == set(), q
    assert "kusumawardhani" not in "".join(CaseSearch.objects.values_list("document", flat=True))


def test_merge_moves_the_text_to_the_surviving_case(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    duplicate, _ = case_from_report(chronology="Cerita tentang kenari merah.")
    survivor, _ = case_from_report(chronology="Cerita lain yang tidak berkaitan.")
    services.case_merge(actor=staff, case_id=duplicate.pk, into_id=survivor.pk)
    assert found(staff, "kenari") == {survivor.pk}  # the merged one left the inbox


def test_accents_case_and_hostile_queries(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case, _ = case_from_report(reported_name="André Müller")
    assert found(staff, "andre muller") == {case.pk}
    assert found(staff, "ANDRÉ") == {case.pk}
    for q in ("'&|!():*<->", "a' | 'b", "%_%", "\\", "x" * 5000, "dinas " * 500, "\x00"):
        list(case_inbox(actor=staff, q=q))  # answered, never an error
    assert query_words("a " * 100) == [["a"]] * 8
    assert normalise("32.75/XI_2024") == "32 75 xi 2024"


def test_rebuild_indexes_cases_created_without_the_services(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case, _ = case_from_report(chronology="Kata kunci cempedak di kronologi.")
    CaseSearch.objects.all().delete()  # as after a bulk load that bypassed the services
    assert found(staff, "cempedak") == set()
    assert case_search_rebuild(batch_size=1) == Case.objects.count()
    assert found(staff, "cempedak") == {case.pk}


def test_short_words_match_whole_words_only(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    seven, _ = case_from_report(agency="Dinas 7 Pemerintah Kota", reported_nip="")
    seventy, _ = case_from_report(agency="Dinas 75 Pemerintah Kota", reported_nip="")
    assert found(staff, "Dinas 7") == {seven.pk}
    assert found(staff, "dinas 75") == {seventy.pk}
    assert found(staff, "pemerintah kot") == {seven.pk, seventy.pk}  # longer ones: prefixes
