"""The API's error texts (`detail` and field messages; `code`s stay English): the one gate's checks, the
serializers, the exception handler, the services' refusals. Where DRF has the same msgid, the row is formal
German / usted Spanish and wins over DRF's catalog (whose German says "du"), so the API says it one way."""

TABLE: dict[str, dict[str, object]] = {
    # --- the exception handler and the error classes ---
    "Error.": {"de": "Fehler.", "es": "Error."},
    "Some fields are invalid.": {"de": "Einige Felder sind ungültig.", "es": "Algunos campos no son válidos."},
    "Not found.": {"de": "Nicht gefunden.", "es": "No encontrado."},
    "Server error.": {"de": "Serverfehler.", "es": "Error del servidor."},
    "The request cannot be carried out.": {
        "de": "Die Anfrage kann nicht ausgeführt werden.",
        "es": "La solicitud no se puede llevar a cabo.",
    },
    "This conflicts with what is stored.": {
        "de": "Das widerspricht dem Gespeicherten.",
        "es": "Esto entra en conflicto con lo guardado.",
    },
    "The object changed since you read it; fetch it again and retry.": {
        "de": "Das Objekt hat sich geändert, seit Sie es gelesen haben; laden Sie es erneut und versuchen Sie es noch einmal.",
        "es": "El objeto cambió desde que lo leyó; vuelva a cargarlo e inténtelo de nuevo.",
    },
    "The request body is too large.": {
        "de": "Der Inhalt der Anfrage ist zu groß.",
        "es": "El cuerpo de la solicitud es demasiado grande.",
    },
    "Quota exceeded.": {"de": "Kontingent überschritten.", "es": "Cuota superada."},
    "The service is briefly unavailable; try again in a minute.": {
        "de": "Der Dienst ist kurz nicht erreichbar; versuchen Sie es in einer Minute erneut.",
        "es": "El servicio no está disponible por un momento; inténtelo de nuevo en un minuto.",
    },
    "Agree to the storage of your health data first (POST account/consent with the current version).": {
        "de": "Stimmen Sie zuerst der Speicherung Ihrer Gesundheitsdaten zu (POST account/consent mit der aktuellen Version).",
        "es": "Acepte primero el almacenamiento de sus datos de salud (POST account/consent con la versión actual).",
    },
    "This was saved on the phone by another account: sign in as that account to send it.": {
        "de": "Dies wurde auf dem Telefon von einem anderen Konto gespeichert: Melden Sie sich mit diesem Konto an, um es zu senden.",
        "es": "Esto se guardó en el teléfono con otra cuenta: inicie sesión con esa cuenta para enviarlo.",
    },
    "The current consent text is version %(current)s, not %(given)s.": {
        "de": "Die aktuelle Einwilligungserklärung hat die Version %(current)s, nicht %(given)s.",
        "es": "El texto de consentimiento vigente es la versión %(current)s, no %(given)s.",
    },
    "%(value)s is not a time zone footlog knows; use a name such as Europe/Berlin.": {
        "de": "%(value)s ist keine Zeitzone, die footlog kennt; verwenden Sie einen Namen wie Europe/Berlin.",
        "es": "%(value)s no es una zona horaria que footlog conozca; use un nombre como Europe/Madrid.",
    },
    # --- request plumbing: formats, bodies, paging, ranges ---
    "This endpoint does not answer in the format %(format)s.": {
        "de": "Dieser Endpunkt antwortet nicht im Format %(format)s.",
        "es": "Este punto de acceso no responde en el formato %(format)s.",
    },
    "Must be a whole number from 1.": {
        "de": "Muss eine ganze Zahl ab 1 sein.",
        "es": "Debe ser un número entero a partir de 1.",
    },
    "The date must lie between %(first)s and %(last)s.": {
        "de": "Das Datum muss zwischen %(first)s und %(last)s liegen.",
        "es": "La fecha debe estar entre %(first)s y %(last)s.",
    },
    "`from` must not be after `to`.": {
        "de": "`from` darf nicht nach `to` liegen.",
        "es": "`from` no puede ser posterior a `to`.",
    },
    "`from` must not be after `to` (today or the last logged day).": {
        "de": "`from` darf nicht nach `to` liegen (heute oder der zuletzt erfasste Tag).",
        "es": "`from` no puede ser posterior a `to` (hoy o el último día registrado).",
    },
    "The range may span at most five years.": {
        "de": "Der Zeitraum darf höchstens fünf Jahre umfassen.",
        "es": "El periodo puede abarcar como máximo cinco años.",
    },
    "Must be true or false (or 1 or 0).": {
        "de": "Muss true oder false sein (oder 1 oder 0).",
        "es": "Debe ser true o false (o 1 o 0).",
    },
    "The JSON body is over %(kb)s KB.": {
        "de": "Der JSON-Inhalt ist größer als %(kb)s KB.",
        "es": "El cuerpo JSON supera los %(kb)s KB.",
    },
    "The JSON body nests deeper than %(depth)s levels.": {
        "de": "Der JSON-Inhalt ist tiefer als %(depth)s Ebenen verschachtelt.",
        "es": "El cuerpo JSON tiene más de %(depth)s niveles de anidación.",
    },
    "JSON parse error - %(error)s": {
        "de": "JSON-Fehler - %(error)s",
        "es": "Error al leer el JSON - %(error)s",
    },
    "The JSON body must be an object.": {
        "de": "Der JSON-Inhalt muss ein Objekt sein.",
        "es": "El cuerpo JSON debe ser un objeto.",
    },
    "At most %(files)s files per request.": {
        "de": "Höchstens %(files)s Dateien pro Anfrage.",
        "es": "Como máximo %(files)s archivos por solicitud.",
    },
    # --- the one gate's checks (footlog/lib/checks.py); several are DRF's msgids too ---
    "A valid integer is required.": {
        "de": "Eine gültige ganze Zahl ist erforderlich.",
        "es": "Se requiere un número entero válido.",
    },
    "A valid number is required.": {"de": "Eine gültige Zahl ist erforderlich.", "es": "Se requiere un número válido."},
    "Must be %(low)s to %(high)s.": {
        "de": "Muss zwischen %(low)s und %(high)s liegen.",
        "es": "Debe estar entre %(low)s y %(high)s.",
    },
    "Must be true or false.": {"de": "Muss true oder false sein.", "es": "Debe ser true o false."},
    "Not a valid string.": {"de": "Kein gültiger Text.", "es": "No es un texto válido."},
    "Ensure this field has no more than {max_length} characters.": {
        "de": "Dieses Feld darf höchstens {max_length} Zeichen enthalten.",
        "es": "Este campo no puede tener más de {max_length} caracteres.",
    },
    "Ensure this field has no more than {max_length} elements.": {
        "de": "Dieses Feld darf höchstens {max_length} Elemente enthalten.",
        "es": "Este campo no puede tener más de {max_length} elementos.",
    },
    "This field may not be blank.": {
        "de": "Dieses Feld darf nicht leer sein.",
        "es": "Este campo no puede estar vacío.",
    },
    '"{input}" is not a valid choice.': {
        "de": "„{input}“ ist keine gültige Auswahl.",
        "es": "«{input}» no es una opción válida.",
    },
    "Date has wrong format. Use one of these formats instead: {format}.": {
        "de": "Das Datum hat ein falsches Format. Verwenden Sie stattdessen eines dieser Formate: {format}.",
        "es": "La fecha tiene un formato incorrecto. Use en su lugar uno de estos formatos: {format}.",
    },
    "%(day)s is after today (%(today)s) in your account's time zone.": {
        "de": "%(day)s liegt nach dem heutigen Tag (%(today)s) in der Zeitzone Ihres Kontos.",
        "es": "%(day)s es posterior a hoy (%(today)s) en la zona horaria de su cuenta.",
    },
    "The date is too far in the past.": {
        "de": "Das Datum liegt zu weit in der Vergangenheit.",
        "es": "La fecha es demasiado antigua.",
    },
    # --- DRF's own, where its German catalog says "du" (footlog/api/errors.py DRF_REWORDED) ---
    "Ensure that there are no more than {max_decimal_places} decimal places.": {
        "de": "Es dürfen höchstens {max_decimal_places} Nachkommastellen sein.",
        "es": "Asegúrese de que no haya más de {max_decimal_places} decimales.",
    },
    "Ensure that there are no more than {max_digits} digits in total.": {
        "de": "Es dürfen insgesamt höchstens {max_digits} Ziffern sein.",
        "es": "Asegúrese de que no haya más de {max_digits} dígitos en total.",
    },
    "Ensure that there are no more than {max_whole_digits} digits before the decimal point.": {
        "de": "Vor dem Komma dürfen höchstens {max_whole_digits} Ziffern stehen.",
        "es": "Asegúrese de que no haya más de {max_whole_digits} dígitos antes del separador decimal.",
    },
    "Ensure this field has at least {min_length} characters.": {
        "de": "Dieses Feld muss mindestens {min_length} Zeichen enthalten.",
        "es": "Asegúrese de que este campo tenga al menos {min_length} caracteres.",
    },
    "Ensure this filename has at most {max_length} characters (it has {length}).": {
        "de": "Der Dateiname darf höchstens {max_length} Zeichen haben (er hat {length}).",
        "es": "Asegúrese de que el nombre del archivo tenga como máximo {max_length} caracteres (tiene {length}).",
    },
    "Ensure this value is greater than or equal to {min_value}.": {
        "de": "Der Wert muss größer oder gleich {min_value} sein.",
        "es": "Asegúrese de que este valor sea mayor o igual que {min_value}.",
    },
    "Ensure this value is less than or equal to {max_value}.": {
        "de": "Der Wert muss kleiner oder gleich {max_value} sein.",
        "es": "Asegúrese de que este valor sea menor o igual que {max_value}.",
    },
    "Enter a valid URL.": {"de": "Geben Sie eine gültige URL ein.", "es": "Introduzca una URL válida."},
    "Enter a valid email address.": {
        "de": "Geben Sie eine gültige E-Mail-Adresse ein.",
        "es": "Introduzca una dirección de correo electrónico válida.",
    },
    # --- the diary ---
    "A trigger is not scored: its target_per_week can only be 0.": {
        "de": "Ein Auslöser wird nicht bewertet: sein target_per_week kann nur 0 sein.",
        "es": "Un desencadenante no se puntúa: su target_per_week solo puede ser 0.",
    },
    "Each site may appear once per entry: %(sites)s.": {
        "de": "Jede Stelle darf pro Eintrag nur einmal vorkommen: %(sites)s.",
        "es": "Cada zona puede aparecer una sola vez por registro: %(sites)s.",
    },
    "Each step may appear once per entry: %(steps)s.": {
        "de": "Jeder Schritt darf pro Eintrag nur einmal vorkommen: %(steps)s.",
        "es": "Cada paso puede aparecer una sola vez por registro: %(steps)s.",
    },
    "Expected a list of items.": {
        "de": "Eine Liste von Elementen wurde erwartet.",
        "es": "Se esperaba una lista de elementos.",
    },
    "Expected an object.": {"de": "Ein Objekt wurde erwartet.", "es": "Se esperaba un objeto."},
    "Not a field of this item.": {"de": "Kein Feld dieses Elements.", "es": "No es un campo de este elemento."},
    "Unknown or archived routine step: %(steps)s.": {
        "de": "Unbekannter oder archivierter Routineschritt: %(steps)s.",
        "es": "Paso de rutina desconocido o archivado: %(steps)s.",
    },
    "The photo is over %(mb)s MB.": {"de": "Das Foto ist größer als %(mb)s MB.", "es": "La foto supera los %(mb)s MB."},
    "Not editable: only site, view and scale_in_frame are.": {
        "de": "Nicht änderbar: nur site, view und scale_in_frame sind es.",
        "es": "No se puede modificar: solo site, view y scale_in_frame se pueden modificar.",
    },
    "Not editable.": {"de": "Nicht änderbar.", "es": "No se puede modificar."},
    "An entry with this id already exists with different content.": {
        "de": "Ein Eintrag mit dieser ID existiert bereits mit anderem Inhalt.",
        "es": "Ya existe un registro con este id y otro contenido.",
    },
    "There is already an entry for %(date)s.": {
        "de": "Für %(date)s gibt es bereits einen Eintrag.",
        "es": "Ya hay un registro para el %(date)s.",
    },
    "The entry could not be stored because it conflicts with a concurrent change; retry.": {
        "de": "Der Eintrag konnte nicht gespeichert werden, weil er einer gleichzeitigen Änderung widerspricht; versuchen Sie es erneut.",
        "es": "No se pudo guardar el registro porque entra en conflicto con un cambio simultáneo; inténtelo de nuevo.",
    },
    "A step with this name was just added; reload the list.": {
        "de": "Ein Schritt mit diesem Namen wurde gerade hinzugefügt; laden Sie die Liste neu.",
        "es": "Se acaba de añadir un paso con este nombre; vuelva a cargar la lista.",
    },
    "The photo could not be stored because its entry changed; reload and retry.": {
        "de": "Das Foto konnte nicht gespeichert werden, weil sich sein Eintrag geändert hat; laden Sie neu und versuchen Sie es erneut.",
        "es": "No se pudo guardar la foto porque su registro cambió; vuelva a cargar e inténtelo de nuevo.",
    },
    "A photo with this id already exists.": {
        "de": "Ein Foto mit dieser ID existiert bereits.",
        "es": "Ya existe una foto con este id.",
    },
    "You can add at most %(daily)s photos in 24 hours; please try again later.": {
        "de": "Sie können höchstens %(daily)s Fotos in 24 Stunden hinzufügen; bitte versuchen Sie es später erneut.",
        "es": "Puede añadir como máximo %(daily)s fotos en 24 horas; inténtelo de nuevo más tarde.",
    },
    "%(value)s mm is much larger than your usual %(usual)s mm at this spot — keep it?": {
        "de": "%(value)s mm ist viel größer als Ihre üblichen %(usual)s mm an dieser Stelle — behalten?",
        "es": "%(value)s mm es mucho más que sus %(usual)s mm habituales en esta zona: ¿lo mantiene?",
    },
    "%(value)s bumps are many more than your usual %(usual)s at this spot — keep it?": {
        "de": "%(value)s Knötchen sind viel mehr als Ihre üblichen %(usual)s an dieser Stelle — behalten?",
        "es": "%(value)s bultos son muchos más que sus %(usual)s habituales en esta zona: ¿lo mantiene?",
    },
    'Some values are far from your usual at that site; send them again with "confirmed": true to keep them.': {
        "de": 'Einige Werte weichen stark von Ihren üblichen an dieser Stelle ab; senden Sie sie erneut mit "confirmed": true, um sie zu behalten.',
        "es": 'Algunos valores se alejan mucho de lo habitual en esa zona; envíelos de nuevo con "confirmed": true para mantenerlos.',
    },
    # --- onset and visits ---
    "Give the month as YYYY-MM, e.g. 2026-03.": {
        "de": "Geben Sie den Monat als JJJJ-MM an, z. B. 2026-03.",
        "es": "Indique el mes como AAAA-MM, p. ej. 2026-03.",
    },
    "The month must not be in the future.": {
        "de": "Der Monat darf nicht in der Zukunft liegen.",
        "es": "El mes no puede estar en el futuro.",
    },
    "Give a month or say you are not sure, not both.": {
        "de": "Geben Sie einen Monat an oder dass Sie unsicher sind, nicht beides.",
        "es": "Indique un mes o que no está seguro, no ambas cosas.",
    },
    "The review date cannot be before the visit.": {
        "de": "Das Kontrolldatum kann nicht vor dem Termin liegen.",
        "es": "La fecha de revisión no puede ser anterior a la visita.",
    },
    "A visit you had cannot be in the future; record it as booked.": {
        "de": "Ein wahrgenommener Termin kann nicht in der Zukunft liegen; erfassen Sie ihn als vereinbart.",
        "es": "Una visita realizada no puede estar en el futuro; regístrela como concertada.",
    },
    "A booked visit more than a year ahead looks like a typo.": {
        "de": "Ein Termin mehr als ein Jahr im Voraus sieht nach einem Tippfehler aus.",
        "es": "Una cita a más de un año vista parece un error de escritura.",
    },
    # --- timeline settings ---
    "This is a safety-floor rule (red flags, clear streak, staleness); it cannot be changed.": {
        "de": "Dies ist eine Sicherheitsregel (Warnzeichen, Serie ohne Befund, Aktualität); sie kann nicht geändert werden.",
        "es": "Es una regla de seguridad (señales de alarma, racha sin bultos, antigüedad); no se puede cambiar.",
    },
    "Read-only: %(rule)s": {"de": "Nur lesbar: %(rule)s", "es": "Solo lectura: %(rule)s"},
    "Must not be less than consider_after_days.": {
        "de": "Darf nicht kleiner als consider_after_days sein.",
        "es": "No puede ser menor que consider_after_days.",
    },
    # --- reports and the account's data ---
    "Reports cannot be queued right now; try again in a minute.": {
        "de": "Berichte können gerade nicht eingereiht werden; versuchen Sie es in einer Minute erneut.",
        "es": "Ahora mismo no se pueden poner informes en cola; inténtelo de nuevo en un minuto.",
    },
    "The report could not be built; try again.": {
        "de": "Der Bericht konnte nicht erstellt werden; versuchen Sie es erneut.",
        "es": "No se pudo generar el informe; inténtelo de nuevo.",
    },
    "The report could not be built after 3 tries (its worker stopped each time); try again later.": {
        "de": "Der Bericht konnte nach 3 Versuchen nicht erstellt werden (der Hintergrundprozess brach jedes Mal ab); versuchen Sie es später erneut.",
        "es": "No se pudo generar el informe tras 3 intentos (el proceso en segundo plano se detuvo cada vez); inténtelo de nuevo más tarde.",
    },
    "The report is not ready yet.": {"de": "Der Bericht ist noch nicht fertig.", "es": "El informe aún no está listo."},
    "Imports cannot be queued right now; try again in a minute.": {
        "de": "Importe können gerade nicht eingereiht werden; versuchen Sie es in einer Minute erneut.",
        "es": "Ahora mismo no se pueden poner importaciones en cola; inténtelo de nuevo en un minuto.",
    },
    "This account has a password: confirm the deletion with it.": {
        "de": "Dieses Konto hat ein Passwort: Bestätigen Sie die Löschung damit.",
        "es": "Esta cuenta tiene contraseña: confirme la eliminación con ella.",
    },
    "No valid code: ask for a new one (codes last 10 minutes).": {
        "de": "Kein gültiger Code: Fordern Sie einen neuen an (Codes gelten 10 Minuten).",
        "es": "No hay un código válido: solicite uno nuevo (los códigos duran 10 minutos).",
    },
    "The code is not correct. Too many tries: ask for a new code.": {
        "de": "Der Code ist nicht korrekt. Zu viele Versuche: Fordern Sie einen neuen Code an.",
        "es": "El código no es correcto. Demasiados intentos: solicite un código nuevo.",
    },
    "The code is not correct.": {"de": "Der Code ist nicht korrekt.", "es": "El código no es correcto."},
    "The password is not correct.": {"de": "Das Passwort ist nicht korrekt.", "es": "La contraseña no es correcta."},
    "Too many attempts; wait a minute.": {
        "de": "Zu viele Versuche; warten Sie eine Minute.",
        "es": "Demasiados intentos; espere un minuto.",
    },
    "Too many codes asked for; wait a minute.": {
        "de": "Zu viele Codes angefordert; warten Sie eine Minute.",
        "es": "Se han solicitado demasiados códigos; espere un minuto.",
    },
    "Send one file, as the field `file`.": {
        "de": "Senden Sie eine Datei, als Feld `file`.",
        "es": "Envíe un solo archivo, en el campo `file`.",
    },
    "Send the export zip as the one multipart field `file`.": {
        "de": "Senden Sie das Export-ZIP als einziges Multipart-Feld `file`.",
        "es": "Envíe el zip de exportación como único campo multipart `file`.",
    },
    "Too many imports started; wait a minute.": {
        "de": "Zu viele Importe gestartet; warten Sie eine Minute.",
        "es": "Se han iniciado demasiadas importaciones; espere un minuto.",
    },
    # --- the CSV's column titles, only with ?language= (footlog/exports/csv_export.py) ---
    "Site key": {"de": "Stellenschlüssel", "es": "Clave de la zona"},
    "Side": {"de": "Seite", "es": "Lado"},
    "Noticed since": {"de": "Bemerkt seit", "es": "Observado desde"},
    "Number of bumps": {"de": "Anzahl der Knötchen", "es": "Número de bultos"},
    "Largest (mm)": {"de": "Größtes (mm)", "es": "El mayor (mm)"},
    "Itch (0-10)": {"de": "Juckreiz (0-10)", "es": "Picor (0-10)"},
    "Pain (0-10)": {"de": "Schmerz (0-10)", "es": "Dolor (0-10)"},
    "Bleeding": {"de": "Blutung", "es": "Sangrado"},
    "Spreading": {"de": "Ausbreitung", "es": "Extensión"},
    "Note on the site": {"de": "Notiz zur Stelle", "es": "Nota sobre la zona"},
    "Notes of the day": {"de": "Notizen des Tages", "es": "Notas del día"},
    "Routine: %(step)s": {"de": "Routine: %(step)s", "es": "Rutina: %(step)s"},
    # --- reminders ---
    "Each channel may appear once.": {
        "de": "Jeder Kanal darf nur einmal vorkommen.",
        "es": "Cada canal puede aparecer una sola vez.",
    },
    "Must be base64url.": {"de": "Muss base64url sein.", "es": "Debe estar en base64url."},
    "Must be a base64url P-256 public key (65 bytes).": {
        "de": "Muss ein öffentlicher P-256-Schlüssel in base64url sein (65 Bytes).",
        "es": "Debe ser una clave pública P-256 en base64url (65 bytes).",
    },
    "Must be a base64url 16-byte secret.": {
        "de": "Muss ein 16-Byte-Geheimnis in base64url sein.",
        "es": "Debe ser un secreto de 16 bytes en base64url.",
    },
    "Push needs a push subscription from this browser first.": {
        "de": "Push-Nachrichten brauchen zuerst ein Push-Abonnement dieses Browsers.",
        "es": "Las notificaciones push necesitan primero una suscripción push de este navegador.",
    },
    "Must be a URL from the browser's push service.": {
        "de": "Muss eine URL des Push-Dienstes Ihres Browsers sein.",
        "es": "Debe ser una URL del servicio push de su navegador.",
    },
    "Must be an https:// URL from the browser's push service.": {
        "de": "Muss eine https://-URL des Push-Dienstes Ihres Browsers sein.",
        "es": "Debe ser una URL https:// del servicio push de su navegador.",
    },
    "Must not carry a user name or password.": {
        "de": "Darf keinen Benutzernamen und kein Passwort enthalten.",
        "es": "No debe llevar nombre de usuario ni contraseña.",
    },
    "Must name its host (an IP address is not a push service).": {
        "de": "Muss den Host benennen (eine IP-Adresse ist kein Push-Dienst).",
        "es": "Debe nombrar su host (una dirección IP no es un servicio push).",
    },
    "Must be a public push service, not this machine.": {
        "de": "Muss ein öffentlicher Push-Dienst sein, nicht dieser Rechner.",
        "es": "Debe ser un servicio push público, no esta máquina.",
    },
    "Must be a public push service: this host resolves to a private or local address.": {
        "de": "Muss ein öffentlicher Push-Dienst sein: Dieser Host verweist auf eine private oder lokale Adresse.",
        "es": "Debe ser un servicio push público: este host apunta a una dirección privada o local.",
    },
    "This push endpoint is registered with different keys.": {
        "de": "Dieser Push-Endpunkt ist mit anderen Schlüsseln registriert.",
        "es": "Este punto de acceso push está registrado con otras claves.",
    },
}
