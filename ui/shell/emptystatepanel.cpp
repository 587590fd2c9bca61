#include "shell/emptystatepanel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace bankbench::ui {

EmptyStatePanel::EmptyStatePanel(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_text(new QLabel(this)), m_buttons(new QHBoxLayout) {
    setObjectName(QStringLiteral("emptyStatePanel"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignHCenter);
    m_text->setAlignment(Qt::AlignHCenter);
    m_text->setWordWrap(true);
    // A fixed width gives the wrapped label a height that fits all its lines.
    m_text->setFixedWidth(m_text->fontMetrics().averageCharWidth() * 72);

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(m_title);
    layout->addSpacing(8);
    layout->addWidget(m_text, 0, Qt::AlignHCenter);
    layout->addSpacing(16);
    m_buttons->setSpacing(12);
    layout->addLayout(m_buttons);
    layout->addStretch(3);
}

void EmptyStatePanel::setMessage(const QString& title, const QString& text) {
    m_title->setText(title);
    m_text->setText(text);
    // A wrapped label placed with an alignment gets its one-line size hint; size it for all its lines.
    m_text->setFixedHeight(m_text->heightForWidth(m_text->width()));
}

void EmptyStatePanel::setActions(const QList<QAction*>& actions) {
    while (QLayoutItem* item = m_buttons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_buttons->addStretch();
    for (QAction* action : actions) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setMinimumHeight(36);
        button->setIconSize(QSize(20, 20));
        m_buttons->addWidget(button);
    }
    m_buttons->addStretch();
}

QString EmptyStatePanel::title() const {
    return m_title->text();
}

} // namespace bankbench::ui
