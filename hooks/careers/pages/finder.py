"""The "Which credential fits me?" finder: its rules, checked and exported, and the same logic in Python.

The rules live in data/finder.yml (which focus each credential fits, which hours to compare) and
in the credential and state files (what each requirement says, with its source; the credentials
a state's scope names for another focus, its `separate_credentials`). `rules()` joins
them into one plain structure: the page's static tables are drawn from it, and it is published as
finder/rules.json for docs/assets/javascripts/finder.js, which applies `evaluate()`'s logic in the
browser. `evaluate()` here is the reference the browser tests compare the script against.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import parse_qs

from ..data.dataset import Dataset
from ..data.models import Detail, Fact, FinderRoute, FinderStateCredential, State, StateCredential
from . import sources as source_pages
from .addresses import url_of
from .paths import DETAIL_LABELS, Cited, References, problem_adder
from ..data.problems import Problem

FINDER_PAGE = "finder.md"
TABLES_PAGE = "finder/rules/index.md"  # the same rules as tables, for every reader: the national ones and
# an index of the states, whose tables are on a page for each range of first letters (finder/rules/a-c/)
STATE_SHELVES = ("a-c", "d-j", "k-m", "n", "o-s", "t-z")
RULES_FILE = "finder/rules.json"
OTHER_STATE = "other"
MAX_HOURS = 100_000
NO_HOURS = re.compile(r"\b(none|no work hours|no hours|not needed)\b", re.IGNORECASE)  # a route's `0` must say so
CONFIDENCE_LABELS = {  # same words as pages.CONFIDENCE_LABELS
    "verified": "",
    "secondary": "secondary source",
    "uncertain": "sources disagree",
    "example": "example only, not market data",
}
# National requirements: which topic holds the hours the finder compares; the rest are "also needed".
NATIONAL_HOURS = {"training": "training", "work": "experience"}
NATIONAL_ALSO = ("education", "lived experience", "supervision", "exam", "other")
STATE_HOURS = {"training": "training", "work": "work_and_supervision"}
STATE_ALSO = ("exam", "other_requirements")


# ---------------------------------------------------------------------------
# The rules, as one plain structure (the JSON the script reads)
# ---------------------------------------------------------------------------


def rules(dataset: Dataset) -> dict:
    """Everything the finder knows, joined from data/finder.yml, credentials and states."""
    finder = dataset.finder.model
    refs = References(dataset)
    sources = dataset.sources_by_id
    roles = dataset.roles_by_slug
    national = []
    for rule in finder.national:
        credential = refs.credentials[rule.credential]
        by_topic = lambda topic: [_fact(r, sources, r.topic.capitalize()) for r in credential.requirements if r.topic == topic]  # noqa: E731
        national.append({
            "id": f"national-{credential.slug}",
            "kind": "national",
            "name": credential.title,
            "short_name": credential.short_name,
            "body": credential.body,
            "url": f"credentials/{credential.slug}/",
            "focus": list(rule.focus),
            "training": {"hours": rule.training_hours, "rules": by_topic(NATIONAL_HOURS["training"])},
            "work": {"hours": rule.work_hours, "rules": by_topic(NATIONAL_HOURS["work"])},
            "routes": [],
            "changes": [],
            "also": [fact for topic in NATIONAL_ALSO for fact in by_topic(topic)],
            "note": None,
        })
    states = []
    focus_ids = {focus.id for focus in finder.focuses}
    rules_of = {rule.state: rule for rule in finder.states}
    for state in dataset.sorted_states():
        state_rule = rules_of.get(state.code)
        by_name = {rule.name: rule for rule in state_rule.credentials} if state_rule else {}
        credentials, unknown_scope = [], []
        for index, credential in enumerate(state.credentials):
            rule = by_name.get(credential.name) or FinderStateCredential(name=credential.name)
            focus = list(rule.focus) or [f for f in credential.covers if f in focus_ids]
            if not focus:
                unknown_scope.append({"name": credential.name, "url": f"states/{state.slug}/#{credential.anchor}"})
                continue
            detail = lambda name: _detail(getattr(credential, name), credential, sources, DETAIL_LABELS[name])  # noqa: E731
            credentials.append({
                "id": f"state-{state.slug}-{index + 1}",
                "kind": "state",
                "name": credential.name,
                "short_name": credential.short_name or credential.name,
                "body": credential.body or "a body not named in our sources",
                "url": f"states/{state.slug}/#{credential.anchor}",
                "focus": focus,
                "scope": detail("scope"),
                "training": {"hours": rule.training_hours, "rules": [detail(STATE_HOURS["training"])]},
                "work": {"hours": rule.work_hours, "rules": [detail(STATE_HOURS["work"])]},
                "routes": [{"name": route.name, "training": route.training_hours, "work": route.work_hours,
                            "note": route.note} for route in rule.routes],
                "also": [detail(name) for name in STATE_ALSO],
                "note": credential.note,
                "changes": [{"date": change.date.isoformat(), "what": change.what} for change in credential.changes],
                "confidence": CONFIDENCE_LABELS[credential.confidence],
            })
        separate = [{"focus": item.focus, "name": item.name, "full_name": item.full_name,
                     "scope": _scope_naming(state, item.name, sources)} for item in state.separate_credentials]
        states.append({"code": state.code, "slug": state.slug, "name": state.name, "url": f"states/{state.slug}/",
                       "credentials": credentials, "separate": separate, "unknown_scope": unknown_scope})
    comparison = sources.get("power2u-state-comparison-2021")
    return {
        "reviewed": finder.reviewed.isoformat(),
        "focuses": [{"id": f.id, "label": f.label, "hint": f.hint,
                     "role": {"title": roles[f.role].title, "url": f"roles/{f.role}/"}} for f in finder.focuses],
        "national": national,
        "states": states,
        "other_state": {
            "url": "states/#if-your-state-is-not-listed",
            "comparison": {"title": comparison.title, "url": comparison.url} if comparison else None,
        },
    }


def _fact(fact: Fact, sources, label: str) -> dict:
    source = sources[fact.source]
    return {"label": label, "text": fact.text, "source": fact.source, "href": source_pages.link(source), "publisher": source.publisher,
            "year": fact.year, "confidence": CONFIDENCE_LABELS[fact.confidence], "note": fact.note, "others": []}


def _detail(detail: Detail, credential: StateCredential, sources, label: str) -> dict:
    if not detail.found:
        return {"label": label, "text": None, "source": None, "href": None, "publisher": None, "year": None,
                "confidence": "", "note": None, "others": []}
    return {"label": label, "text": detail.value, "source": detail.source, "href": source_pages.link(sources[detail.source]),
            "publisher": sources[detail.source].publisher, "year": credential.year,
            "confidence": CONFIDENCE_LABELS[detail.confidence], "note": None,
            "others": [{"text": o.value, "source": o.source, "href": source_pages.link(sources[o.source]),
                        "publisher": sources[o.source].publisher}
                       for o in detail.other_values]}


def _scope_naming(state: State, name: str, sources) -> dict | None:
    credential = state.scope_naming(name)
    return _detail(credential.scope, credential, sources, DETAIL_LABELS["scope"]) if credential else None


# ---------------------------------------------------------------------------
# Applying the rules (the browser script does the same with the same JSON)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Answers:
    focus: tuple[str, ...] = ()
    state: str | None = None  # a state code in capitals, OTHER_STATE, or None (not chosen)
    training: int | None = None
    work: int | None = None


def parse_query(query: str, known: dict) -> Answers:
    """Answers from a page address's query, as the script reads it (unknown values are dropped)."""
    values = parse_qs(query.lstrip("?"), keep_blank_values=True)
    focus_ids = [f["id"] for f in known["focuses"]]
    chosen = {value for value in values.get("focus", [])}
    state = (values.get("state") or [""])[0].strip()
    codes = {s["code"] for s in known["states"]}
    if state.lower() == OTHER_STATE:
        state_value = OTHER_STATE
    elif state.upper() in codes:
        state_value = state.upper()
    else:
        state_value = None
    return Answers(tuple(f for f in focus_ids if f in chosen), state_value,
                   _hours((values.get("training") or [""])[0]), _hours((values.get("work") or [""])[0]))


