/* Passkeys on allauth's pages (add in Settings, sign up with one, sign in with one, confirm with one) without an
 * inline script, so the CSP stays strict. The server hands the WebAuthn options over as JSON (base64url for the
 * binary fields, as allauth/fido2 write them) in the form's data-options, or at the form's action for a passkey
 * sign-in (GET with Accept: application/json, like allauth's own webauthn.js); the credential goes back as JSON
 * in the form's hidden `credential` field, the shape allauth's forms parse (fido2's JSON mapping).
 *
 *   <form data-passkey="create|get|login" [data-options="{...}"] [data-passwordless="checkbox id"]>
 *     <input type="hidden" name="credential"> ... <button type="button" data-passkey-start>...</button>
 *   </form>
 */
(function () {
  "use strict";

  function bytes(text) {
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(b64 + "==".slice(0, (4 - b64.length % 4) % 4));
    return Uint8Array.from(raw, function (c) { return c.charCodeAt(0); }).buffer;
  }
  function text(buffer) {
    if (!buffer) return null;
    var view = new Uint8Array(buffer), s = "";
    for (var i = 0; i < view.length; i++) s += String.fromCharCode(view[i]);
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function withIds(list) {
    return (list || []).map(function (c) { return Object.assign({}, c, { id: bytes(c.id) }); });
  }

  function creationOptions(json, passwordless) {
    var o = Object.assign({}, json.publicKey);
    o.challenge = bytes(o.challenge);
    o.user = Object.assign({}, o.user, { id: bytes(o.user.id) });
    o.excludeCredentials = withIds(o.excludeCredentials);
    if (passwordless !== null) {
      // As allauth's webauthn.js: a password-free passkey must be discoverable and verify the person.
      var sel = o.authenticatorSelection = Object.assign({}, o.authenticatorSelection);
      sel.residentKey = passwordless ? "required" : "discouraged";
      sel.requireResidentKey = passwordless;
      if (passwordless) sel.userVerification = "required";
    }
    return { publicKey: o };
  }
  function requestOptions(json) {
    var o = Object.assign({}, json.publicKey);
    o.challenge = bytes(o.challenge);
    o.allowCredentials = withIds(o.allowCredentials);
    return { publicKey: o, mediation: json.mediation };
  }

  function credentialJSON(cred) {
    var r = cred.response, out = {
      type: cred.type, id: cred.id, rawId: text(cred.rawId),
      authenticatorAttachment: cred.authenticatorAttachment || null,
      clientExtensionResults: cred.getClientExtensionResults ? cred.getClientExtensionResults() : {},
      response: { clientDataJSON: text(r.clientDataJSON) }
    };
    if (r.attestationObject) {
      out.response.attestationObject = text(r.attestationObject);
      out.response.transports = r.getTransports ? r.getTransports() : [];
    } else {
      out.response.authenticatorData = text(r.authenticatorData);
      out.response.signature = text(r.signature);
      out.response.userHandle = text(r.userHandle);
    }
    return out;
  }

  function status(form, message) {
    var box = form.querySelector("[data-passkey-status]");
    if (box) box.textContent = message;
  }

  function options(form) {
    if (form.dataset.passkey !== "login") return Promise.resolve(JSON.parse(form.dataset.options));
    return fetch(form.action, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error(r.status === 429 ? gettext("Too many tries; wait a minute.") : gettext("Passkey sign-in is not available now."));
      return r.json();
    }).then(function (body) { return body.request_options; });
  }

  function run(form, button) {
    if (!window.PublicKeyCredential || !navigator.credentials) {
      status(form, gettext("This browser cannot use passkeys; sign in with your password instead."));
      return;
    }
    var box = form.dataset.passwordless ? document.getElementById(form.dataset.passwordless) : null;
    button.disabled = true;
    status(form, "");
    options(form).then(function (json) {
      if (form.dataset.passkey === "create") {
        return navigator.credentials.create(creationOptions(json.creation_options, box ? box.checked : null));
      }
      return navigator.credentials.get(requestOptions(json.request_options || json));
    }).then(function (cred) {
      form.querySelector("input[name=credential]").value = JSON.stringify(credentialJSON(cred));
      form.submit();
    }).catch(function (err) {
      button.disabled = false;
      var cancelled = err && (err.name === "NotAllowedError" || err.name === "AbortError");
      status(form, cancelled ? gettext("No passkey was used. Try again, or use another way.") : (err.message || gettext("The passkey did not work.")));
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-passkey]"), function (form) {
    var start = document.querySelectorAll("[data-passkey-start='" + form.id + "']");
    Array.prototype.forEach.call(start, function (button) {
      button.addEventListener("click", function (event) { event.preventDefault(); run(form, button); });
    });
  });
})();
