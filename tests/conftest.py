"""Shared fixtures: the real site, built once per session, served and browsed.

Every test reads what a reader gets: the built HTML, or the page in a real
Chromium (Debian's, at /usr/bin/chromium) driven by Playwright.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from postbuild.pdfs import CHROMIUM, CHROMIUM_FLAGS, chromium_problem
from sitebuild.build import build
from support.browser import is_csp_violation
from support.project import PREFIX_URL, build_copy
from support.site import BuiltSite, serve

DOMAIN_URL = "https://set.example.ru/"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The project's site, built as `make site` builds it."""
    out = tmp_path_factory.mktemp("site")
    build(out, site_url=PREFIX_URL)
    return BuiltSite(out, PREFIX_URL)


@pytest.fixture(scope="session")
def domain_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The same site published at a custom domain's root."""
    out = tmp_path_factory.mktemp("domain-site")
    build(out, site_url=DOMAIN_URL)
    return BuiltSite(out, DOMAIN_URL)


@pytest.fixture(scope="session")
def fallback_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The site with one Chechen page not written yet: /ce/policy/ falls back."""
    return build_copy(
        tmp_path_factory, "fallback", lambda project: (project / "docs/ce/policy.md").unlink()
    )


@pytest.fixture(scope="session")
def served(site: BuiltSite) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1, at its path prefix."""
    with serve(site) as url:
        yield url


BROWSER_FIXTURES = {"browser", "page", "dark_page"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Without a Chromium (Debian's, or what CHROMIUM names: Google Chrome
    on GitHub's runners, .github/workflows/test.yml), stop before any test
    runs, in one line that names the variable and what to install."""
    wanted = any(BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())) for item in items)
    if wanted and (problem := chromium_problem()):
        pytest.exit(problem, returncode=1)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        # Chromium's own background traffic is refused on a closed network.
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def _tab(browser: Browser, **options: object) -> Iterator[Page]:
    """A fresh tab that fails the test on any script error and on anything
    the page's Content-Security-Policy refuses: the site's own features must
    all work under it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
    tab = context.new_page()
    errors: list[str] = []
    violations: list[str] = []
    tab.on("pageerror", lambda err: errors.append(str(err)))
    tab.on(
        "console",
        lambda message: violations.append(message.text) if is_csp_violation(message.text) else None,
    )
    yield tab
    context.close()
    assert not errors, f"script errors on the page: {errors}"
    assert not violations, f"the Content-Security-Policy refused: {violations}"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh tab that fails the test on any script error or CSP refusal."""
    yield from _tab(browser)


@pytest.fixture
def dark_page(browser: Browser) -> Iterator[Page]:
    """A tab whose system asks for the dark colour scheme."""
    yield from _tab(browser, color_scheme="dark")
