#include "ml/selectionpredictions.h"

#include "ml/safetensors.h"

#include <cstring>
#include <filesystem>

namespace bankbench::ml {

using core::Error;
using core::ErrorCode;

namespace {
std::string filePath(const std::string& modelDir) {
    return (std::filesystem::path(modelDir) / kSelectionPredictionsFile).string();
}
} // namespace

core::Status writeSelectionPredictions(const std::string& modelDir, const SelectionPredictions& predictions) {
    const auto rows = static_cast<std::int64_t>(predictions.recordIds.size());
    if (predictions.classes < 1 ||
        predictions.probabilities.size() != static_cast<std::size_t>(rows * predictions.classes))
        return Error{
            ErrorCode::InvalidArgument, "validation probabilities: rows and classes do not match", {}};
    SafetensorsWriter writer;
    std::vector<std::int64_t> ids(predictions.recordIds.begin(), predictions.recordIds.end());
    if (auto status =
            writer.add("record_ids", DType::I64, {rows}, ids.data(), ids.size() * sizeof(std::int64_t));
        !status)
        return status;
    if (auto status =
            writer.add("probabilities", DType::F32, {rows, predictions.classes},
                       predictions.probabilities.data(), predictions.probabilities.size() * sizeof(float));
        !status)
        return status;
    writer.setMetadata("content", "validation-split probabilities of the model selected on validation");
    return writer.write(filePath(modelDir));
}

core::Result<SelectionPredictions> readSelectionPredictions(const std::string& modelDir) {
    const auto path = filePath(modelDir);
    if (!std::filesystem::exists(path))
        return Error{ErrorCode::NotFound, "no stored validation probabilities", {path, 0, 0}};
    auto reader = SafetensorsReader::open(path);
    if (!reader)
        return reader.error();
    auto ids = (*reader)->tensor("record_ids");
    auto probabilities = (*reader)->tensor("probabilities");
    if (!ids)
        return ids.error();
    if (!probabilities)
        return probabilities.error();
    if (ids->dtype != DType::I64 || ids->shape.size() != 1 || probabilities->dtype != DType::F32 ||
        probabilities->shape.size() != 2 || probabilities->shape[0] != ids->shape[0] ||
        probabilities->shape[1] < 1)
        return Error{
            ErrorCode::Parse, "expected record_ids I64 [n] and probabilities F32 [n, classes]", {path, 0, 0}};
    SelectionPredictions out;
    out.classes = probabilities->shape[1];
    out.recordIds.resize(static_cast<std::size_t>(ids->shape[0]));
    std::memcpy(out.recordIds.data(), ids->data, ids->byteSize);
    out.probabilities.resize(static_cast<std::size_t>(probabilities->elementCount()));
    std::memcpy(out.probabilities.data(), probabilities->data, probabilities->byteSize);
    return out;
}

} // namespace bankbench::ml
