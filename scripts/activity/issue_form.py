"""A report that came through the «Сообщить об участии» issue form.

GitHub writes a form's answers into the issue's text as Markdown: for each
field, in the form's order, a `### Label` heading, a blank line and the
answer; `_No response_` for an empty one; each checkbox as `- [X] label`
or `- [ ] label`. The fields, their labels and their order are the form's
own, read from .github/ISSUE_TEMPLATE/report-activity.yml: its ids are the
log's columns (model.FIELDS) and `consent`.

The text is hostile: anyone can open an issue, and edit its text by hand
later. It is bounded (MAX_EVENT, MAX_BODY, MAX_ANSWER), read strictly (every
field once, in order, nothing else), and control, bidi and tag characters
are refused, never printed. The answers are then judged by the validator
that judges a spreadsheet's rows, so every rule of `stats.py check`
applies, and by the form's stricter rules (form_rules). A problem names the
issue and the field:

    issue #12:«Дата»: 01.12.2030 — дата в будущем (сегодня 25.11.2026): …
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from common import os_errors, yamldata

from . import form_rules
from . import log as activity_log
from .model import FIELDS, Activity, Problem, Problems
from .pseudonyms import is_pseudonym
from .registries import Registries
from .validate import Validator
from .values import clean_name, clean_text

FORM = Path(".github", "ISSUE_TEMPLATE", "report-activity.yml")
CONSENT = "consent"  # the id of the form's consent checkboxes
MAX_EVENT = 1 << 20  # bytes of the event file GitHub gives a workflow
MAX_BODY = 10_000  # characters of the issue's text: the form's answers take far fewer
MAX_ANSWER = 1_000  # characters of one answer
MAX_PROBLEMS = 20  # problems told of one issue; the rest are counted
NO_RESPONSE = "_No response_"
# The teacher of a row shown before it is stored: «педагог-» and ten hex
# digits in the log.
SHOWN_PSEUDONYM = "педагог-…"
# GitHub keeps every earlier version of an issue's text, so a teacher who
# deletes the name still shows it in the history: the coordinator removes
# the issue (/contributing/report-sheet/#issues says how).
CONSENT_MISSING = (
    "не отмечено согласие: без него сведения не принимаются. Согласны, чтобы ваше ФИО "
    "было видно в этой заявке, — отметьте согласие. Не согласны — ничего не удаляйте "
    "сами: GitHub хранит прежние версии текста заявки, поэтому координатор удалит эту "
    "версию из истории (или всю заявку), а об участии сообщите через онлайн-таблицу "
    "школы (её адрес даёт координатор)"
)
_HEADING = re.compile(r"### (.*)")
_CHECKBOX = re.compile(r"- \[([ xX])\] (.*)")
# Characters that must never reach the log or a terminal: controls other
# than tab and line ends, the bidi controls that reorder what is shown, and
# the tag characters (U+E0000–U+E007F) that carry text no one sees.
HIDDEN = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\U000e0000-\U000e007f]"
)
_FORM_SCHEMA = {
    "type": "object",
    "required": ["body"],
    "properties": {
        "body": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type"],
                "properties": {
                    "type": {"enum": ["markdown", "input", "textarea", "dropdown", "checkboxes"]},
                    "id": {"type": "string"},
                    "attributes": {"type": "object"},
                },
            },
        }
    },
}


@dataclass(frozen=True)
class Field:
    """A field of the form, as its answer appears in the issue."""

    id: str
    label: str
    kind: str  # input, textarea, dropdown or checkboxes
    options: tuple[str, ...] = ()  # a dropdown's choices; the labels of checkboxes
    required: bool = False


@dataclass(frozen=True)
class Form:
    fields: tuple[Field, ...]

    def label(self, field_id: str) -> str:
        return next(field.label for field in self.fields if field.id == field_id)


@dataclass(frozen=True)
class FieldProblem(Problem):
    """A problem of an issue, at a field of the form: `issue #12:«Дата»: …`.

    `line` is the field's place in the form (0 for the issue as a whole),
    so that problems sort in the form's order.
    """

    field: str = ""

    def __str__(self) -> str:
        where = f"«{self.field}»:" if self.field else ""
        return f"{self.source}:{where} {self.message}"


@dataclass(frozen=True)
class Report:
    """What an issue reports: the activity, or the problems that keep it out."""

    number: int
    source: str  # the issue as problems name it: issue #12
    activity: Activity | None
    problems: list[FieldProblem]


def load_form(project: Path) -> Form:
    """The form of `project`, its answer fields in order; raise Problems if
    it is not the form this module reads."""
    document = yamldata.load(project / FORM, _FORM_SCHEMA, FORM.as_posix())
    fields = []
    for item in document.data["body"]:
        if item["type"] == "markdown":
            continue
        attributes = item.get("attributes") or {}
        options = tuple(
            " ".join(str(option.get("label", "") if isinstance(option, dict) else option).split())
            for option in attributes.get("options") or ()
        )
        required = (item.get("validations") or {}).get("required") is True
        label = str(attributes.get("label", ""))
        fields.append(Field(item.get("id", ""), label, item["type"], options, required))
    form = Form(tuple(fields))
    ids = [field.id for field in form.fields]
    consent = [field for field in form.fields if field.id == CONSENT]
    if (
        [i for i in ids if i != CONSENT] != list(FIELDS)
        or len(consent) != 1
        or not consent[0].options
    ):
        wanted = ", ".join((*FIELDS, CONSENT))
        raise Problems(
            [document.problem(f"поля формы (id) должны быть такими, по порядку: {wanted}", "body")]
        )
    return form


def read(event: Path, form: Form, validator: Validator) -> Report:
    """The report of the issue in the event file `event` (GitHub's `issues`
    event payload); raise Problems when the file is no such event at all."""
    number, body = _issue(event)
    source = f"issue #{number}"
    answers, problems = _answers(source, body, form)
    # Every answer read is judged, so that all its problems are told at once;
    # a field whose answer could not be read has told its problem already.
    judged = validator.record(answers, (source, 1))
    refused = [] if isinstance(judged, Activity) else judged
    # The form's own stricter rules, for the fields every other rule passed.
    told = {field for field, _ in refused}
    refused += [(field, why) for field, why in _stricter(answers) if field not in told]
    problems += [_at(source, form, field, why) for field, why in refused if field in answers]
    activity = judged if isinstance(judged, Activity) and not problems else None
    problems.sort()
    if len(problems) > MAX_PROBLEMS:
        more = len(problems) - MAX_PROBLEMS
        message = f"и ещё ошибок: {more}; оставьте в заявке только поля формы"
        problems = [*problems[:MAX_PROBLEMS], _problem(source, 0, "", message)]
    return Report(number, source, activity, problems)


def _issue(event: Path) -> tuple[int, str]:
    """The issue's number and text from the event file."""
    shown = str(event)
    data = read_bounded(
        event, MAX_EVENT, f"файл больше {MAX_EVENT // 1024} КБ: это не событие GitHub"
    )
    try:
        payload = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise Problems([Problem(shown, 1, "это не JSON события GitHub")]) from None
    issue = payload.get("issue") if isinstance(payload, dict) else None
    number = issue.get("number") if isinstance(issue, dict) else None
    if not isinstance(issue, dict) or type(number) is not int or number < 1:
        raise Problems(
            [Problem(shown, 1, "это не событие заявки (issues): в нём нет заявки с номером")]
        )
    body = issue.get("body")
    if body is not None and not isinstance(body, str):
        raise Problems([Problem(shown, 1, "текст заявки (body) — не строка")])
    return number, body or ""


