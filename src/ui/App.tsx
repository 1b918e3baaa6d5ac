import { useEffect, useState } from 'react';
import { FitInspector } from './fit/inspect/FitInspector';
import { FitPanel } from './fit/panels/FitPanel';
import { RestoreBanner } from './fit/RestoreBanner';
import { attachFileDrop } from './input/file-drop';
import { ChoiceDialog } from './panels/ChoiceDialog';
import { ContrastPanel } from './panels/ContrastPanel';
import { HelpOverlay } from './panels/HelpOverlay';
import { NoticeBanner } from './panels/NoticeBanner';
import { ReadoutPanel } from './panels/ReadoutPanel';
import { StatusBar } from './panels/StatusBar';
import { Toolbar } from './panels/Toolbar';
import { ViewPanel } from './panels/ViewPanel';
import { lucidStore, useLucid } from './store';
import { OrthoViewer } from './views/OrthoViewer';

export function App() {
  const layout = useLucid((s) => s.layout);
  const fitMode = useLucid((s) => s.fitMode);
  const [dragOver, setDragOver] = useState(false);
  useEffect(() => attachFileDrop(lucidStore, setDragOver), []);
  return (
    <div className="app">
      <Toolbar />
      <div className="notices-stack">
        <RestoreBanner />
        <NoticeBanner />
      </div>
      <div className={fitMode ? 'workspace workspace-fit' : 'workspace'}>
        <OrthoViewer />
        {fitMode && <FitInspector />}
        <aside className="sidebar" data-testid={fitMode ? 'fit-sidebar' : 'sidebar'}>
          {fitMode ? (
            <FitPanel />
          ) : (
            <>
              {layout === 'xy' && <ReadoutPanel />}
              <ContrastPanel />
              <ViewPanel />
            </>
          )}
        </aside>
      </div>
      <StatusBar />
      <HelpOverlay />
      <ChoiceDialog />
      {dragOver && <div className="drop-overlay">Drop a TIFF file to open it</div>}
    </div>
  );
}
