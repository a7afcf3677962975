#pragma once
/// dmesg(1) of util-linux 2.38 over the kernel log the machine recorded (sim/History.h
/// KlogRecord), with the kernel's own message texts (Linux 6.12: mm/swapfile.c swapon,
/// mm/oom_kill.c dump_header/dump_tasks/dump_oom_victim/__oom_kill_process/oom_reaper,
/// kernel/panic.c, mm/util.c __vm_enough_memory).
///
/// memviz prints only the messages of the memory subsystem it simulates: no boot
/// messages, and of an OOM report the "invoked oom-killer" line, the task dump and the
/// kill lines, without the CPU/Call Trace/Mem-Info block in between. Reading the log is
/// allowed to every user (Debian sets kernel.dmesg_restrict=1, where a normal user
/// needs sudo).

#include "stats/Shell.h"

#include <cstdint>
#include <string>
#include <vector>

namespace memviz {

struct Machine;

enum class DmesgTime : std::uint8_t { Monotonic, Ctime, None };

/// The log as dmesg prints it ("[%5lu.%06lu] " timestamps, or -T's ctime, or none).
std::string formatDmesg(const Machine& m, DmesgTime time = DmesgTime::Monotonic);

/// dmesg with argv (without "dmesg"): -T/--ctime, -t/--notime, -k, -P, -L=never and
/// --help; other options are refused as dmesg does or as not simulated.
ShellResult runDmesg(const Machine& m, const std::vector<std::string>& args);

} // namespace memviz
