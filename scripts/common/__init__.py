"""What every tool of the project shares.

site_config    ROOT (the checkout) and LANGS (the site's languages)
problem        Problem and Problems: FILE:LINE: message, as every tool reports
atomic         write files through a temporary file and a rename
yamldata       read a data/*.yml file against its JSON schema, with lines
yamledit       change one value of a YAML file, leaving the rest of its text alone
source_pages   which Markdown files under docs/ are pages people write
"""
