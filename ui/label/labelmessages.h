#pragma once

#include <labeling/agreement.h>
#include <labeling/labelqueue.h>
#include <labeling/suggestion.h>
#include <store/labeltypes.h>

#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QVector>

#include <memory>
#include <optional>
#include <string>
#include <vector>

// Values that travel between the labeling workers (their threads) and the GUI thread by queued calls.

namespace bankbench::ui {

/// One record as the labeling view shows it, converted on the reader thread so showing it costs no SQL,
/// JSON or UTF-8 work on the GUI thread.
struct LabelRecord {
    core::RecordId id = 0;
    qint64 sourceLine = 0;
    QString text;         ///< what the view shows
    std::string textUtf8; ///< the stored text, for code point <-> UTF-16 conversion (core helpers)
    QList<QPair<QString, QString>> metadata;    ///< (column, value) of every column but the text column
    std::optional<core::Decision> mine;         ///< this annotator's current decision
    std::optional<core::Decision> adjudication; ///< the current adjudication (review mode's decision)
    std::vector<core::Decision> others;         ///< other annotators' current decisions, by annotator
    std::vector<core::Suggestion> suggestions;  ///< model suggestions, most probable first (empty: none)
    bool missing = false;                       ///< the record no longer exists
};
using LabelRecords = QVector<LabelRecord>;

/// The label set the view labels with.
struct LabelSchema {
    core::DatasetId datasetId = 0;
    std::optional<core::LabelSet> labelSet; ///< nothing: the dataset has no label set yet
    std::vector<core::Label> labels;        ///< position order
    std::vector<core::LabelSet> allSets;    ///< every label set of the project (to switch sets)
};

/// What the queue chooser asks for.
enum class QueueMode { UnlabelledFirst, Random, Filtered, Uncertainty };

struct QueueRequest {
    QueueMode mode = QueueMode::UnlabelledFirst;
    core::DatasetId datasetId = 0;
    std::string annotator;
    std::uint64_t seed = 1;
    std::string search;
    std::optional<std::string> label;
    core::LabelledFilter labelled = core::LabelledFilter::Any;
    core::UncertaintyMeasure measure = core::UncertaintyMeasure::Margin;
    bool review = false; ///< walk the records where annotators disagree instead
};

/// One decision to store (or an adjudication in review mode).
struct DecisionRequest {
    core::RecordId recordId = 0;
    core::LabelSetId labelSetId = 0;
    std::string annotator;
    core::DecisionStatus status = core::DecisionStatus::Accepted;
    std::vector<std::string> labels;
    std::vector<core::Span> spans;
    std::string comment;
    bool adjudication = false;
};

/// A label schema change, applied and reverted by the writer (undoable).
struct SchemaEdit {
    enum class Kind { Create, Update, Rename, Merge, Reorder, Delete };
    Kind kind = Kind::Create;
    core::LabelSetId labelSetId = 0;
    core::Label label;    ///< Create: the new label; Update: the new values; others: the label concerned
    core::Label previous; ///< Update: the values before
    std::string newName;  ///< Rename
    std::string oldName;  ///< Rename
    core::LabelId targetId = 0;               ///< Merge: the label `label` is merged into
    std::vector<core::LabelId> order;         ///< Reorder: the new order
    std::vector<core::LabelId> previousOrder; ///< Reorder: the order before
};

/// Counts shown by the progress panel, computed off the GUI thread.
struct LabelStats {
    core::DatasetId datasetId = 0;
    core::LabelProgress progress;
    core::LabelRate rate;
    std::optional<core::AgreementReport> agreement;
    QString error;
};

/// The writer's operations, as reported back.
enum class WriteOp { Save, Undo, Redo, SchemaApply, SchemaRevert, CreateLabelSet, ImportLabels };

} // namespace bankbench::ui

Q_DECLARE_METATYPE(bankbench::ui::LabelRecord)
Q_DECLARE_METATYPE(bankbench::ui::LabelRecords)
Q_DECLARE_METATYPE(bankbench::ui::LabelSchema)
Q_DECLARE_METATYPE(bankbench::ui::QueueRequest)
Q_DECLARE_METATYPE(bankbench::ui::DecisionRequest)
Q_DECLARE_METATYPE(bankbench::ui::SchemaEdit)
Q_DECLARE_METATYPE(bankbench::ui::WriteOp)
Q_DECLARE_METATYPE(std::shared_ptr<bankbench::core::SuggestionProvider>)
