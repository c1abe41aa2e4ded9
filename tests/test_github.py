"""The GitHub side: issue forms that match the data, pinned actions,
least-privilege workflows, dependabot and code owners."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from common.site_config import ROOT

GITHUB = ROOT / ".github"
FORMS = sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml"))
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
# The columns of the activity table that scripts/stats.py reads (issue 4).
STATS_COLUMNS = ["Дата", "ФИО педагога", "Платформа", "Вид активности", "Название", "Ссылка"]
REQUIRED_COLUMNS = {"Дата", "ФИО педагога", "Платформа", "Вид активности"}


def load(path: Path) -> dict:
    # BaseLoader keeps `on:` a key rather than the boolean True.
    return yaml.load(path.read_text("utf-8"), Loader=yaml.BaseLoader)


def form(name: str) -> dict:
    return load(GITHUB / "ISSUE_TEMPLATE" / f"{name}.yml")


def fields(name: str) -> dict[str, dict]:
    return {
        item["attributes"]["label"]: item
        for item in form(name)["body"]
        if item["type"] in ("input", "dropdown", "textarea")
    }


def registry_names(file: str) -> list[str]:
    """The Russian names in a registry of data/: a list of entries, as
    platforms.yml is, or a mapping of ids (or one key) to entries."""
    data = yaml.safe_load((ROOT / "data" / file).read_text("utf-8"))
    if isinstance(data, dict):
        values = list(data.values())
        data = values[0] if len(values) == 1 and isinstance(values[0], list) else values
    return [entry["name"]["ru"] for entry in data]


def test_the_three_forms_are_there_in_russian() -> None:
    names = {load(path)["name"] for path in FORMS if path.name != "config.yml"}
    assert names == {"Сообщить об участии", "Предложить страницу или правку", "Ошибка на сайте"}
    assert load(GITHUB / "ISSUE_TEMPLATE" / "config.yml")["blank_issues_enabled"] == "false"


def test_activity_form_fields_are_the_statistics_columns() -> None:
    found = fields("report-activity")
    assert list(found) == STATS_COLUMNS
    for label, item in found.items():
        required = item.get("validations", {}).get("required") == "true"
        assert required == (label in REQUIRED_COLUMNS), label


def test_activity_form_asks_consent_to_show_the_name() -> None:
    consent = [item for item in form("report-activity")["body"] if item["type"] == "checkboxes"]
    assert consent[0]["attributes"]["options"][0]["required"] == "true"


def test_platform_options_are_the_platform_registry() -> None:
    options = fields("report-activity")["Платформа"]["attributes"]["options"]
    assert options == registry_names("platforms.yml")


def test_activity_options_are_the_activity_registry() -> None:
    if not (ROOT / "data" / "activities.yml").exists():
        pytest.skip("data/activities.yml is not written yet (statistics issue)")
    options = fields("report-activity")["Вид активности"]["attributes"]["options"]
    assert options == registry_names("activities.yml")


PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_commit_with_its_version(workflow: Path) -> None:
    uses = re.findall(r"uses:\s*(.+)$", workflow.read_text("utf-8"), re.MULTILINE)
    assert uses
    for use in uses:
        assert PINNED.match(use.strip()), use


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_grant_nothing_by_default(workflow: Path) -> None:
    data = load(workflow)
    assert data["permissions"] == {}
    for job in data["jobs"].values():
        assert "write" not in job["permissions"].get("contents", "")


def test_pull_requests_run_make_test() -> None:
    data = load(GITHUB / "workflows" / "test.yml")
    assert "pull_request" in data["on"]
    runs = [step.get("run") for step in data["jobs"]["test"]["steps"]]
    assert "make test" in runs


def test_deploy_builds_with_full_history_and_publishes_from_main() -> None:
    data = load(GITHUB / "workflows" / "deploy.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    assert data["concurrency"]["group"] == "pages"
    build, deploy = data["jobs"]["build"], data["jobs"]["deploy"]
    assert build["steps"][0]["with"]["fetch-depth"] == "0"
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    runs = [step.get("run") for step in build["steps"]]
    site_step = build["steps"][runs.index("make site")]
    assert site_step["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    # The content checks pass on the same commit before the site is built
    # (the build's own gates, the sanitiser and the privacy gate, fail it),
    # and only a built site is uploaded and published.
    assert runs.index("make check") < runs.index("make site")
    upload = next(i for i, s in enumerate(build["steps"]) if "upload-pages" in s.get("uses", ""))
    assert upload > runs.index("make site")
    assert deploy["needs"] == "build"


def test_external_links_are_checked_weekly() -> None:
    data = load(GITHUB / "workflows" / "links.yml")
    assert data["on"]["schedule"][0]["cron"]
    assert "make links" in [step.get("run") for step in data["jobs"]["links"]["steps"]]


def test_dependabot_keeps_mkdocs_below_2() -> None:
    updates = {u["package-ecosystem"]: u for u in load(GITHUB / "dependabot.yml")["updates"]}
    assert set(updates) == {"pip", "github-actions"}
    assert {"dependency-name": "mkdocs", "versions": [">=2"]} in updates["pip"]["ignore"]


def test_code_owners_name_chechen_data_and_site_reviewers() -> None:
    owners = {}
    for line in (GITHUB / "CODEOWNERS").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            path, *teams = line.split()
            owners[path] = teams
    chechen, data = "@belgatoy-school/chechen-reviewers", "@belgatoy-school/data-reviewers"
    site = "@belgatoy-school/site-maintainers"
    assert owners["/docs/ce/"] == [chechen]
    assert set(owners["/overrides/partials/languages/ce.html"]) == {chechen, site}
    assert set(owners["/data/"]) == {data, site}
    assert set(owners["/data/glossary.yml"]) == {chechen, data, site}
    # What builds, guards and publishes the site can publish anything.
    for path in ("/.github/", "/scripts/", "/overrides/", "/data/checks.yml"):
        assert owners[path] == [site], path
