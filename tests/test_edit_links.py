"""The edit button opens the page's own source file; on a Chechen page not
yet translated it offers to create the translation instead."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlsplit

import pytest
import yaml

from common.site_config import LANGS, ROOT
from support.site import PAGES, BuiltSite, address

CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
REPO = CONFIG["repo_url"]


def source_of(lang: str, path: str) -> str:
    """The file under docs/ that the page at `path` is made from."""
    page = f"{lang}/{path.rstrip('/')}.md"
    return page if path and (ROOT / "docs" / page).exists() else f"{lang}/{path}index.md"


def edit_button(site: BuiltSite, path: str):
    return site.html(path).select_one('a.md-content__button[rel="edit"]')


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_edit_button_opens_the_source_of_that_language(
    site: BuiltSite, lang: str, path: str
) -> None:
    source = source_of(lang, path)
    assert (ROOT / "docs" / source).exists()
    button = edit_button(site, address(lang, path))
    assert button["href"] == f"{REPO}/edit/main/docs/{source}"


def test_edit_button_is_named_in_the_page_language(site: BuiltSite) -> None:
    assert edit_button(site, "policy/")["title"] == "Редактировать страницу"
    assert edit_button(site, "ce/policy/")["title"] == "АгӀо нисъян"


def test_untranslated_page_offers_to_create_the_translation(fallback_site: BuiltSite) -> None:
    button = edit_button(fallback_site, "ce/policy/")
    assert button["title"] == "ХӀара агӀо нохчийн матте гочъе"
    link = urlsplit(button["href"])
    assert f"{link.scheme}://{link.netloc}{link.path}" == f"{REPO}/new/main/docs/ce"
    query = parse_qs(link.query)
    assert query["filename"] == ["policy.md"]
    russian = (ROOT / "docs" / "ru" / "policy.md").read_text("utf-8")
    body = russian.split("\n---\n", 1)[1].lstrip("\n") if russian.startswith("---") else russian
    value = query["value"][0]
    assert value.startswith("---\ntranslation_review: needed\n---\n")
    # The Russian text to translate, unless it would make the address too long.
    if len(button["href"]) + len(quote(body)) <= 8000:
        assert value.strip().endswith(body.strip())
    else:
        assert value == "---\ntranslation_review: needed\n---\n\n"


def test_translated_neighbours_keep_their_edit_button(fallback_site: BuiltSite) -> None:
    assert edit_button(fallback_site, "policy/")["href"] == f"{REPO}/edit/main/docs/ru/policy.md"
    assert edit_button(fallback_site, "ce/platforms/")["href"] == (
        f"{REPO}/edit/main/docs/ce/platforms/index.md"
    )
