"""Access: identity-provider claims + policy -> User (roles) and Access (what they may read) (pure).

Three roles, each a set of permissions: a reader chats; comms also checks wording; a
maintainer also sees the documents page, uploads files and edits the catalog there, re-indexes,
runs evals and exports feedback and the audit trail. Which identity-provider groups hold a
role, and which groups may read each classification, are Settings (`ASSISTANT_ROLE_GROUPS`,
`ASSISTANT_CLASSIFICATION_GROUPS`).

A passage is readable when its document's classification is one the user may read and its
document's `readers` (catalog groups; `*` = everyone) share a group with the user. Anything
unknown fails closed: a classification no policy entry names is readable only in local mode.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from assistant.errors import AssistantError

ROLES = ("reader", "comms", "maintainer")
EVERYONE = "*"  # in a policy or a catalog `readers` list: every signed-in user
DEFAULT_CLASSIFICATION = "official"
PERMISSIONS: dict[str, frozenset[str]] = {
    "reader": frozenset({"chat"}),
    "comms": frozenset({"chat", "wording"}),
    "maintainer": frozenset(
        {
            "chat",
            "documents",
            "corpus_update",
            "reindex",
            "evaluation",
            "feedback_export",
            "audit_export",
        }
    ),
}
LOCAL_NAME = "local"


class AccessDeniedError(AssistantError):
    """A user asked for something their roles do not allow; the message says what to do."""


@dataclass(frozen=True)
class Access:
    """What one user may read. None means no limit (local single-user mode, the CLI)."""

    classifications: frozenset[str] | None = None
    groups: frozenset[str] | None = None

    @property
    def unlimited(self) -> bool:
        """Whether this access reads everything."""
        return self.classifications is None and self.groups is None

    def allows(self, classification: str, readers: Iterable[str]) -> bool:
        """Whether a document with this classification and readers list may be read."""
        if self.classifications is not None and classification not in self.classifications:
            return False
        if self.groups is None:
            return True
        return bool(({EVERYONE} | self.groups) & set(readers))

    def allows_meta(self, meta: Mapping[str, Any]) -> bool:
        """Whether a chunk or manifest entry (with classification and readers) may be read.

        An entry written before classifications existed counts as the default: official, for
        everyone (that is what its catalog said).
        """
        return self.allows(
            str(meta.get("classification") or DEFAULT_CLASSIFICATION),
            as_readers(meta.get("readers")),
        )


UNLIMITED = Access()


@dataclass(frozen=True)
class User:
    """Who is using the app: name, e-mail, identity-provider groups, roles and read access."""

    name: str
    email: str = ""
    groups: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    access: Access = UNLIMITED
    local: bool = False

    def can(self, permission: str) -> bool:
        """Whether any of the user's roles grants this permission."""
        return any(permission in PERMISSIONS[r] for r in self.roles)

    def require(self, permission: str) -> None:
        """Raise unless the user holds this permission.

        Raises:
            AccessDeniedError: none of the user's roles grants it.
        """
        if not self.can(permission):
            raise AccessDeniedError(refusal(permission))


def refusal(permission: str) -> str:
    """One line saying which role a permission needs and whom to ask."""
    roles = [r for r in ROLES if permission in PERMISSIONS[r]]
    return (
        f"You are not allowed to use {permission.replace('_', ' ')}: it needs the "
        f"{' or '.join(roles)} role. Ask the assistant's maintainers to add you to that group."
    )


def as_readers(value: Any) -> tuple[str, ...]:
    """A catalog or metadata `readers` value as a tuple of groups (empty or missing: everyone)."""
    if value is None or value == "" or value == []:
        return (EVERYONE,)
    if isinstance(value, str):
        value = [value]
    groups = tuple(str(g).strip() for g in value if str(g).strip())
    return groups or (EVERYONE,)


def local_user() -> User:
    """The single user of a local install without sign-in: every role, every document."""
    return User(LOCAL_NAME, groups=frozenset(), roles=frozenset(ROLES), local=True)


def _matches(policy_groups: Iterable[str], groups: frozenset[str]) -> bool:
    wanted = set(policy_groups)
    return EVERYONE in wanted or bool(wanted & groups)


def roles_for(groups: frozenset[str], role_groups: Mapping[str, Iterable[str]]) -> frozenset[str]:
    """The roles whose policy groups include one of these groups (or `*`)."""
    return frozenset(r for r, wanted in role_groups.items() if _matches(wanted, groups))


def access_for(
    groups: frozenset[str], classification_groups: Mapping[str, Iterable[str]]
) -> Access:
    """What a signed-in user with these groups may read."""
    readable = frozenset(
        c for c, wanted in classification_groups.items() if _matches(wanted, groups)
    )
    return Access(readable, groups)


def claim_groups(claims: Mapping[str, Any], claim: str) -> frozenset[str]:
    """The groups in an identity token's claim: a list, or one string (comma or space separated)."""
    value = claims.get(claim)
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    if not isinstance(value, list | tuple | set | frozenset):
        return frozenset()
    return frozenset(str(g).strip() for g in value if str(g).strip() and str(g) != EVERYONE)


def user_from_claims(
    claims: Mapping[str, Any],
    groups_claim: str,
    role_groups: Mapping[str, Iterable[str]],
    classification_groups: Mapping[str, Iterable[str]],
) -> User:
    """Build the signed-in user from the identity token's claims and the policy."""
    groups = claim_groups(claims, groups_claim)
    email = str(claims.get("email") or "")
    name = str(claims.get("name") or email or claims.get("sub") or "unknown")
    return User(
        name,
        email,
        groups,
        roles_for(groups, role_groups),
        access_for(groups, classification_groups),
    )
