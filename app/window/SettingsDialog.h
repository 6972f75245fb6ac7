#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFontComboBox;
class QLineEdit;
class QSpinBox;

// Preferences: author name, theme, reader fonts (Latin and Arabic), the default refresh
// interval and whether feeds may load remote content by default. Saved on OK.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    QLineEdit* authorEdit() const { return m_author; }
    QComboBox* themeBox() const { return m_theme; }
    QFontComboBox* arabicFontBox() const { return m_arabicFont; }

    // Writes the values to QSettings (what OK does).
    void save();

private:
    QLineEdit* m_author;
    QComboBox* m_theme;
    QFontComboBox* m_readerFont;
    QSpinBox* m_readerSize;
    QFontComboBox* m_arabicFont;
    QSpinBox* m_refresh;
    QCheckBox* m_remote;
};
