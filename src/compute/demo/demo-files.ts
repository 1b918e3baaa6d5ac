/** Names of the committed demo files under public/demo-data/ (shared by the script, tests and the UI). */
export const DEMO_FILE_STEM = 'demo-confocal';
export const DEMO_TIFF = `${DEMO_FILE_STEM}.tif`;
export const DEMO_TRUTH = `${DEMO_FILE_STEM}.truth.json`;
