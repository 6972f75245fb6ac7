#include "names/NameMatcher.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

using namespace mirsad::names;
using namespace Qt::StringLiterals;

namespace {

// A small gazetteer with the hard cases, so that these tests do not depend on the shipped data.
const QString kTestGazetteer =
    u"iraq\tplace\tIraq\tالعراق\n"
    "kurdistan\tplace\tKurdistan\tكردستان\tكوردستان\n"
    "kurdistan-region\tplace\tKurdistan Region\tإقليم كردستان\tKurdistan Region of Iraq|KRI|اقليم "
    "كوردستان\tiraq\n"
    "erbil-governorate\tplace\tErbil Governorate\tمحافظة أربيل\t\tkurdistan-region\n"
    "erbil\tplace\tErbil\tأربيل\tIrbil|Arbil|Hawler|Hewlêr|هەولێر\terbil-governorate\n"
    "sulaymaniyah\tplace\tSulaymaniyah\tالسليمانية\tSulaimani|Slemani|سلێمانی\tkurdistan-region\n"
    "duhok\tplace\tDuhok\tدهوك\tDohuk\tkurdistan-region\n"
    "baghdad\tplace\tBaghdad\tبغداد\t\tiraq\n"
    "sadr-city\tplace\tSadr City\tمدينة الصدر\t\tbaghdad\n"
    "kadhimiya\tplace\tKadhimiya\tالكاظمية\tKazimiyah|Al-Kadhimiya\tbaghdad\n"
    "mosul\tplace\tMosul\tالموصل\t\tiraq\n"
    "sudan\tplace\tSudan\tالسودان\n"
    "hit\tplace\tHit\tهيت\t\tiraq\n"
    "kut\tplace\tKut\tالكوت\tAl-Kut\tiraq\n"
    "balad\tplace\tBalad\tبلد\t\tiraq\n"
    "kirkuk-governorate\tplace\tKirkuk Governorate\tمحافظة كركوك\tKirkuk|كركوك\tiraq\n"
    "kirkuk\tplace\tKirkuk\tكركوك\t\tkirkuk-governorate\n"
    "mustafa-al-kadhimi\tperson\tMustafa al-Kadhimi\tمصطفى الكاظمي\tal-Kadhimi|الكاظمي\n"
    "mohammed-shia-al-sudani\tperson\tMohammed Shia al-Sudani\tمحمد شياع السوداني\tal-Sudani|السوداني\n"
    "muqtada-al-sadr\tperson\tMuqtada al-Sadr\tمقتدى الصدر\tal-Sadr|الصدر\n"
    "abu-bakr-al-baghdadi\tperson\tAbu Bakr al-Baghdadi\tأبو بكر البغدادي\tal-Baghdadi|البغدادي\n"
    "masoud-barzani\tperson\tMasoud Barzani\tمسعود بارزاني\tMassoud Barzani|Barzani|مسعود "
    "البارزاني|بارزاني|البارزاني\n"
    "nechirvan-barzani\tperson\tNechirvan Barzani\tنيجيرفان بارزاني\tBarzani|بارزاني|البارزاني\n"
    "masrour-barzani\tperson\tMasrour Barzani\tمسرور بارزاني\tBarzani|بارزاني|البارزاني\n"
    "isis\torganization\tIslamic State\tداعش\tISIS|ISIL|IS|Daesh|الدولة الإسلامية\n"
    "pmf\torganization\tPopular Mobilization Forces\tالحشد الشعبي\tPMF|Hashd al-Shaabi\n"
    "baath\torganization\tBa'ath Party\tحزب البعث\tBa'ath|البعث\n"_s;

Gazetteer testGazetteer() {
    QByteArray bytes = kTestGazetteer.toUtf8();
    QBuffer buffer(&bytes);
    Gazetteer gazetteer;
    const auto loaded = gazetteer.loadTsv(buffer, u"test.tsv"_s);
    if (!loaded)
        qFatal("%s", qPrintable(loaded.error()));
    return gazetteer;
}

const NameMatcher& testMatcher() {
    static const NameMatcher matcher(testGazetteer());
    return matcher;
}

// "entity:surface" for each mention, after checking every span against the text.
QString describe(const QString& text, const QList<Mention>& mentions) {
    QStringList parts;
    qsizetype previousEnd = 0;
    for (const Mention& m : mentions) {
        if (m.start < previousEnd || m.end <= m.start || m.end > text.size())
            return u"bad span [%1, %2)"_s.arg(m.start).arg(m.end);
        if (text.mid(m.start, m.end - m.start) != m.surface)
            return u"surface \"%1\" is not the text at [%2, %3)"_s.arg(m.surface).arg(m.start).arg(m.end);
        previousEnd = m.end;
        parts.append(m.entityId + u':' + m.surface);
    }
    return parts.join(u"; "_s);
}

} // namespace

