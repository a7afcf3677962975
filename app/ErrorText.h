#pragma once
/// User-visible, translated sentences for core's typed errors.

#include "sim/Error.h"
#include "sim/MachineConfig.h"

#include <QString>

namespace memviz {

QString errorText(const Error& e);
/// The same for a machine config that was refused, quoting its values (e.g. both entries
/// of an asymmetric distance matrix).
QString errorText(const Error& e, const MachineConfig& config);

} // namespace memviz
