#include "train/trainsettingsform.h"

#include "common/scientificspinbox.h"

#include <text/textaugment.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>

#include <algorithm>
#include <initializer_list>
#include <limits>

namespace bankbench::ui {

TrainSettingsForm::TrainSettingsForm(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("trainSettingsForm"));
    auto* schedule = new QGroupBox(tr("Schedule"), this);
    auto* optimizer = new QGroupBox(tr("Optimizer and regularisation"), this);
    auto* data = new QGroupBox(tr("Validation, checkpoints and hardware"), this);
    auto* model = new QGroupBox(tr("Fast model"), this);
    auto* scheduleForm = new QFormLayout(schedule);
    auto* optimizerForm = new QFormLayout(optimizer);
    auto* dataForm = new QFormLayout(data);
    auto* modelForm = new QFormLayout(model);

    m_epochs =
        intEditor(1, 1000, tr("Passes over the training examples (at most: early stopping may end sooner)."));
    m_batchSize = intEditor(1, 4096, tr("Examples per optimizer step."));
    m_learningRate = doubleEditor(1e-6, 10, 5, 0.001, tr("Peak learning rate, reached after the warm-up."));
    m_warmup =
        doubleEditor(0, 0.5, 3, 0.01, tr("Share of all steps spent raising the learning rate from 0."));
    m_linearDecay =
        boolEditor(tr("Linear decay to 0"),
                   tr("After the warm-up, lower the learning rate linearly to 0 at the last step."));
    m_seed = intEditor(
        0, std::numeric_limits<int>::max(),
        tr("Seeds the split, the batch order and the initial weights: the same seed repeats a run exactly."));
    addRow(scheduleForm, tr("Epochs"), m_epochs);
    addRow(scheduleForm, tr("Batch size"), m_batchSize);
    addRow(scheduleForm, tr("Learning rate"), m_learningRate);
    addRow(scheduleForm, tr("Warm-up fraction"), m_warmup);
    addRow(scheduleForm, QString(), m_linearDecay);
    addRow(scheduleForm, tr("Seed"), m_seed);

