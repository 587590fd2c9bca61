#include "importexport/importdialog.h"

#include "common/formatting.h"
#include "common/qtconvert.h"
#include "importexport/importchoices.h"
#include "importexport/importpreviewmodel.h"

#include <io/importer.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace bankbench::ui {

namespace {

constexpr int kPreviewRows = 50;
constexpr int kPreviewDelayMs = 150;

} // namespace

ImportDialog::ImportDialog(const QStringList& existingDatasetNames, QWidget* parent)
    : QDialog(parent), m_existingNames(existingDatasetNames), m_previewModel(new ImportPreviewModel(this)),
      m_previewTimer(new QTimer(this)) {
    setWindowTitle(tr("Import Data"));
    buildWidgets();
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(kPreviewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &ImportDialog::runPreview);
    connect(&m_previewWatcher, &QFutureWatcher<PreviewOutcome>::finished, this,
            &ImportDialog::onPreviewFinished);
    validate();
}

ImportDialog::~ImportDialog() {
    m_previewWatcher.waitForFinished();
}

void ImportDialog::buildWidgets() {
    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("importFile"));
    m_file->setPlaceholderText(tr("Choose a CSV, TSV or JSONL file…"));
    auto* browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &ImportDialog::browse);
    connect(m_file, &QLineEdit::textChanged, this, [this] {
        m_headerTouched = false;
        m_labelTouched = false;
        if (!m_nameTouched) {
            const QSignalBlocker blocker(m_datasetName);
            m_datasetName->setText(uniqueDatasetName(QFileInfo(m_file->text()).completeBaseName()));
        }
        schedulePreview();
    });

    m_format = new QComboBox(this);
    ImportChoices::fillFormats(*m_format);

    m_encoding = new QComboBox(this);
    m_encoding->setObjectName(QStringLiteral("importEncoding"));
    ImportChoices::fillEncodings(*m_encoding);
    m_detected = new QLabel(this);
    m_detected->setObjectName(QStringLiteral("importDetected"));
    m_detected->setWordWrap(true);

    m_delimiter = new QComboBox(this);
    ImportChoices::fillDelimiters(*m_delimiter);

    m_header = new QCheckBox(tr("First row holds column names"), this);
    connect(m_header, &QCheckBox::toggled, this, [this] {
        m_headerTouched = true;
        schedulePreview();
    });
    for (QComboBox* combo : {m_format, m_encoding, m_delimiter})
        connect(combo, &QComboBox::currentIndexChanged, this, &ImportDialog::schedulePreview);

    auto* reading = new QGroupBox(tr("Reading the file"), this);
    auto* readingForm = new QFormLayout(reading);
    readingForm->addRow(tr("&Format:"), m_format);
    readingForm->addRow(tr("&Encoding:"), m_encoding);
    readingForm->addRow(QString(), m_detected);
    readingForm->addRow(tr("&Delimiter:"), m_delimiter);
    readingForm->addRow(QString(), m_header);

    m_textColumn = new QComboBox(this);
    m_textColumn->setObjectName(QStringLiteral("importTextColumn"));
    m_labelColumn = new QComboBox(this);
    m_labelColumn->setObjectName(QStringLiteral("importLabelColumn"));
    m_labelSeparator = new QLineEdit(this);
    m_labelSeparator->setPlaceholderText(tr("empty: one label per row"));
    m_labelSeparator->setToolTip(tr("Splits a label cell into several labels, e.g. | or ;"));
    m_skipBadRows =
        new QCheckBox(tr("Skip rows that cannot be read (otherwise stop at the first one)"), this);
    m_datasetName = new QLineEdit(this);
    m_datasetName->setObjectName(QStringLiteral("importDatasetName"));
    connect(m_textColumn, &QComboBox::currentIndexChanged, this, &ImportDialog::updateMapping);
    connect(m_labelColumn, &QComboBox::activated, this, [this] { m_labelTouched = true; });
    connect(m_labelColumn, &QComboBox::currentIndexChanged, this, &ImportDialog::updateMapping);
    connect(m_datasetName, &QLineEdit::textEdited, this, [this] { m_nameTouched = true; });
    connect(m_datasetName, &QLineEdit::textChanged, this, &ImportDialog::validate);

    auto* mapping = new QGroupBox(tr("Columns and dataset"), this);
    auto* mappingForm = new QFormLayout(mapping);
    mappingForm->addRow(tr("&Text column:"), m_textColumn);
    mappingForm->addRow(tr("&Label column:"), m_labelColumn);
    mappingForm->addRow(tr("Label &separator:"), m_labelSeparator);
    mappingForm->addRow(tr("Dataset &name:"), m_datasetName);
    mappingForm->addRow(QString(), m_skipBadRows);

    m_previewTable = new QTableView(this);
    m_previewTable->setObjectName(QStringLiteral("importPreview"));
    m_previewTable->setModel(m_previewModel);
    m_previewTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewTable->setWordWrap(false);
    m_previewTable->setAlternatingRowColors(true);
    m_previewTable->horizontalHeader()->setMaximumSectionSize(320);
    m_previewTable->verticalHeader()->setDefaultSectionSize(m_previewTable->fontMetrics().height() + 8);
    m_warnings = new QListWidget(this);
    m_warnings->setObjectName(QStringLiteral("importPreviewWarnings"));
    m_warnings->setMaximumHeight(80);
    m_warnings->hide();

    auto* previewBox = new QGroupBox(tr("Preview: the first rows as they will be imported"), this);
    auto* previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_previewTable, 1);
    previewLayout->addWidget(m_warnings);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("importMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canImport())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(new QLabel(tr("File:"), this));
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto* choices = new QHBoxLayout;
    choices->addWidget(reading, 1);
    choices->addWidget(mapping, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addLayout(choices);
    layout->addWidget(previewBox, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(980, 680);
}

void ImportDialog::setFilePath(const QString& path) {
    m_file->setText(path);
}

QString ImportDialog::filePath() const {
    return m_file->text().trimmed();
}

void ImportDialog::browse() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import Data"), QFileInfo(filePath()).absolutePath(),
                                     tr("Data files (*.csv *.tsv *.txt *.jsonl *.ndjson);;All files (*)"));
    if (!path.isEmpty())
        setFilePath(path);
}

