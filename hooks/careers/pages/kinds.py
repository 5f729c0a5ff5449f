"""Every page kind, in the order pages are rendered and menu sections filled.

Each kind is one module with the same shape: `check(dataset)` (problems only it can find),
`render(renderer)` (its pages, through careers.pages.render) and `nav(dataset)` (its menu entries,
by menu section). To add a page kind: write its module and templates/<kind>/, and list it here.
"""

from . import articles, compare, credentials, faq, finder, jobs, ladder, paths, roles, sources, states

# sources last: it lists the citations the others made
KINDS = [roles, credentials, states, faq, articles, paths, ladder, finder, compare, jobs, sources]
MENU = ["Roles", "Credentials", "States", "Plan your path", "For employers", "Guides", "Questions", "About"]
