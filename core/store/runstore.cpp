#include "store/runstore.h"

#include "store/projectsettings.h"
#include "util/clock.h"

#include <filesystem>

namespace bankbench::core {

namespace {

constexpr const char* kRunColumns =
    "SELECT id, name, model, dataset_id, dataset_name, status, config_json, labels_json, multi_label, "
    "report_json, model_dir, versions_json, device, error, created_at, updated_at, finished_at FROM runs ";

nlohmann::json parseJson(const std::string& text, nlohmann::json fallback) {
    auto parsed = nlohmann::json::parse(text, nullptr, false);
    return parsed.is_discarded() ? fallback : parsed;
}

RunInfo readRun(const Statement& stmt) {
    RunInfo info;
    info.id = stmt.columnInt(0);
    info.name = stmt.columnText(1);
    info.model = stmt.columnText(2);
    if (!stmt.isNull(3))
        info.datasetId = stmt.columnInt(3);
    info.datasetName = stmt.columnText(4);
    info.status = runStatusFromName(stmt.columnText(5)).value_or(RunStatus::Failed);
    info.config = parseJson(stmt.columnText(6), nlohmann::json::object());
    const auto labels = parseJson(stmt.columnText(7), nlohmann::json::array());
    for (const auto& label : labels)
        if (label.is_string())
            info.labels.push_back(label.get<std::string>());
    info.multiLabel = stmt.columnInt(8) != 0;
    if (!stmt.isNull(9))
        info.report = parseJson(stmt.columnText(9), nullptr);
    info.modelDir = stmt.columnText(10);
    info.versions = parseJson(stmt.columnText(11), nlohmann::json::object());
    info.device = stmt.columnText(12);
    info.error = stmt.isNull(13) ? "" : stmt.columnText(13);
    info.createdAt = stmt.columnText(14);
    info.updatedAt = stmt.columnText(15);
    info.finishedAt = stmt.columnOptionalText(16);
    return info;
}

std::string dump(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

const char* runStatusName(RunStatus status) {
    switch (status) {
    case RunStatus::Running:
        return "running";
    case RunStatus::Finished:
        return "finished";
    case RunStatus::Cancelled:
        return "cancelled";
    case RunStatus::Failed:
        return "failed";
    }
    return "failed";
}

std::optional<RunStatus> runStatusFromName(const std::string& name) {
    for (auto status : {RunStatus::Running, RunStatus::Finished, RunStatus::Cancelled, RunStatus::Failed})
        if (name == runStatusName(status))
            return status;
    return std::nullopt;
}

Status RunStore::validateRunName(const std::string& name) {
    auto invalid = [&](const std::string& why) {
        return Status(Error{ErrorCode::InvalidArgument, "invalid run name \"" + name + "\": " + why, {}});
    };
    if (name.empty() || name.size() > 100)
        return invalid("use 1 to 100 bytes");
    if (name[0] == '.')
        return invalid("it must not start with '.'");
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7f || c == '/' || c == '\\')
            return invalid("it must not contain '/', '\\' or control characters");
    return {};
}

std::string RunStore::relativeModelDir(const std::string& projectPath, const std::string& runName) {
    return std::filesystem::path(projectPath).filename().string() + ".runs/" + runName;
}

std::string RunStore::modelDirPath(const RunInfo& info) const {
    const auto folder = std::filesystem::absolute(m_project.path()).parent_path();
    return (folder / info.modelDir).lexically_normal().string();
}

Result<std::string> RunStore::uniqueRunName(const std::string& prefix) {
    try {
        auto exists = m_project.database().prepare("SELECT 1 FROM runs WHERE name = ?1");
        for (int n = 1;; ++n) {
            const std::string candidate = prefix + "-" + std::to_string(n);
            exists.bind(1, candidate);
            const bool taken = exists.step();
            exists.reset();
            if (!taken)
                return candidate;
        }
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {m_project.path(), 0, 0}};
    }
}

Result<RunId> RunStore::createRun(const NewRun& run) {
    if (auto status = validateRunName(run.name); !status)
        return status.error();
    try {
        auto& db = m_project.database();
        Transaction transaction(db);
        auto exists = db.prepare("SELECT 1 FROM runs WHERE name = ?1");
        exists.bind(1, run.name);
        if (exists.step())
            return Error{ErrorCode::AlreadyExists,
                         "a run named \"" + run.name + "\" already exists",
                         {m_project.path(), 0, 0}};
        const std::string now = nowIso8601();
        db.prepare(
              "INSERT INTO runs(name, model, dataset_id, dataset_name, status, config_json, labels_json, "
              "multi_label, model_dir, versions_json, device, created_at, updated_at) "
              "VALUES(?1, ?2, ?3, ?4, 'running', ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)")
            .bind(1, run.name)
            .bind(2, run.model)
            .bind(3, run.datasetId)
            .bind(4, run.datasetName)
            .bind(5, dump(run.config))
            .bind(6, dump(nlohmann::json(run.labels)))
            .bind(7, run.multiLabel ? 1 : 0)
            .bind(8, relativeModelDir(m_project.path(), run.name))
            .bind(9, dump(run.versions))
            .bind(10, run.device)
            .bind(11, now)
            .run();
        const RunId id = db.lastInsertRowId();
        transaction.commit();
        return id;
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {m_project.path(), 0, 0}};
    }
}

