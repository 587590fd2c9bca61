#include "io/columnsuggest.h"
#include "io/importer.h"
#include "io/importsource.h"

#include <algorithm>

namespace bankbench::core {

namespace {

std::string displayString(const nlohmann::json& value) {
    if (value.is_string())
        return value.get_ref<const std::string&>();
    if (value.is_null())
        return {};
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

Result<ImportPreview> previewImport(const ImportOptions& options, int maxRows) {
    auto settings = resolveSource(options);
    if (!settings)
        return settings.error();
    auto head = sampleHead(options, *settings, std::max(maxRows, kHeadSampleRows), kHeadSampleBytes);
    if (!head)
        return head.error();
    auto choice = chooseColumns(options, head->columns, head->rows);
    if (!choice)
        return choice.error();

    ImportPreview preview;
    preview.encoding = settings->encoding;
    preview.detectedEncoding = settings->detectedEncoding;
    preview.encodingConfidence = settings->confidence;
    preview.format = settings->format;
    preview.dialect = settings->dialect;
    preview.columns = head->columns;
    preview.textColumn = choice->textColumn;
    preview.labelColumn = choice->labelColumn;
    preview.warnings = std::move(head->warnings);
    preview.fileSize = settings->fileSize;
    const std::size_t shown = std::min(head->rows.size(), static_cast<std::size_t>(std::max(maxRows, 0)));
    for (std::size_t r = 0; r < shown; ++r) {
        std::vector<std::string> row;
        row.reserve(head->rows[r].size());
        for (const auto& value : head->rows[r])
            row.push_back(displayString(value));
        preview.rows.push_back(std::move(row));
    }
    return preview;
}

} // namespace bankbench::core
