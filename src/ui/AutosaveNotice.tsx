// Says when this tab's work is not being saved, and why: another tab saves
// this browser's project, or the last autosave could not be read (kept, and
// downloadable, until the user chooses to replace it).
import { discardUnreadableAutosave, takeOverSaving, unreadableAutosaveText, useSaveState } from '../state/persist';
import { downloadBlob } from './download';

export function AutosaveNotice() {
  const state = useSaveState((s) => s.state);
  const unreadable = useSaveState((s) => s.unreadable);

  if (unreadable) {
    const download = () => {
      const text = unreadableAutosaveText();
      if (text) downloadBlob(new Blob([text], { type: 'application/json' }), 'carezones-autosave-kept.json');
    };
    const discard = () => {
      if (window.confirm('Replace the kept autosave with the project open now? Download it first if you may need it.')) discardUnreadableAutosave();
    };
    return (
      <div className="autosave-notice" role="alert" data-testid="autosave-unreadable">
        <p>
          The project saved in this browser could not be opened, so the example county is shown instead.
          The saved project is kept, and nothing you do here is saved over it until you choose.
        </p>
        <p className="hint">Why: {unreadable.message}</p>
        <button type="button" onClick={download}>Download the saved project</button>
        <button type="button" onClick={discard}>Save new work over it</button>
      </div>
    );
  }
  if (state === 'other-tab') {
    return (
      <div className="autosave-notice" role="alert" data-testid="autosave-other-tab">
        <p>This project is open in another tab, which is saving it. Changes made in this tab are not saved.</p>
        <button type="button" onClick={takeOverSaving}>Save from this tab instead</button>
      </div>
    );
  }
  return null;
}
