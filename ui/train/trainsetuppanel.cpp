#include "train/trainsetuppanel.h"

#include "train/trainsettingsform.h"

#include <ml/pretrain.h>

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace bankbench::ui {

namespace {

QLabel* wrappingLabel(const QString& name, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

TrainSetupPanel::TrainSetupPanel(QWidget* parent)
    : QWidget(parent), m_presets(trainPresets()), m_dataset(new QComboBox(this)),
      m_labelSet(wrappingLabel(QStringLiteral("trainLabelSet"), this)),
      m_preflight(wrappingLabel(QStringLiteral("trainPreflight"), this)), m_preset(new QComboBox(this)),
      m_presetInfo(wrappingLabel(QStringLiteral("trainPresetInfo"), this)), m_runName(new QLineEdit(this)),
      m_checkpointRow(new QWidget(this)), m_checkpoint(new QLineEdit(m_checkpointRow)),
      m_pretrainRow(new QWidget(this)), m_pretrainEpochs(new QSpinBox(m_pretrainRow)),
      m_advancedToggle(new QToolButton(this)), m_form(new TrainSettingsForm(this)),
      m_device(wrappingLabel(QStringLiteral("trainDevice"), this)),
      m_estimate(wrappingLabel(QStringLiteral("trainEstimate"), this)),
      m_start(new QPushButton(tr("Start Training"), this)), m_cancel(new QPushButton(tr("Cancel"), this)) {
    setObjectName(QStringLiteral("trainSetup"));
    m_dataset->setObjectName(QStringLiteral("trainDataset"));
    m_preset->setObjectName(QStringLiteral("trainPreset"));
    m_runName->setObjectName(QStringLiteral("trainRunName"));
    m_runName->setPlaceholderText(tr("automatic (e.g. fast-3)"));
    m_runName->setToolTip(tr("Name of the new run; it also names the model folder next to the project."));
    m_start->setObjectName(QStringLiteral("trainStart"));
    m_cancel->setObjectName(QStringLiteral("trainCancel"));
    m_start->setDefault(true);
    m_cancel->setToolTip(tr("Stops within one batch and writes a checkpoint: the run can be resumed later."));

    auto* model = qobject_cast<QStandardItemModel*>(m_preset->model());
    for (const TrainPreset& preset : m_presets) {
        m_preset->addItem(preset.title, preset.id);
        QStandardItem* item = model->item(m_preset->count() - 1);
        item->setToolTip(preset.available
                             ? preset.description
                             : preset.description + QStringLiteral("\n\n") + preset.unavailableReason);
        if (!preset.available)
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    }

    auto* data = new QGroupBox(tr("Data"), this);
    auto* dataForm = new QFormLayout(data);
    dataForm->addRow(tr("Dataset"), m_dataset);
    dataForm->addRow(tr("Label set"), m_labelSet);
    dataForm->addRow(m_preflight);

    auto* modelBox = new QGroupBox(tr("Model"), this);
    auto* modelForm = new QFormLayout(modelBox);
    m_modelForm = modelForm;
    modelForm->addRow(tr("Preset"), m_preset);
    modelForm->addRow(m_presetInfo);
    m_checkpoint->setObjectName(QStringLiteral("trainCheckpoint"));
    m_checkpoint->setPlaceholderText(tr("folder with config.json, model.safetensors, vocab.txt"));
    auto* browse = new QPushButton(tr("Choose…"), m_checkpointRow);
    connect(browse, &QPushButton::clicked, this, &TrainSetupPanel::chooseCheckpoint);
    connect(m_checkpoint, &QLineEdit::textChanged, this, &TrainSetupPanel::configChanged);
    auto* checkpointLayout = new QHBoxLayout(m_checkpointRow);
    checkpointLayout->setContentsMargins(0, 0, 0, 0);
    checkpointLayout->addWidget(m_checkpoint, 1);
    checkpointLayout->addWidget(browse);
    m_pretrainEpochs->setObjectName(QStringLiteral("trainPretrainEpochs"));
    m_pretrainEpochs->setRange(1, 100);
    m_pretrainEpochs->setValue(ml::PretrainConfig{}.epochs);
    m_pretrainEpochs->setToolTip(tr("Passes of masked-language-model pretraining over the dataset's texts."));
    auto* pretrainLayout = new QHBoxLayout(m_pretrainRow);
    pretrainLayout->setContentsMargins(0, 0, 0, 0);
    pretrainLayout->addWidget(m_pretrainEpochs);
    pretrainLayout->addStretch(1);
    modelForm->addRow(tr("Checkpoint"), m_checkpointRow);
    modelForm->addRow(tr("Pretraining epochs"), m_pretrainRow);
    modelForm->addRow(tr("Run name"), m_runName);

    m_advancedToggle->setObjectName(QStringLiteral("trainAdvancedToggle"));
    m_advancedToggle->setText(tr("Advanced settings"));
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedToggle->setArrowType(Qt::RightArrow);
    m_advancedToggle->setAutoRaise(true);
    m_form->hide();
    connect(m_advancedToggle, &QToolButton::toggled, this, [this](bool open) {
        m_form->setVisible(open);
        m_advancedToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });

    auto* run = new QGroupBox(tr("Before you start"), this);
    auto* runLayout = new QFormLayout(run);
    runLayout->addRow(tr("Device"), m_device);
    runLayout->addRow(tr("Estimate"), m_estimate);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(data);
    layout->addWidget(modelBox);
    layout->addWidget(m_advancedToggle);
    layout->addWidget(m_form);
    layout->addWidget(run);
    layout->addLayout(buttons);
    layout->addStretch(1);

    connect(m_dataset, &QComboBox::currentTextChanged, this, &TrainSetupPanel::datasetChanged);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &TrainSetupPanel::onPresetChanged);
    connect(m_form, &TrainSettingsForm::changed, this, &TrainSetupPanel::configChanged);
    connect(m_start, &QPushButton::clicked, this, &TrainSetupPanel::startRequested);
    connect(m_cancel, &QPushButton::clicked, this, &TrainSetupPanel::cancelRequested);
    onPresetChanged();
    setRunning(false);
}

void TrainSetupPanel::setAvailableWidth(int width) {
    const QMargins margins = layout()->contentsMargins();
    m_form->setAvailableWidth(width - margins.left() - margins.right());
}

void TrainSetupPanel::setDatasets(const QStringList& names, const QString& keep) {
    const QSignalBlocker blocker(m_dataset);
    const QString previous = keep.isEmpty() ? m_dataset->currentText() : keep;
    m_dataset->clear();
    m_dataset->addItems(names);
    const int index = m_dataset->findText(previous);
    m_dataset->setCurrentIndex(index >= 0 ? index : (names.isEmpty() ? -1 : 0));
}

QString TrainSetupPanel::datasetName() const {
    return m_dataset->currentText();
}

void TrainSetupPanel::setPreflight(const std::optional<TrainPreflight>& preflight, bool checking) {
    if (checking) {
        m_preflight->setText(tr("Checking the labelled records…"));
        m_preflight->setStyleSheet(QString());
        return;
    }
    if (!preflight) {
        m_labelSet->setText(QStringLiteral("—"));
        m_preflight->setText(tr("Choose a dataset with labelled records."));
        m_preflight->setStyleSheet(QString());
        return;
    }
    const QLocale locale;
    m_labelSet->setText(preflight->labelSetName.isEmpty()
                            ? tr("none")
                            : tr("%1 (%2)").arg(preflight->labelSetName, preflight->multiLabel
                                                                             ? tr("multi-label")
                                                                             : tr("single-label")));
    if (!preflight->trainable) {
        m_preflight->setText(tr("Cannot train: %1").arg(preflight->problem));
        m_preflight->setStyleSheet(QStringLiteral("color: #b03a2e;"));
        return;
    }
    m_preflight->setStyleSheet(QStringLiteral("color: #1e7b45;"));
    m_preflight->setText(tr("%1 labelled records in %2 labels (smallest label: %3).")
                             .arg(locale.toString(preflight->examples), locale.toString(preflight->classes),
                                  locale.toString(preflight->smallestClass)));
}

void TrainSetupPanel::setDeviceText(const QString& text, const QString& details) {
    m_device->setText(text);
    m_device->setToolTip(details);
}

void TrainSetupPanel::setEstimateText(const QString& text) {
    m_estimate->setText(text);
}

void TrainSetupPanel::setRunning(bool running) {
    m_running = running;
    m_start->setEnabled(!running && m_canStart);
    m_cancel->setEnabled(running);
}

void TrainSetupPanel::setCanStart(bool canStart) {
    m_canStart = canStart;
    setRunning(m_running);
}

QString TrainSetupPanel::presetId() const {
    return m_preset->currentData().toString();
}

bool TrainSetupPanel::selectPreset(const QString& id) {
    for (int i = 0; i < m_presets.size(); ++i)
        if (m_presets.at(i).id == id && m_presets.at(i).available) {
            m_preset->setCurrentIndex(i);
            return true;
        }
    return false;
}

void TrainSetupPanel::onPresetChanged() {
    const int index = m_preset->currentIndex();
    if (index < 0 || index >= m_presets.size())
        return;
    const TrainPreset& preset = m_presets.at(index);
    m_presetInfo->setText(preset.description);
    m_form->setConfig(preset.config);
    m_modelForm->setRowVisible(m_checkpointRow, preset.needsCheckpoint);
    m_modelForm->setRowVisible(m_pretrainRow, preset.pretrain);
    emit configChanged();
}

const TrainPreset* TrainSetupPanel::preset() const {
    const int index = m_preset->currentIndex();
    return index >= 0 && index < m_presets.size() ? &m_presets.at(index) : nullptr;
}

void TrainSetupPanel::chooseCheckpoint() {
    auto* dialog = new QFileDialog(this, tr("Choose a BERT Checkpoint Folder"), m_checkpoint->text());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::fileSelected, this, &TrainSetupPanel::setCheckpointFolder);
    dialog->open();
}

void TrainSetupPanel::setCheckpointFolder(const QString& folder) {
    m_checkpoint->setText(folder);
}

QString TrainSetupPanel::checkpointFolder() const {
    return m_checkpoint->text().trimmed();
}

int TrainSetupPanel::pretrainEpochs() const {
    const TrainPreset* chosen = preset();
    return chosen && chosen->pretrain ? m_pretrainEpochs->value() : 0;
}

QString TrainSetupPanel::missingChoice() const {
    const TrainPreset* chosen = preset();
    if (chosen && chosen->needsCheckpoint && checkpointFolder().isEmpty())
        return tr("Choose the checkpoint folder to start from.");
    return {};
}

ml::TrainConfig TrainSetupPanel::config() const {
    ml::TrainConfig config = m_form->config();
    const TrainPreset* chosen = preset();
    if (chosen && chosen->needsCheckpoint)
        config.transformer.initFrom = checkpointFolder().toStdString();
    return config;
}

void TrainSetupPanel::setConfig(const ml::TrainConfig& config) {
    {
        const QSignalBlocker blocker(m_preset);
        selectPreset(presetIdFor(config));
    }
    onPresetChanged(); // description, preset rows, the preset's values in the form
    if (!config.transformer.initFrom.empty())
        m_checkpoint->setText(QString::fromStdString(config.transformer.initFrom));
    m_form->setConfig(config);
    emit configChanged();
}

QString TrainSetupPanel::runName() const {
    return m_runName->text().trimmed();
}

void TrainSetupPanel::clearRunName() {
    m_runName->clear();
}

QString TrainSetupPanel::preflightText() const {
    return m_preflight->text();
}

QString TrainSetupPanel::estimateText() const {
    return m_estimate->text();
}

QString TrainSetupPanel::deviceText() const {
    return m_device->text();
}

} // namespace bankbench::ui
