
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
      "%(n)s bulto",
      "%(n)s bultos"
    ],
    "%(n)s day": [
      "%(n)s d\u00eda",
      "%(n)s d\u00edas"
    ],
    "%(n)s entry (%(dates)s) saved on this phone by another account \u2014 sign in as that account to send it.": [
      "%(n)s entrada (%(dates)s) guardada en este tel\u00e9fono por otra cuenta \u2014 inicie sesi\u00f3n con esa cuenta para enviarla.",
      "%(n)s entradas (%(dates)s) guardadas en este tel\u00e9fono por otra cuenta \u2014 inicie sesi\u00f3n con esa cuenta para enviarlas."
    ],
    "%(n)s item is waiting to be sent.": [
      "%(n)s elemento est\u00e1 pendiente de env\u00edo.",
      "%(n)s elementos est\u00e1n pendientes de env\u00edo."
    ],
    "%(n)s photo": [
      "%(n)s foto",
      "%(n)s fotos"
    ],
    "%(n)s photo in these days.": [
      "%(n)s foto en estos d\u00edas.",
      "%(n)s fotos en estos d\u00edas."
    ],
    "%(n)s photo ready: press %(button)s.": [
      "%(n)s foto lista: pulse \u00ab%(button)s\u00bb.",
      "%(n)s fotos listas: pulse \u00ab%(button)s\u00bb."
    ],
    "%(n)s photo was too large for the link; the share page shows them.": [
      "%(n)s foto era demasiado grande para el enlace; la p\u00e1gina compartida la muestra.",
      "%(n)s fotos eran demasiado grandes para el enlace; la p\u00e1gina compartida las muestra."
    ],
    "%(n)s red flag in the patient's log for these days, the latest on %(date)s.": [
      "%(n)s se\u00f1al de alarma en el registro del paciente para estos d\u00edas, la m\u00e1s reciente el %(date)s.",
      "%(n)s se\u00f1ales de alarma en el registro del paciente para estos d\u00edas, la m\u00e1s reciente el %(date)s."
    ],
    "%(n)s routine step": [
      "%(n)s paso de la rutina",
      "%(n)s pasos de la rutina"
    ],
    "%(n)s spot": [
      "%(n)s zona",
      "%(n)s zonas"
    ],
    "%(percent)s of the after photo shown": "%(percent)s de la foto de despu\u00e9s visible",
    "%(photo)s, as a guide": "%(photo)s, como gu\u00eda",
    "%(site)s removed.": "Zona quitada: %(site)s.",
    "(marked for the dermatologist)": "(marcada para el dermat\u00f3logo)",
    "A passcode has at least 4 characters.": "Un c\u00f3digo de acceso tiene al menos 4 caracteres.",
    "A report can cover at most five years.": "Un informe puede abarcar como m\u00e1ximo cinco a\u00f1os.",
    "About this history": "Sobre este historial",
    "After: %(date)s": "Despu\u00e9s: %(date)s",
    "Already here: %(days)s and %(photos)s.": "Ya estaban: %(days)s y %(photos)s.",
    "At worst: pain %(pain)s/10, itch %(itch)s/10.": "En el peor momento: dolor %(pain)s/10, picor %(itch)s/10.",
    "Bare link copied.": "Enlace simple copiado.",
    "Before: %(date)s": "Antes: %(date)s",
    "Building the report\u2026": "Generando el informe\u2026",
    "Camera square to the skin, daylight and no flash, a coin or ruler in frame.": "C\u00e1mara perpendicular a la piel, luz de d\u00eda y sin flash, una moneda o una regla en la imagen.",
    "Change it": "Cambiarla",
    "Choose both dates.": "Elija ambas fechas.",
    "Choose overview or close-up first.": "Elija primero vista general o primer plano.",
    "Choose the month first, or tap Not sure.": "Elija primero el mes o toque \u00abNo estoy seguro\u00bb.",
    "Choose the zip you downloaded from footlog first.": "Elija primero el zip que descarg\u00f3 de footlog.",
    "Close-up: near enough that the bumps fill the frame, still sharp.": "Primer plano: lo bastante cerca para que los bultos llenen la imagen, a\u00fan n\u00edtida.",
    "Copied from %(date)s: %(spots)s and %(steps)s, marked until you change them. Itch, pain, redness, bleeding, spreading and notes are not copied: check them for %(day)s.": "Copiado del %(date)s: %(spots)s y %(steps)s, marcados hasta que los cambie. El picor, el dolor, el enrojecimiento, el sangrado, la extensi\u00f3n y las notas no se copian: rev\u00edselos para el %(day)s.",
    "Copied from %(date)s: %(spots)s and %(steps)s, marked until you change them. Itch, pain, redness, bleeding, spreading and notes are not copied: check them today.": "Copiado del %(date)s: %(spots)s y %(steps)s, marcados hasta que los cambie. El picor, el dolor, el enrojecimiento, el sangrado, la extensi\u00f3n y las notas no se copian: rev\u00edselos hoy.",
    "Copied from last time": "Copiado de la \u00faltima vez",
    "Copied.": "Copiados.",
    "Copied. Paste them into your password manager or a note.": "Copiados. P\u00e9guelos en su gestor de contrase\u00f1as o en una nota.",
    "Correct the value, then save again.": "Corrija el valor y guarde de nuevo.",
    "Could not check what was sent. Reload the page to see.": "No se pudo comprobar lo enviado. Recargue la p\u00e1gina para verlo.",
    "Could not delete the %(flaw)s photo now. Try again from the spot's photos.": "No se pudo borrar la foto (%(flaw)s) ahora. Int\u00e9ntelo de nuevo desde las fotos de la zona.",
    "Could not save on this phone. Please try again.": "No se pudo guardar en este tel\u00e9fono. Int\u00e9ntelo de nuevo.",
    "Could not save that now; you will be asked again.": "No se pudo guardar ahora; se le volver\u00e1 a preguntar.",
    "Could not switch: %(why)s": "No se pudo cambiar: %(why)s",
    "Delete the photo of %(date)s? This cannot be undone.": "\u00bfBorrar la foto del %(date)s? No se puede deshacer.",
    "Did you mean %(mm)s mm?": "\u00bfQuiso decir %(mm)s mm?",
    "Discard this photo": "Descartar esta foto",
    "Discard this version": "Descartar esta versi\u00f3n",
    "Download the FHIR data (JSON)": "Descargar los datos FHIR (JSON)",
    "Download the PDF report": "Descargar el informe en PDF",
    "Downloads": "Descargas",
    "Earlier photo of %(site)s": "Foto anterior: %(site)s",
    "Earlier photo of %(site)s from %(date)s": "Foto anterior: %(site)s, del %(date)s",
    "Enter a size from %(min)s to %(max)s mm, or leave it empty.": "Introduzca un tama\u00f1o de %(min)s a %(max)s mm, o d\u00e9jelo vac\u00edo.",
    "Enter a whole number from %(min)s to %(max)s.": "Introduzca un n\u00famero entero de %(min)s a %(max)s.",
    "First noticed: %(onset)s.": "Notados por primera vez: %(onset)s.",
    "Fix the marked field for %(site)s first.": "Corrija primero el campo marcado en %(site)s.",
    "How many bumps on %(site)s? Set a count (None here for 0) or remove the spot.": "\u00bfCu\u00e1ntos bultos en %(site)s? Indique un n\u00famero (\u00abNinguno aqu\u00ed\u00bb para 0) o quite la zona.",
    "Imported %(days)s and %(photos)s.": "Importados: %(days)s y %(photos)s.",
    "Importing\u2026 %(percent)s": "Importando\u2026 %(percent)s",
    "Is this right?": "\u00bfEs correcto?",
    "It is kept on this phone until you discard it.": "Se conserva en este tel\u00e9fono hasta que lo descarte.",
    "It is kept on this phone: correct it below and save again, or discard it.": "Se conserva en este tel\u00e9fono: corr\u00edjalo abajo y guarde de nuevo, o desc\u00e1rtelo.",
    "Keep": "Conservar",
    "Keep %(account)s": "Mantener %(account)s",
    "Keep both (safest)": "Conservar ambas (lo m\u00e1s seguro)",
    "Keep both: every spot of both versions; where both have a spot, the larger numbers and every tick; both notes.": "Conservar ambas: cada zona de las dos versiones; donde ambas tienen una zona, los n\u00fameros mayores y cada marca; ambas notas.",
    "Keep it": "Conservarla",
    "Keep it if it is the best you can do: nothing is refused.": "Cons\u00e9rvela si no puede hacerla mejor: no se rechaza nada.",
    "Keep the server's": "Conservar la del servidor",
    "Keep this phone's": "Conservar la de este tel\u00e9fono",
    "Keeping only the server's drops a red flag: %(flags)s.": "Conservar solo la del servidor elimina una se\u00f1al de alarma: %(flags)s.",
    "Keeping only this phone's drops a red flag: %(flags)s.": "Conservar solo la de este tel\u00e9fono elimina una se\u00f1al de alarma: %(flags)s.",
    "Last %(view)s of this spot": "Foto m\u00e1s reciente de esta zona (%(view)s)",
    "Last %(view)s of this spot, %(date)s": "Foto m\u00e1s reciente de esta zona (%(view)s), %(date)s",
    "Last photo of this spot": "\u00daltima foto de esta zona",
    "Latest: %(bumps)s on %(date)s.": "\u00daltimo: %(bumps)s el %(date)s.",
    "Latest: %(bumps)s on %(date)s; largest %(mm)s mm.": "\u00daltimo: %(bumps)s el %(date)s; el mayor %(mm)s mm.",
    "Line the spot up with the faint last photo.": "Alinee la zona con la \u00faltima foto atenuada.",
    "Link copied.": "Enlace copiado.",
    "Logged on %(days)s (%(dates)s), bumps on %(bumps)s of them.": "Registrada en %(days)s (%(dates)s), con bultos en %(bumps)s de ellos.",
    "Logged on %(days)s (%(dates)s), bumps on %(bumps)s of them; at most %(most)s (%(peak)s).": "Registrada en %(days)s (%(dates)s), con bultos en %(bumps)s de ellos; como m\u00e1ximo %(most)s (%(peak)s).",
    "Made on %(date)s.": "Creado el %(date)s.",
    "Missing from the zip: %(photos)s.": "Faltan en el zip: %(photos)s.",
    "My footlog history": "Mi historial de footlog",
    "New photo of %(site)s": "Foto nueva: %(site)s",
    "No live camera here (or it was not allowed). Take the photo with the camera app or choose one.": "Aqu\u00ed no hay c\u00e1mara en directo (o no se permiti\u00f3). Haga la foto con la app de c\u00e1mara o elija una.",
    "No passkey was used. Try again, or use another way.": "No se us\u00f3 ninguna llave de acceso. Int\u00e9ntelo de nuevo o use otra forma.",
    "No red flag in the patient's log for these days.": "Ninguna se\u00f1al de alarma en el registro del paciente para estos d\u00edas.",
    "No site was logged in these days.": "En estos d\u00edas no se registr\u00f3 ninguna zona.",
    "Not accepted yet, waiting for you: ": "A\u00fan no aceptado, le espera: ",
    "Not deleted: %(why)s": "No borrada: %(why)s",
    "Not saved on the server yet: see the message above the form.": "A\u00fan no guardado en el servidor: vea el mensaje sobre el formulario.",
    "Not saved: %(why)s": "No guardado: %(why)s",
    "Note: %(note)s": "Nota: %(note)s",
    "Noted.": "Anotado.",
    "Nothing is stored until you choose; it is kept on this phone meanwhile.": "No se guarda nada hasta que elija; mientras tanto se conserva en este tel\u00e9fono.",
    "Notifications are blocked for this site in the browser settings.": "Las notificaciones est\u00e1n bloqueadas para este sitio en los ajustes del navegador.",
    "On the server": "En el servidor",
    "On this phone": "En este tel\u00e9fono",
    "Opening the link\u2026": "Abriendo el enlace\u2026",
    "Overview: about 20 cm away, the whole spot in view.": "Vista general: a unos 20 cm, toda la zona a la vista.",
    "Passkey sign-in is not available now.": "El inicio de sesi\u00f3n con llave de acceso no est\u00e1 disponible ahora.",
    "Patient: %(name)s": "Paciente: %(name)s",
    "Photo kept.": "Foto conservada.",
    "Photo of %(date)s": "Foto del %(date)s",
    "Photo of %(date)s deleted.": "Foto del %(date)s borrada.",
    "Photo of %(date)s, %(what)s": "Foto del %(date)s, %(what)s",
    "Photo, %(caption)s": "Foto, %(caption)s",
    "Photos": "Fotos",
    "Plan: %(plan)s.": "Plan: %(plan)s.",
    "Push could not be turned on.": "No se pudieron activar las notificaciones push.",
    "Push is on for this phone.": "Las notificaciones push est\u00e1n activadas en este tel\u00e9fono.",
    "Red flags": "Se\u00f1ales de alarma",
    "Refused (%(status)s).": "Rechazado (%(status)s).",
    "Retake": "Repetir",
    "Retrying: the first attempt stopped. Building the report again\u2026": "Reintentando: el primer intento se detuvo. Generando el informe de nuevo\u2026",
    "Review on %(date)s.": "Revisi\u00f3n el %(date)s.",
    "Revoke the link for %(what)s? Whoever has it will no longer be able to open it.": "\u00bfRevocar el enlace para %(what)s? Quien lo tenga ya no podr\u00e1 abrirlo.",
    "Routine that day": "Rutina de ese d\u00eda",
    "SMART Health Link copied.": "SMART Health Link copiado.",
    "Same as last time (%(date)s)": "Igual que la \u00faltima vez (%(date)s)",
    "Save this day": "Guardar este d\u00eda",
    "Saved as %(file)s.": "Guardado como %(file)s.",
    "Saved before the phone noted the account? If they are yours, send them to this account": "\u00bfGuardadas antes de que el tel\u00e9fono anotara la cuenta? Si son suyas, env\u00edelas a esta cuenta",
    "Saved on this phone. It will be sent when you are back online.": "Guardado en este tel\u00e9fono. Se enviar\u00e1 cuando vuelva a tener conexi\u00f3n.",
    "Saved on this phone. Sending\u2026": "Guardado en este tel\u00e9fono. Enviando\u2026",
    "Saved.": "Guardado.",
    "Seek care promptly.": "Busque atenci\u00f3n m\u00e9dica sin demora.",
    "Select and copy the SMART Health Link.": "Seleccione y copie el SMART Health Link.",
    "Select and copy the bare link.": "Seleccione y copie el enlace simple.",
    "Select and copy the link.": "Seleccione y copie el enlace.",
    "Selected: copy them now.": "Seleccionados: c\u00f3pielos ahora.",
    "Send them to this account? Only if you saved them.": "\u00bfEnviarlas a esta cuenta? Solo si las guard\u00f3 usted.",
    "Sending\u2026": "Enviando\u2026",
    "Sent. Everything is saved.": "Enviado. Todo est\u00e1 guardado.",
    "Sent. Other days wait for you: see the note at the top.": "Enviado. Otros d\u00edas le esperan: vea la nota de arriba.",
    "Show %(photo)s as a guide": "Mostrar como gu\u00eda: %(photo)s",
    "Site not named": "Zona sin nombre",
    "Sites": "Zonas",
    "Sites and counts": "Zonas y n\u00fameros",
    "Something went wrong (%(status)s); try again.": "Algo sali\u00f3 mal (%(status)s); int\u00e9ntelo de nuevo.",
    "Something went wrong; try again.": "Algo sali\u00f3 mal; int\u00e9ntelo de nuevo.",
    "Starting the camera\u2026": "Iniciando la c\u00e1mara\u2026",
    "Tags saved for the photo of %(date)s.": "Etiquetas guardadas para la foto del %(date)s.",
    "That day is after today in your account's time zone (%(zone)s): it cannot be logged yet.": "Ese d\u00eda es posterior a hoy en la zona horaria de su cuenta (%(zone)s): a\u00fan no se puede registrar.",
    "That passcode is not right: %(remaining)s try left before the link locks.": [
      "Ese c\u00f3digo no es correcto: queda %(remaining)s intento antes de que el enlace se bloquee.",
      "Ese c\u00f3digo no es correcto: quedan %(remaining)s intentos antes de que el enlace se bloquee."
    ],
    "The %(flaw)s photo is deleted. Take the new one, then press %(button)s.": "La foto (%(flaw)s) se ha borrado. Haga la nueva y luego pulse \u00ab%(button)s\u00bb.",
    "The code could not be sent; try again.": "No se pudo enviar el c\u00f3digo; int\u00e9ntelo de nuevo.",
    "The first date is after the last one: swap them.": "La primera fecha es posterior a la \u00faltima: invi\u00e9rtalas.",
    "The import failed (%(status)s); try again.": "La importaci\u00f3n fall\u00f3 (%(status)s); int\u00e9ntelo de nuevo.",
    "The import failed.": "La importaci\u00f3n fall\u00f3.",
    "The passkey did not work.": "La llave de acceso no funcion\u00f3.",
    "The patient's notes": "Notas del paciente",
    "The patient's own log. Not a diagnosis.": "El registro del propio paciente. No es un diagn\u00f3stico.",
    "The report could not be built; try again.": "No se pudo generar el informe; int\u00e9ntelo de nuevo.",
    "The report is ready.": "El informe est\u00e1 listo.",
    "The server did not accept a photo of this day": "El servidor no acept\u00f3 una foto de este d\u00eda",
    "The server did not accept this day": "El servidor no acept\u00f3 este d\u00eda",
    "The server did not accept this device (%(status)s).": "El servidor no acept\u00f3 este dispositivo (%(status)s).",
    "The server has a version this phone did not start from. Nothing was overwritten: choose what to keep.": "El servidor tiene una versi\u00f3n de la que este tel\u00e9fono no parti\u00f3. No se sobrescribi\u00f3 nada: elija qu\u00e9 conservar.",
    "The server said no (%(status)s).": "El servidor lo rechaz\u00f3 (%(status)s).",
    "The upload did not reach footlog; check the connection and try again.": "La subida no lleg\u00f3 a footlog; compruebe la conexi\u00f3n e int\u00e9ntelo de nuevo.",
    "These two are not the same kind of shot: compare like with like.": "Estas dos no son el mismo tipo de toma: compare fotos del mismo tipo.",
    "This browser cannot receive push notifications; email reminders still work.": "Este navegador no puede recibir notificaciones push; los recordatorios por correo siguen funcionando.",
    "This browser cannot use passkeys; sign in with your password instead.": "Este navegador no puede usar llaves de acceso; inicie sesi\u00f3n con su contrase\u00f1a.",
    "This day was changed elsewhere": "Este d\u00eda se cambi\u00f3 en otro lugar",
    "This link does not unlock its history: it may be incomplete. Open the whole link the patient sent, or scan the code again.": "Este enlace no desbloquea su historial: puede estar incompleto. Abra el enlace completo que envi\u00f3 el paciente o vuelva a escanear el c\u00f3digo.",
    "This link holds no history footlog can show.": "Este enlace no contiene ning\u00fan historial que footlog pueda mostrar.",
    "This link is incomplete. Open the whole link the patient sent, or scan the code again.": "Este enlace est\u00e1 incompleto. Abra el enlace completo que envi\u00f3 el paciente o vuelva a escanear el c\u00f3digo.",
    "This link is not available: it has expired, was withdrawn, or is mistyped. Ask the patient for a new link if you still need it.": "Este enlace no est\u00e1 disponible: ha caducado, se ha retirado o est\u00e1 mal escrito. Pida al paciente un enlace nuevo si a\u00fan lo necesita.",
    "This phone is on %(device)s time, your account on %(account)s. Days are dated in the account's zone.": "Este tel\u00e9fono est\u00e1 en la hora de %(device)s y su cuenta en %(account)s. Los d\u00edas se fechan en la zona de la cuenta.",
    "This phone's zone": "Zona de este tel\u00e9fono",
    "This photo looks %(flaw)s \u2014 retake?": "Esta foto se ve %(flaw)s \u2014 \u00bfrepetirla?",
    "This photo of %(site)s looks %(flaw)s \u2014 retake?": "Esta foto (%(site)s) se ve %(flaw)s \u2014 \u00bfrepetirla?",
    "This photo of the day looks %(flaw)s \u2014 retake?": "Esta foto del d\u00eda se ve %(flaw)s \u2014 \u00bfrepetirla?",
    "This viewer needs a secure connection (https): open the link exactly as it was sent.": "Este visor necesita una conexi\u00f3n segura (https): abra el enlace exactamente como se envi\u00f3.",
    "This viewer opens footlog's own links only; this one belongs to another service.": "Este visor solo abre enlaces de footlog; este pertenece a otro servicio.",
    "Those dates are not valid.": "Esas fechas no son v\u00e1lidas.",
    "Time to log today.": "Es hora de registrar el d\u00eda de hoy.",
    "Time zone": "Zona horaria",
    "Today": "Hoy",
    "Too many tries from here; wait a minute and try again.": "Demasiados intentos desde aqu\u00ed; espere un minuto e int\u00e9ntelo de nuevo.",
    "Too many tries; wait a minute.": "Demasiados intentos; espere un minuto.",
    "Unlocking on this device\u2026": "Desbloqueando en este dispositivo\u2026",
    "Uploaded; importing\u2026": "Subido; importando\u2026",
    "Uploading\u2026": "Subiendo\u2026",
    "Use %(device)s": "Usar %(device)s",
    "Use this phone's zone: %(zone)s": "Usar la zona de este tel\u00e9fono: %(zone)s",
    "Visit booked for %(date)s.": "Cita concertada para el %(date)s.",
    "Visited a dermatologist on %(date)s.": "Visita al dermat\u00f3logo el %(date)s.",
    "Visits, as the patient recorded them": "Consultas, tal como las registr\u00f3 el paciente",
    "Waiting for its turn\u2026": "Esperando su turno\u2026",
    "We sent a code to your email address. It works for 10 minutes.": "Le enviamos un c\u00f3digo a su direcci\u00f3n de correo. Vale durante 10 minutos.",
    "What you save is sent when you are back online.": "Lo que guarde se enviar\u00e1 cuando vuelva a tener conexi\u00f3n.",
    "Your changes on this page are not saved. Leave without saving them?": "Sus cambios en esta p\u00e1gina no est\u00e1n guardados. \u00bfSalir sin guardarlos?",
    "after photo at %(percent)s opacity": "foto de despu\u00e9s al %(percent)s de opacidad",
    "as of %(when)s": "a fecha de %(when)s",
    "bleeding": "sangrado",
    "bleeding at %(site)s": "sangrado en %(site)s",
    "blurred": "borrosa",
    "close-up": "primer plano",
    "coin or ruler in frame": "moneda o regla en la imagen",
    "dark": "oscura",
    "footlog answered with an error (%(status)s); try again later.": "footlog respondi\u00f3 con un error (%(status)s); int\u00e9ntelo m\u00e1s tarde.",
    "footlog could not be reached: check the connection and try again.": "No se pudo contactar con footlog: compruebe la conexi\u00f3n e int\u00e9ntelo de nuevo.",
    "footlog keeps days from the last five years.": "footlog guarda los d\u00edas de los \u00faltimos cinco a\u00f1os.",
    "footlog recovery codes: each works once.": "C\u00f3digos de recuperaci\u00f3n de footlog: cada uno sirve una vez.",
    "itch %(n)s": "picor %(n)s",
    "looked, none": "mirado, ninguno",
    "looks blurred": "se ve borrosa",
    "looks dark": "se ve oscura",
    "looks too bright": "se ve demasiado clara",
    "no spots": "ninguna zona",
    "not looked": "no mirado",
    "not sure": "no est\u00e1 seguro",
    "not tagged": "sin etiqueta",
    "note: %(note)s": "nota: %(note)s",
    "notes: %(notes)s": "notas: %(notes)s",
    "offline \u2014 showing what this phone last saw": "sin conexi\u00f3n \u2014 se muestra lo \u00faltimo que vio este tel\u00e9fono",
    "offline \u2014 this phone has no copy of this day": "sin conexi\u00f3n \u2014 este tel\u00e9fono no tiene copia de este d\u00eda",
    "overview": "vista general",
    "pain %(n)s": "dolor %(n)s",
    "pain %(n)s at %(site)s": "dolor %(n)s en %(site)s",
    "red flag": "se\u00f1al de alarma",
    "redness": "enrojecimiento",
    "routine %(done)s of %(total)s done": "rutina: %(done)s de %(total)s hechos",
    "routine not recorded": "rutina no registrada",
    "scale": "escala",
    "spreading": "extensi\u00f3n",
    "spreading at %(site)s": "extensi\u00f3n en %(site)s",
    "the %(date)s %(view)s": "%(view)s del %(date)s",
    "the last %(view)s": "%(view)s m\u00e1s reciente",
    "too bright": "demasiado clara"
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

