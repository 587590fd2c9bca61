#pragma once

#include <store/labeltypes.h>

#include <QList>
#include <QWidget>

#include <string>
#include <vector>

class QGridLayout;
class QPushButton;

namespace bankbench::ui {

/// The label buttons of the labeling view: one per label in set order, showing its hotkey and display
/// name in its colour, its guideline as the tooltip; checked = part of the decision being made. Buttons
/// never take focus, so the keyboard stays with the text. GUI thread.
class LabelButtonBar : public QWidget {
    Q_OBJECT

public:
    explicit LabelButtonBar(QWidget* parent = nullptr);

    /// Rebuilds the buttons; `language` picks the display names ("zh_CN" or "en").
    void setLabels(const std::vector<core::Label>& labels, const QString& language);
    /// Checks exactly the labels named (cheap: no restyling).
    void setChecked(const std::vector<std::string>& names);
    QPushButton* button(const std::string& name) const;
    int buttonCount() const { return static_cast<int>(m_buttons.size()); }
    /// The key of each label, aligned with the labels given to setLabels() ("" = none).
    const std::vector<QString>& hotkeys() const { return m_hotkeys; }

    static QString displayName(const core::Label& label, const QString& language);
    /// Each label's key: its own hotkey, or for labels without one the first free key of 1-9, 0, then
    /// letters. Keys the labeling view reserves for itself (see kReservedKeys) are never given out.
    static std::vector<QString> effectiveHotkeys(const std::vector<core::Label>& labels);
    /// Keys with a fixed meaning in the labeling view: skip, unclear.
    static constexpr const char* kReservedKeys = " ?";
    /// The label's colour, or a stable fallback from the palette below when it has none.
    static QColor labelColor(const core::Label& label);
    /// Rich text for `text` on a pale tint of `color` (span and suggestion chips).
    static QString chipHtml(const QString& text, const QColor& color);

signals:
    void labelClicked(const std::string& name);

private:
    QGridLayout* m_grid;
    std::vector<QString> m_hotkeys;
    std::vector<std::pair<std::string, QPushButton*>> m_buttons;
};

} // namespace bankbench::ui
