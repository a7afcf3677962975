#pragma once
/// User-visible, translated sentences for core's typed errors.

#include "sim/Error.h"

#include <QString>

namespace memviz {

QString errorText(const Error& e);

} // namespace memviz