def _hours(text: str) -> int | None:
    text = text.strip()
    if not re.fullmatch(r"[0-9]{1,6}", text):  # ASCII digits only, as in the script
        return None
    return min(int(text), MAX_HOURS)


def evaluate(known: dict, answers: Answers) -> dict:
    """Which credentials fit, and what is still missing for each."""
    chosen = [f["id"] for f in known["focuses"] if f["id"] in answers.focus]
    state = next((s for s in known["states"] if s["code"] == answers.state), None)
    result = {"focus": chosen, "state": answers.state, "state_known": state is not None,
              "matches": [], "gaps": []}
    if not chosen:
        return result
    candidates = []
    if state is not None:
        candidates += state["credentials"]
        for focus in chosen:
            if not any(focus in c["focus"] for c in state["credentials"]):
                result["gaps"].append({"focus": focus,
                                       "separate": [s["name"] for s in state["separate"] if s["focus"] == focus]})
    candidates += known["national"]
    for credential in candidates:
        fits = [focus for focus in chosen if focus in credential["focus"]]
        if fits:
            routes = [_route(credential, route, answers) for route in credential["routes"]]
            best = min(routes, key=_still_needed) if routes else None
            result["matches"].append({
                "id": credential["id"],
                "fits": fits,
                "training": best["training"] if best else _status(credential["training"], answers.training),
                "work": best["work"] if best else _status(credential["work"], answers.work),
                "routes": routes,
                "route": best["name"] if best else None,
            })
    return result


