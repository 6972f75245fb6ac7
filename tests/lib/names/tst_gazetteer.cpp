#include "names/Gazetteer.h"

#include <QBuffer>
#include <QTest>

using namespace mirsad::names;
using namespace Qt::StringLiterals;

namespace {

mirsad::Result<Gazetteer> load(const QString& tsv, const QString& source = u"test.tsv"_s) {
    QByteArray bytes = tsv.toUtf8();
    QBuffer buffer(&bytes);
    Gazetteer gazetteer;
    if (mirsad::Status loaded = gazetteer.loadTsv(buffer, source); !loaded)
        return mirsad::Error{loaded.error()};
    return gazetteer;
}

const QString kPlaces =
    u"# id\tkind\tname_en\tname_ar\taliases\twithin\tdescription\n"
    "iraq\tplace\tIraq\tالعراق\t\t\tCountry\n"
    "\n"
    "kurdistan-region\tplace\tKurdistan Region\tإقليم كردستان\tKRI | Iraqi Kurdistan\tiraq\tRegion\r\n"
    "erbil-governorate\tplace\tErbil Governorate\tمحافظة أربيل\t\tkurdistan-region\t\n"
    "erbil\tplace\tErbil\tأربيل\tIrbil|Hawler|هەولێر\terbil-governorate\tCapital of the KRI\n"
    "duhok\tplace\tDuhok\tدهوك\tDohuk\tkurdistan-region\n"
    "kirkuk\tplace\tKirkuk\tكركوك\t\tkirkuk-governorate|disputed-territories\n"
    "kirkuk-governorate\tplace\tKirkuk Governorate\tمحافظة كركوك\t\tiraq\n"
    "disputed-territories\tplace\tDisputed territories\tالمناطق المتنازع عليها\t\tiraq\n"
    "mustafa-al-kadhimi\tperson\tMustafa al-Kadhimi\tمصطفى الكاظمي\tAl-Kazemi\t\tPrime minister\n"_s;

} // namespace

class TestGazetteer : public QObject {
    Q_OBJECT

private slots:
    void loadsTsv();
    void rejectsMalformedLines_data();
    void rejectsMalformedLines();
    void kindNames();
    void addEntityAndAlias();
    void ancestors();
    void ancestorsSurviveCycles();
    void descendants();
    void versionIsStableAndTracksContent();
    void validateReportsDanglingParents();
    void builtinLoadsAndIsConsistent();
};

void TestGazetteer::loadsTsv() {
    const auto gazetteer = load(kPlaces);
    QVERIFY2(gazetteer.ok(), qPrintable(gazetteer.error()));
    QCOMPARE(gazetteer->size(), 9);
    const Entity* kri = gazetteer->entity(u"kurdistan-region"_s);
    QVERIFY(kri);
    QCOMPARE(kri->kind, EntityKind::Place);
    QCOMPARE(kri->name, u"Kurdistan Region"_s);
    QCOMPARE(kri->nameAr, u"إقليم كردستان"_s);
    QCOMPARE(kri->aliases, (QStringList{u"KRI"_s, u"Iraqi Kurdistan"_s}));
    QCOMPARE(kri->within, QStringList{u"iraq"_s});
    QCOMPARE(kri->description, u"Region"_s); // the CR of a CRLF line is not part of it
    QCOMPARE(gazetteer->entity(u"kirkuk"_s)->within,
             (QStringList{u"kirkuk-governorate"_s, u"disputed-territories"_s}));
    QCOMPARE(gazetteer->entity(u"mustafa-al-kadhimi"_s)->kind, EntityKind::Person);
    QVERIFY(!gazetteer->entity(u"nowhere"_s));
}

void TestGazetteer::rejectsMalformedLines_data() {
    QTest::addColumn<QString>("tsv");
    QTest::addColumn<QString>("message");
    QTest::newRow("too few fields") << u"# header\n\nerbil\tplace\n"_s << u"test.tsv:3: expected 3 to 7"_s;
    QTest::newRow("too many fields") << u"a\tplace\tA\t\t\t\t\textra\n"_s << u"test.tsv:1: expected 3 to 7"_s;
    QTest::newRow("unknown kind") << u"iraq\tplace\tIraq\nerbil\tcity\tErbil\n"_s
                                  << u"test.tsv:2: unknown kind \"city\""_s;
    QTest::newRow("duplicate id") << u"iraq\tplace\tIraq\niraq\tplace\tIraq again\n"_s
                                  << u"test.tsv:2: the id \"iraq\" is used twice"_s;
    QTest::newRow("id with a space") << u"new york\tplace\tNew York\n"_s
                                     << u"test.tsv:1: the id \"new york\""_s;
    QTest::newRow("no name") << u"x\tplace\t\t\n"_s << u"test.tsv:1: the entity \"x\" has no name"_s;
}

void TestGazetteer::rejectsMalformedLines() {
    QFETCH(QString, tsv);
    QFETCH(QString, message);
    const auto gazetteer = load(tsv);
    QVERIFY(!gazetteer.ok());
    QVERIFY2(gazetteer.error().startsWith(message), qPrintable(gazetteer.error()));
}

