"""The guard of the owners' page: who is signed in, whether they may edit, and what others see instead.

`editor_gate()` draws the sign-in state and stops the page for anyone who is not an editor.
`require_editor()` re-checks the rights server-side at the moment an action runs, so widget values
replayed by someone who is not (or no longer) an editor never change anything.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import streamlit as st

from atlas.access import EDITORS_ENV, Role, auth_configured, editor_emails, normalise_email, role
from atlas.strings import t

SECRETS_EXAMPLE = Path(__file__).resolve().parent.parent / ".streamlit" / "secrets.toml.example"


def _secrets() -> Mapping:
    """The app's secrets; none (no file, or a file that cannot be read) means sign-in is not configured."""
    try:
        return st.secrets.to_dict()
    except Exception:  # a missing or broken secrets.toml only means 'not configured'
        return {}


def _user() -> Mapping:
    return st.user.to_dict()


def current_role() -> tuple[Role, str]:
    """The visitor's role and e-mail address (lower case, '' when unknown), computed now."""
    secrets, user = _secrets(), _user()
    current = role(
        configured=auth_configured(secrets),
        logged_in=bool(user.get("is_logged_in")),
        email=user.get("email"),
        editors=editor_emails(secrets, os.environ),
    )
    return current, normalise_email(user.get("email"))


def require_editor() -> str:
    """The signed-in editor's address, re-checked now; anyone else gets a message and the run stops."""
    current, email = current_role()
    if current is not Role.EDITOR:
        st.error(t("access.action_refused"), icon=":material/block:")
        st.stop()
    return email


def _code(text: str) -> str:
    """An address shown verbatim (a code span: no link, no markup)."""
    return f"`{text.replace('`', '')}`"


def _signed_in_bar(email: str, *, editor: bool) -> None:
    with st.container(horizontal=True, vertical_alignment="center"):
        st.markdown(t("access.signed_in_editor" if editor else "access.signed_in", email=_code(email)))
        if st.button(t("access.sign_out"), icon=":material/logout:", key="access_sign_out"):
            st.logout()


def editor_gate() -> str:
    """What each role sees; returns the editor's address, and stops the page for everyone else."""
    current, email = current_role()
    if current is Role.UNCONFIGURED:
        st.info(t("access.unconfigured_title"), icon=":material/lock:")
        st.markdown(t("access.unconfigured_body", env=EDITORS_ENV, example="`.streamlit/secrets.toml.example`"))
        with st.expander(t("access.example_title")):
            st.code(SECRETS_EXAMPLE.read_text(encoding="utf-8"), language=None)  # plain: highlighting fails 4.5:1
        st.markdown(t("access.cli_intro"))
        st.code(t("access.cli_example"), language=None)
        st.stop()
    if current is Role.SIGNED_OUT:
        st.markdown(t("access.signed_out"))
        if st.button(t("access.sign_in"), icon=":material/login:", type="primary", key="access_sign_in"):
            st.login()
        st.stop()
    _signed_in_bar(email, editor=current is Role.EDITOR)
    if current is Role.VIEWER:
        st.warning(t("access.not_editor", email=_code(email or t("value.unknown"))), icon=":material/block:")
        st.stop()
    return email
