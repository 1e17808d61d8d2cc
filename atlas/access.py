"""Who may change the data: sign-in configuration, the editors' allow-list and a user's role.

Editors are signed-in users whose e-mail address is in the allow-list: `[atlas] editors = [...]` in
`.streamlit/secrets.toml`, plus the comma-separated `HEALTHTECH_EDITORS` environment variable (for
deployments). Addresses compare case-insensitively. Everything here is pure: the Streamlit side
(`components/access.py`) passes in the secrets, the environment and `st.user`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping

EDITORS_ENV = "HEALTHTECH_EDITORS"
SECRETS_SECTION = "atlas"
SECRETS_EDITORS_KEY = "editors"
PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
SHARED_AUTH_KEYS = ("redirect_uri", "cookie_secret")


class Role(enum.Enum):
    """What a visitor of the owners' page is, from least to most rights."""

    UNCONFIGURED = "unconfigured"  # sign-in is not set up: nobody can sign in, nothing can change
    SIGNED_OUT = "signed_out"
    VIEWER = "viewer"  # signed in, not on the allow-list
    EDITOR = "editor"


def normalise_email(email: object) -> str:
    """An address as compared: stripped and lower-cased ('' for anything that is not text)."""
    return email.strip().casefold() if isinstance(email, str) else ""


def parse_editors(value: object) -> frozenset[str]:
    """Addresses from a comma-separated string or a list of strings; blanks and non-text are skipped."""
    if isinstance(value, str):
        items: Iterable[object] = value.split(",")
    elif isinstance(value, Iterable) and not isinstance(value, bytes | Mapping):
        items = value
    else:
        return frozenset()
    return frozenset(e for e in (normalise_email(item) for item in items) if "@" in e)


def editor_emails(secrets: Mapping | None, environ: Mapping[str, str]) -> frozenset[str]:
    """The allow-list: `[atlas] editors` from the secrets and `HEALTHTECH_EDITORS` from the environment."""
    section = (secrets or {}).get(SECRETS_SECTION) or {}
    from_secrets = parse_editors(section.get(SECRETS_EDITORS_KEY)) if isinstance(section, Mapping) else frozenset()
    return from_secrets | parse_editors(environ.get(EDITORS_ENV, ""))


def _has_provider(section: Mapping) -> bool:
    return all(str(section.get(k) or "").strip() for k in PROVIDER_KEYS)


def auth_configured(secrets: Mapping | None) -> bool:
    """True when `[auth]` has a redirect URI, a cookie secret and at least one complete OIDC provider."""
    auth = (secrets or {}).get("auth")
    if not isinstance(auth, Mapping) or not all(str(auth.get(k) or "").strip() for k in SHARED_AUTH_KEYS):
        return False
    providers = [v for v in auth.values() if isinstance(v, Mapping)]
    return _has_provider(auth) or any(_has_provider(p) for p in providers)


def role(*, configured: bool, logged_in: bool, email: object, editors: frozenset[str]) -> Role:
    """The visitor's role; an editor must be signed in, with sign-in configured, and on the allow-list."""
    if not configured:
        return Role.UNCONFIGURED
    if not logged_in:
        return Role.SIGNED_OUT
    address = normalise_email(email)
    return Role.EDITOR if address and address in editors else Role.VIEWER
