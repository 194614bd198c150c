from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from . import identity_provider
from .cached_user import user_cached
from .services import INVITATION_SESSION_KEY, staff_sign_on


class EmailPasswordBackend(ModelBackend):
    """Checks the email and password, and nothing more: every permission comes from
    the `rules` predicates, so Django's per-user and group permission tables are unused
    (and cost no queries)."""

    def get_user_permissions(self, user_obj, obj=None) -> set:
        return set()

    def get_group_permissions(self, user_obj, obj=None) -> set:
        return set()

    def has_perm(self, user_obj, perm, obj=None) -> bool:
        return False

    def has_module_perms(self, user_obj, app_label) -> bool:
        return False

    def get_user(self, user_id):
        # Every signed-in request reads the account: from the cache, forgotten on every change.
        user = user_cached(user_id=user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


class IdentityProviderBackend(EmailPasswordBackend, OIDCAuthenticationBackend):
    """Council staff signing in through the council's identity provider (OpenID Connect).

    mozilla-django-oidc exchanges the code (with the PKCE verifier) for tokens; the ID token is
    checked in identity_provider.id_token_claims (signature from the provider's published keys,
    issuer, audience, expiry, nonce), and the person is found by issuer and subject, with roles
    from their groups, in services.staff_sign_on. The provider's endpoints come from its
    discovery document, so nothing but the issuer, client id and secret is configured."""

    def __init__(self, *args, **kwargs):
        # The parent reads endpoint settings here; they are read from discovery when used.
        self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        # Only the sign-in callback passes a nonce and a PKCE verifier; a password sign-in
        # (even one posted to a URL carrying ?code=) never reaches the provider.
        if request is None or not identity_provider.configured() or "nonce" not in kwargs or "code_verifier" not in kwargs:
            return None
        document = identity_provider.discovery()
        self.OIDC_OP_TOKEN_ENDPOINT = document["token_endpoint"]
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        return super().authenticate(request, **kwargs)

    def verify_token(self, token, **kwargs):
        return identity_provider.id_token_claims(token, nonce=kwargs.get("nonce"))

    def get_or_create_user(self, access_token, id_token, payload):
        # Everything needed is in the checked ID token; the userinfo endpoint is not asked.
        self.request.identity_provider_mfa = identity_provider.asserts_mfa(payload)
        return staff_sign_on(
            issuer=settings.OIDC_ISSUER,
            claims=payload,
            invitation_id=self.request.session.get(INVITATION_SESSION_KEY),
            request=self.request,
        )