class TestNameMatcher : public QObject {
    Q_OBJECT

private slots:
    void matches_data();
    void matches();
    void offsetsAfterEmoji();
    void seedArticle();
    void resolve_data();
    void resolve();
    void resolveFiltersByKind();
    void suggest();
    void likelySpellings_data();
    void likelySpellings();
    void emptyMatcher();
    void copiesShareAndAgree();
    void builtinGazetteer_data();
    void builtinGazetteer();
};

void TestNameMatcher::matches_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    // The seed's spellings
    QTest::newRow("Al-Kazemi") << u"Al-Kazemi refers to coordination"_s << u"mustafa-al-kadhimi:Al-Kazemi"_s;
    QTest::newRow("Mustafa Al-Kazimi")
        << u"Prime Minister Mustafa Al-Kazimi mentioned"_s << u"mustafa-al-kadhimi:Mustafa Al-Kazimi"_s;
    QTest::newRow("Kadhimi without article") << u"said Kadhimi."_s << u"mustafa-al-kadhimi:Kadhimi"_s;
    QTest::newRow("Baghdad and Erbil")
        << u"between Baghdad and Erbil, that"_s << u"baghdad:Baghdad; erbil:Erbil"_s;
    QTest::newRow("Irbil") << u"in Sulaymaniyah or Irbil"_s << u"sulaymaniyah:Sulaymaniyah; erbil:Irbil"_s;
    QTest::newRow("Hawler, Hewlêr") << u"from Hawler to Hewler and Hewlêr"_s
                                    << u"erbil:Hawler; erbil:Hewler; erbil:Hewlêr"_s;
    QTest::newRow("Sulaimaniyah spellings")
        << u"Sulaimaniyah, Sulaimaniya, Slemani"_s
        << u"sulaymaniyah:Sulaimaniyah; sulaymaniyah:Sulaimaniya; sulaymaniyah:Slemani"_s;
    QTest::newRow("possessive") << u"Kurdistan Region’s share"_s << u"kurdistan-region:Kurdistan Region"_s;
    QTest::newRow("run-together tags")
        << u"PoliticsDisputed areasKurdistan RegionMustafa Al-KazemiISIS attacks in IraqShare"_s
        << u"kurdistan-region:Kurdistan Region; mustafa-al-kadhimi:Mustafa Al-Kazemi; "
           "isis:ISIS; iraq:Iraq"_s;

    // Arabic: clitics, diacritics, tatweel, hamza, Kurdish letters
    QTest::newRow("wa + hamza") << u"بين بغداد وأربيل"_s << u"baghdad:بغداد; erbil:أربيل"_s;
    QTest::newRow("bi + al") << u"انفجار بالموصل"_s << u"mosul:الموصل"_s;
    QTest::newRow("li") << u"التصدي لداعش"_s << u"isis:داعش"_s;
    QTest::newRow("li + al = lil") << u"وقال مستشار للكاظمي"_s << u"mustafa-al-kadhimi:لكاظمي"_s;
    QTest::newRow("wa + lil") << u"وللكاظمي"_s << u"mustafa-al-kadhimi:لكاظمي"_s;
    QTest::newRow("fa + bi + al") << u"فبالموصل"_s << u"mosul:الموصل"_s;
    QTest::newRow("diacritics") << u"قال الكَاظِمِيّ اليوم"_s << u"mustafa-al-kadhimi:الكَاظِمِيّ"_s;
    QTest::newRow("tatweel") << u"في بـغداد"_s << u"baghdad:بـغداد"_s;
    QTest::newRow("hamza-less") << u"في اربيل"_s << u"erbil:اربيل"_s;
    QTest::newRow("Kurdish spelling") << u"لە هەولێر"_s << u"erbil:هەولێر"_s;
    QTest::newRow("Kurdish letters in a name") << u"سلێمانی"_s << u"sulaymaniyah:سلێمانی"_s;
    QTest::newRow("presentation forms") << u"ﺑﻐﺪﺍﺩ"_s << u"baghdad:ﺑﻐﺪﺍﺩ"_s;
    QTest::newRow("ZWNJ inside") << u"بغ\u200Cداد"_s << u"baghdad:بغ\u200Cداد"_s;
    QTest::newRow("full name") << u"رئيس الوزراء مصطفى الكاظمي"_s << u"mustafa-al-kadhimi:مصطفى الكاظمي"_s;
    QTest::newRow("two-word Arabic") << u"الحشد الشعبي"_s << u"pmf:الحشد الشعبي"_s;

    // Precision traps
    QTest::newRow("Sudan is not al-Sudani (ar)")
        << u"زار السوداني السودان"_s << u"mohammed-shia-al-sudani:السوداني; sudan:السودان"_s;
    QTest::newRow("Sudan is not al-Sudani (en)")
        << u"al-Sudani visited Sudan"_s << u"mohammed-shia-al-sudani:al-Sudani; sudan:Sudan"_s;
    QTest::newRow("Sudanese is neither") << u"Sudanese and سودانيون"_s << QString();
    QTest::newRow("Kadhimiya is not Kadhimi")
        << u"Kadhimiya and Kazimiyah"_s << u"kadhimiya:Kadhimiya; kadhimiya:Kazimiyah"_s;
    QTest::newRow("الكاظمية is not الكاظمي") << u"في الكاظمية"_s << u"kadhimiya:الكاظمية"_s;
    QTest::newRow("Sadr City is a place") << u"Muqtada al-Sadr spoke in Sadr City"_s
                                          << u"muqtada-al-sadr:Muqtada al-Sadr; sadr-city:Sadr City"_s;
    QTest::newRow("مدينة الصدر is a place") << u"في مدينة الصدر"_s << u"sadr-city:مدينة الصدر"_s;
    QTest::newRow("al-Baghdadi is not Baghdad") << u"al-Baghdadi, Baghdadi, Baghdad"_s
                                                << u"abu-bakr-al-baghdadi:al-Baghdadi; "
                                                   "abu-bakr-al-baghdadi:Baghdadi; baghdad:Baghdad"_s;
    QTest::newRow("البغدادي is not بغداد") << u"البغدادي"_s << u"abu-bakr-al-baghdadi:البغدادي"_s;
    QTest::newRow("longest: Kurdistan Region")
        << u"Kurdistan Region and Kurdistan"_s << u"kurdistan-region:Kurdistan Region; kurdistan:Kurdistan"_s;
    QTest::newRow("longest: Kurdistan Region of Iraq")
        << u"the Kurdistan Region of Iraq"_s << u"kurdistan-region:Kurdistan Region of Iraq"_s;
    QTest::newRow("longest: إقليم كردستان") << u"إقليم كوردستان"_s << u"kurdistan-region:إقليم كوردستان"_s;
    QTest::newRow("no match across a full stop") << u"Sadr. City"_s << u"muqtada-al-sadr:Sadr"_s;
    QTest::newRow("no match across a line") << u"Kurdistan\nRegion"_s << u"kurdistan:Kurdistan"_s;
    QTest::newRow("whole words only") << u"Erbilian Baghdadis Mosuli"_s << QString();
    QTest::newRow("clitic needs a name") << u"وبلد بغدادي"_s << QString();

    // Common words
    QTest::newRow("hit, lower case") << u"the convoy was hit by"_s << QString();
    QTest::newRow("Hit, sentence start") << u"Hit hard. Hit was retaken"_s << QString();
    QTest::newRow("Hit and Kut, names") << u"fighting in Hit and Al-Kut"_s << u"hit:Hit; kut:Al-Kut"_s;
    QTest::newRow("ballad") << u"a Ballad of Balad"_s << u"balad:Balad"_s;
    QTest::newRow("lower-case names are not names") << u"erbil and baghdad"_s << QString();
    QTest::newRow("IS in capitals only")
        << u"Is it IS or is it Isis? ISIS"_s << u"isis:IS; isis:Isis; isis:ISIS"_s;
    QTest::newRow("بلد the word") << u"في بلد عربي"_s << QString();
    QTest::newRow("بلد the town") << u"قضاء بلد"_s << u"balad:بلد"_s;
    QTest::newRow("Ba'ath") << u"the Ba'ath and the Baath Party"_s << u"baath:Ba'ath; baath:Baath Party"_s;

    // Ambiguity
    QTest::newRow("bare Barzani") << u"Barzani said"_s << QString();
    QTest::newRow("Barzani after Masoud") << u"Masoud Barzani met. Later Barzani said"_s
                                          << u"masoud-barzani:Masoud Barzani; masoud-barzani:Barzani"_s;
    QTest::newRow("Barzani after two")
        << u"Masoud Barzani and Nechirvan Barzani. Barzani said"_s
        << u"masoud-barzani:Masoud Barzani; nechirvan-barzani:Nechirvan Barzani"_s;
    QTest::newRow("البارزاني after مسرور") << u"مسرور بارزاني. وقال البارزاني"_s
                                           << u"masrour-barzani:مسرور بارزاني; masrour-barzani:البارزاني"_s;
    QTest::newRow("nested places: the city") << u"in Kirkuk and كركوك"_s << u"kirkuk:Kirkuk; kirkuk:كركوك"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestNameMatcher::matches() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(describe(text, testMatcher().match(text)), expected);
}