def _route(credential: dict, route: dict, answers: Answers) -> dict:
    """A route's own hours, compared with the reader's; its rules text is the credential's."""
    return {"name": route["name"], "note": route["note"],
            "training": _status({"hours": route["training"], "rules": credential["training"]["rules"]}, answers.training),
            "work": _status({"hours": route["work"], "rules": credential["work"]["rules"]}, answers.work)}


def _still_needed(route: dict) -> int:
    """Hours the reader still needs on a route (the first route with the fewest is the one to show)."""
    return (route["training"]["missing"] or 0) + (route["work"]["missing"] or 0)


def _status(rule: dict, have: int | None) -> dict:
    needed = rule["hours"]
    if needed is None:
        stated = any(item["text"] for item in rule["rules"])
        return {"status": "read" if stated else "unknown", "needed": None, "missing": None}
    have = have or 0
    if have >= needed:
        return {"status": "met", "needed": needed, "missing": 0}
    return {"status": "short", "needed": needed, "missing": needed - have}


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------


def check(dataset: Dataset) -> list[Problem]:
    loaded = dataset.finder
    if loaded is None:
        return []
    finder = loaded.model
    refs = References(dataset)
    problems: list[Problem] = []
    add = problem_adder(loaded, problems)

    defined: set[str] = set()
    for index, focus in enumerate(finder.focuses):
        if focus.id in defined:
            add(("focuses", index, "id"), f"`{focus.id}` is listed twice: keep one")
        defined.add(focus.id)
        role = dataset.roles_by_slug.get(focus.role)
        if role is not None and role.group != "peer":
            add(("focuses", index, "role"), f"`{focus.role}` is not a peer role: name the peer role that fits this focus")

    def check_focus(items: list[str], at) -> None:
        for index, focus in enumerate(items):
            if focus not in defined:
                add((*at, index), f"`{focus}` is not under `focuses`: add it there or use one of "
                    + ", ".join(f"`{f}`" for f in sorted(defined)))

    seen: set[str] = set()
    for index, rule in enumerate(finder.national):
        at = ("national", index)
        check_focus(rule.focus, (*at, "focus"))
        credential = refs.credentials.get(rule.credential)
        if credential is None:
            add((*at, "credential"), f"no credential `{rule.credential}` in data/credentials/: use one of "
                + ", ".join(f"`{c}`" for c in refs.credentials))
            continue
        if rule.credential in seen:
            add((*at, "credential"), f"`{rule.credential}` has rules already: keep one entry")
        seen.add(rule.credential)
        for kind, topic in NATIONAL_HOURS.items():
            hours = getattr(rule, f"{kind}_hours")
            texts = [r.text for r in credential.requirements if r.topic == topic]
            if hours is not None and not any(_mentions(text, hours) for text in texts):
                stated = f" (\u201c{texts[0]}\u201d)" if texts else " (it has none)"
                add((*at, f"{kind}_hours"),
                    f"{hours:,} is not written in the `{topic}` requirement of `{rule.credential}`{stated}: "
                    f"write the hours exactly as that requirement states them, or leave `{kind}_hours` out")

    covered: set[str] = set()
    for index, state_rule in enumerate(finder.states):
        at = ("states", index)
        state, message = refs.state(state_rule.state)
        if state is None:
            add((*at, "state"), message)
            continue
        if state.code in covered:
            add((*at, "state"), f"`{state.code}` has rules already: keep one entry")
        covered.add(state.code)
        named: set[str] = set()
        separate = {item.focus: item for item in state.separate_credentials}
        for c, rule in enumerate(state_rule.credentials):
            check_focus(rule.focus, (*at, "credentials", c, "focus"))
            for f, focus in enumerate(rule.focus):
                if focus in separate:  # the state file's `covers` are checked against it in states.py
                    add((*at, "credentials", c, "focus", f), f"`{focus}` has a credential of its own in this state "
                        f"(`{separate[focus].name}`, under `separate_credentials` in data/states/{state.slug}.yml): "
                        f"remove `{focus}` here, or remove that entry from the state's file if this credential covers it")
            credential, message = refs.state_credential(state, rule.name)
            if credential is None:
                add((*at, "credentials", c, "name"), message)
                continue
            if rule.name in named:
                add((*at, "credentials", c, "name"), "this credential has rules already: keep one entry")
            named.add(rule.name)
            _check_state_hours(add, (*at, "credentials", c), rule, credential)
            for r, route in enumerate(rule.routes):
                _check_state_hours(add, (*at, "credentials", c, "routes", r), route, credential)
    return problems


