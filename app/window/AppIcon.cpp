#include "window/AppIcon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace {

// The drawing of the SVG (a 64 × 64 view box): an observatory's dome seen as a lens, with rays.
QPixmap paintIcon(int size) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(size / 64.0, size / 64.0);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x1d, 0x4e, 0x89));
    painter.drawRoundedRect(QRectF(4, 4, 56, 56), 12, 12);
    const QColor gold(0xf4, 0xd3, 0x5e);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(gold, 5));
    painter.drawEllipse(QPointF(32, 34), 16, 16);
    painter.setPen(Qt::NoPen);
    painter.setBrush(gold);
    painter.drawEllipse(QPointF(32, 34), 5, 5);
    painter.setPen(QPen(Qt::white, 4, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(QPointF(32, 10), QPointF(32, 18));
    painter.drawLine(QPointF(14, 20), QPointF(19, 25));
    painter.drawLine(QPointF(50, 20), QPointF(45, 25));
    return pixmap;
}

} // namespace

QIcon appIcon() {
    QIcon painted;
    for (int size : {16, 22, 32, 48, 64, 128, 256})
        painted.addPixmap(paintIcon(size));
    return QIcon::fromTheme(QStringLiteral("app.mirsad.Mirsad"), painted);
}
