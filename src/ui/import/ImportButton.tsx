// The top bar's "Import data…" button and the dialog it opens. The dialog is
// portalled to <body> so the top bar's button styles do not reach it.
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { ImportDialog } from './ImportDialog';

export function ImportButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" data-action="import-data" onClick={() => setOpen(true)}>Import data…</button>
      {open && createPortal(<ImportDialog onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}
