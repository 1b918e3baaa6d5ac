/**
 * Bounded cache of OTFs (and GPU FFT plans) keyed by (kernel identity and version, shape, where it
 * lives). Kernel identity is the PSF/OTF array object itself: change an array in place and bump
 * the kernel's `version`, or pass a new array. Least recently used entries are evicted past
 * `maxEntries` or `maxBytes`, and GPU entries are destroyed then; an entry whose GPU context was
 * lost is dropped on lookup. Do not evict (clear, or overfill the cache) between recording an
 * encoder that uses a GPU entry and submitting it.
 */

export interface CacheEntry<T> {
  value: T;
  bytes: number;
  dispose?: () => void;
  /** False once the entry can no longer be used (its GPU context lost). */
  valid?: () => boolean;
}

export interface OtfCacheOptions {
  /** Default 16. */
  maxEntries?: number;
  /** Default 512 MiB. */
  maxBytes?: number;
}

const ids = new WeakMap<object, number>();
let nextId = 1;

/** A number naming this object for as long as it lives. */
export function identity(obj: object): number {
  let id = ids.get(obj);
  if (id === undefined) {
    id = nextId++;
    ids.set(obj, id);
  }
  return id;
}

export class OtfCache {
  readonly maxEntries: number;
  readonly maxBytes: number;
  private readonly entries = new Map<string, CacheEntry<unknown>>();
  private readonly pending = new Map<string, Promise<unknown>>();
  private totalBytes = 0;

  constructor(options: OtfCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 16;
    this.maxBytes = options.maxBytes ?? 512 * 2 ** 20;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  has(key: string): boolean {
    return this.lookup(key) !== undefined;
  }

  get<T>(key: string, create: () => CacheEntry<T>): T {
    const hit = this.lookup(key);
    if (hit) return hit.value as T;
    return this.insert(key, create());
  }

  /** Like `get`; concurrent requests for one key share one creation. */
  async getAsync<T>(key: string, create: () => Promise<CacheEntry<T>>): Promise<T> {
    const hit = this.lookup(key);
    if (hit) return hit.value as T;
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight as Promise<T>;
    const made = create().then((entry) => this.insert(key, entry)).finally(() => this.pending.delete(key));
    this.pending.set(key, made);
    return made;
  }

  clear(): void {
    for (const key of [...this.entries.keys()]) this.remove(key);
  }

  private lookup(key: string): CacheEntry<unknown> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.valid && !entry.valid()) {
      this.remove(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  private insert<T>(key: string, entry: CacheEntry<T>): T {
    if (this.entries.has(key)) this.remove(key);
    this.entries.set(key, entry as CacheEntry<unknown>);
    this.totalBytes += entry.bytes;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.totalBytes <= this.maxBytes) break;
      if (oldest === key) continue;
      this.remove(oldest);
    }
    return entry.value;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
    entry.dispose?.();
  }
}

/** The cache used when a convolution is not given one. */
export const defaultOtfCache = new OtfCache();
