from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # ready(): the apps' models are loaded only now
        from allauth.mfa.signals import authenticator_added

        # passkeys imports allauth's MFA models: after the apps are loaded, like the signal above
        from accounts.passkeys import make_webauthn_parsing_total, recovery_codes_for_passkey_signup

        make_webauthn_parsing_total()
        authenticator_added.connect(recovery_codes_for_passkey_signup, dispatch_uid="footlog-passkey-signup-codes")
