// Says why the last edit left something undone (painting into a locked zone,
// over locked units). A polite live region that is always present, so screen
// readers announce each new notice; it can be dismissed.
import { useApp } from '../state/store';

export function EditNotice() {
  const notice = useApp((s) => s.notice);
  const setNotice = useApp((s) => s.setNotice);
  return (
    <div className="edit-notice" role="status" data-testid="edit-notice">
      {notice && (
        <p>
          {notice}
          <button type="button" aria-label="Dismiss" onClick={() => setNotice(null)}>×</button>
        </p>
      )}
    </div>
  );
}
