"""Share links: a read-only, expiring, revocable view of one user's history for a clinician.

Everything of sharing lives here: the models (`Share`, `ShareAccess`; their tables keep the names the exports app
gave them), tokens, the services and selectors, the presenter of a new link shared by the Export page and the API
(`presenter.py`), the owner's API (`api.py`), the public pages (`pages.py`, which render the report of
`footlog.exports.report`, and the SMART Health Link viewer) and the SMART Health Link endpoints (`manifest.py`).
"""
