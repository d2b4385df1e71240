// The project's name in the top bar, and renaming it. The name heads the lot
// report and names the saved file; an imported project starts with its users
// file's name, which is rarely what a council calls the plan.
import { useState } from 'react';
import { useApp } from '../state/store';

export function ProjectName() {
  const name = useApp((s) => s.project?.name ?? '');
  const renameProject = useApp((s) => s.renameProject);
  const [draft, setDraft] = useState<string | null>(null);

  if (draft === null) {
    return (
      <span className="project-name">
        <span data-testid="project-name">{name}</span>
        <button type="button" className="rename" onClick={() => setDraft(name)} aria-label={`Rename project ${name}`}>
          Rename
        </button>
      </span>
    );
  }
  const done = (keep: boolean) => {
    if (keep) renameProject(draft);
    setDraft(null);
  };
  return (
    <form
      className="project-name editing"
      onSubmit={(e) => {
        e.preventDefault();
        done(true);
      }}
    >
      <input
        autoFocus
        aria-label="Project name"
        value={draft}
        maxLength={120}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') done(false);
        }}
      />
      <button type="submit" disabled={draft.trim() === ''}>Save name</button>
      <button type="button" onClick={() => done(false)}>Cancel</button>
    </form>
  );
}
