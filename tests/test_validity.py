"""Every built page is valid HTML, by the W3C Nu HTML Checker."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from support.site import BuiltSite

VNU = Path(__file__).parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_is_valid_html(site: BuiltSite) -> None:
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: run `make test`, which installs it with npm")
    pages = sorted(site.root.rglob("*.html"))
    assert len(pages) > 20
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    problems = [
        f"{m['url'].split(str(site.root))[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
    ]
    assert not problems, "\n".join(problems)
