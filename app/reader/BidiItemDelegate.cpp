#include "reader/BidiItemDelegate.h"

#include "text/TextDirection.h"

QString BidiItemDelegate::displayText(const QVariant& value, const QLocale& locale) const {
    return mirsad::text::isolated(QStyledItemDelegate::displayText(value, locale));
}
