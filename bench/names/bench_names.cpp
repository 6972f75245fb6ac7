// Name matcher benchmark: throughput on ~20 MB of generated mixed Arabic/English news text, with
// the shipped gazetteer and with a generated 100,000-name gazetteer; matcher build time and memory.
// Run: ctest -C bench -L bench --verbose, or bench_names [megabytes] [runs] [shipped|100k]; the last
// argument measures one gazetteer only (for a profiler run).

#include "names/Gazetteer.h"
#include "names/NameMatcher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QStringList>
#include <QTextStream>
#include <algorithm>
#include <ctime>
#include <vector>

using namespace mirsad::names;
using namespace Qt::StringLiterals;

namespace {

// kB of resident memory from /proc/self/status ("VmRSS", "VmHWM").
long procStatusKb(const char* field) {
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

// CPU time of this thread, in seconds: "one core", whatever else the machine is doing.
double threadCpuSeconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

const QStringList kArabicSyllables = {u"كا"_s, u"ظم"_s, u"سو"_s, u"دا"_s, u"بر"_s, u"زا"_s, u"حم"_s, u"مد"_s,
                                      u"عل"_s, u"جب"_s, u"ور"_s, u"خا"_s, u"لد"_s, u"سع"_s, u"فر"_s, u"حا"_s,
                                      u"تم"_s, u"نج"_s, u"شم"_s, u"رب"_s, u"قا"_s, u"سم"_s, u"طا"_s, u"هر"_s};
const QStringList kLatinSyllables = {u"ka"_s,   u"dhi"_s, u"su"_s,  u"da"_s,  u"bar"_s, u"za"_s,
                                     u"ham"_s,  u"mad"_s, u"al"_s,  u"jab"_s, u"wur"_s, u"kha"_s,
                                     u"lid"_s,  u"sa"_s,  u"far"_s, u"ha"_s,  u"tam"_s, u"naj"_s,
                                     u"sham"_s, u"rab"_s, u"qa"_s,  u"sim"_s, u"ta"_s,  u"hir"_s};
const QStringList kArabicFirst = {u"محمد"_s, u"علي"_s,  u"حسن"_s,   u"حسين"_s, u"عمر"_s,
                                  u"خالد"_s, u"أحمد"_s, u"مصطفى"_s, u"جعفر"_s, u"هادي"_s,
                                  u"نوري"_s, u"فؤاد"_s, u"برهم"_s,  u"عادل"_s};
const QStringList kLatinFirst = {u"Mohammed"_s, u"Ali"_s,   u"Hassan"_s,  u"Hussein"_s, u"Omar"_s,
                                 u"Khalid"_s,   u"Ahmed"_s, u"Mustafa"_s, u"Jaafar"_s,  u"Hadi"_s,
                                 u"Nouri"_s,    u"Fuad"_s,  u"Barham"_s,  u"Adel"_s};

// One synthetic family or place name, the same syllables in both scripts.
std::pair<QString, QString> syntheticName(QRandomGenerator& random) {
    QString ar, en;
    const int syllables = 4 + random.bounded(2); // few accidental homonyms, as in a real gazetteer
    for (int s = 0; s < syllables; ++s) {
        const auto k = random.bounded(kArabicSyllables.size());
        ar += kArabicSyllables[k];
        en += kLatinSyllables[k];
    }
    en[0] = en[0].toUpper();
    return {ar, en};
}

Gazetteer generatedGazetteer(int count) {
    QRandomGenerator random(42);
    Gazetteer gazetteer;
    for (int i = 0; i < count; ++i) {
        const auto [ar, en] = syntheticName(random);
        Entity e;
        e.id = u"gen-%1"_s.arg(i);
        switch (i % 3) {
        case 0: {
            const auto f = random.bounded(kArabicFirst.size());
            e.kind = EntityKind::Person;
            e.name = kLatinFirst[f] + u" al-"_s + en + u'i';
            e.nameAr = kArabicFirst[f] + u" ال"_s + ar + u'ي';
            e.aliases = {u"al-"_s + en + u'i', u"ال"_s + ar + u'ي'};
            break;
        }
        case 1:
            e.kind = EntityKind::Place;
            e.name = en;
            e.nameAr = ar;
            e.aliases = {en + u"iyah"_s};
            break;
        default:
            e.kind = EntityKind::Organization;
            e.name = en + u" Movement"_s;
            e.nameAr = u"حركة "_s + ar;
            break;
        }
        (void)gazetteer.addEntity(std::move(e));
    }
    return gazetteer;
}

const QStringList kArabicWords =
    QStringLiteral(
        "قال رئيس الوزراء إن الحكومة الاتحادية ستعمل على تعزيز التنسيق الأمني مع حكومة الإقليم في المناطق "
        "المتنازع "
        "عليها وأضاف أن الموازنة العامة للعام الحالي تتضمن اتفاقا واضحا بين الجانبين مؤكدا أهمية الحوار "
        "والتعاون "
        "وأشار المصدر إلى أن القوات الأمنية نفذت عملية واسعة لملاحقة خلايا التنظيم في الصحراء الغربية بينما "
        "أعلنت وزارة الداخلية اعتقال عدد من المطلوبين وذكر بيان للمكتب الإعلامي أن الاجتماع ناقش ملفات "
        "الكهرباء والمياه والنفط والمنافذ الحدودية والرواتب والاستثمار في المحافظات")
        .split(u' ');
const QStringList kEnglishWords =
    QStringLiteral(
        "the prime minister said that the federal government will work with the regional government to "
        "strengthen security coordination in the disputed areas and that the budget contains a clear "
        "agreement "
        "between the two sides security forces carried out a wide operation against cells in the western "
        "desert "
        "while the interior ministry announced the arrest of several wanted men a statement said the meeting "
        "discussed electricity water oil border crossings salaries and investment in the provinces")
        .split(u' ');
const QStringList kClitics = {QString(), QString(), QString(), u"و"_s, u"ب"_s, u"ل"_s};

// Paragraphs alternating Arabic and English, with about one word in 25 a name of the gazetteer.
QString generatedText(qsizetype utf8Bytes, const Gazetteer& names) {
    QRandomGenerator random(7);
    QStringList arabicNames, latinNames;
    for (const Entity& e : names.entities()) {
        if (!e.nameAr.isEmpty())
            arabicNames.append(e.nameAr);
        if (!e.name.isEmpty())
            latinNames.append(e.name);
        if (arabicNames.size() > 20000)
            break;
    }
    QString text;
    qsizetype bytes = 0;
    while (bytes < utf8Bytes) {
        const bool arabic = random.bounded(2) == 0;
        QString paragraph;
        for (int w = 0; w < 120; ++w) {
            if (random.bounded(25) == 0) {
                const QStringList& pool = arabic ? arabicNames : latinNames;
                if (!pool.isEmpty()) {
                    if (arabic)
                        paragraph += kClitics[random.bounded(kClitics.size())];
                    paragraph += pool[random.bounded(pool.size())] + u' ';
                    continue;
                }
            }
            const QStringList& words = arabic ? kArabicWords : kEnglishWords;
            paragraph += words[random.bounded(words.size())];
            paragraph += random.bounded(12) == 0 ? u"، "_s.mid(arabic ? 0 : 1) : u" "_s;
        }
        paragraph += u"\n\n"_s;
        bytes += paragraph.toUtf8().size();
        text += paragraph;
    }
    return text;
}

struct Row {
    QString gazetteer;
    qsizetype entities = 0;
    double buildMs = 0;
    double rssDeltaMb = 0;
    double tableMb = 0;
    double mbPerSecond = 0;     // by CPU time
    double mbPerWallSecond = 0; // by wall-clock time
    qsizetype mentions = 0;
};

Row measure(const QString& label, const Gazetteer& gazetteer, const QList<QString>& articles,
            double megabytes, int runs) {
    Row row{label, gazetteer.size()};
    std::vector<double> buildTimes;
    const long rssBefore = procStatusKb("VmRSS");
    NameMatcher matcher;
    for (int r = 0; r < 3; ++r) {
        QElapsedTimer timer;
        timer.start();
        NameMatcher built(gazetteer);
        buildTimes.push_back(double(timer.nsecsElapsed()) / 1e6);
        matcher = built;
    }
    row.rssDeltaMb = double(procStatusKb("VmRSS") - rssBefore) / 1024.0;
    row.buildMs = median(buildTimes);
    row.tableMb = double(matcher.memoryUsage()) / (1024.0 * 1024.0);
    std::vector<double> speeds, wallSpeeds;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = threadCpuSeconds();
        qsizetype mentions = 0;
        for (const QString& article : articles)
            mentions += matcher.match(article).size();
        speeds.push_back(megabytes / (threadCpuSeconds() - cpuStart));
        wallSpeeds.push_back(megabytes / (double(timer.nsecsElapsed()) / 1e9));
        row.mentions = mentions;
    }
    row.mbPerSecond = median(speeds);
    row.mbPerWallSecond = median(wallSpeeds);
    return row;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const double targetMb = args.size() > 1 ? args[1].toDouble() : 20.0;
    const int runs = args.size() > 2 ? args[2].toInt() : 5;
    const QString only = args.value(3);
    QTextStream out(stdout);

    const auto builtin = Gazetteer::builtin();
    if (!builtin) {
        out << "the shipped gazetteer does not load: " << builtin.error() << '\n';
        return 1;
    }
    const Gazetteer generated = generatedGazetteer(100000);

    // Names from both gazetteers, so that each run has real matches to report.
    Gazetteer both = *builtin;
    for (qsizetype i = 0; i < generated.size(); i += 5)
        (void)both.addEntity(generated.entities()[i]);
    const QString text = generatedText(qsizetype(targetMb * 1e6), both);
    const double megabytes = double(text.toUtf8().size()) / 1e6;
    // Articles of about 5,000 characters, as the tagger sees them.
    QList<QString> articles;
    for (qsizetype at = 0; at < text.size();) {
        qsizetype end = text.indexOf(u"\n\n"_s, std::min(at + 5000, text.size()));
        end = end < 0 ? text.size() : end + 2;
        articles.append(text.mid(at, end - at));
        at = end;
    }

    out << "text: " << QString::number(megabytes, 'f', 1) << " MB UTF-8 (" << text.size()
        << " UTF-16 units), " << articles.size() << " articles, median of " << runs << " runs\n\n";
    out << qSetFieldWidth(22) << Qt::left << "gazetteer" << qSetFieldWidth(10) << Qt::right << "entities"
        << "build ms"
        << "RSS +MB"
        << "tables MB"
        << "MB/s cpu"
        << "MB/s wall"
        << "mentions" << qSetFieldWidth(0) << '\n';
    std::vector<Row> rows;
    if (only.isEmpty() || only == u"shipped"_s)
        rows.push_back(measure(u"shipped"_s, *builtin, articles, megabytes, runs));
    if (only.isEmpty() || only == u"100k"_s)
        rows.push_back(measure(u"generated 100k"_s, generated, articles, megabytes, runs));
    for (const Row& row : rows) {
        out << qSetFieldWidth(22) << Qt::left << row.gazetteer << qSetFieldWidth(10) << Qt::right
            << row.entities << QString::number(row.buildMs, 'f', 1) << QString::number(row.rssDeltaMb, 'f', 1)
            << QString::number(row.tableMb, 'f', 1) << QString::number(row.mbPerSecond, 'f', 1)
            << QString::number(row.mbPerWallSecond, 'f', 1) << row.mentions << qSetFieldWidth(0) << '\n';
    }
    out << "\npeak RSS (VmHWM): " << procStatusKb("VmHWM") / 1024 << " MB\n";
    return 0;
}
