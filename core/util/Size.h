#pragma once
/// Byte sizes as people write them ("512M", "8G", "4096", "2 GiB") and back.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace memviz {

inline constexpr std::uint64_t KiB = 1024;
inline constexpr std::uint64_t MiB = 1024 * KiB;
inline constexpr std::uint64_t GiB = 1024 * MiB;
inline constexpr std::uint64_t TiB = 1024 * GiB;

/// Parses a size: a plain number of bytes, or a number with a binary suffix
/// (K, M, G, T, optionally followed by "i", "B" or "iB", any case). Returns
/// nothing for anything else, including negative numbers and overflow.
std::optional<std::uint64_t> parseSize(std::string_view text);

/// "8 GiB", "512 MiB", "1.5 GiB", "4096 B": the shortest exact-ish human form.
std::string formatSize(std::uint64_t bytes);

} // namespace memviz
