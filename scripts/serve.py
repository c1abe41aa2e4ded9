"""Preview the site while you edit it: what `make serve` runs.

Builds the site (generated pages, MkDocs, per-language search) into a
temporary folder, serves it at http://127.0.0.1:8000/ and rebuilds when a file
under docs/, overrides/ or data/, or mkdocs.yml, changes: a page or template
edit runs MkDocs alone, a data edit renders the generated pages first. The
browser reloads by itself. Link-preview cards and PDFs are left out (`make
site` makes them). Ctrl+C or SIGTERM stops it and removes the folder.

    python scripts/serve.py [--host HOST] [--port PORT] [--project DIR]
"""

from __future__ import annotations

import argparse
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path
from types import FrameType

from common.cli import TOLD, command, project_folder, tell
from common.site_config import ROOT
from common.words import message
from sitebuild.preview import WATCHED, Preview, Server


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to serve on")
    parser.add_argument("--port", type=int, default=8000, help="port to serve on")
    parser.add_argument(
        "--project",
        type=project_folder,
        default=ROOT,
        help="the checkout to preview (default: this one)",
    )
    return parser


def preview_folder(line: str, url: str) -> Path | None:
    """The preview's folder, when `line` is its first line (serving `url`):
    for the bench and the tests, which watch its output."""
    ready = message("preview_ready", url=url, folder="")
    return Path(line[len(ready) :].strip()) if line.startswith(ready) else None


def rebuild_seconds(line: str) -> str | None:
    """How long a rebuild took, when `line` tells one."""
    before, between, _ = message("preview_rebuilt", seconds="\0", what="\0").split("\0")
    if not line.startswith(before):
        return None
    return line[len(before) :].partition(between)[0]


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt  # the same clean stop as Ctrl+C


@command
def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    project = args.project.resolve()
    url = f"http://{args.host}:{args.port}/"
    signal.signal(signal.SIGTERM, _stop)
    site_dir = Path(tempfile.mkdtemp(prefix="site-preview-"))
    try:
        preview = Preview(project, site_dir, url)

        def rebuild(changed: set[str] | None = None) -> None:
            start = time.perf_counter()
            try:
                preview.build(changed)
            except TOLD as err:  # told as every command tells it; the preview goes on
                tell(err, "serve.py")
                return
            what = ", ".join(sorted(changed)) if changed else message("preview_everything")
            seconds = f"{time.perf_counter() - start:.2f}"
            print(message("preview_rebuilt", seconds=seconds, what=what), flush=True)

        rebuild()
        server = Server(project, rebuild, host=args.host, port=args.port, root=str(site_dir))
        for name in WATCHED:
            if (project / name).exists():
                server.watch(str(project / name))
        print(message("preview_ready", url=url, folder=site_dir), flush=True)
        try:
            server.serve()  # type: ignore[no-untyped-call]  # MkDocs' server is untyped
        finally:
            server.shutdown()
    except KeyboardInterrupt:
        pass
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
