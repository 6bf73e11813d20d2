"""Share links: a read-only, expiring, revocable view of one user's history for a clinician.

Everything of sharing lives here: the models (`Share`, `ShareAccess`; their tables keep the names the exports app
gave them), tokens, the services and selectors, the owner's API (`api.py`) and the public pages (`pages.py`),
which render the report of `footlog.exports.report`.
"""
