#pragma once
/// Sessions saved and opened as `.memviz` files: the machine, the command log, the
/// player's position, the window layout and the script, as versioned JSON.
///
// clang-format off
/*
## Session files (`.memviz`)

File ▸ Save session… writes everything needed to come back to exactly the same run:
the machine, every command, the player's position, the window layout, the script and
its chapters. Opening the file boots the same machine, replays the commands and checks
that the rebuilt run has exactly the recorded events; if anything is wrong the file is
refused with a message naming the file and the place in it (a JSON path such as
`commands[17].len`), and the open session stays as it was.

A session is one JSON object in UTF-8, written atomically (a temporary file renamed
over the old one, so a crash never leaves half a file). Keys are written in the order
below, so saving the same session twice gives identical bytes. 64-bit quantities
(sizes, addresses, counts, seeds) are **decimal strings** such as `"8589934592"`,
because JSON numbers are doubles and lose bits above 2^53; small numbers (at most 32
bits) are JSON numbers. Every key listed is required unless it says otherwise.

| key | type | meaning |
|---|---|---|
| `format` | `"memviz-session"` | identifies the file |
| `version` | number | format version, `1` (see *Versions* below) |
| `memviz` | string | the memviz that wrote it, e.g. `"0.1.0"` (information only) |
| `config` | object | the machine the run boots (below) |
| `commands` | array | the command log, oldest first (below) |
| `strings` | array | the simulator's string table (process names, file paths, cache names) in id order, starting with `""`: the rebuilt run gives every name the id it had, also when the original run used names in futures it later discarded. The first entries are those a fresh boot of `config` makes |
| `events` | object | `count`: events of the run (decimal string); `fnv1a64`: a checksum of them (decimal string): FNV-1a 64 over each event's fields as little-endian bytes, in order type (2 bytes), zone, order (1 byte each), cmd, flags, pid (4 each), time, pfn, a, b, c (8 each) (core/sim/Event.h) |
| `player` | object | `cursor`: events shown (decimal string, 0 = boot, `count` = the end); `chapters`: the script's `shot()`s as `[{ "name": text, "cursor": decimal string }]` in order (chapters past the end of the run are not written) |
| `window` | object | `state` and `geometry`: `QMainWindow::saveState()` / `saveGeometry()` in base64 (may be empty); `centreView`: the id of the centre tab shown (`"buddy"`, `"walk"`, `"cow"`, ...; empty for none); `visibleDocks`: ids of the docks shown (`"physical"`, `"events"`, `"console"`, ...). Ids are lower-case letters, digits and `-`; ids this memviz does not know are ignored |
| `script` | object | `name`: the script's file name (empty for none); `source`: the editor's text |
| `ui` | object | `language`: `""` (the system's), `"en"` or `"zh_CN"`; `theme`: `"light"` or `"dark"` |

`config` (core/sim/MachineConfig.h): `preset` (text, the preset the machine came from,
or `"custom"`), `arch` (object, below), `ramBytes`, `swapBytes` (decimal strings),
`swapName` (text, the boot swap device), `bootEpoch` (decimal string, seconds since 1970
at boot), `seed` (decimal string), `bootReservedBytes` (decimal string), `hostname`
(text), `cpus` (1–256), `sysctl` (object: `minFreeKbytes` decimal string, 0 = computed
at boot, else 1–67108864; `watermarkScaleFactor` 1–3000; `lowmemReserveRatio` six
numbers by zone type DMA, DMA32, Normal, HighMem, Movable, Device; `thp` `"always"`,
`"madvise"` or `"never"`; `overcommitMemory` 0–2; `overcommitRatio` 0–1000000;
`overcommitKbytes` decimal string up to 2^50; `swappiness` 0–200; `panicOnOom` 0–2;
`oomKillAllocatingTask` 0–1), `tlb` (object: `sets`, `ways`, `hugeSets`, `hugeWays`
powers of two, `policy` `"LRU"`, `"FIFO"` or `"random"`, `pcid` true/false), `numaNodes`
(array of `{ "ramBytes": decimal string, "hasCpus": true/false }`, empty for one node),
`distance` (the SLIT as an array of rows of numbers, empty for the default 10/20), `slab`
(`"slab"` or `"slub"`). The whole config must pass the same checks as a new machine.

`config.arch` (core/arch/ArchSpec.h): `kind` (`"x86-64"`, `"x86-64-la57"`, `"x86-32"`,
`"x86-pae"`), `name`, `pageShift`, `levels` (array of `{ "name": text, "bits": number }`,
top level first), `entry` (object: `bytes`, `validBit`, `pfnShift`, `pfnBits`, `writeBit`,
`userBit`, `accessedBit`, `dirtyBit`, `hugeBit`, `globalBit`, `nxBit`, -1 where the format
has none), `physAddrBits`, `is32bit`, `maxRamBytes`, `lowmemLimitBytes`,
`kernelLoadBytes`, `kernelImageBytes` (decimal strings), `custom` (true for a textbook
spec). The architecture is written out in full for readers, but it must be exactly the
preset named by `name`, or for `custom` exactly the textbook spec its page size, levels,
entry layout and `maxRamBytes` (the size of physical memory) describe.

Each command (core/sim/Command.h) is an object with every field: `op` (`"alloc_pages"`,
`"free_pages"`, `"spawn"`, `"fork"`, `"exit"`, `"mmap"`, `"munmap"`, `"mprotect"`, `"brk"`,
`"access"`, `"malloc"`, `"free"`, `"file_create"`, `"phys_write"`,
`"set_page_table_base"`, `"translate"`, `"switch"`, `"sysctl"`, `"sleep"`, `"swapon"`,
`"oom_score_adj"`, `"drop_caches"`, `"madvise"`, `"kmem_cache_create"`,
`"kmem_cache_alloc"`, `"kmem_cache_free"`, `"kmem_cache_shrink"`, `"kmalloc"`, `"kfree"`,
`"vmalloc"`, `"vfree"`, `"kmap"`, `"kunmap"`), `pid` (number), `order` (number), `zone`
(`"DMA"`, `"DMA32"`, `"Normal"`, `"HighMem"`, `"Movable"`, `"Device"`), `node` (-1 for
none, else 0–7), `pfn`, `addr`, `len`, `step`, `offset` (decimal strings), `prot` (0–255),
`mapFlags` (number), `write` (true/false), `text` (text), `data` (the bytes, base64) and
`events` (decimal string: how many events the command made, checked on replay). What
each field means for each `op` is documented in core/sim/Command.h. Only commands the
simulator accepted are in the log (a refused command changes nothing and is not
recorded), so on replay every command must be accepted again.

Limits: a session file is at most 1 GiB; a command's `text`, an entry of `strings` at most
2^20 characters; a chapter's `name` and `script.name` at most 2^16; `script.source`, a
command's `data` (as base64) and the window's base64 at most 2^28. Saving checks the file
by reading it back before it writes anything, so a run beyond a limit (a process named
with a million characters) is refused when saved, with the place, never at the next open.

Versions: `version` is 1. A reader ignores keys it does not know, so a later memviz may
add keys without changing the version; a change that a version-1 reader would misread
(a key renamed, removed or given another meaning) raises the version. memviz refuses
files of a newer version ("made by a newer memviz (format version 2); this memviz reads
version 1") and keeps reading every older version.
*/
// clang-format on

