"""Run `make check` (scripts/check_content.py) on planted files."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

import check_content
from support.commands import Ran, run_main


def run_check(*args: str, cwd: Path) -> Ran:
    """`make check` on `args`, from `cwd`, in this process."""
    return run_main(check_content.main, *args, cwd=cwd)


# Every Chechen page says whether a native speaker has reviewed it.
CE_HEAD = "---\ntranslation_review: needed\n---\n\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP"}
GPS_IFD = 0x8825


def picture(path: Path, place: bool = False) -> Path:
    """A small real picture of the format `path`'s suffix names; with `place`,
    a photo's GPS position in its metadata, as a phone's camera writes it."""
    image = Image.new("RGB", (8, 8), "teal")
    exif = Image.Exif()
    if place:
        exif.get_ifd(GPS_IFD).update({1: "N", 2: (43.0, 10.0, 0.0), 3: "E", 4: (45.0, 50.0, 0.0)})
    out = io.BytesIO()
    image.save(out, FORMATS[path.suffix.lower()], exif=exif)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())
    return path
