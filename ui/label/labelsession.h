#pragma once

#include "data/recordrow.h"
#include "label/labelmessages.h"

#include <util/canceltoken.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QThread;
class QTimer;
class QUndoStack;

namespace bankbench::ui {

class LabelReader;
class LabelWriter;

/// The labeling view's state and data flow, on the GUI thread: the label schema, the queue of record ids
/// and the position in it, records prefetched ahead of the shown one (so a keypress never waits for SQL),
/// the edits the annotator makes and the undo stack they go through. SQL runs only on the reader thread
/// (queue, prefetch) and the writer thread (decisions and schema edits, each stored at once); stats run on
/// a pool thread with their own connection. A decision shows at once; it counts as saved only when the
/// writer reports its transaction committed. Owns both threads and stops them on destruction (pending
/// writes finish first). GUI thread only.
class LabelSession : public QObject {
    Q_OBJECT

public:
    /// Records fetched ahead of (and behind) the shown one.
    static constexpr int kPrefetchAhead = 48;
    static constexpr int kPrefetchBehind = 8;
    static constexpr int kFetchBatch = 32;
    static constexpr int kMaxCached = 1024;
    static constexpr int kRecentLimit = 30;
    /// Counts run this long after the last write (longer when counting took long: twice its duration).
    static constexpr int kStatsDelayMs = 400;

    enum class SaveState { Idle, Saving, Saved, Failed };

    /// One line of the recent decisions list (this session's decisions still in effect, newest first).
    struct RecentDecision {
        quint64 token = 0;
        core::RecordId recordId = 0;
        QString text;
        core::Decision decision;
        SaveState state = SaveState::Saving;
    };

    explicit LabelSession(QObject* parent = nullptr);
    ~LabelSession() override;

    // ----- what to label -----
    void setProjectPath(const QString& path);
    QString projectPath() const { return m_projectPath; }
    void setDataset(const std::optional<core::DatasetInfo>& dataset);
    const std::optional<core::DatasetInfo>& dataset() const { return m_dataset; }
    void setAnnotator(const QString& name);
    QString annotator() const { return m_annotator; }
    /// The queue order (dataset and annotator are filled in here). Rebuilds the queue.
    void setQueueRequest(const QueueRequest& request);
    const QueueRequest& queueRequest() const { return m_request; }
    /// Review mode walks the records where annotators disagree and records adjudications.
    void setReviewMode(bool review);
    bool isReviewMode() const { return m_request.review; }
    void setSuggestionProvider(std::shared_ptr<core::SuggestionProvider> provider);
    bool hasSuggestionProvider() const { return m_provider != nullptr; }
    /// Rebuilds the queue and reloads the schema (after another part of the app changed the store).
    void reload();

    // ----- state -----
    const LabelSchema& schema() const { return m_schema; }
    bool isSchemaLoaded() const { return m_schemaLoaded; }
    core::LabelSetKind kind() const;
    const core::Label* labelByName(const std::string& name) const;
    bool isQueueLoading() const { return m_queueLoading; }
    qint64 queueSize() const;
    /// The record ids in queue order (null until built).
    const RecordIdList& queue() const { return m_queue; }
    /// Position of the shown record in the queue, or -1 (none, or a record shown from outside the queue).
    qint64 position() const { return m_position; }
    /// The shown record, or nullptr while it loads or when there is none.
    const LabelRecord* currentRecord() const;
    std::optional<core::RecordId> currentRecordId() const;
    /// The decision the view shows for the current record (the annotator's, or the adjudication in review).
    std::optional<core::Decision> shownDecision() const;
    /// Labels / spans being edited on the current record (start as the shown decision or a proposal).
    const std::vector<std::string>& pendingLabels() const { return m_pendingLabels; }
    const std::vector<core::Span>& pendingSpans() const { return m_pendingSpans; }
    bool hasUnsavedEdits() const { return m_dirty; }
    /// No queue build, fetch, write or stats run is outstanding.
    bool isIdle() const;

    // ----- navigation -----
    void next();
    void previous();
    void goTo(qint64 position);
    /// Shows the record (its place in the queue when it has one); used by undo after moving on.
    void reveal(core::RecordId id);