    m_beta1 = doubleEditor(0, 0.9999, 4, 0.01, tr("Adam's decay rate of the gradient average."));
    m_beta2 = doubleEditor(0, 0.99999, 5, 0.001, tr("Adam's decay rate of the squared-gradient average."));
    m_epsilon = new ScientificSpinBox(this);
    m_epsilon->setRange(1e-12, 1e-3);
    m_epsilon->setToolTip(tr("Adam's small constant that keeps steps finite."));
    connect(m_epsilon, &QDoubleSpinBox::valueChanged, this, &TrainSettingsForm::changed);
    m_weightDecay = doubleEditor(0, 1, 4, 0.001, tr("Decoupled weight decay (AdamW) on dense parameters."));
    m_dropout = doubleEditor(0, 0.95, 2, 0.05,
                             tr("Share of the sentence representation zeroed at random while training."));
    m_labelSmoothing =
        doubleEditor(0, 0.5, 2, 0.01,
                     tr("Moves a little probability from the true label to the others (single-label only)."));
    m_classWeighting = new QComboBox(this);
    m_classWeighting->addItem(tr("None"), static_cast<int>(ml::ClassWeighting::None));
    m_classWeighting->addItem(tr("Balanced"), static_cast<int>(ml::ClassWeighting::Balanced));
    m_classWeighting->setToolTip(tr("Balanced weighs each label's loss by n / (labels × its count), so rare "
                                    "labels count as much as common ones."));
    connect(m_classWeighting, &QComboBox::currentIndexChanged, this, &TrainSettingsForm::changed);
    addRow(optimizerForm, tr("Adam β1"), m_beta1);
    addRow(optimizerForm, tr("Adam β2"), m_beta2);
    addRow(optimizerForm, tr("Adam ε"), m_epsilon);
    addRow(optimizerForm, tr("Weight decay"), m_weightDecay);
    addRow(optimizerForm, tr("Dropout"), m_dropout);
    addRow(optimizerForm, tr("Label smoothing"), m_labelSmoothing);
    addRow(optimizerForm, tr("Class weights"), m_classWeighting);
    m_gradientClip = doubleEditor(
        0, 100, 2, 0.1,
        tr("Clip the gradients' overall norm to this value (0: off); steadies transformer training."));
    m_bucketByLength = boolEditor(tr("Batch similar lengths together"),
                                  tr("Less padding per batch (faster), still in a seeded random order."));
    m_bf16 = boolEditor(
        tr("bfloat16 on GPU"),
        tr("On a CUDA GPU, compute forward passes in bfloat16 (faster, less memory); weights stay float32."));
    m_augmentDelete =
        doubleEditor(0, 0.5, 2, 0.05,
                     tr("Augmentation: each time a training text enters a batch, drop each of its "
                        "words (characters in Chinese) with this probability (0: off)."));
    m_augmentSwap =
        doubleEditor(0, 0.5, 2, 0.05,
                     tr("Augmentation: swap two random words (characters in Chinese) this many times "
                        "per word of a training text (0: off). Validation texts stay unchanged."));
    m_augmentDelete->setObjectName(QStringLiteral("augmentDelete"));
    m_augmentSwap->setObjectName(QStringLiteral("augmentSwap"));
    m_augmentSynonym = doubleEditor(0, 1, 2, 0.05,
                                    tr("Augmentation: replace each word or phrase of the synonym list with "
                                       "another of its group with this probability (needs a list)."));
    m_augmentSynonym->setObjectName(QStringLiteral("augmentSynonym"));
    m_synonymButton = new QPushButton(tr("Synonym list…"), this);
    m_synonymButton->setObjectName(QStringLiteral("synonymListButton"));
    m_synonymButton->setToolTip(
        tr("A text file with one group of interchangeable words per line, separated by "
           "commas (for example: top up, recharge)."));
    connect(m_synonymButton, &QPushButton::clicked, this, &TrainSettingsForm::chooseSynonymList);
    m_synonymSummary = new QLabel(this);
    m_synonymSummary->setObjectName(QStringLiteral("synonymSummary"));
    // The list on a row of its own: the form stays as narrow as its other rows.
    auto* synonymList = new QWidget(this);
    auto* synonymListLayout = new QHBoxLayout(synonymList);
    synonymListLayout->setContentsMargins(0, 0, 0, 0);
    synonymListLayout->addWidget(m_synonymButton);
    synonymListLayout->addWidget(m_synonymSummary, 1);
    addRow(optimizerForm, tr("Augmentation: word deletion"), m_augmentDelete);
    addRow(optimizerForm, tr("Augmentation: word swaps"), m_augmentSwap);
    addRow(optimizerForm, tr("Augmentation: synonyms"), m_augmentSynonym);
    addRow(optimizerForm, QString(), synonymList);
    addRow(optimizerForm, tr("Gradient clipping"), m_gradientClip);
    addRow(optimizerForm, QString(), m_bucketByLength);
    addRow(optimizerForm, QString(), m_bf16);

    m_validation = doubleEditor(0.01, 0.5, 2, 0.05,
                                tr("Share of each label's examples held out to choose the best epoch."));
    m_patience = intEditor(
        0, 1000,
        tr("Stop after this many epochs without a better validation macro-F1 (0: never stop early)."));
    m_refit = boolEditor(tr("Refit on all examples"),
                         tr("After choosing the best epoch count, train a fresh model on training and "
                            "validation examples together and keep it."));
    m_checkpointSteps =
        intEditor(0, std::numeric_limits<int>::max(),
                  tr("Write a resumable checkpoint every this many steps (0: by time only)."));
    m_checkpointMinutes = doubleEditor(0, 1440, 1, 1,
                                       tr("Also write a checkpoint after this many minutes of training (0: "
                                          "off). Cancelling always writes one."));
    m_threshold =
        doubleEditor(0.01, 0.99, 2, 0.05,
                     tr("Multi-label: the decision threshold for labels the validation split cannot tune."));
    m_threads = intEditor(0, 256,
                          tr("CPU threads for training (0: every usable core but one, which stays with the "
                             "window). Fewer threads keep the rest of the computer responsive."));
    m_device = new QComboBox(this);
    m_device->addItem(tr("Automatic"), static_cast<int>(ml::DevicePreference::Auto));
    m_device->addItem(tr("CPU"), static_cast<int>(ml::DevicePreference::Cpu));
    m_device->addItem(tr("GPU (CUDA)"), static_cast<int>(ml::DevicePreference::Cuda));
    m_device->setToolTip(
        tr("Automatic uses the GPU when this build of LibTorch has CUDA and one is present."));
    connect(m_device, &QComboBox::currentIndexChanged, this, &TrainSettingsForm::changed);
    addRow(dataForm, tr("Validation share"), m_validation);
    addRow(dataForm, tr("Early-stopping patience"), m_patience);
    addRow(dataForm, QString(), m_refit);
    addRow(dataForm, tr("Checkpoint every (steps)"), m_checkpointSteps);
    addRow(dataForm, tr("Checkpoint every (minutes)"), m_checkpointMinutes);
    addRow(dataForm, tr("Default threshold"), m_threshold);
    addRow(dataForm, tr("Threads"), m_threads);
    addRow(dataForm, tr("Device"), m_device);

