#include "label/labelworkspace.h"

#include "common/appsettings.h"
#include "common/projectsession.h"
#include "common/qtconvert.h"
#include "common/translations.h"
#include "label/labelqueuebar.h"
#include "label/labelschemadialog.h"
#include "label/labelsession.h"
#include "label/labelsetdialog.h"
#include "label/labelview.h"
#include "shell/emptystatepanel.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>

namespace bankbench::ui {

namespace {

QString systemUserName() {
    for (const char* variable : {"USER", "USERNAME", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(variable).trimmed();
        if (!name.isEmpty())
            return name;
    }
    return QStringLiteral("annotator");
}

} // namespace

LabelWorkspace::LabelWorkspace(ProjectSession& session, AppSettings& settings, QObject* parent)
    : Workspace(parent), m_project(session), m_settings(settings), m_session(new LabelSession(this)) {
    buildWidgets();
    const QString annotator = m_settings.annotatorName.get().trimmed();
    m_session->setAnnotator(annotator.isEmpty() ? systemUserName() : annotator);
    m_bar->setAnnotator(m_session->annotator());

    connect(&m_project, &ProjectSession::projectOpened, this, [this](const QString& path) {
        m_session->setProjectPath(path);
        m_error->hide();
    });
    connect(&m_project, &ProjectSession::projectClosed, this, [this] {
        m_session->setProjectPath(QString());
        updatePage();
    });
    connect(&m_project, &ProjectSession::datasetsChanged, this, &LabelWorkspace::onDatasetsChanged);

    connect(m_bar, &LabelQueueBar::datasetChosen, this, [this](core::DatasetId id) { selectDataset(id); });
    connect(m_bar, &LabelQueueBar::requestChanged, this, &LabelWorkspace::applyRequest);
    connect(m_bar, &LabelQueueBar::reviewModeChanged, m_session, &LabelSession::setReviewMode);
    connect(m_bar, &LabelQueueBar::annotatorChanged, this, [this](const QString& name) {
        m_session->setAnnotator(name);
        m_settings.annotatorName = m_session->annotator();
        emit statusTextChanged();
    });
    connect(m_bar, &LabelQueueBar::schemaRequested, this, &LabelWorkspace::showSchemaDialog);

    connect(m_session, &LabelSession::errorOccurred, this, &LabelWorkspace::showError);
    connect(m_session, &LabelSession::schemaChanged, this, [this] {
        m_bar->setLabels(m_session->schema().labels, installedLanguage());
        updatePage();
    });
    connect(m_session, &LabelSession::statsChanged, this, &Workspace::statusTextChanged);
    connect(m_session, &LabelSession::queueChanged, this, &Workspace::statusTextChanged);
    updatePage();
}

LabelWorkspace::~LabelWorkspace() {
    if (m_pages && !m_pages->parent())
        delete m_pages.data(); // never placed in a window (tests)
}

void LabelWorkspace::buildWidgets() {
    m_pages = new QStackedWidget;
    m_pages->setObjectName(QStringLiteral("labelWorkspace"));
    m_empty = new EmptyStatePanel(m_pages);
    m_content = new QWidget(m_pages);
    m_bar = new LabelQueueBar(m_content);
    m_error = new QLabel(m_content);
    m_error->setObjectName(QStringLiteral("labelError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::RichText);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #9b1c1c; background: #fde8e8; padding: 6px; }"));
    m_error->hide();
    connect(m_error, &QLabel::linkActivated, m_error, &QWidget::hide);
    m_inner = new QStackedWidget(m_content);
    m_view = new LabelView(*m_session, m_inner);
    m_noLabelSet = new EmptyStatePanel(m_inner);
    m_inner->addWidget(m_view);
    m_inner->addWidget(m_noLabelSet);
    auto* layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(10, 8, 10, 6);
    layout->setSpacing(8);
    layout->addWidget(m_bar);
    layout->addWidget(m_error);
    layout->addWidget(m_inner, 1);
    m_pages->addWidget(m_empty);
    m_pages->addWidget(m_content);

    m_newSetAction = new QAction(tr("Create a Label Set…"), this);
    connect(m_newSetAction, &QAction::triggered, this, &LabelWorkspace::promptNewLabelSet);
}

QString LabelWorkspace::title() const {
    return tr("Label");
}

QIcon LabelWorkspace::icon() const {
    return qApp->style()->standardIcon(QStyle::SP_DialogApplyButton);
}

QWidget* LabelWorkspace::widget() const {
    return m_pages;
}

void LabelWorkspace::activate() {
    m_view->setLanguage(installedLanguage());
    m_view->focusText();
}

void LabelWorkspace::saveState(AppSettings& settings) const {
    settings.labelSplitterState = m_view->splitter()->saveState();
    const QueueRequest request = m_bar->request();
    settings.labelQueueOrder = static_cast<int>(request.mode);
    settings.labelQueueSeed = static_cast<int>(request.seed);
}

void LabelWorkspace::restoreState(const AppSettings& settings) {
    const QByteArray state = settings.labelSplitterState;
    if (!state.isEmpty())
        m_view->splitter()->restoreState(state);
    QueueRequest request;
    const int order = settings.labelQueueOrder;
    // The uncertainty order needs a model, which a new session does not have yet.
    request.mode = order >= 0 && order <= static_cast<int>(QueueMode::Filtered)
                       ? static_cast<QueueMode>(order)
                       : QueueMode::UnlabelledFirst;
    request.seed = static_cast<std::uint64_t>(std::max(1, settings.labelQueueSeed.get()));
    m_bar->setRequest(request);
    m_session->setQueueRequest(m_bar->request());
}

QString LabelWorkspace::statusText() const {
    const auto& dataset = m_session->dataset();
    if (!m_project.isOpen() || !dataset)
        return {};
    const QLocale locale;
    QString text = tr("Labeling %1 as %2").arg(toQString(dataset->name), m_session->annotator());
    if (const auto& stats = m_session->stats())
        text += QStringLiteral(" · ") +
                tr("%1 of %2 labelled")
                    .arg(locale.toString(stats->progress.labelled), locale.toString(stats->progress.total));
    return text;
}

void LabelWorkspace::setSuggestionProvider(std::shared_ptr<core::SuggestionProvider> provider) {
    m_bar->setUncertaintyAvailable(provider != nullptr);
    m_session->setSuggestionProvider(std::move(provider));
}

void LabelWorkspace::showDataset(core::DatasetId id) {
    if (m_project.dataset(id)) {
        m_bar->setDatasets(m_project.datasets(), id);
        selectDataset(id);
    } else {
        m_pendingDataset = id;
    }
}

void LabelWorkspace::onDatasetsChanged() {
    std::optional<core::DatasetId> wanted =
        m_session->dataset() ? std::optional(m_session->dataset()->id) : std::nullopt;
    if (m_pendingDataset && m_project.dataset(*m_pendingDataset)) {
        wanted = m_pendingDataset;
        m_pendingDataset.reset();
    }
    m_bar->setDatasets(m_project.datasets(), wanted);
    selectDataset(m_bar->currentDatasetId());
    updatePage();
}

void LabelWorkspace::selectDataset(std::optional<core::DatasetId> id) {
    const std::optional<core::DatasetInfo> info = id ? m_project.dataset(*id) : std::nullopt;
    if (!info || !m_session->dataset() || m_session->dataset()->id != info->id)
        m_error->hide();
    m_session->setDataset(info);
    updatePage();
    emit statusTextChanged();
}

void LabelWorkspace::applyRequest() {
    m_session->setQueueRequest(m_bar->request());
}

void LabelWorkspace::showError(const QString& message) {
    m_error->setText(
        QStringLiteral("%1 &nbsp; <a href=\"#dismiss\">%2</a>").arg(message.toHtmlEscaped(), tr("Dismiss")));
    m_error->setToolTip(message);
    m_error->show();
}

QString LabelWorkspace::errorText() const {
    return m_error->isHidden() ? QString() : m_error->toolTip();
}

LabelSchemaDialog* LabelWorkspace::showSchemaDialog() {
    if (m_schemaDialog) {
        m_schemaDialog->raise();
        return m_schemaDialog;
    }
    auto* dialog = new LabelSchemaDialog(*m_session, installedLanguage(), m_pages);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_schemaDialog = dialog;
    dialog->show();
    return dialog;
}

void LabelWorkspace::promptNewLabelSet() {
    if (!m_session->dataset())
        return;
    auto* dialog = new LabelSetDialog(*m_session->dataset(), m_pages);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_session->createLabelSet(dialog->setName(), dialog->kind(), dialog->column(), dialog->separator(),
                                  dialog->labels());
    });
    dialog->open();
}

