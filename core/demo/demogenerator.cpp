#include "demo/demogenerator.h"

#include "demo/demorowgenerator.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

namespace bankbench::core {

namespace {

const std::vector<std::string> kColumns = {"id", "channel", "language", "created_at", "text", "intent"};
constexpr const char* kSourcePath = "bankbench demo generator (synthetic data)";

Status validate(const DemoOptions& options) {
    if (options.rows <= 0)
        return Error{ErrorCode::InvalidArgument,
                     "demo rows must be positive, got " + std::to_string(options.rows),
                     {}};
    if (!(options.labelledFraction >= 0.0 && options.labelledFraction <= 1.0))
        return Error{ErrorCode::InvalidArgument,
                     "demo labelled fraction must be between 0 and 1, got " +
                         std::to_string(options.labelledFraction),
                     {}};
    return {};
}

// RFC 4180: quote a field holding the delimiter, a quote or a line break; double inner quotes.
void appendCsvField(std::string& line, const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
        line += field;
        return;
    }
    line += '"';
    for (char c : field) {
        if (c == '"')
            line += '"';
        line += c;
    }
    line += '"';
}

std::vector<std::string> rowFields(const DemoRow& row) {
    return {row.id, row.channel, row.language, row.createdAt, row.text, row.intent};
}

std::string utcNow() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

Status writeRows(Project& project, const DemoOptions& options, DemoSummary& summary) {
    DatasetInfo info;
    info.name = kDemoDatasetName;
    info.sourcePath = kSourcePath;
    info.sourceFormat = "csv";
    info.encoding = "utf-8";
    info.importedAt = utcNow();
    info.columns = kColumns;
    info.textColumn = "text";
    info.labelColumn = "intent";
    auto writer = project.beginDataset(info, LabelSetKind::SingleLabel, "demo");
    if (!writer)
        return writer.error();
    (*writer)->setColumns(kColumns);

    DemoRowGenerator generator(options);
    DemoRow row;
    std::int64_t line = 2; // where the row would be in the equivalent CSV (line 1 is the header)
    while (generator.next(row)) {
        NewRecord record;
        record.sourceLine = line;
        record.text = row.text;
        record.fields = nlohmann::json::array();
        for (std::string& field : rowFields(row))
            record.fields.push_back(std::move(field));
        if (!row.intent.empty())
            record.labels.push_back(row.intent);
        if (Status added = (*writer)->add(record); !added)
            return added;
        line += 1 + static_cast<std::int64_t>(std::count(row.text.begin(), row.text.end(), '\n'));
        ++summary.rows;
    }
    if (Status committed = (*writer)->commit(); !committed)
        return committed;
    summary.labelledRows = generator.labelledRows();
    summary.intents = generator.labelledIntents();
    return {};
}

} // namespace

Result<DemoSummary> writeDemoCsv(const std::string& path, const DemoOptions& options) {
    if (Status valid = validate(options); !valid)
        return valid.error();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        return Error{ErrorCode::Io, "cannot write the demo CSV", {path}};

    std::string line;
    for (std::size_t i = 0; i < kColumns.size(); ++i) {
        if (i > 0)
            line += ',';
        appendCsvField(line, kColumns[i]);
    }
    line += '\n';
    out << line;

    DemoSummary summary;
    DemoRowGenerator generator(options);
    DemoRow row;
    while (generator.next(row)) {
        line.clear();
        const std::vector<std::string> fields = rowFields(row);
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i > 0)
                line += ',';
            appendCsvField(line, fields[i]);
        }
        line += '\n';
        out << line;
        ++summary.rows;
    }
    out.flush();
    if (!out)
        return Error{ErrorCode::Io, "writing the demo CSV failed (disk full?)", {path}};
    summary.labelledRows = generator.labelledRows();
    summary.intents = generator.labelledIntents();
    return summary;
}

Result<DemoSummary> createDemoProject(const std::string& path, const DemoOptions& options) {
    if (Status valid = validate(options); !valid)
        return valid.error();
    auto project = Project::create(path);
    if (!project)
        return project.error();

    DemoSummary summary;
    Status written = writeRows(**project, options, summary);
    if (written)
        return summary;

    // The file did not exist before this call (create() refuses existing files): leave nothing behind.
    project->reset();
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(path + suffix, ignored);
    return written.error();
}

} // namespace bankbench::core