    m_dim = intEditor(8, 1024, tr("Width of the n-gram embeddings."));
    m_bucketBits = intEditor(
        10, 24,
        tr("The n-gram table has 2^bits rows; more rows mean fewer hash collisions and more memory."));
    m_wordBigrams = boolEditor(tr("Word bigrams"), tr("Also use pairs of adjacent words as features."));
    m_charMin = intEditor(0, 10, tr("Shortest character n-gram inside a word (0: no character n-grams)."));
    m_charMax = intEditor(0, 10, tr("Longest character n-gram inside a word."));
    addRow(modelForm, tr("Embedding width"), m_dim);
    addRow(modelForm, tr("Hash table bits"), m_bucketBits);
    addRow(modelForm, QString(), m_wordBigrams);
    addRow(modelForm, tr("Character n-grams from"), m_charMin);
    addRow(modelForm, tr("Character n-grams to"), m_charMax);

    auto* transformer = new QGroupBox(tr("Transformer model"), this);
    auto* transformerForm = new QFormLayout(transformer);
    m_layers =
        intEditor(1, 48, tr("Encoder layers (ignored when starting from a checkpoint: its config decides)."));
    m_hidden = intEditor(16, 4096, tr("Width of the token representations."));
    m_heads = intEditor(1, 64, tr("Attention heads per layer; the width must divide by it."));
    m_ffn = intEditor(16, 16384, tr("Width of each layer's feed-forward part."));
    m_maxLength = intEditor(8, 1024, tr("Tokens per text, [CLS] and [SEP] included; longer texts are cut."));
    m_vocabSize =
        intEditor(256, 250000, tr("Size of the subword vocabulary trained on the dataset's texts."));
    m_pooling = new QComboBox(this);
    m_pooling->addItem(tr("[CLS] token (BERT pooler)"), static_cast<int>(ml::Pooling::Cls));
    m_pooling->addItem(tr("Mean of the tokens"), static_cast<int>(ml::Pooling::Mean));
    m_pooling->setToolTip(tr("How the token representations become one sentence representation."));
    connect(m_pooling, &QComboBox::currentIndexChanged, this, &TrainSettingsForm::changed);
    addRow(transformerForm, tr("Layers"), m_layers);
    addRow(transformerForm, tr("Hidden width"), m_hidden);
    addRow(transformerForm, tr("Attention heads"), m_heads);
    addRow(transformerForm, tr("Feed-forward width"), m_ffn);
    addRow(transformerForm, tr("Maximum tokens"), m_maxLength);
    addRow(transformerForm, tr("Vocabulary size"), m_vocabSize);
    addRow(transformerForm, tr("Pooling"), m_pooling);
    m_fastGroup = model;
    m_transformerGroup = transformer;
    m_scheduleGroup = schedule;
    m_optimizerGroup = optimizer;
    m_dataGroup = data;

    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    placeGroups(2);
    setConfig(ml::TrainConfig{});
}

int TrainSettingsForm::twoColumnWidth() const {
    const auto widest = [](std::initializer_list<const QWidget*> groups) {
        int width = 0;
        for (const QWidget* group : groups)
            width = std::max(width, group->minimumSizeHint().width());
        return width;
    };
    return widest({m_scheduleGroup, m_dataGroup}) +
           widest({m_optimizerGroup, m_fastGroup, m_transformerGroup}) + m_grid->horizontalSpacing();
}

void TrainSettingsForm::setAvailableWidth(int width) {
    placeGroups(width >= twoColumnWidth() ? 2 : 1);
}

