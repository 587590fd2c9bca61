// TrainWorkspace: the run history's actions and the active model that feeds labeling suggestions.

#include "train/trainworkspace.h"

#include "common/appsettings.h"
#include "common/projectsession.h"
#include "common/qtconvert.h"
#include "train/modelsuggestionprovider.h"
#include "train/runhistorypanel.h"
#include "train/trainlivepanel.h"

#include <ml/runmodel.h>

#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QtConcurrent>

namespace bankbench::ui {

namespace {

struct LoadedProvider {
    std::shared_ptr<core::SuggestionProvider> provider;
    QString error;
};

} // namespace

void TrainWorkspace::onListed(const QList<RunRow>& runs, const QString& active) {
    m_history->setRuns(runs, active);
    m_activeModel = active;
    if (active != m_loadedModel)
        loadActiveModel(active);
    emit statusTextChanged();
}

void TrainWorkspace::loadActiveModel(const QString& runName) {
    const int generation = ++m_modelGeneration;
    if (runName.isEmpty() || !m_session.isOpen()) {
        const bool had = !m_loadedModel.isEmpty();
        m_loadedModel.clear();
        if (had)
            emit suggestionProviderChanged(nullptr);
        return;
    }
    auto* watcher = new QFutureWatcher<LoadedProvider>(this);
    connect(watcher, &QFutureWatcher<LoadedProvider>::finished, this, [this, watcher, generation, runName] {
        watcher->deleteLater();
        if (generation != m_modelGeneration)
            return;
        const LoadedProvider loaded = watcher->result();
        if (!loaded.provider) {
            m_live->appendLog(tr("The active model “%1” cannot be loaded: %2").arg(runName, loaded.error));
            m_loadedModel.clear();
            emit suggestionProviderChanged(nullptr);
            return;
        }
        m_loadedModel = runName;
        m_live->appendLog(tr("Labeling suggestions now come from “%1”.").arg(runName));
        emit suggestionProviderChanged(loaded.provider);
    });
    watcher->setFuture(QtConcurrent::run([path = toStdString(m_session.path()), name = toStdString(runName)] {
        LoadedProvider out;
        try {
            auto model = ml::loadRunModel(path, name);
            if (!model)
                out.error = toQString(model.error().what());
            else
                out.provider = std::make_shared<ModelSuggestionProvider>(std::move(*model));
        } catch (const std::exception& e) {
            out.error = QString::fromUtf8(e.what());
        }
        return out;
    }));
}

void TrainWorkspace::renameRun(const QString& runName, const QString& newName) {
    if (m_session.isOpen())
        m_repository->rename(m_session.path(), runName, newName.trimmed());
}

void TrainWorkspace::deleteRun(const QString& runName) {
    if (m_session.isOpen())
        m_repository->remove(m_session.path(), runName);
}

void TrainWorkspace::exportRun(const QString& runName, const QString& targetDir) {
    if (m_session.isOpen())
        m_repository->exportRun(m_session.path(), runName, targetDir);
}

void TrainWorkspace::setActiveModel(const std::optional<QString>& runName) {
    if (m_session.isOpen())
        m_repository->setActiveModel(m_session.path(), runName);
}

void TrainWorkspace::promptRename(const QString& runName) {
    if (runName.isEmpty())
        return;
    auto* dialog = new QInputDialog(m_pages.data());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Rename Run"));
    dialog->setLabelText(tr("New name for run “%1” (its model folder is renamed too):").arg(runName));
    dialog->setTextValue(runName);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, runName](const QString& name) {
        if (!name.trimmed().isEmpty() && name.trimmed() != runName)
            renameRun(runName, name);
    });
    dialog->open();
}

void TrainWorkspace::confirmDelete(const QString& runName) {
    if (runName.isEmpty())
        return;
    auto* box =
        new QMessageBox(QMessageBox::Question, tr("Delete Run"),
                        tr("Delete run “%1” and its model folder? This cannot be undone.").arg(runName),
                        QMessageBox::NoButton, m_pages.data());
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* remove = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->addButton(tr("Keep"), QMessageBox::RejectRole);
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, runName](QAbstractButton* clicked) {
        if (clicked == remove)
            deleteRun(runName);
    });
    box->open();
}

void TrainWorkspace::chooseExportFolder(const QString& runName) {
    if (runName.isEmpty())
        return;
    auto* dialog =
        new QFileDialog(m_pages.data(), tr("Export Run “%1” Into").arg(runName), m_settings.lastExportDir.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::fileSelected, this, [this, runName](const QString& folder) {
        m_settings.lastExportDir = folder;
        exportRun(runName, folder);
    });
    dialog->open();
}

} // namespace bankbench::ui
