#pragma once
/// A tiny, allocation-light JSON object writer for the event log and command log.
/// Core must not use Qt, and the output must be byte-stable (tests compare it).

#include <cstdint>
#include <string>
#include <string_view>

namespace memviz {

class JsonObjectWriter {
public:
    explicit JsonObjectWriter(std::string& out) : m_out(out) { m_out.push_back('{'); }
    JsonObjectWriter& field(std::string_view key, std::uint64_t v);
    JsonObjectWriter& field(std::string_view key, std::int64_t v);
    JsonObjectWriter& field(std::string_view key, int v) { return field(key, static_cast<std::int64_t>(v)); }
    JsonObjectWriter& field(std::string_view key, unsigned v) { return field(key, static_cast<std::uint64_t>(v)); }
    JsonObjectWriter& field(std::string_view key, bool v);
    JsonObjectWriter& field(std::string_view key, std::string_view v);
    JsonObjectWriter& field(std::string_view key, const char* v) { return field(key, std::string_view(v)); }
    void close() { m_out.push_back('}'); }

    static void appendEscaped(std::string& out, std::string_view s);

private:
    void key(std::string_view k);
    std::string& m_out;
    bool m_first = true;
};

} // namespace memviz
