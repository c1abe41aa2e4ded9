"""Participation statistics: the teachers' activity on the platforms.

    sources      read a CSV or XLSX file, or one at an http(s) address
    columns      find the date, teacher, … columns by their headers
    values       parse one cell: dates, names, contact details
    registries   data/*.yml: platforms, activity kinds, terms, consent
    validate     turn rows into activities, or into problems with lines
    log          the canonical activity log, data/activity-log.csv
    pseudonyms   teachers without consent are kept under a pseudonym
    summary      counts per term
    export       a term's tables for the district office
    labels       the report's words in each language, data/report-labels.yml
    model        Activity and the log's columns

scripts/stats.py is the command line over them; the report pages are
rendered by scripts/render/reports.py.
"""
