#ifndef ALLOCATION_COUNTER_H
#define ALLOCATION_COUNTER_H

/// Counts heap allocations made by the calling thread between start and stop.
/// Linked only into the test binary, where it interposes malloc and friends
/// (forwarding to glibc's own), so a test can show that a warm training step
/// allocates nothing. Other threads are not counted.
void allocation_counter_start(void);
long allocation_counter_stop(void);

#endif
