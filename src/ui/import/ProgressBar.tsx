// What a running import job is doing, how far it is, and a way to stop it.
import type { ImportPhase } from '../../import/problems';

export function ProgressBar({ progress, onCancel }: { progress: ImportPhase; onCancel(): void }) {
  const percent = Math.round(progress.fraction * 100);
  return (
    <div className="import-progress" role="status" data-testid="import-progress">
      <span className="progress-phase">{progress.phase}…</span>
      <progress max={100} value={percent} aria-label={`${progress.phase}: ${percent}%`} />
      <span className="progress-percent">{percent}%</span>
      <button type="button" onClick={onCancel}>Cancel</button>
    </div>
  );
}
