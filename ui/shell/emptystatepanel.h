#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QHBoxLayout;
class QLabel;

namespace bankbench::ui {

/// What a workspace shows when there is nothing to work on yet (no project, no dataset): a sentence that
/// says so and buttons for the actions that fix it. GUI thread.
class EmptyStatePanel : public QWidget {
    Q_OBJECT

public:
    explicit EmptyStatePanel(QWidget* parent = nullptr);

    void setMessage(const QString& title, const QString& text);
    /// Buttons mirror the actions (text, icon, enabled state); the actions stay owned by their creator.
    void setActions(const QList<QAction*>& actions);

    QString title() const;

private:
    QLabel* m_title;
    QLabel* m_text;
    QHBoxLayout* m_buttons;
};

} // namespace bankbench::ui
