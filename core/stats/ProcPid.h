#pragma once
/// Per-process text of the real tools: /proc/PID/maps, status, stat, statm and comm
/// as Linux 6.12 prints them, and ps(1) of procps-ng 4.0.2, for the simulated processes.

#include "stats/Shell.h"

#include <cstdint>
#include <string>
#include <vector>

namespace memviz {

struct Machine;
struct Process;

/// task_mem() of fs/proc/task_mmu.c: the Vm*/Rss* lines of /proc/PID/status, in kB.
struct TaskMem {
    std::uint64_t vmPeak = 0, vmSize = 0, vmLck = 0, vmPin = 0, vmHwm = 0, vmRss = 0;
    std::uint64_t rssAnon = 0, rssFile = 0, rssShmem = 0;
    std::uint64_t vmData = 0, vmStk = 0, vmExe = 0, vmLib = 0, vmPte = 0, vmSwap = 0;
};
TaskMem taskMem(const Machine& m, const Process& p);

std::string formatProcMaps(const Machine& m, const Process& p); ///< fs/proc/task_mmu.c show_map_vma
std::string formatProcStatus(const Machine& m, const Process& p); ///< fs/proc/array.c proc_pid_status
std::string formatProcStat(const Machine& m, const Process& p); ///< fs/proc/array.c do_task_stat
std::string formatProcStatm(const Machine& m, const Process& p); ///< fs/proc/array.c proc_pid_statm

/// The text of /proc/<pid>/<file> or /proc/self/<file> (self: the process whose mm the
/// CPU has loaded). False when the kernel would answer ENOENT; `isDir` is set for a
/// /proc/<pid> directory itself.
bool readProcPidFile(const Machine& m, const std::string& path, std::string* text, bool* isDir = nullptr);
/// The per-process paths that exist now (for completion).
std::vector<std::string> procPidFiles(const Machine& m);

/// /proc/sys/kernel/pid_max: 4194304 on 64-bit (systemd raises the default to
/// PID_MAX_LIMIT), 32768 on 32-bit kernels.
std::uint32_t pidMax(const Machine& m);

/// ps(1) of procps-ng 4.0.2 (argv without "ps"), output not to a terminal (no width
/// limit, as in `ps ... | grep`). Lists the simulated live processes by pid.
ShellResult runPs(const Machine& m, const std::vector<std::string>& args);

} // namespace memviz
