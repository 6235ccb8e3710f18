// The arena: every buffer the facade hands to a kernel lives in this module's linear memory and is
// obtained here. The TLSF allocator of AssemblyScript's minimal runtime backs it; kernels never
// allocate managed objects, so no garbage collector ever runs and pointers stay valid until freed.
// 16-byte alignment (TLSF's granule) keeps every v128 access aligned.

export function alloc(bytes: usize): usize {
  return heap.alloc(bytes == 0 ? 16 : bytes);
}

export function free(ptr: usize): void {
  if (ptr != 0) heap.free(ptr);
}

/** Current size of linear memory in bytes; the facade compares it to decide when views are stale. */
export function memoryBytes(): usize {
  return <usize>memory.size() << 16;
}
