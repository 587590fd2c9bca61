#include "ml/largetensor.h"

#include <sys/mman.h>

namespace bankbench::ml {

torch::Tensor largeZeros(at::IntArrayRef sizes, torch::ScalarType dtype) {
    std::int64_t count = 1;
    for (const auto size : sizes)
        count *= size;
    const auto bytes = static_cast<std::size_t>(count) * c10::elementSize(dtype);
    constexpr std::size_t kHugePage = std::size_t{2} << 20;
    if (bytes < 2 * kHugePage)
        return torch::zeros(sizes, torch::TensorOptions().dtype(dtype));
    // Round up to whole huge pages so the kernel can back all of it with them.
    const std::size_t length = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* memory = ::mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED)
        return torch::zeros(sizes, torch::TensorOptions().dtype(dtype));
#ifdef MADV_HUGEPAGE
    (void)::madvise(memory, length, MADV_HUGEPAGE); // advice only: without it the memory still works
#endif
    return torch::from_blob(
        memory, sizes, [length](void* data) { ::munmap(data, length); }, torch::TensorOptions().dtype(dtype));
}

} // namespace bankbench::ml
