"""Plots as small SVG files written in pure Python: no plotting library in the install.

Classification gets a confusion matrix and ROC and precision-recall curves (one curve for binary,
one per class against the rest for multiclass); regression gets its residuals; both get the
features' importances when the model has them (feature_importances_, or coef_ for linear models).
Every tracker stores them beside the run, and browsers, GitHub and `dvc plots show` display them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape

import numpy as np
from sklearn.metrics import precision_recall_curve, roc_curve

from ml_project.data import (
    Split,
    is_classification,
)
from ml_project.model import scores
from ml_project.params import Task

CELL = 72
MARGIN = 120
# The plotting area of the charts, and the space around it for the axes' labels.
WIDTH, HEIGHT, LEFT, TOP = 420, 320, 70, 40
COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f")
# At most this many points per chart: enough to see the shape, small enough for a browser.
MAX_POINTS = 2000
# Feature importances: the largest ones only.
MAX_BARS = 20


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


def thin(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """At most MAX_POINTS of `points`, evenly spaced, the first and last kept."""
    if len(points) <= MAX_POINTS:
        return list(points)
    keep = np.linspace(0, len(points) - 1, MAX_POINTS).round().astype(int)
    return [points[index] for index in keep]


def chart_svg(
    title: str,
    axes: tuple[str, str],
    series: Mapping[str, Sequence[tuple[float, float]]],
    *,
    lines: bool,
    bounds: tuple[float, float, float, float] | None = None,
    guide: tuple[tuple[float, float], tuple[float, float]] | None = None,
) -> str:
    """A chart of each series, as a line or as dots, with a legend; `guide` is a dashed line.

    `bounds` is (x min, x max, y min, y max); by default the data's own.
    """
    every = [point for points in series.values() for point in points]
    if bounds is None:
        xs, ys = [x for x, _ in every] or [0.0], [y for _, y in every] or [0.0]
        bounds = (min(xs), max(xs), min(ys), max(ys))
    x_low, x_high, y_low, y_high = bounds
    x_span, y_span = (x_high - x_low) or 1.0, (y_high - y_low) or 1.0

    def place(x: float, y: float) -> tuple[str, str]:
        return (
            f"{LEFT + (x - x_low) / x_span * WIDTH:.1f}",
            f"{TOP + (y_high - y) / y_span * HEIGHT:.1f}",
        )

    def at(x: float, y: float) -> str:
        return ",".join(place(x, y))

    width, height = LEFT + WIDTH + 180, TOP + HEIGHT + 50
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="sans-serif" font-size="13">',
        f"<title>{escape(title)}</title>",
        f'<text x="{LEFT}" y="20" font-size="15">{escape(title)}</text>',
        f'<rect x="{LEFT}" y="{TOP}" width="{WIDTH}" height="{HEIGHT}" fill="none" stroke="gray"/>',
        f'<text x="{LEFT + WIDTH // 2}" y="{TOP + HEIGHT + 40}" text-anchor="middle">'
        f"{escape(axes[0])}</text>",
        f'<text x="14" y="{TOP + HEIGHT // 2}" transform="rotate(-90 14 {TOP + HEIGHT // 2})" '
        f'text-anchor="middle">{escape(axes[1])}</text>',
    ]
    for value, anchor in ((x_low, "start"), (x_high, "end")):
        x = LEFT if anchor == "start" else LEFT + WIDTH
        parts.append(
            f'<text x="{x}" y="{TOP + HEIGHT + 18}" text-anchor="{anchor}">{value:.3g}</text>'
        )
    for value, y in ((y_high, TOP + 10), (y_low, TOP + HEIGHT)):
        parts.append(f'<text x="{LEFT - 6}" y="{y}" text-anchor="end">{value:.3g}</text>')
    if guide is not None:
        (x1, y1), (x2, y2) = guide
        parts.append(
            f'<polyline points="{at(x1, y1)} {at(x2, y2)}" fill="none" stroke="gray" '
            f'stroke-dasharray="4 4"/>'
        )
    for index, (name, points) in enumerate(series.items()):
        color = COLORS[index % len(COLORS)]
        shown = thin(points)
        if lines:
            path = " ".join(at(x, y) for x, y in shown)
            parts.append(
                f'<polyline class="series" points="{path}" fill="none" stroke="{color}" '
                f'stroke-width="2"/>'
            )
        else:
            parts.append(f'<g class="series" fill="{color}" fill-opacity="0.6">')
            for x, y in shown:
                cx, cy = place(x, y)
                parts.append(f'<circle cx="{cx}" cy="{cy}" r="3"/>')
            parts.append("</g>")
        legend_y = TOP + 14 + 18 * index
        parts.append(
            f'<rect x="{LEFT + WIDTH + 14}" y="{legend_y - 10}" width="12" height="12" '
            f'fill="{color}"/>'
        )
        parts.append(f'<text x="{LEFT + WIDTH + 32}" y="{legend_y}">{escape(name)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def bars_svg(title: str, values: Mapping[str, float]) -> str:
    """Horizontal bars of the largest MAX_BARS `values` (by size), longest first."""
    top = sorted(values.items(), key=lambda item: -abs(item[1]))[:MAX_BARS]
    largest = max((abs(value) for _, value in top), default=0.0) or 1.0
    label_width, bar_width, row = 220, 300, 22
    height = TOP + row * len(top) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_width + bar_width + 90}" '
        f'height="{height}" font-family="sans-serif" font-size="13">',
        f"<title>{escape(title)}</title>",
        f'<text x="10" y="20" font-size="15">{escape(title)}</text>',
    ]
    for index, (name, value) in enumerate(top):
        y = TOP + index * row
        length = abs(value) / largest * bar_width
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end">{escape(name)}</text>'
        )
        parts.append(
            f'<rect class="bar" x="{label_width}" y="{y + 3}" width="{length:.1f}" height="16" '
            f'fill="{COLORS[0]}"/>'
        )
        parts.append(f'<text x="{label_width + length + 6:.1f}" y="{y + 15}">{value:.3g}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def one_vs_rest(model: Any, split: Split) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per class, whether each test row is in it and the model's score for it. A binary task
    has one curve, of the positive class (the second label); multiclass one per class."""
    score = scores(model, split.x_test)
    classes = list(model.classes_)
    names = dict(zip(classes, split.class_names or map(str, classes), strict=False))
    shown = classes[1:] if len(classes) == 2 else classes
    return {
        names[label]: (split.y_test == label, score[:, classes.index(label)]) for label in shown
    }


