// Internal to CLazyLibraries: opening a library and finding its functions.
#ifndef STRATA_LAZYLIBRARY_H
#define STRATA_LAZYLIBRARY_H

/// Opens the shared library `soname` (process-wide, RTLD_GLOBAL) or ends the process with
/// exit status 1 and a message naming the library and what it is for.
void *strata_open_library(const char *soname, const char *purpose);

/// The address of `name` in `library`, or exit status 1 with a message naming both.
void *strata_library_symbol(void *library, const char *soname, const char *name);

/// A trampoline `RET NAME PARAMS` that calls the library's function with `ARGS`. `LIBRARY`
/// names the library's `LIBRARY##_function(name)` lookup, which opens it once.
#define STRATA_TRAMPOLINE(LIBRARY, RET, NAME, PARAMS, ARGS)                              \
  RET NAME PARAMS {                                                                        \
    static _Atomic(__typeof__(&NAME)) function;                                             \
    __typeof__(&NAME) f = function;                                                        \
    if (!f) {                                                                              \
      f = (__typeof__(&NAME))LIBRARY##_function(#NAME);                                    \
      function = f;                                                                        \
    }                                                                                      \
    return f ARGS;                                                                         \
  }

/// `STRATA_TRAMPOLINE` for a function without a result.
#define STRATA_VOID_TRAMPOLINE(LIBRARY, NAME, PARAMS, ARGS)                               \
  void NAME PARAMS {                                                                       \
    static _Atomic(__typeof__(&NAME)) function;                                             \
    __typeof__(&NAME) f = function;                                                        \
    if (!f) {                                                                              \
      f = (__typeof__(&NAME))LIBRARY##_function(#NAME);                                    \
      function = f;                                                                        \
    }                                                                                      \
    f ARGS;                                                                                \
  }

#endif
