#pragma once

#include <io/importoptions.h>

#include <QCoreApplication>
#include <QString>

class QComboBox;

namespace bankbench::ui {

/// The fixed choices of the import dialog (formats, encodings, delimiters) and their display names.
/// Item data: the InputFormat as int, the iconv encoding name ("auto" first), the delimiter as a
/// one-character string (none for auto-detect). GUI thread.
class ImportChoices {
    Q_DECLARE_TR_FUNCTIONS(bankbench::ui::ImportChoices)

public:
    static void fillFormats(QComboBox& combo);
    static void fillEncodings(QComboBox& combo);
    static void fillDelimiters(QComboBox& combo);

    static QString delimiterName(char delimiter);
    static QString formatName(core::InputFormat format);
};

} // namespace bankbench::ui
