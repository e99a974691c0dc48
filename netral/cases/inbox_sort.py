"""Sorting the staff inbox by a column, server-side (``?urut=<column>`` ascending,
``?urut=-<column>`` descending): the table's header links and its ``aria-sort`` come from
here. The default is the deadline: live cases first, nearest deadline first, then finished
ones, most recently finished first (``case_inbox``'s own order)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case as Cond
from django.db.models import F, IntegerField, OrderBy, QuerySet, Value, When
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from netral.cases.models import Case, Status

DEFAULT_SORT = "tenggat"
# Column -> the annotation or field it sorts by (the first report's name and agency are stored
# on the case, ``case_inbox`` annotates the stage). The status sorts in workflow order, not
# alphabetically.
SORT_FIELDS = {
    "nomor": "register_number",
    "terlapor": "first_reported_name",
    "instansi": "first_agency",
    "tahapan": "event_stage_name",
    "status": "status_rank",
    "petugas": "assignee__username",
    DEFAULT_SORT: "live_due",
}
# Never empty (NULL) columns, sorted by their indexes (``Case.Meta.indexes``): a plain
# ascending or descending order, which an index scan gives either way round (asking for
# empty values last would make PostgreSQL sort every row instead).
INDEXED = {"terlapor", "instansi"}


@dataclass(frozen=True)
class InboxSort:
    column: str
    descending: bool

    @property
    def param(self) -> str:
        return f"-{self.column}" if self.descending else self.column

    def aria(self, column: str) -> str:
        """The ``aria-sort`` of a header: ``ascending``/``descending`` on the sorted column."""
        if column != self.column:
            return "none"
        return "descending" if self.descending else "ascending"

    def toggle(self, column: str) -> str:
        """The ``urut`` value a header link sets: the other direction on the sorted column,
        ascending on any other."""
        return f"-{column}" if column == self.column and not self.descending else column


def inbox_sort_parse(raw: str | None) -> InboxSort:
    """``urut`` as given; anything unknown is the default (never an error)."""
    text = (raw or "").strip()[:20]
    descending = text.startswith("-")
    column = text.removeprefix("-")
    if column not in SORT_FIELDS:
        return InboxSort(DEFAULT_SORT, False)
    return InboxSort(column, descending)


def _status_rank() -> Cond:
    return Cond(
        *[When(status=value, then=Value(index)) for index, value in enumerate(Status.values)],
        default=Value(len(Status.values)),
        output_field=IntegerField(),
    )


def inbox_sorted(cases: QuerySet[Case], sort: InboxSort) -> QuerySet[Case]:
    """``cases`` (from ``case_inbox``) in the order ``sort`` asks, ties by receipt then id.
    Empty values (no register number yet, nobody assigned) go last either way."""
    cases = cases.select_related("assignee")
    if sort.column == DEFAULT_SORT:
        due = F("live_due")
        return cases.order_by(
            "finished_rank",
            due.desc(nulls_last=True) if sort.descending else due.asc(nulls_last=True),
            F("finished_at").desc(nulls_last=True),
            "received_at",
            "pk",
        )
    if sort.column == "status":
        cases = cases.annotate(status_rank=_status_rank())
    field = F(SORT_FIELDS[sort.column])
    first: OrderBy
    if sort.column in INDEXED:
        first = field.desc() if sort.descending else field.asc()
    else:
        first = field.desc(nulls_last=True) if sort.descending else field.asc(nulls_last=True)
    return cases.order_by(first, "received_at", "pk")


# The inbox's columns in order: (sort key or None, header).
COLUMNS = (
    ("nomor", _("Nomor registrasi")),
    ("terlapor", _("Terlapor")),
    ("instansi", _("Instansi")),
    (None, _("Wilayah")),
    ("tahapan", _("Tahapan")),
    ("status", _("Status")),
    ("petugas", _("Petugas")),
    (DEFAULT_SORT, _("Tenggat")),
)


@dataclass(frozen=True)
class InboxColumn:
    label: str
    sortable: bool
    url: str = ""  # the header link: this column's sort, the filters kept, back to page 1
    aria_sort: str = ""


def inbox_columns(params: QueryDict, sort: InboxSort) -> list[InboxColumn]:
    columns = []
    for key, label in COLUMNS:
        if key is None:
            columns.append(InboxColumn(label=str(label), sortable=False))
            continue
        query = params.copy()
        query.pop("page", None)
        query["urut"] = sort.toggle(key)
        columns.append(
            InboxColumn(
                label=str(label),
                sortable=True,
                url="?" + query.urlencode(),
                aria_sort=sort.aria(key),
            )
        )
    return columns
