"""The catalogs' shared rows: the report, the timeline's reasons, mails and pushes, the share pages and the
words every page uses (see the package's docstring)."""

TABLE: dict[str, dict[str, object]] = {
    # --- visits, report cells ---
    "Visit booked for %(date)s": {"de": "Termin vereinbart für %(date)s", "es": "Cita concertada para el %(date)s"},
    "Visited a dermatologist on %(date)s": {
        "de": "Beim Dermatologen am %(date)s",
        "es": "Visita al dermatólogo el %(date)s",
    },
    "; plan: %(plan)s": {"de": "; Plan: %(plan)s", "es": "; plan: %(plan)s"},
    "; review on %(date)s": {"de": "; Kontrolle am %(date)s", "es": "; revisión el %(date)s"},
    "scale not noted": {"de": "Maßstab nicht angegeben", "es": "escala no indicada"},
    "scale in frame": {"de": "Maßstab im Bild", "es": "escala en la imagen"},
    "no scale": {"de": "kein Maßstab", "es": "sin escala"},
    "count not logged": {"de": "Anzahl nicht erfasst", "es": "número no registrado"},
    "none seen": {"de": "keine gesehen", "es": "ninguno visto"},
    ", largest %(mm)s mm": {"de": ", größtes %(mm)s mm", "es": ", el mayor %(mm)s mm"},
    "%(n)s bump": {"de": ["%(n)s Knötchen", "%(n)s Knötchen"], "es": ["%(n)s bulto", "%(n)s bultos"]},
    "Baseline, before this period": {
        "de": "Ausgangsbild, vor diesem Zeitraum",
        "es": "Referencia, anterior a este periodo",
    },
    "Baseline": {"de": "Ausgangsbild", "es": "Referencia"},
    "Middle": {"de": "Mitte", "es": "Intermedia"},
    "Latest": {"de": "Neuestes", "es": "Última"},
    "the patient": {"de": "der Patientin / des Patienten", "es": "el paciente"},
    "%(before)s → %(after)s at %(site)s": {
        "de": "%(before)s → %(after)s an %(site)s",
        "es": "%(before)s → %(after)s en %(site)s",
    },
    "; since then: %(since)s": {"de": "; seitdem: %(since)s", "es": "; desde entonces: %(since)s"},
    "pain %(pain)s/10": {"de": "Schmerz %(pain)s/10", "es": "dolor %(pain)s/10"},
    "redness": {"de": "Rötung", "es": "enrojecimiento"},
    " with ": {"de": " mit ", "es": " con "},
    "noted": {"de": "vermerkt", "es": "anotado"},
    "%(site)s: %(what)s on %(date)s": {"de": "%(site)s: %(what)s am %(date)s", "es": "%(site)s: %(what)s el %(date)s"},
    "Earlier red flags: %(days)s, latest %(date)s": {
        "de": "Frühere Warnzeichen: %(days)s, zuletzt %(date)s",
        "es": "Señales de alarma anteriores: %(days)s, la última el %(date)s",
    },
    # --- care ---
    "care routine kept %(rate)s of what was planned": {
        "de": "Pflegeroutine zu %(rate)s wie geplant eingehalten",
        "es": "rutina de cuidado cumplida en un %(rate)s de lo previsto",
    },
    "no care step with a weekly target was recorded": {
        "de": "kein Pflegeschritt mit Wochenziel erfasst",
        "es": "no se registró ningún paso de cuidado con objetivo semanal",
    },
    "routine not recorded": {"de": "Routine nicht erfasst", "es": "rutina no registrada"},
    # --- reasons (the timeline's wording table) ---
    " (as of %(date)s, when it was last checked)": {
        "de": " (Stand %(date)s, als zuletzt nachgesehen wurde)",
        "es": " (a fecha de %(date)s, la última revisión)",
    },
    "Bumps at %(site)s on %(present)s of %(checked)s checks since %(start)s, over %(span)s days to %(last)s (few checks: the picture may be incomplete)%(as_of)s": {
        "de": "Knötchen an %(site)s bei %(present)s von %(checked)s Kontrollen seit %(start)s, über %(span)s Tage bis %(last)s (wenige Kontrollen: das Bild kann unvollständig sein)%(as_of)s",
        "es": "Bultos en %(site)s en %(present)s de %(checked)s revisiones desde el %(start)s, durante %(span)s días hasta el %(last)s (pocas revisiones: la imagen puede estar incompleta)%(as_of)s",
    },
    "Bumps were logged at %(site)s on %(present)s of %(checked)s checked days from %(start)s to %(last)s (%(span)s days)%(as_of)s": {
        "de": "Knötchen wurden an %(site)s an %(present)s von %(checked)s kontrollierten Tagen vom %(start)s bis %(last)s erfasst (%(span)s Tage)%(as_of)s",
        "es": "Se registraron bultos en %(site)s en %(present)s de %(checked)s días revisados del %(start)s al %(last)s (%(span)s días)%(as_of)s",
    },
    "%(seen)s; they had cleared and come back %(n)s time since %(first)s": {
        "de": [
            "%(seen)s; sie waren abgeklungen und seit %(first)s %(n)s-mal wiedergekommen",
            "%(seen)s; sie waren abgeklungen und seit %(first)s %(n)s-mal wiedergekommen",
        ],
        "es": [
            "%(seen)s; habían desaparecido y vuelto %(n)s vez desde el %(first)s",
            "%(seen)s; habían desaparecido y vuelto %(n)s veces desde el %(first)s",
        ],
    },
    "%(seen)s, despite home care (%(care)s). %(advice)s": {
        "de": "%(seen)s, trotz Pflege zu Hause (%(care)s). %(advice)s",
        "es": "%(seen)s, a pesar del cuidado en casa (%(care)s). %(advice)s",
    },
    ", and counts fell over the last %(days)s days": {
        "de": ", und die Anzahl sank in den letzten %(days)s Tagen",
        "es": ", y el número bajó en los últimos %(days)s días",
    },
    "%(seen)s; %(care)s%(falling)s. %(advice)s": {
        "de": "%(seen)s; %(care)s%(falling)s. %(advice)s",
        "es": "%(seen)s; %(care)s%(falling)s. %(advice)s",
    },
    "; the largest size from %(first)s to %(last)s mm": {
        "de": "; die größte Größe von %(first)s auf %(last)s mm",
        "es": "; el mayor tamaño de %(first)s a %(last)s mm",
    },
    "the count went from about %(first)s to about %(last)s": {
        "de": "die Anzahl stieg von etwa %(first)s auf etwa %(last)s",
        "es": "el número pasó de unos %(first)s a unos %(last)s",
    },
    "the count stayed about %(last)s": {
        "de": "die Anzahl blieb bei etwa %(last)s",
        "es": "el número se mantuvo en unos %(last)s",
    },
    "Rising at %(site)s over the last %(days)s days of logging up to %(last)s: %(counts)s (%(checks)s checks)%(sizes)s%(as_of)s. %(advice)s": {
        "de": "Zunahme an %(site)s in den letzten %(days)s erfassten Tagen bis %(last)s: %(counts)s (%(checks)s Kontrollen)%(sizes)s%(as_of)s. %(advice)s",
        "es": "Aumento en %(site)s en los últimos %(days)s días registrados hasta el %(last)s: %(counts)s (%(checks)s revisiones)%(sizes)s%(as_of)s. %(advice)s",
    },
    "Pain was logged at %(site)s %(days)s": {
        "de": "Schmerz wurde an %(site)s %(days)s erfasst",
        "es": "Se registró dolor en %(site)s %(days)s",
    },
    "Redness was logged at %(site)s %(days)s": {
        "de": "Rötung wurde an %(site)s %(days)s erfasst",
        "es": "Se registró enrojecimiento en %(site)s %(days)s",
    },
    "Bleeding was logged at %(site)s %(days)s": {
        "de": "Blutung wurde an %(site)s %(days)s erfasst",
        "es": "Se registró sangrado en %(site)s %(days)s",
    },
    "Spreading was marked at %(site)s %(days)s": {
        "de": "Ausbreitung wurde an %(site)s %(days)s markiert",
        "es": "Se marcó extensión en %(site)s %(days)s",
    },
    "Fast change was seen at %(site)s %(days)s": {
        "de": "Schnelle Veränderung wurde an %(site)s %(days)s gesehen",
        "es": "Se vio un cambio rápido en %(site)s %(days)s",
    },
    "%(text)s (pain %(values)s out of 10)": {
        "de": "%(text)s (Schmerz %(values)s von 10)",
        "es": "%(text)s (dolor %(values)s de 10)",
    },
    "%(text)s: %(detail)s": {"de": "%(text)s: %(detail)s", "es": "%(text)s: %(detail)s"},
    "%(flag)s. %(advice)s": {"de": "%(flag)s. %(advice)s", "es": "%(flag)s. %(advice)s"},
    "%(flag)s, %(days)s days before %(end)s. %(advice)s": {
        "de": "%(flag)s, %(days)s Tage vor dem %(end)s. %(advice)s",
        "es": "%(flag)s, %(days)s días antes del %(end)s. %(advice)s",
    },
    "Pain %(pain)s out of 10 and redness": {
        "de": "Schmerz %(pain)s von 10 und Rötung",
        "es": "Dolor %(pain)s de 10 y enrojecimiento",
    },
    "Pain %(pain)s out of 10": {"de": "Schmerz %(pain)s von 10", "es": "Dolor %(pain)s de 10"},
    "Redness": {"de": "Rötung", "es": "Enrojecimiento"},
    "%(what)s was logged at %(site)s on %(date)s, on one day only. %(advice)s": {
        "de": "%(what)s wurde an %(site)s am %(date)s erfasst, nur an einem Tag. %(advice)s",
        "es": "%(what)s se registró en %(site)s el %(date)s, solo un día. %(advice)s",
    },
    "Itch of %(min)s or more was logged at %(site)s %(days)s (itch %(scores)s out of 10). %(advice)s": {
        "de": "Juckreiz von %(min)s oder mehr wurde an %(site)s %(days)s erfasst (Juckreiz %(scores)s von 10). %(advice)s",
        "es": "Se registró picor de %(min)s o más en %(site)s %(days)s (picor %(scores)s de 10). %(advice)s",
    },
    "Bumps were logged at %(site)s from %(start)s, after %(clear)s clear checks there, while bumps at %(others)s were still logged. %(advice)s": {
        "de": "Knötchen wurden an %(site)s ab %(start)s erfasst, nach %(clear)s Kontrollen ohne Befund dort, während an %(others)s weiter Knötchen erfasst wurden. %(advice)s",
        "es": "Se registraron bultos en %(site)s desde el %(start)s, tras %(clear)s revisiones sin bultos allí, mientras seguían registrándose bultos en %(others)s. %(advice)s",
    },
    '"%(step)s" was first marked on %(date)s, %(n)s day before bumps were logged at %(site)s (from %(start)s). Worth mentioning at a visit.': {
        "de": [
            "„%(step)s“ wurde erstmals am %(date)s markiert, %(n)s Tag bevor an %(site)s Knötchen erfasst wurden (ab %(start)s). Beim Termin erwähnenswert.",
            "„%(step)s“ wurde erstmals am %(date)s markiert, %(n)s Tage bevor an %(site)s Knötchen erfasst wurden (ab %(start)s). Beim Termin erwähnenswert.",
        ],
        "es": [
            "«%(step)s» se marcó por primera vez el %(date)s, %(n)s día antes de que se registraran bultos en %(site)s (desde el %(start)s). Vale la pena mencionarlo en la consulta.",
            "«%(step)s» se marcó por primera vez el %(date)s, %(n)s días antes de que se registraran bultos en %(site)s (desde el %(start)s). Vale la pena mencionarlo en la consulta.",
        ],
    },
    "%(site)s has not been checked since %(last)s (bumps last logged there on %(bumps)s); nothing is known about it after that.": {
        "de": "%(site)s wurde seit %(last)s nicht kontrolliert (Knötchen dort zuletzt am %(bumps)s erfasst); danach ist nichts bekannt.",
        "es": "%(site)s no se ha revisado desde el %(last)s (bultos registrados allí por última vez el %(bumps)s); no se sabe nada después.",
    },
    ", last entry %(date)s": {"de": ", letzter Eintrag %(date)s", "es": ", última entrada el %(date)s"},
    "%(logged)s of %(window)s days logged%(last)s. Days not logged are unknown, so this reading rests on little evidence.": {
        "de": "%(logged)s von %(window)s Tagen erfasst%(last)s. Nicht erfasste Tage sind unbekannt, daher beruht diese Einschätzung auf wenigen Angaben.",
        "es": "%(logged)s de %(window)s días registrados%(last)s. Los días sin registro son desconocidos, así que esta lectura se basa en pocos datos.",
    },
    "Bumps at %(site)s came back on %(start)s after a clear spell (clear %(span)s, %(n)s clear checks)%(as_of)s. %(advice)s": {
        "de": "Knötchen an %(site)s kamen am %(start)s nach einer Zeit ohne Befund wieder (ohne Befund %(span)s, %(n)s Kontrollen)%(as_of)s. %(advice)s",
        "es": "Los bultos en %(site)s volvieron el %(start)s tras un periodo sin bultos (sin bultos %(span)s, %(n)s revisiones)%(as_of)s. %(advice)s",
    },
    "%(value)s mm at %(site)s on %(date)s on one day only (usually about %(usual)s mm there): read with care.": {
        "de": "%(value)s mm an %(site)s am %(date)s, nur an einem Tag (dort sonst etwa %(usual)s mm): mit Vorsicht lesen.",
        "es": "%(value)s mm en %(site)s el %(date)s, solo un día (allí suele ser unos %(usual)s mm): léase con cautela.",
    },
    "%(value)s bumps at %(site)s on %(date)s on one day only (usually about %(usual)s there): read with care.": {
        "de": "%(value)s Knötchen an %(site)s am %(date)s, nur an einem Tag (dort sonst etwa %(usual)s): mit Vorsicht lesen.",
        "es": "%(value)s bultos en %(site)s el %(date)s, solo un día (allí suelen ser unos %(usual)s): léase con cautela.",
    },
    " (plan: %(plan)s)": {"de": " (Plan: %(plan)s)", "es": " (plan: %(plan)s)"},
    "Seen by a dermatologist on %(date)s%(plan)s%(since)s.": {
        "de": "Am %(date)s von einem Dermatologen gesehen%(plan)s%(since)s.",
        "es": "Visto por un dermatólogo el %(date)s%(plan)s%(since)s.",
    },
    "%(flag)s, before the visit on %(date)s.": {
        "de": "%(flag)s, vor dem Termin am %(date)s.",
        "es": "%(flag)s, antes de la consulta del %(date)s.",
    },
    "; bumps were logged since at %(sites)s": {
        "de": "; seitdem wurden Knötchen erfasst an %(sites)s",
        "es": "; desde entonces se registraron bultos en %(sites)s",
    },
    "Review date reached: %(review)s, set at the visit on %(date)s%(where)s. %(advice)s": {
        "de": "Kontrolltermin erreicht: %(review)s, festgelegt beim Termin am %(date)s%(where)s. %(advice)s",
        "es": "Fecha de revisión alcanzada: %(review)s, fijada en la consulta del %(date)s%(where)s. %(advice)s",
    },
    "Since the visit on %(date)s the count at %(site)s went %(before)s → %(after)s over %(checks)s checks. %(advice)s": {
        "de": "Seit dem Termin am %(date)s ging die Anzahl an %(site)s über %(checks)s Kontrollen von %(before)s → %(after)s. %(advice)s",
        "es": "Desde la consulta del %(date)s el número en %(site)s pasó de %(before)s → %(after)s en %(checks)s revisiones. %(advice)s",
    },
    "Bumps were logged at %(site)s from %(start)s, after the visit on %(date)s. %(advice)s": {
        "de": "Knötchen wurden an %(site)s ab %(start)s erfasst, nach dem Termin am %(date)s. %(advice)s",
        "es": "Se registraron bultos en %(site)s desde el %(start)s, después de la consulta del %(date)s. %(advice)s",
    },
    "A visit is booked for %(date)s: bring this log to it.": {
        "de": "Ein Termin ist für %(date)s vereinbart: Bringen Sie dieses Protokoll mit.",
        "es": "Hay una cita concertada para el %(date)s: lleve este registro.",
    },
    "the largest size %(first)s → %(last)s mm": {
        "de": "die größte Größe %(first)s → %(last)s mm",
        "es": "el mayor tamaño %(first)s → %(last)s mm",
    },
    "the count %(first)s → %(last)s": {"de": "die Anzahl %(first)s → %(last)s", "es": "el número %(first)s → %(last)s"},
    "%(what)s across %(n)s checks": {"de": "%(what)s über %(n)s Kontrollen", "es": "%(what)s en %(n)s revisiones"},
    "%(what)s in %(n)s day, %(span)s": {
        "de": ["%(what)s in %(n)s Tag, %(span)s", "%(what)s in %(n)s Tagen, %(span)s"],
        "es": ["%(what)s en %(n)s día, %(span)s", "%(what)s en %(n)s días, %(span)s"],
    },
    # --- levels: "Seek care promptly." and "Consider booking a visit" with equal force (imperative, formal) ---
    "Seek care promptly.": {
        "de": "Lassen Sie sich umgehend ärztlich untersuchen.",
        "es": "Busque atención médica sin demora.",
    },
    "Nothing in your log suggests booking a visit now.": {
        "de": "Nichts in Ihrem Protokoll spricht derzeit für einen Termin.",
        "es": "Nada en su registro sugiere pedir cita por ahora.",
    },
    "Nothing in the patient's log suggests booking a visit now.": {
        "de": "Nichts im Protokoll spricht derzeit für einen Termin.",
        "es": "Nada en el registro del paciente sugiere pedir cita por ahora.",
    },
    "Worth mentioning to a dermatologist; keep logging.": {
        "de": "Erwähnenswert bei einem Dermatologen; führen Sie das Protokoll weiter.",
        "es": "Vale la pena comentarlo con un dermatólogo; siga registrando.",
    },
    "Consider booking a visit with a dermatologist.": {
        "de": "Erwägen Sie einen Termin bei einem Dermatologen.",
        "es": "Considere pedir cita con un dermatólogo.",
    },
    "Seen by a dermatologist on %(date)s; nothing logged since suggests booking again.": {
        "de": "Am %(date)s von einem Dermatologen gesehen; nichts seitdem Erfasste spricht für einen neuen Termin.",
        "es": "Visto por un dermatólogo el %(date)s; nada registrado desde entonces sugiere pedir otra cita.",
    },
    # --- sites ---
    "Left toes": {"de": "Linke Zehen", "es": "Dedos del pie izquierdo"},
    "Left top of foot": {"de": "Linker Fußrücken", "es": "Empeine izquierdo"},
    "Left sole": {"de": "Linke Fußsohle", "es": "Planta izquierda"},
    "Left heel": {"de": "Linke Ferse", "es": "Talón izquierdo"},
    "Left inner ankle": {"de": "Linker Innenknöchel", "es": "Tobillo interno izquierdo"},
    "Left outer ankle": {"de": "Linker Außenknöchel", "es": "Tobillo externo izquierdo"},
    "Right toes": {"de": "Rechte Zehen", "es": "Dedos del pie derecho"},
    "Right top of foot": {"de": "Rechter Fußrücken", "es": "Empeine derecho"},
    "Right sole": {"de": "Rechte Fußsohle", "es": "Planta derecha"},
    "Right heel": {"de": "Rechte Ferse", "es": "Talón derecho"},
    "Right inner ankle": {"de": "Rechter Innenknöchel", "es": "Tobillo interno derecho"},
    "Right outer ankle": {"de": "Rechter Außenknöchel", "es": "Tobillo externo derecho"},
    "the toes of both feet": {"de": "den Zehen beider Füße", "es": "los dedos de ambos pies"},
    "the top of both feet": {"de": "beiden Fußrücken", "es": "ambos empeines"},
    "both soles": {"de": "beiden Fußsohlen", "es": "ambas plantas"},
    "both heels": {"de": "beiden Fersen", "es": "ambos talones"},
    "both inner ankles": {"de": "beiden Innenknöcheln", "es": "ambos tobillos internos"},
    "both outer ankles": {"de": "beiden Außenknöcheln", "es": "ambos tobillos externos"},
    # --- built-in routine steps ---
    "Washed with mild soap, patted dry": {
        "de": "Mit milder Seife gewaschen, trocken getupft",
        "es": "Lavado con jabón suave, secado a toques",
    },
    "Gentle exfoliation": {"de": "Sanftes Peeling", "es": "Exfoliación suave"},
    "Moisturiser or oil after washing": {
        "de": "Feuchtigkeitscreme oder Öl nach dem Waschen",
        "es": "Crema hidratante o aceite tras el lavado",
    },
    "Clean socks": {"de": "Saubere Socken", "es": "Calcetines limpios"},
    "Sunscreen SPF 15+ on exposed ankles": {
        "de": "Sonnenschutz LSF 15+ auf unbedeckten Knöcheln",
        "es": "Protector solar FPS 15+ en tobillos expuestos",
    },
    "Well-fitting, breathable footwear": {
        "de": "Gut sitzende, atmungsaktive Schuhe",
        "es": "Calzado cómodo y transpirable",
    },
    "Tight or rubbing shoes": {"de": "Enge oder scheuernde Schuhe", "es": "Zapatos estrechos o que rozan"},
    "New product on the feet": {"de": "Neues Produkt an den Füßen", "es": "Producto nuevo en los pies"},
    "Long sun exposure": {"de": "Lange Sonneneinstrahlung", "es": "Exposición prolongada al sol"},
    # --- small phrases ---
    "on %(date)s": {"de": "am %(date)s", "es": "el %(date)s"},
    "on %(n)s days from %(first)s to %(last)s": {
        "de": "an %(n)s Tagen vom %(first)s bis %(last)s",
        "es": "en %(n)s días del %(first)s al %(last)s",
    },
    "pain": {"de": "Schmerz", "es": "dolor"},
    "bleeding": {"de": "Blutung", "es": "sangrado"},
    "spreading": {"de": "Ausbreitung", "es": "extensión"},
    "fast change": {"de": "schnelle Veränderung", "es": "cambio rápido"},
    "%(date)s, %(site)s: %(what)s": {"de": "%(date)s, %(site)s: %(what)s", "es": "%(date)s, %(site)s: %(what)s"},
    "%(logged)s of %(window)s days logged; last entry %(last)s": {
        "de": "%(logged)s von %(window)s Tagen erfasst; letzter Eintrag %(last)s",
        "es": "%(logged)s de %(window)s días registrados; última entrada el %(last)s",
    },
    "%(logged)s of %(window)s days logged": {
        "de": "%(logged)s von %(window)s Tagen erfasst",
        "es": "%(logged)s de %(window)s días registrados",
    },
    "Only %(logged)s of %(window)s days were logged. Days not logged are unknown, so this reading rests on little evidence.": {
        "de": "Nur %(logged)s von %(window)s Tagen wurden erfasst. Nicht erfasste Tage sind unbekannt, daher beruht diese Einschätzung auf wenigen Angaben.",
        "es": "Solo se registraron %(logged)s de %(window)s días. Los días sin registro son desconocidos, así que esta lectura se basa en pocos datos.",
    },
    "%(rate)s of the planned care done": {
        "de": "%(rate)s der geplanten Pflege erledigt",
        "es": "%(rate)s del cuidado previsto realizado",
    },
    "not checked in this period": {"de": "in diesem Zeitraum nicht kontrolliert", "es": "no revisado en este periodo"},
    "not checked since %(date)s": {"de": "seit %(date)s nicht kontrolliert", "es": "no revisado desde el %(date)s"},
    # --- pages ---
    "Language": {"de": "Sprache", "es": "Idioma"},
    "Change": {"de": "Ändern", "es": "Cambiar"},
    "Sign In": {"de": "Anmelden", "es": "Iniciar sesión"},
    "If you have not created an account yet, then please %(link)ssign up%(end_link)s first.": {
        "de": "Falls Sie noch kein Konto haben, %(link)sregistrieren Sie sich%(end_link)s bitte zuerst.",
        "es": "Si todavía no tiene una cuenta, %(link)sregístrese%(end_link)s primero.",
    },
    "Sign in with a passkey": {"de": "Mit einem Passkey anmelden", "es": "Iniciar sesión con una llave de acceso"},
    "Privacy and your data": {"de": "Datenschutz und Ihre Daten", "es": "Privacidad y sus datos"},
    # --- the report ---
    "Skin bumps on the feet and ankles: the patient's own log": {
        "de": "Hautknötchen an Füßen und Knöcheln: das eigene Protokoll der Patientin / des Patienten",
        "es": "Bultos en la piel de pies y tobillos: el registro del propio paciente",
    },
    "Log of %(name)s": {"de": "Protokoll von %(name)s", "es": "registro de %(name)s"},
    "%(days)s day": {"de": ["%(days)s Tag", "%(days)s Tage"], "es": ["%(days)s día", "%(days)s días"]},
    "generated": {"de": "erstellt", "es": "generado"},
    "Recorded by the patient in footlog. Not a diagnosis: footlog shows what was logged and when to consider a visit.": {
        "de": "Von der Patientin / dem Patienten in footlog erfasst. Keine Diagnose: footlog zeigt, was erfasst wurde und wann ein Termin zu erwägen ist.",
        "es": "Registrado por el paciente en footlog. No es un diagnóstico: footlog muestra lo registrado y cuándo considerar una consulta.",
    },
    "Where, since when, how many, how big, changing?": {
        "de": "Wo, seit wann, wie viele, wie groß, verändert?",
        "es": "¿Dónde, desde cuándo, cuántos, de qué tamaño, cambian?",
    },
    "Site (side)": {"de": "Stelle (Seite)", "es": "Zona (lado)"},
    "Since": {"de": "Seit", "es": "Desde"},
    "Counts (last 28 days) · peak": {
        "de": "Anzahl (letzte 28 Tage) · Höchstwert",
        "es": "Número (últimos 28 días) · máximo",
    },
    "Largest": {"de": "Größtes", "es": "El mayor"},
    "Itch / pain (worst)": {"de": "Juckreiz / Schmerz (stärkster)", "es": "Picor / dolor (peor)"},
    "Changing? · latest": {"de": "Veränderung? · zuletzt", "es": "¿Cambia? · último"},
    "%(n)s earlier clear spell, came back": {
        "de": ["%(n)s frühere Zeit ohne Befund, wiedergekommen", "%(n)s frühere Zeiten ohne Befund, wiedergekommen"],
        "es": ["%(n)s periodo anterior sin bultos, volvieron", "%(n)s periodos anteriores sin bultos, volvieron"],
    },
    "noticed:": {"de": "bemerkt:", "es": "notado:"},
    "first logged": {"de": "zuerst erfasst", "es": "registrado por primera vez"},
    "this spell": {"de": "diese Phase", "es": "este periodo"},
    "last checked": {"de": "zuletzt kontrolliert", "es": "última revisión"},
    "peak": {"de": "Höchstwert", "es": "máximo"},
    "itch": {"de": "Juckreiz", "es": "picor"},
    "none logged": {"de": "nichts erfasst", "es": "nada registrado"},
    "latest:": {"de": "zuletzt:", "es": "último:"},
    "In the patient's words": {"de": "In den Worten der Patientin / des Patienten", "es": "En palabras del paciente"},
    "%(n)s earlier in the daily log": {
        "de": ["%(n)s frühere im Tagesprotokoll", "%(n)s frühere im Tagesprotokoll"],
        "es": ["%(n)s anterior en el registro diario", "%(n)s anteriores en el registro diario"],
    },
    "No site was checked in this range.": {
        "de": "In diesem Zeitraum wurde keine Stelle kontrolliert.",
        "es": "No se revisó ninguna zona en este periodo.",
    },
    "No site with bumps in this range.": {
        "de": "Keine Stelle mit Knötchen in diesem Zeitraum.",
        "es": "Ninguna zona con bultos en este periodo.",
    },
    "Red flags": {"de": "Warnzeichen", "es": "Señales de alarma"},
    "Site": {"de": "Stelle", "es": "Zona"},
    "Red flag, days": {"de": "Warnzeichen, Tage", "es": "Señal de alarma, días"},
    "%(n)s dated event, listed on a later page.": {
        "de": [
            "%(n)s datiertes Ereignis, auf einer späteren Seite aufgeführt.",
            "%(n)s datierte Ereignisse, jedes auf einer späteren Seite aufgeführt.",
        ],
        "es": [
            "%(n)s suceso fechado, listado en una página posterior.",
            "%(n)s sucesos fechados, cada uno listado en una página posterior.",
        ],
    },
    "None logged in this range (bleeding, spreading, pain, redness, fast change).": {
        "de": "Keine in diesem Zeitraum erfasst (Blutung, Ausbreitung, Schmerz, Rötung, schnelle Veränderung).",
        "es": "Ninguna registrada en este periodo (sangrado, extensión, dolor, enrojecimiento, cambio rápido).",
    },
    "Slight, one-day symptoms (noted, below the red-flag rules):": {
        "de": "Leichte Beschwerden an einem Tag (vermerkt, unterhalb der Warnzeichen-Regeln):",
        "es": "Síntomas leves de un solo día (anotados, por debajo de las reglas de alarma):",
    },
    "What was tried, and how faithfully": {
        "de": "Was versucht wurde, und wie konsequent",
        "es": "Qué se probó, y con qué constancia",
    },
    "Care step": {"de": "Pflegeschritt", "es": "Paso de cuidado"},
    "Done / recorded days": {"de": "Erledigt / erfasste Tage", "es": "Hecho / días registrados"},
    "Planned": {"de": "Geplant", "es": "Previsto"},
    "Against plan": {"de": "Gegenüber Plan", "es": "Frente a lo previsto"},
    "Care overall:": {"de": "Pflege insgesamt:", "es": "Cuidado en general:"},
    "Care overall: %(care)s in this range.": {
        "de": "Pflege insgesamt: %(care)s in diesem Zeitraum.",
        "es": "Cuidado en general: %(care)s en este periodo.",
    },
    "Exposures logged": {"de": "Erfasste Einflüsse", "es": "Exposiciones registradas"},
    "(worth mentioning, not a cause):": {
        "de": "(erwähnenswert, keine Ursache):",
        "es": "(vale la pena mencionarlas, no son una causa):",
    },
    "%(label)s from %(first)s (%(days)s day: %(dates)s)": {
        "de": ["%(label)s ab %(first)s (%(days)s Tag: %(dates)s)", "%(label)s ab %(first)s (%(days)s Tage: %(dates)s)"],
        "es": [
            "%(label)s desde el %(first)s (%(days)s día: %(dates)s)",
            "%(label)s desde el %(first)s (%(days)s días: %(dates)s)",
        ],
    },
    "Settings changed by the patient:": {
        "de": "Von der Patientin / dem Patienten geänderte Einstellungen:",
        "es": "Ajustes cambiados por el paciente:",
    },
    "Recommendation: the reasons": {"de": "Empfehlung: die Gründe", "es": "Recomendación: los motivos"},
    "No rule was met in this range.": {
        "de": "In diesem Zeitraum traf keine Regel zu.",
        "es": "No se cumplió ninguna regla en este periodo.",
    },
    "Notes, in the patient's words": {
        "de": "Notizen, in den Worten der Patientin / des Patienten",
        "es": "Notas, en palabras del paciente",
    },
    "%(n)s more on a later page.": {
        "de": ["%(n)s weitere auf einer späteren Seite.", "%(n)s weitere auf einer späteren Seite."],
        "es": ["%(n)s más en una página posterior.", "%(n)s más en una página posterior."],
    },
    "In full on a later page.": {
        "de": "Vollständig auf einer späteren Seite.",
        "es": "Completas en una página posterior.",
    },
    "Questions for the visit": {"de": "Fragen für den Termin", "es": "Preguntas para la consulta"},
    "None written down.": {"de": "Keine notiert.", "es": "Ninguna anotada."},
    "Timeline": {"de": "Verlauf", "es": "Evolución"},
    "Red flags, every event": {"de": "Warnzeichen, jedes Ereignis", "es": "Señales de alarma, cada suceso"},
    "Date": {"de": "Datum", "es": "Fecha"},
    "Red flag": {"de": "Warnzeichen", "es": "Señal de alarma"},
    "Score": {"de": "Wert", "es": "Valor"},
    "yes": {"de": "ja", "es": "sí"},
    "Notes in full, in the patient's words": {
        "de": "Notizen vollständig, in den Worten der Patientin / des Patienten",
        "es": "Notas completas, en palabras del paciente",
    },
    "Questions in full": {"de": "Fragen vollständig", "es": "Preguntas completas"},
    "Photos: baseline, middle and latest per site and view": {
        "de": "Fotos: Ausgangsbild, Mitte und neuestes je Stelle und Ansicht",
        "es": "Fotos: referencia, intermedia y última por zona y vista",
    },
    "Each row is one kind of shot of one site, at the same size whatever its orientation; the baseline is the site's first photo of that kind, even when taken before this period.": {
        "de": "Jede Zeile ist eine Aufnahmeart einer Stelle, gleich groß in jeder Ausrichtung; das Ausgangsbild ist das erste Foto dieser Art der Stelle, auch wenn es vor diesem Zeitraum entstand.",
        "es": "Cada fila es un tipo de toma de una zona, al mismo tamaño sea cual sea su orientación; la referencia es la primera foto de ese tipo de la zona, aunque sea anterior a este periodo.",
    },
    "%(shown)s of %(total)s photo shown": {
        "de": ["%(shown)s von %(total)s Foto gezeigt", "%(shown)s von %(total)s Fotos gezeigt"],
        "es": ["%(shown)s de %(total)s foto mostrada", "%(shown)s de %(total)s fotos mostradas"],
    },
    "Photos without a site": {"de": "Fotos ohne Stelle", "es": "Fotos sin zona"},
    "Photo without a site": {"de": "Foto ohne Stelle", "es": "Foto sin zona"},
    "%(n)s earlier photo without a site not shown.": {
        "de": ["%(n)s früheres Foto ohne Stelle nicht gezeigt.", "%(n)s frühere Fotos ohne Stelle nicht gezeigt."],
        "es": ["%(n)s foto anterior sin zona no mostrada.", "%(n)s fotos anteriores sin zona no mostradas."],
    },
    "No photos in this range.": {"de": "Keine Fotos in diesem Zeitraum.", "es": "No hay fotos en este periodo."},
    "Daily log": {"de": "Tagesprotokoll", "es": "Registro diario"},
    "no site checked": {"de": "keine Stelle kontrolliert", "es": "ninguna zona revisada"},
    "care:": {"de": "Pflege:", "es": "cuidado:"},
    "exposure:": {"de": "Einfluss:", "es": "exposición:"},
    "No days logged in this range.": {
        "de": "Keine Tage in diesem Zeitraum erfasst.",
        "es": "No hay días registrados en este periodo.",
    },
    "footlog report": {"de": "footlog-Bericht", "es": "informe de footlog"},
    "Generated": {"de": "Erstellt", "es": "Generado"},
    "Not a diagnosis: the patient's own log, summarised by footlog.": {
        "de": "Keine Diagnose: das eigene Protokoll der Patientin / des Patienten, von footlog zusammengefasst.",
        "es": "No es un diagnóstico: el registro del propio paciente, resumido por footlog.",
    },
    "Page": {"de": "Seite", "es": "Página"},
    "of": {"de": "von", "es": "de"},
    # --- the report's findings table ---
    "clear now": {"de": "jetzt ohne Befund", "es": "sin bultos ahora"},
    "new": {"de": "neu", "es": "nuevo"},
    "improving": {"de": "bessert sich", "es": "mejorando"},
    "persisting": {"de": "anhaltend", "es": "persistente"},
    "worsening": {"de": "nimmt zu", "es": "empeorando"},
    "not checked recently": {"de": "zuletzt nicht kontrolliert", "es": "sin revisar recientemente"},
    "rising": {"de": "steigend", "es": "en aumento"},
    "falling": {"de": "fallend", "es": "en descenso"},
    "steady": {"de": "gleichbleibend", "es": "estable"},
    "consider a visit after (days)": {"de": "Termin erwägen nach (Tagen)", "es": "considerar una consulta tras (días)"},
    "book a visit after (days)": {"de": "Termin vereinbaren nach (Tagen)", "es": "pedir cita tras (días)"},
    "share of checked days with bumps": {
        "de": "Anteil kontrollierter Tage mit Knötchen",
        "es": "proporción de días revisados con bultos",
    },
    "checked days needed": {"de": "nötige kontrollierte Tage", "es": "días revisados necesarios"},
    "care counted as faithful from": {"de": "Pflege gilt als konsequent ab", "es": "cuidado constante a partir de"},
    "trend window (days)": {"de": "Zeitfenster für den Trend (Tage)", "es": "ventana de tendencia (días)"},
    "change in count that counts": {"de": "zählende Änderung der Anzahl", "es": "cambio de número que cuenta"},
    "change in size that counts (mm)": {
        "de": "zählende Änderung der Größe (mm)",
        "es": "cambio de tamaño que cuenta (mm)",
    },
    "bumps %(span)s": {"de": "Knötchen %(span)s", "es": "bultos %(span)s"},
    "%(value)s mm on %(date)s only (usual %(usual)s mm)": {
        "de": "%(value)s mm nur am %(date)s (sonst %(usual)s mm)",
        "es": "%(value)s mm solo el %(date)s (lo habitual %(usual)s mm)",
    },
    "%(value)s bump on %(date)s only (usual %(usual)s)": {
        "de": [
            "%(value)s Knötchen nur am %(date)s (sonst %(usual)s)",
            "%(value)s Knötchen nur am %(date)s (sonst %(usual)s)",
        ],
        "es": [
            "%(value)s bulto solo el %(date)s (lo habitual %(usual)s)",
            "%(value)s bultos solo el %(date)s (lo habitual %(usual)s)",
        ],
    },
    "not checked since %(date)s (%(n)s then)": {
        "de": "seit %(date)s nicht kontrolliert (damals %(n)s)",
        "es": "sin revisar desde el %(date)s (entonces %(n)s)",
    },
    " (last checked %(date)s)": {"de": " (zuletzt kontrolliert %(date)s)", "es": " (última revisión el %(date)s)"},
    "none since %(date)s": {"de": "keine seit %(date)s", "es": "ninguno desde el %(date)s"},
    "%(n)s on %(date)s": {"de": "%(n)s am %(date)s", "es": "%(n)s el %(date)s"},
    "not sure": {"de": "unsicher", "es": "no está seguro"},
    "about %(month)s": {"de": "etwa %(month)s", "es": "hacia %(month)s"},
    "first week %(first)s → last week %(last)s": {
        "de": "erste Woche %(first)s → letzte Woche %(last)s",
        "es": "primera semana %(first)s → última semana %(last)s",
    },
    "%(span)s (%(n)s check)": {
        "de": ["%(span)s (%(n)s Kontrolle)", "%(span)s (%(n)s Kontrollen)"],
        "es": ["%(span)s (%(n)s revisión)", "%(span)s (%(n)s revisiones)"],
    },
    "%(n)s weeks": {"de": "%(n)s Wochen", "es": "%(n)s semanas"},
    "%(n)s day": {"de": ["%(n)s Tag", "%(n)s Tage"], "es": ["%(n)s día", "%(n)s días"]},
    "%(first)s → %(last)s over %(span)s": {
        "de": "%(first)s → %(last)s in %(span)s",
        "es": "%(first)s → %(last)s en %(span)s",
    },
    "%(worst)s/10 on %(dates)s": {"de": "%(worst)s/10 am %(dates)s", "es": "%(worst)s/10 el %(dates)s"},
    "%(n)s days from %(first)s to %(last)s": {
        "de": "%(n)s Tage vom %(first)s bis %(last)s",
        "es": "%(n)s días del %(first)s al %(last)s",
    },
    "%(sites)s: clear when last checked": {
        "de": "%(sites)s: bei der letzten Kontrolle ohne Befund",
        "es": "%(sites)s: sin bultos en la última revisión",
    },
    "%(n)s/week": {"de": "%(n)s/Woche", "es": "%(n)s/semana"},
    "as needed": {"de": "nach Bedarf", "es": "según necesidad"},
    "%(name)s: %(value)s (default %(default)s)": {
        "de": "%(name)s: %(value)s (Standard %(default)s)",
        "es": "%(name)s: %(value)s (por defecto %(default)s)",
    },
    "pain with redness": {"de": "Schmerz mit Rötung", "es": "dolor con enrojecimiento"},
    "on %(n)s days, %(span)s": {"de": "an %(n)s Tagen, %(span)s", "es": "en %(n)s días, %(span)s"},
    "Toes of both feet": {"de": "Zehen beider Füße", "es": "Dedos de ambos pies"},
    "Tops of both feet": {"de": "Beide Fußrücken", "es": "Ambos empeines"},
    "Both soles": {"de": "Beide Fußsohlen", "es": "Ambas plantas"},
    "Both heels": {"de": "Beide Fersen", "es": "Ambos talones"},
    "Both inner ankles": {"de": "Beide Innenknöchel", "es": "Ambos tobillos internos"},
    "Both outer ankles": {"de": "Beide Außenknöchel", "es": "Ambos tobillos externos"},
    # --- reminders (mail and push) ---
    "Time for today's footlog": {"de": "Zeit für Ihr footlog von heute", "es": "Es hora de su footlog de hoy"},
    "Take a minute to log your feet and ankles for {date}: what you see and what you did.": {
        "de": "Nehmen Sie sich eine Minute für Füße und Knöchel am {date}: was Sie sehen und was Sie getan haben.",
        "es": "Dedique un minuto a registrar sus pies y tobillos del {date}: lo que ve y lo que hizo.",
    },
    "Weekly photo check": {"de": "Wöchentliche Fotokontrolle", "es": "Revisión semanal de fotos"},
    "Take this week's photos of the same sites: similar distance and light, a coin or ruler for scale.": {
        "de": "Machen Sie die Fotos dieser Woche von denselben Stellen: ähnlicher Abstand und ähnliches Licht, eine Münze oder ein Lineal als Maßstab.",
        "es": "Haga las fotos de esta semana de las mismas zonas: distancia y luz parecidas, una moneda o una regla como escala.",
    },
    "Your log meets footlog's rules for booking a visit; the timeline lists the reasons, and the report is ready to take along. Seek care promptly for bleeding, spreading, real pain or redness, or fast change.": {
        "de": "Ihr Protokoll erfüllt die Regeln von footlog für einen Termin; der Verlauf nennt die Gründe, und der Bericht ist bereit zum Mitnehmen. Lassen Sie sich umgehend ärztlich untersuchen bei Blutung, Ausbreitung, echten Schmerzen oder Rötung oder schneller Veränderung.",
        "es": "Su registro cumple las reglas de footlog para pedir cita; la evolución indica los motivos y el informe está listo para llevar. Busque atención médica sin demora ante sangrado, extensión, dolor o enrojecimiento reales o un cambio rápido.",
    },
    "Your log shows a red flag (bleeding, spreading, pain, redness or fast change); the timeline lists it with its date. footlog does not diagnose: please have it seen soon.": {
        "de": "Ihr Protokoll zeigt ein Warnzeichen (Blutung, Ausbreitung, Schmerz, Rötung oder schnelle Veränderung); der Verlauf nennt es mit Datum. footlog stellt keine Diagnose: Bitte lassen Sie es bald ansehen.",
        "es": "Su registro muestra una señal de alarma (sangrado, extensión, dolor, enrojecimiento o cambio rápido); la evolución la indica con su fecha. footlog no diagnostica: hágalo ver pronto.",
    },
    "Your review date has come": {"de": "Ihr Kontrolltermin ist da", "es": "Ha llegado su fecha de revisión"},
    "You recorded {date} as the day the dermatologist wanted to see you again. The timeline shows what your log says since the visit, and the report is ready to take along.": {
        "de": "Sie haben den {date} als den Tag erfasst, an dem der Dermatologe Sie wiedersehen wollte. Der Verlauf zeigt, was Ihr Protokoll seit dem Termin sagt, und der Bericht ist bereit zum Mitnehmen.",
        "es": "Usted anotó el {date} como el día en que el dermatólogo quería volver a verle. La evolución muestra lo que dice su registro desde la consulta, y el informe está listo para llevar.",
    },
    "Open footlog": {"de": "footlog öffnen", "es": "Abrir footlog"},
    "You get this because reminders are on in your footlog settings.": {
        "de": "Sie erhalten dies, weil Erinnerungen in Ihren footlog-Einstellungen eingeschaltet sind.",
        "es": "Recibe esto porque los recordatorios están activados en sus ajustes de footlog.",
    },
    "Stop reminder emails": {
        "de": "Erinnerungs-E-Mails abbestellen",
        "es": "Dejar de recibir recordatorios por correo",
    },
    "red": {"de": "gerötet", "es": "enrojecido"},
    "pain %(n)s": {"de": "Schmerz %(n)s", "es": "dolor %(n)s"},
    "itch %(n)s": {"de": "Juckreiz %(n)s", "es": "picor %(n)s"},
    # --- the share pages ---
    "Shared footlog history": {"de": "Geteiltes footlog-Protokoll", "es": "Historial de footlog compartido"},
    "Shared read-only by the patient with footlog, until %(until)s, %(time)s UTC.": {
        "de": "Von der Patientin / dem Patienten mit footlog schreibgeschützt geteilt, bis %(until)s, %(time)s UTC.",
        "es": "Compartido en modo de solo lectura por el paciente con footlog, hasta el %(until)s, %(time)s UTC.",
    },
    "Download the PDF report": {"de": "PDF-Bericht herunterladen", "es": "Descargar el informe en PDF"},
    "Link not available": {"de": "Link nicht verfügbar", "es": "Enlace no disponible"},
    "This link is not available": {"de": "Dieser Link ist nicht verfügbar", "es": "Este enlace no está disponible"},
    "This link has expired, was withdrawn, or is mistyped.": {
        "de": "Dieser Link ist abgelaufen, wurde zurückgezogen oder ist falsch geschrieben.",
        "es": "Este enlace ha caducado, se retiró o está mal escrito.",
    },
    "Links to a footlog history work only for the days the patient chose. Ask the patient for a new link if you still need it.": {
        "de": "Links zu einem footlog-Protokoll gelten nur für die Tage, die die Patientin / der Patient gewählt hat. Bitten Sie um einen neuen Link, falls Sie ihn noch brauchen.",
        "es": "Los enlaces a un historial de footlog solo valen para los días que eligió el paciente. Pida al paciente un enlace nuevo si aún lo necesita.",
    },
    "Passcode": {"de": "Zugangscode", "es": "Código de acceso"},
    "This shared history needs a passcode": {
        "de": "Dieses geteilte Protokoll braucht einen Zugangscode",
        "es": "Este historial compartido necesita un código de acceso",
    },
    "The patient chose a passcode for this link; ask them for it.": {
        "de": "Die Patientin / der Patient hat für diesen Link einen Zugangscode gewählt; bitte fragen Sie danach.",
        "es": "El paciente eligió un código de acceso para este enlace; pídaselo.",
    },
    "That passcode is not right: %(remaining)s try left before the link locks.": {
        "de": [
            "Dieser Zugangscode stimmt nicht: noch %(remaining)s Versuch, bevor der Link gesperrt wird.",
            "Dieser Zugangscode stimmt nicht: noch %(remaining)s Versuche, bevor der Link gesperrt wird.",
        ],
        "es": [
            "Ese código no es correcto: queda %(remaining)s intento antes de que el enlace se bloquee.",
            "Ese código no es correcto: quedan %(remaining)s intentos antes de que el enlace se bloquee.",
        ],
    },
    "Open": {"de": "Öffnen", "es": "Abrir"},
    # --- pages (signed out, errors, navigation) ---
    "Page not found": {"de": "Seite nicht gefunden", "es": "Página no encontrada"},
    "This page is not here": {"de": "Diese Seite gibt es hier nicht", "es": "Esta página no está aquí"},
    "The address may be mistyped, or the link is old. Nothing in your log has changed.": {
        "de": "Die Adresse ist vielleicht falsch geschrieben oder der Link veraltet. An Ihrem Protokoll hat sich nichts geändert.",
        "es": "Puede que la dirección esté mal escrita o que el enlace sea antiguo. Nada de su registro ha cambiado.",
    },
    "Go to Today": {"de": "Zu Heute", "es": "Ir a Hoy"},
    "Or pick a page below.": {"de": "Oder wählen Sie unten eine Seite.", "es": "O elija una página abajo."},
    "Something went wrong": {"de": "Etwas ist schiefgegangen", "es": "Algo salió mal"},
    "Something went wrong on our side": {
        "de": "Bei uns ist etwas schiefgegangen",
        "es": "Algo salió mal por nuestra parte",
    },
    "footlog could not show this page. It is not something you did, and what you saved before is kept.": {
        "de": "footlog konnte diese Seite nicht anzeigen. Das liegt nicht an Ihnen, und was Sie vorher gespeichert haben, bleibt erhalten.",
        "es": "footlog no pudo mostrar esta página. No es algo que usted hiciera, y lo que guardó antes se conserva.",
    },
    "Try again in a minute. If you were saving, check that it arrived before you enter it again.": {
        "de": "Versuchen Sie es in einer Minute erneut. Falls Sie gerade gespeichert haben, prüfen Sie, ob es angekommen ist, bevor Sie es noch einmal eingeben.",
        "es": "Vuelva a intentarlo en un minuto. Si estaba guardando, compruebe que llegó antes de volver a introducirlo.",
    },
    "Offline": {"de": "Offline", "es": "Sin conexión"},
    "You are offline": {"de": "Sie sind offline", "es": "No tiene conexión"},
    "This page needs a connection. You can still log today: entries and photos wait on this phone and are sent by themselves when the connection is back.": {
        "de": "Diese Seite braucht eine Verbindung. Sie können heute trotzdem erfassen: Einträge und Fotos warten auf diesem Telefon und werden von selbst gesendet, sobald die Verbindung zurück ist.",
        "es": "Esta página necesita conexión. Aún puede registrar hoy: las entradas y fotos esperan en este teléfono y se envían solas cuando vuelve la conexión.",
    },
    "Log today": {"de": "Heute erfassen", "es": "Registrar hoy"},
    "footlog: a diary for the skin of your feet and ankles": {
        "de": "footlog: ein Tagebuch für die Haut Ihrer Füße und Knöchel",
        "es": "footlog: un diario para la piel de sus pies y tobillos",
    },
    "Sign in": {"de": "Anmelden", "es": "Iniciar sesión"},
    "A private diary for the small bumps on your feet and ankles": {
        "de": "Ein privates Tagebuch für die kleinen Knötchen an Ihren Füßen und Knöcheln",
        "es": "Un diario privado para los pequeños bultos de sus pies y tobillos",
    },
    "Log a day in under a minute": {
        "de": "Einen Tag in unter einer Minute erfassen",
        "es": "Registre un día en menos de un minuto",
    },
    "where the bumps are, how many, what you did for them, a photo. It works offline too.": {
        "de": "wo die Knötchen sind, wie viele, was Sie dagegen getan haben, ein Foto. Es funktioniert auch offline.",
        "es": "dónde están los bultos, cuántos, qué hizo por ellos, una foto. También funciona sin conexión.",
    },
    "See the weeks at a glance": {"de": "Die Wochen auf einen Blick", "es": "Vea las semanas de un vistazo"},
    "which spots keep coming back, and when it may be time to book a visit. footlog never diagnoses.": {
        "de": "welche Stellen immer wiederkommen und wann es Zeit für einen Termin sein kann. footlog stellt keine Diagnose.",
        "es": "qué zonas vuelven una y otra vez, y cuándo puede ser momento de pedir cita. footlog no diagnostica.",
    },
    "Bring your evidence": {"de": "Bringen Sie Ihre Angaben mit", "es": "Lleve sus datos"},
    "a report or a share link for your dermatologist. Your log stays private unless you share it.": {
        "de": "einen Bericht oder einen Link für Ihren Dermatologen. Ihr Protokoll bleibt privat, solange Sie es nicht teilen.",
        "es": "un informe o un enlace para su dermatólogo. Su registro es privado salvo que lo comparta.",
    },
    "Sign up": {"de": "Registrieren", "es": "Registrarse"},
    "Main": {"de": "Hauptmenü", "es": "Principal"},
    "Today": {"de": "Heute", "es": "Hoy"},
    "History": {"de": "Chronik", "es": "Historial"},
    "Share": {"de": "Teilen", "es": "Compartir"},
    "Settings": {"de": "Einstellungen", "es": "Ajustes"},
    "Skip to content": {"de": "Zum Inhalt springen", "es": "Ir al contenido"},
    # --- the SMART Health Link viewer (its server-rendered words) ---
    "Opening the link…": {"de": "Der Link wird geöffnet …", "es": "Abriendo el enlace…"},
    "This viewer needs JavaScript: it unlocks the shared history on this device.": {
        "de": "Diese Ansicht braucht JavaScript: Sie entsperrt das geteilte Protokoll auf diesem Gerät.",
        "es": "Este visor necesita JavaScript: desbloquea el historial compartido en este dispositivo.",
    },
    'The footlog viewer unlocks the history on this device: the key is in the link after "#", which browsers never send to a server.': {
        "de": "Die Ansicht von footlog entsperrt das Protokoll auf diesem Gerät: Der Schlüssel steht im Link nach „#“, und Browser senden ihn nie an einen Server.",
        "es": "El visor de footlog desbloquea el historial en este dispositivo: la clave está en el enlace tras «#», que los navegadores nunca envían a un servidor.",
    },
}