void TestNameMatcher::offsetsAfterEmoji() {
    const QString text = u"🇮🇶😀 بغداد 👍🏽 Erbil 𝐀 الكَاظِمِيّ"_s;
    const QList<Mention> mentions = testMatcher().match(text);
    QCOMPARE(describe(text, mentions), u"baghdad:بغداد; erbil:Erbil; mustafa-al-kadhimi:الكَاظِمِيّ"_s);
    QCOMPARE(mentions[0].start, 7); // two flags' and one emoji's surrogate pairs, then a space
    QCOMPARE(mentions[1].start, text.indexOf(u"Erbil"_s));
}

void TestNameMatcher::seedArticle() {
    QFile file(QStringLiteral(MIRSAD_TEST_DATA "/seed/000_82eadb6226b33ddb.txt"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QString text = QString::fromUtf8(file.readAll());
    const QList<Mention> mentions = testMatcher().match(text);
    QVERIFY(!describe(text, mentions).startsWith(u"bad"_s));
    QVERIFY(!describe(text, mentions).startsWith(u"surface"_s));
    QMap<QString, QSet<QString>> surfaces;
    for (const Mention& m : mentions)
        surfaces[m.entityId].insert(m.surface);
    QCOMPARE(surfaces.value(u"mustafa-al-kadhimi"_s),
             (QSet<QString>{u"Al-Kazemi"_s, u"Mustafa Al-Kazemi"_s, u"Mustafa Al-Kazimi"_s}));
    QCOMPARE(surfaces.value(u"erbil"_s), (QSet<QString>{u"Erbil"_s, u"Irbil"_s}));
    QVERIFY(surfaces.contains(u"baghdad"_s));
    QVERIFY(surfaces.contains(u"sulaymaniyah"_s));
    QVERIFY(surfaces.contains(u"kurdistan-region"_s));
    QVERIFY(surfaces.contains(u"isis"_s));
    QVERIFY(surfaces.contains(u"iraq"_s));
}

void TestNameMatcher::resolve_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("kadhimi") << u"kadhimi"_s << QStringList{u"mustafa-al-kadhimi"_s};
    QTest::newRow("Al-Kazemi") << u"Al-Kazemi"_s << QStringList{u"mustafa-al-kadhimi"_s};
    QTest::newRow("الكاظمي") << u"الكاظمي"_s << QStringList{u"mustafa-al-kadhimi"_s};
    QTest::newRow("full name") << u"mustafa al kazimi"_s << QStringList{u"mustafa-al-kadhimi"_s};
    QTest::newRow("erbil") << u"erbil"_s << QStringList{u"erbil"_s};
    QTest::newRow("هەولێر") << u"هەولێر"_s << QStringList{u"erbil"_s};
    QTest::newRow("id") << u"sadr-city"_s << QStringList{u"sadr-city"_s};
    QTest::newRow("Barzani") << u"Barzani"_s
                             << QStringList{u"masoud-barzani"_s, u"nechirvan-barzani"_s,
                                            u"masrour-barzani"_s};
    QTest::newRow("part of a name") << u"Sadr"_s << QStringList{u"muqtada-al-sadr"_s};
    QTest::newRow("a prefix only") << u"Kurdistan Reg"_s << QStringList();
    QTest::newRow("unknown") << u"Atlantis"_s << QStringList();
    QTest::newRow("empty") << QString() << QStringList();
}

void TestNameMatcher::resolve() {
    QFETCH(QString, name);
    QFETCH(QStringList, expected);
    QStringList ids;
    for (const Entity* e : testMatcher().resolve(name))
        ids.append(e->id);
    QCOMPARE(ids, expected);
}

void TestNameMatcher::resolveFiltersByKind() {
    QCOMPARE(testMatcher().resolve(u"Kirkuk", EntityKind::Place).size(), 2);
    QCOMPARE(testMatcher().resolve(u"Kirkuk", EntityKind::Person).size(), 0);
    QCOMPARE(testMatcher().resolve(u"kadhimi", EntityKind::Person).size(), 1);
}

void TestNameMatcher::suggest() {
    QCOMPARE(testMatcher().suggest(u"Kadimi").value(0), u"Mustafa al-Kadhimi"_s);
    QVERIFY(testMatcher().suggest(u"Erbill").contains(u"Erbil"_s));
    QVERIFY(testMatcher().suggest(u"الكاظمى").contains(u"Mustafa al-Kadhimi"_s));
    QVERIFY(testMatcher().suggest(u"Mosull", 1) == QStringList{u"Mosul"_s});
    QVERIFY(testMatcher().suggest(u"Xyzzyplugh").isEmpty());
}

// Which selections "Add a name" may propose as another spelling of a known entity (issue 17):
// only those spelt much like one of its names; a different word stays unproposed however near.
void TestNameMatcher::likelySpellings_data() {
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("entity"); // empty: nothing is close enough
    QTest::addColumn<QString>("spelling");
    QTest::newRow("Arbeelu") << u"Arbeelu"_s << u"erbil"_s << u"Arbil"_s;
    QTest::newRow("Kadimi") << u"Kadimi"_s << u"mustafa-al-kadhimi"_s << QString();
    QTest::newRow("Sulaimaniya") << u"Sulaimaniya"_s << u"sulaymaniyah"_s << QString();
    QTest::newRow("Kurds") << u"Kurds"_s << QString() << QString(); // one letter from al-Quds
    QTest::newRow("Yazidis") << u"Yazidis"_s << QString() << QString();
    QTest::newRow("Arabs") << u"Arabs"_s << QString() << QString();
    QTest::newRow("Parliament") << u"Parliament"_s << QString() << QString();
    QTest::newRow("budget") << u"budget"_s << QString() << QString();
    QTest::newRow("Xyzzyplugh") << u"Xyzzyplugh"_s << QString() << QString();
}

void TestNameMatcher::likelySpellings() {
    QFETCH(QString, typed);
    QFETCH(QString, entity);
    QFETCH(QString, spelling);
    static const mirsad::Result<Gazetteer> builtin = Gazetteer::builtin();
    QVERIFY2(builtin, qPrintable(builtin.error()));
    static const NameMatcher matcher(*builtin);
    QStringList likely;
    QString nearest;
    for (const NameMatcher::Suggestion& s : matcher.suggestEntities(typed)) {
        if (s.isLikelySpelling()) {
            likely << s.entity->id;
            if (nearest.isEmpty())
                nearest = s.spelling;
        }
    }
    QStringList all;
    for (const NameMatcher::Suggestion& s : matcher.suggestEntities(typed))
        all << u"%1 (%2: %3/%4)"_s.arg(s.entity->id, s.spelling).arg(s.distance).arg(s.length);
    if (entity.isEmpty()) {
        QVERIFY2(likely.isEmpty(), qPrintable(all.join(u", "_s)));
    } else {
        QVERIFY2(likely.value(0) == entity, qPrintable(all.join(u", "_s)));
        if (!spelling.isEmpty())
            QCOMPARE(nearest, spelling);
    }
}

void TestNameMatcher::emptyMatcher() {
    const NameMatcher empty;
    QVERIFY(empty.match(u"Erbil and Baghdad").isEmpty());
    QVERIFY(empty.resolve(u"Erbil").isEmpty());
    QVERIFY(empty.suggest(u"Erbil").isEmpty());
}

void TestNameMatcher::copiesShareAndAgree() {
    const NameMatcher copy = testMatcher();
    const QString text = u"Kadhimi in Erbil"_s;
    QCOMPARE(copy.match(text), testMatcher().match(text));
    QCOMPARE(copy.gazetteer().version(), testMatcher().gazetteer().version());
}

void TestNameMatcher::builtinGazetteer_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name"); // resolved in the shipped gazetteer, so ids need not be known
    QTest::addColumn<QString>("surface");
    QTest::newRow("Erbil") << u"in Erbil today"_s << u"Erbil"_s << u"Erbil"_s;
    QTest::newRow("Irbil") << u"in Irbil today"_s << u"Erbil"_s << u"Irbil"_s;
    QTest::newRow("وأربيل") << u"بين العاصمة وأربيل"_s << u"Erbil"_s << u"أربيل"_s;
    QTest::newRow("Al-Kazemi") << u"said Al-Kazemi"_s << u"Mustafa al-Kadhimi"_s << u"Al-Kazemi"_s;
    QTest::newRow("للكاظمي") << u"قال مستشار للكاظمي"_s << u"Mustafa al-Kadhimi"_s << u"لكاظمي"_s;
    QTest::newRow("بالموصل") << u"هجوم بالموصل"_s << u"Mosul"_s << u"الموصل"_s;
    QTest::newRow("لداعش") << u"التصدي لداعش"_s << u"ISIS"_s << u"داعش"_s;
    QTest::newRow("Baghdad") << u"in Baghdad."_s << u"Baghdad"_s << u"Baghdad"_s;
    QTest::newRow("السودان") << u"في السودان"_s << u"Sudan"_s << u"السودان"_s;
    QTest::newRow("السوداني") << u"قال السوداني"_s << u"al-Sudani"_s << u"السوداني"_s;
    QTest::newRow("Sadr City") << u"in Sadr City"_s << u"Sadr City"_s << u"Sadr City"_s;
    QTest::newRow("Muqtada al-Sadr") << u"cleric Muqtada al-Sadr said"_s << u"Muqtada al-Sadr"_s
                                     << u"Muqtada al-Sadr"_s;
    QTest::newRow("Kadhimiya") << u"in Kadhimiya"_s << u"Kadhimiya"_s << u"Kadhimiya"_s;
    QTest::newRow("Abu Bakr al-Baghdadi")
        << u"leader Abu Bakr al-Baghdadi"_s << u"Abu Bakr al-Baghdadi"_s << u"Abu Bakr al-Baghdadi"_s;
    QTest::newRow("Duhok") << u"in Duhok"_s << u"Duhok"_s << u"Duhok"_s;
    QTest::newRow("Kurdistan Region")
        << u"the Kurdistan Region"_s << u"Kurdistan Region"_s << u"Kurdistan Region"_s;
}

void TestNameMatcher::builtinGazetteer() {
    QFETCH(QString, text);
    QFETCH(QString, name);
    QFETCH(QString, surface);
    const auto builtin = Gazetteer::builtin();
    QVERIFY2(builtin.ok(), qPrintable(builtin.error()));
    if (builtin->isEmpty())
        QSKIP("the shipped gazetteer is empty");
    static const NameMatcher matcher(*builtin);
    const QList<const Entity*> expected = matcher.resolve(name);
    QVERIFY2(!expected.isEmpty(), qPrintable(u"the shipped gazetteer does not know "_s + name));
    const QList<Mention> mentions = matcher.match(text);
    QVERIFY2(mentions.size() == 1, qPrintable(describe(text, mentions)));
    QCOMPARE(mentions[0].surface, surface);
    QCOMPARE(mentions[0].entityId, expected[0]->id);
    QCOMPARE(text.mid(mentions[0].start, mentions[0].end - mentions[0].start), surface);
}

QTEST_GUILESS_MAIN(TestNameMatcher)
#include "tst_namematcher.moc"
