"""What docs/ may publish besides its pages: one policy by file type, for
`make check` (checks/files.py, on the source) and for the build's gate (on
what MkDocs copied into the site).

MkDocs copies every file of docs/ that is not a page into the site as it is:
nothing cleans it, no Content-Security-Policy guards it, and the privacy
gate cannot read a scan. So only what the site's pages are made of passes:

    .md                          pages (checked and cleaned as pages)
    .png .jpg .jpeg .gif .webp   pictures: read as the format their name
                                 says, at most MAX_BYTES, and a photo without
                                 its place (GPS) in its metadata
    .svg                         drawings: shapes, text and their styles
                                 only; no script, no on…= handler, no <a>,
                                 <image>, <foreignObject>, no reference
                                 outside the file, no DOCTYPE or ENTITY
    .html .htm                   refused: a raw page, published without the
                                 site's CSP and without cleaning
    .pdf                         refused: text, properties and scans that
                                 nothing can check for personal data (the
                                 site prints its reports' PDFs itself)
    office documents, archives   refused: may hold personal data
    anything else                refused

A refused file is left out of the site, and the build fails naming it.
"""

from __future__ import annotations

import io
import re
import xml.parsers.expat
from collections.abc import Iterator
from pathlib import Path

from common.problem import Problem
from common.site_config import LANGS
from common.source_pages import published_files
from common.words import message

MAX_BYTES = 1024 * 1024
PICTURES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP"}
DRAWINGS = (".svg",)
PAGES = (".md",)
RAW_PAGES = (".html", ".htm", ".xhtml", ".shtml")
OFFICE = (
    ".doc", ".docx", ".docm", ".dot", ".dotx", ".xls", ".xlsx", ".xlsm", ".xlsb", ".xlt",
    ".ppt", ".pptx", ".pptm", ".pps", ".ppsx", ".odt", ".ods", ".odp", ".odg", ".rtf",
    ".csv", ".tsv", ".zip", ".rar", ".7z", ".tar", ".gz", ".tgz",
)  # fmt: skip
_GPS_IFD = 0x8825

Found = tuple[int, str]  # (line, message)


