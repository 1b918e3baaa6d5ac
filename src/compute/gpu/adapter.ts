/** Adapter helpers: the limits to request and a readable adapter name. */

/** Every numeric limit the adapter reports, to request the device at the adapter's maximum. */
export function adapterMaxLimits(limits: GPUSupportedLimits): Record<string, number> {
  const out: Record<string, number> = {};
  const source = limits as unknown as Record<string, unknown>;
  for (const name in limits) {
    const value = source[name];
    if (typeof value === 'number') out[name] = value;
  }
  return out;
}

export function describeAdapter(info: GPUAdapterInfo | undefined): string {
  if (!info) return 'unknown adapter';
  const parts = [info.vendor, info.architecture, info.device, info.description];
  const seen = new Set<string>();
  const name = parts.filter((p) => p && !seen.has(p) && seen.add(p)).join(' ');
  return name || 'unknown adapter';
}
