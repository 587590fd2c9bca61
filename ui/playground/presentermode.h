#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace bankbench::ui {

/// The clean window for demos on a projector: hides the main window's menu bar, tool bars (the
/// workspace bar) and status bar and shows it full screen; leaving restores exactly what was visible.
/// Works on whatever top-level window holds `content` at the time. GUI thread.
class PresenterMode : public QObject {
    Q_OBJECT

public:
    explicit PresenterMode(QWidget* content, QObject* parent = nullptr);

    bool isOn() const { return m_on; }
    void setOn(bool on);

signals:
    void toggled(bool on);

private:
    QWidget* m_content;
    QPointer<QWidget> m_window;
    QList<QPointer<QWidget>> m_hidden;
    Qt::WindowStates m_windowState;
    bool m_on = false;
};

} // namespace bankbench::ui
