#pragma once

#include <QDate>
#include <QWidget>

class QCalendarWidget;
class QLineEdit;
class QToolButton;

// A day for the filter bar, or none ("any date"): typed as an ISO date (2020-10-01) or in the
// locale's short format, or picked from a calendar that opens on the chosen day (today when
// there is none). Empty is "any date": the clear button, or deleting the text, returns to it.
// A typed date applies on Enter or when the field loses the focus; text that is no date is
// marked and changes nothing.
class DateField : public QWidget {
    Q_OBJECT
public:
    DateField(const QString& anyDateText, QWidget* parent = nullptr);

    // The chosen day; null for any date.
    QDate date() const { return m_date; }
    // Shows `date` (null: any date) without emitting dateChanged.
    void setDate(QDate date);

    // Reads a typed day: ISO, the locale's short or long format, with Arabic-Indic digits too.
    // Null when `text` is no date.
    static QDate parse(const QString& text);

    QLineEdit* lineEdit() const { return m_edit; }
    QToolButton* calendarButton() const { return m_button; }
    QCalendarWidget* calendar() const { return m_calendar; }
    // The typed text is no date (it is marked, and its tooltip says why).
    bool hasInvalidText() const { return m_invalid; }

    // Opens the calendar below the field (also Alt+Down or F4 in the field).
    void showCalendar();

signals:
    // The user chose another day (null: any date).
    void dateChanged(QDate date);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void commitText();
    void choose(QDate date);
    void showDate();
    void setInvalid(bool invalid);

    QLineEdit* m_edit;
    QToolButton* m_button;
    QCalendarWidget* m_calendar;
    QDate m_date;
    bool m_invalid = false;
};
