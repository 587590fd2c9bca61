#include "chat/retrievalquery.h"

#include "chat/banksynonyms.h"
#include "text/utf8.h"

#include <algorithm>
#include <unordered_set>

namespace bankbench::core::chat {
namespace {

struct Token {
    std::string text;
    bool cjk = false;
};

bool isSeparator(char32_t c) {
    if (c < 0x80)
        return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    return (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
           c == 0xFFFD;
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    std::string word;
    auto flush = [&] {
        if (!word.empty())
            tokens.push_back({word, false});
        word.clear();
    };
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t c = utf8::toHalfWidth(utf8::next(text, pos));
        if (utf8::isCjk(c)) {
            flush();
            Token t{{}, true};
            utf8::append(t.text, c);
            tokens.push_back(std::move(t));
        } else if (isSeparator(c)) {
            flush();
        } else {
            if (c >= 'A' && c <= 'Z')
                c = c - 'A' + 'a';
            utf8::append(word, c);
        }
    }
    flush();
    return tokens;
}

const std::unordered_set<std::string>& stopWords() {
    static const std::unordered_set<std::string> words = {
        "a",       "an",      "the",       "i",       "me",        "my",     "mine",     "myself", "we",
        "our",     "ours",    "you",       "your",    "yours",     "he",     "she",      "it",     "its",
        "they",    "them",    "their",     "is",      "am",        "are",    "was",      "were",   "be",
        "been",    "being",   "do",        "does",    "did",       "doing",  "done",     "have",   "has",
        "had",     "having",  "can",       "could",   "will",      "would",  "shall",    "should", "may",
        "might",   "must",    "to",        "of",      "in",        "on",     "at",       "for",    "from",
        "by",      "with",    "about",     "as",      "into",      "than",   "then",     "so",     "if",
        "or",      "and",     "but",       "this",    "that",      "these",  "those",    "there",  "here",
        "what",    "which",   "who",       "whom",    "whose",     "how",    "when",     "where",  "why",
        "please",  "want",    "wanted",    "wants",   "need",      "needs",  "like",     "know",   "tell",
        "get",     "got",     "getting",   "any",     "some",      "also",   "just",     "much",   "many",
        "very",    "too",     "up",        "out",     "again",     "such",   "only",     "own",    "same",
        "each",    "all",     "both",      "s",       "t",         "don",    "doesn",    "isn",    "let",
        "us",      "someone", "something", "way",     "possible",  "able",   "help",     "hi",     "hello",
        "hey",     "thanks",  "thank",     "kindly",  "dear",      "sir",    "madam",    "etc",    "via",
        "through", "under",   "over",      "one",     "ll",        "ve",     "re",       "d",      "m",
        "whether", "anyone",  "anything",  "now",     "still",     "yet",    "go",       "going",  "make",
        "made",    "use",     "used",      "using",   "else",      "ever",   "even",     "well",   "okay",
        "ok",      "really",  "actually",  "exactly", "currently", "should", "supposed", "other",  "another",
        "them",    "him",     "her",       "his",     "hers",      "theirs"};
    return words;
}

const std::unordered_set<std::string>& stopChars() {
    static const std::unordered_set<std::string> chars = {
        "的", "了", "吗", "呢", "吧", "啊", "呀", "哦", "嗯", "么", "我", "你", "您",
        "请", "问", "是", "个", "这", "那", "怎", "什", "哪", "吖", "哈", "喔", "嘛"};
    return chars;
}

bool isStop(const Token& t) {
    return t.cjk ? stopChars().count(t.text) > 0 : stopWords().count(t.text) > 0;
}

bool isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool allAscii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// The stem a word is searched and compared by: light stemming, then truncation.
std::string stemmed(const std::string& word, const QueryOptions& options) {
    if (!options.stem || !allAscii(word))
        return word;
    std::string s = lightStem(word);
    if (options.prefixLength > 0 && s.size() > static_cast<std::size_t>(options.prefixLength))
        s.resize(static_cast<std::size_t>(options.prefixLength));
    return s;
}

// The FTS5 expression for one word: stems of 4+ letters become prefixes so that every inflection matches.
std::string wordMatch(const std::string& word, const QueryOptions& options) {
    if (!options.stem || !allAscii(word))
        return "\"" + word + "\"";
    const std::string s = stemmed(word, options);
    return s.size() >= 4 ? "\"" + s + "\"*" : "\"" + word + "\"";
}

// A synonym group member as an FTS5 expression: words, phrases ("cash machine") or Chinese words.
std::string memberMatch(const std::string& member, const QueryOptions& options) {
    const auto tokens = tokenize(member);
    if (tokens.size() == 1 && !tokens[0].cjk)
        return wordMatch(tokens[0].text, options);
    std::string phrase;
    for (const auto& t : tokens)
        phrase += (phrase.empty() ? "" : " ") + t.text;
    return "\"" + phrase + "\"";
}

} // namespace

std::string lightStem(std::string_view input) {
    std::string w(input);
    if (w.size() < 5 || !allAscii(w))
        return w;
    auto endsWith = [&](std::string_view suffix) {
        return w.size() > suffix.size() + 2 &&
               w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    auto undouble = [&] {
        const std::size_t n = w.size();
        if (n >= 4 && w[n - 1] == w[n - 2] && !isVowel(w[n - 1]) && w[n - 1] != 'l' && w[n - 1] != 's' &&
            w[n - 1] != 'z')
            w.pop_back();
    };
    if (endsWith("ies") || endsWith("ied")) {
        w.resize(w.size() - 3);
    } else if (endsWith("sses")) {
        w.resize(w.size() - 2);
    } else if (endsWith("ing") && w.size() >= 6) {
        w.resize(w.size() - 3);
        undouble();
    } else if (endsWith("ed")) {
        w.resize(w.size() - 2);
        undouble();
    } else if (endsWith("s") && !endsWith("ss") && !endsWith("us") && !endsWith("is")) {
        w.pop_back();
    }
    if (w.size() >= 5 && (w.back() == 'e' || w.back() == 'y'))
        w.pop_back();
    return w;
}

RetrievalQuery buildRetrievalQuery(std::string_view text, const QueryOptions& options) {
    const auto tokens = tokenize(text);
    RetrievalQuery query;
    std::unordered_set<std::string> seenKeys;
    auto addTerm = [&](QueryTerm term) {
        if (seenKeys.insert(term.key).second)
            query.terms.push_back(std::move(term));
    };
    const auto& groups = bankSynonymGroups();
    auto expand = [&](QueryTerm& term, const std::string& written) {
        if (!options.synonyms)
            return;
        const std::string form = stemmed(written, options);
        for (const auto& group : groups) {
            const bool member = std::any_of(group.begin(), group.end(), [&](const std::string& m) {
                return m == written || (tokenize(m).size() == 1 && stemmed(m, options) == form);
            });
            if (!member)
                continue;
            for (const auto& m : group) {
                term.matches.push_back(memberMatch(m, options));
                if (tokenize(m).size() == 1)
                    term.forms.push_back(stemmed(m, options));
            }
        }
    };

    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (isStop(t))
            continue;
        QueryTerm term;
        term.key = t.cjk ? t.text : stemmed(t.text, options);
        term.matches.push_back(t.cjk ? "\"" + t.text + "\"" : wordMatch(t.text, options));
        term.forms.push_back(term.key);
        if (!t.cjk)
            expand(term, t.text);
        addTerm(std::move(term));
    }
    // Pairs: CJK character bigrams, and English word pairs that are synonym phrases ("cash machine").
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        const Token& a = tokens[i];
        const Token& b = tokens[i + 1];
        if (a.cjk && b.cjk && options.cjkBigrams && !isStop(a) && !isStop(b)) {
            QueryTerm term;
            term.key = a.text + " " + b.text;
            term.matches.push_back("\"" + term.key + "\"");
            term.bigram = true;
            addTerm(std::move(term));
        } else if (!a.cjk && !b.cjk && options.synonyms) {
            QueryTerm term;
            term.key = a.text + " " + b.text;
            expand(term, term.key);
            if (!term.matches.empty()) {
                term.bigram = true;
                addTerm(std::move(term));
            }
        }
    }
    // Chinese synonym words found in the text ("信用卡" also searches "贷记卡").
    if (options.synonyms) {
        for (const auto& group : groups) {
            for (const auto& m : group) {
                if (allAscii(m) || text.find(m) == std::string_view::npos)
                    continue;
                QueryTerm term;
                term.key = m;
                term.bigram = true;
                for (const auto& other : group)
                    if (other != m)
                        term.matches.push_back(memberMatch(other, options));
                addTerm(std::move(term));
                break;
            }
        }
    }
    std::unordered_set<std::string> seenMatches;
    for (const auto& term : query.terms) {
        for (const auto& m : term.matches) {
            if (!seenMatches.insert(m).second)
                continue;
            query.match += (query.match.empty() ? "" : " OR ") + m;
        }
    }
    return query;
}

