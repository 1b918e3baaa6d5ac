import { openFile } from '../engine/open-volume';
import { registerFileInput } from '../input/file-dialog';
import { lucidStore, useLucid } from '../store';
import { OpenProgress } from './OpenProgress';

/** Title, "Open TIFF…" (a labelled file input), progress of an open, and the help toggle. */
export function Toolbar() {
  const helpOpen = useLucid((s) => s.helpOpen);
  const setHelpOpen = useLucid((s) => s.setHelpOpen);
  const fitMode = useLucid((s) => s.fitMode);
  const setFitMode = useLucid((s) => s.setFitMode);
  const onPick = (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Reset so that picking the same file again (e.g. after fixing it) fires a change.
    e.target.value = '';
    e.target.blur();
    if (file) void openFile(lucidStore, file);
  };
  return (
    <header className="toolbar">
      <span className="brand">Lucid</span>
      <label className="button primary open-button">
        Open TIFF…
        <input ref={registerFileInput} data-testid="file-input" type="file" accept=".tif,.tiff" onChange={onPick} />
      </label>
      <button type="button" data-testid="fit-mode" aria-pressed={fitMode} onClick={() => setFitMode(!fitMode)} title="Fit a PERI model: set up, run, inspect, export">
        {fitMode ? 'Fit ✓' : 'Fit…'}
      </button>
      <OpenProgress />
      <span className="spacer" />
      <button type="button" aria-pressed={helpOpen} onClick={() => setHelpOpen(!helpOpen)} title="Keyboard and mouse help (h or ?)">
        ? Help
      </button>
    </header>
  );
}
