#include "filters/DateField.h"

#include "reader/HighlightColors.h"

#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLocale>
#include <QScreen>
#include <QToolButton>

namespace {

// Arabic-Indic and Eastern Arabic-Indic digits as ASCII, for the ISO form.
QString asciiDigits(QString text) {
    for (QChar& c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x0660 && u <= 0x0669)
            c = QChar(u'0' + (u - 0x0660));
        else if (u >= 0x06F0 && u <= 0x06F9)
            c = QChar(u'0' + (u - 0x06F0));
    }
    return text;
}

} // namespace

DateField::DateField(const QString& anyDateText, QWidget* parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_button(new QToolButton(this))
    , m_calendar(new QCalendarWidget(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_edit->setPlaceholderText(anyDateText);
    m_edit->setClearButtonEnabled(true);
    // Room for "2020-10-01" or the placeholder, and the clear button.
    const QFontMetrics metrics(m_edit->font());
    m_edit->setMinimumWidth(std::max(metrics.horizontalAdvance(anyDateText),
                                     metrics.horizontalAdvance(QStringLiteral("0000-00-00"))) +
                            metrics.height() + 16);
    layout->addWidget(m_edit, 1);

    m_button->setIcon(QIcon::fromTheme(QStringLiteral("view-calendar")));
    if (m_button->icon().isNull())
        m_button->setArrowType(Qt::DownArrow);
    m_button->setAutoRaise(true);
    m_button->setFocusPolicy(Qt::NoFocus);
    m_button->setToolTip(tr("Pick the day from a calendar (Alt+Down)"));
    layout->addWidget(m_button);

    m_calendar->setWindowFlags(Qt::Popup);
    m_calendar->setGridVisible(false);
    m_calendar->setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
    m_calendar->installEventFilter(this);
    m_calendar->hide();
    m_edit->installEventFilter(this);

    connect(m_button, &QToolButton::clicked, this, &DateField::showCalendar);
    connect(m_calendar, &QCalendarWidget::clicked, this, [this](QDate date) {
        m_calendar->hide();
        choose(date);
    });
    connect(m_calendar, &QCalendarWidget::activated, this, [this](QDate date) {
        m_calendar->hide();
        choose(date);
    });
    connect(m_edit, &QLineEdit::editingFinished, this, &DateField::commitText);
    // The clear button, or the text deleted: back to any date at once.
    connect(m_edit, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (text.trimmed().isEmpty())
            commitText();
        else
            setInvalid(false);
    });
    setFocusProxy(m_edit);
}

void DateField::setDate(QDate date) {
    m_date = date.isValid() ? date : QDate();
    showDate();
}

QDate DateField::parse(const QString& typed) {
    const QString text = asciiDigits(typed.trimmed());
    if (text.isEmpty())
        return {};
    if (const QDate iso = QDate::fromString(text, Qt::ISODate); iso.isValid())
        return iso;
    // Two-digit years are within the eighty years before and twenty after this one.
    const int baseYear = QDate::currentDate().year() - 80;
    const QLocale locale;
    for (const QLocale& l : {locale, QLocale::system()}) {
        const QString shortFormat = l.dateFormat(QLocale::ShortFormat);
        QString fullYear = shortFormat;
        if (!fullYear.contains(QLatin1String("yyyy")))
            fullYear.replace(QLatin1String("yy"), QLatin1String("yyyy"));
        for (const QString& format : {fullYear, shortFormat, l.dateFormat(QLocale::LongFormat)}) {
            if (const QDate date = l.toDate(text, format, baseYear); date.isValid())
                return date;
            if (const QDate date = l.toDate(typed.trimmed(), format, baseYear); date.isValid())
                return date;
        }
    }
    return {};
}

void DateField::showCalendar() {
    const QDate shown = m_date.isValid() ? m_date : QDate::currentDate();
    m_calendar->setSelectedDate(shown);
    m_calendar->setCurrentPage(shown.year(), shown.month());
    m_calendar->adjustSize();
    // Below the field, aligned with its leading edge; above it when the screen ends.
    const QSize size = m_calendar->sizeHint();
    const bool rtl = layoutDirection() == Qt::RightToLeft;
    QPoint position = mapToGlobal(rtl ? QPoint(width() - size.width(), height()) : QPoint(0, height()));
    if (const QScreen* screen = this->screen()) {
        const QRect available = screen->availableGeometry();
        if (position.y() + size.height() > available.bottom())
            position.setY(mapToGlobal(QPoint(0, 0)).y() - size.height());
        position.setX(std::clamp(position.x(), available.left(),
                                 std::max(available.left(), available.right() - size.width())));
    }
    m_calendar->move(position);
    m_calendar->show();
    m_calendar->setFocus(Qt::PopupFocusReason);
}

bool DateField::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (watched == m_edit && (key->key() == Qt::Key_F4 ||
                                  (key->key() == Qt::Key_Down && key->modifiers() & Qt::AltModifier))) {
            showCalendar();
            return true;
        }
        if (watched == m_calendar && key->key() == Qt::Key_Escape) {
            m_calendar->hide();
            m_edit->setFocus(Qt::PopupFocusReason);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void DateField::commitText() {
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty()) {
        setInvalid(false);
        choose({});
        return;
    }
    const QDate date = parse(text);
    if (!date.isValid()) {
        setInvalid(true);
        return;
    }
    choose(date);
}

void DateField::choose(QDate date) {
    const bool changed = date != m_date;
    m_date = date;
    showDate();
    if (changed)
        emit dateChanged(m_date);
}

void DateField::showDate() {
    setInvalid(false);
    const QString text = m_date.isValid() ? m_date.toString(Qt::ISODate) : QString();
    if (m_edit->text() != text)
        m_edit->setText(text);
}

void DateField::setInvalid(bool invalid) {
    m_invalid = invalid;
    QPalette palette = m_edit->palette();
    const QColor error = isDarkPalette(this->palette()) ? QColor(0xff, 0x8a, 0x80) : QColor(0xc0, 0x1c, 0x28);
    palette.setColor(QPalette::Text, invalid ? error : this->palette().color(QPalette::Text));
    m_edit->setPalette(palette);
    // Without its own tip the field shows the widget's ("Published on or after this day").
    m_edit->setToolTip(invalid ? tr("“%1” is not a date. Type a day as %2 or %3, or leave the field empty "
                                    "for any date.")
                                     .arg(m_edit->text().trimmed(), QStringLiteral("2020-10-01"),
                                          QLocale().toString(QDate(2020, 10, 1), QLocale::ShortFormat))
                               : QString());
}
