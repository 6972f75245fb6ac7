#include "window/SettingsDialog.h"

#include "window/AppSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent)
    , m_author(new QLineEdit(AppSettings::author()))
    , m_theme(new QComboBox)
    , m_readerFont(new QFontComboBox)
    , m_readerSize(new QSpinBox)
    , m_arabicFont(new QFontComboBox)
    , m_refresh(new QSpinBox)
    , m_remote(new QCheckBox(tr("Load remote images and content for new feeds"))) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_theme->addItem(tr("System"), int(AppSettings::Theme::System));
    m_theme->addItem(tr("Light"), int(AppSettings::Theme::Light));
    m_theme->addItem(tr("Dark"), int(AppSettings::Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(AppSettings::theme())));
    const QFont reader = AppSettings::readerFont();
    m_readerFont->setCurrentFont(reader);
    m_readerSize->setRange(7, 40);
    m_readerSize->setSuffix(tr(" pt"));
    m_readerSize->setValue(qRound(reader.pointSizeF()));
    m_arabicFont->setWritingSystem(QFontDatabase::Arabic);
    m_arabicFont->setCurrentFont(AppSettings::arabicFont());
    m_refresh->setRange(5, 24 * 60);
    m_refresh->setSuffix(tr(" min"));
    m_refresh->setValue(AppSettings::refreshMinutes());
    m_remote->setChecked(AppSettings::allowRemoteContentByDefault());

    auto* form = new QFormLayout;
    form->addRow(tr("&Author of notes:"), m_author);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("&Reader font:"), m_readerFont);
    form->addRow(tr("Reader font &size:"), m_readerSize);
    form->addRow(tr("&Arabic font:"), m_arabicFont);
    form->addRow(tr("Refresh feeds &every:"), m_refresh);
    form->addRow(QString(), m_remote);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void SettingsDialog::save() {
    AppSettings::setAuthor(m_author->text());
    AppSettings::setTheme(AppSettings::Theme(m_theme->currentData().toInt()));
    QFont reader = m_readerFont->currentFont();
    reader.setPointSize(m_readerSize->value());
    AppSettings::setReaderFont(reader);
    AppSettings::setArabicFont(m_arabicFont->currentFont());
    AppSettings::setRefreshMinutes(m_refresh->value());
    AppSettings::setAllowRemoteContentByDefault(m_remote->isChecked());
}
