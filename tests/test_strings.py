"""The Chechen interface: every theme string translated, nothing leaking."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
import yaml

from chechen import palochka
from common.site_config import ROOT
from common.words import MESSAGES, WORDS_FILE, message
from support.site import PAGES, BuiltSite, address

MATERIAL_RU = Path(material.__file__).parent / "templates" / "partials" / "languages" / "ru.html"
OURS_CE = ROOT / "overrides" / "partials" / "languages" / "ce.html"
SITE_STRINGS = ROOT / "overrides" / "partials" / "site-strings.html"
PAIR = re.compile(r'^\s*"([\w.]+)": "(.*)",?$', re.MULTILINE)
# Words Chechen shares with Russian, and values that are settings, not text.
SAME_IN_BOTH = {"blog.archive", "blog.draft", "search.config.lang"}


def strings(path: Path) -> dict[str, str]:
    return dict(PAIR.findall(path.read_text("utf-8")))


def test_every_russian_theme_key_has_a_chechen_string() -> None:
    assert set(strings(OURS_CE)) == set(strings(MATERIAL_RU))


def test_chechen_theme_strings_are_not_russian_or_english() -> None:
    ru, ce = strings(MATERIAL_RU), strings(OURS_CE)
    for key, value in ce.items():
        if key in SAME_IN_BOTH or key == "language":
            continue
        assert value != ru[key], f"{key} is the Russian string"
        assert not re.search(r"[A-Za-z]", value.replace("RSS", "")), f"{key} has Latin letters"


def test_chechen_strings_write_the_palochka_properly() -> None:
    for path in (OURS_CE, SITE_STRINGS):
        text = path.read_text("utf-8")
        found = [text[max(0, f.index - 8) : f.index + 8] for f in palochka.find_lookalikes(text)]
        assert not found, f"{path.name}: {found}"


def test_site_strings_exist_in_both_languages() -> None:
    text = SITE_STRINGS.read_text("utf-8")
    ru, ce = text.split('"ce": {')
    assert set(PAIR.findall(ru)) and {k for k, _ in PAIR.findall(ru)} == {
        k for k, _ in PAIR.findall(ce)
    }


@pytest.mark.parametrize("path", PAGES)
def test_no_russian_interface_string_on_a_chechen_page(site: BuiltSite, path: str) -> None:
    page = site.html(address("ce", path))
    for article in page.select("article"):
        article.extract()
    chrome = page.get_text(" ")
    config = page.find(id="__config").string
    leaks = {
        value
        for key, value in strings(MATERIAL_RU).items()
        if key not in SAME_IN_BOTH and len(value) > 3 and (value in chrome or value in config)
    }
    assert not leaks


def test_chechen_page_interface_is_chechen(site: BuiltSite) -> None:
    page = site.html("ce/platforms/sferum/")
    ce = strings(OURS_CE)
    assert page.select_one(".md-search__input")["placeholder"] == ce["search.placeholder"]
    assert page.select_one(".md-skip").get_text(strip=True) == ce["action.skip"]
    assert page.select_one('a[rel="edit"]')["title"] == ce["action.edit"]
    directions = {span.get_text(strip=True) for span in page.select(".md-footer__direction")}
    assert directions == {ce["footer.previous"], ce["footer.next"]}


# The tools' messages (data/words.yml, messages): in Russian, each one used.
MESSAGE_CALL = re.compile(r"""\bmessage\(\s*["']([a-z_]+)["']""")


def test_every_message_the_tools_tell_is_in_words_and_russian() -> None:
    messages = yaml.safe_load((ROOT / WORDS_FILE).read_text("utf-8"))[MESSAGES]
    used = {
        key
        for path in (ROOT / "scripts").rglob("*.py")
        for key in MESSAGE_CALL.findall(path.read_text("utf-8"))
    }
    assert used == set(messages), (used - set(messages), set(messages) - used)
    for key, text in messages.items():
        words = re.sub(r"{\w+}|<[^>]*>", "", text)  # «<{tag}>» names a tag: no words
        assert re.search("[а-яё]", words) or not words.strip(), key
        formatted = message(key, **{name: "x" for name in re.findall(r"{(\w+)}", text)})
        assert "\n" not in formatted and "{" not in formatted, key
