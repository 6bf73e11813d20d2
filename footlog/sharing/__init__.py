"""Share links: a read-only, expiring, revocable view of one user's history for a clinician.

The models (`Share`, `ShareAccess`) stay in `footlog.exports` (their tables were made there); everything else of
sharing lives here: tokens, the services and selectors, the owner's API (`api.py`) and the public pages
(`pages.py`), which render the report of `footlog.exports.report`.
"""
