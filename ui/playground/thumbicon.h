#pragma once

#include <QPainterPath>
#include <QRectF>

namespace bankbench::ui {

/// A thumbs-up (or, mirrored top to bottom, thumbs-down) silhouette filling `box`, for the feedback chips
/// under bot answers. Drawn as a path rather than the 👍/👎 emoji because a Debian desktop without a colour
/// emoji font (fonts-noto-color-emoji is not a dependency) shows those as empty boxes.
QPainterPath thumbPath(const QRectF& box, bool up);

} // namespace bankbench::ui
