"""The reader comforts of site.js, in Chromium: the contents follow the
reading, back to top, search highlights, the dark scheme, content tabs and
the version for the visually impaired in one click."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from support.browser import search, wait_until

BACKGROUND = "getComputedStyle(document.body).backgroundColor"


def luminance(css: str) -> float:
    red, green, blue = (int(n) for n in re.findall(r"\d+", css)[:3])
    return (red + green + blue) / 3


def test_contents_mark_the_section_being_read(served: str, page: Page) -> None:
    page.goto(served + "policy/")
    links = page.locator(".md-sidebar--secondary .md-nav--secondary a.md-nav__link")
    target = links.nth(3)
    anchor = target.get_attribute("href")
    page.locator(anchor).scroll_into_view_if_needed()
    page.evaluate("id => document.querySelector(id).scrollIntoView()", anchor)
    expect(target).to_have_class(re.compile("md-nav__link--active"))
    expect(target).to_have_attribute("aria-current", "location")
    expect(page.locator('.md-sidebar--secondary a[aria-current="location"]')).to_have_count(1)
    # Reading on: the mark moves down with the reader.
    after = links.nth(5)
    page.evaluate("id => document.querySelector(id).scrollIntoView()", after.get_attribute("href"))
    expect(after).to_have_class(re.compile("md-nav__link--active"))
    expect(target).not_to_have_class(re.compile("md-nav__link--active"))


def test_contents_in_the_drawer_follow_too(served: str, page: Page) -> None:
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(served + "ce/policy/")
    drawer = page.locator(".md-sidebar--primary .md-nav--secondary a.md-nav__link")
    anchor = drawer.nth(2).get_attribute("href")
    page.evaluate("id => document.querySelector(id).scrollIntoView()", anchor)
    page.locator('[data-site-toggle="__drawer"]').click()
    expect(drawer.nth(2)).to_have_attribute("aria-current", "location")


@pytest.mark.parametrize(("path", "name"), [("policy/", "К началу"), ("ce/policy/", "Лакхе")])
def test_back_to_top_appears_after_a_screen(served: str, page: Page, path: str, name: str) -> None:
    page.goto(served + path)
    button = page.get_by_role("button", name=name)
    expect(button).to_be_hidden()
    page.mouse.wheel(0, 400)
    expect(button).to_be_hidden()
    page.evaluate("window.scrollTo(0, window.innerHeight * 1.5)")
    expect(button).to_be_visible()
    # From the keyboard: it takes focus, and Enter goes back to the top.
    button.focus()
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    wait_until(page, "window.scrollY === 0")
    expect(page.locator(".md-skip")).to_be_focused()
    expect(button).to_be_hidden()


def test_search_result_opens_with_the_word_highlighted(served: str, page: Page) -> None:
    page.goto(served)
    search(page, "платформы")
    page.locator(".md-search-result__list a").first.click()
    expect(page).to_have_url(re.compile(r"[?&]h="))
    marks = page.locator("article mark.site-highlight")
    expect(marks.first).to_be_visible()
    assert all(m.lower().startswith("платформ") for m in marks.all_inner_texts())
    bar = page.locator(".site-highlight-bar")
    expect(bar).to_contain_text("платформы")
    bar.get_by_role("button", name="Убрать подсветку").click()
    expect(marks).to_have_count(0)
    expect(bar).to_have_count(0)
    assert "h=" not in page.url


def test_highlight_is_palochka_tolerant(served: str, page: Page) -> None:
    # Typed with a Latin I for Ӏ, as people do; the page has the real Ӏ.
    page.goto(served + "ce/platforms/sferum/?h=" + "гIулчахь")
    marks = page.locator("article mark.site-highlight")
    expect(marks.first).to_be_visible()
    assert set(marks.all_inner_texts()) == {"гӀулчахь"}
    expect(page.get_by_role("button", name="Билгалдаккхар дӀадаккха")).to_be_visible()


# The character before each mark, in the article's text.
BEFORE_MARKS = """() => [...document.querySelectorAll("article mark.site-highlight")].map(mark => {
  const range = document.createRange();
  range.setStart(mark.closest("article"), 0);
  range.setEndBefore(mark);
  return range.toString().slice(-1);
})"""


def test_highlight_marks_words_from_their_start_only(served: str, page: Page) -> None:
    """«ли» is in many words of the policy (обязательно, деятельности…), at
    the start of few: only those are marked, as search matches words."""
    page.goto(served + "policy/?h=ли")
    marks = page.locator("article mark.site-highlight")
    expect(marks.first).to_be_visible()
    assert {text.casefold() for text in marks.all_inner_texts()} == {"ли"}
    before = page.evaluate(BEFORE_MARKS)
    assert before and not any(re.match(r"\w", char) for char in before), before
    inside = page.evaluate("document.querySelector('article').textContent.match(/ли/gi).length")
    assert inside > 3 * len(before)  # the word is mostly inside others, unmarked


def test_dark_scheme_follows_the_system_and_the_toggle(served: str, dark_page: Page) -> None:
    page = dark_page
    page.goto(served + "platforms/")
    assert luminance(page.evaluate(BACKGROUND)) < 80
    toggle = page.get_by_role("button", name="Тёмное оформление")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "false")
    assert luminance(page.evaluate(BACKGROUND)) > 200
    # The choice is remembered on the next page and the next visit.
    page.goto(served + "ce/policy/")
    assert luminance(page.evaluate(BACKGROUND)) > 200
    expect(page.get_by_role("button", name="Бодане кеп")).to_have_attribute("aria-pressed", "false")
    page.get_by_role("button", name="Бодане кеп").click()
    page.reload()
    assert luminance(page.evaluate(BACKGROUND)) < 80


def test_light_system_can_choose_dark(served: str, page: Page) -> None:
    page.goto(served)
    assert luminance(page.evaluate(BACKGROUND)) > 200
    page.get_by_role("button", name="Тёмное оформление").click()
    assert luminance(page.evaluate(BACKGROUND)) < 80
    page.goto(served + "news/")
    assert luminance(page.evaluate(BACKGROUND)) < 80


def test_low_vision_colours_win_over_the_dark_scheme(served: str, dark_page: Page) -> None:
    page = dark_page
    page.goto(served + "policy/")
    page.locator(".site-a11y-toggle").click()  # black on white, at once
    assert page.evaluate(BACKGROUND) == "rgb(255, 255, 255)"
    expect(page.locator(".site-scheme-toggle")).to_be_hidden()
    page.locator(".site-a11y__reset").click()
    assert luminance(page.evaluate(BACKGROUND)) < 80
    expect(page.locator(".site-scheme-toggle")).to_be_visible()


@pytest.mark.parametrize("javascript", [True, False])
def test_content_tabs_switch_without_script(
    browser: Browser, served: str, javascript: bool
) -> None:
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    try:
        page.goto(served + "platforms/sferum/")
        phone = page.get_by_text("Установите приложение VK Мессенджер")
        computer = page.get_by_text("Откройте в браузере сайт Сферума")
        expect(phone).to_be_visible()
        expect(computer).to_be_hidden()
        page.locator(".tabbed-labels label", has_text="На компьютере").click()
        expect(computer).to_be_visible()
        expect(phone).to_be_hidden()
        # From the keyboard: the arrow keys move between the tabs.
        page.locator(".tabbed-set input").nth(1).focus()
        page.keyboard.press("ArrowLeft")
        expect(phone).to_be_visible()
    finally:
        context.close()


def test_low_vision_version_in_one_click(served: str, page: Page) -> None:
    page.goto(served + "platforms/")
    html = page.locator("html")
    page.get_by_role("button", name="Версия для слабовидящих").click()
    expect(html).to_have_attribute("data-a11y-text", "150")
    expect(html).to_have_attribute("data-a11y-colors", "bw")
    panel = page.locator("#site-a11y")
    expect(panel).to_be_visible()
    expect(page.locator('#site-a11y input[name="text"][value="150"]')).to_be_checked()
    # Still on, on the next page and on the next visit.
    page.goto(served + "ce/news/")
    expect(html).to_have_attribute("data-a11y-text", "150")
    page.reload()
    expect(html).to_have_attribute("data-a11y-colors", "bw")
    # The eye opens the panel now; «Обычная версия сайта» turns it all off.
    page.locator(".site-a11y-toggle").click()
    page.get_by_role("button", name="Сайтан гуттаренна верси").click()
    expect(html).not_to_have_attribute("data-a11y-text", "150")
    expect(html).not_to_have_attribute("data-a11y-colors", "bw")
    expect(panel).to_be_hidden()
    page.goto(served)
    expect(html).not_to_have_attribute("data-a11y-text", "150")
