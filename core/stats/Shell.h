#pragma once
/// The simulated shell behind `sh("...")` and the console: the commands a student
/// types on a real machine, printing exactly what the real tools print.

#include "sim/Command.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace memviz {

struct Machine;

struct ShellResult {
    std::string out;   ///< standard output
    std::string err;   ///< standard error (as the real tool words it)
    int status = 0;    ///< exit status
    /// A write the line asks for (`sysctl vm.X=Y`, `echo Y > /proc/sys/vm/X`): the shell only
    /// reads the machine; the caller applies this command (and reports its error, if any).
    std::optional<Command> command;
};

/// Splits a command line into words (single and double quotes, backslash escapes).
std::vector<std::string> shellSplit(std::string_view line);

ShellResult runShell(const Machine& m, std::string_view line);

/// Commands and files the shell knows (for completion and help).
std::vector<std::string> shellCommands();
std::vector<std::string> shellFiles(const Machine& m);

} // namespace memviz