    // ----- decisions (through the undo stack) -----
    /// Single-label: decides and moves on; multi-label: toggles the label in the edit (saved on Enter or
    /// when moving on). Span sets use addSpan()/retypeSpan() instead.
    void pickLabel(const std::string& name);
    /// Span sets: adds a span (code points) of `label` to the edit. Returns a translated error or "".
    QString addSpan(std::int64_t start, std::int64_t end, const std::string& label);
    /// Span sets: gives the edited span at `index` another type.
    void retypeSpan(int index, const std::string& label);
    void removeSpan(int index);
    /// Takes back the last change of the unsaved edit on this record; false when there is none.
    bool undoEdit();
    /// Stores the edit (or the proposal) as an accepted decision and moves on.
    void accept();
    void skip();
    void markUnclear(const QString& comment);
    /// Accepts the model's top suggestion (single-label: decides it; multi-label: adds it to the edit).
    bool acceptTopSuggestion();
    QUndoStack* undoStack() const { return m_undo; }
    /// Stores `labels` as this annotator's accepted decision on `record` (label set `labelSet`) from outside
    /// the labeling view (the Evaluate workspace), through the undo stack like any decision. `storedBefore`
    /// is the annotator's current decision as read from the store; it is shown again after undo.
    void relabel(core::RecordId record, core::LabelSetId labelSet, std::vector<std::string> labels,
                 const std::optional<core::Decision>& storedBefore, const QString& recordText);

    // ----- schema -----
    void editSchema(const SchemaEdit& edit, const QString& description);
    void createLabelSet(const QString& name, core::LabelSetKind kind, const QString& column,
                        const std::optional<QString>& separator, const std::vector<core::Label>& labels);
    void assignLabelSet(std::optional<core::LabelSetId> labelSet);
    void importLabels(const std::vector<core::Label>& labels);

    // ----- saving and progress -----
    SaveState saveState() const { return m_saveState; }
    /// Saving while a write for the record's shown decision is in flight; Saved once this session stored
    /// it; Idle for decisions read from the store (stored earlier).
    SaveState recordSaveState(core::RecordId record) const;
    int writesInFlight() const { return static_cast<int>(m_inFlightWrites.size()); }
    QDateTime lastSavedAt() const { return m_lastSavedAt; }
    QString lastError() const { return m_lastError; }
    const QList<RecentDecision>& recentDecisions() const { return m_recent; }
    const std::optional<LabelStats>& stats() const { return m_stats; }
    qint64 decisionsThisSession() const { return m_sessionDecisions; }
    /// Test hook: the writer fails every later write with `message` ("" to stop).
    void injectWriteFailure(const QString& message);

    // Used by the undo commands (labelcommands.h).
    quint64 nextToken() { return ++m_lastToken; }
    void submitSave(quint64 token, const DecisionRequest& request);
    void submitUndo(quint64 token, const DecisionRequest& request,
                    const std::optional<core::Decision>& before);
    void submitRedo(quint64 token, const DecisionRequest& request);
    void submitSchemaApply(quint64 token, const SchemaEdit& edit);
    void submitSchemaRevert(quint64 token, const SchemaEdit& edit);

signals:
    void schemaChanged();
    void queueChanged();
    /// The shown record, its decision or the edit on it changed: the view repaints from the getters.
    void currentChanged();
    void recentChanged();
    void saveStateChanged();
    void statsChanged();
    /// A read failed, or a write did (then also saveStateChanged): translated text for a banner.
    void errorOccurred(const QString& message);
    /// A short note for the status line ("Pick a label first").
    void notice(const QString& message);
    /// Became idle (tests and screenshots wait for it).
    void settled();

private:
    struct Local {
        std::optional<core::Decision> decision;
        int pending = 0; ///< writes in flight for this record
    };
    struct Write {
        core::RecordId record = 0;
        int layer = 0; ///< index into m_local
        bool schema = false;
    };
    using Edit = std::pair<std::vector<std::string>, std::vector<core::Span>>;

