import { describe, expect, it } from 'vitest';
import { LatestOnly, type Delivery } from './latest-only';

interface Call {
  key: string;
  index: number;
  resolve: (v: string) => void;
  reject: (e: Error) => void;
}

function harness() {
  const calls: Call[] = [];
  const delivered: Delivery<string>[] = [];
  const failed: { err: unknown; index: number }[] = [];
  let clock = 0;
  const lo = new LatestOnly<string>(
    (key, index) => new Promise((resolve, reject) => calls.push({ key, index, resolve, reject })),
    (d) => delivered.push(d),
    (err, w) => failed.push({ err, index: w.index }),
    () => clock,
  );
  return { lo, calls, delivered, failed, tick: (ms: number) => { clock += ms; } };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('LatestOnly', () => {
  it('keeps one request in flight and sends only the newest wish next', async () => {
    const h = harness();
    h.lo.want('v1', 0);
    h.lo.want('v1', 1);
    h.lo.want('v1', 2);
    h.lo.want('v1', 3);
    expect(h.calls.map((c) => c.index)).toEqual([0]);
    h.calls[0].resolve('s0');
    await settle();
    expect(h.calls.map((c) => c.index)).toEqual([0, 3]);
    expect(h.delivered.map((d) => d.index)).toEqual([0]);
    h.calls[1].resolve('s3');
    await settle();
    expect(h.delivered.map((d) => d.result)).toEqual(['s0', 's3']);
    expect(h.calls).toHaveLength(2);
  });

  it('stamps only the newest wish with the time it was wished', async () => {
    const h = harness();
    h.lo.want('v1', 0);
    h.tick(5);
    h.lo.want('v1', 1);
    h.tick(7);
    h.calls[0].resolve('stale');
    await settle();
    h.calls[1].resolve('fresh');
    await settle();
    expect(h.delivered[0].wantedAt).toBeNull();
    expect(h.delivered[1].wantedAt).toBe(5);
  });

  it('drops results of another key (a replaced volume) and asks again', async () => {
    const h = harness();
    h.lo.want('old', 4);
    h.lo.want('new', 4);
    h.calls[0].resolve('old slice');
    await settle();
    expect(h.delivered).toHaveLength(0);
    expect(h.calls.map((c) => c.key)).toEqual(['old', 'new']);
  });

  it('does not refetch what it delivered unless invalidated', async () => {
    const h = harness();
    h.lo.want('v', 1);
    h.calls[0].resolve('a');
    await settle();
    h.lo.want('v', 1);
    expect(h.calls).toHaveLength(1);
    h.lo.invalidate();
    h.lo.want('v', 1);
    expect(h.calls).toHaveLength(2);
  });

  it('reports a failure of the newest wish once and keeps serving later wishes', async () => {
    const h = harness();
    h.lo.want('v', 1);
    h.calls[0].reject(new Error('boom'));
    await settle();
    expect(h.failed.map((f) => f.index)).toEqual([1]);
    h.lo.want('v', 2);
    h.calls[1].resolve('ok');
    await settle();
    expect(h.delivered.map((d) => d.result)).toEqual(['ok']);
  });

  it('delivers nothing after dispose', async () => {
    const h = harness();
    h.lo.want('v', 1);
    h.lo.dispose();
    h.calls[0].resolve('late');
    await settle();
    expect(h.delivered).toHaveLength(0);
  });
});
