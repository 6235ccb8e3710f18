// Bit manipulation shared by the families.

/** The low `bits` bits of k in reverse order (0 when bits is 0). */
@inline export function bitrev(k: u32, bits: i32): u32 {
  k = ((k >> 1) & 0x55555555) | ((k & 0x55555555) << 1);
  k = ((k >> 2) & 0x33333333) | ((k & 0x33333333) << 2);
  k = ((k >> 4) & 0x0F0F0F0F) | ((k & 0x0F0F0F0F) << 4);
  k = ((k >> 8) & 0x00FF00FF) | ((k & 0x00FF00FF) << 8);
  k = (k >> 16) | (k << 16);
  return bits == 0 ? 0 : k >> (32 - bits);
}
