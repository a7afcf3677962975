// File mapping (notes 001 §5.1, "文件映射" experiment filemap.cpp).
// views: walk, processes
// 文件映射：把文件 testfile 以 MAP_SHARED 映射到进程空间，通过内存读写文件。
//
// The first read of the page is a major fault (filemap_fault reads it from the disk into
// the page cache); writing "HELLO" through the MAP_SHARED mapping changes the page-cache
// page, which is the file: `cat testfile` prints HELLO. A MAP_PRIVATE mapping's write
// copies the page instead and leaves the file alone.
// 第一次读是硬性缺页（从磁盘读入页缓存）；通过 MAP_SHARED 写入会修改文件；MAP_PRIVATE 写入只修改副本。
//
// Simplification: memviz does not raise SIGBUS past the end of the file; the notes map
// 100 MiB of a small file, and so does this demo.
machine({ preset: "seed-8g" });
files.create("testfile", 6, "hello\n");
print("$ cat testfile");
print(sh("cat testfile"));

const p = spawn("filemap");
print("Mem map before mapping file");
print(sh(`cat /proc/${p.pid}/maps | grep -E 'heap|testfile'`));

const ALLOC_SIZE = 100 * 1024 * 1024;
const contents = p.mmap(ALLOC_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, "testfile");
print(`*** succeeded to map file : address = 0x${contents.toString(16)}; size = 0x${ALLOC_SIZE.toString(16)}`);
print("*** Mem map after mapping ***");
print(sh(`cat /proc/${p.pid}/maps | grep -E 'heap|testfile'`));
shot("mapped");

print(`*** file contents before overwrite mapped region: ${p.read(contents, 6)}`);
shot("major-fault");
p.write(contents, "HELLO");
print(`*** overwritten mapped region with : ${p.read(contents, 6)}`);
shot("written");
p.munmap(contents, ALLOC_SIZE);
p.exit();
print("$ cat testfile");
print(sh("cat testfile"));

// MAP_PRIVATE: the page is in the page cache now (minor fault), and a write copies it.
// MAP_PRIVATE：页面已在页缓存中（软性缺页），写入时复制一份私有页面。
const q = spawn("filemap-private");
const priv = q.mmap(4096, "rw", "private", "testfile");
print(`private mapping reads: ${q.read(priv, 6)}`);
q.write(priv, "howdy");
print(`private mapping after write: ${q.read(priv, 6)}`);
print("$ cat testfile");
print(sh("cat testfile"));
shot("private-copy");
print(sh("ps -eo pid,comm,min_flt,maj_flt | grep filemap"));
