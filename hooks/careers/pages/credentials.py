"""Page kind: the national credentials (/credentials/<slug>/) and their index."""

from __future__ import annotations

from ..data.dataset import Dataset
from ..data.problems import Problem


def check(dataset: Dataset) -> list[Problem]:
    return []  # a credential's own rules are in its model and careers.data.checks


def render(renderer) -> None:
    credentials = renderer.data.sorted_credentials()
    for credential in credentials:
        renderer.render(f"credentials/{credential.slug}.md", "credentials/credential.md.j2", credential.title, credential,
                        credential=credential)
    renderer.render("credentials/index.md", "credentials/credentials-index.md.j2", "National credentials",
                    credentials=credentials)


def nav(dataset: Dataset) -> dict:
    return {"Credentials": ["credentials/index.md",
                            *({c.short_name: f"credentials/{c.slug}.md"} for c in dataset.sorted_credentials())]}