Result<RunInfo> RunStore::run(const std::string& name) {
    try {
        auto stmt = m_project.database().prepare(std::string(kRunColumns) + "WHERE name = ?1");
        stmt.bind(1, name);
        if (!stmt.step())
            return Error{ErrorCode::NotFound,
                         "no run named \"" + name + "\" (list them with: bankbench-cli runs)",
                         {m_project.path(), 0, 0}};
        return readRun(stmt);
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {m_project.path(), 0, 0}};
    }
}

Result<RunInfo> RunStore::run(RunId id) {
    try {
        auto stmt = m_project.database().prepare(std::string(kRunColumns) + "WHERE id = ?1");
        stmt.bind(1, id);
        if (!stmt.step())
            return Error{
                ErrorCode::NotFound, "no run with id " + std::to_string(id), {m_project.path(), 0, 0}};
        return readRun(stmt);
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {m_project.path(), 0, 0}};
    }
}

Result<std::vector<RunInfo>> RunStore::runs() {
    try {
        auto stmt = m_project.database().prepare(std::string(kRunColumns) + "ORDER BY id DESC");
        std::vector<RunInfo> out;
        while (stmt.step())
            out.push_back(readRun(stmt));
        return out;
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {m_project.path(), 0, 0}};
    }
}

Status RunStore::saveSplit(RunId id, const RunSplit& split) {
    try {
        auto& db = m_project.database();
        Transaction transaction(db);
        db.prepare("DELETE FROM run_split WHERE run_id = ?1").bind(1, id).run();
        auto insert = db.prepare("INSERT INTO run_split(run_id, record_id, part) VALUES(?1, ?2, ?3)");
        for (const auto record : split.train)
            insert.bind(1, id).bind(2, record).bind(3, "train").run();
        for (const auto record : split.validation)
            insert.bind(1, id).bind(2, record).bind(3, "validation").run();
        transaction.commit();
        return {};
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {m_project.path(), 0, 0}};
    }
}

Result<RunSplit> RunStore::split(RunId id) {
    try {
        auto stmt = m_project.database().prepare(
            "SELECT record_id, part FROM run_split WHERE run_id = ?1 ORDER BY record_id");
        stmt.bind(1, id);
        RunSplit out;
        while (stmt.step())
            (stmt.columnTextView(1) == "train" ? out.train : out.validation).push_back(stmt.columnInt(0));
        return out;
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {m_project.path(), 0, 0}};
    }
}

Status RunStore::recordEpoch(RunId id, int epoch, std::int64_t step,
                             const std::map<std::string, double>& values) {
    try {
        auto& db = m_project.database();
        Transaction transaction(db);
        auto upsert =
            db.prepare("INSERT INTO run_metrics(run_id, epoch, step, name, value) VALUES(?1, ?2, ?3, ?4, ?5) "
                       "ON CONFLICT(run_id, epoch, name) DO UPDATE SET step = excluded.step, "
                       "value = excluded.value");
        for (const auto& [name, value] : values)
            upsert.bind(1, id).bind(2, epoch).bind(3, step).bind(4, name).bind(5, value).run();
        db.prepare("UPDATE runs SET updated_at = ?2 WHERE id = ?1").bind(1, id).bind(2, nowIso8601()).run();
        transaction.commit();
        return {};
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {m_project.path(), 0, 0}};
    }
}

Result<std::vector<RunMetric>> RunStore::metrics(RunId id) {
    try {
        auto stmt = m_project.database().prepare(
            "SELECT epoch, step, name, value FROM run_metrics WHERE run_id = ?1 ORDER BY epoch, name");
        stmt.bind(1, id);
        std::vector<RunMetric> out;
        while (stmt.step())
            out.push_back({static_cast<int>(stmt.columnInt(0)), stmt.columnInt(1), stmt.columnText(2),
                           stmt.columnDouble(3)});
        return out;
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {m_project.path(), 0, 0}};
    }
}

Status RunStore::setStatus(RunId id, RunStatus status, const std::string& error) {
    try {
        auto stmt = m_project.database().prepare(
            "UPDATE runs SET status = ?2, error = ?3, updated_at = ?4 WHERE id = ?1");
        stmt.bind(1, id).bind(2, runStatusName(status)).bind(4, nowIso8601());
        if (error.empty())
            stmt.bindNull(3);
        else
            stmt.bind(3, error);
        stmt.run();
        return {};
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {m_project.path(), 0, 0}};
    }
}