    void startThreads();
    void rebuildQueue();
    void loadSchema();
    void onSchemaLoaded(quint64 generation, const LabelSchema& schema, const QString& error);
    void onQueueBuilt(quint64 generation, RecordIdList ids, const QString& error);
    void onRecordsFetched(quint64 generation, const LabelRecords& records, const QString& error);
    void onWriteFinished(quint64 token, WriteOp op, qint64 id, const QString& error);
    void onSchemaChangedByWriter();
    void setPosition(qint64 position);
    void showRecord();
    void prefetch();
    void fetch(const std::vector<core::RecordId>& ids);
    void evict();
    void resetEdit();
    void commitEdit(core::DecisionStatus status, std::vector<std::string> labels,
                    std::vector<core::Span> spans, const QString& comment, const QString& description);
    bool commitIfDirty();
    void applyLocal(core::RecordId record, const std::optional<core::Decision>& decision, bool adjudication);
    std::optional<core::Decision> proposal() const;
    DecisionRequest request(core::DecisionStatus status, std::vector<std::string> labels,
                            std::vector<core::Span> spans, const QString& comment) const;
    void beginWrite(quint64 token, const Write& write);
    void advance();
    void editChanged();
    /// Runs `fn` on the reader's / writer's thread, after every call queued before it.
    template <typename Fn> void onReader(Fn&& fn) {
        QMetaObject::invokeMethod(readerContext(), std::forward<Fn>(fn), Qt::QueuedConnection);
    }
    template <typename Fn> void onWriter(Fn&& fn) {
        QMetaObject::invokeMethod(writerContext(), std::forward<Fn>(fn), Qt::QueuedConnection);
    }
    QObject* readerContext() const;
    QObject* writerContext() const;
    void rebuildRecent();
    void scheduleStats();
    void loadStats();
    void onStatsLoaded();
    void clearData();
    void checkSettled();

    QThread* m_readerThread = nullptr;
    QThread* m_writerThread = nullptr;
    LabelReader* m_reader = nullptr;
    LabelWriter* m_writer = nullptr;
    QUndoStack* m_undo = nullptr;
    QTimer* m_statsTimer = nullptr;
    QFutureWatcher<LabelStats> m_statsWatcher;

    QString m_projectPath;
    std::optional<core::DatasetInfo> m_dataset;
    QString m_annotator;
    QueueRequest m_request;
    std::shared_ptr<core::SuggestionProvider> m_provider;

    quint64 m_generation = 0; ///< bumped when dataset, annotator, mode or schema change: drops stale reads
    LabelSchema m_schema;
    bool m_schemaLoaded = false;
    bool m_schemaLoading = false;
    quint64 m_queueGeneration = 0;
    std::shared_ptr<core::CancelToken> m_queueCancel;
    bool m_queueLoading = false;
    RecordIdList m_queue;
    qint64 m_position = -1;
    std::optional<core::RecordId> m_detached; ///< a record shown from outside the queue (reveal)

    QHash<core::RecordId, LabelRecord> m_cache;
    QSet<core::RecordId> m_inFlightFetch;
    int m_fetchesInFlight = 0;
    QHash<core::RecordId, Local> m_local[2]; ///< [0] the annotator's decisions, [1] adjudications

    std::vector<std::string> m_pendingLabels;
    std::vector<core::Span> m_pendingSpans;
    bool m_dirty = false;
    std::optional<core::RecordId> m_editRecord;
    QList<Edit> m_editHistory; ///< the unsaved edit's earlier states, for undoEdit()
    Edit m_editBase;           ///< where the edit started

    quint64 m_lastToken = 0;
    QHash<quint64, Write> m_inFlightWrites;
    QHash<quint64, SaveState> m_tokenState;
    SaveState m_saveState = SaveState::Idle;
    QDateTime m_lastSavedAt;
    QString m_lastError;
    QList<RecentDecision> m_recent;
    qint64 m_sessionDecisions = 0;

    std::optional<LabelStats> m_stats;
    bool m_statsPending = false;
    bool m_statsRunning = false;
    QElapsedTimer m_statsClock;
    bool m_wasIdle = true;
};

} // namespace bankbench::ui
