/** A shape, axis list or array length that the FFT cannot work with; the message says which and why. */
export class FftShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FftShapeError';
  }
}
