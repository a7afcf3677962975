#pragma once
/// printf-style appending to a std::string, for the formatters that copy the kernel's
/// and procps's format strings verbatim.

#include <cstdio>
#include <string>

namespace memviz {

template <class... Args> void appendf(std::string& out, const char* fmt, Args... args)
{
    char buf[256];
    const int n = std::snprintf(buf, sizeof buf, fmt, args...);
    if (n < 0) return;
    if (n < static_cast<int>(sizeof buf)) {
        out.append(buf, static_cast<std::size_t>(n));
        return;
    }
    // Longer than the stack buffer: print in place.
    const std::size_t at = out.size();
    out.resize(at + static_cast<std::size_t>(n) + 1);
    std::snprintf(out.data() + at, static_cast<std::size_t>(n) + 1, fmt, args...);
    out.resize(at + static_cast<std::size_t>(n));
}

} // namespace memviz
