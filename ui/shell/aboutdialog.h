#pragma once

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QPlainTextEdit;

namespace bankbench::ml {
struct RuntimeInfo;
}

namespace bankbench::ui {

/// Help → About: version, Qt version, and the numeric runtime (BLAS library actually loaded, threads,
/// device), inspected on a pool thread because the first inspection loads LibTorch's BLAS. GUI thread.
class AboutDialog : public QDialog {
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);
    ~AboutDialog() override;

    /// The runtime lines once inspected ("" before).
    QString runtimeText() const;
    bool isRuntimeKnown() const { return m_runtimeKnown; }

signals:
    void runtimeInspected();

private:
    void showRuntime();

    QLabel* m_warning;
    QPlainTextEdit* m_runtime;
    QFutureWatcher<QString> m_watcher;
    bool m_runtimeKnown = false;
};

} // namespace bankbench::ui
