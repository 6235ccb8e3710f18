#!/usr/bin/env python3
"""Constants of assembly/util/vmath.ts (f64x2 log, exp, log1p), derived here with mpmath.

    python3 assembly/util/gen_vmath.py        prints the constant block pasted into vmath.ts

log: x = 2^k * (1 + f), 1 + f in [sqrt(2)/2, sqrt(2)); s = f / (2 + f), z = s^2 and
     log(1 + f) = f - f^2/2 + s * (f^2/2 + R(z)),  R(z) = (2 atanh(s) - 2 s) / s  (fdlibm's scheme).
     R(z) = z * P(z), P of degree 7 fitted on z in [0, zmax] (near-minimax Chebyshev fit of P).
exp: x = (k / N) ln2 + r, N = 128, |r| <= ln2 / (2N); e^x = 2^(k/N) * e^r with
     2^(i/N) = S_i * (1 + tail_i)  (S_i the double nearest 2^(i/N), tail_i a double) and
     e^r - 1 = r + r^2 * Q(r), Q of degree 3 fitted on |r| <= rmax.
Each fit's error is measured on a dense grid after rounding the coefficients to doubles.
"""
import struct
import mpmath as mp

mp.mp.dps = 60
LOGDEG = 6


def bits(x):
    return struct.unpack('<Q', struct.pack('<d', float(x)))[0]


def fit(f, a, b, deg):
    """Chebyshev fit (near-minimax) of degree deg on [a, b]; returns double coefficients, lowest
    degree first, and the max abs error of the rounded polynomial on a dense grid."""
    poly, _ = mp.chebyfit(f, [a, b], deg + 1, error=True)
    c = [float(v) for v in reversed(poly)]
    worst = mp.mpf(0)
    for i in range(4001):
        t = a + (b - a) * mp.mpf(i) / 4000
        p = mp.mpf(0)
        for cc in reversed(c):
            p = p * t + mp.mpf(cc)
        worst = max(worst, abs(p - f(t)))
    return c, worst


def round_bits(x, nbits):
    """x rounded to nbits significant bits (as a double)."""
    m, e = mp.frexp(x)
    return float(mp.ldexp(mp.nint(mp.ldexp(m, nbits)), e - nbits))


def main():
    out = []
    ln2 = mp.log(2)
    # ---- log -------------------------------------------------------------------------------
    smax = (mp.sqrt(2) - 1) / (mp.sqrt(2) + 1)
    zmax = smax * smax * (1 + mp.mpf(2) ** -40)

    def P(z):
        if z == 0:
            return mp.mpf(2) / 3
        s = mp.sqrt(z)
        return (2 * mp.atanh(s) - 2 * s) / (s * z)
    lc, lerr = fit(P, mp.mpf(0), zmax, LOGDEG)
    out.append(f'// log: P(z) = (2 atanh(s) - 2s) / s^3, z = s^2 in [0, {float(zmax):.6g}], degree {LOGDEG}; '
               f'max abs error {float(lerr):.3g} (relative {float(lerr / P(zmax)):.3g})')
    for i, c in enumerate(lc):
        out.append(f'const LG{i}: f64 = {c!r};')
    # ln2 split: dk * LN2HI exact for |dk| < 2^11
    hi = round_bits(ln2, 42)
    lo = float(ln2 - mp.mpf(hi))
    out.append(f'const LN2HI: f64 = {hi!r}; // ln2 to 42 bits: dk * LN2HI exact for |dk| < 2^11')
    out.append(f'const LN2LO: f64 = {lo!r};')
    # ---- exp -------------------------------------------------------------------------------
    N = 128
    rmax = ln2 / (2 * N) * (1 + mp.mpf(2) ** -20)

    def Q(r):
        if r == 0:
            return mp.mpf(1) / 2
        return (mp.expm1(r) - r) / (r * r)
    ec, eerr = fit(Q, -rmax, rmax, 3)
    out.append(f'// exp: Q(r) = (e^r - 1 - r) / r^2 on |r| <= {float(rmax):.6g}, degree 3; max abs error '
               f'{float(eerr):.3g} (times r^2: {float(eerr * rmax * rmax):.3g})')
    for i, c in enumerate(ec):
        out.append(f'const EC{i + 2}: f64 = {c!r};')
    out.append(f'const INVLN2N: f64 = {float(N / ln2)!r}; // N / ln2')
    # ln2/N split: kd * LN2HIN exact for |kd| < 2^18 (|x| <= 746 gives |kd| < 137800)
    hiN = round_bits(ln2 / N, 35)
    loN = float(ln2 / N - mp.mpf(hiN))
    out.append(f'const LN2HIN: f64 = {hiN!r}; // ln2 / N to 35 bits')
    out.append(f'const LN2LON: f64 = {loN!r};')
    # table: entry i = [tail_i bits, bits(S_i) - (i << 45)]
    words = []
    worst_tail = mp.mpf(0)
    for i in range(N):
        t = mp.power(2, mp.mpf(i) / N)
        S = float(t)
        tail = float(t / mp.mpf(S) - 1)
        # residual of the split, relative
        worst_tail = max(worst_tail, abs(mp.mpf(S) * (1 + mp.mpf(tail)) - t) / t)
        words.append(bits(tail))
        words.append((bits(S) - (i << 45)) & 0xFFFFFFFFFFFFFFFF)
    out.append(f'// 2^(i/128) = S_i (1 + tail_i), relative residual <= {float(worst_tail):.3g}')
    out.append('const EXP_TAB: usize = memory.data<u64>([')
    for j in range(0, len(words), 4):
        out.append('  ' + ', '.join(f'0x{w:016x}' for w in words[j:j + 4]) + ',')
    out.append('], 16);')
    print('\n'.join(out))


if __name__ == '__main__':
    main()
