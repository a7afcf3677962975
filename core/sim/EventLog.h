#pragma once
/// The recorded events of a run: an append-only sequence stored in chunks of 65536
/// events. Appending never moves earlier events (no reallocation copies of a large
/// log), and copies of a log share its chunks until one of them appends to a shared
/// last chunk (copy-on-write), so copying a Simulator for a script's staging run is cheap.

#include "sim/Event.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace memviz {

class EventLog {
public:
    static constexpr int kShift = 16;
    static constexpr std::uint64_t kChunk = 1ull << kShift;

    std::uint64_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const Event& operator[](std::uint64_t i) const { return (*m_chunks[i >> kShift])[i & (kChunk - 1)]; }
    const Event& back() const { return (*this)[m_size - 1]; }

    void push_back(const Event& e)
    {
        if ((m_size & (kChunk - 1)) == 0) {
            auto c = std::make_shared<std::vector<Event>>();
            c->reserve(kChunk);
            m_chunks.push_back(std::move(c));
        } else if (m_chunks.back().use_count() != 1) [[unlikely]] {
            cloneLast();
        }
        m_chunks.back()->push_back(e);
        ++m_size;
    }

    /// Keeps the first n events (n <= size()).
    void truncate(std::uint64_t n)
    {
        if (n >= m_size) return;
        m_chunks.resize(static_cast<std::size_t>((n + kChunk - 1) >> kShift));
        if (n & (kChunk - 1)) {
            if (m_chunks.back().use_count() != 1) cloneLast();
            m_chunks.back()->resize(static_cast<std::size_t>(n & (kChunk - 1)));
        }
        m_size = n;
    }

    class const_iterator {
    public:
        const_iterator(const EventLog* log, std::uint64_t i) : m_log(log), m_i(i) {}
        const Event& operator*() const { return (*m_log)[m_i]; }
        const Event* operator->() const { return &(*m_log)[m_i]; }
        const_iterator& operator++()
        {
            ++m_i;
            return *this;
        }
        bool operator==(const const_iterator& o) const { return m_i == o.m_i; }
        bool operator!=(const const_iterator& o) const { return m_i != o.m_i; }

    private:
        const EventLog* m_log;
        std::uint64_t m_i;
    };
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, m_size}; }

private:
    void cloneLast()
    {
        auto c = std::make_shared<std::vector<Event>>(*m_chunks.back());
        c->reserve(kChunk);
        m_chunks.back() = std::move(c);
    }
    std::vector<std::shared_ptr<std::vector<Event>>> m_chunks;
    std::uint64_t m_size = 0;
};

} // namespace memviz
