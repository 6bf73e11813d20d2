"""The page scripts' rows (the djangojs catalog, footlog/static/footlog/*.js and the service worker): the day form's
notices (saved, offline, refused, conflict), the feet map, the camera, the gallery, Settings, Export, passkeys and
the SMART Health Link viewer's summary. Terms as in `core` and `day`: a bump is a "Knötchen" / "bulto", a site or
spot a "Stelle" / "zona", to log "erfassen" / "registrar", a red flag a "Warnzeichen" / "señal de alarma".
Rows shared with another module carry its texts (the package checks it)."""

TABLE: dict[str, dict[str, object]] = {
    # --- every page: the outbox (app.js) ---
    "%(n)s item is waiting to be sent.": {
        "de": ["%(n)s Eintrag wartet auf das Senden.", "%(n)s Einträge warten auf das Senden."],
        "es": ["%(n)s elemento está pendiente de envío.", "%(n)s elementos están pendientes de envío."],
    },
    "%(n)s entry (%(dates)s) saved on this phone by another account — sign in as that account to send it.": {
        "de": [
            "%(n)s Eintrag (%(dates)s) wurde auf diesem Telefon von einem anderen Konto gespeichert — melden Sie sich mit diesem Konto an, um ihn zu senden.",
            "%(n)s Einträge (%(dates)s) wurden auf diesem Telefon von einem anderen Konto gespeichert — melden Sie sich mit diesem Konto an, um sie zu senden.",
        ],
        "es": [
            "%(n)s entrada (%(dates)s) guardada en este teléfono por otra cuenta — inicie sesión con esa cuenta para enviarla.",
            "%(n)s entradas (%(dates)s) guardadas en este teléfono por otra cuenta — inicie sesión con esa cuenta para enviarlas.",
        ],
    },
    "Saved before the phone noted the account? If they are yours, send them to this account": {
        "de": "Gespeichert, bevor das Telefon das Konto vermerkte? Wenn sie Ihnen gehören, senden Sie sie an dieses Konto",
        "es": "¿Guardadas antes de que el teléfono anotara la cuenta? Si son suyas, envíelas a esta cuenta",
    },
    "Send them to this account? Only if you saved them.": {
        "de": "An dieses Konto senden? Nur, wenn Sie sie gespeichert haben.",
        "es": "¿Enviarlas a esta cuenta? Solo si las guardó usted.",
    },
    "Not accepted yet, waiting for you: ": {
        "de": "Noch nicht angenommen, wartet auf Sie: ",
        "es": "Aún no aceptado, le espera: ",
    },
    "Your changes on this page are not saved. Leave without saving them?": {
        "de": "Ihre Änderungen auf dieser Seite sind nicht gespeichert. Ohne Speichern verlassen?",
        "es": "Sus cambios en esta página no están guardados. ¿Salir sin guardarlos?",
    },
    # --- the day form (today.js, daynav.js, feetmap.js, onset.js, tzbanner.js) ---
    "Today": {"de": "Heute", "es": "Hoy"},
    "Save this day": {"de": "Diesen Tag speichern", "es": "Guardar este día"},
    "Enter a whole number from %(min)s to %(max)s.": {
        "de": "Geben Sie eine ganze Zahl von %(min)s bis %(max)s ein.",
        "es": "Introduzca un número entero de %(min)s a %(max)s.",
    },
    "Enter a size from %(min)s to %(max)s mm, or leave it empty.": {
        "de": "Geben Sie eine Größe von %(min)s bis %(max)s mm ein oder lassen Sie das Feld leer.",
        "es": "Introduzca un tamaño de %(min)s a %(max)s mm, o déjelo vacío.",
    },
    "Copied from last time": {"de": "Vom letzten Mal übernommen", "es": "Copiado de la última vez"},
    "red flag": {"de": "Warnzeichen", "es": "señal de alarma"},
    "New photo of %(site)s": {"de": "Neues Foto: %(site)s", "es": "Foto nueva: %(site)s"},
    "%(site)s removed.": {"de": "%(site)s entfernt.", "es": "Zona quitada: %(site)s."},
    "overview": {"de": "Übersicht", "es": "vista general"},
    "close-up": {"de": "Nahaufnahme", "es": "primer plano"},
    "Last %(view)s of this spot, %(date)s": {
        "de": "Letzte %(view)s dieser Stelle, %(date)s",
        "es": "Foto más reciente de esta zona (%(view)s), %(date)s",
    },
    "Last %(view)s of this spot": {
        "de": "Letzte %(view)s dieser Stelle",
        "es": "Foto más reciente de esta zona (%(view)s)",
    },
    "the %(date)s %(view)s": {"de": "%(view)s vom %(date)s", "es": "%(view)s del %(date)s"},
    "the last %(view)s": {"de": "letzte %(view)s", "es": "%(view)s más reciente"},
    "%(n)s photo ready: press %(button)s.": {
        "de": ["%(n)s Foto bereit: Tippen Sie auf „%(button)s“.", "%(n)s Fotos bereit: Tippen Sie auf „%(button)s“."],
        "es": ["%(n)s foto lista: pulse «%(button)s».", "%(n)s fotos listas: pulse «%(button)s»."],
    },
    "Earlier photo of %(site)s from %(date)s": {
        "de": "Früheres Foto: %(site)s, vom %(date)s",
        "es": "Foto anterior: %(site)s, del %(date)s",
    },
    "Earlier photo of %(site)s": {"de": "Früheres Foto: %(site)s", "es": "Foto anterior: %(site)s"},
    "Last photo of this spot": {"de": "Letztes Foto dieser Stelle", "es": "Última foto de esta zona"},
    "This photo looks %(flaw)s — retake?": {
        "de": "Dieses Foto wirkt %(flaw)s — neu aufnehmen?",
        "es": "Esta foto se ve %(flaw)s — ¿repetirla?",
    },
    "Retake": {"de": "Neu aufnehmen", "es": "Repetir"},
    "Keep": {"de": "Behalten", "es": "Conservar"},
    "Photo kept.": {"de": "Foto behalten.", "es": "Foto conservada."},
    "blurred": {"de": "unscharf", "es": "borrosa"},
    "dark": {"de": "dunkel", "es": "oscura"},
    "too bright": {"de": "zu hell", "es": "demasiado clara"},
    "This photo of %(site)s looks %(flaw)s — retake?": {
        "de": "Dieses Foto (%(site)s) wirkt %(flaw)s — neu aufnehmen?",
        "es": "Esta foto (%(site)s) se ve %(flaw)s — ¿repetirla?",
    },
    "This photo of the day looks %(flaw)s — retake?": {
        "de": "Dieses Foto des Tages wirkt %(flaw)s — neu aufnehmen?",
        "es": "Esta foto del día se ve %(flaw)s — ¿repetirla?",
    },
    "Keep it if it is the best you can do: nothing is refused.": {
        "de": "Behalten Sie es, wenn es nicht besser geht: Nichts wird abgelehnt.",
        "es": "Consérvela si no puede hacerla mejor: no se rechaza nada.",
    },
    "The %(flaw)s photo is deleted. Take the new one, then press %(button)s.": {
        "de": "Das Foto (%(flaw)s) ist gelöscht. Nehmen Sie das neue auf und tippen Sie dann auf „%(button)s“.",
        "es": "La foto (%(flaw)s) se ha borrado. Haga la nueva y luego pulse «%(button)s».",
    },
    "Could not delete the %(flaw)s photo now. Try again from the spot's photos.": {
        "de": "Das Foto (%(flaw)s) ließ sich jetzt nicht löschen. Versuchen Sie es erneut bei den Fotos der Stelle.",
        "es": "No se pudo borrar la foto (%(flaw)s) ahora. Inténtelo de nuevo desde las fotos de la zona.",
    },
    "offline — showing what this phone last saw": {
        "de": "offline — angezeigt wird, was dieses Telefon zuletzt gesehen hat",
        "es": "sin conexión — se muestra lo último que vio este teléfono",
    },
    "offline — this phone has no copy of this day": {
        "de": "offline — dieses Telefon hat keine Kopie dieses Tages",
        "es": "sin conexión — este teléfono no tiene copia de este día",
    },
    "What you save is sent when you are back online.": {
        "de": "Was Sie speichern, wird gesendet, sobald Sie wieder online sind.",
        "es": "Lo que guarde se enviará cuando vuelva a tener conexión.",
    },
    "as of %(when)s": {"de": "Stand %(when)s", "es": "a fecha de %(when)s"},
    "Fix the marked field for %(site)s first.": {
        "de": "Korrigieren Sie zuerst das markierte Feld bei %(site)s.",
        "es": "Corrija primero el campo marcado en %(site)s.",
    },
    "How many bumps on %(site)s? Set a count (None here for 0) or remove the spot.": {
        "de": "Wie viele Knötchen an %(site)s? Geben Sie eine Anzahl an („Hier keine“ für 0) oder entfernen Sie die Stelle.",
        "es": "¿Cuántos bultos en %(site)s? Indique un número («Ninguno aquí» para 0) o quite la zona.",
    },
    "Saved on this phone. Sending…": {
        "de": "Auf diesem Telefon gespeichert. Wird gesendet …",
        "es": "Guardado en este teléfono. Enviando…",
    },
    "Not saved on the server yet: see the message above the form.": {
        "de": "Noch nicht auf dem Server gespeichert: Siehe die Meldung über dem Formular.",
        "es": "Aún no guardado en el servidor: vea el mensaje sobre el formulario.",
    },
    "Saved.": {"de": "Gespeichert.", "es": "Guardado."},
    "Could not save on this phone. Please try again.": {
        "de": "Konnte auf diesem Telefon nicht gespeichert werden. Bitte versuchen Sie es erneut.",
        "es": "No se pudo guardar en este teléfono. Inténtelo de nuevo.",
    },
    "Saved on this phone. It will be sent when you are back online.": {
        "de": "Auf diesem Telefon gespeichert. Es wird gesendet, sobald Sie wieder online sind.",
        "es": "Guardado en este teléfono. Se enviará cuando vuelva a tener conexión.",
    },
    "Sending…": {"de": "Wird gesendet …", "es": "Enviando…"},
    "Sent. Other days wait for you: see the note at the top.": {
        "de": "Gesendet. Andere Tage warten auf Sie: Siehe den Hinweis oben.",
        "es": "Enviado. Otros días le esperan: vea la nota de arriba.",
    },
    "Sent. Everything is saved.": {"de": "Gesendet. Alles ist gespeichert.", "es": "Enviado. Todo está guardado."},
    "Could not check what was sent. Reload the page to see.": {
        "de": "Konnte nicht prüfen, was gesendet wurde. Laden Sie die Seite neu, um es zu sehen.",
        "es": "No se pudo comprobar lo enviado. Recargue la página para verlo.",
    },
    "That day is after today in your account's time zone (%(zone)s): it cannot be logged yet.": {
        "de": "Dieser Tag liegt in der Zeitzone Ihres Kontos (%(zone)s) nach heute: Er kann noch nicht erfasst werden.",
        "es": "Ese día es posterior a hoy en la zona horaria de su cuenta (%(zone)s): aún no se puede registrar.",
    },
    "footlog keeps days from the last five years.": {
        "de": "footlog speichert Tage der letzten fünf Jahre.",
        "es": "footlog guarda los días de los últimos cinco años.",
    },
    "Routine that day": {"de": "Routine an diesem Tag", "es": "Rutina de ese día"},
    "Same as last time (%(date)s)": {
        "de": "Wie beim letzten Mal (%(date)s)",
        "es": "Igual que la última vez (%(date)s)",
    },
    "Copied from %(date)s: %(spots)s and %(steps)s, marked until you change them. Itch, pain, redness, bleeding, spreading and notes are not copied: check them today.": {
        "de": "Vom %(date)s übernommen: %(spots)s und %(steps)s, markiert, bis Sie sie ändern. Juckreiz, Schmerz, Rötung, Blutung, Ausbreitung und Notizen werden nicht übernommen: Prüfen Sie sie heute.",
        "es": "Copiado del %(date)s: %(spots)s y %(steps)s, marcados hasta que los cambie. El picor, el dolor, el enrojecimiento, el sangrado, la extensión y las notas no se copian: revíselos hoy.",
    },
    "Copied from %(date)s: %(spots)s and %(steps)s, marked until you change them. Itch, pain, redness, bleeding, spreading and notes are not copied: check them for %(day)s.": {
        "de": "Vom %(date)s übernommen: %(spots)s und %(steps)s, markiert, bis Sie sie ändern. Juckreiz, Schmerz, Rötung, Blutung, Ausbreitung und Notizen werden nicht übernommen: Prüfen Sie sie für %(day)s.",
        "es": "Copiado del %(date)s: %(spots)s y %(steps)s, marcados hasta que los cambie. El picor, el dolor, el enrojecimiento, el sangrado, la extensión y las notas no se copian: revíselos para el %(day)s.",
    },
    "%(n)s spot": {"de": ["%(n)s Stelle", "%(n)s Stellen"], "es": ["%(n)s zona", "%(n)s zonas"]},
    "%(n)s routine step": {
        "de": ["%(n)s Routineschritt", "%(n)s Routineschritte"],
        "es": ["%(n)s paso de la rutina", "%(n)s pasos de la rutina"],
    },
    "The server did not accept a photo of this day": {
        "de": "Der Server hat ein Foto dieses Tages nicht angenommen",
        "es": "El servidor no aceptó una foto de este día",
    },
    "The server did not accept this day": {
        "de": "Der Server hat diesen Tag nicht angenommen",
        "es": "El servidor no aceptó este día",
    },
    "Refused (%(status)s).": {"de": "Abgelehnt (%(status)s).", "es": "Rechazado (%(status)s)."},
    "It is kept on this phone until you discard it.": {
        "de": "Es bleibt auf diesem Telefon, bis Sie es verwerfen.",
        "es": "Se conserva en este teléfono hasta que lo descarte.",
    },
    "It is kept on this phone: correct it below and save again, or discard it.": {
        "de": "Er bleibt auf diesem Telefon: Korrigieren Sie ihn unten und speichern Sie erneut, oder verwerfen Sie ihn.",
        "es": "Se conserva en este teléfono: corríjalo abajo y guarde de nuevo, o descártelo.",
    },
    "Discard this photo": {"de": "Dieses Foto verwerfen", "es": "Descartar esta foto"},
    "Discard this version": {"de": "Diese Fassung verwerfen", "es": "Descartar esta versión"},
    "Is this right?": {"de": "Stimmt das?", "es": "¿Es correcto?"},
    "Did you mean %(mm)s mm?": {"de": "Meinten Sie %(mm)s mm?", "es": "¿Quiso decir %(mm)s mm?"},
    "Nothing is stored until you choose; it is kept on this phone meanwhile.": {
        "de": "Nichts wird gespeichert, bis Sie wählen; bis dahin bleibt es auf diesem Telefon.",
        "es": "No se guarda nada hasta que elija; mientras tanto se conserva en este teléfono.",
    },
    # Same row as pages.py: "la" is the value (la medida).
    "Keep it": {"de": "Behalten", "es": "Conservarla"},
    "Change it": {"de": "Ändern", "es": "Cambiarla"},
    "Correct the value, then save again.": {
        "de": "Korrigieren Sie den Wert und speichern Sie dann erneut.",
        "es": "Corrija el valor y guarde de nuevo.",
    },
    "not looked": {"de": "nicht nachgesehen", "es": "no mirado"},
    "looked, none": {"de": "nachgesehen, keine", "es": "mirado, ninguno"},
    "Noted.": {"de": "Vermerkt.", "es": "Anotado."},
    "Could not save that now; you will be asked again.": {
        "de": "Das konnte jetzt nicht gespeichert werden; Sie werden erneut gefragt.",
        "es": "No se pudo guardar ahora; se le volverá a preguntar.",
    },
    "Choose the month first, or tap Not sure.": {
        "de": "Wählen Sie zuerst den Monat oder tippen Sie auf „Nicht sicher“.",
        "es": "Elija primero el mes o toque «No estoy seguro».",
    },
    "Time zone": {"de": "Zeitzone", "es": "Zona horaria"},
    "This phone is on %(device)s time, your account on %(account)s. Days are dated in the account's zone.": {
        "de": "Dieses Telefon ist auf %(device)s eingestellt, Ihr Konto auf %(account)s. Tage werden in der Zone des Kontos datiert.",
        "es": "Este teléfono está en la hora de %(device)s y su cuenta en %(account)s. Los días se fechan en la zona de la cuenta.",
    },
    "Use %(device)s": {"de": "%(device)s verwenden", "es": "Usar %(device)s"},
    "Keep %(account)s": {"de": "%(account)s behalten", "es": "Mantener %(account)s"},
    "Could not switch: %(why)s": {"de": "Wechsel nicht möglich: %(why)s", "es": "No se pudo cambiar: %(why)s"},
    # --- the camera (capture.js) ---
    "Overview: about 20 cm away, the whole spot in view.": {
        "de": "Übersicht: etwa 20 cm Abstand, die ganze Stelle im Bild.",
        "es": "Vista general: a unos 20 cm, toda la zona a la vista.",
    },
    "Close-up: near enough that the bumps fill the frame, still sharp.": {
        "de": "Nahaufnahme: so nah, dass die Knötchen das Bild füllen, noch scharf.",
        "es": "Primer plano: lo bastante cerca para que los bultos llenen la imagen, aún nítida.",
    },
    "Camera square to the skin, daylight and no flash, a coin or ruler in frame.": {
        "de": "Kamera gerade zur Haut, Tageslicht und kein Blitz, eine Münze oder ein Lineal im Bild.",
        "es": "Cámara perpendicular a la piel, luz de día y sin flash, una moneda o una regla en la imagen.",
    },
    "%(photo)s, as a guide": {"de": "%(photo)s, als Vorlage", "es": "%(photo)s, como guía"},
    "Show %(photo)s as a guide": {"de": "Als Vorlage zeigen: %(photo)s", "es": "Mostrar como guía: %(photo)s"},
    "Line the spot up with the faint last photo.": {
        "de": "Richten Sie die Stelle am blassen letzten Foto aus.",
        "es": "Alinee la zona con la última foto atenuada.",
    },
    "Starting the camera…": {"de": "Kamera wird gestartet …", "es": "Iniciando la cámara…"},
    "No live camera here (or it was not allowed). Take the photo with the camera app or choose one.": {
        "de": "Hier gibt es keine Live-Kamera (oder sie wurde nicht erlaubt). Nehmen Sie das Foto mit der Kamera-App auf oder wählen Sie eines aus.",
        "es": "Aquí no hay cámara en directo (o no se permitió). Haga la foto con la app de cámara o elija una.",
    },
    # --- a day in conflict (conflict.js) ---
    "This day was changed elsewhere": {
        "de": "Dieser Tag wurde anderswo geändert",
        "es": "Este día se cambió en otro lugar",
    },
    "The server has a version this phone did not start from. Nothing was overwritten: choose what to keep.": {
        "de": "Der Server hat eine Fassung, von der dieses Telefon nicht ausging. Nichts wurde überschrieben: Wählen Sie, was Sie behalten.",
        "es": "El servidor tiene una versión de la que este teléfono no partió. No se sobrescribió nada: elija qué conservar.",
    },
    "On the server": {"de": "Auf dem Server", "es": "En el servidor"},
    "On this phone": {"de": "Auf diesem Telefon", "es": "En este teléfono"},
    "Keep both: every spot of both versions; where both have a spot, the larger numbers and every tick; both notes.": {
        "de": "Beide behalten: jede Stelle beider Fassungen; wo beide eine Stelle haben, die größeren Zahlen und jeder Haken; beide Notizen.",
        "es": "Conservar ambas: cada zona de las dos versiones; donde ambas tienen una zona, los números mayores y cada marca; ambas notas.",
    },
    "Keeping only this phone's drops a red flag: %(flags)s.": {
        "de": "Nur die Fassung dieses Telefons zu behalten, verwirft ein Warnzeichen: %(flags)s.",
        "es": "Conservar solo la de este teléfono elimina una señal de alarma: %(flags)s.",
    },
    "Keeping only the server's drops a red flag: %(flags)s.": {
        "de": "Nur die Fassung des Servers zu behalten, verwirft ein Warnzeichen: %(flags)s.",
        "es": "Conservar solo la del servidor elimina una señal de alarma: %(flags)s.",
    },
    "Keep both (safest)": {"de": "Beide behalten (am sichersten)", "es": "Conservar ambas (lo más seguro)"},
    "Keep this phone's": {"de": "Die dieses Telefons behalten", "es": "Conservar la de este teléfono"},
    "Keep the server's": {"de": "Die des Servers behalten", "es": "Conservar la del servidor"},
    "note: %(note)s": {"de": "Notiz: %(note)s", "es": "nota: %(note)s"},
    "no spots": {"de": "keine Stellen", "es": "ninguna zona"},
    "routine %(done)s of %(total)s done": {
        "de": "Routine: %(done)s von %(total)s erledigt",
        "es": "rutina: %(done)s de %(total)s hechos",
    },
    "routine not recorded": {"de": "Routine nicht erfasst", "es": "rutina no registrada"},
    "notes: %(notes)s": {"de": "Notizen: %(notes)s", "es": "notas: %(notes)s"},
    "bleeding": {"de": "Blutung", "es": "sangrado"},
    "spreading": {"de": "Ausbreitung", "es": "extensión"},
    "redness": {"de": "Rötung", "es": "enrojecimiento"},
    "pain %(n)s": {"de": "Schmerz %(n)s", "es": "dolor %(n)s"},
    "itch %(n)s": {"de": "Juckreiz %(n)s", "es": "picor %(n)s"},
    "bleeding at %(site)s": {"de": "Blutung an %(site)s", "es": "sangrado en %(site)s"},
    "spreading at %(site)s": {"de": "Ausbreitung an %(site)s", "es": "extensión en %(site)s"},
    "pain %(n)s at %(site)s": {"de": "Schmerz %(n)s an %(site)s", "es": "dolor %(n)s en %(site)s"},
    # --- a spot's photos (gallery.js) ---
    "The server said no (%(status)s).": {
        "de": "Der Server hat abgelehnt (%(status)s).",
        "es": "El servidor lo rechazó (%(status)s).",
    },
    "coin or ruler in frame": {"de": "Münze oder Lineal im Bild", "es": "moneda o regla en la imagen"},
    "looks blurred": {"de": "wirkt unscharf", "es": "se ve borrosa"},
    "looks dark": {"de": "wirkt dunkel", "es": "se ve oscura"},
    "looks too bright": {"de": "wirkt zu hell", "es": "se ve demasiado clara"},
    "not tagged": {"de": "ohne Angabe", "es": "sin etiqueta"},
    "%(percent)s of the after photo shown": {
        "de": "%(percent)s des Nachher-Fotos sichtbar",
        "es": "%(percent)s de la foto de después visible",
    },
    "after photo at %(percent)s opacity": {
        "de": "Nachher-Foto mit %(percent)s Deckkraft",
        "es": "foto de después al %(percent)s de opacidad",
    },
    "Photo of %(date)s": {"de": "Foto vom %(date)s", "es": "Foto del %(date)s"},
    "scale": {"de": "Maßstab", "es": "escala"},
    "Before: %(date)s": {"de": "Vorher: %(date)s", "es": "Antes: %(date)s"},
    "After: %(date)s": {"de": "Nachher: %(date)s", "es": "Después: %(date)s"},
    "These two are not the same kind of shot: compare like with like.": {
        "de": "Diese beiden sind nicht dieselbe Art von Aufnahme: Vergleichen Sie Gleiches mit Gleichem.",
        "es": "Estas dos no son el mismo tipo de toma: compare fotos del mismo tipo.",
    },
    "Photo of %(date)s, %(what)s": {"de": "Foto vom %(date)s, %(what)s", "es": "Foto del %(date)s, %(what)s"},
    "Choose overview or close-up first.": {
        "de": "Wählen Sie zuerst Übersicht oder Nahaufnahme.",
        "es": "Elija primero vista general o primer plano.",
    },
    "Tags saved for the photo of %(date)s.": {
        "de": "Angaben zum Foto vom %(date)s gespeichert.",
        "es": "Etiquetas guardadas para la foto del %(date)s.",
    },
    "Not saved: %(why)s": {"de": "Nicht gespeichert: %(why)s", "es": "No guardado: %(why)s"},
    "Delete the photo of %(date)s? This cannot be undone.": {
        "de": "Das Foto vom %(date)s löschen? Das lässt sich nicht rückgängig machen.",
        "es": "¿Borrar la foto del %(date)s? No se puede deshacer.",
    },
    "Photo of %(date)s deleted.": {"de": "Foto vom %(date)s gelöscht.", "es": "Foto del %(date)s borrada."},
    "Not deleted: %(why)s": {"de": "Nicht gelöscht: %(why)s", "es": "No borrada: %(why)s"},
    # --- Settings (settings.js), passkeys and recovery codes ---
    "This browser cannot receive push notifications; email reminders still work.": {
        "de": "Dieser Browser kann keine Push-Benachrichtigungen empfangen; Erinnerungen per E-Mail funktionieren weiterhin.",
        "es": "Este navegador no puede recibir notificaciones push; los recordatorios por correo siguen funcionando.",
    },
    "Notifications are blocked for this site in the browser settings.": {
        "de": "Benachrichtigungen sind für diese Website in den Browsereinstellungen blockiert.",
        "es": "Las notificaciones están bloqueadas para este sitio en los ajustes del navegador.",
    },
    "The server did not accept this device (%(status)s).": {
        "de": "Der Server hat dieses Gerät nicht angenommen (%(status)s).",
        "es": "El servidor no aceptó este dispositivo (%(status)s).",
    },
    "Push is on for this phone.": {
        "de": "Push ist für dieses Telefon eingeschaltet.",
        "es": "Las notificaciones push están activadas en este teléfono.",
    },
    "Push could not be turned on.": {
        "de": "Push konnte nicht eingeschaltet werden.",
        "es": "No se pudieron activar las notificaciones push.",
    },
    "We sent a code to your email address. It works for 10 minutes.": {
        "de": "Wir haben einen Code an Ihre E-Mail-Adresse gesendet. Er gilt 10 Minuten.",
        "es": "Le enviamos un código a su dirección de correo. Vale durante 10 minutos.",
    },
    "The code could not be sent; try again.": {
        "de": "Der Code konnte nicht gesendet werden; versuchen Sie es erneut.",
        "es": "No se pudo enviar el código; inténtelo de nuevo.",
    },
    "Choose the zip you downloaded from footlog first.": {
        "de": "Wählen Sie zuerst die ZIP-Datei, die Sie von footlog heruntergeladen haben.",
        "es": "Elija primero el zip que descargó de footlog.",
    },
    "Uploading…": {"de": "Wird hochgeladen …", "es": "Subiendo…"},
    "The import failed (%(status)s); try again.": {
        "de": "Der Import ist fehlgeschlagen (%(status)s); versuchen Sie es erneut.",
        "es": "La importación falló (%(status)s); inténtelo de nuevo.",
    },
    "%(n)s day": {"de": ["%(n)s Tag", "%(n)s Tage"], "es": ["%(n)s día", "%(n)s días"]},
    "%(n)s photo": {"de": ["%(n)s Foto", "%(n)s Fotos"], "es": ["%(n)s foto", "%(n)s fotos"]},
    "Imported %(days)s and %(photos)s.": {
        "de": "Importiert: %(days)s und %(photos)s.",
        "es": "Importados: %(days)s y %(photos)s.",
    },
    "Already here: %(days)s and %(photos)s.": {
        "de": "Bereits vorhanden: %(days)s und %(photos)s.",
        "es": "Ya estaban: %(days)s y %(photos)s.",
    },
    "Missing from the zip: %(photos)s.": {
        "de": "Fehlen in der ZIP-Datei: %(photos)s.",
        "es": "Faltan en el zip: %(photos)s.",
    },
    "The import failed.": {"de": "Der Import ist fehlgeschlagen.", "es": "La importación falló."},
    "Waiting for its turn…": {"de": "Wartet, bis es an der Reihe ist …", "es": "Esperando su turno…"},
    "Importing… %(percent)s": {"de": "Wird importiert … %(percent)s", "es": "Importando… %(percent)s"},
    "Uploaded; importing…": {"de": "Hochgeladen; wird importiert …", "es": "Subido; importando…"},
    "The upload did not reach footlog; check the connection and try again.": {
        "de": "Das Hochladen hat footlog nicht erreicht; prüfen Sie die Verbindung und versuchen Sie es erneut.",
        "es": "La subida no llegó a footlog; compruebe la conexión e inténtelo de nuevo.",
    },
    "This phone's zone": {"de": "Zone dieses Telefons", "es": "Zona de este teléfono"},
    "Use this phone's zone: %(zone)s": {
        "de": "Zone dieses Telefons verwenden: %(zone)s",
        "es": "Usar la zona de este teléfono: %(zone)s",
    },
    "Too many tries; wait a minute.": {
        "de": "Zu viele Versuche; warten Sie eine Minute.",
        "es": "Demasiados intentos; espere un minuto.",
    },
    "Passkey sign-in is not available now.": {
        "de": "Die Anmeldung mit Passkey ist gerade nicht verfügbar.",
        "es": "El inicio de sesión con llave de acceso no está disponible ahora.",
    },
    "This browser cannot use passkeys; sign in with your password instead.": {
        "de": "Dieser Browser kann keine Passkeys verwenden; melden Sie sich stattdessen mit Ihrem Passwort an.",
        "es": "Este navegador no puede usar llaves de acceso; inicie sesión con su contraseña.",
    },
    "No passkey was used. Try again, or use another way.": {
        "de": "Es wurde kein Passkey verwendet. Versuchen Sie es erneut oder wählen Sie einen anderen Weg.",
        "es": "No se usó ninguna llave de acceso. Inténtelo de nuevo o use otra forma.",
    },
    "The passkey did not work.": {"de": "Der Passkey hat nicht funktioniert.", "es": "La llave de acceso no funcionó."},
    "Copied. Paste them into your password manager or a note.": {
        "de": "Kopiert. Fügen Sie sie in Ihren Passwortmanager oder eine Notiz ein.",
        "es": "Copiados. Péguelos en su gestor de contraseñas o en una nota.",
    },
    "Copied.": {"de": "Kopiert.", "es": "Copiados."},
    "Selected: copy them now.": {"de": "Markiert: Kopieren Sie sie jetzt.", "es": "Seleccionados: cópielos ahora."},
    "footlog recovery codes: each works once.": {
        "de": "footlog-Wiederherstellungscodes: Jeder gilt einmal.",
        "es": "Códigos de recuperación de footlog: cada uno sirve una vez.",
    },
    "Saved as %(file)s.": {"de": "Gespeichert als %(file)s.", "es": "Guardado como %(file)s."},
    # --- Export and share (export.js) ---
    "Choose both dates.": {"de": "Wählen Sie beide Daten.", "es": "Elija ambas fechas."},
    "Those dates are not valid.": {"de": "Diese Daten sind ungültig.", "es": "Esas fechas no son válidas."},
    "The first date is after the last one: swap them.": {
        "de": "Das erste Datum liegt nach dem letzten: Tauschen Sie sie.",
        "es": "La primera fecha es posterior a la última: inviértalas.",
    },
    "A report can cover at most five years.": {
        "de": "Ein Bericht kann höchstens fünf Jahre umfassen.",
        "es": "Un informe puede abarcar como máximo cinco años.",
    },
    "Something went wrong; try again.": {
        "de": "Etwas ist schiefgegangen; versuchen Sie es erneut.",
        "es": "Algo salió mal; inténtelo de nuevo.",
    },
    "Something went wrong (%(status)s); try again.": {
        "de": "Etwas ist schiefgegangen (%(status)s); versuchen Sie es erneut.",
        "es": "Algo salió mal (%(status)s); inténtelo de nuevo.",
    },
    "Building the report…": {"de": "Der Bericht wird erstellt …", "es": "Generando el informe…"},
    "The report is ready.": {"de": "Der Bericht ist fertig.", "es": "El informe está listo."},
    "The report could not be built; try again.": {
        "de": "Der Bericht konnte nicht erstellt werden; versuchen Sie es erneut.",
        "es": "No se pudo generar el informe; inténtelo de nuevo.",
    },
    "Retrying: the first attempt stopped. Building the report again…": {
        "de": "Neuer Versuch: Der erste wurde abgebrochen. Der Bericht wird erneut erstellt …",
        "es": "Reintentando: el primer intento se detuvo. Generando el informe de nuevo…",
    },
    "Link copied.": {"de": "Link kopiert.", "es": "Enlace copiado."},
    "Select and copy the link.": {"de": "Markieren und kopieren Sie den Link.", "es": "Seleccione y copie el enlace."},
    "SMART Health Link copied.": {"de": "SMART Health Link kopiert.", "es": "SMART Health Link copiado."},
    "Select and copy the SMART Health Link.": {
        "de": "Markieren und kopieren Sie den SMART Health Link.",
        "es": "Seleccione y copie el SMART Health Link.",
    },
    "Bare link copied.": {"de": "Einfacher Link kopiert.", "es": "Enlace simple copiado."},
    "Select and copy the bare link.": {
        "de": "Markieren und kopieren Sie den einfachen Link.",
        "es": "Seleccione y copie el enlace simple.",
    },
    "My footlog history": {"de": "Mein footlog-Verlauf", "es": "Mi historial de footlog"},
    "Revoke the link for %(what)s? Whoever has it will no longer be able to open it.": {
        "de": "Den Link für %(what)s widerrufen? Wer ihn hat, kann ihn dann nicht mehr öffnen.",
        "es": "¿Revocar el enlace para %(what)s? Quien lo tenga ya no podrá abrirlo.",
    },
    # --- the SMART Health Link viewer's summary (shl-viewer.js), in the Bundle's language ---
    "This link is not available: it has expired, was withdrawn, or is mistyped. Ask the patient for a new link if you still need it.": {
        "de": "Dieser Link ist nicht verfügbar: Er ist abgelaufen, wurde zurückgezogen oder ist falsch geschrieben. Bitten Sie die Patientin / den Patienten um einen neuen Link, wenn Sie ihn noch brauchen.",
        "es": "Este enlace no está disponible: ha caducado, se ha retirado o está mal escrito. Pida al paciente un enlace nuevo si aún lo necesita.",
    },
    "This link is incomplete. Open the whole link the patient sent, or scan the code again.": {
        "de": "Dieser Link ist unvollständig. Öffnen Sie den ganzen Link, den die Patientin / der Patient geschickt hat, oder scannen Sie den Code erneut.",
        "es": "Este enlace está incompleto. Abra el enlace completo que envió el paciente o vuelva a escanear el código.",
    },
    "Too many tries from here; wait a minute and try again.": {
        "de": "Zu viele Versuche von hier; warten Sie eine Minute und versuchen Sie es erneut.",
        "es": "Demasiados intentos desde aquí; espere un minuto e inténtelo de nuevo.",
    },
    "footlog answered with an error (%(status)s); try again later.": {
        "de": "footlog hat mit einem Fehler geantwortet (%(status)s); versuchen Sie es später erneut.",
        "es": "footlog respondió con un error (%(status)s); inténtelo más tarde.",
    },
    "Opening the link…": {"de": "Der Link wird geöffnet …", "es": "Abriendo el enlace…"},
    "footlog could not be reached: check the connection and try again.": {
        "de": "footlog war nicht erreichbar: Prüfen Sie die Verbindung und versuchen Sie es erneut.",
        "es": "No se pudo contactar con footlog: compruebe la conexión e inténtelo de nuevo.",
    },
    "Unlocking on this device…": {
        "de": "Wird auf diesem Gerät entsperrt …",
        "es": "Desbloqueando en este dispositivo…",
    },
    "This link does not unlock its history: it may be incomplete. Open the whole link the patient sent, or scan the code again.": {
        "de": "Dieser Link entsperrt seinen Verlauf nicht: Er ist vielleicht unvollständig. Öffnen Sie den ganzen Link, den die Patientin / der Patient geschickt hat, oder scannen Sie den Code erneut.",
        "es": "Este enlace no desbloquea su historial: puede estar incompleto. Abra el enlace completo que envió el paciente o vuelva a escanear el código.",
    },
    "This link holds no history footlog can show.": {
        "de": "Dieser Link enthält keinen Verlauf, den footlog zeigen kann.",
        "es": "Este enlace no contiene ningún historial que footlog pueda mostrar.",
    },
    "Site not named": {"de": "Stelle nicht genannt", "es": "Zona sin nombre"},
    "Red flags": {"de": "Warnzeichen", "es": "Señales de alarma"},
    "No red flag in the patient's log for these days.": {
        "de": "Kein Warnzeichen im Protokoll der Patientin / des Patienten für diese Tage.",
        "es": "Ninguna señal de alarma en el registro del paciente para estos días.",
    },
    # Same force as everywhere: a plain formal imperative (core).
    "Seek care promptly.": {
        "de": "Lassen Sie sich umgehend ärztlich untersuchen.",
        "es": "Busque atención médica sin demora.",
    },
    "%(n)s red flag in the patient's log for these days, the latest on %(date)s.": {
        "de": [
            "%(n)s Warnzeichen im Protokoll der Patientin / des Patienten für diese Tage, das neueste am %(date)s.",
            "%(n)s Warnzeichen im Protokoll der Patientin / des Patienten für diese Tage, das neueste am %(date)s.",
        ],
        "es": [
            "%(n)s señal de alarma en el registro del paciente para estos días, la más reciente el %(date)s.",
            "%(n)s señales de alarma en el registro del paciente para estos días, la más reciente el %(date)s.",
        ],
    },
    "not sure": {"de": "unsicher", "es": "no está seguro"},
    "Sites": {"de": "Stellen", "es": "Zonas"},
    "No site was logged in these days.": {
        "de": "An diesen Tagen wurde keine Stelle erfasst.",
        "es": "En estos días no se registró ninguna zona.",
    },
    "Logged on %(days)s (%(dates)s), bumps on %(bumps)s of them; at most %(most)s (%(peak)s).": {
        "de": "Erfasst: %(days)s (%(dates)s), Knötchen an %(bumps)s davon; höchstens %(most)s (%(peak)s).",
        "es": "Registrada en %(days)s (%(dates)s), con bultos en %(bumps)s de ellos; como máximo %(most)s (%(peak)s).",
    },
    "Logged on %(days)s (%(dates)s), bumps on %(bumps)s of them.": {
        "de": "Erfasst: %(days)s (%(dates)s), Knötchen an %(bumps)s davon.",
        "es": "Registrada en %(days)s (%(dates)s), con bultos en %(bumps)s de ellos.",
    },
    "Latest: %(bumps)s on %(date)s; largest %(mm)s mm.": {
        "de": "Zuletzt: %(bumps)s am %(date)s; größtes %(mm)s mm.",
        "es": "Último: %(bumps)s el %(date)s; el mayor %(mm)s mm.",
    },
    "Latest: %(bumps)s on %(date)s.": {"de": "Zuletzt: %(bumps)s am %(date)s.", "es": "Último: %(bumps)s el %(date)s."},
    "At worst: pain %(pain)s/10, itch %(itch)s/10.": {
        "de": "Am stärksten: Schmerz %(pain)s/10, Juckreiz %(itch)s/10.",
        "es": "En el peor momento: dolor %(pain)s/10, picor %(itch)s/10.",
    },
    "First noticed: %(onset)s.": {"de": "Zuerst bemerkt: %(onset)s.", "es": "Notados por primera vez: %(onset)s."},
    "Sites and counts": {"de": "Stellen und Anzahlen", "es": "Zonas y números"},
    "Visit booked for %(date)s.": {"de": "Termin vereinbart für %(date)s.", "es": "Cita concertada para el %(date)s."},
    "Visited a dermatologist on %(date)s.": {
        "de": "Beim Dermatologen am %(date)s.",
        "es": "Visita al dermatólogo el %(date)s.",
    },
    "Plan: %(plan)s.": {"de": "Plan: %(plan)s.", "es": "Plan: %(plan)s."},
    "Review on %(date)s.": {"de": "Kontrolle am %(date)s.", "es": "Revisión el %(date)s."},
    "Note: %(note)s": {"de": "Notiz: %(note)s", "es": "Nota: %(note)s"},
    "Visits, as the patient recorded them": {
        "de": "Termine, wie die Patientin / der Patient sie erfasst hat",
        "es": "Consultas, tal como las registró el paciente",
    },
    "The patient's notes": {
        "de": "Notizen der Patientin / des Patienten",
        "es": "Notas del paciente",
    },
    "(marked for the dermatologist)": {"de": "(für den Dermatologen markiert)", "es": "(marcada para el dermatólogo)"},
    "Photo, %(caption)s": {"de": "Foto, %(caption)s", "es": "Foto, %(caption)s"},
    "%(n)s photo in these days.": {
        "de": ["%(n)s Foto an diesen Tagen.", "%(n)s Fotos an diesen Tagen."],
        "es": ["%(n)s foto en estos días.", "%(n)s fotos en estos días."],
    },
    "%(n)s photo was too large for the link; the share page shows them.": {
        "de": [
            "%(n)s Foto war zu groß für den Link; die geteilte Seite zeigt es.",
            "%(n)s Fotos waren zu groß für den Link; die geteilte Seite zeigt sie.",
        ],
        "es": [
            "%(n)s foto era demasiado grande para el enlace; la página compartida la muestra.",
            "%(n)s fotos eran demasiado grandes para el enlace; la página compartida las muestra.",
        ],
    },
    "Photos": {"de": "Fotos", "es": "Fotos"},
    "Download the FHIR data (JSON)": {"de": "FHIR-Daten herunterladen (JSON)", "es": "Descargar los datos FHIR (JSON)"},
    "Download the PDF report": {"de": "PDF-Bericht herunterladen", "es": "Descargar el informe en PDF"},
    "Downloads": {"de": "Downloads", "es": "Descargas"},
    "About this history": {"de": "Über diesen Verlauf", "es": "Sobre este historial"},
    "Patient: %(name)s": {"de": "Patient/in: %(name)s", "es": "Paciente: %(name)s"},
    "The patient's own log. Not a diagnosis.": {
        "de": "Das eigene Protokoll der Patientin / des Patienten. Keine Diagnose.",
        "es": "El registro del propio paciente. No es un diagnóstico.",
    },
    "Made on %(date)s.": {"de": "Erstellt am %(date)s.", "es": "Creado el %(date)s."},
    "This viewer needs a secure connection (https): open the link exactly as it was sent.": {
        "de": "Diese Ansicht braucht eine sichere Verbindung (https): Öffnen Sie den Link genau so, wie er geschickt wurde.",
        "es": "Este visor necesita una conexión segura (https): abra el enlace exactamente como se envió.",
    },
    "This viewer opens footlog's own links only; this one belongs to another service.": {
        "de": "Diese Ansicht öffnet nur Links von footlog; dieser gehört zu einem anderen Dienst.",
        "es": "Este visor solo abre enlaces de footlog; este pertenece a otro servicio.",
    },
    "A passcode has at least 4 characters.": {
        "de": "Ein Zugangscode hat mindestens 4 Zeichen.",
        "es": "Un código de acceso tiene al menos 4 caracteres.",
    },
    # --- the service worker (templates/pwa/sw.js): a reminder push that came without its text ---
    "Time to log today.": {"de": "Zeit, den heutigen Tag zu erfassen.", "es": "Es hora de registrar el día de hoy."},
}