void LabelWorkspace::updatePage() {
    if (!m_project.isOpen()) {
        m_empty->setMessage(
            tr("No project open"),
            tr("Open or create a project in the Data workspace, then label its records here."));
        m_empty->setActions({});
        m_pages->setCurrentWidget(m_empty);
    } else if (m_project.datasets().isEmpty()) {
        m_empty->setMessage(tr("Nothing to label yet"),
                            tr("Import a dataset first (Project → Import Data…)."));
        m_empty->setActions({});
        m_pages->setCurrentWidget(m_empty);
    } else {
        m_pages->setCurrentWidget(m_content);
        const bool noSet = m_session->isSchemaLoaded() && !m_session->schema().labelSet;
        if (noSet) {
            m_noLabelSet->setMessage(
                tr("This dataset has no label set"),
                tr("A label set holds the intents or slot types to label with. Create one "
                   "from a column's values, from a JSON/CSV list, or empty."));
            m_noLabelSet->setActions({m_newSetAction});
        }
        m_inner->setCurrentWidget(noSet ? static_cast<QWidget*>(m_noLabelSet) : m_view);
    }
    emit statusTextChanged();
}

bool LabelWorkspace::relabelRecord(core::DatasetId dataset, core::RecordId record,
                                   const std::vector<std::string>& labels,
                                   const std::optional<core::Decision>& storedBefore, const QString& recordText) {
    const std::optional<core::DatasetInfo> info = m_project.dataset(dataset);
    if (!info || !info->labelSetId)
        return false;
    showDataset(dataset);
    m_session->relabel(record, *info->labelSetId, labels, storedBefore, recordText);
    return true;
}

void LabelWorkspace::openRecord(core::DatasetId dataset, core::RecordId record) {
    showDataset(dataset);
    if (!m_session->isQueueLoading()) {
        m_session->reveal(record);
        return;
    }
    // A finished queue build shows its first record: reveal this one after it.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_session, &LabelSession::queueChanged, this, [this, record, connection] {
        if (m_session->isQueueLoading())
            return;
        disconnect(*connection);
        m_session->reveal(record);
    });
}

} // namespace bankbench::ui
