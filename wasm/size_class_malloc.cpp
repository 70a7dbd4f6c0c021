// malloc for the WebAssembly cores (linked with -sMALLOC=none): blocks of power-of-two sizes from 32 B,
// each size with its own free list, carved from the heap and grown with memory.grow. Written by hand
// because the smallest allocator Emscripten ships (emmalloc) costs about 0.9 KB gzip more of the widget's
// 40 KB budget; the cores allocate few sizes over and over (the parsed survey once, then a response's and
// a comment's buffers per call), so a size-class allocator never splits or merges and stays this small.
// It wastes up to half of a block, which is nothing against a page of survey and comment.
#include <cstddef>
#include <cstdint>
#include <cstring>

extern "C" unsigned char __heap_base;  // where the linker put the end of the data and the stack

namespace {

constexpr std::size_t header = 16;             // the block's size class; keeps blocks 16-byte aligned
constexpr std::size_t smallest = 32;
constexpr unsigned classes = 26;               // 32 B .. 1 GB
constexpr std::size_t page = 65536;

void* free_lists[classes];
unsigned char* top = nullptr;                  // the first byte never handed out
unsigned char* end = nullptr;                  // the end of linear memory

std::size_t capacity(unsigned size_class) { return smallest << size_class; }

}  // namespace

extern "C" {

void* malloc(std::size_t size) {
  unsigned c = 0;
  while (capacity(c) - header < size) {
    if (++c == classes) return nullptr;
  }
  if (void* block = free_lists[c]) {
    free_lists[c] = *static_cast<void**>(block);
    return block;
  }
  if (!top) {
    const auto base = reinterpret_cast<std::uintptr_t>(&__heap_base);
    top = reinterpret_cast<unsigned char*>((base + header - 1) / header * header);
    end = reinterpret_cast<unsigned char*>(__builtin_wasm_memory_size(0) * page);
  }
  const std::size_t need = capacity(c);
  if (static_cast<std::size_t>(end - top) < need) {
    const std::size_t pages = (need - static_cast<std::size_t>(end - top) + page - 1) / page;
    if (__builtin_wasm_memory_grow(0, pages) == SIZE_MAX) return nullptr;
    end += pages * page;
  }
  unsigned char* block = top;
  top += need;
  std::memcpy(block, &c, sizeof c);
  return block + header;
}

void free(void* pointer) {
  if (!pointer) return;
  unsigned c = 0;
  std::memcpy(&c, static_cast<unsigned char*>(pointer) - header, sizeof c);
  *static_cast<void**>(pointer) = free_lists[c];
  free_lists[c] = pointer;
}

void* calloc(std::size_t count, std::size_t size) {
  if (size && count > SIZE_MAX / size) return nullptr;
  void* block = malloc(count * size);
  if (block) std::memset(block, 0, count * size);
  return block;
}

void* realloc(void* pointer, std::size_t size) {
  if (!pointer) return malloc(size);
  unsigned c = 0;
  std::memcpy(&c, static_cast<unsigned char*>(pointer) - header, sizeof c);
  const std::size_t room = capacity(c) - header;
  if (size <= room) return pointer;
  void* moved = malloc(size);
  if (moved) {
    std::memcpy(moved, pointer, room);
    free(pointer);
  }
  return moved;
}

}  // extern "C"
