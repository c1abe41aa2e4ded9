"""What every tool of the project shares.

site_config    ROOT (the checkout), LANGS (the site's languages) and the
               site's identity, all read from mkdocs.yml
problem        Problem and Problems: FILE:LINE: message, as every tool reports;
               control characters printed escaped
cli            @command: the one place a command turns errors into lines;
               project_folder, the argparse type of --project
os_errors      a file that cannot be read or written, told in Russian (what to do)
atomic         write files through a temporary file and a rename
textfile       read a page or a data file as text: not UTF-8 or too large
               is one FILE:LINE problem (in Russian), never a traceback
yamldata       read a data/*.yml file (or front matter) against its JSON
               schema, with lines; no anchors or aliases, a bounded size
schema         JSON-schema pieces: TEXT, URL, HTTPS_URL, ID, in_every_language
urls           the one rule for a web address from data (a JSON-schema format)
words          the renderers' wording per language, and the tools' messages
               (Russian), from data/words.yml
budgets        the site's budgets: page weight, Lighthouse, build, stats, preview
history        what git knows: each file's last change, and when
source_pages   which Markdown files under docs/ are pages, and which people write;
               read_page, a page read checked (its front matter too)
argparse_ru    argparse in Russian, for the commands the coordinator runs
os_errors      why a file could not be read or written, in Russian
personal_data  the one detector of phones, e-mails, SNILS, passports, birth
               certificates and a name with a birth date (make check,
               stats.py, the build's gate)
yamledit       change one value of a YAML file, leaving the rest of its text alone
joined         many short texts searched as one (a spreadsheet's titles)
user_cache     what a build keeps between runs, in the user's own cache folder
processes      work in forked processes, side by side, told as if done here;
               cores(), the processors this process may use
"""
