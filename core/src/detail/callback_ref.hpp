// A non-owning reference to a callable, for the widget's size-first WebAssembly core: a loop that takes
// one (the JSON tape's field and element walks, the redactor's backward word walk) is compiled once for
// every caller, instead of once per lambda as a template parameter would be (the same calls, in the same
// order; one indirect call each).
#pragma once

#include <type_traits>
#include <utility>

namespace otklik::detail {

template <class Signature>
class callback_ref;

// Calls the referenced callable; it must outlive the reference (pass it down, never store it).
template <class R, class... Args>
class callback_ref<R(Args...)> {
 public:
  template <class F, class = std::enable_if_t<!std::is_same_v<std::decay_t<F>, callback_ref>>>
  callback_ref(F& f) noexcept  // NOLINT(google-explicit-constructor): a parameter type, like std::function
      : object_(const_cast<void*>(static_cast<const void*>(&f))),
        call_([](void* object, Args... args) -> R { return (*static_cast<F*>(object))(std::forward<Args>(args)...); }) {}
  R operator()(Args... args) const { return call_(object_, std::forward<Args>(args)...); }

 private:
  void* object_;
  R (*call_)(void*, Args...);
};

}  // namespace otklik::detail
