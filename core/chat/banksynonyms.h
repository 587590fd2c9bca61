#pragma once

#include <string>
#include <vector>

namespace bankbench::core::chat {

/// Groups of interchangeable retail-banking words and phrases (English, lower case; Chinese as words),
/// used to expand retrieval queries: a customer saying "cash machine" should find the FAQ about ATMs.
/// Written from general banking vocabulary, not from any evaluation set. Static data; thread-safe.
const std::vector<std::vector<std::string>>& bankSynonymGroups();

} // namespace bankbench::core::chat
