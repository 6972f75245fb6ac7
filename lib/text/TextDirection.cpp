#include "text/TextDirection.h"

#include <QChar>

namespace mirsad::text {

Qt::LayoutDirection paragraphDirection(QStringView paragraph) {
    const qsizetype size = paragraph.size();
    for (qsizetype i = 0; i < size; ++i) {
        char32_t c = paragraph[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < size && paragraph[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(paragraph[i].unicode(), paragraph[i + 1].unicode());
            ++i;
        }
        switch (QChar::direction(c)) {
        case QChar::DirL:
            return Qt::LeftToRight;
        case QChar::DirR:
        case QChar::DirAL:
            return Qt::RightToLeft;
        default:
            break;
        }
    }
    return Qt::LeftToRight;
}

QString isolated(QStringView text) {
    if (text.isEmpty())
        return {};
    return QChar(0x2068) + text.toString() + QChar(0x2069);
}

QString withoutIsolates(QString text) {
    text.remove(QChar(0x2068));
    text.remove(QChar(0x2069));
    return text;
}

} // namespace mirsad::text
