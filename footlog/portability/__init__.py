"""The account's data, above every feature: export, import, deletion and the zip's format.

It sits near the top of the layers (lib → accounts → diary → clinical → timeline → reminders → exports →
sharing → portability → pwa) because it reads and writes every feature's rows; `accounts` keeps identity only
(user, consent, adapter, passkeys, profile) and imports no feature app.

- `formats.py`: the zip's format version(s) and member names (one home for writer and reader);
- `account_export.py`: the zip (`GET account/export`); `userdata.py` finds every row a user owns;
- `import_document.py` reads a zip back and checks it; `account_import.py` runs the import as an `ImportJob`
  (`models.py`, `tasks.py`);
- `services.py`: `account_delete`; `deletion_code.py`: the mailed code for accounts without a password;
- `views.py`, `serializers.py`, `urls.py`: `account/` (profile and deletion), `account/export`, `account/import`.
"""
