/** A reduction asked of data it cannot describe (no values, bad bins, bad tile); the message says which. */
export class ReduceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReduceError';
  }
}

export function checkNotEmpty(what: string, n: number): void {
  if (n === 0) throw new ReduceError(`${what} of an empty array is undefined`);
}
