"""Everything a reader needs works from the keyboard alone."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

PHONE = {"width": 400, "height": 800}


def tab_to(page: Page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element matching `selector` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_skip_link_is_first_and_jumps_to_the_text(served: str, page: Page) -> None:
    page.goto(served + "platforms/sferum/")
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    expect(skip).to_have_text("Перейти к содержанию")
    page.keyboard.press("Enter")
    in_text = page.evaluate(
        "() => { const id = decodeURIComponent(location.hash.slice(1));"
        " const el = document.getElementById(id); return !!id && !!el && !!el.closest('article'); }"
    )
    assert in_text, "the skip link did not lead into the text"


def test_menu_opens_and_closes_from_the_keyboard(served: str, page: Page) -> None:
    page.set_viewport_size(PHONE)
    page.goto(served + "ce/policy/")
    tab_to(page, '[data-site-toggle="__drawer"]')
    page.keyboard.press("Enter")
    expect(page.locator("#__drawer")).to_be_checked()
    expect(page.locator('[data-site-toggle="__drawer"]')).to_have_attribute("aria-expanded", "true")
    focused = page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
    assert focused, "focus did not move into the menu"
    link = page.locator(".md-sidebar--primary a[href]").filter(has_text="Сферум")
    tab_to(page, ".md-sidebar--primary a[href$='platforms/sferum/']")
    expect(link).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#__drawer")).not_to_be_checked()
    expect(page.locator('[data-site-toggle="__drawer"]')).to_be_focused()


def test_search_from_the_keyboard(served: str, page: Page) -> None:
    page.goto(served)
    tab_to(page, ".md-search__input")
    page.keyboard.type("Сферум")
    first = page.locator(".md-search-result__list a").first
    expect(first).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect(first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(served + "platforms/sferum/") + r"(\?h=.*)?$"))


def test_search_button_on_a_phone(served: str, page: Page) -> None:
    page.set_viewport_size(PHONE)
    page.goto(served + "ce/")
    tab_to(page, '[data-site-toggle="__search"]')
    page.keyboard.press("Enter")
    expect(page.locator(".md-search__input")).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()


def test_language_switcher_from_the_keyboard(served: str, page: Page) -> None:
    page.goto(served + "platforms/sferum/")
    tab_to(page, ".site-languages button")
    tab_to(page, '.site-languages a[lang="ce"]', limit=3)
    expect(page.locator('.site-languages a[lang="ce"]')).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(served + "ce/platforms/sferum/")


def test_vi_control_from_the_keyboard(served: str, page: Page) -> None:
    page.goto(served + "policy/")
    tab_to(page, ".site-a11y-toggle")
    page.keyboard.press("Enter")
    # On at once (150 %, black on white), the panel open to adjust it.
    expect(page.locator("#site-a11y")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("data-a11y-colors", "bw")
    expect(page.locator('#site-a11y input[name="text"][value="150"]')).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(page.locator("html")).to_have_attribute("data-a11y-text", "200")
    page.keyboard.press("Escape")
    expect(page.locator("#site-a11y")).to_be_hidden()
    expect(page.locator(".site-a11y-toggle")).to_be_focused()
