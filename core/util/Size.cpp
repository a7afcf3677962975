#include "util/Size.h"

#include <cctype>
#include <cstdio>

namespace memviz {

std::optional<std::uint64_t> parseSize(std::string_view text)
{
    std::size_t i = 0;
    auto skipSpace = [&] {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    };
    skipSpace();
    if (i == text.size() || !std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    // Integer part and an optional fraction (so "1.5G" works); exact in 1/1024ths.
    std::uint64_t whole = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
        const std::uint64_t d = static_cast<std::uint64_t>(text[i] - '0');
        if (whole > (UINT64_MAX - d) / 10) return std::nullopt;
        whole = whole * 10 + d;
        ++i;
    }
    std::uint64_t fracNum = 0, fracDen = 1;
    if (i < text.size() && text[i] == '.') {
        ++i;
        if (i == text.size() || !std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
            if (fracDen < 1000000000ULL) {
                fracNum = fracNum * 10 + static_cast<std::uint64_t>(text[i] - '0');
                fracDen *= 10;
            }
            ++i;
        }
    }
    skipSpace();
    std::uint64_t mult = 1;
    if (i < text.size()) {
        switch (std::toupper(static_cast<unsigned char>(text[i]))) {
        case 'B': mult = 1; break;
        case 'K': mult = KiB; break;
        case 'M': mult = MiB; break;
        case 'G': mult = GiB; break;
        case 'T': mult = TiB; break;
        default: return std::nullopt;
        }
        ++i;
        if (mult != 1) {
            if (i < text.size() && (text[i] == 'i' || text[i] == 'I')) ++i;
            if (i < text.size() && (text[i] == 'b' || text[i] == 'B')) ++i;
        }
        skipSpace();
    }
    if (i != text.size()) return std::nullopt;
    if (whole != 0 && mult > UINT64_MAX / whole) return std::nullopt;
    std::uint64_t bytes = whole * mult;
    if (fracNum != 0) {
        if (mult == 1) return std::nullopt; // a fraction of a byte is not a size
        const auto extra = static_cast<std::uint64_t>(static_cast<unsigned __int128>(fracNum) * mult / fracDen);
        if (bytes > UINT64_MAX - extra) return std::nullopt;
        bytes += extra;
    }
    return bytes;
}

std::string formatSize(std::uint64_t bytes)
{
    static const char* const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    std::uint64_t scale = 1;
    while (u < 4 && bytes >= scale * 1024) {
        scale *= 1024;
        ++u;
    }
    char buf[48];
    if (bytes % scale == 0)
        std::snprintf(buf, sizeof buf, "%llu %s", static_cast<unsigned long long>(bytes / scale), units[u]);
    else
        std::snprintf(buf, sizeof buf, "%.1f %s", static_cast<double>(bytes) / static_cast<double>(scale), units[u]);
    return buf;
}

} // namespace memviz
