#include "sim/History.h"

#include "sim/Machine.h"
#include "stats/MemInfo.h"

namespace memviz {

void SampleLog::push(const Sample& s)
{
    const std::size_t c = m_size / kChunk;
    if (c == m_chunks.size())
        m_chunks.push_back(std::make_shared<std::array<Sample, kChunk>>());
    else if (m_chunks[c].use_count() != 1)
        m_chunks[c] = std::make_shared<std::array<Sample, kChunk>>(*m_chunks[c]);
    (*m_chunks[c])[m_size % kChunk] = s;
    ++m_size;
}

Sample takeSample(const Machine& m)
{
    const MemInfo i = computeMemInfo(m);
    Sample s;
    s.timeNs = m.timeNs;
    s.memTotal = i.memTotal;
    s.memFree = i.memFree;
    s.memAvailable = i.memAvailable;
    s.buffers = i.buffers;
    s.cached = i.cached;
    s.swapCached = i.swapCached;
    s.activeAnon = i.activeAnon;
    s.inactiveAnon = i.inactiveAnon;
    s.activeFile = i.activeFile;
    s.inactiveFile = i.inactiveFile;
    s.active = i.activeAnon + i.activeFile;
    s.inactive = i.inactiveAnon + i.inactiveFile;
    s.swapTotal = i.swapTotal;
    s.swapFree = i.swapFree;
    s.dirty = i.dirty;
    s.shmem = i.shmem;
    s.committedAs = i.committedAs;
    s.commitLimit = i.commitLimit;
    s.anonPages = i.anonPages;
    s.mapped = i.mapped;
    s.slab = i.slab();
    s.sReclaimable = i.sReclaimable;
    s.kernelStack = i.kernelStack;
    s.pageTables = i.pageTables;
    s.vmallocUsed = i.vmallocUsed;
    s.anonHugePages = i.anonHugePages;
    s.pgpgin = m.rc.pgpgin;
    s.pgpgout = m.rc.pgpgout;
    s.pgfault = m.vmc.pgfault;
    s.pgmajfault = m.vmc.pgmajfault;
    s.pgfree = m.vm.pgfree;
    s.pgscanKswapd = m.rc.pgscanKswapd;
    s.pgscanDirect = m.rc.pgscanDirect;
    s.pgstealKswapd = m.rc.pgstealKswapd;
    s.pgstealDirect = m.rc.pgstealDirect;
    s.pswpin = m.rc.pswpin;
    s.pswpout = m.rc.pswpout;
    s.oomKill = m.rc.oomKill;
    return s;
}

} // namespace memviz
