#pragma once

#include "ml/mlmodule.h"
#include "util/result.h"

namespace bankbench::ml {

/// Loads libbankbench_ml_module.so on first call (later calls return the same module). Looks at
/// $BANKBENCH_ML_MODULE, then beside the executable, then ../lib/bankbench relative to it (installed
/// layout). Any thread; the module stays loaded until exit.
core::Result<MlModule*> loadMlModule();

} // namespace bankbench::ml
