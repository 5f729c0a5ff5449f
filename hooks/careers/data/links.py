"""Links from data to pages of this site (`LinkedText` fields), checked before anything is written."""

from __future__ import annotations

from .dataset import Dataset
from .load import dotted
from .problems import Problem
from .text import TextWithLinks, link_problem, links_in
from .walk import walk


def link_problems(dataset: Dataset, pages: set[str]) -> list[Problem]:
    """A problem, at its file and line, for each link whose page is not on the site."""
    faq = dataset.faq.model
    anchors = {"faq.md": {*(topic.id for topic in faq.topics), *(question.id for question in faq.questions())}}
    problems = []
    for loaded in dataset.everything():
        for location, value, _owner in walk(loaded.model):
            if not isinstance(value, TextWithLinks):
                continue
            for _words, target in links_in(value):
                if message := link_problem(target, pages, anchors):
                    problems.append(Problem(loaded.document.path, loaded.document.line_of(location), dotted(location), message))
    return problems
