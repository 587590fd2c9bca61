#include "store/datasetrange.h"

namespace bankbench::core {

namespace {

struct RangeSql {
    std::string prefix; ///< "r." or ""
    std::string dataset;
    std::string first;
    std::string last;
};

RangeSql rangeSql(std::string_view recordAlias, std::string_view datasetExpr) {
    RangeSql sql;
    sql.prefix = recordAlias.empty() ? std::string() : std::string(recordAlias) + ".";
    sql.dataset = std::string(datasetExpr);
    // A correlated column (d.id) can use the outer row's bounds directly; a parameter looks them up once.
    if (const auto dot = sql.dataset.find('.'); dot != std::string::npos) {
        const std::string table = sql.dataset.substr(0, dot);
        sql.first = table + ".first_record_id";
        sql.last = table + ".last_record_id";
    } else {
        sql.first = "(SELECT first_record_id FROM datasets WHERE id = " + sql.dataset + ")";
        sql.last = "(SELECT last_record_id FROM datasets WHERE id = " + sql.dataset + ")";
    }
    return sql;
}

} // namespace

std::string recordsOfDataset(std::string_view recordAlias, std::string_view datasetExpr) {
    const auto sql = rangeSql(recordAlias, datasetExpr);
    return "(" + sql.prefix + "dataset_id = " + sql.dataset + " AND " + sql.prefix + "id BETWEEN " + sql.first +
           " AND " + sql.last + ")";
}

std::string recordsOfDatasetWithin(std::string_view recordAlias, std::string_view datasetExpr,
                                   std::string_view afterExpr, std::string_view uptoExpr) {
    const auto sql = rangeSql(recordAlias, datasetExpr);
    const std::string lower = afterExpr.empty() ? sql.first + " - 1" : "MAX(" + std::string(afterExpr) + ", " + sql.first + " - 1)";
    const std::string upper = uptoExpr.empty() ? sql.last : "MIN(" + std::string(uptoExpr) + ", " + sql.last + ")";
    return "(" + sql.prefix + "dataset_id = " + sql.dataset + " AND " + sql.prefix + "id > " + lower + " AND " +
           sql.prefix + "id <= " + upper + ")";
}

std::string annotationsOfDataset(std::string_view annotationAlias, std::string_view datasetExpr) {
    const auto sql = rangeSql({}, datasetExpr);
    const std::string recordId = std::string(annotationAlias) + ".record_id";
    const bool isColumn = sql.first.front() != '(';
    const std::string table = isColumn ? sql.first.substr(0, sql.first.find('.')) : std::string();
    const std::string exclusive =
        isColumn ? "(" + table + ".last_record_id - " + table + ".first_record_id + 1 = " + table + ".row_count)"
                 : "(SELECT last_record_id - first_record_id + 1 = row_count FROM datasets WHERE id = " + sql.dataset + ")";
    return "(" + recordId + " BETWEEN " + sql.first + " AND " + sql.last + " AND (" + exclusive +
           " OR EXISTS (SELECT 1 FROM records range_r WHERE range_r.id = " + recordId +
           " AND range_r.dataset_id = " + sql.dataset + ")))";
}

void extendDatasetRecordRange(Database& db, DatasetId dataset, RecordId firstId, RecordId lastId) {
    if (lastId < firstId)
        return;
    db.prepare("UPDATE datasets SET first_record_id = MIN(COALESCE(first_record_id, ?2), ?2), "
               "last_record_id = MAX(COALESCE(last_record_id, ?3), ?3) WHERE id = ?1")
        .bind(1, dataset)
        .bind(2, firstId)
        .bind(3, lastId)
        .run();
}

} // namespace bankbench::core
