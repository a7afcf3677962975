#include "phys/Zone.h"

namespace memviz {

std::string_view zoneTypeName(ZoneType t)
{
    switch (t) {
    case ZoneType::DMA: return "DMA";
    case ZoneType::DMA32: return "DMA32";
    case ZoneType::Normal: return "Normal";
    case ZoneType::HighMem: return "HighMem";
    case ZoneType::Movable: return "Movable";
    case ZoneType::Device: return "Device";
    case ZoneType::Count: break;
    }
    return "?";
}

bool zoneTypeFromName(std::string_view name, ZoneType* out)
{
    for (int t = 0; t < static_cast<int>(ZoneType::Count); ++t) {
        const auto zt = static_cast<ZoneType>(t);
        std::string_view n = zoneTypeName(zt);
        if (n.size() != name.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < n.size(); ++k) {
            char a = n[k], b = name[k];
            if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
            if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
            if (a != b) same = false;
        }
        if (same) {
            *out = zt;
            return true;
        }
    }
    return false;
}

std::string_view wmarkName(Wmark w)
{
    switch (w) {
    case Wmark::Min: return "min";
    case Wmark::Low: return "low";
    case Wmark::High: return "high";
    case Wmark::Promo: return "promo";
    }
    return "?";
}

} // namespace memviz
