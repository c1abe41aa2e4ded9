"""The whole build, from data to a finished site/.

    build          render (scripts/render/) ─> language map ─> mkdocs build
                   --strict ─> postbuild (scripts/postbuild/); with more than
                   one processor, the languages and the pages side by side
    mkdocs_run     MkDocs' build in this process, its warnings told as FILE:LINE
    languages      each language's MkDocs build in a process of its own,
                   merged into the site the sequential build makes
    language_map   every page's languages, addresses, date and edit link,
                   written for the templates before MkDocs runs
    preview        `make serve`: rebuild only what an edit needs
    warm_theme     each template compiled once, kept in the user's cache
    project_copy   a copy of the project's sources, to change and build

scripts/build_site.py, scripts/serve.py, the tests and the benchmark call it.
"""
