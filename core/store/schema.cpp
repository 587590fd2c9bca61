#include "store/schema.h"

#include <string>

namespace bankbench::core {

namespace {

// Each step takes the schema from version N-1 to N. Never edit a released step: add a new one.
// CHECKs spell out `x = 'a' OR x = 'b'`: `x IN ('a', 'b', 'c')` makes SQLite open an ephemeral table on
// every insert, which tripled the cost of importing labelled rows.
const char* const kMigrations[] = {
    // 1: datasets and records, with a contentless FTS5 index over bb_search_text(text); records with
    //    id <= datasets.fts_indexed_upto are in the index (built after import, resumable).
    R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE datasets (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    source_path     TEXT NOT NULL,
    source_format   TEXT NOT NULL,
    encoding        TEXT NOT NULL,
    imported_at     TEXT NOT NULL,
    columns_json    TEXT NOT NULL,
    text_column     TEXT NOT NULL,
    label_column    TEXT,
    label_separator TEXT,
    row_count       INTEGER NOT NULL DEFAULT 0,
    fts_indexed_upto INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE records (
    id          INTEGER PRIMARY KEY,
    dataset_id  INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    source_line INTEGER NOT NULL,
    text        TEXT NOT NULL,
    fields_json TEXT NOT NULL
);
CREATE INDEX records_by_dataset ON records(dataset_id, id);
CREATE VIRTUAL TABLE records_fts USING fts5(body, content='', tokenize='unicode61 remove_diacritics 2');
)sql",
    // 2: label sets, labels and annotations. One annotation row per (decision, label): a multi-label decision
    //    is several rows whose `decision` is the id of its first row (NULL on that first row); skipped/unclear decisions have a NULL
    //    label_id. History is kept: a new decision clears is_current on the old rows, never deletes them.
    //    (One table rather than decision + join table halves the cost of importing labelled rows.)
    R"sql(
CREATE TABLE label_sets (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL CHECK (kind = 'single' OR kind = 'multi' OR kind = 'span'),
    created_at TEXT NOT NULL
);
CREATE TABLE labels (
    id           INTEGER PRIMARY KEY,
    label_set_id INTEGER NOT NULL REFERENCES label_sets(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    display_zh   TEXT,
    display_en   TEXT,
    description  TEXT,
    color        TEXT,
    hotkey       TEXT,
    position     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (label_set_id, name)
);
CREATE TABLE annotations (
    id           INTEGER PRIMARY KEY,
    record_id    INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    label_set_id INTEGER NOT NULL REFERENCES label_sets(id) ON DELETE CASCADE,
    label_id     INTEGER REFERENCES labels(id) ON DELETE CASCADE,
    decision     INTEGER,
    annotator    TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'accepted' CHECK (status = 'accepted' OR status = 'skipped' OR status = 'unclear'),
    comment      TEXT,
    spans_json   TEXT,
    is_current   INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX annotations_current ON annotations(label_set_id, label_id, record_id)
    WHERE is_current = 1 AND status = 'accepted';
CREATE INDEX annotations_by_record ON annotations(record_id, label_set_id);
ALTER TABLE datasets ADD COLUMN label_set_id INTEGER REFERENCES label_sets(id) ON DELETE SET NULL;
)sql",
    // 3: training runs (core/store/runstore.h). dataset_name survives the dataset's deletion; run_split
    //    keeps record ids without a foreign key so a run's split stays readable after records go; the
    //    model files live in model_dir, relative to the project file's folder.
    R"sql(
CREATE TABLE runs (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    model         TEXT NOT NULL,
    dataset_id    INTEGER REFERENCES datasets(id) ON DELETE SET NULL,
    dataset_name  TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status = 'running' OR status = 'finished' OR status = 'cancelled' OR status = 'failed'),
    config_json   TEXT NOT NULL,
    labels_json   TEXT NOT NULL,
    multi_label   INTEGER NOT NULL DEFAULT 0,
    report_json   TEXT,
    model_dir     TEXT NOT NULL,
    versions_json TEXT NOT NULL,
    device        TEXT NOT NULL,
    error         TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    finished_at   TEXT
);
CREATE TABLE run_split (
    run_id    INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    record_id INTEGER NOT NULL,
    part      TEXT NOT NULL CHECK (part = 'train' OR part = 'validation'),
    PRIMARY KEY (run_id, record_id)
) WITHOUT ROWID;
CREATE TABLE run_metrics (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    epoch  INTEGER NOT NULL,
    step   INTEGER NOT NULL,
    name   TEXT NOT NULL,
    value  REAL NOT NULL,
    PRIMARY KEY (run_id, epoch, name)
) WITHOUT ROWID;
CREATE TABLE run_evaluations (
    id           INTEGER PRIMARY KEY,
    run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    dataset_name TEXT NOT NULL,
    report_json  TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX run_evaluations_by_run ON run_evaluations(run_id, id);
)sql",
    // 4: chatbots (core/chat). A bot's versions snapshot what answers (intent model runs, responses,
    //    policy); its knowledge base is edited in place and indexed by a contentless FTS5 table over
    //    bb_search_text(question) and bb_search_text(answer) with rowid = kb_entries.id (delete through
    //    the 'delete' command with the indexed values). chat_turns keeps every turn with personal data
    //    already masked; record_id is set once a turn was sent to labeling.
    R"sql(
CREATE TABLE bots (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE bot_versions (
    id             INTEGER PRIMARY KEY,
    bot_id         INTEGER NOT NULL REFERENCES bots(id) ON DELETE CASCADE,
    version        INTEGER NOT NULL,
    runs_json      TEXT NOT NULL,
    responses_json TEXT NOT NULL,
    policy_json    TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    UNIQUE (bot_id, version)
);
CREATE TABLE kb_entries (
    id         INTEGER PRIMARY KEY,
    bot_id     INTEGER NOT NULL REFERENCES bots(id) ON DELETE CASCADE,
    question   TEXT NOT NULL,
    answer     TEXT NOT NULL,
    source     TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX kb_entries_by_bot ON kb_entries(bot_id, id);
CREATE VIRTUAL TABLE kb_fts USING fts5(question, answer, content='', tokenize='unicode61 remove_diacritics 2');
CREATE TABLE chat_turns (
    id          INTEGER PRIMARY KEY,
    bot_id      INTEGER NOT NULL REFERENCES bots(id) ON DELETE CASCADE,
    bot_version INTEGER NOT NULL,
    session     TEXT NOT NULL,
    turn        INTEGER NOT NULL,
    text        TEXT NOT NULL,
    intent      TEXT,
    confidence  REAL,
    decision    TEXT NOT NULL,
    answer      TEXT NOT NULL,
    sources_json TEXT NOT NULL DEFAULT '[]',
    slots_json  TEXT NOT NULL DEFAULT '{}',
    feedback    INTEGER NOT NULL DEFAULT 0 CHECK (feedback = -1 OR feedback = 0 OR feedback = 1),
    record_id   INTEGER,
    created_at  TEXT NOT NULL
);
CREATE INDEX chat_turns_by_session ON chat_turns(bot_id, session, turn);
)sql",
    // 5: cheaper imports. Each import appends its records as one block of ids, so a dataset's records lie
    //    between first_record_id and last_record_id (records of other datasets may sit in between after
    //    later appends: queries keep `dataset_id = ?` as well, see store/datasetrange.h). That range
    //    replaces the records_by_dataset index, and label queries go through annotations_by_record and
    //    GROUP BY instead of annotations_current: each index cost about 15% of an import's time.
    R"sql(
ALTER TABLE datasets ADD COLUMN first_record_id INTEGER;
ALTER TABLE datasets ADD COLUMN last_record_id INTEGER;
UPDATE datasets SET first_record_id = (SELECT MIN(id) FROM records WHERE dataset_id = datasets.id),
                    last_record_id = (SELECT MAX(id) FROM records WHERE dataset_id = datasets.id);
DROP INDEX records_by_dataset;
DROP INDEX annotations_current;
)sql",
    // 6: a bot version may name a token-classification run whose slot spans join the rule-based slots.
    R"sql(
ALTER TABLE bot_versions ADD COLUMN slot_run TEXT;
)sql",
    // 7: a cheaper search index, written by the import itself. The bb_text tokenizer (store/searchtokenizer.h)
    //    reads the raw text, so no spaced copy of it is made; columnsize=0 drops the per-row size table
    //    (one b-tree row per record; only ranking reads it, and record search does not rank); a 16 MB
    //    pending-term hash (FTS5's default is 1 MB) flushes a million-row import in a few large segments
    //    instead of hundreds of small ones that are then merged (BENCHMARKS.md). bb_text is registered by
    //    Bankbench's connections only: other SQLite tools can read the project but not records_fts.
    //    A contentless index cannot be copied, so it is rebuilt: every dataset is marked unindexed and
    //    the background indexer (buildSearchIndex) fills it again.
    R"sql(
DROP TABLE records_fts;
CREATE VIRTUAL TABLE records_fts USING fts5(body, content='', columnsize=0, tokenize='bb_text');
INSERT INTO records_fts(records_fts, rank) VALUES('hashsize', 16777216);
UPDATE datasets SET fts_indexed_upto = 0;
)sql",
};

constexpr int kStepCount = static_cast<int>(sizeof(kMigrations) / sizeof(kMigrations[0]));

bool hasMetaTable(Database& db) {
    auto stmt = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
    return stmt.step();
}

void applyStep(Database& db, int version) {
    Transaction transaction(db);
    db.exec(kMigrations[version - 1]);
    db.prepare("INSERT INTO meta(key, value) VALUES('schema_version', ?1) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(1, std::to_string(version))
        .run();
    if (version == 1)
        db.exec("PRAGMA application_id = " + std::to_string(kProjectApplicationId));
    transaction.commit();
}

} // namespace

int latestSchemaVersion() { return kStepCount; }

int readSchemaVersion(Database& db) {
    if (!hasMetaTable(db))
        return 0;
    auto stmt = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'");
    return stmt.step() ? std::stoi(stmt.columnText(0)) : 0;
}

void migrateTo(Database& db, int version) {
    for (int next = readSchemaVersion(db) + 1; next <= version && next <= kStepCount; ++next)
        applyStep(db, next);
}

void migrate(Database& db) { migrateTo(db, kStepCount); }

} // namespace bankbench::core
