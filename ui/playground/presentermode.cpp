#include "playground/presentermode.h"

#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>

namespace bankbench::ui {

PresenterMode::PresenterMode(QWidget* content, QObject* parent) : QObject(parent), m_content(content) {}

void PresenterMode::setOn(bool on) {
    if (on == m_on)
        return;
    m_on = on;
    if (on) {
        m_window = m_content->window();
        m_hidden.clear();
        if (auto* main = qobject_cast<QMainWindow*>(m_window.data())) {
            QList<QWidget*> chrome;
            if (main->menuWidget())
                chrome << main->menuWidget();
            for (QToolBar* bar : main->findChildren<QToolBar*>(QString(), Qt::FindDirectChildrenOnly))
                chrome << bar;
            if (main->findChild<QStatusBar*>(QString(), Qt::FindDirectChildrenOnly))
                chrome << main->statusBar();
            for (QWidget* widget : chrome) {
                if (widget->isVisible()) {
                    widget->hide();
                    m_hidden << widget;
                }
            }
        }
        if (m_window) {
            m_windowState = m_window->windowState();
            m_window->setWindowState(m_windowState | Qt::WindowFullScreen);
        }
    } else {
        for (const QPointer<QWidget>& widget : std::as_const(m_hidden))
            if (widget)
                widget->show();
        m_hidden.clear();
        if (m_window)
            m_window->setWindowState(m_windowState);
    }
    emit toggled(on);
}

} // namespace bankbench::ui
