#ifndef BACKPROP_CLANES_H
#define BACKPROP_CLANES_H

// Square roots of eight lanes at once. Swift's SIMD8.squareRoot() takes one
// lane at a time; clang's elementwise builtin becomes one vector instruction
// (sqrtps/sqrtpd), which rounds every lane exactly as the scalar sqrt does.
// Swift imports these vector types as SIMD8<Float> and SIMD8<Double>.
typedef float backprop_float8 __attribute__((ext_vector_type(8)));
typedef double backprop_double8 __attribute__((ext_vector_type(8)));

static inline __attribute__((always_inline)) backprop_float8 backprop_sqrt_float8(backprop_float8 x) {
    return __builtin_elementwise_sqrt(x);
}

static inline __attribute__((always_inline)) backprop_double8 backprop_sqrt_double8(backprop_double8 x) {
    return __builtin_elementwise_sqrt(x);
}

#endif
