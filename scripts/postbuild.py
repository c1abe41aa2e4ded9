"""Finish a built site: the steps MkDocs and its plugins leave to us."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

import search_index
from atomic import write_text
from sitemap import Sitemap


def finish(site: Path) -> None:
    sitemap = Sitemap.read(site)
    search_index.split(site, sitemap)
    write_cname(site, sitemap.site_url)


def write_cname(site: Path, site_url: str) -> None:
    """Name the custom domain in CNAME when the site sits at a domain's root.

    A GitHub project-pages address (*.github.io/…) needs no CNAME, nor does
    a local preview. Deploying through GitHub Actions, the domain is also set
    in the repository's Pages settings; the file keeps the two in step and
    serves a branch-based deployment too.
    """
    url = urlsplit(site_url)
    host = url.hostname or ""
    cname = site / "CNAME"
    if url.path in ("", "/") and _is_domain(host) and not host.endswith(".github.io"):
        write_text(cname, host + "\n")
    else:
        cname.unlink(missing_ok=True)


def _is_domain(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return "." in host
    return False
