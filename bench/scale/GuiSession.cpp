#include "GuiSession.h"

#include "ChildRun.h"
#include "annotations/ArticleAnnotations.h"
#include "core/Identity.h"
#include "filters/Sidebar.h"
#include "models/ArticleListModel.h"
#include "models/RegionTreeModel.h"
#include "reader/ReaderView.h"
#include "storage/Storage.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QFile>
#include <QScrollBar>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <cstdio>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;
using namespace mirsad;

namespace {

// What a widget showed at each of its paints, and when each paint was done.
template <typename State> class PaintProbe : public QObject {
public:
    PaintProbe(QWidget* widget, std::function<State()> state)
        : QObject(widget)
        , m_state(std::move(state)) {
        widget->installEventFilter(this);
    }

    bool eventFilter(QObject*, QEvent* event) override {
        if (event->type() == QEvent::Paint) {
            // Queued: runs once this paint was handled and the window flushed.
            QTimer::singleShot(0, this, [this, state = m_state()] {
                m_paints.push_back({state, monotonicNs()});
            });
        }
        return false;
    }

    // When the first paint done after `since` showed a state that satisfies `ok`.
    std::optional<qint64> paintedAfter(qint64 since, const std::function<bool(const State&)>& ok) const {
        for (const auto& [state, at] : m_paints)
            if (at >= since && ok(state))
                return at;
        return std::nullopt;
    }

private:
    std::function<State()> m_state;
    std::vector<std::pair<State, qint64>> m_paints;
};

struct ReaderState {
    qint64 article = 0;
    int highlights = -1; // the analyst's highlights shown with it; -1 before they are read
};

// Runs the event loop until `done` or the timeout; woken by every event (a timer ticks too).
bool waitUntil(const std::function<bool()>& done, int timeoutMs = 120000) {
    QTimer tick;
    tick.start(20);
    const qint64 deadline = monotonicNs() + qint64(timeoutMs) * 1000000;
    while (!done()) {
        if (monotonicNs() > deadline)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

void result(const char* key, double value) {
    printf("result %s %.3f\n", key, value);
    fflush(stdout);
}

// Lets the window settle (scrolling, layout, paints) for a moment, untimed.
void settle(int ms = 150) {
    const qint64 until = monotonicNs() + qint64(ms) * 1000000;
    waitUntil([until] { return monotonicNs() >= until; });
}

double msSince(qint64 start, qint64 end) {
    return double(end - start) / 1e6;
}

long peakKb() {
    QFile file(u"/proc/self/status"_s);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : file.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    return 0;
}

// With BENCH_SCALE_SCREENSHOTS set, saves the window there, to see what was measured.
void screenshot(QWidget& window, const QString& name) {
    const QString folder = qEnvironmentVariable("BENCH_SCALE_SCREENSHOTS");
    if (!folder.isEmpty())
        window.grab().save(folder + u'/' + name);
}

int fail(const QString& why) {
    fprintf(stderr, "gui-session: %s\n", qPrintable(why));
    return 2;
}

} // namespace

int runGuiSession(int argc, char** argv) {
    QApplication app(argc, argv);
    setApplicationIdentity();
    const QStringList args = app.arguments();
    // bench_scale --gui-session DB RUNS LONG_ID...
    if (args.size() < 5)
        return fail(u"usage: --gui-session DB RUNS LONG_ID..."_s);
    const QString database = args[2];
    const int runs = qMax(1, args[3].toInt());
    QList<qint64> longIds;
    for (const QString& id : args.mid(4))
        longIds << id.toLongLong();

    storage::Storage storage(database);
    MainWindow window(storage);
    ReaderView* reader = window.reader();
    QTableView* list = window.articleView();
    models::ArticleListModel* model = window.articleModel();
    auto* readerPaints = new PaintProbe<ReaderState>(reader->viewport(), [&window, reader] {
        ReaderState state{reader->articleId(), -1};
        if (window.annotations()->articleId() == state.article)
            state.highlights = int(window.annotations()->highlights().size());
        return state;
    });
    auto* listPaints = new PaintProbe<int>(list->viewport(), [list] { return list->rowAt(0); });
    qint64 shownAt = 0;
    qint64 shownId = 0;
    QObject::connect(&window, &MainWindow::articleShown, &window, [&](qint64 id) {
        shownId = id;
        shownAt = monotonicNs();
    });
    qint64 pageAt = 0;
    QObject::connect(model, &models::ArticleListModel::pageLoaded, &window, [&] { pageAt = monotonicNs(); });

    window.resize(1400, 860);
    window.show();
    window.start();
    const qint64 started = monotonicNs();
    if (!waitUntil([&] {
            return shownId > 0 && readerPaints->paintedAfter(
                                      started, [&](const ReaderState& s) { return s.article == shownId; });
        }))
        return fail(u"the window showed no article within two minutes"_s);

    auto rowOf = [&](qint64 id) {
        for (int page = 0; page < 20; ++page) {
            if (const int row = model->rowOfArticle(id); row >= 0)
                return row;
            if (!model->canFetchMore({}))
                return -1;
            const int rows = model->rowCount();
            model->fetchMore({});
            waitUntil([&] { return model->rowCount() > rows; }, 60000);
        }
        return -1;
    };
    // Clicks a row of the list as a user does (scrolled into view first, not timed), and waits
    // until the reader painted its article as `ok` wants it; returns when that paint was done.
    auto clickRow = [&](int row, const std::function<bool(const ReaderState&)>& ok, qint64* clickedAt) {
        const QModelIndex index = model->index(row, models::ArticleListModel::TitleColumn);
        if (list->currentIndex().row() == row && ok(ReaderState{reader->articleId(), 0}))
            return std::optional<qint64>(monotonicNs()); // already shown: a click would change nothing
        list->scrollTo(index);
        settle();
        const qint64 t0 = monotonicNs();
        if (clickedAt)
            *clickedAt = t0;
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
        std::optional<qint64> painted;
        if (!waitUntil([&] { return (painted = readerPaints->paintedAfter(t0, ok)).has_value(); }, 60000))
            return std::optional<qint64>();
        return painted;
    };

    // 1. A 10,000-word article with its highlights, from a short one.
    for (int run = 0; run < runs; ++run) {
        const qint64 target = longIds[run % longIds.size()];
        const int row = rowOf(target);
        if (row < 0)
            return fail(u"the 10,000-word article %1 is not in the list"_s.arg(target));
        const int other = row == 0 ? 1 : 0;
        const qint64 otherId = model->articleId(other);
        if (!clickRow(
                other, [&](const ReaderState& s) { return s.article == otherId; }, nullptr))
            return fail(u"a click on row %1 showed no article"_s.arg(other));
        qint64 t0 = 0;
        const std::optional<qint64> painted = clickRow(
            row, [&](const ReaderState& s) { return s.article == target && s.highlights > 0; }, &t0);
        if (!painted)
            return fail(u"the 10,000-word article %1 was not painted with its highlights"_s.arg(target));
        result("open-long", msSince(t0, *painted));
        result("open-long-shown", msSince(t0, shownAt)); // loaded and set into the reader, unpainted
        screenshot(window, u"bench-scale-long-article-%1.png"_s.arg(run % longIds.size()));
    }

    // 2. Scrolling the list by 10,000 rows: the scroll bar dragged to its end, page after page.
    {
        list->scrollToTop();
        settle();
        QScrollBar* bar = list->verticalScrollBar();
        constexpr int kTarget = 10000;
        const qint64 t0 = monotonicNs();
        while (model->rowCount() <= kTarget) {
            if (!model->canFetchMore({}))
                return fail(u"the list ends at %1 rows, before row %2"_s.arg(model->rowCount()).arg(kTarget));
            const int rows = model->rowCount();
            // The view lays the new rows out (its scroll bar grows) before it can be dragged on.
            if (!waitUntil([&] { return bar->maximum() > bar->value(); }, 60000))
                return fail(u"the list's scroll bar did not grow past %1 rows"_s.arg(rows));
            const qint64 p0 = monotonicNs();
            bar->setValue(bar->maximum());
            if (!waitUntil([&] { return model->rowCount() > rows; }, 60000))
                return fail(u"the list loaded no more rows after %1"_s.arg(rows));
            result("scroll-page", msSince(p0, monotonicNs()));
        }
        if (!waitUntil([&] { return bar->maximum() >= kTarget; }, 60000))
            return fail(u"the list's scroll bar never reached row 10,000"_s);
        list->scrollTo(model->index(kTarget, models::ArticleListModel::TitleColumn),
                       QAbstractItemView::PositionAtTop);
        std::optional<qint64> painted;
        if (!waitUntil([&] {
                return (painted = listPaints->paintedAfter(t0, [](int top) { return top >= kTarget; }))
                    .has_value();
            }))
            return fail(u"row 10,000 was never painted"_s);
        result("scroll-total", msSince(t0, *painted));
        screenshot(window, u"bench-scale-row-10000.png"_s);
    }

    // 3. Switching to a region: a click in the sidebar's region tree.
    {
        Sidebar* sidebar = window.sidebar();
        QTreeView* regions = sidebar->regionView();
        if (!waitUntil([&] { return sidebar->regionModel()->rowCount() > 0; }))
            return fail(u"the sidebar's regions never loaded"_s);
        sidebar->tabs()->setCurrentWidget(regions);
        const QStringList ids = {u"kurdistan-region"_s, u"basra-governorate"_s};
        for (int run = 0; run < runs; ++run) {
            const QString id = ids[run % ids.size()];
            const QModelIndex index = sidebar->regionModel()->indexOf(id);
            if (!index.isValid())
                return fail(u"the region %1 is not in the sidebar"_s.arg(id));
            for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
                regions->expand(parent);
            regions->scrollTo(index);
            settle();
            const qint64 t0 = monotonicNs();
            QTest::mouseClick(regions->viewport(), Qt::LeftButton, {}, regions->visualRect(index).center());
            std::optional<qint64> painted;
            if (!waitUntil([&] {
                    if (shownAt < t0 || pageAt < t0 || model->filter().regions != QStringList{id})
                        return false;
                    painted = readerPaints->paintedAfter(
                        shownAt, [&](const ReaderState& s) { return s.article == shownId; });
                    return painted.has_value();
                }))
                return fail(u"a click on the region %1 showed no article"_s.arg(id));
            result("region-list", msSince(t0, pageAt));
            result("region", msSince(t0, *painted));
            screenshot(window, u"bench-scale-region-%1.png"_s.arg(id));
        }
    }
    result("peak-kb", double(peakKb()));
    window.close();
    return 0;
}
