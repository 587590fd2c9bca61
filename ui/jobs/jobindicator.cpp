#include "jobs/jobindicator.h"

#include "jobs/job.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

#include <cmath>

namespace bankbench::ui {

JobIndicator::JobIndicator(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_bar(new QProgressBar(this)), m_detail(new QLabel(this)),
      m_cancel(new QToolButton(this)) {
    setObjectName(QStringLiteral("jobIndicator"));
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(false);
    m_bar->setFixedWidth(140);
    m_bar->setMaximumHeight(14);
    m_detail->setObjectName(QStringLiteral("jobDetail"));
    m_cancel->setObjectName(QStringLiteral("jobCancel"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop this job"));
    m_cancel->setAutoRaise(true);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_title);
    layout->addWidget(m_bar);
    layout->addWidget(m_detail);
    layout->addWidget(m_cancel);

    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (m_job) {
            m_job->cancel();
            m_cancel->setEnabled(false);
            m_detail->setText(tr("Cancelling…"));
        }
    });
    hide();
}

void JobIndicator::attach(Job* job) {
    if (m_job)
        disconnect(m_job, nullptr, this, nullptr);
    m_job = job;
    if (!job) {
        hide();
        return;
    }
    m_title->setText(job->title());
    m_detail->clear();
    m_bar->setRange(0, 0); // busy until the first report says how far it is
    m_cancel->setEnabled(true);
    connect(job, &Job::progressChanged, this, &JobIndicator::onProgress);
    connect(job, &Job::finished, this, &JobIndicator::onFinished);
    show();
}

QString JobIndicator::detailText() const {
    return m_detail->text();
}

void JobIndicator::onProgress(double fraction, const QString& detail) {
    if (fraction < 0) {
        m_bar->setRange(0, 0);
    } else {
        m_bar->setRange(0, 1000);
        m_bar->setValue(static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * 1000)));
    }
    if (m_cancel->isEnabled())
        m_detail->setText(detail);
}

void JobIndicator::onFinished() {
    attach(nullptr);
}

} // namespace bankbench::ui
