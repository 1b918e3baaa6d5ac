/** Lets the keyboard open the file chooser of the toolbar's file input. */
let input: HTMLInputElement | null = null;

export function registerFileInput(el: HTMLInputElement | null): void {
  input = el;
}

export function openFileDialog(): void {
  input?.click();
}
