"""The web application: a thin Django shell around the core pipeline (see docs/web.md).

Only this package imports Django. Views persist packages as JSON revisions, enforce roles and the
workflow, and call jixiao.pipeline for every score and finding.
"""