def _check_state_hours(add, at, rule: FinderStateCredential | FinderRoute, credential: StateCredential) -> None:
    for kind, name in STATE_HOURS.items():
        hours = getattr(rule, f"{kind}_hours")
        if hours is None:
            continue
        detail: Detail = getattr(credential, name)
        if detail.confidence == "uncertain":
            add((*at, f"{kind}_hours"), f"sources disagree on `{name}` for this credential, so the finder must not "
                f"pick one number: leave `{kind}_hours` out and the finder shows both values")
        elif hours == 0 and detail.found and NO_HOURS.search(detail.value):
            continue  # the text says this route needs none
        elif not detail.found or not _mentions(detail.value, hours):
            stated = f"\u201c{detail.value}\u201d" if detail.found else "not found in our sources"
            add((*at, f"{kind}_hours"), f"{hours:,} is not written in this credential's `{name}` ({stated}): "
                f"write the hours exactly as the state's file states them, or leave `{kind}_hours` out")


def _mentions(text: str, hours: int) -> bool:
    """Whether `text` states the number, as `3,000` or `3000` (not as part of `13,000` or `19.5`)."""
    forms = {f"{hours:,}", str(hours)}
    return any(re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)", text) for form in forms)


# ---------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------


def cited(dataset: Dataset, known: dict, states: list[State] | None = None, national: bool = True) -> Cited:
    """What the finder (every credential and state requirement it shows) or a page of its tables
    cites: the national credentials' requirements and those of `states` (all by default). The
    page's own list holds every source its tables link to (`known`: `rules()` or a part of it), in order."""
    refs = References(dataset)
    items: list = []
    for rule in dataset.finder.model.national if national else []:
        items += refs.credentials[rule.credential].requirements
    for state in dataset.sorted_states() if states is None else states:  # every state, not only those in finder.yml
        for credential in state.credentials:
            items += [credential.scope, credential.training, credential.work_and_supervision,
                      credential.exam, credential.other_requirements]
    return Cited(items=items, reviewed=dataset.finder.model.reviewed, sources=_linked_sources(known))