std::vector<std::string> contentTerms(std::string_view text, const QueryOptions& options) {
    std::vector<std::string> terms;
    for (const auto& t : tokenize(text))
        if (!isStop(t))
            terms.push_back(t.cjk ? t.text : stemmed(t.text, options));
    return terms;
}

QuestionType questionType(std::string_view text) {
    const auto tokens = tokenize(text);
    std::string cjk;
    for (const auto& t : tokens)
        if (t.cjk)
            cjk += t.text;
    if (!cjk.empty()) {
        auto has = [&](const char* w) { return cjk.find(w) != std::string::npos; };
        if (has("为什么") || has("为何"))
            return QuestionType::Why;
        if (has("什么时候") || has("何时") || has("多久") || has("几天"))
            return QuestionType::When;
        if (has("多少") || has("几个"))
            return QuestionType::HowMuch;
        if (has("哪里") || has("在哪") || has("哪儿"))
            return QuestionType::Where;
        if (has("谁"))
            return QuestionType::Who;
        if (has("怎么") || has("如何") || has("怎样"))
            return QuestionType::How;
        if (has("能否") || has("是否") || has("可以") || has("能不能") || has("吗"))
            return QuestionType::YesNo;
        if (has("什么") || has("哪些") || has("哪个"))
            return QuestionType::What;
    }
    // English: the first question word among the first few words decides.
    const std::size_t limit = std::min<std::size_t>(tokens.size(), 4);
    for (std::size_t i = 0; i < limit; ++i) {
        const std::string& w = tokens[i].text;
        const std::string next = i + 1 < tokens.size() ? tokens[i + 1].text : "";
        if (w == "who" || w == "whom" || w == "whose")
            return QuestionType::Who;
        if (w == "why")
            return QuestionType::Why;
        if (w == "when" || (w == "how" && (next == "long" || next == "soon")) ||
            (w == "since" && next == "when"))
            return QuestionType::When;
        if (w == "where")
            return QuestionType::Where;
        if (w == "how" && (next == "much" || next == "many"))
            return QuestionType::HowMuch;
        if (w == "how")
            return QuestionType::How;
        if (w == "what" || w == "which")
            return QuestionType::What;
        if (i == 0 && (w == "can" || w == "could" || w == "is" || w == "are" || w == "do" || w == "does" ||
                       w == "will" || w == "would" || w == "should" || w == "shall" || w == "may" ||
                       w == "am" || w == "must" || w == "did"))
            return QuestionType::YesNo;
    }
    return QuestionType::Other;
}

double termCoverage(const RetrievalQuery& query, const std::vector<std::string>& documentTerms) {
    int total = 0, found = 0;
    for (const auto& term : query.terms) {
        if (term.bigram)
            continue;
        ++total;
        const bool hit = std::any_of(term.forms.begin(), term.forms.end(), [&](const std::string& form) {
            return std::any_of(documentTerms.begin(), documentTerms.end(), [&](const std::string& d) {
                return d == form || (form.size() >= 4 && d.compare(0, form.size(), form) == 0);
            });
        });
        found += hit ? 1 : 0;
    }
    return total == 0 ? 0.0 : static_cast<double>(found) / total;
}

} // namespace bankbench::core::chat
