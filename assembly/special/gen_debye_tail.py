#!/usr/bin/env python3
"""Generates assembly/special/debyetail.ts: Debye's sum over k of w^k P_k(y) as straight-line f64x2
code (every coefficient an immediate, no loop over coefficients), with an exit after each term
count. The polynomials P_k are gen_coeffs.py's (exact rationals, rounded once to f64).

  python3 assembly/special/gen_debye_tail.py > assembly/special/debyetail.ts

Why generated: the loop form (coefficients loaded from DEBYE_P2 inside a Horner loop) spends
as much on loop control as on arithmetic, and serialises the terms; unrolled, the K
independent Horner chains overlap. The arithmetic (Horner from the top coefficient, terms added
in increasing k) is the loop form's exactly. Coefficients are read from a table of splatted
pairs (v128.load at immediate offsets) rather than written as v128.const: V8 builds a v128
constant from immediates on every use, several instructions where a load with an offset is one.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fractions import Fraction as F  # noqa: E402
from gen_coeffs import debye, KMAX  # noqa: E402


# ---- the tail at t ~ 1 (z = x/v < ZTINY, R_DEBYE_TINY) -------------------------------------------
# There t = 1/sqrt(1 + z^2) = sqrt(1 - d), d = x^2/(v^2 + x^2) < DTINY, and each term is a short
# series in d: u_k(t) = t^k P_k(1 - d) = sum_j e_kj d^j (t^k by the binomial series; exact
# rationals). u_k(1) is far below max_t |u_k(t)| (k = 19: 1.4 against 6.9e5), so fewer terms
# suffice than DEBYE_VMIN says: KTAB_TINY holds, per quarter octave of v (as besselx2.ts's KTAB), the
# smallest K with sum_{k=K}^{K+5} A_k / v^k <= 2^-58 (A_k = sum_j |e_kj| DTINY^j >= |u_k(t)| on
# the band; six omitted terms since u_k(1) alternates between small and large), v at the bin's
# lower end. Each term keeps J_k coefficients of its d series, the first dropped part below
# 2^-66 at v = 17.
ZTINY = F(1, 1000)
DTINY = ZTINY ** 2 / (1 + ZTINY ** 2)
NJ = 12  # coefficients of the d series computed per term (the remainder check uses them all)


def binom(a, j):
    r = F(1)
    for i in range(j):
        r = r * (a - i) / (i + 1)
    return r


def tiny_series(P):
    E = []
    for k in range(len(P)):
        tk = [binom(F(k, 2), j) * (-1) ** j for j in range(NJ)]
        pk = [F(0)] * (k + 1)
        for i, c in enumerate(P[k]):
            for j in range(i + 1):
                pk[j] += c * binom(i, j) * (-1) ** j
        E.append([sum(tk[a] * pk[j - a] for a in range(j + 1) if j - a < len(pk)) for j in range(NJ)])
    return E


def tiny_tables():
    import gen_coeffs
    saved = gen_coeffs.KMAX
    gen_coeffs.KMAX = KMAX + 8
    P = gen_coeffs.debye()
    gen_coeffs.KMAX = saved
    E = tiny_series(P)
    A = [sum(abs(e) * DTINY ** j for j, e in enumerate(Ek)) for Ek in E]
    lim = F(1, 2 ** 58)
    ktab = []
    for i in range(256):
        v = F(2 ** (4 + i // 4)) * (1 + F(i % 4, 4))
        K = 1
        while sum(A[k] / v ** k for k in range(K, K + 6)) > lim:
            K += 1
        assert K < KMAX, (i, K)
        ktab.append(K)
    kmax = max(ktab)
    J = []
    for k in range(1, kmax):
        j = 1
        while sum(abs(e) * DTINY ** m for m, e in enumerate(E[k]) if m >= j) / F(17) ** k > F(1, 2 ** 66):
            j += 1
        assert j < NJ - 2
        J.append(j)
    return E, ktab, kmax, J


def tiny_code(E, ktab, kmax, J):
    """b_m = a_{m+1}(d) masked (m + 1 >= K: +0), T = r sum_m b_m r^m by Estrin's scheme in a fixed
    tree (pairs, then r^2, r^4, r^8 blocks); a pair stops after the block that holds its last term.
    A lane whose terms end earlier than its partner's gets +0 subtrees, which change nothing: its
    bits are those of the smallest tree holding its own terms."""
    table, body = [], []

    def ref(value):
        table.append(value)
        return f'v128.load(DTT, {16 * (len(table) - 1)})'

    nb = kmax - 1  # b_0 .. b_{nb-1}
    nodes = {}  # (lo, size) -> name of a node already emitted
    emitted_b = set()
    code = []

    def emit_b(m):
        if m in emitted_b or m >= nb:
            return
        emitted_b.add(m)
        k = m + 1
        c = [repr(float(x)) for x in E[k][:J[m]]]
        code.append(f'  let b{m} = {ref(c[-1])};')
        for j in range(len(c) - 2, -1, -1):
            code.append(f'  b{m} = f64x2.add(f64x2.mul(b{m}, d), {ref(c[j])});')
        code.append(f'  b{m} = v128.andnot(b{m}, f64x2.ge({ref(repr(float(k)))}, Kv));')

    pows = set()

    def pw2(s):  # r^s, s a power of two
        if s == 1:
            return 'r'
        if s not in pows:
            pows.add(s)
            code.append(f'  const r{s} = f64x2.mul({pw2(s // 2)}, {pw2(s // 2)});')
        return f'r{s}'

    def node(lo, s):  # sum_{m=lo}^{lo+s-1} b_m r^(m-lo), None if no coefficient there
        if lo >= nb:
            return None
        if (lo, s) in nodes:
            return nodes[(lo, s)]
        if s == 1:
            emit_b(lo)
            return f'b{lo}'
        a = node(lo, s // 2)
        h = node(lo + s // 2, s // 2)
        if h is None:
            return a
        name = f'n{lo}_{s}'
        nodes[(lo, s)] = name
        code.append(f'  const {name} = f64x2.add({a}, f64x2.mul({pw2(s // 2)}, {h}));')
        return name

    s = 1
    while True:
        s *= 2
        top = node(0, s)
        if s >= nb:
            code.append(f'  return f64x2.mul(r, {top});')
            break
        code.append(f'  if (Kmax <= {s + 1}) return f64x2.mul(r, {top});')
    o = ['', '// Debye\'s sum at t ~ 1 (R_DEBYE_TINY, z = x/v < ' + str(float(ZTINY)) + '): see gen_debye_tail.py.',
         '// coefficients twice (f64x2), in the order the code below reads them',
         'const DTT: usize = memory.data<f64>([' + ', '.join(f'{c}, {c}' for c in table) + '], 16);',
         '/** Terms K of the sum at t ~ 1 per quarter octave of v from 16 (index as KTAB in besselx2.ts). */',
         'export const KTAB_TINY: usize = memory.data<u8>([' + ', '.join(str(k) for k in ktab) + ']);',
         '',
         '/** sum_{k=1}^{K-1} r^k u_k(sqrt(1 - d)) per lane, r = sgn/v, d = x^2/(v^2 + x^2) < ' + f'{float(DTINY):.3g}' + ',',
         ' *  K = Kv\'s lane (<= ' + str(kmax) + '; terms k >= K exactly +0), Kmax = the larger lane\'s K. */',
         '// @ts-ignore: decorator',
         '@inline export function debyeTailTinyX2(d: v128, r: v128, Kv: v128, Kmax: i32): v128 {'] + code + ['}']
    return o


def ktab_large():
    """K per quarter octave of v (as KTAB) for z = x/v > 4 (R_DEBYE_LARGE), t = 1/sqrt(1 + z^2) <
    1/sqrt(17): DEBYE_VMIN's criterion (4 max_t |u_K(t)| / v^K <= 2^-56, max on a grid of 2001
    points in 60 digits) with the max over that band only: t^K makes the terms far smaller
    (K 11 instead of 19 at v = 17)."""
    import mpmath as mp
    mp.mp.dps = 60
    P = debye()
    tmax = 1 / mp.sqrt(17)
    grid = [tmax * i / 2000 for i in range(2001)]
    env = [mp.mpf(1)] + [max(abs(t ** k * mp.polyval([mp.mpf(c.numerator) / c.denominator for c in P[k]][::-1], t * t))
                             for t in grid) for k in range(1, KMAX + 1)]
    out = []
    for i in range(256):
        v = mp.mpf(2) ** (4 + i // 4) * (1 + mp.mpf(i % 4) / 4)
        K = 1
        while K < KMAX and 4 * env[K] / v ** K > mp.mpf(2) ** -56:
            K += 1
        out.append(K)
    return ['', '/** Terms K of Debye\'s sum at z > 4 (t < 1/sqrt(17)) per quarter octave of v from 16, as KTAB in',
            ' *  besselx2.ts (see ktab_large in gen_debye_tail.py). */',
            'export const KTAB_LARGE: usize = memory.data<u8>([' + ', '.join(str(k) for k in out) + ']);']


def main():
    P = debye()
    body, table = [], []

    def ref(value):
        table.append(value)
        return f'v128.load(DT, {16 * (len(table) - 1)})'

    for k in range(1, KMAX):
        c = [repr(float(x)) for x in P[k]]
        body.append(f'  // k = {k}')
        body.append(f'  p = {ref(c[k])};')
        for j in range(k - 1, -1, -1):
            body.append(f'  p = f64x2.add(f64x2.mul(p, y), {ref(c[j])});')
        body.append(f'  acc = f64x2.add(acc, v128.andnot(f64x2.mul(pw, p), f64x2.ge({ref(repr(float(k)))}, Kv)));')
        if k < KMAX - 1:
            body.append(f'  if (Kmax <= {k + 1}) return acc;')
            body.append('  pw = f64x2.mul(pw, w);')
    o = ['// Generated by assembly/special/gen_debye_tail.py. Do not edit.',
         '// Debye\'s sum for two points at once (see besselx2.ts), one Horner chain per term.', '',
         '// each coefficient twice (one f64x2), in the order the code below reads them',
         'const DT: usize = memory.data<f64>([' + ', '.join(f'{c}, {c}' for c in table) + '], 16);', '',
         '/** sum_{k=1}^{K-1} w^k P_k(y) per lane, K = Kv\'s lane (terms k >= K masked to exactly zero),',
         ' *  Kmax = the larger lane\'s K (1 <= Kmax <= ' + str(KMAX) + '). */',
         '// @ts-ignore: decorator',
         '@inline export function debyeTailX2(y: v128, w: v128, Kv: v128, Kmax: i32): v128 {',
         '  let acc = f64x2.splat(0.0);',
         '  let pw = w;',
         '  let p: v128;'] + body + ['  return acc;', '}']
    print('\n'.join(o + tiny_code(*tiny_tables()) + ktab_large()))


if __name__ == '__main__':
    main()
