"""The community's channels on /contacts/, from data/contacts.yml.

    docs/.generated/contacts/coordinator.<lang>.md   the coordinator's role
    docs/.generated/contacts/channels.<lang>.md      the table of channels

Only the kinds community/contacts.py allows; an address nobody has
confirmed yet is shown as «уточняется», never as a link.
"""

from __future__ import annotations

from pathlib import Path

from common import site_config
from common.site_config import LANGS
from common.words import load as load_words
from community import contacts
from render.core import GENERATED, NOTICE
from render.mdtext import cell, href, markdown_text, shown_url, table


def render(project: Path) -> dict[Path, str]:
    """The renderer (render/core.py): the channels in every language."""
    channels = contacts.load(project)
    site = site_config.load(project)
    repo_url = site.repo_url.rstrip("/")
    words = load_words(project)
    outputs = {}
    for lang in LANGS:
        said = words.of("contacts", lang)
        rows = []
        for channel in channels:
            if channel.kind == "issues":
                url = f"{repo_url}/issues/new/choose" if repo_url else None
                value = f"[{cell(said['issues_text'])}](<{url}>)" if url else said["unconfirmed"]
            elif channel.text:
                value = cell(channel.text[lang])
            elif channel.url and channel.confirmed:
                value = f"[{cell(shown_url(channel.url))}](<{href(channel.url)}>)"
            else:
                value = f"*{cell(said['unconfirmed'])}*"
            rows.append([cell(said[channel.kind]), value])
        outputs[GENERATED / "contacts" / f"channels.{lang}.md"] = NOTICE + table(
            [said["kind"], said["value"]], rows
        )
        # The words link the policy as a page in docs/<lang>/ does.
        coordinator = said["coordinator"].format(role=markdown_text(site.coordinator[lang]))
        outputs[GENERATED / "contacts" / f"coordinator.{lang}.md"] = f"{NOTICE}{coordinator}\n"
    return outputs
