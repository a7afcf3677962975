#include "ViewContext.h"

#include "sim/Simulator.h"

namespace memviz {

ViewContext::ViewContext(QObject* parent) : QObject(parent) {}

const Event* ViewContext::currentEvent() const
{
    if (!m_sim || m_cursor == 0 || m_cursor > m_sim->eventCount()) return nullptr;
    return &m_sim->events()[m_cursor - 1];
}

void ViewContext::setSimulator(const Simulator* sim)
{
    m_sim = sim;
}

void ViewContext::setState(Machine previous, Machine current, std::uint64_t cursor)
{
    const bool step = cursor == m_cursor + 1 && m_sim;
    m_previous = std::move(previous);
    m_machine = std::move(current);
    m_cursor = cursor;
    m_progress = step ? 0.0 : 1.0;
    emit stateChanged(step);
}

void ViewContext::setProgress(double p)
{
    m_progress = p;
    emit progressChanged(p);
}

void ViewContext::setSelectedFrame(std::optional<Pfn> pfn)
{
    if (m_selected == pfn) return;
    m_selected = pfn;
    emit selectionChanged();
}

} // namespace memviz
