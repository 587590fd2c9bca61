#pragma once

#include "shell/workspace.h"

#include <labeling/suggestion.h>
#include <store/labeltypes.h>
#include <store/records.h>

#include <QPointer>
#include <QStackedWidget>

#include <memory>
#include <optional>

class QAction;
class QLabel;

namespace bankbench::ui {

class EmptyStatePanel;
class LabelQueueBar;
class LabelSchemaDialog;
class LabelSession;
class LabelView;
class ProjectSession;

/// Label records one at a time, keyboard first (LabelView), over the dataset chosen here; schema editing,
/// review of disagreements and progress included. The annotator's name and the queue order come from the
/// typed settings. GUI thread; the main window owns it.
class LabelWorkspace : public Workspace {
    Q_OBJECT

public:
    LabelWorkspace(ProjectSession& session, AppSettings& settings, QObject* parent = nullptr);
    ~LabelWorkspace() override;

    QString id() const override { return QStringLiteral("label"); }
    QString title() const override;
    QIcon icon() const override;
    QWidget* widget() const override;
    void activate() override;
    void saveState(AppSettings& settings) const override;
    void restoreState(const AppSettings& settings) override;
    QString statusText() const override;

    /// A trained model's suggestions (the training workspace plugs one in); nullptr removes it. Enables
    /// the uncertainty order and the suggestion line.
    void setSuggestionProvider(std::shared_ptr<core::SuggestionProvider> provider);
    void showDataset(core::DatasetId id);
    /// For the Evaluate workspace: shows `dataset` here (so undo can show the record) and stores `labels` as
    /// the annotator's decision on `record` through the session's undo stack. False when the dataset is
    /// unknown or has no label set.
    bool relabelRecord(core::DatasetId dataset, core::RecordId record, const std::vector<std::string>& labels,
                       const std::optional<core::Decision>& storedBefore, const QString& recordText);
    /// Shows `record` of `dataset` in the labeling view (once the dataset's queue is built).
    void openRecord(core::DatasetId dataset, core::RecordId record);

    LabelSession* session() const { return m_session; }
    LabelView* view() const { return m_view; }
    LabelQueueBar* queueBar() const { return m_bar; }
    EmptyStatePanel* emptyState() const { return m_empty; }
    EmptyStatePanel* noLabelSetState() const { return m_noLabelSet; }
    /// Opens the label schema dialog (non-modal, one at a time).
    LabelSchemaDialog* showSchemaDialog();
    QString errorText() const;

private:
    void buildWidgets();
    void onDatasetsChanged();
    void selectDataset(std::optional<core::DatasetId> id);
    void applyRequest();
    void showError(const QString& message);
    void updatePage();
    void promptNewLabelSet();

    ProjectSession& m_project;
    AppSettings& m_settings;
    LabelSession* m_session;
    QPointer<QStackedWidget> m_pages;
    EmptyStatePanel* m_empty = nullptr;
    QWidget* m_content = nullptr;
    LabelQueueBar* m_bar = nullptr;
    QLabel* m_error = nullptr;
    QStackedWidget* m_inner = nullptr; ///< the view, or what to do when the dataset has no label set
    LabelView* m_view = nullptr;
    EmptyStatePanel* m_noLabelSet = nullptr;
    QAction* m_newSetAction = nullptr;
    QPointer<LabelSchemaDialog> m_schemaDialog;
    std::optional<core::DatasetId> m_pendingDataset;
};

} // namespace bankbench::ui
