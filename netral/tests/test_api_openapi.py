"""The OpenAPI document: one name, one schema (issue 10, item 7). Two ``DeadlineOut`` or
``ErrorOut`` classes in different apps used to share one component, so one operation was
documented with the other's shape."""

from __future__ import annotations

from typing import Any

from django.test import Client


def _resolve(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = document["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _body(document: dict[str, Any], path: str, method: str, status: str) -> dict[str, Any]:
    response = document["paths"][path][method]["responses"][status]
    return _resolve(document, response["content"]["application/json"]["schema"])


def test_each_operation_documents_its_own_shapes() -> None:
    document = Client().get("/api/openapi.json").json()
    rule = _resolve(document, _body(document, "/api/rules/deadlines", "get", "200")["items"])
    assert {"from", "days", "unit"} <= set(rule["properties"])
    submitted = _body(document, "/api/reports", "post", "201")
    deadline = _resolve(document, submitted["properties"]["deadlines"]["items"])
    assert {"due", "legal_basis"} <= set(deadline["properties"])
    assert "from" not in deadline["properties"]
    # One error body everywhere: the intake's 422 and the statistics' 404 alike.
    for path, method, status in [
        ("/api/reports", "post", "422"),
        ("/api/stats/summary", "get", "404"),
        ("/api/accounts/me", "get", "401"),
    ]:
        error = _body(document, path, method, status)
        assert {"detail", "field", "errors"} <= set(error["properties"]), (path, status)
