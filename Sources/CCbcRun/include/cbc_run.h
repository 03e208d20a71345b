#ifndef GRIDPLAN_CBC_RUN_H
#define GRIDPLAN_CBC_RUN_H

/// What a bounded CBC run reports back.
typedef struct {
    /// 0: CBC finished (or stopped itself) and reported; 1: it was killed at the deadline
    /// (nothing else is set); 2: the solving process failed (nothing else is set).
    int outcome;
    int proven_optimal;
    int proven_infeasible;
    int seconds_limit_reached;
    int has_solution;
    int nodes;
    double best_possible;
} gridplan_cbc_report;

/// Solves a loaded CBC model (`Cbc_Model *`) in a child process that is killed when
/// `deadline_seconds` of wall time have passed, so no part of CBC (preprocessing, the root
/// LP, cuts, heuristics) can overrun the caller's limit. `solution` receives `columns` values
/// when `report->has_solution`. CBC's output goes nowhere (the child's stdout and stderr are
/// /dev/null; it keeps no other inherited descriptor). With `in_process`, or when no child
/// process can be made, CBC runs in this process instead, under its own time limit only.
void gridplan_cbc_solve_bounded(
    void *model, int columns, double deadline_seconds, int in_process, double *solution,
    gridplan_cbc_report *report);

#endif
