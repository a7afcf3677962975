#pragma once
/// The single place where a Machine changes: applying one event.

#include "sim/Event.h"
#include "sim/Machine.h"

namespace memviz {

void applyEvent(Machine& m, const Event& e);

} // namespace memviz
