/** Bad options for the synthetic demo generator (user-facing message). */
export class DemoDataError extends Error {
  override name = 'DemoDataError';
}
