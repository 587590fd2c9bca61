#pragma once

#include <QList>
#include <QPair>
#include <QWidget>

namespace bankbench::ui {

/// Horizontal bars of the top intents' calibrated probabilities, with the decision threshold drawn as a
/// line across them (the "why" panel). GUI thread.
class IntentBars : public QWidget {
    Q_OBJECT

public:
    explicit IntentBars(QWidget* parent = nullptr);

    void setIntents(const QList<QPair<QString, double>>& intents, double threshold);
    const QList<QPair<QString, double>>& intents() const { return m_intents; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QList<QPair<QString, double>> m_intents;
    double m_threshold = 0;
};

} // namespace bankbench::ui
