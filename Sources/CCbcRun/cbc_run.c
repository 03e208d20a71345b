#define _GNU_SOURCE
#include "cbc_run.h"

#include <coin/Cbc_C_Interface.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/// Runs CBC here and fills the report and solution.
static void solve_here(Cbc_Model *model, int columns, double *solution, gridplan_cbc_report *report) {
    Cbc_solve(model);
    report->outcome = 0;
    report->proven_optimal = Cbc_isProvenOptimal(model) != 0;
    report->proven_infeasible = Cbc_isProvenInfeasible(model) != 0;
    report->seconds_limit_reached = Cbc_isSecondsLimitReached(model) != 0;
    report->nodes = Cbc_getNodeCount(model);
    report->best_possible = Cbc_getBestPossibleObjValue(model);
    const double *best = Cbc_bestSolution(model);
    report->has_solution = best != NULL;
    if (best != NULL) memcpy(solution, best, sizeof(double) * (size_t)columns);
}

static int write_all(int fd, const void *data, size_t size) {
    const char *p = data;
    while (size > 0) {
        ssize_t w = write(fd, p, size);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        p += w;
        size -= (size_t)w;
    }
    return 0;
}

void gridplan_cbc_solve_bounded(
    void *model_, int columns, double deadline_seconds, int in_process, double *solution,
    gridplan_cbc_report *report) {
    Cbc_Model *model = model_;
    memset(report, 0, sizeof *report);
    if (in_process) {
        solve_here(model, columns, solution, report);
        return;
    }
    double start = now_seconds();
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        solve_here(model, columns, solution, report);
        return;
    }
    pid_t child = fork();
    if (child < 0) {
        close(fds[0]);
        close(fds[1]);
        solve_here(model, columns, solution, report);
        return;
    }
    if (child == 0) {
        // the child: CBC's output to /dev/null, the report and solution down the pipe
        signal(SIGPIPE, SIG_DFL);
        close(fds[0]);
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
        }
        // other threads' pipes stay open as long as a copy is held: keep only the report pipe
        int keep = fds[1];
        if (keep > 3) close_range(3, (unsigned)keep - 1, 0);
        close_range((unsigned)keep + 1, ~0U, 0);
        gridplan_cbc_report r;
        memset(&r, 0, sizeof r);
        solve_here(model, columns, solution, &r);
        if (write_all(fds[1], &r, sizeof r) != 0) _exit(1);
        if (r.has_solution && write_all(fds[1], solution, sizeof(double) * (size_t)columns) != 0) _exit(1);
        _exit(0);
    }
    close(fds[1]);
    // the parent: read the report, then the solution, until the deadline
    gridplan_cbc_report r;
    size_t headerSize = sizeof r, solutionSize = sizeof(double) * (size_t)columns;
    size_t got = 0;
    int killed = 0, failed = 0;
    for (;;) {
        size_t want = got < headerSize ? headerSize : headerSize + (r.has_solution ? solutionSize : 0);
        if (got >= want) break;
        double left = deadline_seconds - (now_seconds() - start);
        if (left <= 0) {
            killed = 1;
            break;
        }
        struct pollfd p = {.fd = fds[0], .events = POLLIN};
        int ms = left > 1e6 ? 1000000000 : (int)(left * 1000) + 1;
        int ready = poll(&p, 1, ms);
        if (ready < 0) {
            if (errno == EINTR) continue;
            failed = 1;
            break;
        }
        if (ready == 0) continue;
        char *target = got < headerSize ? (char *)&r + got : (char *)solution + (got - headerSize);
        size_t room = got < headerSize ? headerSize - got : want - got;
        ssize_t n = read(fds[0], target, room);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            failed = 1;
            break;
        }
        if (n == 0) {  // the child ended without a whole report
            failed = 1;
            break;
        }
        got += (size_t)n;
    }
    close(fds[0]);
    if (killed || failed) kill(child, SIGKILL);
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (killed) {
        report->outcome = 1;
    } else if (failed) {
        report->outcome = 2;
    } else {
        *report = r;
        report->outcome = 0;
    }
}
