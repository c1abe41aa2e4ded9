"""What every tool of the project shares.

site_config    ROOT (the checkout) and LANGS (the site's languages)
problem        Problem and Problems: FILE:LINE: message, as every tool reports
atomic         write files through a temporary file and a rename
yamldata       read a data/*.yml file against its JSON schema, with lines
source_pages   which Markdown files under docs/ are pages people write
argparse_ru    argparse in Russian, for the commands the coordinator runs
personal_data  the one detector of phones, e-mails, SNILS, passports and a
               name with a birth date (make check, stats.py, the build's gate)
"""
