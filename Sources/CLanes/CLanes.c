// The target's functions are static inline in include/CLanes.h.
