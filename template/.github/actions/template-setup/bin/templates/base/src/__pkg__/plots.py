"""Plots as small SVG files written in pure Python: no plotting library in the install.

Every tracker stores them beside the run, and browsers, GitHub and `dvc plots show` display them.
"""

from collections.abc import Sequence
from xml.sax.saxutils import escape

CELL = 72
MARGIN = 120


def confusion_matrix_svg(matrix: Sequence[Sequence[int]], labels: Sequence[str]) -> str:
    """The confusion matrix as an SVG grid: rows are true classes, columns predicted ones.

    Each cell shows its count and is shaded by it, darkest for the largest.
    """
    size = len(labels)
    if len(matrix) != size or any(len(row) != size for row in matrix):
        raise ValueError(f"expected a {size}x{size} matrix for {size} labels")
    largest = max((count for row in matrix for count in row), default=0) or 1
    side = MARGIN + size * CELL
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{side}" height="{side}" '
        f'font-family="sans-serif" font-size="14">',
        "<title>Confusion matrix (rows: true class, columns: predicted)</title>",
        f'<text x="{MARGIN}" y="18">predicted</text>',
        f'<text x="12" y="{MARGIN - 8}">true</text>',
    ]
    for column, label in enumerate(labels):
        x = MARGIN + column * CELL + CELL // 2
        parts.append(f'<text x="{x}" y="{MARGIN - 8}" text-anchor="middle">{escape(label)}</text>')
    for row, (label, counts) in enumerate(zip(labels, matrix, strict=True)):
        y = MARGIN + row * CELL
        parts.append(f'<text x="12" y="{y + CELL // 2 + 5}">{escape(label)}</text>')
        for column, count in enumerate(counts):
            x = MARGIN + column * CELL
            # Blue from white (0) to dark (the largest count); text turns white on dark cells.
            shade = count / largest
            fill = f"rgb({round(255 - 200 * shade)},{round(255 - 150 * shade)},255)"
            ink = "white" if shade > 0.6 else "black"
            parts.append(
                f'<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" fill="{fill}" '
                f'stroke="gray"/>'
            )
            parts.append(
                f'<text x="{x + CELL // 2}" y="{y + CELL // 2 + 5}" text-anchor="middle" '
                f'fill="{ink}" class="count">{count}</text>'
            )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
