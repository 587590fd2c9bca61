#include "playground/thumbicon.h"

#include <QTransform>

#include <algorithm>

namespace bankbench::ui {

namespace {

// Drawn upright in a unit square (y grows downwards): the cuff on the left, the closed hand beside it, the
// thumb rising from the hand's upper left corner. Built once: the boolean operations are not cheap, and
// every bot bubble paints two thumbs.
QPainterPath unitThumb() {
    QPainterPath cuff;
    cuff.addRoundedRect(QRectF(0.0, 0.44, 0.22, 0.56), 0.05, 0.05);
    QPainterPath hand;
    hand.addRoundedRect(QRectF(0.28, 0.40, 0.72, 0.60), 0.12, 0.12);
    QPainterPath thumb;
    thumb.moveTo(0.28, 0.50);
    thumb.lineTo(0.44, 0.10);
    thumb.quadTo(0.50, 0.0, 0.58, 0.04);
    thumb.quadTo(0.66, 0.08, 0.63, 0.20);
    thumb.lineTo(0.58, 0.42);
    thumb.closeSubpath();
    QPainterPath unit = cuff.united(hand.united(thumb));
    // Gaps between the fingers: the silhouette reads as a hand rather than a block at chip sizes.
    for (const double y : {0.58, 0.72, 0.86}) {
        QPainterPath gap;
        gap.addRect(QRectF(0.62, y - 0.02, 0.40, 0.04));
        unit = unit.subtracted(gap);
    }
    return unit;
}

} // namespace

QPainterPath thumbPath(const QRectF& box, bool up) {
    static const QPainterPath unit = unitThumb();
    const double side = std::min(box.width(), box.height());
    QTransform transform;
    transform.translate(box.center().x() - side / 2, box.center().y() - side / 2);
    if (!up) {
        transform.translate(0, side);
        transform.scale(side, -side);
    } else {
        transform.scale(side, side);
    }
    return transform.map(unit);
}

} // namespace bankbench::ui
