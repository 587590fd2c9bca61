#pragma once

#include <QIcon>
#include <QObject>
#include <QString>

class QWidget;

namespace bankbench::ui {

class AppSettings;

/// One workspace of the main window (Data now; Label, Train, Evaluate and Playground later). The main
/// window shows one at a time in a stack and switches with the workspace bar; each workspace watches the
/// ProjectSession it was built with. GUI thread only; the main window owns the workspace and its widget.
class Workspace : public QObject {
    Q_OBJECT

public:
    explicit Workspace(QObject* parent = nullptr) : QObject(parent) {}

    /// Stable key, used in settings ("data").
    virtual QString id() const = 0;
    /// Translated name shown on the workspace bar.
    virtual QString title() const = 0;
    virtual QIcon icon() const = 0;
    virtual QWidget* widget() const = 0;

    /// Called when the workspace becomes the visible one / stops being it.
    virtual void activate() {}
    virtual void deactivate() {}

    virtual void saveState(AppSettings& settings) const = 0;
    virtual void restoreState(const AppSettings& settings) = 0;

    /// What the status bar shows for this workspace (dataset, row count...), translated.
    virtual QString statusText() const = 0;

signals:
    void statusTextChanged();
};

} // namespace bankbench::ui
