"""Draw the link-preview images that the built pages name in og:image.

Each image under assets/og/ shows exactly its page's og:image:alt text,
"headline — subline", in a font shipped with the project (scripts/fonts/),
so the build needs no network and the image says nothing the page does not.
"""

from __future__ import annotations

from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from atomic import write_bytes

SIZE = (1200, 630)
BACKGROUND = (40, 53, 147)
TEXT = (255, 255, 255)
ACCENT = (255, 213, 79)
FONTS = Path(__file__).parent / "fonts"
MARGIN = 80


class _MetaReader(HTMLParser):
    """Collects <meta property|name=… content=…> of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = dict(attrs)
            key = values.get("property") or values.get("name")
            if key and values.get("content") is not None:
                self.meta[key] = values["content"]


def page_meta(html: str) -> dict[str, str]:
    reader = _MetaReader()
    reader.feed(html)
    return reader.meta


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(".,;:") + "…"
    return lines


def draw_card(alt: str) -> bytes:
    """A PNG card showing `alt`, split into headline and subline at " — "."""
    headline, _, subline = alt.partition(" — ")
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    bold = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), 60)
    regular = ImageFont.truetype(str(FONTS / "DejaVuSans.ttf"), 34)
    width = SIZE[0] - 2 * MARGIN
    draw.rectangle((MARGIN, MARGIN, MARGIN + 120, MARGIN + 12), fill=ACCENT)
    y = MARGIN + 60
    for line in _wrap(headline, bold, width, 3):
        draw.text((MARGIN, y), line, font=bold, fill=TEXT)
        y += 74
    y += 24
    for line in _wrap(subline, regular, width, 4):
        draw.text((MARGIN, y), line, font=regular, fill=TEXT)
        y += 46
    out = BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def draw_all(site: Path, site_url: str) -> dict[str, str]:
    """Draw every card the pages ask for; return {path: alt}."""
    cards: dict[str, str] = {}
    for page in sorted(site.rglob("*.html")):
        meta = page_meta(page.read_text("utf-8"))
        image = meta.get("og:image", "")
        if image.startswith(site_url + "assets/og/"):
            cards.setdefault(image.removeprefix(site_url), meta.get("og:image:alt", ""))
    for path, alt in cards.items():
        write_bytes(site / path, draw_card(alt))
    return cards
