import { useLucid } from '../../store';
import { ExportPanel } from './ExportPanel';
import { ParamTable } from './ParamTable';
import { RunPanel } from './RunPanel';
import { SessionPanel } from './SessionPanel';
import { SetupPanel } from './SetupPanel';

/** The sidebar of the fit mode: setup until a state exists, then the state, fitting and export. */
export function FitPanel() {
  const volume = useLucid((s) => s.volume);
  const session = useLucid((s) => s.session);
  if (!volume) return <p className="hint">Open a TIFF to fit it.</p>;
  return (
    <>
      {session ? (
        <>
          <SessionPanel />
          <RunPanel />
          <ParamTable />
        </>
      ) : (
        <SetupPanel volume={volume} />
      )}
      <ExportPanel />
    </>
  );
}
