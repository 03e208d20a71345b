#ifndef GRIDPLAN_CLIBPQ_SHIM_H
#define GRIDPLAN_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
