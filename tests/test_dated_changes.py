"""Time-sensitive rules carry their date: a page says what changes when, and once the date has passed
says so by itself, and the build warns. No test here depends on today's date."""

from __future__ import annotations

import datetime

from bs4 import BeautifulSoup

from careers import build_site

WA = "states/wa.md"
DUE = datetime.date(2026, 12, 31)  # data/states/wa.yml: the Certified Peer Counselor Medicaid route


def _notes(site) -> list[str]:
    soup = BeautifulSoup(site.pages[WA], "lxml")
    return [" ".join(p.get_text().split()) for p in soup.select("p.state-note") if p.find("time")]


def test_before_the_date_the_page_says_what_changes_when(data_copy):
    site = build_site(data_copy, today=DUE - datetime.timedelta(days=29))
    assert _notes(site) == ["Due to change on 31 December 2026: A proposed rule (WSR 25-05-099, February 2025) ends "
                            "Medicaid peer counselor services after this date and repeals WAC 182-115-0200, the rule "
                            "for this credential. (Washington State Legislature (app.leg.wa.gov))"]
    assert not [w for w in site.warnings if "due to change" in str(w) and str(w).startswith("data/states/wa.yml:")]


def test_after_the_date_the_page_says_to_check_and_the_build_warns(data_copy):
    site = build_site(data_copy, today=DUE + datetime.timedelta(days=1))
    assert _notes(site)[0].startswith("This was due to change on 31 December 2026: A proposed rule")
    assert "Check the current rules before you apply." in _notes(site)[0]
    warnings = [str(w) for w in site.warnings if "due to change" in str(w) and str(w).startswith("data/states/wa.yml:")]
    assert len(warnings) == 1
    assert warnings[0].endswith("credentials[1].changes[1].date: this was due to change on 2026-12-31 and the page now "
                                "says so: check what the rules are now, update the credential, and remove or update this change")


def test_the_built_page_follows_the_day_it_was_built(html_pages):
    notes = [" ".join(p.get_text().split()) for p in html_pages["states/wa/index.html"].select("p.state-note") if p.find("time")]
    expected = "This was due to change on" if datetime.date.today() > DUE else "Due to change on"
    assert len(notes) == 1 and notes[0].startswith(expected)
