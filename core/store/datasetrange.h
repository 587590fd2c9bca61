#pragma once

#include "store/database.h"
#include "store/records.h"

#include <string>
#include <string_view>

namespace bankbench::core {

// A dataset's records are found through the id range datasets.first_record_id..last_record_id rather than
// an index on records(dataset_id): SQLite then seeks on the rowid, and imports skip an index that cost
// them about 15% of their time. Records of another dataset can lie inside the range (rows appended to a
// dataset after a later import), so the condition keeps `dataset_id = ?` as well.

/// SQL condition "record alias belongs to the dataset whose id is `datasetExpr`" (a parameter such as
/// "?2" or a column such as "d.id"). `recordAlias` is the records table's alias ("r") or empty.
std::string recordsOfDataset(std::string_view recordAlias, std::string_view datasetExpr);

/// The same, restricted to ids above `afterExpr` and/or up to `uptoExpr` (empty = no bound), for keyset
/// pagination and batches. SQLite seeks with only one bound per side of the rowid and filters with the
/// others, so each side's bounds are folded into one here (MAX/MIN): with the range's own bound kept
/// apart, every page would scan from the dataset's first record again, or on to its last.
std::string recordsOfDatasetWithin(std::string_view recordAlias, std::string_view datasetExpr,
                                   std::string_view afterExpr, std::string_view uptoExpr = {});

/// SQL condition "annotation alias belongs to a record of the dataset `datasetExpr`", without reading the
/// records: the range of a dataset that holds only its own records (row_count equals the range's size) is
/// answered from annotations_by_record alone; only a range shared with another dataset checks the rows.
std::string annotationsOfDataset(std::string_view annotationAlias, std::string_view datasetExpr);

/// Widens a dataset's range to cover records firstId..lastId just inserted. Every writer of `records`
/// calls it in the transaction that inserted them. Throws DatabaseError.
void extendDatasetRecordRange(Database& db, DatasetId dataset, RecordId firstId, RecordId lastId);

} // namespace bankbench::core