def curve_plots(model: Any, split: Split) -> dict[str, str]:
    """The ROC and precision-recall curves of a classifier on the test rows."""
    roc: dict[str, list[tuple[float, float]]] = {}
    pr: dict[str, list[tuple[float, float]]] = {}
    for name, (is_class, score) in one_vs_rest(model, split).items():
        if is_class.all() or not is_class.any():
            continue  # no curve for a class absent from (or alone in) the test rows
        false_positive, true_positive, _ = roc_curve(is_class, score)
        roc[name] = list(zip(false_positive.tolist(), true_positive.tolist(), strict=True))
        precision, recall, _ = precision_recall_curve(is_class, score)
        pr[name] = list(zip(recall.tolist(), precision.tolist(), strict=True))
    unit = (0.0, 1.0, 0.0, 1.0)
    return {
        "roc_curve": chart_svg(
            "ROC curve (one class against the rest)",
            ("false positive rate", "true positive rate"),
            roc,
            lines=True,
            bounds=unit,
            guide=((0.0, 0.0), (1.0, 1.0)),
        ),
        "pr_curve": chart_svg(
            "Precision-recall curve (one class against the rest)",
            ("recall", "precision"),
            pr,
            lines=True,
            bounds=unit,
        ),
    }


def residuals_svg(truth: np.ndarray, predicted: np.ndarray) -> str:
    """Residuals (true minus predicted) against the prediction: a good model's hug zero."""
    points = list(zip(predicted.tolist(), (truth - predicted).tolist(), strict=True))
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    # Symmetric about zero, so the zero line is in the middle.
    reach = max((abs(y) for y in ys), default=1.0) or 1.0
    bounds = (min(xs, default=0.0), max(xs, default=1.0), -reach, reach)
    return chart_svg(
        "Residuals on the held-out rows",
        ("predicted", "true - predicted"),
        {"rows": points},
        lines=False,
        bounds=bounds,
        guide=((bounds[0], 0.0), (bounds[1], 0.0)),
    )


def importances(model: Any, feature_names: Sequence[str]) -> dict[str, float] | None:
    """feature_importances_, or the size of coef_ (averaged over classes); None without either."""
    values = getattr(model, "feature_importances_", None)
    if values is None and getattr(model, "coef_", None) is not None:
        coef = np.abs(np.asarray(model.coef_, dtype=float))
        values = coef.mean(axis=0) if coef.ndim == 2 else coef
    if values is None or len(values) != len(feature_names):
        return None
    return {name: float(value) for name, value in zip(feature_names, values, strict=True)}


def task_plots(
    task: Task, model: Any, split: Split, confusion: Sequence[Sequence[int]]
) -> dict[str, str]:
    """Every plot of a run by name: what the task calls for, and the features' importances."""
    plots: dict[str, str] = {}
    if is_classification(task):
        plots["confusion_matrix"] = confusion_matrix_svg(confusion, split.class_names)
        plots.update(curve_plots(model, split))
    else:
        plots["residuals"] = residuals_svg(
            np.asarray(split.y_test, dtype=float), np.asarray(model.predict(split.x_test))
        )
    found = importances(model, split.feature_names)
    if found is not None:
        plots["feature_importances"] = bars_svg("Feature importances", found)
    return plots
