"""Bar charts of the figures data, drawn as inline SVG when the site is built.

No charting library and nothing fetched: a chart is a few ``<rect>`` and ``<text>`` elements. It
is an image with a text alternative (``role="img"``, ``<title>`` and ``<desc>`` giving every
value), and its numbers are real text, so they can be searched, copied and read aloud. Colours
come from the theme's CSS variables (docs/assets/stylesheets/edition.css), which meet WCAG contrast
in the light and the dark palette; the browser tests measure them.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from edition.model.data import Chart, Figure
from edition.model.figure_text import display, with_unit
from edition.model.roles import LOCALES

WIDTH = 400  # viewBox units; the SVG scales to the column, so text stays ~14px on a phone
ROW = 52  # one bar: its label line, then the bar with its value
BAR_TOP = 22
BAR_HEIGHT = 16
VALUE_ROOM = 150  # right of the longest bar, for its value text


def bar_lengths(figures: list[Figure]) -> list[float]:
    """Bar lengths in viewBox units: percentages on a 0-100 scale, counts against the largest."""
    scale = Decimal(100) if figures[0].unit["en"] == "%" else max(f.value for f in figures)
    room = WIDTH - VALUE_ROOM
    return [max(2.0, float(f.value / scale) * room) if scale else 2.0 for f in figures]


def chart_svg(chart: Chart, figures: list[Figure], lang: str) -> str:
    """One chart as an accessible SVG element (a single line of HTML, safe inside Markdown)."""
    title_id, desc_id = f"chart-{chart.id}-title", f"chart-{chart.id}-desc"
    written = LOCALES[lang]
    description = written.separator.join(f"{f.label[lang]}{written.colon}{with_unit(f, lang)}" for f in figures)
    height = ROW * len(figures)
    parts = [
        f'<svg class="edition-chart__svg" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}">{escape(chart.title[lang])}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
    ]
    for index, (figure, length) in enumerate(zip(figures, bar_lengths(figures), strict=True)):
        top = index * ROW
        parts += [
            f'<text class="edition-chart__label" x="0" y="{top + 15}" font-size="14" fill="currentColor">{escape(figure.label[lang])}</text>',
            f'<rect class="edition-chart__bar" x="0" y="{top + BAR_TOP}" width="{length:.1f}" height="{BAR_HEIGHT}" rx="2" fill="#4051b5"/>',
            f'<text class="edition-chart__value" x="{length + 6:.1f}" y="{top + BAR_TOP + 13}" font-size="14" font-weight="bold" fill="currentColor">{escape(display(figure, lang))}</text>',
        ]
    parts.append("</svg>")
    return "".join(parts)
