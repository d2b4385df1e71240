// Says where an edit of the baseline went: the plan in force stays as it was and
// the edit is in a working copy. The live region is always there, so screen
// readers announce the message when it appears.
import { useApp } from '../state/store';

export function BaselineNotice() {
  const copy = useApp((s) => s.baselineCopy);
  const dismiss = useApp((s) => s.dismissBaselineCopy);
  return (
    <div role="status" data-testid="baseline-copy">
      {copy && (
        <div className="autosave-notice baseline-notice">
          <p>
            “{copy.baseline}” is the baseline, the plan in force: it stays as it was, and disruption is measured against it.
            Your edits are in a new scenario, “{copy.copy}”. To change the baseline itself, tick “edit it directly” in Scenarios.
          </p>
          <button type="button" onClick={dismiss}>OK</button>
        </div>
      )}
    </div>
  );
}
