#include "io/importsource.h"

#include "io/csvrowreader.h"
#include "io/csvsniffer.h"
#include "io/encodingdetector.h"
#include "io/jsonlreader.h"
#include "io/textdecoder.h"
#include "io/textinput.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace bankbench::core {

namespace {

std::string lowerExtension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

Result<std::string> readHead(const std::string& path, std::size_t bytes) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file)
        return Error{ErrorCode::Io, std::string("cannot open file: ") + std::strerror(errno), {path, 0, 0}};
    std::string head(bytes, '\0');
    head.resize(std::fread(head.data(), 1, bytes, file));
    const bool failed = std::ferror(file) != 0;
    std::fclose(file);
    if (failed)
        return Error{ErrorCode::Io, "cannot read file", {path, 0, 0}};
    return head;
}

char firstNonBlank(std::string_view text) {
    const auto at = text.find_first_not_of(" \t\r\n");
    return at == std::string_view::npos ? '\0' : text[at];
}

} // namespace

Result<SourceSettings> resolveSource(const ImportOptions& options) {
    const std::string& path = options.path;
    if (path.empty())
        return Error{ErrorCode::InvalidArgument, "no input file given", {}};
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status))
        return Error{ErrorCode::NotFound, "file not found", {path, 0, 0}};
    if (std::filesystem::is_directory(status))
        return Error{ErrorCode::Io, "is a directory, not a file", {path, 0, 0}};

    SourceSettings settings;
    settings.fileSize = static_cast<std::int64_t>(std::filesystem::file_size(path, ec));
    auto head = readHead(path, kEncodingSampleBytes);
    if (!head)
        return head.error();
    const bool wholeFile = static_cast<std::int64_t>(head->size()) >= settings.fileSize;

    auto detected = detectEncoding(*head, wholeFile, "auto", path);
    const bool forced = !options.encoding.empty() && canonicalEncodingName(options.encoding) != "auto";
    if (!forced && !detected)
        return detected.error();
    auto chosen = forced ? detectEncoding(*head, wholeFile, options.encoding, path) : detected;
    if (!chosen)
        return chosen.error();
    settings.encoding = chosen->encoding;
    settings.detectedEncoding = detected ? detected->encoding : std::string();
    settings.confidence = detected ? detected->confidence : 0.0;
    settings.bomLength = chosen->bomLength;
    if (static_cast<std::int64_t>(settings.bomLength) >= settings.fileSize)
        return Error{ErrorCode::Empty, "file is empty", {path, 0, 0}};

    // Decode whole lines of the head for format and dialect sniffing.
    auto decoder = TextDecoder::create(settings.encoding);
    if (!decoder)
        return decoder.error();
    std::string text;
    std::vector<InvalidSequence> invalid;
    (*decoder)->decode(std::string_view(*head).substr(settings.bomLength), text, invalid);
    if (!wholeFile) {
        const auto lastBreak = text.find_last_of('\n');
        if (lastBreak != std::string::npos)
            text.resize(lastBreak + 1);
    }

    const std::string ext = lowerExtension(path);
    InputFormat format = options.format;
    if (format == InputFormat::Auto) {
        if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json")
            format = InputFormat::Jsonl;
        else if (ext == ".tsv" || ext == ".tab")
            format = InputFormat::Tsv;
        else if (ext == ".csv")
            format = InputFormat::Csv;
        else
            format = firstNonBlank(text) == '{' ? InputFormat::Jsonl : InputFormat::Csv;
    }
    if (format == InputFormat::Jsonl && firstNonBlank(text) == '[')
        return Error{ErrorCode::Parse,
                     "the file is one JSON array; Bankbench reads JSON Lines (one object per line)",
                     {path, 1, 1}};
    if (format != InputFormat::Jsonl) {
        std::optional<char> forcedDelimiter = options.delimiter;
        if (!forcedDelimiter && format == InputFormat::Tsv)
            forcedDelimiter = '\t';
        settings.dialect = sniffDialect(text, ',', forcedDelimiter, options.quote, options.hasHeader);
        if (format == InputFormat::Csv && settings.dialect.delimiter == '\t' &&
            options.format == InputFormat::Auto)
            format = InputFormat::Tsv;
    }
    settings.format = format;
    return settings;
}

Result<std::unique_ptr<RowReader>> openRows(const ImportOptions& options, const SourceSettings& settings,
                                            std::int64_t maxBytes) {
    auto input = TextInput::openFile(options.path, settings.encoding, settings.bomLength,
                                     options.readChunkBytes, maxBytes);
    if (!input)
        return input.error();
    if (settings.format == InputFormat::Jsonl)
        return std::unique_ptr<RowReader>(std::make_unique<JsonlReader>(std::move(input).value()));
    auto reader = CsvRowReader::open(std::move(input).value(), settings.dialect);
    if (!reader)
        return reader.error();
    return std::unique_ptr<RowReader>(std::move(reader).value());
}

Result<HeadSample> sampleHead(const ImportOptions& options, const SourceSettings& settings, int maxRows,
                              std::int64_t maxBytes) {
    auto opened = openRows(options, settings, maxBytes);
    if (!opened)
        return opened.error();
    RowReader& reader = **opened;
    HeadSample sample;
    nlohmann::json fields = nlohmann::json::array();
    while (static_cast<int>(sample.rows.size()) < maxRows) {
        const auto status = reader.next(fields);
        for (auto& warning : reader.warnings())
            sample.warnings.push_back(std::move(warning));
        reader.warnings().clear();
        if (status == RowReader::Status::End)
            break;
        if (status == RowReader::Status::Failed)
            return Error{reader.error().code, reader.error().message, {options.path, 0, 0}};
        if (status == RowReader::Status::BadRow) {
            const RowError& e = reader.error();
            sample.warnings.push_back({e.line, e.column, e.message});
            continue;
        }
        sample.rows.push_back(fields);
    }
    sample.columns = reader.columns();
    for (auto& row : sample.rows)
        while (row.size() < sample.columns.size())
            row.push_back(nullptr);
    return sample;
}

} // namespace bankbench::core
