#include "vm/Layout.h"

#include "sim/Machine.h"
#include "vm/Vm.h"
#include "vm/VmOps.h"

namespace memviz {

namespace {

std::uint64_t mix(std::uint64_t x)
{
    // splitmix64 finaliser: deterministic, well spread.
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

std::uint64_t rnd(const Machine& m, std::uint32_t pid, std::uint64_t salt)
{
    return mix(m.config.seed * 0x100000001b3ull ^ (std::uint64_t(pid) << 20) ^ salt);
}

ImageFile make(const std::string& path, std::initializer_list<std::pair<std::uint64_t, std::uint8_t>> fileParts,
    std::uint64_t anonPages)
{
    ImageFile f;
    f.path = path;
    std::uint64_t off = 0;
    for (const auto& [pages, prot] : fileParts) { // headers, text, rodata, RELRO, data: adjacent in the file
        ImagePart p;
        p.pages = pages;
        p.prot = prot;
        p.filePage = off;
        off += pages;
        f.parts.push_back(p);
    }
    f.filePages = off;
    if (anonPages) {
        ImagePart a;
        a.pages = anonPages;
        a.prot = Prot::Read | Prot::Write;
        a.anon = true;
        f.parts.push_back(a);
    }
    return f;
}

constexpr std::uint8_t R = Prot::Read;
constexpr std::uint8_t RX = Prot::Read | Prot::Exec;
constexpr std::uint8_t RW = Prot::Read | Prot::Write;

} // namespace

std::string userDirectory(const Machine& m)
{
    const std::string& h = m.config.hostname;
    return "/home/" + (h == "memviz" || h.empty() ? std::string("student") : h) + "/projects/class5";
}

ProcessLayout processLayout(const Machine& m, std::uint32_t pid)
{
    ProcessLayout l;
    const std::uint64_t page = m.config.arch.pageSize();
    if (m.config.arch.is32bit) {
        // 8 bits of mmap randomisation, 0x56555000-based PIE, 3 GiB user space.
        l.exeBase = 0x56555000ull + (rnd(m, pid, 1) % 256) * page;
        l.stackTop = 0xC0000000ull - (1 + rnd(m, pid, 2) % 2048) * page - 64 * page;
        l.mmapBase = (l.stackTop - (128ull << 20) - (rnd(m, pid, 3) % 256) * page) & ~(page - 1);
    } else {
        // mmap_rnd_bits = 28, stack 22 bits, brk up to 32 MiB (reference §9: 47-bit user space).
        l.exeBase = 0x555555554000ull + (rnd(m, pid, 1) % (1ull << 28)) * page;
        l.stackTop = 0x7ffffffff000ull - (1 + rnd(m, pid, 2) % (1ull << 22)) * page - 64 * page;
        l.mmapBase = (l.stackTop - (128ull << 20) - (rnd(m, pid, 3) % (1ull << 28)) * page) & ~(page - 1);
    }
    const ImageFile exe = programImage(m, "");
    l.startBrk = l.exeBase + exe.filePages * page + (rnd(m, pid, 4) % 8192) * page;
    l.vdsoBase = l.stackTop + (8 + rnd(m, pid, 5) % 32) * page;
    return l;
}

std::vector<ImageFile> libraryImages(const Machine& m)
{
    const bool b32 = m.config.arch.is32bit;
    const std::string dir = b32 ? "/usr/lib/i386-linux-gnu/" : "/usr/lib/x86_64-linux-gnu/";
    // Sizes of Debian 12's libraries, so that a C++ program's VSZ at start is the notes'
    // 6056 kB (program 20 kB + heap 132 kB + these + [vvar] 16, [vdso] 8, [stack] 132).
    return {
        make(dir + (b32 ? "ld-linux.so.2" : "ld-linux-x86-64.so.2"),
            { { 1, R }, { 37, RX }, { 10, R }, { 2, R }, { 2, RW } }, 0),
        make(dir + "libstdc++.so.6.0.30", { { 154, R }, { 346, RX }, { 117, R }, { 11, R }, { 2, RW } }, 3),
        make(dir + "libm.so.6", { { 14, R }, { 121, RX }, { 93, R }, { 1, R }, { 1, RW } }, 0),
        make(dir + "libgcc_s.so.1", { { 3, R }, { 23, RX }, { 4, R }, { 1, R }, { 1, RW } }, 0),
        make(dir + "libc.so.6", { { 38, R }, { 348, RX }, { 83, R }, { 4, R }, { 2, RW } }, 13),
    };
}

ImageFile programImage(const Machine&, const std::string& path)
{
    return make(path, { { 1, R }, { 1, RX }, { 1, R }, { 1, R }, { 1, RW } }, 0);
}

} // namespace memviz