void TrainSettingsForm::placeGroups(int columns) {
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (QWidget* group : {m_scheduleGroup, m_optimizerGroup, m_dataGroup, m_fastGroup, m_transformerGroup})
        m_grid->removeWidget(group);
    // Two columns: schedule | optimizer over data | model. One column: the same order top to bottom. The
    // fast-model and transformer groups share a cell; setConfig() shows the one that applies.
    const bool two = columns == 2;
    m_grid->addWidget(m_scheduleGroup, 0, 0);
    m_grid->addWidget(m_optimizerGroup, two ? 0 : 1, two ? 1 : 0);
    m_grid->addWidget(m_dataGroup, two ? 1 : 2, 0);
    m_grid->addWidget(m_fastGroup, two ? 1 : 3, two ? 1 : 0);
    m_grid->addWidget(m_transformerGroup, two ? 1 : 3, two ? 1 : 0);
    // A column that held groups before keeps no stretch or minimum of its own after the move.
    m_grid->setColumnStretch(1, two ? 1 : 0);
    m_grid->setColumnStretch(0, 1);
}

QSpinBox* TrainSettingsForm::intEditor(int min, int max, const QString& tip) {
    auto* box = new QSpinBox(this);
    box->setRange(min, max);
    box->setToolTip(tip);
    box->setGroupSeparatorShown(false);
    connect(box, &QSpinBox::valueChanged, this, &TrainSettingsForm::changed);
    return box;
}

QDoubleSpinBox* TrainSettingsForm::doubleEditor(double min, double max, int decimals, double step,
                                                const QString& tip) {
    auto* box = new QDoubleSpinBox(this);
    box->setDecimals(decimals);
    box->setRange(min, max);
    box->setSingleStep(step);
    box->setToolTip(tip);
    connect(box, &QDoubleSpinBox::valueChanged, this, &TrainSettingsForm::changed);
    return box;
}

QCheckBox* TrainSettingsForm::boolEditor(const QString& text, const QString& tip) {
    auto* box = new QCheckBox(text, this);
    box->setToolTip(tip);
    connect(box, &QCheckBox::toggled, this, &TrainSettingsForm::changed);
    return box;
}

void TrainSettingsForm::addRow(QFormLayout* form, const QString& label, QWidget* editor) {
    if (label.isEmpty()) {
        form->addRow(editor);
        return;
    }
    auto* name = new QLabel(label, this);
    name->setToolTip(editor->toolTip());
    form->addRow(name, editor);
}

void TrainSettingsForm::setConfig(const ml::TrainConfig& config) {
    m_base = config;
    const QSignalBlocker blocker(this);
    m_epochs->setValue(config.epochs);
    m_batchSize->setValue(config.batchSize);
    m_learningRate->setValue(config.learningRate);
    m_warmup->setValue(config.warmupFraction);
    m_linearDecay->setChecked(config.linearDecay);
    m_seed->setValue(static_cast<int>(std::min<std::uint64_t>(config.seed, std::numeric_limits<int>::max())));
    m_beta1->setValue(config.beta1);
    m_beta2->setValue(config.beta2);
    m_epsilon->setValue(config.epsilon);
    m_weightDecay->setValue(config.weightDecay);
    m_dropout->setValue(config.dropout);
    m_labelSmoothing->setValue(config.labelSmoothing);
    m_classWeighting->setCurrentIndex(m_classWeighting->findData(static_cast<int>(config.classWeighting)));
    m_validation->setValue(config.validationFraction);
    m_patience->setValue(config.earlyStoppingPatience);
    m_refit->setChecked(config.refit);
    m_checkpointSteps->setValue(static_cast<int>(
        std::min<std::int64_t>(config.checkpointEverySteps, std::numeric_limits<int>::max())));
    m_checkpointMinutes->setValue(config.checkpointEveryMinutes);
    m_threshold->setValue(config.defaultThreshold);
    m_threads->setValue(config.threads);
    m_device->setCurrentIndex(m_device->findData(static_cast<int>(config.device)));
    m_dim->setValue(config.fast.dim);
    m_bucketBits->setValue(config.fast.features.bucketBits);
    m_wordBigrams->setChecked(config.fast.features.wordBigrams);
    m_charMin->setValue(config.fast.features.charMinN);
    m_charMax->setValue(config.fast.features.charMaxN);
    m_gradientClip->setValue(config.gradientClip);
    m_augmentDelete->setValue(config.augment.deleteProbability);
    m_augmentSwap->setValue(config.augment.swapProbability);
    m_synonyms = config.augment.synonyms;
    m_augmentSynonym->setValue(config.augment.synonymProbability);
    showSynonyms();
    m_bucketByLength->setChecked(config.bucketByLength);
    m_bf16->setChecked(config.bf16Autocast);
    m_layers->setValue(config.transformer.layers);
    m_hidden->setValue(config.transformer.hidden);
    m_heads->setValue(config.transformer.heads);
    m_ffn->setValue(config.transformer.ffn);
    m_maxLength->setValue(config.transformer.maxLength);
    m_vocabSize->setValue(config.transformer.vocabSize);
    m_pooling->setCurrentIndex(m_pooling->findData(static_cast<int>(config.transformer.pooling)));
    // Only the chosen model's own settings are shown; the other's keep their values.
    m_fastGroup->setVisible(config.model == ml::ModelKind::Fast);
    m_transformerGroup->setVisible(config.model == ml::ModelKind::Transformer);
}

