#pragma once

// Torch-free: exporting a run's transformer in the Hugging Face layout (implemented in hfcheckpoint.cpp),
// for the CLI through MlModule.

#include "util/result.h"

#include <string>
#include <vector>

namespace bankbench::ml {

/// exportHfModel() (hfcheckpoint.h) for run `runName` of the project. Returns the files written.
core::Result<std::vector<std::string>> exportRunModel(const std::string& projectPath,
                                                      const std::string& runName, const std::string& outDir);

} // namespace bankbench::ml
