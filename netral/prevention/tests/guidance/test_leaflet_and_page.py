"""Issue #11 item 4: the leaflet PDF per agency, the guide in English, without JavaScript,
printable and light."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client
from pypdf import PdfReader

from netral.prevention.guidance import guide_entries
from netral.prevention.guidance_leaflet import MAX_AGENCY, leaflet_forbidden

LEAFLET = "/boleh-atau-tidak/selebaran.pdf"
PAGE = "/boleh-atau-tidak/"
API = "/api/guidance"

# The rate limits count in the cache, a database table here.
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_limits() -> None:
    cache.clear()


def _text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_the_leaflet_is_one_page_naming_the_agency_the_acts_and_both_links(client: Client) -> None:
    response = client.get(LEAFLET, {"agency": "  Dinas\u200b Pendidikan\nKota Bekasi  "})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pages, text = _text(response.content)
    assert pages == 1
    assert "Dinas Pendidikan Kota Bekasi" in text  # cleaned: no zero-width, one line
    assert "/boleh-atau-tidak/" in text and "/lapor/" in text
    for entry in leaflet_forbidden():
        assert entry.discipline_sanction in text
    assert "Kampanye atau sosialisasi melalui media sosial" in text  # most reported (30.4%)
    assert "Menjadi anggota dan/atau pengurus partai politik" in text  # heaviest sanction
    assert "Memberikan suara" in text
    images = sum(len(p.images) for p in PdfReader(io.BytesIO(response.content)).pages)
    assert images == 2  # the two QR codes


def test_the_longest_agency_name_still_fits_one_page(client: Client) -> None:
    name = ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten " * 3)[:MAX_AGENCY]
    response = client.get(LEAFLET, {"agency": name})
    assert response.status_code == 200
    assert _text(response.content)[0] == 1


def test_the_leaflet_in_english(client: Client) -> None:
    client.cookies["django_language"] = "en"
    pages, text = _text(client.get(LEAFLET, {"agency": "Dinas Kesehatan"}).content)
    assert pages == 1
    assert "FORBIDDEN" in text and "Campaigning or promoting a candidate on social media" in text
    assert "Heavy disciplinary penalty" in text


@pytest.mark.parametrize(
    ("agency", "reason"),
    [
        ("", "Tulis nama instansi"),
        ("   \u200b\u202e ", "Tulis nama instansi"),
        ("12345", "harus memuat huruf"),
        ("Ab", "terlalu pendek"),
        ("x" * (MAX_AGENCY + 1), "terlalu panjang"),
        ("x" * 100_000, "terlalu panjang"),
        ("\U0001f600\U0001f600\U0001f600", "harus memuat huruf"),
    ],
)
def test_bad_agency_gets_a_clear_400_page(client: Client, agency: str, reason: str) -> None:
    response = client.get(LEAFLET, {"agency": agency})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert reason in page
    assert 'id="agency-error"' in page


def test_a_name_outside_latin1_prints_without_crashing(client: Client) -> None:
    response = client.get(LEAFLET, {"agency": "Dinas Ş\u0131nar \u6771\u4eac"})
    assert response.status_code == 200
    assert _text(response.content)[0] == 1


def test_leaflets_are_rate_limited(client: Client, settings: object) -> None:
    settings.NETRAL_RATE_LIMITS = {"guidance-leaflet": (2, 600)}  # type: ignore[attr-defined]
    for _ in range(2):
        assert client.get(LEAFLET, {"agency": "Dinas Sosial"}).status_code == 200
    refused = client.get(LEAFLET, {"agency": "Dinas Sosial"})
    assert refused.status_code == 429
    assert "Retry-After" in refused


def test_the_english_page_shows_english_entries(client: Client) -> None:
    client.cookies["django_language"] = "en"
    page = client.get(PAGE, {"q": "can I like a candidate's post?"}).content.decode()
    for entry in guide_entries():
        assert entry.title_en in page.replace("&#x27;", "'")
        assert entry.explanation_en.replace("'", "&#x27;") in page
        for example in entry.examples_en:
            assert example.replace("'", "&#x27;") in page
    assert "Liking a regent candidate&#x27;s post on Instagram" in page
    assert "Menyukai (like) postingan" not in page  # the Indonesian example is not shown
    assert "Netral&#x27;s reading of SKB 2022 annex II" in page
    assert "Download the leaflet (PDF)" in page
    answers = page.split('id="forbidden"', 1)[0]
    assert 'id="interaksi_akun_calon"' in answers


def test_the_api_answers_in_the_request_language_with_the_same_contract(client: Client) -> None:
    question = {"q": "boleh ga nonton debat capres?"}
    indonesian = client.get(API, question).json()["results"][0]
    client.cookies["django_language"] = "en"
    english = client.get(API, question).json()["results"][0]
    keys = {"code", "title", "verdict", "sanction", "legal_basis", "score"}
    assert set(indonesian) == set(english) == keys
    assert indonesian["code"] == english["code"] == "mengikuti_debat_berita"
    assert english["title"].startswith("Watching candidate debates")
    assert english["legal_basis"].startswith("Netral's reading")
    assert indonesian["legal_basis"].startswith("Tafsiran Netral")
    liked = client.get(API, {"q": "can I like a candidate's post?"}).json()["results"][0]
    assert (liked["code"], liked["sanction"]) == (
        "interaksi_akun_calon",
        "Ethics: Moral sanction; Discipline: Heavy disciplinary penalty",
    )


def test_the_page_works_without_javascript_is_printable_and_light(client: Client) -> None:
    response = client.get(PAGE, {"q": "boleh pasang baliho calon?"})
    page = response.content.decode()
    assert "<script" not in page
    assert 'method="get"' in page and f'action="{LEAFLET}"' in page
    assert len(response.content) < 120_000
    css = (Path(__file__).resolve().parents[3] / "static/netral/css/guidance.css").read_text()
    assert "@media print" in css and ".no-print" in css
    assert 'class="guide-leaflet no-print"' in page and 'class="guide-ask no-print"' in page
