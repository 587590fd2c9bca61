// Decisions survive the process being killed: every decision the child reported as saved is there.
#include "labeltestsupport.h"

#include <gtest/gtest.h>

#include <csignal>
#include <map>
#include <sys/wait.h>
#include <unistd.h>

using namespace bankbench::core;
using bankbench::test::LabelProject;

TEST(LabelKill, EveryReportedDecisionSurvivesSigkill) {
    std::vector<std::string> texts;
    for (int i = 0; i < 400; ++i)
        texts.push_back("第" + std::to_string(i) + "条 record " + std::to_string(i));
    LabelProject p(texts);
    LabelSetId set = 0;
    {
        LabelStore store(*p.project);
        set = p.addLabelSet(store, LabelSetKind::SingleLabel, {"a", "b", "c"});
    }
    const std::string path = p.project->path();
    p.project.reset(); // the child opens its own connection, as a fresh process would

    int pipeFds[2];
    ASSERT_EQ(pipe(pipeFds), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        close(pipeFds[0]);
        auto project = Project::open(path).value();
        LabelStore store(*project);
        const char* labels[] = {"a", "b", "c"};
        // Labels records over and over (changing its mind too), reporting each decision once stored.
        for (std::int64_t n = 0;; ++n) {
            const RecordId record =
                p.ids[static_cast<std::size_t>(n % static_cast<std::int64_t>(p.ids.size()))];
            auto id = store.recordDecision(record, set, "killed", DecisionStatus::Accepted, {labels[n % 3]});
            if (!id.ok())
                _exit(2);
            const std::int64_t message[2] = {*id, record};
            if (write(pipeFds[1], message, sizeof message) != static_cast<ssize_t>(sizeof message))
                _exit(3);
        }
    }
    close(pipeFds[1]);
    std::vector<std::pair<DecisionId, RecordId>> reported;
    std::int64_t message[2];
    while (reported.size() < 600 &&
           read(pipeFds[0], message, sizeof message) == static_cast<ssize_t>(sizeof message))
        reported.emplace_back(message[0], message[1]);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    // Whatever was already in the pipe when the kill landed was also saved before it was written.
    while (read(pipeFds[0], message, sizeof message) == static_cast<ssize_t>(sizeof message))
        reported.emplace_back(message[0], message[1]);
    close(pipeFds[0]);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the child exited on its own with status " << WEXITSTATUS(status);
    ASSERT_GE(reported.size(), 600u);

    auto project = Project::open(path).value();
    auto integrity = project->database().prepare("PRAGMA integrity_check");
    ASSERT_TRUE(integrity.step());
    EXPECT_EQ(integrity.columnText(0), "ok");
    LabelStore store(*project);
    std::map<RecordId, DecisionId> lastPerRecord;
    for (const auto& [id, record] : reported) {
        const auto d = store.decision(id);
        ASSERT_TRUE(d.ok()) << "decision " << id << " was reported saved but is gone";
        EXPECT_EQ(d->recordId, record);
        lastPerRecord[record] = id;
    }
    // The newest reported decision on each record is current unless an unreported later one exists.
    for (const auto& [record, id] : lastPerRecord) {
        const auto current = store.currentDecision(record, set, "killed").value();
        ASSERT_TRUE(current.has_value());
        EXPECT_GE(current->id, id);
    }
}
