"""The signed-in app's own pages (Timeline, Export and share, Settings), the privacy page, the reminder
unsubscribe page, footlog's overrides of allauth's account and MFA (passkey, recovery code) pages, the account
deletion code mail and the timeline chart's words (see the package's docstring). allauth's own strings come from
allauth's catalogs; the ones footlog's templates use itself are here."""

TABLE: dict[str, dict[str, object]] = {
    # --- Timeline ---
    "footlog does not diagnose. If something feels wrong, ask a professional.": {
        "de": "footlog stellt keine Diagnose. Wenn sich etwas falsch anfühlt, fragen Sie eine Fachperson.",
        "es": "footlog no diagnostica. Si algo no le parece bien, consulte a un profesional.",
    },
    "Bleeding, spreading, real pain or redness, or fast change: seek care promptly, whatever footlog shows.": {
        "de": "Blutung, Ausbreitung, echte Schmerzen oder Rötung oder schnelle Veränderung: Lassen Sie sich umgehend ärztlich untersuchen, was footlog auch zeigt.",
        "es": "Sangrado, extensión, dolor o enrojecimiento reales, o un cambio rápido: busque atención médica sin demora, muestre lo que muestre footlog.",
    },
    "Booked or had a visit? Record it": {
        "de": "Termin vereinbart oder gehabt? Tragen Sie ihn ein",
        "es": "¿Ha pedido cita o ya fue a consulta? Regístrela",
    },
    "A recorded visit rests the visit reminder until something new shows in your log; on the review date you get one reminder.": {
        "de": "Ein eingetragener Termin pausiert die Termin-Erinnerung, bis Ihr Protokoll etwas Neues zeigt; am Kontrolltermin erhalten Sie eine Erinnerung.",
        "es": "Una consulta registrada pausa el aviso de consulta hasta que su registro muestre algo nuevo; en la fecha de revisión recibe un aviso.",
    },
    "What": {"de": "Was", "es": "Qué"},
    "I booked a visit": {"de": "Ich habe einen Termin vereinbart", "es": "He pedido cita"},
    "I had a visit": {"de": "Ich hatte einen Termin", "es": "He ido a consulta"},
    "Note": {"de": "Notiz", "es": "Nota"},
    "(optional)": {"de": "(optional)", "es": "(opcional)"},
    "What the dermatologist proposed": {
        "de": "Was der Dermatologe / die Dermatologin vorgeschlagen hat",
        "es": "Lo que propuso el dermatólogo",
    },
    "e.g. retinoid nightly": {"de": "z. B. Retinoid abends", "es": "p. ej., retinoide cada noche"},
    "Review date": {"de": "Kontrolltermin", "es": "Fecha de revisión"},
    "(optional: when they want to see you again)": {
        "de": "(optional: wann man Sie wiedersehen möchte)",
        "es": "(opcional: cuándo quieren volver a verle)",
    },
    "Record the visit": {"de": "Termin eintragen", "es": "Registrar la consulta"},
    "Red flags logged": {"de": "Erfasste Warnzeichen", "es": "Señales de alarma registradas"},
    "Each spot": {"de": "Jede Stelle", "es": "Cada zona"},
    "Spot": {"de": "Stelle", "es": "Zona"},
    "Status": {"de": "Status", "es": "Estado"},
    "Last count": {"de": "Letzte Anzahl", "es": "Último número"},
    "Since": {"de": "Seit", "es": "Desde"},
    "%(n)s photo of %(site)s": {
        "de": ["%(n)s Foto von %(site)s", "%(n)s Fotos von %(site)s"],
        "es": ["%(n)s foto de %(site)s", "%(n)s fotos de %(site)s"],
    },
    "%(n)s photo": {"de": ["%(n)s Foto", "%(n)s Fotos"], "es": ["%(n)s foto", "%(n)s fotos"]},
    "clear": {"de": "ohne Befund", "es": "sin bultos"},
    "No spots logged yet.": {"de": "Noch keine Stellen erfasst.", "es": "Aún no hay zonas registradas."},
    "Care: %(care)s": {"de": "Pflege: %(care)s", "es": "Cuidado: %(care)s"},
    "Over time": {"de": "Im Zeitverlauf", "es": "A lo largo del tiempo"},
    "Before and after": {"de": "Vorher und nachher", "es": "Antes y después"},
    "All photos, compare →": {"de": "Alle Fotos, vergleichen →", "es": "Todas las fotos, comparar →"},
    "%(site)s on %(date)s": {"de": "%(site)s am %(date)s", "es": "%(site)s el %(date)s"},
    "Before": {"de": "Vorher", "es": "Antes"},
    "Visit recorded.": {"de": "Termin eingetragen.", "es": "Consulta registrada."},
    # --- the timeline chart (app page and PDF) ---
    "Bumps per site over time": {
        "de": "Knötchen je Stelle im Zeitverlauf",
        "es": "Bultos por zona a lo largo del tiempo",
    },
    "No days in this range.": {"de": "Keine Tage in diesem Zeitraum.", "es": "No hay días en este periodo."},
    "Bump counts per site from %(first)s to %(last)s; %(logged)s of %(days)s days logged (days not logged are unknown, not zero).": {
        "de": "Anzahl der Knötchen je Stelle von %(first)s bis %(last)s; %(logged)s von %(days)s Tagen erfasst (nicht erfasste Tage sind unbekannt, nicht null).",
        "es": "Número de bultos por zona del %(first)s al %(last)s; %(logged)s de %(days)s días registrados (los días no registrados son desconocidos, no cero).",
    },
    "%(site)s: checked on %(days)s day, latest count %(count)s on %(date)s.": {
        "de": [
            "%(site)s: an %(days)s Tag kontrolliert, letzte Anzahl %(count)s am %(date)s.",
            "%(site)s: an %(days)s Tagen kontrolliert, letzte Anzahl %(count)s am %(date)s.",
        ],
        "es": [
            "%(site)s: revisada %(days)s día, último número %(count)s el %(date)s.",
            "%(site)s: revisada %(days)s días, último número %(count)s el %(date)s.",
        ],
    },
    "logged: %(first)s to %(last)s": {
        "de": "erfasst: %(first)s bis %(last)s",
        "es": "registrado: del %(first)s al %(last)s",
    },
    "not logged: %(first)s to %(last)s": {
        "de": "nicht erfasst: %(first)s bis %(last)s",
        "es": "no registrado: del %(first)s al %(last)s",
    },
    "%(done)s of %(logged)s days": {"de": "%(done)s von %(logged)s Tagen", "es": "%(done)s de %(logged)s días"},
    "marked %(days)s": {"de": "angekreuzt %(days)s", "es": "marcado %(days)s"},
    "not recorded": {"de": "nicht erfasst", "es": "no registrado"},
    "Routine": {"de": "Routine", "es": "Rutina"},
    "care": {"de": "Pflege", "es": "cuidado"},
    "trigger": {"de": "Auslöser", "es": "desencadenante"},
    "photo": {"de": "Foto", "es": "foto"},
    "photo %(site)s": {"de": "Foto %(site)s", "es": "foto %(site)s"},
    "booked": {"de": "Termin vereinbart", "es": "cita pedida"},
    "visit": {"de": "Termin", "es": "consulta"},
    # --- Export and share ---
    "Export and share": {"de": "Exportieren und teilen", "es": "Exportar y compartir"},
    "Your new link": {"de": "Ihr neuer Link", "es": "Su nuevo enlace"},
    "Anyone with this link can read your log for the chosen days until %(date)s. It is shown only now.": {
        "de": "Wer diesen Link hat, kann Ihr Protokoll für die gewählten Tage bis %(date)s lesen. Er wird nur jetzt angezeigt.",
        "es": "Cualquiera con este enlace puede leer su registro de los días elegidos hasta el %(date)s. Solo se muestra ahora.",
    },
    "Link": {"de": "Link", "es": "Enlace"},
    "Copy link": {"de": "Link kopieren", "es": "Copiar enlace"},
    "Share…": {"de": "Teilen …", "es": "Compartir…"},
    "Or let the clinician scan this code:": {
        "de": "Oder lassen Sie die Ärztin / den Arzt diesen Code scannen:",
        "es": "O deje que el médico escanee este código:",
    },
    "QR code of the link": {"de": "QR-Code des Links", "es": "Código QR del enlace"},
    "For the clinic's system": {"de": "Für das System der Praxis", "es": "Para el sistema de la clínica"},
    "The same history as a SMART Health Link: a clinic's health record or a health app can read it as data (FHIR), encrypted, until the same day; a phone that scans its code opens it in footlog's viewer, which unlocks it on that phone.": {
        "de": "Dasselbe Protokoll als SMART Health Link: Die Patientenakte einer Praxis oder eine Gesundheits-App kann es verschlüsselt als Daten (FHIR) lesen, bis zum selben Tag; ein Telefon, das seinen Code scannt, öffnet es in der Ansicht von footlog, die es auf diesem Telefon entsperrt.",
        "es": "El mismo historial como SMART Health Link: la historia clínica de una clínica o una app de salud puede leerlo como datos (FHIR), cifrado, hasta el mismo día; un teléfono que escanee su código lo abre en el visor de footlog, que lo desbloquea en ese teléfono.",
    },
    "It asks for the same passcode.": {
        "de": "Er fragt nach demselben Zugangscode.",
        "es": "Pide el mismo código de acceso.",
    },
    "Copy SMART Health Link": {"de": "SMART Health Link kopieren", "es": "Copiar SMART Health Link"},
    "QR code of the SMART Health Link": {
        "de": "QR-Code des SMART Health Link",
        "es": "Código QR del SMART Health Link",
    },
    "The link without the viewer, for a system that asks for <code>shlink:/</code>": {
        "de": "Der Link ohne die Ansicht, für ein System, das nach <code>shlink:/</code> fragt",
        "es": "El enlace sin el visor, para un sistema que pide <code>shlink:/</code>",
    },
    "SMART Health Link, bare": {"de": "SMART Health Link, ohne Ansicht", "es": "SMART Health Link, sin visor"},
    "Copy the bare link": {"de": "Link ohne Ansicht kopieren", "es": "Copiar el enlace sin visor"},
    "Download": {"de": "Herunterladen", "es": "Descargar"},
    "From": {"de": "Von", "es": "Desde"},
    "To": {"de": "Bis", "es": "Hasta"},
    "Questions for the dermatologist": {
        "de": "Fragen an den Dermatologen / die Dermatologin",
        "es": "Preguntas para el dermatólogo",
    },
    "(optional, one per line)": {"de": "(optional, eine pro Zeile)", "es": "(opcional, una por línea)"},
    "Report for the dermatologist (PDF)": {
        "de": "Bericht für den Dermatologen / die Dermatologin (PDF)",
        "es": "Informe para el dermatólogo (PDF)",
    },
    "Building the report": {"de": "Der Bericht wird erstellt", "es": "Creando el informe"},
    "Table (CSV)": {"de": "Tabelle (CSV)", "es": "Tabla (CSV)"},
    "Share with a clinician": {"de": "Mit einer Ärztin / einem Arzt teilen", "es": "Compartir con un médico"},
    "A read-only link you can revoke at any time. Nothing is shared until you create one.": {
        "de": "Ein Link nur zum Lesen, den Sie jederzeit widerrufen können. Nichts wird geteilt, bevor Sie einen erstellen.",
        "es": "Un enlace de solo lectura que puede revocar en cualquier momento. No se comparte nada hasta que cree uno.",
    },
    "Link works for": {"de": "Link gilt für", "es": "El enlace vale durante"},
    "Language of the page and report": {
        "de": "Sprache der Seite und des Berichts",
        "es": "Idioma de la página y del informe",
    },
    "Include photos": {"de": "Fotos einschließen", "es": "Incluir fotos"},
    "With photos, the page also shows each spot's first photo as its baseline, even when it was taken before these dates.": {
        "de": "Mit Fotos zeigt die Seite auch das erste Foto jeder Stelle als Ausgangsbild, auch wenn es vor diesen Tagen aufgenommen wurde.",
        "es": "Con fotos, la página muestra también la primera foto de cada zona como referencia, aunque se tomara antes de estas fechas.",
    },
    "(optional, shown with the link)": {
        "de": "(optional, mit dem Link angezeigt)",
        "es": "(opcional, se muestra con el enlace)",
    },
    "(optional, 4–64 characters; tell it to the clinician yourself)": {
        "de": "(optional, 4–64 Zeichen; teilen Sie ihn der Ärztin / dem Arzt selbst mit)",
        "es": "(opcional, 4–64 caracteres; dígaselo usted mismo al médico)",
    },
    "Asked before the page, the PDF and the SMART Health Link open; 10 wrong tries lock the link.": {
        "de": "Wird abgefragt, bevor sich die Seite, das PDF und der SMART Health Link öffnen; 10 falsche Versuche sperren den Link.",
        "es": "Se pide antes de abrir la página, el PDF y el SMART Health Link; 10 intentos fallidos bloquean el enlace.",
    },
    "Create link": {"de": "Link erstellen", "es": "Crear enlace"},
    "Your links": {"de": "Ihre Links", "es": "Sus enlaces"},
    "photos": {"de": "Fotos", "es": "fotos"},
    "passcode": {"de": "Zugangscode", "es": "código de acceso"},
    "revoked": {"de": "widerrufen", "es": "revocado"},
    "locked (wrong passcodes)": {"de": "gesperrt (falsche Zugangscodes)", "es": "bloqueado (códigos incorrectos)"},
    "until %(date)s": {"de": "bis %(date)s", "es": "hasta el %(date)s"},
    "expired": {"de": "abgelaufen", "es": "caducado"},
    "visited %(n)s×, last %(date)s, %(time)s": {
        "de": "%(n)s× geöffnet, zuletzt %(date)s, %(time)s",
        "es": "abierto %(n)s×, la última vez el %(date)s, %(time)s",
    },
    "not opened yet": {"de": "noch nicht geöffnet", "es": "aún no abierto"},
    "Revoke the link for %(first)s – %(last)s": {
        "de": "Link für %(first)s – %(last)s widerrufen",
        "es": "Revocar el enlace del %(first)s – %(last)s",
    },
    "Revoke": {"de": "Widerrufen", "es": "Revocar"},
    "The link is revoked: it no longer opens.": {
        "de": "Der Link ist widerrufen: Er öffnet sich nicht mehr.",
        "es": "El enlace está revocado: ya no se abre.",
    },
    # --- Settings ---
    "Daily reminder": {"de": "Tägliche Erinnerung", "es": "Recordatorio diario"},
    "Remind me to log": {"de": "Mich ans Erfassen erinnern", "es": "Recordarme registrar"},
    "At": {"de": "Um", "es": "A las"},
    "On": {"de": "An", "es": "Los días"},
    "By": {"de": "Per", "es": "Por"},
    "Email": {"de": "E-Mail", "es": "Correo electrónico"},
    "Push": {"de": "Push", "es": "Push"},
    "Not when I already logged": {"de": "Nicht, wenn ich schon erfasst habe", "es": "No si ya he registrado"},
    "Weekly photo reminder": {"de": "Wöchentliche Foto-Erinnerung", "es": "Recordatorio semanal de foto"},
    "Times are in %(zone)s.": {"de": "Uhrzeiten gelten in %(zone)s.", "es": "Las horas son de %(zone)s."},
    "Save reminder": {"de": "Erinnerung speichern", "es": "Guardar recordatorio"},
    "Push on this phone": {"de": "Push auf diesem Telefon", "es": "Push en este teléfono"},
    "Get the reminder as a notification on this device.": {
        "de": "Erhalten Sie die Erinnerung als Mitteilung auf diesem Gerät.",
        "es": "Reciba el recordatorio como notificación en este dispositivo.",
    },
    "Enable push on this phone": {"de": "Push auf diesem Telefon einschalten", "es": "Activar push en este teléfono"},
    "Your own routine steps": {"de": "Ihre eigenen Routineschritte", "es": "Sus propios pasos de rutina"},
    "Remove %(step)s": {"de": "%(step)s entfernen", "es": "Quitar %(step)s"},
    "Remove": {"de": "Entfernen", "es": "Quitar"},
    "Add what you use, for example a retinoid cream: it appears on Today.": {
        "de": "Fügen Sie hinzu, was Sie verwenden, zum Beispiel eine Retinoid-Creme: Es erscheint unter Heute.",
        "es": "Añada lo que usa, por ejemplo una crema de retinoide: aparece en Hoy.",
    },
    "New step": {"de": "Neuer Schritt", "es": "Paso nuevo"},
    "Kind": {"de": "Art", "es": "Tipo"},
    "Care (something I do)": {"de": "Pflege (etwas, das ich tue)", "es": "Cuidado (algo que hago)"},
    "Trigger (something that may worsen it)": {
        "de": "Auslöser (etwas, das es verschlechtern kann)",
        "es": "Desencadenante (algo que puede empeorarlo)",
    },
    "Add step": {"de": "Schritt hinzufügen", "es": "Añadir paso"},
    "When footlog suggests a visit": {
        "de": "Wann footlog einen Termin vorschlägt",
        "es": "Cuándo sugiere footlog una consulta",
    },
    "Suggest considering a visit after this many days of bumps": {
        "de": "Einen Termin zu erwägen vorschlagen nach so vielen Tagen mit Knötchen",
        "es": "Sugerir considerar una consulta tras estos días con bultos",
    },
    "Suggest booking a visit after this many days despite good care": {
        "de": "Einen Termin vorschlagen nach so vielen Tagen trotz guter Pflege",
        "es": "Sugerir pedir cita tras estos días pese a un buen cuidado",
    },
    "Care counts as good from this share of what you meant to do (0 to 1)": {
        "de": "Pflege gilt als gut ab diesem Anteil dessen, was Sie vorhatten (0 bis 1)",
        "es": "El cuidado cuenta como bueno a partir de esta proporción de lo previsto (0 a 1)",
    },
    "Red flags are not a setting: bleeding, spreading, pain of 4 or more (or on two days in a week), redness on two days in a week, pain with redness, or fast growth always say “%(seek_care)s”": {
        "de": "Warnzeichen sind keine Einstellung: Blutung, Ausbreitung, Schmerz ab 4 (oder an zwei Tagen in einer Woche), Rötung an zwei Tagen in einer Woche, Schmerz mit Rötung oder schnelles Wachstum sagen immer „%(seek_care)s“",
        "es": "Las señales de alarma no son un ajuste: sangrado, extensión, dolor de 4 o más (o en dos días de una semana), enrojecimiento en dos días de una semana, dolor con enrojecimiento o un crecimiento rápido siempre dicen «%(seek_care)s»",
    },
    "Save thresholds": {"de": "Schwellen speichern", "es": "Guardar umbrales"},
    "You": {"de": "Ihre Angaben", "es": "Su perfil"},
    "Your name": {"de": "Ihr Name", "es": "Su nombre"},
    "Names you on the report and the file for your dermatologist; without it they say “the patient”.": {
        "de": "Nennt Sie im Bericht und in der Datei für Ihren Dermatologen / Ihre Dermatologin; ohne ihn steht dort „die Patientin / der Patient“.",
        "es": "Le nombra en el informe y el archivo para su dermatólogo; sin él dicen «el paciente».",
    },
    "Days are counted in this time zone": {
        "de": "Tage werden in dieser Zeitzone gezählt",
        "es": "Los días se cuentan en esta zona horaria",
    },
    "Type a city to search, e.g. Berlin or New York.": {
        "de": "Geben Sie eine Stadt ein, z. B. Berlin oder New York.",
        "es": "Escriba una ciudad para buscar, p. ej., Madrid o Nueva York.",
    },
    "Language": {"de": "Sprache", "es": "Idioma"},
    "As the browser says": {"de": "Wie im Browser eingestellt", "es": "Como indique el navegador"},
    "Pages, reminders and mails speak it; a report can be made in another language on Share.": {
        "de": "Seiten, Erinnerungen und E-Mails verwenden sie; einen Bericht in einer anderen Sprache erstellen Sie unter Teilen.",
        "es": "Las páginas, los recordatorios y los correos lo usan; en Compartir puede crear un informe en otro idioma.",
    },
    "Save": {"de": "Speichern", "es": "Guardar"},
    "Saved.": {"de": "Gespeichert.", "es": "Guardado."},
    "Passkeys": {"de": "Passkeys", "es": "Llaves de acceso"},
    "You have %(n)s passkey; your password keeps working too.": {
        "de": [
            "Sie haben %(n)s Passkey; Ihr Passwort funktioniert weiterhin.",
            "Sie haben %(n)s Passkeys; Ihr Passwort funktioniert weiterhin.",
        ],
        "es": [
            "Tiene %(n)s llave de acceso; su contraseña sigue funcionando.",
            "Tiene %(n)s llaves de acceso; su contraseña sigue funcionando.",
        ],
    },
    "You have %(n)s passkey.": {
        "de": ["Sie haben %(n)s Passkey.", "Sie haben %(n)s Passkeys."],
        "es": ["Tiene %(n)s llave de acceso.", "Tiene %(n)s llaves de acceso."],
    },
    "Your recovery codes let you in without the passkey. They are shown once:": {
        "de": "Mit Ihren Wiederherstellungscodes kommen Sie ohne Passkey hinein. Sie werden nur einmal angezeigt:",
        "es": "Sus códigos de recuperación le dejan entrar sin la llave de acceso. Se muestran una sola vez:",
    },
    "See your recovery codes": {"de": "Wiederherstellungscodes ansehen", "es": "Ver sus códigos de recuperación"},
    "Add a passkey": {"de": "Passkey hinzufügen", "es": "Añadir una llave de acceso"},
    "Manage passkeys": {"de": "Passkeys verwalten", "es": "Gestionar llaves de acceso"},
    "Sign in with your fingerprint, face or screen lock instead of typing your password.": {
        "de": "Melden Sie sich mit Fingerabdruck, Gesicht oder Bildschirmsperre an, statt Ihr Passwort einzugeben.",
        "es": "Inicie sesión con su huella, su cara o el bloqueo de pantalla en lugar de escribir su contraseña.",
    },
    "Your data": {"de": "Ihre Daten", "es": "Sus datos"},
    "Download everything (zip)": {"de": "Alles herunterladen (ZIP)", "es": "Descargar todo (zip)"},
    "Import a footlog export (zip)": {
        "de": "Einen footlog-Export importieren (ZIP)",
        "es": "Importar una exportación de footlog (zip)",
    },
    "Adds the zip's days, photos and steps to this account; days already here with the same content stay as they are, so importing twice changes nothing. Your time zone and settings are kept unless this account is still empty.": {
        "de": "Fügt die Tage, Fotos und Schritte der ZIP-Datei diesem Konto hinzu; Tage, die hier schon mit demselben Inhalt stehen, bleiben, wie sie sind, also ändert zweimaliges Importieren nichts. Ihre Zeitzone und Einstellungen bleiben erhalten, außer dieses Konto ist noch leer.",
        "es": "Añade los días, fotos y pasos del zip a esta cuenta; los días que ya están aquí con el mismo contenido se quedan como están, así que importar dos veces no cambia nada. Su zona horaria y sus ajustes se conservan salvo que esta cuenta esté aún vacía.",
    },
    "Import": {"de": "Importieren", "es": "Importar"},
    "Importing": {"de": "Import läuft", "es": "Importando"},
    "Sign out": {"de": "Abmelden", "es": "Cerrar sesión"},
    "Signing out also removes anything this phone is still waiting to send.": {
        "de": "Beim Abmelden wird auch alles entfernt, was dieses Telefon noch senden wollte.",
        "es": "Al cerrar sesión también se borra lo que este teléfono aún esperaba enviar.",
    },
    "Delete my account": {"de": "Mein Konto löschen", "es": "Eliminar mi cuenta"},
    "Delete your account and every entry and photo? This cannot be undone.": {
        "de": "Ihr Konto und jeden Eintrag und jedes Foto löschen? Das lässt sich nicht rückgängig machen.",
        "es": "¿Eliminar su cuenta y cada entrada y foto? No se puede deshacer.",
    },
    "Your account has no password: we email you a code to confirm.": {
        "de": "Ihr Konto hat kein Passwort: Wir senden Ihnen zur Bestätigung einen Code per E-Mail.",
        "es": "Su cuenta no tiene contraseña: le enviamos un código por correo para confirmar.",
    },
    "Email me a code": {"de": "Code per E-Mail senden", "es": "Enviarme un código por correo"},
    "Code from the email, to delete your account": {
        "de": "Code aus der E-Mail, um Ihr Konto zu löschen",
        "es": "Código del correo, para eliminar su cuenta",
    },
    "Password, to delete your account": {
        "de": "Passwort, um Ihr Konto zu löschen",
        "es": "Contraseña, para eliminar su cuenta",
    },
    "Delete my account and all data": {
        "de": "Mein Konto und alle Daten löschen",
        "es": "Eliminar mi cuenta y todos los datos",
    },
    # --- the account deletion code mail ---
    "Your code to delete your footlog account": {
        "de": "Ihr Code zum Löschen Ihres footlog-Kontos",
        "es": "Su código para eliminar su cuenta de footlog",
    },
    "Someone (hopefully you) asked to delete your footlog account and everything in it.": {
        "de": "Jemand (hoffentlich Sie) hat darum gebeten, Ihr footlog-Konto und alles darin zu löschen.",
        "es": "Alguien (esperemos que usted) ha pedido eliminar su cuenta de footlog y todo su contenido.",
    },
    "Enter this code in footlog to confirm:": {
        "de": "Geben Sie diesen Code in footlog ein, um zu bestätigen:",
        "es": "Introduzca este código en footlog para confirmar:",
    },
    "It works for %(minutes)s minutes. If it was not you, ignore this mail: nothing is deleted without the code.": {
        "de": "Er gilt %(minutes)s Minuten. Wenn Sie es nicht waren, ignorieren Sie diese E-Mail: Ohne den Code wird nichts gelöscht.",
        "es": "Vale durante %(minutes)s minutos. Si no fue usted, ignore este correo: sin el código no se elimina nada.",
    },
    # --- reminder emails: unsubscribe page ---
    "Reminder emails": {"de": "Erinnerungs-E-Mails", "es": "Correos de recordatorio"},
    "Reminder emails stopped": {
        "de": "Erinnerungs-E-Mails abbestellt",
        "es": "Ya no recibirá recordatorios por correo",
    },
    "footlog will not email you reminders any more. You can turn them back on in the app's settings.": {
        "de": "footlog sendet Ihnen keine Erinnerungen per E-Mail mehr. Sie können sie in den Einstellungen der App wieder einschalten.",
        "es": "footlog ya no le enviará recordatorios por correo. Puede volver a activarlos en los ajustes de la app.",
    },
    "This link is not valid": {"de": "Dieser Link ist nicht gültig", "es": "Este enlace no es válido"},
    "Sign in to footlog to change your reminder settings.": {
        "de": "Melden Sie sich bei footlog an, um Ihre Erinnerungen einzustellen.",
        "es": "Inicie sesión en footlog para cambiar sus recordatorios.",
    },
    "Stop reminder emails?": {
        "de": "Erinnerungs-E-Mails abbestellen?",
        "es": "¿Dejar de recibir recordatorios por correo?",
    },
    # --- passkeys and recovery codes (footlog's allauth MFA pages) ---
    "Second step": {"de": "Zweiter Schritt", "es": "Segundo paso"},
    "Confirm it is you": {"de": "Bestätigen Sie, dass Sie es sind", "es": "Confirme que es usted"},
    "Your account has a passkey: use it to finish signing in.": {
        "de": "Ihr Konto hat einen Passkey: Verwenden Sie ihn, um die Anmeldung abzuschließen.",
        "es": "Su cuenta tiene una llave de acceso: úsela para terminar de iniciar sesión.",
    },
    "Use my passkey": {"de": "Meinen Passkey verwenden", "es": "Usar mi llave de acceso"},
    "No passkey at hand?": {"de": "Kein Passkey zur Hand?", "es": "¿No tiene la llave de acceso a mano?"},
    "Recovery code": {"de": "Wiederherstellungscode", "es": "Código de recuperación"},
    "Sign in with a recovery code": {
        "de": "Mit einem Wiederherstellungscode anmelden",
        "es": "Iniciar sesión con un código de recuperación",
    },
    "Cancel": {"de": "Abbrechen", "es": "Cancelar"},
    "Passkeys and recovery codes": {
        "de": "Passkeys und Wiederherstellungscodes",
        "es": "Llaves de acceso y códigos de recuperación",
    },
    "No passkeys yet.": {"de": "Noch keine Passkeys.", "es": "Aún no hay llaves de acceso."},
    "Manage": {"de": "Verwalten", "es": "Gestionar"},
    "Recovery codes": {"de": "Wiederherstellungscodes", "es": "Códigos de recuperación"},
    "%(unused)s of %(total)s unused.": {
        "de": "%(unused)s von %(total)s unbenutzt.",
        "es": "%(unused)s de %(total)s sin usar.",
    },
    "None yet: they are made with your first passkey.": {
        "de": "Noch keine: Sie entstehen mit Ihrem ersten Passkey.",
        "es": "Aún ninguno: se crean con su primera llave de acceso.",
    },
    "Make new codes": {"de": "Neue Codes erstellen", "es": "Crear códigos nuevos"},
    "Back to Settings": {"de": "Zurück zu den Einstellungen", "es": "Volver a Ajustes"},
    "Confirm": {"de": "Bestätigen", "es": "Confirmar"},
    "New recovery codes": {"de": "Neue Wiederherstellungscodes", "es": "Códigos de recuperación nuevos"},
    "Make a new set of recovery codes?": {
        "de": "Einen neuen Satz Wiederherstellungscodes erstellen?",
        "es": "¿Crear un nuevo juego de códigos de recuperación?",
    },
    "The codes you have now stop working.": {
        "de": "Die Codes, die Sie jetzt haben, funktionieren dann nicht mehr.",
        "es": "Los códigos que tiene ahora dejarán de funcionar.",
    },
    "Each code lets you in once when your passkey is not at hand. <strong>They are shown only this once:</strong> write them down or keep them in your password manager now.": {
        "de": "Jeder Code lässt Sie einmal hinein, wenn Ihr Passkey nicht zur Hand ist. <strong>Sie werden nur dieses eine Mal angezeigt:</strong> Schreiben Sie sie jetzt auf oder legen Sie sie in Ihrem Passwort-Manager ab.",
        "es": "Cada código le deja entrar una vez cuando no tiene a mano su llave de acceso. <strong>Solo se muestran esta vez:</strong> anótelos ahora o guárdelos en su gestor de contraseñas.",
    },
    "Your codes": {"de": "Ihre Codes", "es": "Sus códigos"},
    "Copy the codes": {"de": "Codes kopieren", "es": "Copiar los códigos"},
    "Download as a text file": {"de": "Als Textdatei herunterladen", "es": "Descargar como archivo de texto"},
    "%(unused)s of %(total)s recovery codes are unused. They were shown once, when they were made; if you lost them, make new ones (the old ones stop working).": {
        "de": "%(unused)s von %(total)s Wiederherstellungscodes sind unbenutzt. Sie wurden einmal angezeigt, als sie erstellt wurden; wenn Sie sie verloren haben, erstellen Sie neue (die alten funktionieren dann nicht mehr).",
        "es": "%(unused)s de %(total)s códigos de recuperación están sin usar. Se mostraron una vez, al crearlos; si los perdió, cree otros nuevos (los antiguos dejarán de funcionar).",
    },
    "Done": {"de": "Fertig", "es": "Listo"},
    "A passkey lives on this phone (or your password manager) and is unlocked with your fingerprint, face or screen lock. footlog never sees it; your password keeps working.": {
        "de": "Ein Passkey liegt auf diesem Telefon (oder in Ihrem Passwort-Manager) und wird mit Fingerabdruck, Gesicht oder Bildschirmsperre entsperrt. footlog sieht ihn nie; Ihr Passwort funktioniert weiterhin.",
        "es": "Una llave de acceso vive en este teléfono (o en su gestor de contraseñas) y se desbloquea con su huella, su cara o el bloqueo de pantalla. footlog nunca la ve; su contraseña sigue funcionando.",
    },
    "Name": {"de": "Name", "es": "Nombre"},
    "To tell your passkeys apart, e.g. “My phone”.": {
        "de": "Um Ihre Passkeys auseinanderzuhalten, z. B. „Mein Telefon“.",
        "es": "Para distinguir sus llaves de acceso, p. ej., «Mi teléfono».",
    },
    "Sign in with it alone, without the password": {
        "de": "Nur damit anmelden, ohne Passwort",
        "es": "Iniciar sesión solo con ella, sin la contraseña",
    },
    "Otherwise it is asked for after your password, as a second step.": {
        "de": "Sonst wird er nach Ihrem Passwort als zweiter Schritt abgefragt.",
        "es": "Si no, se pide después de su contraseña, como segundo paso.",
    },
    "Create passkey": {"de": "Passkey erstellen", "es": "Crear llave de acceso"},
    "Remove passkey": {"de": "Passkey entfernen", "es": "Quitar la llave de acceso"},
    "Remove “%(authenticator)s”? You can no longer sign in with it.": {
        "de": "„%(authenticator)s“ entfernen? Sie können sich dann nicht mehr damit anmelden.",
        "es": "¿Quitar «%(authenticator)s»? Ya no podrá iniciar sesión con ella.",
    },
    "Keep it": {"de": "Behalten", "es": "Conservarla"},
    "signs in alone": {"de": "meldet allein an", "es": "inicia sesión sola"},
    "after the password": {"de": "nach dem Passwort", "es": "tras la contraseña"},
    "added %(date)s": {"de": "hinzugefügt am %(date)s", "es": "añadida el %(date)s"},
    "last used %(date)s": {"de": "zuletzt verwendet am %(date)s", "es": "usada por última vez el %(date)s"},
    "Rename": {"de": "Umbenennen", "es": "Cambiar nombre"},
    "Rename passkey": {"de": "Passkey umbenennen", "es": "Cambiar el nombre de la llave de acceso"},
    "Back to passkeys": {"de": "Zurück zu den Passkeys", "es": "Volver a las llaves de acceso"},
    "Confirm with your passkey": {"de": "Mit Ihrem Passkey bestätigen", "es": "Confirmar con su llave de acceso"},
    "Create your passkey": {"de": "Ihren Passkey erstellen", "es": "Cree su llave de acceso"},
    "Your account has no password: you sign in with this passkey, unlocked by your fingerprint, face or screen lock. You can add more passkeys later in Settings, where your recovery codes wait too.": {
        "de": "Ihr Konto hat kein Passwort: Sie melden sich mit diesem Passkey an, entsperrt durch Fingerabdruck, Gesicht oder Bildschirmsperre. Weitere Passkeys können Sie später in den Einstellungen hinzufügen, wo auch Ihre Wiederherstellungscodes warten.",
        "es": "Su cuenta no tiene contraseña: inicia sesión con esta llave de acceso, desbloqueada con su huella, su cara o el bloqueo de pantalla. Puede añadir más llaves de acceso después en Ajustes, donde también le esperan sus códigos de recuperación.",
    },
    "Passkey added.": {"de": "Passkey hinzugefügt.", "es": "Llave de acceso añadida."},
    "Passkey removed.": {"de": "Passkey entfernt.", "es": "Llave de acceso quitada."},
    "Use your passkey": {"de": "Ihren Passkey verwenden", "es": "Usar su llave de acceso"},
    "Use a recovery code": {"de": "Einen Wiederherstellungscode verwenden", "es": "Usar un código de recuperación"},
    # --- Privacy ---
    "Privacy": {"de": "Datenschutz", "es": "Privacidad"},
    "Your data in footlog": {"de": "Ihre Daten in footlog", "es": "Sus datos en footlog"},
    "footlog keeps a health diary. It is private by default: nobody sees your entries or photos unless you share them yourself, and every share can be revoked. footlog never diagnoses anything.": {
        "de": "footlog führt ein Gesundheitstagebuch. Es ist von Haus aus privat: Niemand sieht Ihre Einträge oder Fotos, außer Sie teilen sie selbst, und jede Freigabe lässt sich widerrufen. footlog stellt keine Diagnose.",
        "es": "footlog lleva un diario de salud. Es privado de entrada: nadie ve sus entradas ni fotos salvo que usted las comparta, y cada enlace compartido puede revocarse. footlog no diagnostica nada.",
    },
    "What is stored": {"de": "Was gespeichert wird", "es": "Qué se guarda"},
    "<strong>Your account</strong>: email address, a salted hash of your password (never the password itself), your time zone, and when you agreed to footlog storing health data.": {
        "de": "<strong>Ihr Konto</strong>: E-Mail-Adresse, ein gesalzener Hash Ihres Passworts (nie das Passwort selbst), Ihre Zeitzone und wann Sie zugestimmt haben, dass footlog Gesundheitsdaten speichert.",
        "es": "<strong>Su cuenta</strong>: dirección de correo, un hash con sal de su contraseña (nunca la contraseña), su zona horaria y cuándo aceptó que footlog guarde datos de salud.",
    },
    "<strong>Your entries</strong>: the date, your notes, for each body site the count, the size of the largest bump, itch, pain and redness, and which care steps you did (including steps you add yourself).": {
        "de": "<strong>Ihre Einträge</strong>: das Datum, Ihre Notizen, für jede Körperstelle die Anzahl, die Größe des größten Knötchens, Juckreiz, Schmerz und Rötung sowie welche Pflegeschritte Sie gemacht haben (auch selbst hinzugefügte).",
        "es": "<strong>Sus entradas</strong>: la fecha, sus notas, para cada zona del cuerpo el número, el tamaño del bulto mayor, picor, dolor y enrojecimiento, y qué pasos de cuidado hizo (también los que añade usted).",
    },
    "<strong>Your photos</strong>: the image and a thumbnail, with the body site. Location (GPS), camera and other metadata are removed when the photo is stored.": {
        "de": "<strong>Ihre Fotos</strong>: das Bild und ein Vorschaubild, mit der Körperstelle. Standort (GPS), Kamera und andere Metadaten werden beim Speichern entfernt.",
        "es": "<strong>Sus fotos</strong>: la imagen y una miniatura, con la zona del cuerpo. La ubicación (GPS), la cámara y otros metadatos se quitan al guardar la foto.",
    },
    "<strong>Reminders</strong>: your reminder times and channels, the push subscription your browser gives us, and a record of each reminder sent (date, channel, outcome). No entry content is in a reminder.": {
        "de": "<strong>Erinnerungen</strong>: Ihre Erinnerungszeiten und -wege, das Push-Abonnement, das Ihr Browser uns gibt, und ein Vermerk zu jeder gesendeten Erinnerung (Datum, Weg, Ergebnis). Keine Erinnerung enthält Inhalte Ihrer Einträge.",
        "es": "<strong>Recordatorios</strong>: sus horas y canales de recordatorio, la suscripción push que nos da su navegador y un registro de cada recordatorio enviado (fecha, canal, resultado). Ningún recordatorio incluye el contenido de sus entradas.",
    },
    '<strong>Share links</strong>: the date range you chose, when the link expires, and for each visit the time and a coarse client name such as "Firefox on Android". No IP address is kept. The link itself is stored only as a hash.': {
        "de": "<strong>Geteilte Links</strong>: der gewählte Zeitraum, wann der Link abläuft, und für jeden Aufruf die Uhrzeit und ein grober Programmname wie „Firefox auf Android“. Keine IP-Adresse wird gespeichert. Der Link selbst wird nur als Hash gespeichert.",
        "es": "<strong>Enlaces compartidos</strong>: el periodo elegido, cuándo caduca el enlace y, para cada visita, la hora y un nombre aproximado del programa, como «Firefox en Android». No se guarda ninguna dirección IP. El enlace en sí solo se guarda como hash.",
    },
    "<strong>Sign-in</strong>: a session (cookie or app token) that keeps you signed in.": {
        "de": "<strong>Anmeldung</strong>: eine Sitzung (Cookie oder App-Token), die Sie angemeldet hält.",
        "es": "<strong>Inicio de sesión</strong>: una sesión (cookie o token de la app) que mantiene su sesión iniciada.",
    },
    "Where": {"de": "Wo", "es": "Dónde"},
    "Everything except photos is kept in footlog's database; photos are kept on %(photo_storage)s, never under a public address: they are only sent to you after checking that you are signed in as their owner, or to someone holding a share link you made with photos included. Connections are encrypted (HTTPS).": {
        "de": "Alles außer Fotos liegt in der Datenbank von footlog; Fotos liegen auf %(photo_storage)s, nie unter einer öffentlichen Adresse: Sie werden nur an Sie gesendet, nachdem geprüft wurde, dass Sie als Eigentümer angemeldet sind, oder an jemanden mit einem von Ihnen erstellten Link mit Fotos. Verbindungen sind verschlüsselt (HTTPS).",
        "es": "Todo salvo las fotos se guarda en la base de datos de footlog; las fotos se guardan en %(photo_storage)s, nunca en una dirección pública: solo se le envían tras comprobar que ha iniciado sesión como su propietario, o a quien tenga un enlace compartido que usted creó con fotos. Las conexiones van cifradas (HTTPS).",
    },
    "an S3-compatible bucket": {"de": "einem S3-kompatiblen Speicher", "es": "un almacenamiento compatible con S3"},
    "the server's disk": {"de": "der Festplatte des Servers", "es": "el disco del servidor"},
    "Server logs record which kind of page was asked for, the result, how long it took, your account number and the network (IP) address the request came from, for running and securing the service. They never contain your notes, photos, tokens or share links.": {
        "de": "Server-Logs vermerken, welche Art von Seite angefragt wurde, das Ergebnis, wie lange es dauerte, Ihre Kontonummer und die Netzwerkadresse (IP), von der die Anfrage kam, für Betrieb und Sicherheit des Dienstes. Sie enthalten nie Ihre Notizen, Fotos, Tokens oder geteilten Links.",
        "es": "Los registros del servidor anotan qué tipo de página se pidió, el resultado, cuánto tardó, su número de cuenta y la dirección de red (IP) de la que llegó la petición, para hacer funcionar y proteger el servicio. Nunca contienen sus notas, fotos, tokens ni enlaces compartidos.",
    },
    "What is kept on your phone": {"de": "Was auf Ihrem Telefon bleibt", "es": "Qué se guarda en su teléfono"},
    "The app keeps a few things in your browser's storage on the phone, for use without a connection:": {
        "de": "Die App legt einige Dinge im Speicher Ihres Browsers auf dem Telefon ab, für die Nutzung ohne Verbindung:",
        "es": "La app guarda algunas cosas en el almacenamiento de su navegador en el teléfono, para usarla sin conexión:",
    },
    "<strong>Days not sent yet</strong>: entries and photos you saved while offline (or that the server has not accepted yet), until they are sent or you discard them.": {
        "de": "<strong>Noch nicht gesendete Tage</strong>: Einträge und Fotos, die Sie offline gespeichert haben (oder die der Server noch nicht angenommen hat), bis sie gesendet sind oder Sie sie verwerfen.",
        "es": "<strong>Días aún no enviados</strong>: entradas y fotos que guardó sin conexión (o que el servidor aún no aceptó), hasta que se envíen o usted las descarte.",
    },
    '<strong>A copy of your recent days</strong>: the entries of about the last 30 days, as footlog last sent them to this phone, so that Today and a day\'s page show what you logged when there is no connection ("offline — showing what this phone last saw"). Photos are not part of the copy.': {
        "de": "<strong>Eine Kopie Ihrer letzten Tage</strong>: die Einträge von etwa den letzten 30 Tagen, wie footlog sie zuletzt an dieses Telefon gesendet hat, damit Heute und die Seite eines Tages ohne Verbindung zeigen, was Sie erfasst haben („offline — zeigt, was dieses Telefon zuletzt gesehen hat“). Fotos gehören nicht zur Kopie.",
        "es": "<strong>Una copia de sus últimos días</strong>: las entradas de aproximadamente los últimos 30 días, tal como footlog las envió por última vez a este teléfono, para que Hoy y la página de un día muestren lo que registró cuando no hay conexión («sin conexión — mostrando lo último que vio este teléfono»). Las fotos no forman parte de la copia.",
    },
    "<strong>The app itself</strong>: its pages' layout, styles and scripts, which hold no health data.": {
        "de": "<strong>Die App selbst</strong>: Aufbau, Stile und Skripte ihrer Seiten, die keine Gesundheitsdaten enthalten.",
        "es": "<strong>La propia app</strong>: el diseño, los estilos y los scripts de sus páginas, que no contienen datos de salud.",
    },
    "Signing out or deleting your account wipes the copy and the days not sent yet from the phone (signing out also drops the kept pages); another account opening Today on the same phone wipes the copy first. Days another account saved on the phone and has not sent yet stay for that account: they are never sent into yours, and you see only how many there are and their dates. Anyone who can unlock the phone and open the browser can read the copy meanwhile: sign out on a shared phone.": {
        "de": "Abmelden oder das Löschen Ihres Kontos entfernt die Kopie und die noch nicht gesendeten Tage vom Telefon (Abmelden verwirft auch die gespeicherten Seiten); öffnet ein anderes Konto Heute auf demselben Telefon, wird die Kopie zuerst entfernt. Tage, die ein anderes Konto auf dem Telefon gespeichert und noch nicht gesendet hat, bleiben für dieses Konto: Sie werden nie in Ihres gesendet, und Sie sehen nur, wie viele es sind und ihre Daten. Wer das Telefon entsperren und den Browser öffnen kann, kann die Kopie solange lesen: Melden Sie sich auf einem geteilten Telefon ab.",
        "es": "Cerrar sesión o eliminar su cuenta borra del teléfono la copia y los días aún no enviados (cerrar sesión también descarta las páginas guardadas); si otra cuenta abre Hoy en el mismo teléfono, primero se borra la copia. Los días que otra cuenta guardó en el teléfono y aún no envió se quedan para esa cuenta: nunca se envían a la suya, y usted solo ve cuántos son y sus fechas. Quien pueda desbloquear el teléfono y abrir el navegador puede leer la copia mientras tanto: cierre sesión en un teléfono compartido.",
    },
    "For how long": {"de": "Wie lange", "es": "Durante cuánto tiempo"},
    "Entries, photos and settings: until you delete them or your account.": {
        "de": "Einträge, Fotos und Einstellungen: bis Sie sie oder Ihr Konto löschen.",
        "es": "Entradas, fotos y ajustes: hasta que los elimine a ellos o su cuenta.",
    },
    "Share links: until they expire (1 to 30 days, your choice) or you revoke them; expired and revoked links stop working at once.": {
        "de": "Geteilte Links: bis sie ablaufen (1 bis 30 Tage, nach Ihrer Wahl) oder Sie sie widerrufen; abgelaufene und widerrufene Links funktionieren sofort nicht mehr.",
        "es": "Enlaces compartidos: hasta que caduquen (de 1 a 30 días, a su elección) o los revoque; los enlaces caducados y revocados dejan de funcionar al instante.",
    },
    "Sessions: %(session_days)s days without use, or until you sign out.": {
        "de": "Sitzungen: %(session_days)s Tage ohne Nutzung oder bis Sie sich abmelden.",
        "es": "Sesiones: %(session_days)s días sin uso, o hasta que cierre sesión.",
    },
    "Server logs: kept by the operator for a short time (see the operator's notice); they hold no health data.": {
        "de": "Server-Logs: vom Betreiber kurze Zeit aufbewahrt (siehe dessen Hinweis); sie enthalten keine Gesundheitsdaten.",
        "es": "Registros del servidor: el operador los guarda poco tiempo (vea su aviso); no contienen datos de salud.",
    },
    "Take it with you": {"de": "Nehmen Sie es mit", "es": "Lléveselo"},
    "From the app, or through the API, you can download at any time:": {
        "de": "In der App oder über die API können Sie jederzeit herunterladen:",
        "es": "Desde la app, o a través de la API, puede descargar en cualquier momento:",
    },
    "everything you stored, as a zip of JSON files and your photos (<code>GET /api/v1/account/export</code>);": {
        "de": "alles, was Sie gespeichert haben, als ZIP mit JSON-Dateien und Ihren Fotos (<code>GET /api/v1/account/export</code>);",
        "es": "todo lo que guardó, como un zip de archivos JSON y sus fotos (<code>GET /api/v1/account/export</code>);",
    },
    "your history as a spreadsheet (CSV), a PDF report for a dermatologist, or a FHIR R4 bundle.": {
        "de": "Ihr Protokoll als Tabelle (CSV), einen PDF-Bericht für einen Dermatologen / eine Dermatologin oder ein FHIR-R4-Bundle.",
        "es": "su historial como hoja de cálculo (CSV), un informe PDF para un dermatólogo o un paquete FHIR R4.",
    },
    "Delete it": {"de": "Löschen", "es": "Eliminarlo"},
    "You can delete a single entry (its photos go with it) or your whole account (<code>DELETE /api/v1/account/</code> with your password). Deleting the account removes every entry, photo file, reminder, push subscription and share link at once; a share link stops working immediately. Backups made by the operator age out on their own schedule.": {
        "de": "Sie können einen einzelnen Eintrag (seine Fotos gehen mit) oder Ihr ganzes Konto löschen (<code>DELETE /api/v1/account/</code> mit Ihrem Passwort). Das Löschen des Kontos entfernt auf einmal jeden Eintrag, jede Fotodatei, Erinnerung, jedes Push-Abonnement und jeden geteilten Link; ein geteilter Link funktioniert sofort nicht mehr. Sicherungen des Betreibers laufen nach dessen eigenem Zeitplan aus.",
        "es": "Puede eliminar una sola entrada (sus fotos se van con ella) o toda su cuenta (<code>DELETE /api/v1/account/</code> con su contraseña). Eliminar la cuenta borra a la vez cada entrada, archivo de foto, recordatorio, suscripción push y enlace compartido; un enlace compartido deja de funcionar de inmediato. Las copias de seguridad del operador caducan según su propio calendario.",
    },
    "Back to footlog": {"de": "Zurück zu footlog", "es": "Volver a footlog"},
    # --- allauth's own msgids, in the formal address (accounts/allauth_formal.py) ---
    "Already have an account? Then please %(link)ssign in%(end_link)s.": {
        "de": "Sie haben schon ein Konto? Dann %(link)smelden Sie sich an%(end_link)s.",
        "es": "¿Ya tiene una cuenta? Por favor %(link)sinicie sesión%(end_link)s.",
    },
    "Forgotten your password? Enter your email address below, and we'll send you an email allowing you to reset it.": {
        "de": "Passwort vergessen? Geben Sie unten Ihre E-Mail-Adresse ein, dann senden wir Ihnen eine E-Mail, mit der Sie es zurücksetzen können.",
        "es": "¿Ha olvidado su contraseña? Introduzca su dirección de correo electrónico, y le enviaremos un correo que le permitirá restablecerla.",
    },
    "Please contact us if you have any trouble resetting your password.": {
        "de": "Bitte wenden Sie sich an uns, wenn das Zurücksetzen des Passworts nicht klappt.",
        "es": "Si tiene alguna dificultad para restablecer su contraseña, por favor contáctenos.",
    },
    "We have sent you an email. If you have not received it please check your spam folder. Otherwise contact us if you do not receive it in a few minutes.": {
        "de": "Wir haben Ihnen eine E-Mail gesendet. Wenn sie nicht angekommen ist, sehen Sie bitte in Ihrem Spam-Ordner nach. Kommt sie auch in einigen Minuten nicht an, wenden Sie sich an uns.",
        "es": "Le hemos enviado un correo electrónico. Si no lo ha recibido, compruebe su carpeta de correo no deseado. De lo contrario, póngase en contacto con nosotros si no lo recibe en unos minutos.",
    },
    'The password reset link was invalid, possibly because it has already been used.  Please request a <a href="%(passwd_reset_url)s">new password reset</a>.': {
        "de": 'Der Link zum Zurücksetzen des Passworts war ungültig, vielleicht wurde er schon benutzt. Bitte fordern Sie ein <a href="%(passwd_reset_url)s">neues Zurücksetzen des Passworts</a> an.',
        "es": 'El enlace para restablecer la contraseña es inválido, probablemente porque ya ha sido utilizado. Por favor solicite <a href="%(passwd_reset_url)s">restablecer la contraseña de nuevo</a>.',
    },
    "Your password is now changed.": {
        "de": "Ihr Passwort wurde geändert.",
        "es": "Su contraseña ha cambiado.",
    },
    "Your password has been changed.": {
        "de": "Ihr Passwort wurde geändert.",
        "es": "Su contraseña ha sido modificada.",
    },
    "You have signed out.": {
        "de": "Sie haben sich abgemeldet.",
        "es": "Ha cerrado sesión.",
    },
    "You have confirmed %(email)s.": {
        "de": "Sie haben %(email)s bestätigt.",
        "es": "Ha confirmado %(email)s.",
    },
    "Please type your current password.": {
        "de": "Bitte geben Sie Ihr aktuelles Passwort ein.",
        "es": "Por favor, escriba su contraseña actual.",
    },
    "You must type the same password each time.": {
        "de": "Sie müssen beide Male dasselbe Passwort eingeben.",
        "es": "Debe escribir la misma contraseña cada vez.",
    },
    "Too many failed login attempts. Try again later.": {
        "de": "Zu viele gescheiterte Anmeldeversuche. Bitte versuchen Sie es später erneut.",
        "es": "Demasiados intentos fallidos. Inténtelo más tarde.",
    },
    "Be patient, you are sending too many requests.": {
        "de": "Bitte haben Sie Geduld, Sie senden zu viele Anfragen.",
        "es": "Tenga paciencia, está enviando demasiadas solicitudes.",
    },
    "Do you really want to remove the selected email address?": {
        "de": "Möchten Sie die ausgewählte E-Mail-Adresse wirklich entfernen?",
        "es": "¿Seguro que desea eliminar la dirección de correo electrónico seleccionada?",
    },
    "Your email address is still pending verification.": {
        "de": "Ihre E-Mail-Adresse ist noch nicht bestätigt.",
        "es": "Su dirección de correo electrónico sigue pendiente de verificación.",
    },
    "Verify Your Email Address": {
        "de": "Bestätigen Sie Ihre E-Mail-Adresse",
        "es": "Verifique su dirección de correo electrónico",
    },
    "Please Confirm Your Email Address": {
        "de": "Bitte bestätigen Sie Ihre E-Mail-Adresse",
        "es": "Por favor, confirme su dirección de correo electrónico",
    },
    "You are already logged in as %(user_display)s.": {
        "de": "Sie sind bereits als %(user_display)s angemeldet.",
        "es": "Ya ha iniciado sesión como %(user_display)s.",
    },
    "Thank you for using %(site_name)s!\n%(site_domain)s": {
        "de": "Danke, dass Sie %(site_name)s nutzen!\n%(site_domain)s",
        "es": "¡Gracias por usar %(site_name)s!\n%(site_domain)s",
    },
    "Sign up using a passkey": {
        "de": "Mit einem Passkey registrieren",
        "es": "Registrarse con una llave de acceso",
    },
    "Passkey Sign Up": {
        "de": "Mit einem Passkey registrieren",
        "es": "Registrarse con una llave de acceso",
    },
    "Your primary email address must be verified.": {
        "de": "Ihre primäre E-Mail-Adresse muss bestätigt werden.",
        "es": "Su dirección principal de correo electrónico debe ser verificada.",
    },
    "You cannot remove your primary email address.": {
        "de": "Sie können Ihre primäre E-Mail-Adresse nicht entfernen.",
        "es": "No puede eliminar su correo electrónico principal.",
    },
    "You cannot remove your primary email address (%(email)s).": {
        "de": "Sie können Ihre primäre E-Mail-Adresse (%(email)s) nicht entfernen.",
        "es": "No puede eliminar su correo electrónico principal (%(email)s).",
    },
    '<strong>Note:</strong> you can still <a href="%(email_url)s">change your email address</a>.': {
        "de": '<strong>Hinweis:</strong> Sie können <a href="%(email_url)s">Ihre E-Mail-Adresse noch ändern</a>.',
        "es": '<strong>Nota:</strong> aún puede <a href="%(email_url)s">cambiar su dirección de correo electrónico</a>.',
    },
    'This email confirmation link expired or is invalid. Please <a href="%(email_url)s">issue a new email confirmation request</a>.': {
        "de": 'Dieser Bestätigungslink ist abgelaufen oder ungültig. Bitte <a href="%(email_url)s">fordern Sie eine neue Bestätigungs-E-Mail an</a>.',
        "es": 'Este enlace de confirmación por correo electrónico ha caducado o no es válido. Por favor, <a href="%(email_url)s"> emita una nueva solicitud de confirmación por correo electrónico</a>.',
    },
    'Please confirm that <a href="mailto:%(email)s">%(email)s</a> is an email address for user %(user_display)s.': {
        "de": 'Bitte bestätigen Sie, dass <a href="mailto:%(email)s">%(email)s</a> eine E-Mail-Adresse von %(user_display)s ist.',
        "es": 'Por favor, confirme que <a href="mailto:%(email)s">%(email)s</a> es una dirección de correo electrónico para el usuario %(user_display)s.',
    },
    "You are receiving this email because you or someone else tried to signup for an\naccount using email address:\n\n%(email)s\n\nHowever, an account using that email address already exists.  In case you have\nforgotten about this, please use the password forgotten procedure to recover\nyour account:\n\n%(password_reset_url)s": {
        "de": "Sie erhalten diese E-Mail, weil Sie oder jemand anderes versucht hat, ein Konto mit dieser E-Mail-Adresse anzulegen:\n\n%(email)s\n\nEin Konto mit dieser E-Mail-Adresse gibt es aber schon. Falls Sie das vergessen haben, setzen Sie Ihr Passwort zurück, um wieder in Ihr Konto zu kommen:\n\n%(password_reset_url)s",
        "es": "Usted está recibiendo este correo electrónico porque usted u otra persona intentó registrarse para una\ncuenta utilizando la siguiente dirección de correo electrónico:\n\n%(email)s\n\nSin embargo, ya existe una cuenta con esa dirección de correo electrónico. En caso de que lo haya\nolvidado, utilice el procedimiento de recuperación de contraseña olvidada para recuperar\nsu cuenta:\n\n%(password_reset_url)s",
    },
}
