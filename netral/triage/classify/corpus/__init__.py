"""The labelled data set's source: hand-written sentence frames per violation type and
register, filled from slot lists (``slots``), composed by ``build`` into
``netral/triage/data/labelled.jsonl``. Everything here was written for Netral; no real report
was copied. See ``netral/triage/data/README.md``."""
