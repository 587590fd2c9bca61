#include "ml/safetensors.h"
#include "ml/tensorio.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cstring>

using namespace bankbench;
using bankbench::test::TempDir;

namespace {

// A file laid out by hand exactly as the format specifies, independent of our writer.
std::string handWrittenFile(const std::string& header, const std::string& data) {
    std::string file(8, '\0');
    const std::uint64_t size = header.size();
    std::memcpy(file.data(), &size, 8);
    return file + header + data;
}

std::string floats(std::initializer_list<float> values) {
    std::string out(values.size() * 4, '\0');
    std::memcpy(out.data(), values.begin(), out.size());
    return out;
}

} // namespace

TEST(Safetensors, ReadsAHandWrittenFileWithMetadata) {
    TempDir dir;
    const std::string header =
        R"({"__metadata__":{"format":"pt"},"b":{"dtype":"I64","shape":[2],"data_offsets":[16,32]},)"
        R"("a":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]}})";
    std::string data = floats({1.0F, -2.0F, 3.5F, 0.25F});
    const std::int64_t ints[] = {7, -9};
    data.append(reinterpret_cast<const char*>(ints), sizeof ints);
    test::writeFile(dir.file("x.safetensors"), handWrittenFile(header, data));

    auto reader = ml::SafetensorsReader::open(dir.file("x.safetensors"));
    ASSERT_TRUE(reader.ok()) << reader.error().what();
    EXPECT_EQ((*reader)->names(), (std::vector<std::string>{"a", "b"})); // by offset, not by key order
    EXPECT_EQ((*reader)->metadata().at("format"), "pt");
    const auto a = (*reader)->tensor("a").value();
    EXPECT_EQ(a.dtype, ml::DType::F32);
    EXPECT_EQ(a.shape, (std::vector<std::int64_t>{2, 2}));
    auto tensor = ml::toTensor(a);
    EXPECT_TRUE(torch::equal(tensor, torch::tensor({{1.0F, -2.0F}, {3.5F, 0.25F}})));
    EXPECT_TRUE(torch::equal(ml::toTensor((*reader)->tensor("b").value()), torch::tensor({7L, -9L})));
    EXPECT_EQ((*reader)->tensor("c").error().code, core::ErrorCode::NotFound);
}

TEST(Safetensors, RoundTripsEveryDtypeShapeAndMetadata) {
    TempDir dir;
    const ml::NamedTensors tensors = {
        {"f32", torch::randn({3, 4})},
        {"f16", torch::randn({5}).to(torch::kFloat16)},
        {"bf16", torch::randn({2, 3}).to(torch::kBFloat16)},
        {"i64", torch::arange(6, torch::kInt64).view({2, 3})},
        {"u8", torch::tensor({0, 255, 17}, torch::kUInt8)},
        {"scalar", torch::tensor(3.25)},
        {"empty", torch::zeros({0, 4})},
        {"strided", torch::arange(12, torch::kFloat32).view({3, 4}).t()}, // non-contiguous source
    };
    const auto path = dir.file("round.safetensors");
    ASSERT_TRUE(ml::saveTensors(path, tensors, {{"format", "pt"}, {"名字", "模型"}}).ok());
    auto loaded = ml::loadTensors(path);
    ASSERT_TRUE(loaded.ok()) << loaded.error().what();
    ASSERT_EQ(loaded->size(), tensors.size());
    for (const auto& [name, tensor] : tensors) {
        SCOPED_TRACE(name);
        const auto& back = loaded->at(name);
        EXPECT_EQ(back.scalar_type(), tensor.scalar_type());
        EXPECT_EQ(back.sizes(), tensor.sizes());
        EXPECT_TRUE(torch::equal(back, tensor));
    }
    auto reader = ml::SafetensorsReader::open(path).value();
    EXPECT_EQ(reader->metadata().at("名字"), "模型");
    // The data buffer starts 8-byte aligned, as the reference writer pads it.
    std::uint64_t headerSize = 0;
    std::memcpy(&headerSize, test::readFile(path).data(), 8);
    EXPECT_EQ((8 + headerSize) % 8, 0u);
}

