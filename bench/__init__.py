"""Benchmarks: each prints its numbers. Run all with `make bench` (or one with
`python -m bench.intake`). They use a throwaway test database on the configured engine
(SQLite by default, PostgreSQL when DATABASE_URL points at one)."""
