"""Preview the site while you edit it: what `make serve` runs.

Builds the whole site (generated pages, MkDocs, per-language search) into a
temporary folder, serves it at http://127.0.0.1:8000/ and rebuilds when a file
under docs/, overrides/ or data/ changes. The browser reloads by itself.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from common.site_config import ROOT
from sitebuild.build import BuildError, build

WATCHED = ("docs", "overrides", "data", "mkdocs.yml")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()

    site_dir = Path(tempfile.mkdtemp(prefix="site-preview-"))
    url = f"http://{args.host}:{args.port}/"

    def rebuild() -> None:
        try:
            build(site_dir, site_url=url)
        except BuildError as err:
            print(f"The site was not built:\n{err}", file=sys.stderr)

    rebuild()
    server = LiveReloadServer(builder=rebuild, host=args.host, port=args.port, root=str(site_dir))
    for name in WATCHED:
        server.watch(str(ROOT / name))
    print(f"Preview at {url} (Ctrl+C stops it)")
    try:
        server.serve()  # type: ignore[no-untyped-call]  # MkDocs' server is untyped
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
