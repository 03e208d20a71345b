#ifndef GRIDPLAN_CSQLITE_SHIM_H
#define GRIDPLAN_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
