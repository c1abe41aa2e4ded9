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
    charts       static SVG bar charts
    pages        the report pages, rendered before MkDocs runs

scripts/stats.py is the command line over them.
"""
