#include "shell/screenshotter.h"

#include "common/projectsession.h"
#include "data/dataworkspace.h"
#include "data/recordtablemodel.h"
#include "importexport/importdialog.h"
#include "shell/mainwindow.h"

#include <QPixmap>
#include <QTableView>
#include <QTimer>

#include <cstdio>

namespace bankbench::ui {

namespace {

constexpr int kPollMs = 100;
constexpr int kSettleMs = 600; // let late paints and chunk loads finish
constexpr int kTimeoutMs = 30000;

} // namespace

Screenshotter::Screenshotter(MainWindow& window, QString path, int selectRow, QObject* parent)
    : QObject(parent), m_window(window), m_path(std::move(path)), m_selectRow(selectRow),
      m_timer(new QTimer(this)) {
    m_timer->setInterval(kPollMs);
    connect(m_timer, &QTimer::timeout, this, &Screenshotter::poll);
}

void Screenshotter::start() {
    m_elapsed.start();
    m_timer->start();
}

bool Screenshotter::isReady() const {
    const ProjectSession& session = m_window.session();
    if (session.isBusy())
        return false;
    if (const ImportDialog* dialog = m_window.importDialog(); dialog && !dialog->isPreviewCurrent())
        return false;
    const RecordTableModel* model = m_window.dataWorkspace()->model();
    return model->isIdle();
}

void Screenshotter::poll() {
    if (m_elapsed.elapsed() > kTimeoutMs) {
        std::fprintf(stderr, "screenshot: timed out waiting for the data to load; saving anyway\n");
        save();
        return;
    }
    if (!isReady()) {
        m_readyFor.invalidate();
        return;
    }
    QTableView* table = m_window.dataWorkspace()->tableView();
    // A query that finishes later (e.g. a search) resets the selection: select again, a few times at most.
    if (m_selectRow >= 0 && m_selectAttempts < 5 && m_selectRow < table->model()->rowCount() &&
        table->currentIndex().row() != m_selectRow) {
        table->selectRow(m_selectRow);
        table->setFocus();
        ++m_selectAttempts;
        m_readyFor.invalidate();
        return;
    }
    if (!m_readyFor.isValid()) {
        m_readyFor.start();
        return;
    }
    if (m_readyFor.elapsed() >= kSettleMs)
        save();
}

void Screenshotter::save() {
    m_timer->stop();
    bool saved = m_window.grab().save(m_path, "PNG");
    std::fprintf(stderr, saved ? "screenshot: saved %s\n" : "screenshot: could not write %s\n",
                 qPrintable(m_path));
    if (ImportDialog* dialog = m_window.importDialog()) {
        // A dialog is its own top-level window: grab it separately, beside the main window's picture.
        QString dialogPath = m_path;
        dialogPath.insert(dialogPath.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)
                              ? dialogPath.size() - 4
                              : dialogPath.size(),
                          QStringLiteral("-import"));
        const bool dialogSaved = dialog->grab().save(dialogPath, "PNG");
        std::fprintf(stderr, dialogSaved ? "screenshot: saved %s\n" : "screenshot: could not write %s\n",
                     qPrintable(dialogPath));
        saved = saved && dialogSaved;
    }
    emit done(saved);
}

} // namespace bankbench::ui
