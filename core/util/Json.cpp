#include "util/Json.h"

#include <charconv>
#include <cstdio>

namespace memviz {

void JsonObjectWriter::key(std::string_view k)
{
    if (!m_first) m_out.push_back(',');
    m_first = false;
    appendEscaped(m_out, k);
    m_out.push_back(':');
}

JsonObjectWriter& JsonObjectWriter::field(std::string_view k, std::uint64_t v)
{
    key(k);
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    m_out.append(buf, r.ptr);
    return *this;
}

JsonObjectWriter& JsonObjectWriter::field(std::string_view k, std::int64_t v)
{
    key(k);
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    m_out.append(buf, r.ptr);
    return *this;
}

JsonObjectWriter& JsonObjectWriter::field(std::string_view k, bool v)
{
    key(k);
    m_out.append(v ? "true" : "false");
    return *this;
}

JsonObjectWriter& JsonObjectWriter::field(std::string_view k, std::string_view v)
{
    key(k);
    appendEscaped(m_out, v);
    return *this;
}

void JsonObjectWriter::appendEscaped(std::string& out, std::string_view s)
{
    out.push_back('"');
    for (char c : s) {
        switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\t': out.append("\\t"); break;
        case '\r': out.append("\\r"); break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                out.append(buf);
            } else {
                out.push_back(c);
            }
        }
    }
    out.push_back('"');
}

} // namespace memviz
