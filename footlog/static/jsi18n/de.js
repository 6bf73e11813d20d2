
'use strict';
{
  const globals = this;
  const django = globals.django || (globals.django = {});

  
  django.pluralidx = function(n) {
    const v = (n != 1);
    if (typeof v === 'boolean') {
      return v ? 1 : 0;
    } else {
      return v;
    }
  };
  

  /* gettext library */

  django.catalog = django.catalog || {};
  
  const newcatalog = {
    "%(n)s bump": [
      "%(n)s Kn\u00f6tchen",
      "%(n)s Kn\u00f6tchen"
    ],
    "%(n)s day": [
      "%(n)s Tag",
      "%(n)s Tage"
    ],
    "%(n)s entry (%(dates)s) saved on this phone by another account \u2014 sign in as that account to send it.": [
      "%(n)s Eintrag (%(dates)s) wurde auf diesem Telefon von einem anderen Konto gespeichert \u2014 melden Sie sich mit diesem Konto an, um ihn zu senden.",
      "%(n)s Eintr\u00e4ge (%(dates)s) wurden auf diesem Telefon von einem anderen Konto gespeichert \u2014 melden Sie sich mit diesem Konto an, um sie zu senden."
    ],
    "%(n)s item is waiting to be sent.": [
      "%(n)s Eintrag wartet auf das Senden.",
      "%(n)s Eintr\u00e4ge warten auf das Senden."
    ],
    "%(n)s photo": [
      "%(n)s Foto",
      "%(n)s Fotos"
    ],
    "%(n)s photo in these days.": [
      "%(n)s Foto an diesen Tagen.",
      "%(n)s Fotos an diesen Tagen."
    ],
    "%(n)s photo ready: press %(button)s.": [
      "%(n)s Foto bereit: Tippen Sie auf \u201e%(button)s\u201c.",
      "%(n)s Fotos bereit: Tippen Sie auf \u201e%(button)s\u201c."
    ],
    "%(n)s photo was too large for the link; the share page shows them.": [
      "%(n)s Foto war zu gro\u00df f\u00fcr den Link; die geteilte Seite zeigt es.",
      "%(n)s Fotos waren zu gro\u00df f\u00fcr den Link; die geteilte Seite zeigt sie."
    ],
    "%(n)s red flag in the patient's log for these days, the latest on %(date)s.": [
      "%(n)s Warnzeichen im Protokoll der Patientin / des Patienten f\u00fcr diese Tage, das neueste am %(date)s.",
      "%(n)s Warnzeichen im Protokoll der Patientin / des Patienten f\u00fcr diese Tage, das neueste am %(date)s."
    ],
    "%(n)s routine step": [
      "%(n)s Routineschritt",
      "%(n)s Routineschritte"
    ],
    "%(n)s spot": [
      "%(n)s Stelle",
      "%(n)s Stellen"
    ],
    "%(percent)s of the after photo shown": "%(percent)s des Nachher-Fotos sichtbar",
    "%(photo)s, as a guide": "%(photo)s, als Vorlage",
    "%(site)s removed.": "%(site)s entfernt.",
    "(marked for the dermatologist)": "(f\u00fcr den Dermatologen markiert)",
    "A passcode has at least 4 characters.": "Ein Zugangscode hat mindestens 4 Zeichen.",
    "A report can cover at most five years.": "Ein Bericht kann h\u00f6chstens f\u00fcnf Jahre umfassen.",
    "About this history": "\u00dcber diesen Verlauf",
    "After: %(date)s": "Nachher: %(date)s",
    "Already here: %(days)s and %(photos)s.": "Bereits vorhanden: %(days)s und %(photos)s.",
    "At worst: pain %(pain)s/10, itch %(itch)s/10.": "Am st\u00e4rksten: Schmerz %(pain)s/10, Juckreiz %(itch)s/10.",
    "Bare link copied.": "Einfacher Link kopiert.",
    "Before: %(date)s": "Vorher: %(date)s",
    "Building the report\u2026": "Der Bericht wird erstellt \u2026",
    "Camera square to the skin, daylight and no flash, a coin or ruler in frame.": "Kamera gerade zur Haut, Tageslicht und kein Blitz, eine M\u00fcnze oder ein Lineal im Bild.",
    "Change it": "\u00c4ndern",
    "Choose both dates.": "W\u00e4hlen Sie beide Daten.",
    "Choose overview or close-up first.": "W\u00e4hlen Sie zuerst \u00dcbersicht oder Nahaufnahme.",
    "Choose the month first, or tap Not sure.": "W\u00e4hlen Sie zuerst den Monat oder tippen Sie auf \u201eNicht sicher\u201c.",
    "Choose the zip you downloaded from footlog first.": "W\u00e4hlen Sie zuerst die ZIP-Datei, die Sie von footlog heruntergeladen haben.",
    "Close-up: near enough that the bumps fill the frame, still sharp.": "Nahaufnahme: so nah, dass die Kn\u00f6tchen das Bild f\u00fcllen, noch scharf.",
    "Copied from %(date)s: %(spots)s and %(steps)s, marked until you change them. Itch, pain, redness, bleeding, spreading and notes are not copied: check them for %(day)s.": "Vom %(date)s \u00fcbernommen: %(spots)s und %(steps)s, markiert, bis Sie sie \u00e4ndern. Juckreiz, Schmerz, R\u00f6tung, Blutung, Ausbreitung und Notizen werden nicht \u00fcbernommen: Pr\u00fcfen Sie sie f\u00fcr %(day)s.",
    "Copied from %(date)s: %(spots)s and %(steps)s, marked until you change them. Itch, pain, redness, bleeding, spreading and notes are not copied: check them today.": "Vom %(date)s \u00fcbernommen: %(spots)s und %(steps)s, markiert, bis Sie sie \u00e4ndern. Juckreiz, Schmerz, R\u00f6tung, Blutung, Ausbreitung und Notizen werden nicht \u00fcbernommen: Pr\u00fcfen Sie sie heute.",
    "Copied from last time": "Vom letzten Mal \u00fcbernommen",
    "Copied.": "Kopiert.",
    "Copied. Paste them into your password manager or a note.": "Kopiert. F\u00fcgen Sie sie in Ihren Passwortmanager oder eine Notiz ein.",
    "Correct the value, then save again.": "Korrigieren Sie den Wert und speichern Sie dann erneut.",
    "Could not check what was sent. Reload the page to see.": "Konnte nicht pr\u00fcfen, was gesendet wurde. Laden Sie die Seite neu, um es zu sehen.",
    "Could not delete the %(flaw)s photo now. Try again from the spot's photos.": "Das Foto (%(flaw)s) lie\u00df sich jetzt nicht l\u00f6schen. Versuchen Sie es erneut bei den Fotos der Stelle.",
    "Could not save on this phone. Please try again.": "Konnte auf diesem Telefon nicht gespeichert werden. Bitte versuchen Sie es erneut.",
    "Could not save that now; you will be asked again.": "Das konnte jetzt nicht gespeichert werden; Sie werden erneut gefragt.",
    "Could not switch: %(why)s": "Wechsel nicht m\u00f6glich: %(why)s",
    "Delete the photo of %(date)s? This cannot be undone.": "Das Foto vom %(date)s l\u00f6schen? Das l\u00e4sst sich nicht r\u00fcckg\u00e4ngig machen.",
    "Did you mean %(mm)s mm?": "Meinten Sie %(mm)s mm?",
    "Discard this photo": "Dieses Foto verwerfen",
    "Discard this version": "Diese Fassung verwerfen",
    "Download the FHIR data (JSON)": "FHIR-Daten herunterladen (JSON)",
    "Download the PDF report": "PDF-Bericht herunterladen",
    "Downloads": "Downloads",
    "Earlier photo of %(site)s": "Fr\u00fcheres Foto: %(site)s",
    "Earlier photo of %(site)s from %(date)s": "Fr\u00fcheres Foto: %(site)s, vom %(date)s",
    "Enter a size from %(min)s to %(max)s mm, or leave it empty.": "Geben Sie eine Gr\u00f6\u00dfe von %(min)s bis %(max)s mm ein oder lassen Sie das Feld leer.",
    "Enter a whole number from %(min)s to %(max)s.": "Geben Sie eine ganze Zahl von %(min)s bis %(max)s ein.",
    "First noticed: %(onset)s.": "Zuerst bemerkt: %(onset)s.",
    "Fix the marked field for %(site)s first.": "Korrigieren Sie zuerst das markierte Feld bei %(site)s.",
    "How many bumps on %(site)s? Set a count (None here for 0) or remove the spot.": "Wie viele Kn\u00f6tchen an %(site)s? Geben Sie eine Anzahl an (\u201eHier keine\u201c f\u00fcr 0) oder entfernen Sie die Stelle.",
    "Imported %(days)s and %(photos)s.": "Importiert: %(days)s und %(photos)s.",
    "Importing\u2026 %(percent)s": "Wird importiert \u2026 %(percent)s",
    "Is this right?": "Stimmt das?",
    "It is kept on this phone until you discard it.": "Es bleibt auf diesem Telefon, bis Sie es verwerfen.",
    "It is kept on this phone: correct it below and save again, or discard it.": "Er bleibt auf diesem Telefon: Korrigieren Sie ihn unten und speichern Sie erneut, oder verwerfen Sie ihn.",
    "Keep": "Behalten",
    "Keep %(account)s": "%(account)s behalten",
    "Keep both (safest)": "Beide behalten (am sichersten)",
    "Keep both: every spot of both versions; where both have a spot, the larger numbers and every tick; both notes.": "Beide behalten: jede Stelle beider Fassungen; wo beide eine Stelle haben, die gr\u00f6\u00dferen Zahlen und jeder Haken; beide Notizen.",
    "Keep it": "Behalten",
    "Keep it if it is the best you can do: nothing is refused.": "Behalten Sie es, wenn es nicht besser geht: Nichts wird abgelehnt.",
    "Keep the server's": "Die des Servers behalten",
    "Keep this phone's": "Die dieses Telefons behalten",
    "Keeping only the server's drops a red flag: %(flags)s.": "Nur die Fassung des Servers zu behalten, verwirft ein Warnzeichen: %(flags)s.",
    "Keeping only this phone's drops a red flag: %(flags)s.": "Nur die Fassung dieses Telefons zu behalten, verwirft ein Warnzeichen: %(flags)s.",
    "Last %(view)s of this spot": "Letzte %(view)s dieser Stelle",
    "Last %(view)s of this spot, %(date)s": "Letzte %(view)s dieser Stelle, %(date)s",
    "Last photo of this spot": "Letztes Foto dieser Stelle",
    "Latest: %(bumps)s on %(date)s.": "Zuletzt: %(bumps)s am %(date)s.",
    "Latest: %(bumps)s on %(date)s; largest %(mm)s mm.": "Zuletzt: %(bumps)s am %(date)s; gr\u00f6\u00dftes %(mm)s mm.",
    "Line the spot up with the faint last photo.": "Richten Sie die Stelle am blassen letzten Foto aus.",
    "Link copied.": "Link kopiert.",
    "Logged on %(days)s (%(dates)s), bumps on %(bumps)s of them.": "Erfasst: %(days)s (%(dates)s), Kn\u00f6tchen an %(bumps)s davon.",
    "Logged on %(days)s (%(dates)s), bumps on %(bumps)s of them; at most %(most)s (%(peak)s).": "Erfasst: %(days)s (%(dates)s), Kn\u00f6tchen an %(bumps)s davon; h\u00f6chstens %(most)s (%(peak)s).",
    "Made on %(date)s.": "Erstellt am %(date)s.",
    "Missing from the zip: %(photos)s.": "Fehlen in der ZIP-Datei: %(photos)s.",
    "My footlog history": "Mein footlog-Verlauf",
    "New photo of %(site)s": "Neues Foto: %(site)s",
    "No live camera here (or it was not allowed). Take the photo with the camera app or choose one.": "Hier gibt es keine Live-Kamera (oder sie wurde nicht erlaubt). Nehmen Sie das Foto mit der Kamera-App auf oder w\u00e4hlen Sie eines aus.",
    "No passkey was used. Try again, or use another way.": "Es wurde kein Passkey verwendet. Versuchen Sie es erneut oder w\u00e4hlen Sie einen anderen Weg.",
    "No red flag in the patient's log for these days.": "Kein Warnzeichen im Protokoll der Patientin / des Patienten f\u00fcr diese Tage.",
    "No site was logged in these days.": "An diesen Tagen wurde keine Stelle erfasst.",
    "Not accepted yet, waiting for you: ": "Noch nicht angenommen, wartet auf Sie: ",
    "Not deleted: %(why)s": "Nicht gel\u00f6scht: %(why)s",
    "Not saved on the server yet: see the message above the form.": "Noch nicht auf dem Server gespeichert: Siehe die Meldung \u00fcber dem Formular.",
    "Not saved: %(why)s": "Nicht gespeichert: %(why)s",
    "Note: %(note)s": "Notiz: %(note)s",
    "Noted.": "Vermerkt.",
    "Nothing is stored until you choose; it is kept on this phone meanwhile.": "Nichts wird gespeichert, bis Sie w\u00e4hlen; bis dahin bleibt es auf diesem Telefon.",
    "Notifications are blocked for this site in the browser settings.": "Benachrichtigungen sind f\u00fcr diese Website in den Browsereinstellungen blockiert.",
    "On the server": "Auf dem Server",
    "On this phone": "Auf diesem Telefon",
    "Opening the link\u2026": "Der Link wird ge\u00f6ffnet \u2026",
    "Overview: about 20 cm away, the whole spot in view.": "\u00dcbersicht: etwa 20 cm Abstand, die ganze Stelle im Bild.",
    "Passkey sign-in is not available now.": "Die Anmeldung mit Passkey ist gerade nicht verf\u00fcgbar.",
    "Patient: %(name)s": "Patient/in: %(name)s",
    "Photo kept.": "Foto behalten.",
    "Photo of %(date)s": "Foto vom %(date)s",
    "Photo of %(date)s deleted.": "Foto vom %(date)s gel\u00f6scht.",
    "Photo of %(date)s, %(what)s": "Foto vom %(date)s, %(what)s",
    "Photo, %(caption)s": "Foto, %(caption)s",
    "Photos": "Fotos",
    "Plan: %(plan)s.": "Plan: %(plan)s.",
    "Push could not be turned on.": "Push konnte nicht eingeschaltet werden.",
    "Push is on for this phone.": "Push ist f\u00fcr dieses Telefon eingeschaltet.",
    "Red flags": "Warnzeichen",
    "Refused (%(status)s).": "Abgelehnt (%(status)s).",
    "Retake": "Neu aufnehmen",
    "Retrying: the first attempt stopped. Building the report again\u2026": "Neuer Versuch: Der erste wurde abgebrochen. Der Bericht wird erneut erstellt \u2026",
    "Review on %(date)s.": "Kontrolle am %(date)s.",
    "Revoke the link for %(what)s? Whoever has it will no longer be able to open it.": "Den Link f\u00fcr %(what)s widerrufen? Wer ihn hat, kann ihn dann nicht mehr \u00f6ffnen.",
    "Routine that day": "Routine an diesem Tag",
    "SMART Health Link copied.": "SMART Health Link kopiert.",
    "Same as last time (%(date)s)": "Wie beim letzten Mal (%(date)s)",
    "Save this day": "Diesen Tag speichern",
    "Saved as %(file)s.": "Gespeichert als %(file)s.",
    "Saved before the phone noted the account? If they are yours, send them to this account": "Gespeichert, bevor das Telefon das Konto vermerkte? Wenn sie Ihnen geh\u00f6ren, senden Sie sie an dieses Konto",
    "Saved on this phone. It will be sent when you are back online.": "Auf diesem Telefon gespeichert. Es wird gesendet, sobald Sie wieder online sind.",
    "Saved on this phone. Sending\u2026": "Auf diesem Telefon gespeichert. Wird gesendet \u2026",
    "Saved.": "Gespeichert.",
    "Seek care promptly.": "Lassen Sie sich umgehend \u00e4rztlich untersuchen.",
    "Select and copy the SMART Health Link.": "Markieren und kopieren Sie den SMART Health Link.",
    "Select and copy the bare link.": "Markieren und kopieren Sie den einfachen Link.",
    "Select and copy the link.": "Markieren und kopieren Sie den Link.",
    "Selected: copy them now.": "Markiert: Kopieren Sie sie jetzt.",
    "Send them to this account? Only if you saved them.": "An dieses Konto senden? Nur, wenn Sie sie gespeichert haben.",
    "Sending\u2026": "Wird gesendet \u2026",
    "Sent. Everything is saved.": "Gesendet. Alles ist gespeichert.",
    "Sent. Other days wait for you: see the note at the top.": "Gesendet. Andere Tage warten auf Sie: Siehe den Hinweis oben.",
    "Show %(photo)s as a guide": "Als Vorlage zeigen: %(photo)s",
    "Site not named": "Stelle nicht genannt",
    "Sites": "Stellen",
    "Sites and counts": "Stellen und Anzahlen",
    "Something went wrong (%(status)s); try again.": "Etwas ist schiefgegangen (%(status)s); versuchen Sie es erneut.",
    "Something went wrong; try again.": "Etwas ist schiefgegangen; versuchen Sie es erneut.",
    "Starting the camera\u2026": "Kamera wird gestartet \u2026",
    "Tags saved for the photo of %(date)s.": "Angaben zum Foto vom %(date)s gespeichert.",
    "That day is after today in your account's time zone (%(zone)s): it cannot be logged yet.": "Dieser Tag liegt in der Zeitzone Ihres Kontos (%(zone)s) nach heute: Er kann noch nicht erfasst werden.",
    "That passcode is not right: %(remaining)s try left before the link locks.": [
      "Dieser Zugangscode stimmt nicht: noch %(remaining)s Versuch, bevor der Link gesperrt wird.",
      "Dieser Zugangscode stimmt nicht: noch %(remaining)s Versuche, bevor der Link gesperrt wird."
    ],
    "The %(flaw)s photo is deleted. Take the new one, then press %(button)s.": "Das Foto (%(flaw)s) ist gel\u00f6scht. Nehmen Sie das neue auf und tippen Sie dann auf \u201e%(button)s\u201c.",
    "The code could not be sent; try again.": "Der Code konnte nicht gesendet werden; versuchen Sie es erneut.",
    "The first date is after the last one: swap them.": "Das erste Datum liegt nach dem letzten: Tauschen Sie sie.",
    "The import failed (%(status)s); try again.": "Der Import ist fehlgeschlagen (%(status)s); versuchen Sie es erneut.",
    "The import failed.": "Der Import ist fehlgeschlagen.",
    "The passkey did not work.": "Der Passkey hat nicht funktioniert.",
    "The patient's notes": "Notizen der Patientin / des Patienten",
    "The patient's own log. Not a diagnosis.": "Das eigene Protokoll der Patientin / des Patienten. Keine Diagnose.",
    "The report could not be built; try again.": "Der Bericht konnte nicht erstellt werden; versuchen Sie es erneut.",
    "The report is ready.": "Der Bericht ist fertig.",
    "The server did not accept a photo of this day": "Der Server hat ein Foto dieses Tages nicht angenommen",
    "The server did not accept this day": "Der Server hat diesen Tag nicht angenommen",
    "The server did not accept this device (%(status)s).": "Der Server hat dieses Ger\u00e4t nicht angenommen (%(status)s).",
    "The server has a version this phone did not start from. Nothing was overwritten: choose what to keep.": "Der Server hat eine Fassung, von der dieses Telefon nicht ausging. Nichts wurde \u00fcberschrieben: W\u00e4hlen Sie, was Sie behalten.",
    "The server said no (%(status)s).": "Der Server hat abgelehnt (%(status)s).",
    "The upload did not reach footlog; check the connection and try again.": "Das Hochladen hat footlog nicht erreicht; pr\u00fcfen Sie die Verbindung und versuchen Sie es erneut.",
    "These two are not the same kind of shot: compare like with like.": "Diese beiden sind nicht dieselbe Art von Aufnahme: Vergleichen Sie Gleiches mit Gleichem.",
    "This browser cannot receive push notifications; email reminders still work.": "Dieser Browser kann keine Push-Benachrichtigungen empfangen; Erinnerungen per E-Mail funktionieren weiterhin.",
    "This browser cannot use passkeys; sign in with your password instead.": "Dieser Browser kann keine Passkeys verwenden; melden Sie sich stattdessen mit Ihrem Passwort an.",
    "This day was changed elsewhere": "Dieser Tag wurde anderswo ge\u00e4ndert",
    "This link does not unlock its history: it may be incomplete. Open the whole link the patient sent, or scan the code again.": "Dieser Link entsperrt seinen Verlauf nicht: Er ist vielleicht unvollst\u00e4ndig. \u00d6ffnen Sie den ganzen Link, den die Patientin / der Patient geschickt hat, oder scannen Sie den Code erneut.",
    "This link holds no history footlog can show.": "Dieser Link enth\u00e4lt keinen Verlauf, den footlog zeigen kann.",
    "This link is incomplete. Open the whole link the patient sent, or scan the code again.": "Dieser Link ist unvollst\u00e4ndig. \u00d6ffnen Sie den ganzen Link, den die Patientin / der Patient geschickt hat, oder scannen Sie den Code erneut.",
    "This link is not available: it has expired, was withdrawn, or is mistyped. Ask the patient for a new link if you still need it.": "Dieser Link ist nicht verf\u00fcgbar: Er ist abgelaufen, wurde zur\u00fcckgezogen oder ist falsch geschrieben. Bitten Sie die Patientin / den Patienten um einen neuen Link, wenn Sie ihn noch brauchen.",
    "This phone is on %(device)s time, your account on %(account)s. Days are dated in the account's zone.": "Dieses Telefon ist auf %(device)s eingestellt, Ihr Konto auf %(account)s. Tage werden in der Zone des Kontos datiert.",
    "This phone's zone": "Zone dieses Telefons",
    "This photo looks %(flaw)s \u2014 retake?": "Dieses Foto wirkt %(flaw)s \u2014 neu aufnehmen?",
    "This photo of %(site)s looks %(flaw)s \u2014 retake?": "Dieses Foto (%(site)s) wirkt %(flaw)s \u2014 neu aufnehmen?",
    "This photo of the day looks %(flaw)s \u2014 retake?": "Dieses Foto des Tages wirkt %(flaw)s \u2014 neu aufnehmen?",
    "This viewer needs a secure connection (https): open the link exactly as it was sent.": "Diese Ansicht braucht eine sichere Verbindung (https): \u00d6ffnen Sie den Link genau so, wie er geschickt wurde.",
    "This viewer opens footlog's own links only; this one belongs to another service.": "Diese Ansicht \u00f6ffnet nur Links von footlog; dieser geh\u00f6rt zu einem anderen Dienst.",
    "Those dates are not valid.": "Diese Daten sind ung\u00fcltig.",
    "Time to log today.": "Zeit, den heutigen Tag zu erfassen.",
    "Time zone": "Zeitzone",
    "Today": "Heute",
    "Too many tries from here; wait a minute and try again.": "Zu viele Versuche von hier; warten Sie eine Minute und versuchen Sie es erneut.",
    "Too many tries; wait a minute.": "Zu viele Versuche; warten Sie eine Minute.",
    "Unlocking on this device\u2026": "Wird auf diesem Ger\u00e4t entsperrt \u2026",
    "Uploaded; importing\u2026": "Hochgeladen; wird importiert \u2026",
    "Uploading\u2026": "Wird hochgeladen \u2026",
    "Use %(device)s": "%(device)s verwenden",
    "Use this phone's zone: %(zone)s": "Zone dieses Telefons verwenden: %(zone)s",
    "Visit booked for %(date)s.": "Termin vereinbart f\u00fcr %(date)s.",
    "Visited a dermatologist on %(date)s.": "Beim Dermatologen am %(date)s.",
    "Visits, as the patient recorded them": "Termine, wie die Patientin / der Patient sie erfasst hat",
    "Waiting for its turn\u2026": "Wartet, bis es an der Reihe ist \u2026",
    "We sent a code to your email address. It works for 10 minutes.": "Wir haben einen Code an Ihre E-Mail-Adresse gesendet. Er gilt 10 Minuten.",
    "What you save is sent when you are back online.": "Was Sie speichern, wird gesendet, sobald Sie wieder online sind.",
    "Your changes on this page are not saved. Leave without saving them?": "Ihre \u00c4nderungen auf dieser Seite sind nicht gespeichert. Ohne Speichern verlassen?",
    "after photo at %(percent)s opacity": "Nachher-Foto mit %(percent)s Deckkraft",
    "as of %(when)s": "Stand %(when)s",
    "bleeding": "Blutung",
    "bleeding at %(site)s": "Blutung an %(site)s",
    "blurred": "unscharf",
    "close-up": "Nahaufnahme",
    "coin or ruler in frame": "M\u00fcnze oder Lineal im Bild",
    "dark": "dunkel",
    "footlog answered with an error (%(status)s); try again later.": "footlog hat mit einem Fehler geantwortet (%(status)s); versuchen Sie es sp\u00e4ter erneut.",
    "footlog could not be reached: check the connection and try again.": "footlog war nicht erreichbar: Pr\u00fcfen Sie die Verbindung und versuchen Sie es erneut.",
    "footlog keeps days from the last five years.": "footlog speichert Tage der letzten f\u00fcnf Jahre.",
    "footlog recovery codes: each works once.": "footlog-Wiederherstellungscodes: Jeder gilt einmal.",
    "itch %(n)s": "Juckreiz %(n)s",
    "looked, none": "nachgesehen, keine",
    "looks blurred": "wirkt unscharf",
    "looks dark": "wirkt dunkel",
    "looks too bright": "wirkt zu hell",
    "no spots": "keine Stellen",
    "not looked": "nicht nachgesehen",
    "not sure": "unsicher",
    "not tagged": "ohne Angabe",
    "note: %(note)s": "Notiz: %(note)s",
    "notes: %(notes)s": "Notizen: %(notes)s",
    "offline \u2014 showing what this phone last saw": "offline \u2014 angezeigt wird, was dieses Telefon zuletzt gesehen hat",
    "offline \u2014 this phone has no copy of this day": "offline \u2014 dieses Telefon hat keine Kopie dieses Tages",
    "overview": "\u00dcbersicht",
    "pain %(n)s": "Schmerz %(n)s",
    "pain %(n)s at %(site)s": "Schmerz %(n)s an %(site)s",
    "red flag": "Warnzeichen",
    "redness": "R\u00f6tung",
    "routine %(done)s of %(total)s done": "Routine: %(done)s von %(total)s erledigt",
    "routine not recorded": "Routine nicht erfasst",
    "scale": "Ma\u00dfstab",
    "spreading": "Ausbreitung",
    "spreading at %(site)s": "Ausbreitung an %(site)s",
    "the %(date)s %(view)s": "%(view)s vom %(date)s",
    "the last %(view)s": "letzte %(view)s",
    "too bright": "zu hell"
  };
  for (const key in newcatalog) {
    django.catalog[key] = newcatalog[key];
  }
  

  if (!django.jsi18n_initialized) {
    django.gettext = function(msgid) {
      const value = django.catalog[msgid];
      if (typeof value === 'undefined') {
        return msgid;
      } else {
        return (typeof value === 'string') ? value : value[0];
      }
    };

    django.ngettext = function(singular, plural, count) {
      const value = django.catalog[singular];
      if (typeof value === 'undefined') {
        return (count == 1) ? singular : plural;
      } else {
        return value.constructor === Array ? value[django.pluralidx(count)] : value;
      }
    };

    django.gettext_noop = function(msgid) { return msgid; };

    django.pgettext = function(context, msgid) {
      let value = django.gettext(context + '\x04' + msgid);
      if (value.includes('\x04')) {
        value = msgid;
      }
      return value;
    };

    django.npgettext = function(context, singular, plural, count) {
      let value = django.ngettext(context + '\x04' + singular, context + '\x04' + plural, count);
      if (value.includes('\x04')) {
        value = django.ngettext(singular, plural, count);
      }
      return value;
    };

    django.interpolate = function(fmt, obj, named) {
      if (named) {
        return fmt.replace(/%\(\w+\)s/g, function(match){return String(obj[match.slice(2,-2)])});
      } else {
        return fmt.replace(/%s/g, function(match){return String(obj.shift())});
      }
    };


    /* formatting library */

    django.formats = {};

    django.get_format = function(format_type) {
      const value = django.formats[format_type];
      if (typeof value === 'undefined') {
        return format_type;
      } else {
        return value;
      }
    };

    /* add to global namespace */
    globals.pluralidx = django.pluralidx;
    globals.gettext = django.gettext;
    globals.ngettext = django.ngettext;
    globals.gettext_noop = django.gettext_noop;
    globals.pgettext = django.pgettext;
    globals.npgettext = django.npgettext;
    globals.interpolate = django.interpolate;
    globals.get_format = django.get_format;

    django.jsi18n_initialized = true;
  }
};

