"""/contacts/: the coordinator's role and the community's public channels only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from common import site_config
from common.problem import Problems
from common.site_config import LANGS, ROOT
from community import contacts
from support.project import copy_project
from support.site import BuiltSite, address, text_of

PHONE = re.compile(r"(?:\+7|8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


@pytest.mark.parametrize("lang", LANGS)
def test_contacts_name_the_coordinators_role_and_the_channels(site: BuiltSite, lang: str) -> None:
    page = site.html(address(lang, "contacts/"))
    article = text_of(page.select_one("article"))
    assert site_config.load(ROOT).coordinator[lang] in article
    table = page.select_one("article table")
    rows = [[text_of(cell) for cell in row.select("td")] for row in table.select("tbody tr")]
    assert len(rows) == len(contacts.load(ROOT))
    address_row = next(c for c in contacts.load(ROOT) if c.kind == "address")
    assert address_row.text[lang] in article
    unconfirmed = {"ru": "уточняется", "ce": "тӀечӀагӀдан деза"}[lang]
    for channel, row in zip(contacts.load(ROOT), rows, strict=True):
        if not channel.confirmed:
            assert row[1] == unconfirmed
    issues = table.select_one('a[href$="/issues/new/choose"]')
    assert issues["href"].startswith("https://github.com/belgatoy-school/network/")


@pytest.mark.parametrize("lang", LANGS)
def test_contacts_publish_no_phone_or_email(site: BuiltSite, lang: str) -> None:
    text = site.file(address(lang, "contacts/")).read_text("utf-8")
    assert not PHONE.search(text)
    assert not EMAIL.search(text.replace("noreply@", ""))


def change_channels(tmp_path: Path, **channel: object) -> Path:
    project = copy_project(tmp_path / "project")
    path = project / "data" / "contacts.yml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["channels"].append(channel)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return project


@pytest.mark.parametrize(
    ("channel", "expected"),
    [
        ({"kind": "address", "text": {"ru": "Звоните 8 (928) 123-45-67", "ce": "x"}}, "телефон"),
        ({"kind": "website", "url": "https://example.org/?mail=director@school.ru"}, "почты"),
        ({"kind": "sferum", "url": "https://t.me/teachers"}, "Сферум"),
        ({"kind": "telephone", "text": {"ru": "1", "ce": "1"}}, "kind"),
    ],
)
def test_a_personal_or_foreign_channel_is_refused(
    tmp_path: Path, channel: dict, expected: str
) -> None:
    project = change_channels(tmp_path, **channel)
    with pytest.raises(Problems) as caught:
        contacts.load(project)
    (problem,) = caught.value.problems
    assert problem.source == "data/contacts.yml"
    assert expected in problem.message
    lines = (project / "data" / "contacts.yml").read_text("utf-8").splitlines()
    assert problem.line > len(lines) - 8  # the channel added last