def read_bounded(path: Path, limit: int, too_big: str) -> bytes:
    """The bytes of `path`, reading no more than `limit` of them; raise
    Problems, `too_big` for a longer file."""
    try:
        with open(path, "rb") as file:
            data = file.read(limit + 1)
    except OSError as err:
        raise Problems(
            [Problem(str(path), 1, f"не удаётся прочитать файл: {os_errors.reason(err)}")]
        ) from None
    if len(data) > limit:
        raise Problems([Problem(str(path), 1, too_big)])
    return data


def _answers(source: str, body: str, form: Form) -> tuple[dict[str, str], list[FieldProblem]]:
    """The answer of each field that could be read, by id; and the problems
    of the others and of the text's shape."""
    if not body.strip():
        return {}, [_problem(source, 0, "", "заявка пуста: заполните форму заново")]
    if len(body) > MAX_BODY:
        message = (
            f"текст заявки длиннее {MAX_BODY} знаков: в форме столько не бывает; "
            "оставьте в заявке только ответы формы"
        )
        return {}, [_problem(source, 0, "", message)]
    sections, problems = _sections(source, body, form)
    answers: dict[str, str] = {}
    for place, field in enumerate(form.fields, 1):
        at = functools.partial(_problem, source, place, field.label)
        lines = sections.get(field.label)
        if lines is None:
            problems.append(
                at(f"нет этого поля: верните строку «### {field.label}» и ответ под ней")
            )
            continue
        if hidden := _hidden(lines):
            problems.append(
                at(
                    f"в ответе есть невидимые управляющие символы ({hidden}): "
                    "наберите ответ заново, не копируя его",
                )
            )
            continue
        if field.kind == "checkboxes":
            if problem := _unticked(lines, field):
                problems.append(at(problem))
            continue
        text = [line.strip() for line in lines if line.strip()]
        answer = "" if text == [NO_RESPONSE] else " ".join(text)
        if len(text) > 1 and field.kind != "textarea":
            problems.append(at("ответ должен быть одной строкой"))
        elif len(answer) > MAX_ANSWER:
            problems.append(at(f"ответ длиннее {MAX_ANSWER} знаков"))
        elif field.id == "teacher" and is_pseudonym(" ".join(answer.split())):
            problems.append(at("напишите фамилию, имя и отчество, а не псевдоним"))
        else:
            answers[field.id] = answer
    return answers, problems


