#include "clioutput.h"

#include "ml/runtime.h"

#include <cstdio>
#include <iostream>

namespace bankbench::cli {

int exitCodeFor(core::ErrorCode code) {
    using core::ErrorCode;
    switch (code) {
    case ErrorCode::NotText:
    case ErrorCode::Empty:
    case ErrorCode::Encoding:
    case ErrorCode::Parse:
        return kExitDataError;
    case ErrorCode::InvalidArgument:
        return kExitUsage;
    case ErrorCode::NotFound:
        return kExitNotFound;
    case ErrorCode::AlreadyExists:
        return kExitExists;
    case ErrorCode::Io:
    case ErrorCode::Database:
    case ErrorCode::SchemaTooNew:
        return kExitStorage;
    case ErrorCode::Cancelled:
        return kExitCancelled;
    }
    return kExitDataError;
}

int reportError(core::Error error, const std::string& context, bool json) {
    if (error.where.file.empty())
        error.where.file = context.empty() ? "bankbench-cli" : context;
    std::fflush(stdout);
    std::cerr << error.what() << '\n';
    if (json) {
        printJson({{"error",
                    {{"code", core::errorCodeName(error.code)},
                     {"message", error.message},
                     {"file", error.where.file},
                     {"line", error.where.line},
                     {"column", error.where.column}}}});
    }
    return exitCodeFor(error.code);
}

void printJson(const nlohmann::json& value) {
    // Replace rather than throw on invalid UTF-8: a stray byte in a source path must not lose the whole
    // report.
    std::cout << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    std::cout.flush();
}

nlohmann::json toJson(const core::ImportWarning& warning) {
    return {{"line", warning.line}, {"column", warning.column}, {"message", warning.message}};
}

nlohmann::json toJson(const core::DatasetInfo& dataset) {
    nlohmann::json out = {
        {"name", dataset.name},
        {"rows", dataset.rowCount},
        {"labelled", dataset.labelledCount},
        {"id", dataset.id},
        {"source_path", dataset.sourcePath},
        {"format", dataset.sourceFormat},
        {"encoding", dataset.encoding},
        {"imported_at", dataset.importedAt},
        {"columns", dataset.columns},
        {"text_column", dataset.textColumn},
        {"label_column", nullptr},
        {"label_separator", nullptr},
    };
    if (dataset.labelColumn)
        out["label_column"] = *dataset.labelColumn;
    if (dataset.labelSeparator)
        out["label_separator"] = *dataset.labelSeparator;
    return out;
}

nlohmann::json toJson(const ml::RuntimeInfo& runtime) {
    nlohmann::json out;
    out["torch_version"] = runtime.torchVersion;
    out["blas"] = runtime.blasName;
    out["blas_library"] = runtime.blasLibraryPath;
    out["blas_is_reference"] = runtime.blasIsReference;
    out["blas_details"] = runtime.blasDetails;
    out["blas_threads"] = runtime.blasThreads;
    out["intra_op_threads"] = runtime.intraOpThreads;
    out["inter_op_threads"] = runtime.interOpThreads;
    out["usable_cores"] = runtime.usableCores;
    out["omp_wait_policy"] = runtime.ompWaitPolicy;
    out["cuda_available"] = runtime.cudaAvailable;
    out["cuda_device_count"] = runtime.cudaDeviceCount;
    out["device"] = runtime.deviceName;
    return out;
}

} // namespace bankbench::cli