Status RunStore::finish(RunId id, RunStatus status, const nlohmann::json& report, const std::string& error) {
    try {
        const std::string now = nowIso8601();
        auto stmt = m_project.database().prepare(
            "UPDATE runs SET status = ?2, report_json = ?3, error = ?4, updated_at = ?5, finished_at = ?5 "
            "WHERE id = ?1");
        stmt.bind(1, id).bind(2, runStatusName(status)).bind(5, now);
        if (report.is_null())
            stmt.bindNull(3);
        else
            stmt.bind(3, dump(report));
        if (error.empty())
            stmt.bindNull(4);
        else
            stmt.bind(4, error);
        stmt.run();
        return {};
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {m_project.path(), 0, 0}};
    }
}

Status RunStore::markResumed(RunId id, const std::string& device, const nlohmann::json& versions) {
    try {
        m_project.database()
            .prepare("UPDATE runs SET status = 'running', error = NULL, finished_at = NULL, device = ?2, "
                     "versions_json = ?3, updated_at = ?4 WHERE id = ?1")
            .bind(1, id)
            .bind(2, device)
            .bind(3, dump(versions))
            .bind(4, nowIso8601())
            .run();
        return {};
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {m_project.path(), 0, 0}};
    }
}

Status RunStore::addEvaluation(RunId id, const std::string& datasetName, const nlohmann::json& report) {
    try {
        m_project.database()
            .prepare("INSERT INTO run_evaluations(run_id, dataset_name, report_json, created_at) "
                     "VALUES(?1, ?2, ?3, ?4)")
            .bind(1, id)
            .bind(2, datasetName)
            .bind(3, dump(report))
            .bind(4, nowIso8601())
            .run();
        return {};
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {m_project.path(), 0, 0}};
    }
}

Result<std::vector<RunEvaluation>> RunStore::evaluations(RunId id) {
    try {
        auto stmt = m_project.database().prepare("SELECT dataset_name, report_json, created_at FROM "
                                                 "run_evaluations WHERE run_id = ?1 ORDER BY id");
        stmt.bind(1, id);
        std::vector<RunEvaluation> out;
        while (stmt.step())
            out.push_back({stmt.columnText(0), parseJson(stmt.columnText(1), nullptr), stmt.columnText(2)});
        return out;
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {m_project.path(), 0, 0}};
    }
}

Status RunStore::deleteRun(RunId id) {
    try {
        m_project.database().prepare("DELETE FROM runs WHERE id = ?1").bind(1, id).run();
        return {};
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {m_project.path(), 0, 0}};
    }
}

Status RunStore::renameRun(RunId id, const std::string& newName) {
    if (auto status = validateRunName(newName); !status)
        return status;
    auto old = run(id);
    if (!old)
        return old.error();
    if (old->name == newName)
        return {};
    if (old->status == RunStatus::Running)
        return Error{ErrorCode::InvalidArgument,
                     "run \"" + old->name + "\" is still running; rename it once it has ended",
                     {m_project.path(), 0, 0}};
    RunInfo renamed = *old;
    renamed.name = newName;
    renamed.modelDir = relativeModelDir(m_project.path(), newName);
    const std::filesystem::path from = modelDirPath(*old);
    const std::filesystem::path to = modelDirPath(renamed);
    bool moved = false;
    try {
        auto& db = m_project.database();
        Transaction transaction(db);
        auto exists = db.prepare("SELECT 1 FROM runs WHERE name = ?1");
        exists.bind(1, newName);
        if (exists.step())
            return Error{ErrorCode::AlreadyExists,
                         "a run named \"" + newName + "\" already exists",
                         {m_project.path(), 0, 0}};
        db.prepare("UPDATE runs SET name = ?2, model_dir = ?3, updated_at = ?4 WHERE id = ?1")
            .bind(1, id)
            .bind(2, newName)
            .bind(3, renamed.modelDir)
            .bind(4, nowIso8601())
            .run();
        ProjectSettings settings(m_project);
        auto active = settings.activeModel();
        if (!active)
            return active.error();
        if (*active == old->name)
            if (auto status = settings.setActiveModel(newName); !status)
                return status;
        std::error_code ec;
        if (std::filesystem::exists(from, ec)) {
            if (std::filesystem::exists(to, ec))
                return Error{ErrorCode::AlreadyExists,
                             "cannot rename run \"" + old->name + "\": the folder " + to.string() +
                                 " already exists",
                             {to.string(), 0, 0}};
            std::filesystem::rename(from, to, ec);
            if (ec)
                return Error{ErrorCode::Io,
                             "cannot move the model folder of run \"" + old->name + "\" to " + to.string() +
                                 ": " + ec.message(),
                             {from.string(), 0, 0}};
            moved = true;
        }
        transaction.commit();
        return {};
    } catch (const DatabaseError& e) {
        if (moved) {
            std::error_code ec;
            std::filesystem::rename(to, from, ec);
        }
        return Error{ErrorCode::Database, e.what(), {m_project.path(), 0, 0}};
    }
}

} // namespace bankbench::core
