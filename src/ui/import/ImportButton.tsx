// The top bar's "Import data…" button and the dialog it opens. The dialog is
// portalled to <body> so the top bar's button styles do not reach it.
import { lazy, Suspense, useState } from 'react';
import { createPortal } from 'react-dom';

// The import dialog and its parsers load only when it is opened.
const ImportDialog = lazy(() => import('./ImportDialog').then((m) => ({ default: m.ImportDialog })));

export function ImportButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" data-action="import-data" onClick={() => setOpen(true)}>Import data…</button>
      {open && createPortal(<Suspense fallback={null}><ImportDialog onClose={() => setOpen(false)} /></Suspense>, document.body)}
    </>
  );
}
