"""/api/docs works under our own Content-Security-Policy: Swagger UI from our origin, no inline
script (issue 10, item 11). The browser half is tests/browser/test_api_docs.py."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.contrib.staticfiles import finders
from django.test import Client


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline_scripts: list[dict[str, str | None]] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script":
            if found.get("src"):
                self.urls.append(found["src"] or "")
            else:
                self._script = found
        elif tag == "link" and found.get("href"):
            self.urls.append(found["href"] or "")

    def handle_data(self, data: str) -> None:
        if self._script is not None and data.strip():
            self.inline_scripts.append(self._script)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None


def test_docs_page_loads_only_same_origin_assets_and_no_inline_script(client: Client) -> None:
    response = client.get("/api/docs")
    assert response.status_code == 200
    assets = _Assets()
    assets.feed(response.content.decode())
    scripts = [url for url in assets.urls if url.endswith(".js")]
    assert any(url.endswith("swagger-ui-bundle.js") for url in scripts), assets.urls
    for url in assets.urls:
        parts = urlsplit(url)
        assert not parts.scheme and not parts.netloc, f"{url} is not on our origin"
        assert url.startswith("/static/")
        assert finders.find(url.removeprefix("/static/")), f"{url} is not a static file we ship"
    # Only data blocks (the settings as JSON), which a browser never runs.
    for attrs in assets.inline_scripts:
        assert attrs.get("type") == "application/json" or attrs.get("nonce"), attrs
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
