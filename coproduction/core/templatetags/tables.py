"""`{% table_region %}…{% end_table_region %}`: a data table in a scrolling region of its own,
so on a phone or with large text only the table scrolls sideways, never the whole page (WCAG 2.2
SC 1.4.10). The region can be reached by keyboard to scroll it, and is named by the table's
caption, so a screen reader says what it holds."""

import re
from html import unescape

from django import template
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe

register = template.Library()

_CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.DOTALL | re.IGNORECASE)


class TableRegionNode(template.Node):
    def __init__(self, nodelist: template.NodeList):
        self.nodelist = nodelist

    def render(self, context) -> str:
        table = self.nodelist.render(context)
        caption = _CAPTION.search(table)
        if caption is None:
            raise template.TemplateSyntaxError("A table in a region needs a <caption> to name the region")
        name = " ".join(unescape(strip_tags(caption.group(1))).split())
        return format_html('<div class="app-table-region" role="region" aria-label="{}" tabindex="0">{}</div>', name, mark_safe(table))


@register.tag
def table_region(parser, token):
    nodelist = parser.parse(("end_table_region",))
    parser.delete_first_token()
    return TableRegionNode(nodelist)