core::ImportOptions ImportDialog::readingOptions() const {
    core::ImportOptions options;
    options.path = toStdString(filePath());
    options.format = static_cast<core::InputFormat>(m_format->currentData().toInt());
    options.encoding = toStdString(m_encoding->currentData().toString());
    const QString delimiter = m_delimiter->currentData().toString();
    if (!delimiter.isEmpty())
        options.delimiter = delimiter.at(0).toLatin1();
    if (m_headerTouched)
        options.hasHeader = m_header->isChecked();
    return options;
}

core::ImportOptions ImportDialog::options() const {
    core::ImportOptions options = readingOptions();
    // What the preview showed is what gets imported: pin what detection chose.
    if (m_preview) {
        options.format = m_preview->format;
        options.encoding = m_preview->encoding;
        if (m_preview->format != core::InputFormat::Jsonl) {
            options.delimiter = m_preview->dialect.delimiter;
            options.hasHeader = m_preview->dialect.hasHeader;
        }
    }
    options.datasetName = toStdString(m_datasetName->text().trimmed());
    options.textColumn = toStdString(m_textColumn->currentText());
    // "" tells the importer there is no label column (unset would let it guess one by name).
    options.labelColumn =
        m_labelColumn->currentIndex() > 0 ? toStdString(m_labelColumn->currentText()) : std::string();
    if (!options.labelColumn->empty() && !m_labelSeparator->text().isEmpty())
        options.labelSeparator = toStdString(m_labelSeparator->text());
    options.skipBadRows = m_skipBadRows->isChecked();
    return options;
}

void ImportDialog::schedulePreview() {
    m_previewPending = true;
    m_previewTimer->start();
    validate();
}

void ImportDialog::runPreview() {
    if (m_previewRunning)
        return; // onPreviewFinished() starts the next one
    m_previewPending = false;
    if (filePath().isEmpty()) {
        m_preview.reset();
        m_previewError.clear();
        m_previewModel->clear();
        validate();
        return;
    }
    const core::ImportOptions options = readingOptions();
    m_previewRunning = true;
    m_previewWatcher.setFuture(QtConcurrent::run([options]() -> PreviewOutcome {
        PreviewOutcome outcome;
        try {
            auto preview = core::previewImport(options, kPreviewRows);
            if (preview)
                outcome.preview = std::move(preview.value());
            else
                outcome.error = toQString(preview.error().what());
        } catch (const std::exception& e) {
            outcome.error = QString::fromUtf8(e.what());
        }
        return outcome;
    }));
    validate();
}

void ImportDialog::onPreviewFinished() {
    const PreviewOutcome outcome = m_previewWatcher.result();
    m_previewRunning = false;
    if (m_previewPending) {
        // The choices changed while this preview ran: its answer is stale.
        if (!m_previewTimer->isActive())
            runPreview();
        return;
    }
    if (outcome.preview)
        showPreview(*outcome.preview);
    else
        showPreviewError(outcome.error);
    emit previewUpdated();
}

