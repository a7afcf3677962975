#pragma once
/// An ordered map whose copies share one tree until one of them changes it
/// (copy-on-write). Machine snapshots copy every file's page-cache index; sharing
/// keeps a checkpoint a few pointer copies however large the page cache is.

#include <map>
#include <memory>

namespace memviz {

template <class K, class V>
class CowMap {
public:
    using Map = std::map<K, V>;
    using const_iterator = typename Map::const_iterator;

    const_iterator begin() const { return get().begin(); }
    const_iterator end() const { return get().end(); }
    const_iterator find(const K& k) const { return get().find(k); }
    std::size_t count(const K& k) const { return get().count(k); }
    std::size_t size() const { return m_map ? m_map->size() : 0; }
    bool empty() const { return size() == 0; }

    void set(const K& k, const V& v) { mut()[k] = v; }
    void erase(const K& k)
    {
        if (m_map && m_map->count(k)) mut().erase(k);
    }

private:
    const Map& get() const
    {
        static const Map empty;
        return m_map ? *m_map : empty;
    }
    Map& mut()
    {
        if (!m_map) m_map = std::make_shared<Map>();
        else if (m_map.use_count() != 1) m_map = std::make_shared<Map>(*m_map);
        return *m_map;
    }
    std::shared_ptr<Map> m_map;
};

} // namespace memviz
