#pragma once
/// Where a new program's pieces go: address-space randomisation from the machine's
/// seed (arch_pick_mmap_layout, randomize_stack_top, arch_randomize_brk) and the
/// image a dynamically linked C++ program of the notes maps at exec: the program,
/// ld.so, libstdc++, libm, libgcc_s, libc, [vvar], [vdso] and [stack].

#include <cstdint>
#include <string>
#include <vector>

namespace memviz {

struct Machine;

struct ProcessLayout {
    std::uint64_t exeBase = 0; ///< load address of the PIE program
    std::uint64_t startBrk = 0; ///< start of the heap (after the program's bss, randomised)
    std::uint64_t mmapBase = 0; ///< mmap allocations go down from here
    std::uint64_t stackTop = 0; ///< the initial stack ends here
    std::uint64_t vdsoBase = 0; ///< [vvar] then [vdso]
};

/// Deterministic per (seed, pid): the same run gives the same addresses.
ProcessLayout processLayout(const Machine& m, std::uint32_t pid);

/// One mapping of an ELF file at exec (or of the stack, vdso): in pages.
struct ImagePart {
    std::uint64_t pages = 0;
    std::uint8_t prot = 0;
    std::uint64_t filePage = 0; ///< page offset in the file
    bool anon = false; ///< bss-like anonymous mapping right after the file
};

struct ImageFile {
    std::string path; ///< absolute path
    std::uint64_t filePages = 0; ///< size of the file in pages
    std::vector<ImagePart> parts;
};

/// The shared libraries every spawned program maps, in the order ld.so maps them
/// (the interpreter first), and the program's own layout.
std::vector<ImageFile> libraryImages(const Machine& m);
ImageFile programImage(const Machine& m, const std::string& path);

/// The user's home project directory ("/home/syz/projects/class5" on the notes' machine).
std::string userDirectory(const Machine& m);

} // namespace memviz
