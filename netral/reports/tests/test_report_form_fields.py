"""The report form's date and violation-type fields (issue #13 item 3 made them cheaper on the
API path: ISO dates read at once, the violation types listed only when shown or given). What
they accept and refuse stays the same."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from netral.reports.forms import ReportForm
from netral.reports.intake import payload_to_form_data
from netral.reports.tests.apis.test_submit_api import valid
from netral.rules.selectors import violation_type_list

pytestmark = pytest.mark.usefixtures("elections")


def _form(**overrides: Any) -> ReportForm:
    form = ReportForm(payload_to_form_data(valid(**overrides)))
    form.is_valid()
    return form


def test_dates_in_iso_and_in_the_site_formats_read_the_same() -> None:
    day = timezone.localdate() - datetime.timedelta(days=3)
    iso = _form(event_date=day.isoformat(), known_date=day.isoformat())
    local = _form(event_date=day.strftime("%d-%m-%Y"), known_date=day.strftime("%d/%m/%Y"))
    assert iso.errors == {} and local.errors == {}
    assert iso.cleaned_data["event_date"] == local.cleaned_data["event_date"] == day
    assert iso.cleaned_data["known_date"] == local.cleaned_data["known_date"] == day


@pytest.mark.parametrize("text", ["2025-02-30", "2025-13-01", "2025-W05-1", "kemarin"])
def test_impossible_dates_are_refused_with_the_field_message(text: str) -> None:
    form = _form(event_date=text)
    assert "event_date" in form.errors
    assert form.errors["event_date"] == ["Masukkan tanggal yang valid."]


def test_a_known_violation_type_is_taken_an_unknown_one_refused() -> None:
    code = violation_type_list()[0].code
    assert _form(violation_type=code).cleaned_data["violation_type"] == code
    assert "violation_type" in _form(violation_type="tidak_ada").errors


def test_the_web_form_lists_every_violation_type() -> None:
    page = Client().get("/lapor/").content.decode()
    for vt in violation_type_list():
        assert f'value="{vt.code}"' in page


def test_position_class_and_election_office_take_their_choices_only() -> None:
    from netral.reports.subjects import PositionClass

    value = PositionClass.values[0]
    assert _form(position_class=value).cleaned_data["position_class"] == value
    assert "position_class" in _form(position_class="raja").errors
    data = payload_to_form_data(valid())  # the web form's field: not in the API's body
    governor = ReportForm({**data, "election_office": "gubernur"})
    assert governor.is_valid(), governor.errors
    assert "election_office" in ReportForm({**data, "election_office": "presiden"}).errors


def test_the_web_form_lists_the_position_classes_and_election_offices() -> None:
    from netral.reports.subjects import PositionClass

    page = Client().get("/lapor/").content.decode()
    for value in [*PositionClass.values, "gubernur"]:
        assert f'value="{value}"' in page


@pytest.mark.parametrize(
    "overrides",
    [{}, {"event_date": "kemarin"}, {"violation_type": "tidak_ada"}, {"region": "99.99"}],
    ids=["valid", "bad-date", "bad-type", "bad-region"],
)
def test_a_form_on_the_class_fields_validates_as_one_with_its_own_copies(
    overrides: dict[str, Any],
) -> None:
    data = payload_to_form_data(valid(**overrides))
    copied, shared = ReportForm(data), ReportForm(data, shared_fields=True)
    assert copied.is_valid() == shared.is_valid()
    assert copied.errors == shared.errors
    if copied.is_valid():
        assert copied.cleaned_data == shared.cleaned_data
    # Its field dict is its own: what it removes stays on the class.
    del shared.fields["website"]
    assert "website" in ReportForm.base_fields and "website" in ReportForm(data).fields