def state_shelf(name: str) -> str:
    """The page of the tables a state is on, by its name's first letter (`Ohio` -> `o-s`)."""
    first = name[:1].lower()
    return next((shelf for shelf in STATE_SHELVES if shelf[0] <= first <= shelf[-1]), STATE_SHELVES[-1])


def shelf_page(shelf: str) -> str:
    return TABLES_PAGE.removesuffix("index.md") + f"{shelf}.md"


def state_shelves(states: list, name_of) -> dict[str, list]:
    """Shelf -> its states, in order; `name_of(state)` is a state's name."""
    shelves: dict[str, list] = {}
    for state in states:
        shelves.setdefault(state_shelf(name_of(state)), []).append(state)
    return shelves


def tables_menu(dataset: Dataset) -> list:
    """The tables' index, then a page for each range of letters with a state (for careers.pages.paths' menu)."""
    shelves = state_shelves(dataset.sorted_states(), lambda state: state.name)
    return [TABLES_PAGE, *({f"States {shelf_title(shelf)}": shelf_page(shelf)} for shelf in shelves)]


def shelf_title(shelf: str) -> str:
    """The states on a page of the tables, as a phrase: `from A to C`, `starting with N`."""
    return f"starting with {shelf.upper()}" if len(shelf) == 1 else f"from {shelf[0].upper()} to {shelf[-1].upper()}"


def _linked_sources(value) -> list[str]:
    """The source ids a rules structure cites (each rule's `source` and its `others`'), first seen first."""
    found: dict[str, None] = {}
    if isinstance(value, dict):
        if isinstance(value.get("source"), str) and "publisher" in value:
            found[value["source"]] = None
        for item in value.values():
            found.update(dict.fromkeys(_linked_sources(item)))
    elif isinstance(value, list):
        for item in value:
            found.update(dict.fromkeys(_linked_sources(item)))
    return list(found)


def render(renderer) -> None:
    """Add the finder page, its rules as tables and its rules file to the site (called by pages._Renderer.site)."""
    known = rules(renderer.data)
    renderer.out.files[RULES_FILE] = json.dumps(known, ensure_ascii=False, separators=(",", ":")) + "\n"
    page_cites = cited(renderer.data, known)
    reviewed_on = renderer.data.finder.model.reviewed
    # The finder's results show these rules too, with their sources: both pages cite them.
    renderer.render(FINDER_PAGE, "finder/finder.md.j2", "Which credential fits me?", page_cites,
                    known=known, other_state=OTHER_STATE, rules_file=RULES_FILE, max_hours=MAX_HOURS,
                    tables_page=TABLES_PAGE, tables_url=url_of(TABLES_PAGE), reviewed_on=reviewed_on)
    states = {state.code: state for state in renderer.data.sorted_states()}
    shelves = state_shelves(known["states"], lambda state: state["name"])
    national = {**known, "states": []}
    index_cites = cited(renderer.data, national, states=[], national=True)
    renderer.render(TABLES_PAGE, "finder/finder-rules.md.j2", "The finder's rules as tables", index_cites, known=national,
                    shelves=[(shelf, url_of(shelf_page(shelf)), shelf_title(shelf), part) for shelf, part in shelves.items()],
                    finder_url=url_of(FINDER_PAGE), reviewed_on=reviewed_on, cited_ids=index_cites.source_ids())
    for shelf, part in shelves.items():
        page_of = cited(renderer.data, part, states=[states[state["code"]] for state in part], national=False)
        renderer.render(shelf_page(shelf), "finder/finder-rules-states.md.j2", f"The finder's rules: states {shelf_title(shelf)}",
                        page_of, known={**known, "states": part}, states_phrase=shelf_title(shelf),
                        finder_url=url_of(FINDER_PAGE), tables_url=url_of(TABLES_PAGE), cited_ids=page_of.source_ids(),
                        reviewed_on=reviewed_on)


def nav(dataset: Dataset) -> dict:
    return {}  # in the "Plan your path" menu of careers.pages.paths
