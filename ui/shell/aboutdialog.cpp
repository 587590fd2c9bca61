#include "shell/aboutdialog.h"

#include "common/qtconvert.h"

#include <ml/runtime.h>

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace bankbench::ui {

namespace {

// The facts plus one marker line for the reference-BLAS case, so the GUI thread needs no torch types.
constexpr char kReferenceBlasMarker[] = "\x01reference-blas";

} // namespace

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent), m_warning(new QLabel(this)), m_runtime(new QPlainTextEdit(this)) {
    setWindowTitle(tr("About Bankbench"));
    auto* title =
        new QLabel(QStringLiteral("<h2>Bankbench %1</h2>").arg(QStringLiteral(BANKBENCH_VERSION)), this);
    auto* text = new QLabel(tr("A workbench for AI in retail banking: import customer-service data, browse "
                               "and search it, label, train and evaluate models."),
                            this);
    text->setWordWrap(true);
    auto* qt = new QLabel(
        tr("Qt %1 (built with %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)),
        this);

    auto* runtimeTitle = new QLabel(tr("Numeric runtime"), this);
    QFont bold = runtimeTitle->font();
    bold.setBold(true);
    runtimeTitle->setFont(bold);
    m_runtime->setObjectName(QStringLiteral("aboutRuntime"));
    m_runtime->setReadOnly(true);
    m_runtime->setPlainText(tr("Inspecting the runtime…"));
    m_warning->setObjectName(QStringLiteral("aboutBlasWarning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("color: #9b1c1c;"));
    m_warning->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addWidget(qt);
    layout->addSpacing(8);
    layout->addWidget(runtimeTitle);
    layout->addWidget(m_runtime, 1);
    layout->addWidget(m_warning);
    layout->addWidget(buttons);
    resize(640, 420);

    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, &AboutDialog::showRuntime);
    m_watcher.setFuture(QtConcurrent::run([]() -> QString {
        try {
            const ml::RuntimeInfo info = ml::runtimeInfo();
            QString lines = toQString(ml::describeRuntime(info));
            if (info.blasIsReference)
                lines += QLatin1Char('\n') + QLatin1String(kReferenceBlasMarker);
            return lines;
        } catch (const std::exception& e) {
            return QString::fromUtf8(e.what());
        }
    }));
}

AboutDialog::~AboutDialog() {
    m_watcher.waitForFinished();
}

QString AboutDialog::runtimeText() const {
    return m_runtimeKnown ? m_runtime->toPlainText() : QString();
}

void AboutDialog::showRuntime() {
    QString lines = m_watcher.result();
    const bool reference = lines.contains(QLatin1String(kReferenceBlasMarker));
    lines.remove(QLatin1Char('\n') + QLatin1String(kReferenceBlasMarker));
    m_runtime->setPlainText(lines.trimmed());
    if (reference) {
        m_warning->setText(tr("The slow reference BLAS is in use: matrix work runs about 10 times slower. "
                              "Install OpenBLAS (libopenblas0-pthread) and restart Bankbench."));
        m_warning->show();
    }
    m_runtimeKnown = true;
    emit runtimeInspected();
}

} // namespace bankbench::ui
