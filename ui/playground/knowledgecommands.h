#pragma once

#include <QString>
#include <QUndoCommand>

#include <cstdint>
#include <functional>
#include <optional>

namespace bankbench::ui {

/// One FAQ entry of the knowledge editor's draft. `id` 0: added in the draft, not stored yet.
struct KbDraftEntry {
    std::int64_t id = 0;
    QString question;
    QString answer;
    QString source;
    QString storedQuestion; ///< as stored (to find edited entries)
    QString storedAnswer;
    bool removed = false;
};

/// Replaces one row of the knowledge editor's draft (add = a new row, edit, delete = mark removed); undo
/// puts the row back as it was. `apply(row, entry)` writes a row (appending when row == size) and
/// `drop(row)` removes the last row again (undo of an add).
class KbEntryCommand : public QUndoCommand {
public:
    using Apply = std::function<void(int row, const KbDraftEntry& entry)>;
    using Drop = std::function<void(int row)>;

    /// `before` unset (added row): undo drops the row.
    KbEntryCommand(Apply apply, Drop drop, int row, std::optional<KbDraftEntry> before, KbDraftEntry after,
                   const QString& text)
        : QUndoCommand(text), m_apply(std::move(apply)), m_drop(std::move(drop)), m_row(row),
          m_before(std::move(before)), m_after(std::move(after)) {}

    void redo() override { m_apply(m_row, m_after); }
    void undo() override {
        if (m_before)
            m_apply(m_row, *m_before);
        else
            m_drop(m_row);
    }

private:
    Apply m_apply;
    Drop m_drop;
    int m_row;
    std::optional<KbDraftEntry> m_before;
    KbDraftEntry m_after;
};

} // namespace bankbench::ui
