#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

class QTimer;

namespace bankbench::ui {

class MainWindow;

/// Saves a PNG of the main window once the project is open and the visible rows have loaded (or after a
/// timeout), then emits done(). An open import dialog is saved beside it ("NAME-import.png") once its
/// preview is in. For looking at the GUI under Xvfb or offscreen. GUI thread.
class Screenshotter : public QObject {
    Q_OBJECT

public:
    Screenshotter(MainWindow& window, QString path, int selectRow = -1, QObject* parent = nullptr);

    void start();

signals:
    void done(bool saved);

private:
    void poll();
    bool isReady() const;
    void save();

    MainWindow& m_window;
    QString m_path;
    int m_selectRow;
    int m_selectAttempts = 0;
    QTimer* m_timer;
    QElapsedTimer m_elapsed;
    QElapsedTimer m_readyFor;
};

} // namespace bankbench::ui
