"""Rich text: the one allow-list of HTML that narratives and descriptions may hold.

Every write path (the project file reader, the import services, later the web forms)
sanitises rich text on the way in with :func:`sanitise_html`; renderers insert what is
stored as-is, since it is already safe.
"""

from __future__ import annotations

import nh3

ALLOWED_TAGS = frozenset({"p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "a"})

_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes={"a": frozenset({"href"})},
    url_schemes=frozenset({"http", "https", "mailto"}),
    link_rel=None,
)


def sanitise_html(html: str) -> str:
    """Keep only the allowed tags (and ``href`` on links, with a safe URL scheme).

    Other tags are dropped with their text kept, except ``script`` and ``style`` whose
    content goes too; comments go. Sanitising the result again changes nothing.
    """
    return _CLEANER.clean(html) if html else ""
