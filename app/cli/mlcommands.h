#pragma once

#include "ml/mlmodule.h"
#include "util/result.h"

#include <string>

// Shared by the ML commands (traincommands.cpp, runcommands.cpp).

namespace bankbench::cli {

/// "auto", "cpu" or "cuda" (validated by CLI11) as the job's preference.
ml::DevicePreference devicePreference(const std::string& name);
/// `value` with `digits` decimals.
std::string fixed(double value, int digits);
/// The LibTorch module; a failure to load it is an I/O error (exit code 5) naming the paths tried.
core::Result<ml::MlModule*> mlModule();

} // namespace bankbench::cli