ml::TrainConfig TrainSettingsForm::config() const {
    ml::TrainConfig config = m_base;
    config.epochs = m_epochs->value();
    config.batchSize = m_batchSize->value();
    config.learningRate = m_learningRate->value();
    config.warmupFraction = m_warmup->value();
    config.linearDecay = m_linearDecay->isChecked();
    config.seed = static_cast<std::uint64_t>(m_seed->value());
    config.beta1 = m_beta1->value();
    config.beta2 = m_beta2->value();
    config.epsilon = m_epsilon->value();
    config.weightDecay = m_weightDecay->value();
    config.dropout = m_dropout->value();
    config.labelSmoothing = m_labelSmoothing->value();
    config.classWeighting = static_cast<ml::ClassWeighting>(m_classWeighting->currentData().toInt());
    config.validationFraction = m_validation->value();
    config.earlyStoppingPatience = m_patience->value();
    config.refit = m_refit->isChecked();
    config.checkpointEverySteps = m_checkpointSteps->value();
    config.checkpointEveryMinutes = m_checkpointMinutes->value();
    config.defaultThreshold = static_cast<float>(m_threshold->value());
    config.threads = m_threads->value();
    config.device = static_cast<ml::DevicePreference>(m_device->currentData().toInt());
    config.fast.dim = m_dim->value();
    config.fast.features.bucketBits = m_bucketBits->value();
    config.fast.features.wordBigrams = m_wordBigrams->isChecked();
    config.fast.features.charMinN = m_charMin->value();
    config.fast.features.charMaxN = m_charMax->value();
    config.gradientClip = m_gradientClip->value();
    config.augment.deleteProbability = m_augmentDelete->value();
    config.augment.swapProbability = m_augmentSwap->value();
    config.augment.synonyms = m_synonyms;
    config.augment.synonymProbability = m_synonyms.empty() ? 0.0 : m_augmentSynonym->value();
    config.bucketByLength = m_bucketByLength->isChecked();
    config.bf16Autocast = m_bf16->isChecked();
    config.transformer.layers = m_layers->value();
    config.transformer.hidden = m_hidden->value();
    config.transformer.heads = m_heads->value();
    config.transformer.ffn = m_ffn->value();
    config.transformer.maxLength = m_maxLength->value();
    config.transformer.vocabSize = m_vocabSize->value();
    config.transformer.pooling = static_cast<ml::Pooling>(m_pooling->currentData().toInt());
    return config;
}

QString TrainSettingsForm::loadSynonymList(const QString& path) {
    auto groups = core::readSynonymFile(path.toStdString());
    if (!groups)
        return QString::fromStdString(groups.error().what());
    m_synonyms = std::move(*groups);
    if (m_augmentSynonym->value() <= 0)
        m_augmentSynonym->setValue(core::kDefaultSynonymProbability);
    showSynonyms();
    emit changed();
    return {};
}

void TrainSettingsForm::chooseSynonymList() {
    auto* dialog = new QFileDialog(this, tr("Choose a Synonym List"), QString(),
                                   tr("Text files (*.txt *.csv);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) {
        if (const auto error = loadSynonymList(path); !error.isEmpty())
            QMessageBox::warning(this, tr("Synonym List"),
                                 tr("The synonym list was not loaded:\n%1").arg(error));
    });
    dialog->open();
}

void TrainSettingsForm::showSynonyms() {
    // The rate means nothing without a list, and validation refuses a rate without one.
    m_augmentSynonym->setEnabled(!m_synonyms.empty());
    m_synonymSummary->setText(
        m_synonyms.empty() ? tr("no list") : tr("%n group(s)", nullptr, static_cast<int>(m_synonyms.size())));
}

} // namespace bankbench::ui