def problems(path: Path) -> list[Found]:
    """What is wrong with publishing the file `path` (read only as far as
    its type needs, and never past MAX_BYTES)."""
    suffix = path.suffix.lower()
    name = path.name
    if suffix in PAGES:
        return []
    if suffix in RAW_PAGES:
        return [(1, message("raw_html"))]
    if suffix == ".pdf":
        return [(1, message("pdf_file"))]
    if suffix in OFFICE:
        return [(1, message("office_file", suffix=suffix))]
    if suffix not in PICTURES and suffix not in DRAWINGS:
        shown = suffix or Path(name).name
        images = " ".join([*PICTURES, *DRAWINGS])
        return [(1, message("file_not_published", suffix=shown, images=images))]
    if (size := path.stat().st_size) > MAX_BYTES:
        kb = (size + 1023) // 1024
        return [(1, message("image_too_large", limit=MAX_BYTES // 1024, size=kb))]
    with open(path, "rb") as file:
        data = file.read(MAX_BYTES)
    if suffix in DRAWINGS:
        return svg_problems(data)
    return _picture_problems(data, PICTURES[suffix])


def _picture_problems(data: bytes, expected: str) -> list[Found]:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != expected:
                return [(1, message("image_unreadable", format=expected))]
            gps = image.getexif().get_ifd(_GPS_IFD)
    except Exception:  # Pillow raises many kinds for a broken or hostile file
        return [(1, message("image_unreadable", format=expected))]
    return [(1, message("image_location"))] if gps else []


# --- SVG -------------------------------------------------------------------

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
# Drawing editors' own notes (Inkscape, Sodipodi, RDF metadata): never
# rendered, never run.
EDITOR_NAMESPACES = {
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://purl.org/dc/elements/1.1/",
    "http://creativecommons.org/ns#",
}
SVG_ELEMENTS = {
    "svg", "g", "defs", "title", "desc", "metadata", "symbol", "use", "path", "rect",
    "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath",
    "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern", "marker",
    "filter", "style", "switch",
    "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feDiffuseLighting",
    "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB",
    "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology",
    "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
}  # fmt: skip
# url(…) that is not url(#id) in a same-file reference: another file or host.
_OUTSIDE_URL = re.compile(r"""url\(\s*(?!['"]?#)|@import|expression\s*\(""", re.IGNORECASE)


def svg_problems(data: bytes) -> list[Found]:
    """What in an SVG could run a script or reach outside the file, by line."""
    found: list[Found] = []
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")

    def at() -> int:
        return int(parser.CurrentLineNumber)

    def refuse_declaration(*_: object) -> None:
        found.append((at(), message("svg_doctype")))
        raise _Stop

    def start(name: str, attributes: dict[str, str]) -> None:
        namespace, _, tag = name.rpartition(" ")
        if namespace in EDITOR_NAMESPACES:
            return
        if not namespace and tag == "svg":
            found.append((at(), message("svg_namespace", namespace=SVG_NS)))
        elif namespace != SVG_NS or tag not in SVG_ELEMENTS:
            found.append((at(), message("svg_element", tag=tag)))
        for attribute, value in attributes.items():
            found.extend((at(), said) for said in _attribute_problems(tag, attribute, value))

    def text(data: str) -> None:
        if _OUTSIDE_URL.search(data):
            found.append((at(), message("svg_style_url")))

    def instruction(target: str, _: str) -> None:
        found.append((at(), message("svg_element", tag=f"?{target}")))

    parser.StartDoctypeDeclHandler = refuse_declaration
    parser.EntityDeclHandler = refuse_declaration
    parser.StartElementHandler = start
    parser.CharacterDataHandler = text
    parser.ProcessingInstructionHandler = instruction
    try:
        parser.Parse(data, True)
    except _Stop:
        pass
    except xml.parsers.expat.ExpatError as err:
        found.append((err.lineno or 1, message("svg_unreadable", why=_expat_reason(err))))
    return sorted(set(found))


class _Stop(Exception):
    """No reading past a DOCTYPE: it could define entities."""


def _attribute_problems(tag: str, attribute: str, value: str) -> Iterator[str]:
    namespace, _, name = attribute.rpartition(" ")
    if namespace in EDITOR_NAMESPACES:
        return
    if name.lower().startswith("on"):
        yield message("svg_handler", name=name, tag=tag)
    elif name == "href" and namespace in ("", XLINK_NS):
        if not value.strip().startswith("#"):
            yield message("svg_reference", name=name, tag=tag, value=value[:60])
    elif namespace not in ("", XML_NS) or name == "base":
        yield message("svg_attribute", name=name, tag=tag)
    elif _OUTSIDE_URL.search(value):
        yield message("svg_style_url")


def _expat_reason(err: xml.parsers.expat.ExpatError) -> str:
    return xml.parsers.expat.ErrorString(err.code) if err.code else str(err)


# --- The gate on the built site -------------------------------------------


def gate(site: Path, project: Path) -> list[Problem]:
    """Every file MkDocs copied from docs/ into `site` that the policy
    refuses: taken out of the site, and told at its source's line."""
    told: list[Problem] = []
    docs = project / "docs"
    for source in published_files(project):
        parts = source.relative_to(docs).parts
        # docs/<default language>/… is the site's root, docs/ce/… is /ce/.
        copy = site.joinpath(*(parts[1:] if parts[0] == LANGS[0] else parts))
        if not copy.is_file():
            continue
        found = problems(copy)
        if found:
            copy.unlink()
        shown = source.relative_to(project).as_posix()
        told += [Problem(shown, line, said) for line, said in found]
    return told
