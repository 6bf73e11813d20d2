"""The account zip's format: one home for what the export writes and the import reads.

The version is in "format" of footlog-data.json. Every version stays importable (import_document.py):
1 — history, records, then photos (list), routine_steps, bleeding/spreading and missing photos were added;
2 — entries carry for_clinician; photos their entry, view, scale_in_frame, quality and size; the account's
    settings (reminders, timeline thresholds), site history and visits in the readable part;
3 — observations carry `confirmed` (a value kept although far from the user's usual), visits `plan` and
    `review_on`.
`records` (every row, generically) is keyed by `app_label.model`: shares are `sharing.share` and import jobs
`portability.importjob` since those models moved (the import never reads those two).
"""

from __future__ import annotations

FORMAT_VERSION = 3  # what the export writes
FORMATS = (1, 2, 3)  # what the import reads
DATA_MEMBER = "footlog-data.json"