void TestGazetteer::kindNames() {
    for (EntityKind kind : {EntityKind::Person, EntityKind::Place, EntityKind::Organization})
        QCOMPARE(kindFromString(kindToString(kind)), kind);
    QCOMPARE(kindToString(EntityKind::Organization), u"organization"_s);
    QCOMPARE(kindFromString(u"Organisation"), EntityKind::Organization);
    QCOMPARE(kindFromString(u"city"), std::nullopt);
}

void TestGazetteer::addEntityAndAlias() {
    Gazetteer gazetteer;
    QVERIFY(gazetteer.addEntity({u"sinjar"_s, EntityKind::Place, u"Sinjar"_s, u"سنجار"_s, {}, {}, {}}).ok());
    QVERIFY(!gazetteer.addEntity({u"sinjar"_s, EntityKind::Place, u"Sinjar"_s, {}, {}, {}, {}}).ok());
    QVERIFY(gazetteer.addAlias(u"sinjar"_s, u" Shingal "_s).ok());
    QVERIFY(gazetteer.addAlias(u"sinjar"_s, u"Shingal"_s).ok()); // once is enough
    QCOMPARE(gazetteer.entity(u"sinjar"_s)->aliases, QStringList{u"Shingal"_s});
    const auto unknown = gazetteer.addAlias(u"nowhere"_s, u"X"_s);
    QVERIFY(!unknown.ok());
    QVERIFY(unknown.error().contains(u"nowhere"_s));
    QVERIFY(!gazetteer.addAlias(u"sinjar"_s, u"  "_s).ok());
}

void TestGazetteer::ancestors() {
    const auto gazetteer = load(kPlaces);
    QCOMPARE(gazetteer->ancestors(u"erbil"_s),
             (QStringList{u"erbil-governorate"_s, u"kurdistan-region"_s, u"iraq"_s}));
    // Several parents: both lines up to the country, which appears once.
    QCOMPARE(gazetteer->ancestors(u"kirkuk"_s),
             (QStringList{u"kirkuk-governorate"_s, u"disputed-territories"_s, u"iraq"_s}));
    QCOMPARE(gazetteer->ancestors(u"iraq"_s), QStringList());
    QCOMPARE(gazetteer->ancestors(u"nowhere"_s), QStringList());
}

void TestGazetteer::ancestorsSurviveCycles() {
    const auto gazetteer = load(u"a\tplace\tA\t\t\tb\nb\tplace\tB\t\t\tc\nc\tplace\tC\t\t\ta\n"_s);
    QVERIFY(gazetteer.ok());
    QCOMPARE(gazetteer->ancestors(u"a"_s), (QStringList{u"b"_s, u"c"_s}));
    QCOMPARE(gazetteer->descendants(u"a"_s), (QStringList{u"a"_s, u"c"_s, u"b"_s}));
    QCOMPARE(gazetteer->validate().size(), 3);
}

void TestGazetteer::descendants() {
    const auto gazetteer = load(kPlaces);
    const QStringList inKri = gazetteer->descendants(u"kurdistan-region"_s);
    QCOMPARE(inKri.first(), u"kurdistan-region"_s);
    QCOMPARE(QSet<QString>(inKri.begin(), inKri.end()),
             (QSet<QString>{u"kurdistan-region"_s, u"erbil-governorate"_s, u"erbil"_s, u"duhok"_s}));
    const QStringList disputed = gazetteer->descendants(u"disputed-territories"_s);
    QCOMPARE(disputed, (QStringList{u"disputed-territories"_s, u"kirkuk"_s}));
    QCOMPARE(gazetteer->descendants(u"iraq"_s).size(), 8);
}

void TestGazetteer::versionIsStableAndTracksContent() {
    auto gazetteer = load(kPlaces);
    QStringList lines = kPlaces.split(u'\n');
    std::reverse(lines.begin(), lines.end());
    const auto reordered = load(lines.join(u'\n'));
    QVERIFY(reordered.ok());
    QCOMPARE(gazetteer->version(), reordered->version());
    QCOMPARE(gazetteer->version().size(), 16);
    const QString before = gazetteer->version();
    QVERIFY(gazetteer->addAlias(u"erbil"_s, u"Arbil"_s).ok());
    QVERIFY(gazetteer->version() != before);
}

void TestGazetteer::validateReportsDanglingParents() {
    const auto gazetteer = load(u"erbil\tplace\tErbil\t\t\tatlantis\n"_s);
    QCOMPARE(gazetteer->validate(), QStringList{u"erbil is within \"atlantis\", which does not exist"_s});
    QCOMPARE(load(kPlaces)->validate(), QStringList());
}

void TestGazetteer::builtinLoadsAndIsConsistent() {
    const auto builtin = Gazetteer::builtin();
    QVERIFY2(builtin.ok(), qPrintable(builtin.error()));
    if (builtin->isEmpty())
        QSKIP("the shipped gazetteer is empty");
    QVERIFY2(builtin->validate().isEmpty(), qPrintable(builtin->validate().join(u'\n')));
    QCOMPARE(Gazetteer::builtin()->version(), builtin->version()); // cached, same content
}

QTEST_GUILESS_MAIN(TestGazetteer)
#include "tst_gazetteer.moc"
