import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from netral.audit.models import ChainHead
from netral.audit.selectors import audit_verify
from netral.audit.services import audit_record
from netral.audit.tests.tampering import tamper_delete, tamper_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain() -> list[int]:
    return [
        audit_record(
            actor=None, action="case.register", object_type="case", object_id=n, after={"n": n}
        ).seq
        for n in range(5)
    ]


def test_an_intact_chain_verifies(chain: list[int], capsys: pytest.CaptureFixture[str]) -> None:
    assert audit_verify() is None
    call_command("verify_audit")
    assert "utuh" in capsys.readouterr().out


def test_an_altered_row_is_named(chain: list[int]) -> None:
    tamper_update(chain[2], reason="disamarkan")
    problem = audit_verify()
    assert problem is not None and problem.seq == chain[2]
    with pytest.raises(CommandError, match=f"#{chain[2]}"):
        call_command("verify_audit")


def test_an_altered_row_with_a_recomputed_hash_breaks_the_next_link(chain: list[int]) -> None:
    # A careful attacker rewrites the hash too: the next entry's prev_hash gives it away.
    tamper_update(chain[1], hash="f" * 64)
    problem = audit_verify()
    assert problem is not None and problem.seq == chain[1]


def test_a_deleted_middle_row_is_found(chain: list[int]) -> None:
    tamper_delete(chain[3])
    problem = audit_verify()
    assert problem is not None and problem.seq == chain[3]


def test_deleted_newest_rows_are_found_through_the_head(chain: list[int]) -> None:
    tamper_delete(chain[4])
    problem = audit_verify()
    assert problem is not None and problem.seq == chain[4]
    assert ChainHead.objects.get(pk=1).seq == chain[4]
