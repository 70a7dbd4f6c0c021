// Frame memo: the draw data is flattened into bytes (vertices, indices, and each command's clip rectangle,
// texture, offsets and count) and compared whole with the remembered frame's; byte equality, unlike a hash,
// cannot mistake a changed frame for an unchanged one. For a full window of text that is about 300 KB, a few
// tens of microseconds.
#include "platform/frame_memo.hpp"

#include <cstring>
#include <type_traits>

namespace otklik::review {

namespace {

void append_bytes(std::vector<unsigned char>& out, const void* data, std::size_t size) {
  if (size == 0) return;
  const std::size_t at = out.size();
  out.resize(at + size);
  std::memcpy(out.data() + at, data, size);
}

template <typename T>
void append(std::vector<unsigned char>& out, const T& value) {
  static_assert(std::is_trivially_copyable_v<T>);
  append_bytes(out, &value, sizeof(T));
}

}  // namespace

bool frame_memo::changed(const ImDrawData& d, int width, int height, const ImVec4& clear) {
  next_.clear();
  append(next_, width);
  append(next_, height);
  append(next_, clear);
  append(next_, d.DisplayPos);
  append(next_, d.DisplaySize);
  append(next_, d.FramebufferScale);
  append(next_, d.CmdListsCount);
  for (int l = 0; l < d.CmdListsCount; ++l) {
    const ImDrawList& list = *d.CmdLists[l];
    append(next_, list.VtxBuffer.Size);
    append(next_, list.IdxBuffer.Size);
    append(next_, list.CmdBuffer.Size);
    append_bytes(next_, list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.size_in_bytes()));
    append_bytes(next_, list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.size_in_bytes()));
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      append(next_, cmd.ClipRect);
      append(next_, cmd.TextureId);
      append(next_, cmd.VtxOffset);
      append(next_, cmd.IdxOffset);
      append(next_, cmd.ElemCount);
      append(next_, cmd.UserCallback);
      append(next_, cmd.UserCallbackData);
    }
  }
  const bool same = !kept_.empty() && kept_.size() == next_.size() && std::memcmp(kept_.data(), next_.data(), kept_.size()) == 0;
  kept_.swap(next_);
  return !same;
}

}  // namespace otklik::review
