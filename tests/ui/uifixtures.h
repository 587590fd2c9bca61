#pragma once

#include <store/records.h>

#include <QString>

#include <ostream>

#include <string>
#include <vector>

namespace bankbench::test {

/// A bilingual row of the fixture dataset: text, intent label ("" = unlabelled), channel.
struct FixtureRow {
    std::string text;
    std::string label;
    std::string channel;
};

/// Twelve rows, Chinese and English, some unlabelled.
const std::vector<FixtureRow>& fixtureRows();

/// Creates a project at `path` holding the fixture rows as dataset "fixture" (columns id, channel, text,
/// intent) plus `extraRows` generated rows, search index built. Returns the dataset id.
core::DatasetId createFixtureProject(const std::string& path, int extraRows = 0);

/// Writes a small UTF-8 CSV (header id,text,intent) with `rows` generated rows.
void writeCsv(const std::string& path, int rows);

QString qs(const std::string& text);

/// Copies a project file and its run folder ("<file>.runs") into `directory` under the same file name
/// (a run's model folder is stored relative to the project file and named after it). Returns the copy.
std::string copyProjectWithRuns(const std::string& source, const std::string& directory);

} // namespace bankbench::test

/// Readable QString values in GoogleTest failure messages.
inline void PrintTo(const QString& text, std::ostream* out) {
    *out << '"' << text.toStdString() << '"';
}
