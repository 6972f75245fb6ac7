#include "filters/SearchHelp.h"

#include "text/TextDirection.h"

#include <QApplication>
#include <QLabel>
#include <QScreen>
#include <QVBoxLayout>

namespace {

// An example as typed in the box, on one line. Each is alone in its cell, whose paragraph takes
// the direction of its first letter: an Arabic one reads from the right, its "-" and "*" where
// the user types them.
QString example(const QString& typed) {
    return QStringLiteral("<span style=\"white-space:pre\">%1</span>").arg(typed.toHtmlEscaped());
}

// Arabic letters inside an English sentence (or the other way round): isolated, so that the
// commas and words around them keep their order, and on one line.
QString arabic(QStringView letters) {
    return mirsad::text::isolated(letters.toString().replace(u' ', QChar(0x00a0))).toHtmlEscaped();
}

} // namespace

SearchHelp::SearchHelp(QWidget* parent)
    : QFrame(parent, Qt::Popup) {
    setObjectName(QStringLiteral("searchHelp"));
    setFrameShape(QFrame::StyledPanel);
    setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    m_label = new QLabel(text(), this);
    m_label->setObjectName(QStringLiteral("searchHelpText"));
    m_label->setTextFormat(Qt::RichText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setWordWrap(true);
    m_label->setFixedWidth(m_label->fontMetrics().averageCharWidth() * 90);
    layout->addWidget(m_label);
}

void SearchHelp::showBelow(QWidget* anchor) {
    adjustSize();
    const bool rtl = anchor->layoutDirection() == Qt::RightToLeft;
    QPoint at = anchor->mapToGlobal(QPoint(rtl ? anchor->width() - width() : 0, anchor->height() + 2));
    if (const QScreen* screen = anchor->screen()) {
        const QRect area = screen->availableGeometry();
        at.setX(qBound(area.left(), at.x(), qMax(area.left(), area.right() - width())));
        if (at.y() + height() > area.bottom())
            at.setY(qMax(area.top(), anchor->mapToGlobal(QPoint(0, 0)).y() - height() - 2));
    }
    move(at);
    show();
}

QString SearchHelp::summary() {
    return tr("Search titles and text: words (all must match, in any form), \"exact phrase\", a OR b, "
              "-word to leave out, prefix*. F1 for help.");
}

QString SearchHelp::text() {
    struct Row {
        QString syntax;
        QString meaning; // rich text
        QString arabic;
        QString english;
    };
    const QList<Row> rows = {
        {tr("words"),
         tr("Articles with every word, in any of its forms: with %1 and %2 in front, and inflected "
            "(delegation finds delegations).")
             .toHtmlEscaped()
             .arg(arabic(u"و ف ب ل ك"), arabic(u"ال")),
         QStringLiteral("نفط كركوك"), QStringLiteral("oil Kirkuk")},
        {tr("\"exact phrase\""), tr("These words in this order, as written: no other forms.").toHtmlEscaped(),
         QStringLiteral("\"إقليم كوردستان\""), QStringLiteral("\"oil exports\"")},
        {tr("a OR b"), tr("Either of them. OR in capitals.").toHtmlEscaped(),
         QStringLiteral("اربيل OR هولير"), QStringLiteral("Erbil OR Hawler")},
        {tr("-word"), tr("Leaves out the articles that have it (also -\"a phrase\").").toHtmlEscaped(),
         QStringLiteral("نفط -كركوك"), QStringLiteral("oil -Kirkuk")},
        {tr("prefix*"),
         tr("Words that start with it, after their clitics: at least 2 letters.").toHtmlEscaped(),
         QStringLiteral("كرد*"), QStringLiteral("kurd*")},
    };
    QString html = QStringLiteral("<p><b>%1</b></p><table cellspacing=\"0\" cellpadding=\"4\">")
                       .arg(tr("Searching titles and text").toHtmlEscaped());
    html += QStringLiteral("<tr><th></th><th></th><th>%1</th><th>%2</th></tr>")
                .arg(tr("Arabic").toHtmlEscaped(), tr("English").toHtmlEscaped());
    for (const Row& row : rows) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td>%3</td><td>%4</td></tr>")
                    .arg(row.syntax.toHtmlEscaped(), row.meaning, example(row.arabic), example(row.english));
    }
    html +=
        QStringLiteral("</table><p>%1</p><p>%2</p>")
            .arg(tr("Spelling variants never matter: %1 and %2, %3 and %4, %5 and %6, diacritics, tatweel "
                    "and capital letters.")
                     .toHtmlEscaped()
                     .arg(arabic(u"أ إ آ"), arabic(u"ا"), arabic(u"ى"), arabic(u"ي"), arabic(u"ة"),
                          arabic(u"ه")),
                 tr("The list follows as you type; Enter searches at once.").toHtmlEscaped());
    return html;
}
