"""The GitHub side: issue forms that match the data, pinned actions,
least-privilege workflows, dependabot and code owners."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pathspec
import pytest
import yaml

from activity.replies import MARKER
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


# Another repository's action: by commit, with its version. This
# repository's own (.github/actions/), by GitHub's self-repository syntax:
# the version of the workflow's own commit.
PINNED = re.compile(
    r"^(?:[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+|\$/\.github/actions/[\w-]+)$"
)
ACTIONS = sorted((GITHUB / "actions").glob("*/action.yml"))
LOG_PULL_REQUEST = "$/.github/actions/log-pull-request"


def steps(workflow: str, job: str) -> list[dict]:
    return load(GITHUB / "workflows" / workflow)["jobs"][job]["steps"]


def secrets_named(path: Path) -> set[str]:
    return set(re.findall(r"secrets\.(\w+)", path.read_text("utf-8")))


@pytest.mark.parametrize(
    "workflow", WORKFLOWS + ACTIONS, ids=lambda p: p.parent.name + "/" + p.name
)
def test_every_action_is_pinned_by_commit_with_its_version(workflow: Path) -> None:
    uses = re.findall(r"uses:\s*(.+)$", workflow.read_text("utf-8"), re.MULTILINE)
    assert uses or workflow in ACTIONS
    for use in uses:
        assert PINNED.match(use.strip()), use
        if use.startswith("$/"):
            assert (ROOT / use[2:] / "action.yml").exists(), use


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_grant_nothing_by_default(workflow: Path) -> None:
    """Only a job that proposes a change of the activity log may push, and it
    pushes a branch of its own: never main, whose changes need a review."""
    data = load(workflow)
    assert data["permissions"] == {}
    for job in data["jobs"].values():
        uses = [step.get("uses", "") for step in job.get("steps", [])]
        if LOG_PULL_REQUEST not in uses:
            assert "write" not in job["permissions"].get("contents", "")


@pytest.mark.parametrize(
    "workflow", WORKFLOWS + ACTIONS, ids=lambda p: p.parent.name + "/" + p.name
)
def test_no_expression_is_expanded_inside_a_script(workflow: Path) -> None:
    """What a workflow is given (an issue's text, an input, a secret) reaches
    a script through the environment or a file, never pasted into it."""
    data = load(workflow)
    jobs = data.get("jobs", {}).values() if "jobs" in data else [data["runs"]]
    for job in jobs:
        for step in job.get("steps", []):
            assert "${{" not in step.get("run", ""), step.get("name") or step.get("id")


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


# The files that decide what CI runs and passes, each with the tools it pins.
TOOLING = [
    ".ci/run",
    "Makefile",
    "pyproject.toml",
    "requirements.in",
    "requirements.txt",
    "requirements-dev.in",
    "requirements-dev.txt",
    "tests/package-lock.json",
    "tests/package.json",
    "tests/conftest.py",
    "tests/support/site.py",
    "tests/test_hostile_data.py",
]


def owner_of(path: str) -> list[str]:
    """The owners GitHub asks for `path`: the last CODEOWNERS line whose
    pattern (gitignore's syntax) matches it."""
    owners: list[str] = []
    for line in (GITHUB / "CODEOWNERS").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *teams = line.split()
            if pathspec.PathSpec.from_lines("gitignore", [pattern]).match_file(path):
                owners = teams
    return owners


@pytest.mark.parametrize("path", TOOLING)
def test_what_ci_runs_is_the_maintainers_to_change(path: str) -> None:
    assert (ROOT / path).exists()
    assert owner_of(path) == ["@belgatoy-school/site-maintainers"]


INTAKE = GITHUB / "workflows" / "report-intake.yml"
SHEET = GITHUB / "workflows" / "report-sheet.yml"


WRITERS = {INTAKE: ("store", "withdraw"), SHEET: ("sheet",)}


def test_report_intake_checks_reports_and_stores_accepted_ones() -> None:
    data = load(INTAKE)
    assert data["on"] == {"issues": {"types": ["opened", "edited", "labeled", "unlabeled"]}}
    jobs = data["jobs"]
    assert list(jobs) == ["check", "authorise", "store", "reply", "withdraw", "checks"]
    # A report labelled «участие», opened or edited, gets its one reply. The
    # job has no secret: a public reply never shows a pseudonym.
    check = jobs["check"]
    for word in ("'opened'", "'edited'", "'участие'", "state == 'open'"):
        assert word in check["if"]
    assert check["permissions"] == {"contents": "read", "issues": "write"}
    assert "secrets." not in yaml.safe_dump(check, allow_unicode=True)
    runs = "\n".join(step.get("run", "") for step in check["steps"])
    assert 'from-issue "$GITHUB_EVENT_PATH"' in runs and "--comment" in runs
    assert 'head -n 1 "$reply"' in runs  # the marker, the reply's first line
    assert "--method PATCH" in runs and "gh issue comment" in runs
    assert 'select(.user.login == "github-actions[bot]"' in runs
    # «принято» stores the row only when its labeller may merge: the event
    # gives the labeller (sender) without author_association, so the job
    # asks the API for the labeller's permission.
    authorise = jobs["authorise"]
    for word in ("'labeled'", "github.event.label.name == 'принято'", "'участие'"):
        assert word in authorise["if"]
    assert authorise["permissions"] == {}
    (step,) = authorise["steps"]
    assert step["env"]["LABELLER"] == "${{ github.event.sender.login }}"
    assert "collaborators/$LABELLER/permission" in step["run"]
    assert 'admin | write) echo "allowed=true"' in step["run"]
    store = jobs["store"]
    assert store["needs"] == "authorise"
    assert store["if"] == "needs.authorise.outputs.allowed == 'true'"
    assert store["permissions"] == {
        "contents": "write",
        "pull-requests": "write",
        "issues": "read",
    }
    uses = {step.get("uses"): step.get("with", {}) for step in store["steps"]}
    assert uses["$/.github/actions/teacher-key"] == {"key": "${{ secrets.TEACHER_KEY }}"}
    runs = "\n".join(step.get("run", "") for step in store["steps"])
    assert 'from-issue "$GITHUB_EVENT_PATH" --pull' in runs
    assert uses[LOG_PULL_REQUEST] == {
        "source": "issue-${{ github.event.issue.number }}",
        "token": "${{ github.token }}",
    }
    assert "rm -f data/.teacher-key" in runs
    # Whatever became of «принято» is told on the issue, even when store
    # failed or was cancelled.
    reply = jobs["reply"]
    assert reply["needs"] == ["authorise", "store"]
    assert reply["if"].startswith("always()") and "'принято'" in reply["if"]
    assert reply["permissions"] == {"contents": "read", "issues": "write"}
    # An edit after «принято», or the label taken off, takes the report out.
    withdraw = jobs["withdraw"]
    for word in ("'edited'", "github.event.changes.body", "'unlabeled'", "'принято'"):
        assert word in withdraw["if"]
    assert "secrets." not in yaml.safe_dump(withdraw, allow_unicode=True)
    checks = jobs["checks"]
    assert checks["needs"] == ["store", "withdraw"]
    assert checks["permissions"] == {"actions": "write"}
    assert "gh workflow run test.yml" in checks["steps"][0]["run"]
    assert checks["steps"][0]["env"]["BRANCH"] == "activity/intake"
    assert "workflow_dispatch" in load(GITHUB / "workflows" / "test.yml")["on"]
    assert secrets_named(INTAKE) == {"TEACHER_KEY"}


def test_report_sheet_pulls_weekly_and_stops_green_without_its_secret() -> None:
    data = load(SHEET)
    assert set(data["on"]) == {"schedule", "workflow_dispatch"}
    assert data["on"]["schedule"][0]["cron"]
    jobs = data["jobs"]
    assert list(jobs) == ["secret", "sheet", "checks"]
    secret = jobs["secret"]
    assert secret["permissions"] == {}
    (step,) = secret["steps"]
    assert step["env"] == {"SHEET_URL": "${{ secrets.ACTIVITY_SHEET_URL }}"}
    assert "::notice::" in step["run"] and "set=false" in step["run"]
    assert "exit 1" not in step["run"]
    sheet = jobs["sheet"]
    assert sheet["needs"] == "secret" and sheet["if"] == "needs.secret.outputs.set == 'true'"
    assert sheet["permissions"] == {
        "contents": "write",
        "pull-requests": "write",
        "issues": "read",
    }
    runs = "\n".join(step.get("run", "") for step in sheet["steps"])
    assert "stats.py pull --partial --rejects" in runs and '"$SHEET_URL"' in runs
    # What pull prints may quote a teacher's name: it stays out of the log.
    assert '> "$RUNNER_TEMP/problems.txt"' in runs
    uses = {step.get("uses"): step.get("with", {}) for step in sheet["steps"]}
    assert uses["$/.github/actions/teacher-key"] == {"key": "${{ secrets.TEACHER_KEY }}"}
    assert uses[LOG_PULL_REQUEST]["source"] == "sheet"
    assert uses[LOG_PULL_REQUEST]["rejects"] == "${{ runner.temp }}/rejects.csv"
    assert jobs["checks"]["permissions"] == {"actions": "write"}
    assert secrets_named(SHEET) == {"ACTIVITY_SHEET_URL", "TEACHER_KEY"}


@pytest.mark.parametrize("workflow", WRITERS, ids=lambda p: p.name)
def test_every_writer_of_the_log_waits_in_one_queue(workflow: Path) -> None:
    """One writer of the log's pull request at a time, all workflows
    together; a writer waiting is never cancelled by the next one."""
    jobs = load(workflow)["jobs"]
    for name, job in jobs.items():
        uses = [step.get("uses", "") for step in job.get("steps", [])]
        writes = LOG_PULL_REQUEST in uses
        assert writes == (name in WRITERS[workflow]), name
        if writes:
            assert job["concurrency"] == {
                "group": "activity-log",
                "cancel-in-progress": "false",
                "queue": "max",
            }
            # The branch is made again from its commits: the whole history.
            checkout = next(s for s in job["steps"] if "actions/checkout" in s.get("uses", ""))
            assert checkout["with"]["fetch-depth"] == "0"
    assert "concurrency" not in load(workflow)  # no group of the workflow's own


def test_the_log_pull_request_commits_the_log_alone() -> None:
    action = load(GITHUB / "actions" / "log-pull-request" / "action.yml")
    (step,) = action["runs"]["steps"]
    script = step["run"]
    # The branch is made by stats.py intake, which commits the log alone
    # (tests/test_intake_workflows.py looks at the files of the pull request).
    assert "git add" not in script and "stats.py intake" in script
    assert step["env"]["BRANCH"] == "activity/intake"
    assert "consent" not in script and "teacher-key" not in script
    assert "stats.py describe" in script and "--closes" in script and "--refused" in script
    assert "gh pr edit" in script and "gh pr create" in script and "gh pr close" in script
    assert '--force-with-lease="refs/heads/$BRANCH:$lease"' in script
    key = load(GITHUB / "actions" / "teacher-key" / "action.yml")["runs"]["steps"][0]["run"]
    assert "umask 077" in key and 'echo "$TEACHER_KEY' not in key


def test_the_report_form_says_the_data_arrives_by_pull_request() -> None:
    text = form("report-activity")["body"][0]["attributes"]["value"]
    assert "pull request" in text and "метку «принято»" in text
    assert "перенесёт" not in text  # nobody retypes
    assert "псевдоним" in text


def test_the_reply_is_found_among_the_bots_comments_alone() -> None:
    """The jq filter of report-intake.yml, run on comments as GitHub's API
    pages them: a teacher's comment that copies the marker is never edited."""
    run = "\n".join(step.get("run", "") for step in steps("report-intake.yml", "check"))
    jq = re.search(r"jq -rs --arg marker \"\$marker\" '([^']+)'", run)
    assert jq
    marker = MARKER  # the first line of the reply stats.py writes
    bot = "github-actions[bot]"
    pages = [
        [{"id": 1, "user": {"login": "eve"}, "body": marker + "\nI am the reply"}],
        [
            {"id": 2, "user": {"login": bot}, "body": "Another bot comment"},
            {"id": 3, "user": {"login": bot}, "body": marker + "\n**Принято к проверке.**"},
        ],
    ]

    def found(comments: list[list[dict]]) -> str:
        return subprocess.run(
            ["jq", "-rs", "--arg", "marker", marker, jq[1]],
            input="".join(json.dumps(page) for page in comments),
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    assert found(pages) == "3"
    assert found(pages[:1]) == ""  # no reply yet: a new one is posted


def test_quick_start_names_every_package_a_fresh_machine_needs() -> None:
    """What .ci/run installs on a clean Debian is what the README's Quick
    start tells a person to install, python3-venv (for .venv) included."""
    installed = re.findall(r"missing\+=\(([\w.-]+)\)", (ROOT / ".ci" / "run").read_text("utf-8"))
    readme = (ROOT / "README.md").read_text("utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    told = {
        word
        for line in re.findall(r"apt-get install ([^`\n]+)", quick_start)
        for word in line.split()
    }
    assert "python3-venv" in installed
    assert set(installed) <= told, set(installed) - told