void ImportDialog::showPreview(const core::ImportPreview& preview) {
    m_preview = preview;
    m_previewError.clear();
    m_previewModel->setPreview(preview);

    const bool jsonl = preview.format == core::InputFormat::Jsonl;
    m_format->setItemText(0, tr("Auto-detect (%1)").arg(ImportChoices::formatName(preview.format)));
    m_encoding->setItemText(0, tr("Auto-detect (%1)").arg(toQString(preview.detectedEncoding)));
    m_detected->setText(tr("Detected: %1, %2% confidence · file size %3")
                            .arg(toQString(preview.detectedEncoding))
                            .arg(qRound(preview.encodingConfidence * 100))
                            .arg(formatBytes(preview.fileSize)));
    m_delimiter->setItemText(
        0, jsonl ? tr("Auto-detect")
                 : tr("Auto-detect (%1)").arg(ImportChoices::delimiterName(preview.dialect.delimiter)));
    m_delimiter->setEnabled(!jsonl);
    {
        const QSignalBlocker blocker(m_header);
        m_header->setChecked(preview.dialect.hasHeader);
        m_header->setEnabled(!jsonl);
    }

    const QStringList columns = toQStringList(preview.columns);
    const QString previousText = m_textColumn->currentText();
    const QString previousLabel =
        m_labelColumn->currentIndex() > 0 ? m_labelColumn->currentText() : QString();
    {
        const QSignalBlocker textBlocker(m_textColumn);
        const QSignalBlocker labelBlocker(m_labelColumn);
        m_textColumn->clear();
        m_textColumn->addItems(columns);
        m_labelColumn->clear();
        m_labelColumn->addItem(tr("(none)"));
        m_labelColumn->addItems(columns);
        const QString text = columns.contains(previousText) ? previousText : toQString(preview.textColumn);
        m_textColumn->setCurrentIndex(std::max(0, static_cast<int>(columns.indexOf(text))));
        QString label = previousLabel;
        if (!m_labelTouched && preview.labelColumn)
            label = toQString(*preview.labelColumn);
        m_labelColumn->setCurrentIndex(columns.contains(label) ? static_cast<int>(columns.indexOf(label)) + 1
                                                               : 0);
    }

    m_warnings->clear();
    for (const auto& warning : preview.warnings) {
        m_warnings->addItem(tr("Line %1, column %2: %3")
                                .arg(warning.line)
                                .arg(warning.column)
                                .arg(toQString(warning.message)));
    }
    m_warnings->setVisible(!preview.warnings.empty());
    m_previewTable->resizeColumnsToContents();
    updateMapping();
}

void ImportDialog::showPreviewError(const QString& message) {
    m_preview.reset();
    m_previewError = message;
    m_previewModel->clear();
    m_textColumn->clear();
    m_labelColumn->clear();
    m_warnings->clear();
    m_warnings->hide();
    m_detected->clear();
    validate();
}

void ImportDialog::updateMapping() {
    const QString label = m_labelColumn->currentIndex() > 0 ? m_labelColumn->currentText() : QString();
    m_previewModel->setMapping(m_textColumn->currentText(), label);
    m_labelSeparator->setEnabled(!label.isEmpty());
    validate();
}

QString ImportDialog::uniqueDatasetName(const QString& base) const {
    const QString stem = base.isEmpty() ? tr("dataset") : base;
    QString name = stem;
    for (int n = 2; m_existingNames.contains(name); ++n)
        name = QStringLiteral("%1 (%2)").arg(stem).arg(n);
    return name;
}

bool ImportDialog::isPreviewCurrent() const {
    return !m_previewPending && !m_previewRunning && !m_previewTimer->isActive();
}

bool ImportDialog::canImport() const {
    const QString name = m_datasetName->text().trimmed();
    return isPreviewCurrent() && m_preview && !m_textColumn->currentText().isEmpty() && !name.isEmpty() &&
           !m_existingNames.contains(name) &&
           !(m_labelColumn->currentIndex() > 0 &&
             m_labelColumn->currentText() == m_textColumn->currentText());
}

void ImportDialog::validate() {
    const QString name = m_datasetName->text().trimmed();
    QString message;
    bool error = true;
    if (filePath().isEmpty()) {
        message = tr("Choose a file to import, or drop one onto the main window.");
        error = false;
    } else if (!isPreviewCurrent()) {
        message = tr("Reading the start of the file…");
        error = false;
    } else if (!m_previewError.isEmpty()) {
        message = m_previewError;
    } else if (name.isEmpty()) {
        message = tr("Enter a name for the new dataset.");
    } else if (m_existingNames.contains(name)) {
        message = tr("This project already has a dataset named “%1”.").arg(name);
    } else if (m_labelColumn->currentIndex() > 0 &&
               m_labelColumn->currentText() == m_textColumn->currentText()) {
        message = tr("The label column must differ from the text column.");
    } else if (m_preview) {
        QStringList metadata = toQStringList(m_preview->columns);
        metadata.removeAll(m_textColumn->currentText());
        if (m_labelColumn->currentIndex() > 0)
            metadata.removeAll(m_labelColumn->currentText());
        message = metadata.isEmpty() ? tr("No other columns.")
                                     : tr("Kept as metadata: %1.").arg(metadata.join(QStringLiteral(", ")));
        error = false;
    }
    m_message->setText(message);
    m_message->setStyleSheet(error ? QStringLiteral("color: #9b1c1c;") : QString());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(canImport());
}

} // namespace bankbench::ui
