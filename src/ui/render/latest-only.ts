/**
 * Coalesces slice requests: at most one request in flight; while it runs only the newest wish is
 * kept, and it is sent when the running one returns. Wheel-scrolling therefore never queues stale
 * work, and intermediate slices still show while scrolling.
 */

export interface Wish {
  /** Identifies the source (volume id); results for another key are dropped. */
  key: string;
  index: number;
}

export interface Delivery<T> extends Wish {
  result: T;
  /** When this slice was first wished for (same clock as `now`), if it is still the newest wish; else null. */
  wantedAt: number | null;
}

type Fetch<T> = (key: string, index: number) => Promise<T>;

export class LatestOnly<T> {
  private wanted: (Wish & { at: number }) | null = null;
  private inFlight: Wish | null = null;
  private done: Wish | null = null;
  private disposed = false;

  constructor(
    private readonly fetch: Fetch<T>,
    private readonly deliver: (d: Delivery<T>) => void,
    private readonly fail: (err: unknown, wish: Wish) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Asks for a slice; cheap to call repeatedly with the same wish. */
  want(key: string, index: number): void {
    if (this.disposed) return;
    if (!this.wanted || !same(this.wanted, { key, index })) this.wanted = { key, index, at: this.now() };
    if (!this.inFlight) this.pump();
  }

  /** Forgets what was delivered, so the next `want` fetches again (e.g. the engine restarted). */
  invalidate(): void {
    this.done = null;
  }

  get busy(): boolean {
    return this.inFlight !== null;
  }

  dispose(): void {
    this.disposed = true;
  }

  private pump(): void {
    const wish = this.wanted;
    if (this.disposed || !wish || (this.done && same(this.done, wish))) return;
    const req: Wish = { key: wish.key, index: wish.index };
    this.inFlight = req;
    this.fetch(req.key, req.index).then(
      (result) => this.settle(req, () => {
        const current = this.wanted;
        if (!current || current.key !== req.key) return;
        this.deliver({ ...req, result, wantedAt: same(current, req) ? current.at : null });
      }),
      (err: unknown) => this.settle(req, () => {
        if (this.wanted && same(this.wanted, req)) this.fail(err, req);
      }),
    );
  }

  private settle(req: Wish, report: () => void): void {
    this.inFlight = null;
    if (this.disposed) return;
    this.done = req;
    try {
      report();
    } finally {
      this.pump();
    }
  }
}

function same(a: Wish, b: Wish): boolean {
  return a.key === b.key && a.index === b.index;
}
