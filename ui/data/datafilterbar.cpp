#include "data/datafilterbar.h"

#include "common/qtconvert.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalBlocker>
#include <QTimer>

namespace bankbench::ui {

DataFilterBar::DataFilterBar(QWidget* parent)
    : QWidget(parent), m_dataset(new QComboBox(this)), m_search(new QLineEdit(this)),
      m_label(new QComboBox(this)), m_labelled(new QComboBox(this)), m_searchTimer(new QTimer(this)) {
    m_dataset->setObjectName(QStringLiteral("datasetCombo"));
    m_dataset->setMinimumContentsLength(34);
    m_dataset->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_dataset->setToolTip(tr("The dataset shown in the table"));

    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Search text (Chinese or English)…"));
    m_search->setToolTip(tr("Full-text search. Several words must all match; Chinese matches as a phrase."));
    m_search->setMinimumWidth(220);

    m_label->setObjectName(QStringLiteral("labelCombo"));
    m_label->setMinimumContentsLength(14);
    m_label->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_label->addItem(tr("All labels"));

    m_labelled->setObjectName(QStringLiteral("labelledCombo"));
    m_labelled->addItem(tr("All records"), static_cast<int>(core::LabelledFilter::Any));
    m_labelled->addItem(tr("Labelled only"), static_cast<int>(core::LabelledFilter::Labelled));
    m_labelled->addItem(tr("Unlabelled only"), static_cast<int>(core::LabelledFilter::Unlabelled));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    auto* datasetLabel = new QLabel(tr("&Dataset:"), this);
    datasetLabel->setBuddy(m_dataset);
    layout->addWidget(datasetLabel);
    layout->addWidget(m_dataset);
    layout->addSpacing(12);
    layout->addWidget(m_search, 1);
    layout->addSpacing(12);
    auto* labelLabel = new QLabel(tr("&Label:"), this);
    labelLabel->setBuddy(m_label);
    layout->addWidget(labelLabel);
    layout->addWidget(m_label);
    layout->addWidget(m_labelled);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, &DataFilterBar::emitSearch);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &DataFilterBar::emitSearch);

    connect(m_dataset, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            emit datasetChosen(m_dataset->itemData(index).toLongLong());
    });
    connect(m_label, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QVariant data = m_label->itemData(index);
        emit labelFilterChanged(data.isValid() ? std::optional<QString>(data.toString()) : std::nullopt);
    });
    connect(m_labelled, &QComboBox::currentIndexChanged, this, [this](int index) {
        emit labelledFilterChanged(static_cast<core::LabelledFilter>(m_labelled->itemData(index).toInt()));
    });
}

void DataFilterBar::setDatasets(const QList<core::DatasetInfo>& datasets,
                                std::optional<core::DatasetId> current) {
    const QSignalBlocker blocker(m_dataset);
    m_dataset->clear();
    for (const auto& info : datasets) {
        m_dataset->addItem(tr("%1 (%2 rows)").arg(toQString(info.name), QLocale().toString(info.rowCount)),
                           QVariant::fromValue<qlonglong>(info.id));
    }
    const int index = current ? m_dataset->findData(QVariant::fromValue<qlonglong>(*current)) : -1;
    m_dataset->setCurrentIndex(index >= 0 ? index : (datasets.isEmpty() ? -1 : 0));
}

std::optional<core::DatasetId> DataFilterBar::currentDatasetId() const {
    if (m_dataset->currentIndex() < 0)
        return std::nullopt;
    return m_dataset->currentData().toLongLong();
}

void DataFilterBar::setLabelCounts(const std::vector<core::LabelCount>& counts) {
    const QVariant selected = m_label->currentData();
    const QSignalBlocker blocker(m_label);
    m_label->clear();
    m_label->addItem(tr("All labels"));
    for (const auto& count : counts) {
        const QString name = toQString(count.name);
        m_label->addItem(tr("%1 (%2)").arg(name, QLocale().toString(count.count)), name);
    }
    const int index = selected.isValid() ? m_label->findData(selected) : 0;
    m_label->setCurrentIndex(index >= 0 ? index : 0);
    m_label->setEnabled(!counts.empty());
}

void DataFilterBar::resetFilters() {
    const QSignalBlocker searchBlocker(m_search);
    const QSignalBlocker labelBlocker(m_label);
    const QSignalBlocker labelledBlocker(m_labelled);
    m_searchTimer->stop();
    m_search->clear();
    m_label->setCurrentIndex(0);
    m_labelled->setCurrentIndex(0);
}

void DataFilterBar::emitSearch() {
    m_searchTimer->stop();
    emit searchChanged(m_search->text());
}

} // namespace bankbench::ui
