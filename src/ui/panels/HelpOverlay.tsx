import { KEY_BINDINGS, POINTER_BINDINGS } from '../input/bindings';
import { FIT_KEY_BINDINGS, FIT_POINTER_BINDINGS } from '../input/fit-bindings';
import { useLucid } from '../store';

/** The bindings table, rendered as is: what is listed here is what the keyboard handler does. */
export function HelpOverlay() {
  const open = useLucid((s) => s.helpOpen);
  const setHelpOpen = useLucid((s) => s.setHelpOpen);
  if (!open) return null;
  return (
    <div className="overlay" data-testid="help-overlay" onClick={() => setHelpOpen(false)}>
      <div className="help" role="dialog" aria-label="Keyboard and mouse" onClick={(e) => e.stopPropagation()}>
        <header>
          <h2>Keyboard and mouse</h2>
          <button type="button" className="dismiss" aria-label="Close help" onClick={() => setHelpOpen(false)}>×</button>
        </header>
        <div className="help-columns">
          <table>
            <caption>Keys (Shift: ×10 steps)</caption>
            <tbody>
              {KEY_BINDINGS.map((b) => (
                <tr key={b.action}><td><kbd>{b.label}</kbd></td><td>{b.description}</td></tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>Mouse</caption>
            <tbody>
              {POINTER_BINDINGS.map((b) => (
                <tr key={b.gesture}><td><kbd>{b.gesture}</kbd></td><td>{b.description}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="help-columns" data-testid="help-fit">
          <table>
            <caption>Fit mode keys (they replace a and r there)</caption>
            <tbody>
              {FIT_KEY_BINDINGS.map((b) => (
                <tr key={b.label}><td><kbd>{b.label}</kbd></td><td>{b.description}</td></tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>Fit mode mouse</caption>
            <tbody>
              {FIT_POINTER_BINDINGS.map((b) => (
                <tr key={b.gesture}><td><kbd>{b.gesture}</kbd></td><td>{b.description}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="help-note">
          Conventions follow Neuroglancer and Fiji; xy rows are y, columns x. The xz and yz views stretch z by
          the voxel size ratio, so anisotropic voxels keep their true aspect.
        </p>
      </div>
    </div>
  );
}
