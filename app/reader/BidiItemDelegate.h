#pragma once

#include <QStyledItemDelegate>

// Draws each item's text in the direction of its own first strong character, inside a view laid
// out in the UI's direction: an English name in the Arabic UI reads "70 Forces", not "Forces 70",
// and an Arabic name in the English UI keeps its order too. The item stays aligned with the
// view (the text is wrapped in Unicode first strong isolates, U+2068 … U+2069).
class BidiItemDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QString displayText(const QVariant& value, const QLocale& locale) const override;
};
