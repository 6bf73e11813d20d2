"""The account import's own messages (footlog/portability/import_document.py, account_import.py and the zip
checks of footlog/lib/safezip.py): why an upload is refused, and a failed job's outcome, rendered when read. The
field path before them (`history[3].date`) and the `code` stay English. Terms as in `js`: the zip is the
"ZIP-Datei" / "zip", the import "der Import" / "la importación". Where the gate says the same thing (a value's
type or range) the document's checks use the gate's msgids, whose rows are in `api`."""

TABLE: dict[str, dict[str, object]] = {
    # --- the zip itself (footlog/lib/safezip.py) ---
    "The file is not a zip archive.": {
        "de": "Die Datei ist kein ZIP-Archiv.",
        "es": "El archivo no es un archivo zip.",
    },
    "The zip holds more than %(count)s files.": {
        "de": "Die ZIP-Datei enthält mehr als %(count)s Dateien.",
        "es": "El zip contiene más de %(count)s archivos.",
    },
    "The zip holds a file whose path leaves the archive (../ or absolute).": {
        "de": "Die ZIP-Datei enthält eine Datei, deren Pfad aus dem Archiv hinausführt (../ oder absolut).",
        "es": "El zip contiene un archivo cuya ruta sale del archivo (../ o absoluta).",
    },
    "The zip holds two files of the same name.": {
        "de": "Die ZIP-Datei enthält zwei Dateien mit demselben Namen.",
        "es": "El zip contiene dos archivos con el mismo nombre.",
    },
    "The zip is encrypted.": {"de": "Die ZIP-Datei ist verschlüsselt.", "es": "El zip está cifrado."},
    "A file in the zip is larger than an export's files can be.": {
        "de": "Eine Datei in der ZIP-Datei ist größer, als die Dateien eines Exports sein können.",
        "es": "Un archivo del zip es más grande de lo que pueden ser los archivos de una exportación.",
    },
    "A file in the zip inflates far more than real data does (a zip bomb).": {
        "de": "Eine Datei in der ZIP-Datei entpackt sich weit stärker als echte Daten (eine ZIP-Bombe).",
        "es": "Un archivo del zip se descomprime mucho más que los datos reales (una bomba zip).",
    },
    "The zip's contents are larger than an import may be.": {
        "de": "Der Inhalt der ZIP-Datei ist größer, als ein Import sein darf.",
        "es": "El contenido del zip es más grande de lo que puede ser una importación.",
    },
    "The zip has no file %(member)s.": {
        "de": "Die ZIP-Datei enthält keine Datei %(member)s.",
        "es": "El zip no contiene el archivo %(member)s.",
    },
    "%(member)s inflates beyond its declared size (a zip bomb).": {
        "de": "%(member)s entpackt sich über seine angegebene Größe hinaus (eine ZIP-Bombe).",
        "es": "%(member)s se descomprime más allá de su tamaño declarado (una bomba zip).",
    },
    "%(member)s does not inflate to its declared size and checksum (tampered, or a zip bomb).": {
        "de": "%(member)s entpackt sich nicht zu seiner angegebenen Größe und Prüfsumme (verändert oder eine ZIP-Bombe).",
        "es": "%(member)s no se descomprime a su tamaño y suma de control declarados (manipulado o una bomba zip).",
    },
    "%(member)s in the zip is damaged (%(error)s).": {
        "de": "%(member)s in der ZIP-Datei ist beschädigt (%(error)s).",
        "es": "%(member)s en el zip está dañado (%(error)s).",
    },
    # --- the document (footlog/portability/import_document.py) ---
    "This is not a footlog export: the zip has no %(member)s.": {
        "de": "Das ist kein footlog-Export: Die ZIP-Datei enthält keine %(member)s.",
        "es": "Esto no es una exportación de footlog: el zip no contiene %(member)s.",
    },
    "The zip lists the photo %(member)s but does not hold it.": {
        "de": "Die ZIP-Datei nennt das Foto %(member)s, enthält es aber nicht.",
        "es": "El zip menciona la foto %(member)s pero no la contiene.",
    },
    "%(member)s is not valid JSON (%(error)s).": {
        "de": "%(member)s ist kein gültiges JSON (%(error)s).",
        "es": "%(member)s no es un JSON válido (%(error)s).",
    },
    "%(member)s is not a footlog export (no format or history).": {
        "de": "%(member)s ist kein footlog-Export (kein format oder history).",
        "es": "%(member)s no es una exportación de footlog (sin format ni history).",
    },
    "Export format %(version)s is not one this footlog reads (it reads %(known)s).": {
        "de": "Das Exportformat %(version)s kann dieses footlog nicht lesen (es liest %(known)s).",
        "es": "Este footlog no lee el formato de exportación %(version)s (lee %(known)s).",
    },
    "Must be a date YYYY-MM-DD.": {
        "de": "Muss ein Datum JJJJ-MM-TT sein.",
        "es": "Debe ser una fecha AAAA-MM-DD.",
    },
    "%(value)s is not a date YYYY-MM-DD.": {
        "de": "%(value)s ist kein Datum JJJJ-MM-TT.",
        "es": "%(value)s no es una fecha AAAA-MM-DD.",
    },
    "Not an id.": {"de": "Keine ID.", "es": "No es un id."},
    "%(day)s appears twice.": {"de": "%(day)s kommt zweimal vor.", "es": "%(day)s aparece dos veces."},
    "Names a day with no entry in the history.": {
        "de": "Nennt einen Tag ohne Eintrag im Verlauf.",
        "es": "Indica un día sin registro en el historial.",
    },
    "Must be a file under photos/.": {
        "de": "Muss eine Datei unter photos/ sein.",
        "es": "Debe ser un archivo bajo photos/.",
    },
    "Leaves the archive.": {"de": "Führt aus dem Archiv hinaus.", "es": "Sale del archivo."},
    "Must be a time HH:MM.": {"de": "Muss eine Uhrzeit HH:MM sein.", "es": "Debe ser una hora HH:MM."},
    "Must be email or push.": {"de": "Muss email oder push sein.", "es": "Debe ser email o push."},
    "Each channel may appear once.": {
        "de": "Jeder Kanal darf nur einmal vorkommen.",
        "es": "Cada canal puede aparecer una sola vez.",
    },
    "Has more than 7 days.": {"de": "Hat mehr als 7 Tage.", "es": "Tiene más de 7 días."},
    # --- the import (footlog/portability/account_import.py) ---
    "The file is larger than an import may be (%(mb)s MB).": {
        "de": "Die Datei ist größer, als ein Import sein darf (%(mb)s MB).",
        "es": "El archivo es más grande de lo que puede ser una importación (%(mb)s MB).",
    },
    "The import failed; nothing was stored. Try again.": {
        "de": "Der Import ist fehlgeschlagen; nichts wurde gespeichert. Versuchen Sie es erneut.",
        "es": "La importación falló; no se guardó nada. Inténtelo de nuevo.",
    },
    "The import did not finish (its worker stopped); nothing was stored. Try again.": {
        "de": "Der Import wurde nicht beendet (sein Worker hat angehalten); nichts wurde gespeichert. "
        "Versuchen Sie es erneut.",
        "es": "La importación no terminó (su proceso se detuvo); no se guardó nada. Inténtelo de nuevo.",
    },
    "The zip holds entries after today: %(dates)s.": {
        "de": "Die ZIP-Datei enthält Einträge nach dem heutigen Tag: %(dates)s.",
        "es": "El zip contiene registros posteriores a hoy: %(dates)s.",
    },
    "These dates already have an entry with other content: %(dates)s. Change or delete them, then import again.": {
        "de": "Für diese Tage gibt es bereits einen Eintrag mit anderem Inhalt: %(dates)s. Ändern oder löschen Sie "
        "ihn, dann importieren Sie erneut.",
        "es": "Estas fechas ya tienen un registro con otro contenido: %(dates)s. Modifíquelos o elimínelos y luego "
        "vuelva a importar.",
    },
    "The photo %(member)s cannot be imported: %(reason)s": {
        "de": "Das Foto %(member)s kann nicht importiert werden: %(reason)s",
        "es": "La foto %(member)s no se puede importar: %(reason)s",
    },
    "The photos do not fit in your photo storage (%(mb)s MB); delete some photos first.": {
        "de": "Die Fotos passen nicht in Ihren Fotospeicher (%(mb)s MB); löschen Sie zuerst einige Fotos.",
        "es": "Las fotos no caben en su almacenamiento de fotos (%(mb)s MB); elimine primero algunas fotos.",
    },
    "The zip holds values footlog cannot store.": {
        "de": "Die ZIP-Datei enthält Werte, die footlog nicht speichern kann.",
        "es": "El zip contiene valores que footlog no puede guardar.",
    },
    "The zip holds values footlog cannot store: %(reason)s": {
        "de": "Die ZIP-Datei enthält Werte, die footlog nicht speichern kann: %(reason)s",
        "es": "El zip contiene valores que footlog no puede guardar: %(reason)s",
    },
}