#include "ScriptEngine.h"
#include "sim/Simulator.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace memviz {

/// The format version this memviz writes and the newest it reads.
inline constexpr int kSessionFormatVersion = 1;

/// Everything a session file holds, as values.
struct SessionData {
    MachineConfig config;
    std::vector<Command> commands;
    std::vector<std::uint64_t> commandEvents; ///< events made by each command (same size as commands)
    std::uint64_t eventCount = 0;
    std::uint64_t eventChecksum = 0; ///< sessionEventChecksum() of the run
    std::vector<std::string> strings; ///< the run's string table (Machine::strings) in id order
    std::uint64_t cursor = 0;
    QByteArray windowState, windowGeometry; ///< QMainWindow::saveState() / saveGeometry()
    QString centreView; ///< id of the centre tab shown
    QStringList visibleDocks; ///< ids of the docks shown
    QString scriptSource, scriptName;
    std::vector<ScriptShot> chapters; ///< the script's shot()s
    QString language; ///< "", "en" or "zh_CN"
    QString theme = QStringLiteral("light"); ///< "light" or "dark"
};

/// Why a session could not be read: the file, the place in it and what is wrong.
struct SessionError {
    QString path; ///< the file as given
    QString place; ///< a JSON path ("commands[17].len"), "line 3, column 5", or empty
    QString reason; ///< translated
    /// The whole translated sentence, e.g. `Cannot open the session "a.memviz": at commands[3].len: ...`
    QString message() const;
};

/// A session read, validated and rebuilt: the run is ready to adopt.
struct LoadedSession {
    SessionData data;
    Simulator sim;
};

/// The run's part of a session (config, commands, per-command and total event counts,
/// checksum, string table) and the cursor; the caller fills in the window, script and UI.
SessionData sessionFromSimulator(const Simulator& sim, std::uint64_t cursor);

/// FNV-1a 64 over the run's events, each as the 56 little-endian bytes of its fields
/// (type 2, zone 1, order 1, cmd 4, flags 4, pid 4, time 8, pfn 8, a 8, b 8, c 8).
std::uint64_t sessionEventChecksum(const Simulator& sim);

/// The file's bytes (deterministic: equal data gives equal bytes). Chapters past the end
/// of the run are left out and the cursor is clamped to the run.
QByteArray sessionToJson(const SessionData& data);

/// Writes the session atomically (QSaveFile). Returns an empty string on success, else
/// a translated message naming the file.
QString saveSession(const QString& path, const SessionData& data);

/// Parses and validates the bytes of a session (no replay); `path` is used in messages.
std::variant<SessionData, SessionError> parseSession(const QByteArray& bytes, const QString& path);

/// Boots the config, replays the commands and checks every command's event count, the
/// total and the checksum against the recorded ones.
std::variant<Simulator, SessionError> rebuildSession(const SessionData& data, const QString& path);

/// parseSession() and rebuildSession() of the bytes.
std::variant<LoadedSession, SessionError> sessionFromJson(const QByteArray& bytes, const QString& path);

/// Reads the file, parses, validates and rebuilds it. On any problem an error and no
/// run: the caller keeps its session.
std::variant<LoadedSession, SessionError> loadSession(const QString& path);

} // namespace memviz
