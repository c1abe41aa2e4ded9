"""Pages on paper, in PDF, and as links shared in messengers."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from common.site_config import LANGS
from postbuild import cards
from support.site import PAGES, BuiltSite, address, text_of


def test_print_shows_the_letterhead_and_hides_the_interface(served: str, page: Page) -> None:
    page.goto(served + "policy/")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-search", "#site-a11y", ".md-footer"):
        expect(page.locator(hidden).first).to_be_hidden()
    letterhead = page.locator(".site-letterhead")
    expect(letterhead).to_be_visible()
    expect(letterhead.locator('[lang="ru"]')).to_contain_text("СОШ с. Белгатой")
    expect(letterhead.locator('[lang="ce"]')).to_contain_text("БелгӀатой-эвлара")
    page.emulate_media(media="screen")
    expect(letterhead).to_be_hidden()


def test_paper_margin_carries_address_and_date(site: BuiltSite) -> None:
    style = site.html("policy/").find("style", media="print").string
    assert f'content:"{site.absolute("policy/")}"' in style
    assert re.search(r'content:"\d\d\.\d\d\.\d{4} · " counter\(page\)', style)


@pytest.mark.parametrize("lang", LANGS)
def test_every_term_report_has_a_tagged_a4_pdf(site: BuiltSite, lang: str) -> None:
    reports = sorted((site.root / "reports").glob("*/index.html"))
    assert reports, "no term report was built"
    for report in reports:
        check_pdf(site, address(lang, f"reports/{report.parent.name}/"), lang)


def check_pdf(site: BuiltSite, path: str, lang: str) -> None:
    """The page links its PDF under its heading, and the PDF is tagged A4."""
    html = site.html(path)
    link = html.select_one("a.site-pdf")
    assert link is not None and link["type"] == "application/pdf"
    assert link.find_previous("h1") is not None, "the PDF link is not under the heading"
    pdf = site.root / path / link["href"]
    data = pdf.read_bytes()
    assert b"/StructTreeRoot" in data, "the PDF is not tagged"
    assert re.search(rb"/Marked\s+true", data)
    assert f"/Lang ({lang})".encode() in data
    reader = PdfReader(BytesIO(data))
    box = reader.pages[0].mediabox
    mm = [float(side) * 25.4 / 72 for side in (box.width, box.height)]
    assert abs(mm[0] - 210) < 1 and abs(mm[1] - 297) < 1, f"not A4: {mm} mm"
    text = " ".join(p.extract_text() for p in reader.pages)
    title = text_of(html.find("h1"))
    assert title in text
    assert "Белгатой" in text and site.absolute(path) in text
    # Its links lead to the site (or elsewhere on the web), never to the build's disk.
    links = [
        str(annotation.get_object()["/A"]["/URI"])
        for sheet in reader.pages
        for annotation in sheet.get("/Annots", [])
        if "/URI" in annotation.get_object().get("/A", {})
    ]
    assert links, "the PDF has no links"
    assert not [link for link in links if not link.startswith(("https://", "http://", "mailto:"))]
    assert any(link.startswith(site.url) for link in links)


def test_no_pdf_link_without_a_pdf(site: BuiltSite) -> None:
    for lang in LANGS:
        for path in PAGES:
            for link in site.html(address(lang, path)).select("a.site-pdf"):
                assert (site.root / address(lang, path) / link["href"]).exists()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_link_preview_meta_in_the_page_language(site: BuiltSite, lang: str, path: str) -> None:
    html = site.html(address(lang, path))

    def meta(key: str) -> str:
        tag = html.find("meta", property=key) or html.find("meta", attrs={"name": key})
        assert tag is not None, key
        return tag["content"]

    title = text_of(html.find("h1"))
    assert meta("og:title") in (title, meta("og:site_name"))
    assert meta("twitter:title") == meta("og:title")
    assert meta("og:description") == html.find("meta", attrs={"name": "description"})["content"]
    assert meta("og:url") == site.absolute(address(lang, path))
    assert meta("og:locale") == {"ru": "ru_RU", "ce": "ce_RU"}[lang]
    image = meta("og:image")
    assert image.startswith(site.url) and meta("twitter:image") == image
    png = Image.open(Path(site.root / image.removeprefix(site.url)))
    assert png.size == (1200, 630) and png.format == "PNG"
    assert meta("og:image:alt").startswith(meta("og:site_name"))


def test_a_link_preview_image_follows_its_text(tmp_path: Path) -> None:
    """Images are kept between builds (the user's cache): a page whose text
    changed gets an image of the new text, and the old text's comes back."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    cache.mkdir()
    card = "assets/og/policy.png"
    drawn = []
    for alt in ("Положение — первая редакция", "Положение — вторая редакция") * 2:
        cards.draw_all(site, {card: alt}, cache)
        drawn.append((site / card).read_bytes())
        assert drawn[-1] == cards.draw_card(alt)
    assert drawn[0] != drawn[1]
