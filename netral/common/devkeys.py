"""The throwaway keys of development (``make demo``): public, in this repository, so never
acceptable outside DEBUG (``netral.common.checks`` refuses them)."""

DEV_SECRET_KEY = "insecure-dev-key-do-not-use-in-production"  # noqa: S105 - public on purpose
DEV_FIELD_KEY = "ZGV2LW9ubHktZmllbGQta2V5LWRvLW5vdC11c2UhISE="
