#include "label/labelqueuebar.h"

#include "common/qtconvert.h"
#include "label/labelbuttonbar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTimer>

namespace bankbench::ui {

LabelQueueBar::LabelQueueBar(QWidget* parent)
    : QWidget(parent), m_dataset(new QComboBox(this)), m_order(new QComboBox(this)),
      m_seed(new QSpinBox(this)), m_search(new QLineEdit(this)), m_label(new QComboBox(this)),
      m_measure(new QComboBox(this)), m_review(new QPushButton(this)), m_annotator(new QLineEdit(this)),
      m_schema(new QPushButton(this)), m_searchTimer(new QTimer(this)) {
    setObjectName(QStringLiteral("labelQueueBar"));
    m_dataset->setObjectName(QStringLiteral("labelDataset"));
    m_dataset->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_dataset->setMinimumContentsLength(10);

    m_order->setObjectName(QStringLiteral("labelOrder"));
    m_order->addItem(tr("Unlabelled first"), static_cast<int>(QueueMode::UnlabelledFirst));
    m_order->addItem(tr("Random"), static_cast<int>(QueueMode::Random));
    m_order->addItem(tr("Search and filter"), static_cast<int>(QueueMode::Filtered));
    m_order->addItem(tr("Model uncertainty"), static_cast<int>(QueueMode::Uncertainty));
    m_order->setToolTip(tr("The order records come in"));

    m_seed->setObjectName(QStringLiteral("labelSeed"));
    m_seed->setRange(1, 999999);
    m_seed->setValue(1);
    m_seed->setPrefix(tr("seed "));
    m_seed->setToolTip(tr("The same seed gives the same random order"));
    m_search->setObjectName(QStringLiteral("labelSearch"));
    m_search->setPlaceholderText(tr("Search text…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(180);
    m_label->setObjectName(QStringLiteral("labelFilterLabel"));
    m_measure->setObjectName(QStringLiteral("labelMeasure"));
    m_measure->addItem(tr("Smallest margin"), static_cast<int>(core::UncertaintyMeasure::Margin));
    m_measure->addItem(tr("Highest entropy"), static_cast<int>(core::UncertaintyMeasure::Entropy));
    m_measure->setToolTip(tr("Margin: the two most likely labels are close. Entropy: the model spreads its "
                             "probability over many labels."));

    m_review->setObjectName(QStringLiteral("labelReview"));
    m_review->setText(tr("Review disagreements"));
    m_review->setCheckable(true);
    m_review->setToolTip(tr("Walk the records where annotators disagree and record the final label"));

    m_annotator->setObjectName(QStringLiteral("labelAnnotator"));
    m_annotator->setMaximumWidth(140);
    m_annotator->setToolTip(tr("Your name, stored with every decision"));
    m_schema->setObjectName(QStringLiteral("labelSchemaButton"));
    m_schema->setText(tr("Labels…"));
    m_schema->setToolTip(tr("Create, rename, merge, reorder and delete labels"));

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDelayMs);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Dataset:"), this));
    layout->addWidget(m_dataset);
    layout->addSpacing(8);
    layout->addWidget(new QLabel(tr("Order:"), this));
    layout->addWidget(m_order);
    layout->addWidget(m_seed);
    layout->addWidget(m_search);
    layout->addWidget(m_label);
    layout->addWidget(m_measure);
    layout->addStretch(1);
    layout->addWidget(m_review);
    layout->addSpacing(8);
    layout->addWidget(new QLabel(tr("Annotator:"), this));
    layout->addWidget(m_annotator);
    layout->addWidget(m_schema);

    connect(m_dataset, &QComboBox::currentIndexChanged, this, [this] {
        if (const auto id = currentDatasetId())
            emit datasetChosen(*id);
    });
    connect(m_order, &QComboBox::currentIndexChanged, this, [this] {
        updateVisibility();
        emit requestChanged();
    });
    connect(m_seed, &QSpinBox::valueChanged, this, &LabelQueueBar::requestChanged);
    connect(m_label, &QComboBox::currentIndexChanged, this, &LabelQueueBar::requestChanged);
    connect(m_measure, &QComboBox::currentIndexChanged, this, &LabelQueueBar::requestChanged);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &LabelQueueBar::requestChanged);
    connect(m_review, &QPushButton::toggled, this, &LabelQueueBar::reviewModeChanged);
    connect(m_annotator, &QLineEdit::editingFinished, this, [this] {
        if (!m_annotator->text().trimmed().isEmpty())
            emit annotatorChanged(m_annotator->text().trimmed());
    });
    connect(m_schema, &QPushButton::clicked, this, &LabelQueueBar::schemaRequested);
    setLabels({}, QString());
    setUncertaintyAvailable(false);
    updateVisibility();
}

void LabelQueueBar::setDatasets(const QList<core::DatasetInfo>& datasets,
                                std::optional<core::DatasetId> current) {
    const QSignalBlocker blocker(m_dataset);
    m_dataset->clear();
    int selected = 0;
    for (const auto& info : datasets) {
        if (current && info.id == *current)
            selected = m_dataset->count();
        m_dataset->addItem(toQString(info.name), QVariant::fromValue<qlonglong>(info.id));
    }
    if (m_dataset->count() > 0)
        m_dataset->setCurrentIndex(selected);
}

std::optional<core::DatasetId> LabelQueueBar::currentDatasetId() const {
    if (m_dataset->currentIndex() < 0)
        return std::nullopt;
    return m_dataset->currentData().toLongLong();
}

void LabelQueueBar::setLabels(const std::vector<core::Label>& labels, const QString& language) {
    const QSignalBlocker blocker(m_label);
    const QString previous = m_label->currentData().toString();
    m_label->clear();
    m_label->addItem(tr("Any label"), QString());
    for (const auto& label : labels)
        m_label->addItem(LabelButtonBar::displayName(label, language), toQString(label.name));
    const int index = m_label->findData(previous);
    m_label->setCurrentIndex(index >= 0 ? index : 0);
}

void LabelQueueBar::setUncertaintyAvailable(bool available) {
    auto* model = qobject_cast<QStandardItemModel*>(m_order->model());
    QStandardItem* item = model->item(m_order->findData(static_cast<int>(QueueMode::Uncertainty)));
    item->setEnabled(available);
    item->setToolTip(available ? tr("Most uncertain records first, by the model's suggestions")
                               : tr("Needs a trained model: train one in the Train workspace, then its "
                                    "suggestions order the queue here."));
    if (!available && m_order->currentData().toInt() == static_cast<int>(QueueMode::Uncertainty))
        m_order->setCurrentIndex(0);
}

void LabelQueueBar::setAnnotator(const QString& name) {
    m_annotator->setText(name);
}

QString LabelQueueBar::annotator() const {
    return m_annotator->text().trimmed();
}

void LabelQueueBar::setRequest(const QueueRequest& request) {
    const QSignalBlocker orderBlocker(m_order);
    const QSignalBlocker seedBlocker(m_seed);
    const QSignalBlocker searchBlocker(m_search);
    const QSignalBlocker measureBlocker(m_measure);
    const int index = m_order->findData(static_cast<int>(request.mode));
    m_order->setCurrentIndex(index >= 0 ? index : 0);
    m_seed->setValue(static_cast<int>(std::clamp<std::uint64_t>(request.seed, 1, 999999)));
    m_search->setText(toQString(request.search));
    m_measure->setCurrentIndex(std::max(0, m_measure->findData(static_cast<int>(request.measure))));
    updateVisibility();
}

QueueRequest LabelQueueBar::request() const {
    QueueRequest request;
    request.mode = static_cast<QueueMode>(m_order->currentData().toInt());
    request.seed = static_cast<std::uint64_t>(m_seed->value());
    request.search = toStdString(m_search->text().trimmed());
    const QString label = m_label->currentData().toString();
    if (!label.isEmpty())
        request.label = toStdString(label);
    request.measure = static_cast<core::UncertaintyMeasure>(m_measure->currentData().toInt());
    request.review = m_review->isChecked();
    return request;
}

bool LabelQueueBar::isReviewMode() const {
    return m_review->isChecked();
}

void LabelQueueBar::setReviewMode(bool review) {
    m_review->setChecked(review);
}

void LabelQueueBar::updateVisibility() {
    const auto mode = static_cast<QueueMode>(m_order->currentData().toInt());
    m_seed->setVisible(mode == QueueMode::Random);
    m_search->setVisible(mode == QueueMode::Filtered);
    m_label->setVisible(mode == QueueMode::Filtered);
    m_measure->setVisible(mode == QueueMode::Uncertainty);
}

} // namespace bankbench::ui
