/** A convolution asked with shapes or kernels that do not fit together; the message says which and why. */
export class ConvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConvError';
  }
}