def _sections(
    source: str, body: str, form: Form
) -> tuple[dict[str, list[str]], list[FieldProblem]]:
    """The lines under each heading of the form; problems for text that is
    not under one, for headings the form has not and for repeated ones."""
    labels = {field.label: place for place, field in enumerate(form.fields, 1)}
    sections: dict[str, list[str]] = {}
    problems: list[FieldProblem] = []
    current: list[str] | None = None
    before: list[str] = []
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        heading = _HEADING.fullmatch(line.rstrip())
        if heading is None:
            (before if current is None else current).append(line)
            continue
        label = " ".join(heading[1].split())
        place = labels.get(label)
        if place is None:
            message = f"лишний раздел «### {_shown(label)}»: в заявке должны быть только поля формы"
            problems.append(_problem(source, 0, "", message))
            current = []  # its lines are the extra section's, not the field's above
        elif label in sections:
            problems.append(_problem(source, place, label, "поле повторяется"))
            current = []
        else:
            current = sections[label] = []
    if any(line.strip() for line in before):
        first = form.fields[0].label
        message = (
            f"перед первым полем («### {first}») есть текст: в заявке должны быть только поля формы"
        )
        problems.insert(0, _problem(source, 0, "", message))
    return sections, problems


def _stricter(answers: dict[str, str]) -> list[tuple[str, str]]:
    """The problems of the answers by the form's own rules (form_rules)."""
    checks = (
        ("teacher", form_rules.teacher, clean_name),
        ("title", form_rules.title, clean_text),
        ("url", form_rules.link, str.strip),
    )
    found = []
    for field, rule, cleaned in checks:
        if (answer := cleaned(answers.get(field, ""))) and (problem := rule(answer)):
            found.append((field, problem))
    return found


def _unticked(lines: list[str], field: Field) -> str:
    """Why the field's boxes are not ticked as the form words them; "" if they are."""
    boxes = [_CHECKBOX.fullmatch(line.strip()) for line in lines if line.strip()]
    if not boxes or None in boxes:
        return "здесь должна быть только отметка «- [X]» с текстом согласия из формы"
    ticked = {" ".join(box[2].split()) for box in boxes if box and box[1] in "xX"}
    if not ticked:
        return CONSENT_MISSING
    if not ticked <= set(field.options) or len(ticked) < len(field.options):
        return "текст согласия изменён: верните текст из формы и отметьте его"
    return ""


def _hidden(lines: list[str]) -> str:
    """The hidden characters of `lines`, named (U+202E), or ""."""
    found = sorted({char for line in lines for char in HIDDEN.findall(line)})
    return ", ".join(f"U+{ord(char):04X}" for char in found)


def _shown(text: str) -> str:
    """Hostile text in a message: no hidden characters, at most 60 of the rest."""
    text = visible(text)
    return text if len(text) <= 60 else text[:59] + "…"


def _at(source: str, form: Form, field_id: str, message: str) -> FieldProblem:
    place = next(i for i, field in enumerate(form.fields, 1) if field.id == field_id)
    return _problem(source, place, form.fields[place - 1].label, message)


def _problem(source: str, place: int, label: str, message: str) -> FieldProblem:
    return FieldProblem(source, place, message, label)


def visible(text: str) -> str:
    """`text` with every hidden character shown as �: for what is printed or posted."""
    return HIDDEN.sub("\ufffd", text)


def shown_row(activity: Activity, registries: Registries) -> str:
    """The activity as the log's writer writes its line, the teacher as the
    log keeps them: the name data/consent.yml gives, or SHOWN_PSEUDONYM.

    The pseudonym itself is never shown: a public reply that tied a name to
    its pseudonym would undo the pseudonyms of the whole log.
    """
    teacher = registries.consent_name(activity.teacher) or SHOWN_PSEUDONYM
    return activity_log.to_csv([replace(activity, teacher=teacher)]).split("\n", 1)[1].rstrip("\n")
