"""Draw the link-preview images that the built pages name in og:image.

Each image under assets/og/ shows exactly its page's og:image:alt text,
"headline — subline", in a font shipped with the project (scripts/postbuild/fonts/),
so the build needs no network and the image says nothing the page does not.

Drawing one takes longer than the rest of a page's finishing (most of it
PNG compression), and the same text gives the same image: each is kept in
the user's cache (common/user_cache.py) under a hash of its text, of this
module, of the fonts and of Pillow's version, and drawn again only when one
of them changes.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import re
from html import unescape
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

import PIL

from common import user_cache
from common.atomic import write_bytes

if TYPE_CHECKING:
    from PIL import ImageFont

SIZE = (1200, 630)
BACKGROUND = (40, 53, 147)
TEXT = (255, 255, 255)
ACCENT = (255, 213, 79)
FONTS = Path(__file__).parent / "fonts"
MARGIN = 80


# Our own template writes these tags (overrides/partials/link-preview.html).
OG_IMAGE = re.compile(r'<meta property="og:image" content="([^"]*)">')
OG_ALT = re.compile(r'<meta property="og:image:alt" content="([^"]*)">')


def card_of(html: str, site_url: str) -> tuple[str, str] | None:
    """(image path in the site, its alt text) if the page names a card of ours."""
    image = OG_IMAGE.search(html)
    alt = OG_ALT.search(html)
    if not (image and alt and image.group(1).startswith(site_url + "assets/og/")):
        return None
    return image.group(1).removeprefix(site_url), unescape(alt.group(1))


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
    # Imported here: a build whose cards are all kept needs no drawing.
    from PIL import Image, ImageDraw, ImageFont

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
    image.save(out, "PNG")
    return out.getvalue()


def draw_all(site: Path, cards: dict[str, str], cache: Path | None = None) -> None:
    """Draw each card {path in the site: alt text}, or take it from `cache`
    (by default the user's cache folder of cards, if there is one)."""
    cache = cache or user_cache.folder("cards")
    for path, alt in cards.items():
        write_bytes(site / path, _card(alt, cache))
    if cache is not None:
        user_cache.prune(cache)


def _card(alt: str, cache: Path | None) -> bytes:
    if cache is None:
        return draw_card(alt)
    key = hashlib.sha256(f"{_drawing()} {alt}".encode()).hexdigest()
    kept = cache / f"{key}.png"
    if (png := user_cache.read(kept)) is None:
        png = draw_card(alt)
        with contextlib.suppress(OSError):  # not kept: drawn again next time
            write_bytes(kept, png)
    return png


@functools.cache
def _drawing() -> str:
    """A hash of all a card is drawn with besides its text."""
    digest = hashlib.sha256(PIL.__version__.encode())
    for path in [Path(__file__), *sorted(FONTS.glob("*.ttf"))]:
        digest.update(path.read_bytes())
    return digest.hexdigest()
