// bot create/update/list/show/delete/send-to-labeling: chatbots stored in the project (core/chat). create
// and update load the run's model (through the MlModule) to tune the policy on its validation split.

#include "clioutput.h"
#include "commands.h"
#include "mlcommands.h"

#include "chat/botstore.h"
#include "chat/chatlog.h"
#include "chat/policytuning.h"
#include "store/runstore.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <optional>

namespace bankbench::cli {

using core::Error;
using core::ErrorCode;
namespace chat = core::chat;

namespace {

struct BotArgs {
    std::string project, name, run, responses, kb, note, device = "auto", lowConfidence;
    std::optional<double> threshold, margin;
    std::optional<std::string> slotRun; ///< "" removes it (bot update)
    std::optional<std::string> noneIntent; ///< "" removes it (bot update)
    double maxDrop = 0.02;
    bool noTune = false, retune = false, json = false, noOosGate = false;
};

struct SendArgs {
    std::string project, bot, dataset = "chat-feedback";
    std::optional<double> below;
    bool json = false;
};

nlohmann::json versionJson(const chat::BotVersion& v) {
    return {{"bot", v.botName},
            {"version", v.version},
            {"runs", v.runs},
            {"slot_run", v.slotRun ? nlohmann::json(*v.slotRun) : nlohmann::json()},
            {"intents_with_responses", v.responses.intents().size()},
            {"policy", v.policy.toJson(false)},
            {"note", v.note},
            {"created_at", v.createdAt}};
}

/// Fills `version`'s policy: tuned on the run's validation split (unless --no-tune), then the explicit
/// --threshold/--margin/--low-confidence overrides.
core::Status choosePolicy(core::Project& project, const BotArgs& args, chat::NewBotVersion& version,
                          bool tune) {
    if (!args.lowConfidence.empty())
        version.policy.lowConfidence = args.lowConfidence == "handover" ? chat::LowConfidenceAction::Handover
                                                                        : chat::LowConfidenceAction::Clarify;
    if (args.noneIntent)
        version.policy.noneIntent = *args.noneIntent;
    if (tune) {
        auto module = mlModule();
        if (!module)
            return module.error();
        auto model =
            (*module)->loadRunModel(args.project, version.runs.front(), devicePreference(args.device));
        if (!model)
            return model.error();
        chat::TuningOptions options;
        options.maxAccuracyDrop = args.maxDrop;
        options.outOfScopeGate = !args.noOosGate;
        auto tuned = chat::tunePolicyOnRun(project, version.runs.front(), **model, version.policy, options);
        if (!tuned)
            return tuned.error();
        version.policy = std::move(*tuned);
        if (version.policy.tuning.value("refit", false))
            std::cerr
                << "bankbench-cli: warning: run \"" << version.runs.front()
                << "\" was refit on all examples, validation included: the tuned threshold is optimistic "
                   "(train with \"refit\": false in --config for a bot)\n";
    }
    if (args.threshold) {
        version.policy.threshold = *args.threshold;
        version.policy.intentThresholds.clear();
    }
    if (args.margin)
        version.policy.margin = *args.margin;
    return {};
}

core::Result<nlohmann::json> importKnowledge(core::Project& project, chat::BotId id,
                                             const std::string& path) {
    chat::KnowledgeBase knowledge(project, id);
    chat::KbImportOptions options;
    options.path = path;
    auto report = knowledge.importFile(options);
    if (!report)
        return report.error();
    return nlohmann::json{{"file", path},
                          {"added", report->added},
                          {"duplicates_in_file", report->duplicatesInFile},
                          {"duplicates_existing", report->duplicatesExisting},
                          {"skipped", report->skipped}};
}

int runCreateOrUpdate(const BotArgs& args, bool create) {
    auto project = openExistingProject(args.project, /*readOnly=*/false);
    if (!project)
        return reportError(project.error(), args.project, args.json);
    chat::BotStore store(**project);
    chat::NewBotVersion version;
    version.note = args.note;
    std::optional<chat::BotVersion> previous;
    if (!create) {
        auto info = store.bot(args.name);
        if (!info)
            return reportError(info.error(), args.project, args.json);
        auto latest = store.version(info->id);
        if (!latest)
            return reportError(latest.error(), args.project, args.json);
        previous = *latest;
        version.runs = latest->runs;
        version.slotRun = latest->slotRun;
        version.responses = latest->responses;
        version.policy = latest->policy;
    } else if (auto existing = store.bot(args.name); existing) {
        return reportError({ErrorCode::AlreadyExists,
                            "a bot named \"" + args.name + "\" already exists (change it with: bot update)",
                            {}},
                           args.project, args.json);
    }
    if (!args.run.empty())
        version.runs = {args.run};
    // Everything that can fail on the user's input is checked before anything is written.
    core::RunStore runs(**project);
    auto run = runs.run(version.runs.front());
    if (!run)
        return reportError(run.error(), args.project, args.json);
    if (run->status != core::RunStatus::Finished)
        return reportError({ErrorCode::InvalidArgument,
                            "run \"" + run->name + "\" is " + core::runStatusName(run->status) +
                                "; a bot needs a finished run",
                            {}},
                           args.project, args.json);
    // The none-of-these label (given now, or kept from the previous version) must be one of the run's.
    if (const std::string none = args.noneIntent ? *args.noneIntent : version.policy.noneIntent;
        !none.empty() && std::find(run->labels.begin(), run->labels.end(), none) == run->labels.end())
        return reportError({ErrorCode::InvalidArgument,
                            "--none-intent: \"" + none + "\" is not a label of run \"" + run->name + "\"",
                            {}},
                           args.project, args.json);
    if (args.slotRun)
        version.slotRun = args.slotRun->empty() ? std::nullopt : args.slotRun;
    if (version.slotRun && args.slotRun) {
        // Loading checks that it is a finished token-classification run with its files in place.
        auto module = mlModule();
        if (!module)
            return reportError(module.error(), args.project, args.json);
        auto spans = (*module)->loadSpanModel(args.project, *version.slotRun, devicePreference(args.device));
        if (!spans)
            return reportError(spans.error(), args.project, args.json);
    }
    if (!args.responses.empty()) {
        auto responses = chat::ResponseSet::load(args.responses);
        if (!responses)
            return reportError(responses.error(), args.responses, args.json);
        version.responses = std::move(*responses);
    }
    const bool tune = !args.noTune && (create || args.retune || !args.run.empty());
    if (auto chosen = choosePolicy(**project, args, version, tune); !chosen)
        return reportError(chosen.error(), args.project, args.json);

    chat::BotId id = 0;
    if (create) {
        auto created = store.createBot(args.name);
        if (!created)
            return reportError(created.error(), args.project, args.json);
        id = *created;
    } else {
        id = previous->botId;
    }
    nlohmann::json kb;
    if (!args.kb.empty()) {
        auto imported = importKnowledge(**project, id, args.kb);
        if (!imported) {
            if (create)
                (void)store.deleteBot(id); // no half-made bot left behind
            return reportError(imported.error(), args.kb, args.json);
        }
        kb = *imported;
    }
    auto number = store.addVersion(id, version);
    if (!number) {
        if (create)
            (void)store.deleteBot(id);
        return reportError(number.error(), args.project, args.json);
    }
    auto stored = store.version(id, *number);
    if (!stored)
        return reportError(stored.error(), args.project, args.json);
    auto out = versionJson(*stored);
    if (!kb.is_null())
        out["knowledge_base"] = kb;
    if (args.json) {
        printJson(out);
        return kExitOk;
    }
    const auto& p = stored->policy;
    std::cout << (create ? "Created" : "Updated") << " bot \"" << args.name << "\" version " << *number
              << " on run \"" << stored->runs.front() << "\" (" << stored->responses.intents().size()
              << " intents with responses)\n"
              << "  policy: threshold " << fixed(p.threshold, 3) << ", margin " << fixed(p.margin, 2)
              << ", temperature " << fixed(p.temperature, 2) << ", " << p.intentThresholds.size()
              << " per-intent thresholds";
    if (p.outOfScope.enabled())
        std::cout << ", out-of-scope gate " << fixed(p.outOfScope.threshold, 3) << " (mean cosine to the "
                  << p.outOfScope.neighbours << " nearest of " << p.outOfScope.referenceCount()
                  << " training examples of the intent)";
    if (!p.noneIntent.empty())
        std::cout << ", \"" << p.noneIntent << "\" means none of these";
    if (p.tuning.contains("accuracy"))
        std::cout << "; validation accuracy " << fixed(p.tuning["accuracy"].get<double>(), 4) << " -> "
                  << fixed(p.tuning["accuracy_at_threshold"].get<double>(), 4) << " understood and right, "
                  << fixed(100 * p.tuning["rejected"].get<double>(), 1) << "% turned away";
    std::cout << '\n';
    if (!kb.is_null())
        std::cout << "  knowledge base: " << kb["added"] << " entries added from " << args.kb << '\n';
    return kExitOk;
}

int runList(const std::string& path, bool json) {
    auto project = openExistingProject(path, /*readOnly=*/true);
    if (!project)
        return reportError(project.error(), path, json);
    chat::BotStore store(**project);
    auto bots = store.bots();
    if (!bots)
        return reportError(bots.error(), path, json);
    auto list = nlohmann::json::array();
    for (const auto& b : *bots) {
        auto count = chat::KnowledgeBase(**project, b.id).count();
        if (!count)
            return reportError(count.error(), path, json);
        nlohmann::json entry = {{"name", b.name},
                                {"versions", b.latestVersion},
                                {"created_at", b.createdAt},
                                {"knowledge_base_entries", *count}};
        if (auto latest = store.version(b.id); latest)
            entry["runs"] = latest->runs;
        list.push_back(entry);
    }
    if (json) {
        printJson({{"bots", list}});
        return kExitOk;
    }
    if (list.empty())
        std::cout << "No bots yet (create one with: bankbench-cli bot create " << path
                  << " --name NAME --run RUN)\n";
    for (const auto& b : list)
        std::cout << b["name"].get<std::string>() << "  v" << b["versions"] << "  run "
                  << (b.contains("runs") ? b["runs"][0].get<std::string>() : "-") << "  "
                  << b["knowledge_base_entries"] << " FAQ entries\n";
    return kExitOk;
}

int runShow(const std::string& path, const std::string& name, bool json) {
    auto project = openExistingProject(path, /*readOnly=*/true);
    if (!project)
        return reportError(project.error(), path, json);
    chat::BotStore store(**project);
    auto info = store.bot(name);
    if (!info)
        return reportError(info.error(), path, json);
    auto versions = store.versions(info->id);
    if (!versions)
        return reportError(versions.error(), path, json);
    auto list = nlohmann::json::array();
    for (const auto& v : *versions) {
        auto entry = versionJson(v);
        entry["responses"] = v.responses.toJson();
        list.push_back(entry);
    }
    if (json) {
        printJson({{"bot", name}, {"versions", list}});
        return kExitOk;
    }
    for (const auto& v : list)
        std::cout << name << " v" << v["version"] << "  run " << v["runs"][0].get<std::string>() << "  "
                  << v["intents_with_responses"] << " intents with responses  threshold "
                  << fixed(v["policy"]["threshold"].get<double>(), 3) << "  "
                  << v["created_at"].get<std::string>() << '\n';
    return kExitOk;
}

int runDelete(const std::string& path, const std::string& name, bool json) {
    auto project = openExistingProject(path, /*readOnly=*/false);
    if (!project)
        return reportError(project.error(), path, json);
    chat::BotStore store(**project);
    auto info = store.bot(name);
    if (!info)
        return reportError(info.error(), path, json);
    if (auto deleted = store.deleteBot(info->id); !deleted)
        return reportError(deleted.error(), path, json);
    if (json)
        printJson({{"deleted", name}});
    else
        std::cout << "Deleted bot \"" << name << "\" with its versions, knowledge base and chat log\n";
    return kExitOk;
}

int runSend(const SendArgs& args) {
    auto project = openExistingProject(args.project, /*readOnly=*/false);
    if (!project)
        return reportError(project.error(), args.project, args.json);
    chat::BotStore store(**project);
    auto info = store.bot(args.bot);
    if (!info)
        return reportError(info.error(), args.project, args.json);
    auto latest = store.version(info->id);
    if (!latest)
        return reportError(latest.error(), args.project, args.json);
    core::RunStore runs(**project);
    auto run = runs.run(latest->runs.front());
    chat::LabelingRequest request;
    request.datasetName = args.dataset;
    request.lowConfidenceBelow = args.below.value_or(latest->policy.labelingThreshold());
    if (run)
        request.labels = run->labels;
    auto report = chat::ChatLog(**project).sendToLabeling(info->id, request);
    if (!report)
        return reportError(report.error(), args.project, args.json);
    if (args.json) {
        printJson({{"dataset", report->datasetName},
                   {"dataset_created", report->datasetCreated},
                   {"sent", report->sent},
                   {"record_ids", report->recordIds}});
        return kExitOk;
    }
    std::cout << "Sent " << report->sent << " turn(s) to dataset \"" << report->datasetName << "\""
              << (report->datasetCreated ? " (created)" : "") << " for labeling\n";
    return kExitOk;
}

} // namespace

void addBotCommands(CLI::App& app, Action& action) {
    auto* bot = app.add_subcommand("bot", "Chatbots: create, update, list, show, delete, send-to-labeling");
    bot->require_subcommand(1);
    const auto devices = CLI::IsMember({"auto", "cpu", "cuda"});
    for (const bool create : {true, false}) {
        auto args = std::make_shared<BotArgs>();
        auto* cmd =
            bot->add_subcommand(create ? "create" : "update",
                                create ? "Create a bot from a trained intent run"
                                       : "Store a new version of a bot (changed run, responses, policy)");
        cmd->add_option("project", args->project, "Project file (*.bbproj)")->required();
        cmd->add_option("--name", args->name, "Bot name")->required();
        auto* runOption = cmd->add_option("--run", args->run, "Intent model run (a run or an ensemble run)");
        if (create)
            runOption->required();
        cmd->add_option("--slot-run", args->slotRun,
                        "Token-classification run (train --task tokens) adding slot spans to the rules' slots"
                        " (update: \"\" removes it)");
        cmd->add_option("--responses", args->responses, "Responses file (JSON or CSV, see README)");
        cmd->add_option("--kb", args->kb, "FAQ file to add to the knowledge base (CSV/TSV/JSONL)");
        cmd->add_option("--threshold", args->threshold, "Confidence threshold (overrides the tuned one)")
            ->check(CLI::Range(0.0, 1.0));
        cmd->add_option("--margin", args->margin, "Required lead of the top intent over the second")
            ->check(CLI::Range(0.0, 1.0));
        cmd->add_option("--low-confidence", args->lowConfidence, "clarify or handover when unsure")
            ->check(CLI::IsMember({"clarify", "handover"}));
        cmd->add_option("--max-accuracy-drop", args->maxDrop,
                        "Tuning: validation accuracy the threshold may cost")
            ->capture_default_str()
            ->check(CLI::Range(0.0, 1.0));
        cmd->add_flag("--no-tune", args->noTune, "Keep the default/previous policy (no validation tuning)");
        cmd->add_flag("--no-oos-gate", args->noOosGate,
                      "Tuning: confidence threshold only, no out-of-scope gate on sentence embeddings");
        cmd->add_option("--none-intent", args->noneIntent,
                        "The run's \"none of these\" label (messages the bot does not serve): never answered"
                        " as an intent (update: \"\" removes it)");
        if (!create)
            cmd->add_flag("--retune", args->retune, "Tune the policy again on the run's validation split");
        cmd->add_option("--note", args->note, "Note stored with the version");
        cmd->add_option("--device", args->device, "auto, cpu or cuda")->capture_default_str()->check(devices);
        cmd->add_flag("--json", args->json, "Machine-readable result on stdout");
        cmd->callback([&action, args, create] {
            action = [args, create] { return runCreateOrUpdate(*args, create); };
        });
    }
    {
        auto args = std::make_shared<BotArgs>();
        auto* cmd = bot->add_subcommand("list", "List the project's bots");
        cmd->add_option("project", args->project, "Project file (*.bbproj)")->required();
        cmd->add_flag("--json", args->json, "Machine-readable list on stdout");
        cmd->callback([&action, args] { action = [args] { return runList(args->project, args->json); }; });
    }
    for (const bool show : {true, false}) {
        auto args = std::make_shared<BotArgs>();
        auto* cmd = bot->add_subcommand(show ? "show" : "delete",
                                        show ? "Show a bot's versions"
                                             : "Delete a bot with its knowledge base and log");
        cmd->add_option("project", args->project, "Project file (*.bbproj)")->required();
        cmd->add_option("--name", args->name, "Bot name")->required();
        cmd->add_flag("--json", args->json, "Machine-readable result on stdout");
        cmd->callback([&action, args, show] {
            action = [args, show] {
                return show ? runShow(args->project, args->name, args->json)
                            : runDelete(args->project, args->name, args->json);
            };
        });
    }
    {
        auto args = std::make_shared<SendArgs>();
        auto* cmd = bot->add_subcommand("send-to-labeling",
                                        "Add low-confidence and thumbs-down turns to a dataset for labeling");
        cmd->add_option("project", args->project, "Project file (*.bbproj)")->required();
        cmd->add_option("--bot", args->bot, "Bot name")->required();
        cmd->add_option("--dataset", args->dataset, "Dataset to add the turns to (created on first use)")
            ->capture_default_str();
        cmd->add_option("--below", args->below, "Low-confidence cut (default: the bot's threshold, at least 0.5)")
            ->check(CLI::Range(0.0, 1.0));
        cmd->add_flag("--json", args->json, "Machine-readable result on stdout");
        cmd->callback([&action, args] { action = [args] { return runSend(*args); }; });
    }
}

} // namespace bankbench::cli
