#include "LazyLibrary.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

void *strata_open_library(const char *soname, const char *purpose) {
  void *library = dlopen(soname, RTLD_NOW | RTLD_GLOBAL);
  if (!library) {
    const char *reason = dlerror();
    fprintf(stderr, "Error: cannot load %s, which Strata needs for %s: %s\n", soname, purpose,
            reason ? reason : "unknown reason");
    exit(1);
  }
  return library;
}

void *strata_library_symbol(void *library, const char *soname, const char *name) {
  dlerror();
  void *symbol = dlsym(library, name);
  if (!symbol) {
    const char *reason = dlerror();
    fprintf(stderr, "Error: %s has no function %s: %s\n", soname, name,
            reason ? reason : "unknown reason");
    exit(1);
  }
  return symbol;
}