TEST(Safetensors, RejectsDamagedFilesWithSpecificErrors) {
    TempDir dir;
    struct Case {
        const char* name;
        std::string bytes;
        const char* expected;
    };
    const std::string good = R"("a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]})";
    const std::vector<Case> cases = {
        {"short", "abc", "at least an 8-byte header"},
        {"huge_header", handWrittenFile(std::string(4, ' '), "").substr(0, 8) + "xx", "does not fit"},
        {"not_json", handWrittenFile("{nope", ""), "not a JSON object"},
        {"bad_dtype", handWrittenFile(R"({"a":{"dtype":"F8","shape":[1],"data_offsets":[0,1]}})", "x"),
         "unsupported dtype"},
        {"size_mismatch",
         handWrittenFile(R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", floats({1, 2})),
         "do not match shape"},
        {"outside", handWrittenFile("{" + good + "}", floats({1})), "outside"},
        {"trailing", handWrittenFile("{" + good + "}", floats({1, 2, 3})), "trailing bytes"},
        {"overlap",
         handWrittenFile(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                         R"("b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})",
                         floats({1, 2})),
         "overlapping or missing"},
        {"negative_shape", handWrittenFile(R"({"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,0]}})", ""),
         "negative"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto path = dir.file(std::string(c.name) + ".safetensors");
        test::writeFile(path, c.bytes);
        auto reader = ml::SafetensorsReader::open(path);
        ASSERT_FALSE(reader.ok());
        EXPECT_EQ(reader.error().code, core::ErrorCode::Parse);
        EXPECT_EQ(reader.error().where.file, path);
        EXPECT_NE(reader.error().message.find(c.expected), std::string::npos) << reader.error().message;
    }
    EXPECT_EQ(ml::SafetensorsReader::open(dir.file("missing.safetensors")).error().code,
              core::ErrorCode::NotFound);
}

TEST(Safetensors, WriterRefusesBadTensorsAndNeverLeavesAPartialFile) {
    TempDir dir;
    ml::SafetensorsWriter writer;
    const float data[2] = {1, 2};
    EXPECT_FALSE(writer.add("x", ml::DType::F32, {3}, data, sizeof data).ok()); // 3 elements need 12 bytes
    EXPECT_FALSE(writer.add("__metadata__", ml::DType::F32, {2}, data, sizeof data).ok());
    ASSERT_TRUE(writer.add("x", ml::DType::F32, {2}, data, sizeof data).ok());
    EXPECT_FALSE(writer.add("x", ml::DType::F32, {2}, data, sizeof data).ok());
    EXPECT_FALSE(writer.write(dir.file("no/such/folder/x.safetensors")).ok());
    ASSERT_TRUE(writer.write(dir.file("x.safetensors")).ok());
    int files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path()))
        ++files;
    EXPECT_EQ(files, 1); // no temporary left behind
}

TEST(Safetensors, CopyIntoNamesTheMissingOrMisshapedTensor) {
    std::map<std::string, torch::Tensor> source = {{"w", torch::ones({2, 2})}};
    auto target = torch::zeros({2, 2});
    ASSERT_TRUE(ml::copyInto(source, {{"w", target}}, "f.safetensors").ok());
    EXPECT_TRUE(torch::equal(target, torch::ones({2, 2})));
    auto wrong = torch::zeros({3});
    const auto shape = ml::copyInto(source, {{"w", wrong}}, "f.safetensors");
    ASSERT_FALSE(shape.ok());
    EXPECT_NE(shape.error().message.find("expected [3]"), std::string::npos);
    const auto missing = ml::copyInto(source, {{"v", wrong}}, "f.safetensors");
    EXPECT_NE(missing.error().message.find("\"v\""), std::string::npos);
}
