"""The guides to the questions readers are afraid to ask (data/articles/), and which pages link to
which: a state page to moving, records, benefits and costs; a peer role page to all of them."""

from __future__ import annotations

from ..data.dataset import Dataset

# What each guide is about -> its slug in data/articles/. A guide not (yet) written is left out.
TOPICS = {
    "moving": "moving-to-another-state",
    "record": "criminal-record-and-background-checks",
    "benefits": "working-on-disability-benefits",
    "costs": "costs-and-who-pays",
    "remote": "remote-and-telehealth-peer-work",
    "workforce": "peer-workforce-and-where-it-is-going",
}
FOR_STATES = ("moving", "record", "costs", "benefits")
FOR_PEER_ROLES = tuple(TOPICS)


def links(dataset: Dataset, topics: tuple[str, ...]) -> list[dict]:
    """[{about, title, url}] for each topic's guide that exists, in the order asked (url from the site's root)."""
    articles = {article.slug: article for article in dataset.sorted_articles()}
    return [{"about": topic, "title": articles[TOPICS[topic]].title, "url": f"{TOPICS[topic]}/"}
            for topic in topics if TOPICS[topic] in articles]
