#ifndef GRIDPLAN_CCBC_SHIM_H
#define GRIDPLAN_CCBC_SHIM_H
#include <coin/Cbc_C_Interface.h>
#endif
