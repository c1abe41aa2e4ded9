"""Participation statistics: the teachers' activity on the platforms.

    sources      read a CSV or XLSX file, or one at an http(s) address
    columns      find the header row and the date, teacher, … columns in it
    values       parse one cell: dates, names (one key per teacher), contacts
    registries   data/*.yml: platforms, activity kinds, school years and
                 their terms with reporting periods, consent
    validate     turn rows into activities, or into problems with lines;
                 note merged names and years without a calendar
    log          the canonical activity log, data/activity-log.csv
    pseudonyms   teachers without consent are kept under a pseudonym
    summary      counts per school year, term and holidays; the JSON
    export       a term's or a year's tables for the district office
    labels       the report's words in each language, with plural forms
    model        Activity and the log's columns
    issue_form   a report made with the issue form «Сообщить об участии»:
                 GitHub's event file read strictly, its answers judged as
                 rows are, problems told by the form's field
    replies      what the GitHub workflows post: the reply to a report
                 issue, the description of a pull request that changes the
                 log (templates in templates/)

scripts/stats.py is the command line over them; the report pages are
rendered by scripts/render/reports.py; .github/workflows/report-intake.yml
and report-sheet.yml run it on GitHub.
"""
