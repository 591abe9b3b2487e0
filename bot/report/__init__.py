"""The operators' weekly report and review export, read from the tracker store.

    python -m bot.report --since 7d --out results/report.html     # make report
    python -m bot.report.review --since 7d --out results/review.yml  # make review

`store` reads the conversations as turns, `summary` counts and groups them, `charts` draws the
SVG charts, `page` writes the self-contained HTML, `review` the NLU YAML for annotation, and
`cli` holds what both commands share (period, tracker store).
"""
