// The "Import data" dialog: a council's own files in, a validation report,
// then (only if the user says so) the new project opened. Every file is read
// in a worker (src/workers/import/client.ts) behind a progress bar with Cancel; the open
// project is untouched until "Open this project".
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Remote } from 'comlink';
import type { BaseColumnMapping, UserColumnMapping } from '../../import/csv';
import type { ImportPhase } from '../../import/problems';
import { clearLookup, lookupMeta, type LookupMeta } from '../../import/lookupCache';
import type { ProjectFromFiles } from '../../import/projectFromFiles';
import { useApp } from '../../state/store';
import type { ImportApi } from '../../workers/import/protocol';
import { draftProblem, EMPTY_DRAFT, importRequest, type BoundaryChoice, type Draft } from './draft';
import { BASE_FIELDS, USER_FIELDS, baseMappingProblem, userMappingProblem } from './fields';
import { jobError, runImportJob, type ProgressCallback } from '../../workers/import/client';
import { LookupStep } from './LookupStep';
import { recallMapping, rememberMapping } from './mappingMemory';
import { ProgressBar } from './ProgressBar';
import { ReportScreen } from './ReportScreen';
import { TableStep } from './TableStep';
import { UnitsStep } from './UnitsStep';
import { ModalDialog } from '../ModalDialog';
import { ZonesStep } from './ZonesStep';

const STEPS = [
  { id: 'lookup', title: 'Postcode lookup' },
  { id: 'users', title: 'Service users' },
  { id: 'units', title: 'Units' },
  { id: 'bases', title: 'Provider bases' },
  { id: 'zones', title: 'Current zones' },
] as const;
type StepId = (typeof STEPS)[number]['id'];

const TEMPLATES = `${import.meta.env.BASE_URL}templates/`;

interface Job {
  progress: ImportPhase;
  cancel(): void;
}

export function ImportDialog({ onClose }: { onClose(): void }) {
  const [step, setStep] = useState<StepId>('lookup');
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [lookup, setLookup] = useState<LookupMeta | null | undefined>(undefined);
  const [usersArea, setUsersArea] = useState<{ key: unknown; km2: number } | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState('');
  const [result, setResult] = useState<ProjectFromFiles | null>(null);
  const jobRef = useRef<Job | null>(null);

  useEffect(() => {
    lookupMeta().then(setLookup, (e: unknown) => {
      setLookup(null);
      setError(jobError(e));
    });
    return () => jobRef.current?.cancel();
  }, []);

  /** Runs one worker job behind the progress bar; null when it failed or was cancelled (the message is shown). */
  const run = useCallback(async <T,>(phase: string, work: (api: Remote<ImportApi>, onProgress: ProgressCallback) => Promise<T>): Promise<T | null> => {
    setError('');
    const j = runImportJob(work, (progress) => setJob((cur) => cur && { ...cur, progress }));
    jobRef.current = { progress: { phase, fraction: 0 }, cancel: j.cancel };
    setJob(jobRef.current);
    try {
      return await j.result;
    } catch (e) {
      const message = jobError(e);
      setError(message ? `${message} Your current project is unchanged.` : 'Cancelled. Your current project is unchanged.');
      return null;
    } finally {
      jobRef.current = null;
      setJob(null);
    }
  }, []);

  const update = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  const chooseUsers = async (file: File) => {
    const preview = await run(`reading ${file.name}`, (api) => api.previewTable(file));
    if (!preview) return;
    const mapping = recallMapping<UserColumnMapping>('users', preview.headers, preview.guessedUsers);
    setDraft((d) => ({
      ...d,
      users: { file, preview, mapping },
      zones: mapping.zone !== null && d.zones.kind === 'none' ? { ...d.zones, kind: 'usersColumn' } : d.zones,
    }));
  };
  const chooseBases = async (file: File) => {
    const preview = await run(`reading ${file.name}`, (api) => api.previewTable(file));
    if (preview) update({ bases: { file, preview, mapping: recallMapping<BaseColumnMapping>('bases', preview.headers, preview.guessedBases) } });
  };
  const chooseBoundary = async (file: File): Promise<BoundaryChoice | null> => {
    const info = await run(`reading ${file.name}`, (api) => api.inspectBoundary(file));
    return info && { file, info };
  };
  const loadLookup = async (file: File) => {
    const meta = await run('reading postcode lookup', (api, onProgress) => api.loadLookup(file, onProgress));
    if (meta) setLookup(meta);
  };

  // Hexagon counts need the users' area: work it out when the units step is shown.
  const users = draft.users;
  const areaKey = users && !userMappingProblem(users.mapping) ? users : null;
  useEffect(() => {
    if (step !== 'units' || draft.units.kind !== 'h3' || !areaKey || usersArea?.key === areaKey || jobRef.current) return;
    void run('measuring the service users’ area', (api) => api.usersAreaKm2(areaKey.file, areaKey.mapping, document.baseURI)).then(
      (km2) => km2 !== null && setUsersArea({ key: areaKey, km2 }),
    );
  }, [step, draft.units.kind, areaKey, usersArea, run]);

  const blocker = draftProblem(draft);
  const startImport = async () => {
    if (blocker) return;
    rememberMapping('users', draft.users!.preview.headers, draft.users!.mapping);
    if (draft.bases) rememberMapping('bases', draft.bases.preview.headers, draft.bases.mapping);
    if (draft.zones.list) rememberMapping('zone-list', draft.zones.list.preview.headers, draft.zones.list.mapping);
    const request = importRequest(draft, document.baseURI);
    const r = await run('starting the import', (api, onProgress) => api.importFiles(request, onProgress));
    if (r) setResult(r);
  };

  const close = () => {
    jobRef.current?.cancel();
    onClose();
  };
  const index = STEPS.findIndex((s) => s.id === step);
  const busy = job !== null;

  return (
    <ModalDialog className="import-dialog" labelledBy="import-title" onClose={close}>
        <header className="import-head">
          <h2 id="import-title">{result ? 'Import report' : 'Import data'}</h2>
          <span className="muted">Files are read on this computer only; nothing is uploaded.</span>
          <button type="button" className="close" aria-label="Close import" onClick={close}>×</button>
        </header>
        {result ? (
          <ReportScreen
            result={result}
            onOpen={() => {
              useApp.getState().openProject(result.project);
              onClose();
            }}
            onBack={() => setResult(null)}
            onCancel={close}
          />
        ) : (
          <div className="import-body">
            <nav className="import-steps" aria-label="Import steps">
              <ol>
                {STEPS.map((s, i) => (
                  <li key={s.id}>
                    <button type="button" className={s.id === step ? 'active' : undefined} aria-current={s.id === step ? 'step' : undefined} onClick={() => setStep(s.id)} disabled={busy}>
                      <span className="step-number">{i + 1}</span> {s.title}
                      {s.id === 'lookup' || s.id === 'bases' || s.id === 'zones' ? <small>optional</small> : null}
                    </button>
                  </li>
                ))}
              </ol>
              <div className="templates">
                <p>Templates</p>
                <a href={`${TEMPLATES}service-users.csv`} download data-template="service-users">service-users.csv</a>
                <a href={`${TEMPLATES}provider-bases.csv`} download data-template="provider-bases">provider-bases.csv</a>
              </div>
            </nav>
            <div className="import-main" data-step={step}>
              {step === 'lookup' && (
                <LookupStep meta={lookup} onFile={loadLookup} busy={busy} onClear={() => clearLookup().then(() => setLookup(null), (e: unknown) => setError(jobError(e)))} />
              )}
              {step === 'users' && (
                <TableStep<UserColumnMapping>
                  kind="users"
                  intro={<p>One row per person: a pseudonymous id (never a name), postcode, weekly hours, carers per visit, waiting, current zone. CSV or TSV, any column names: check the mapping below.</p>}
                  choice={draft.users}
                  fields={USER_FIELDS}
                  problem={userMappingProblem}
                  onFile={chooseUsers}
                  onMapping={(mapping) => update({ users: draft.users && { ...draft.users, mapping } })}
                  busy={busy}
                >
                  {draft.users && draft.users.mapping.carers !== null && (
                    <label className="mapping-field">
                      <span className="mapping-label">Carers column holds</span>
                      <select data-field="carersFormat" value={draft.users.mapping.carersFormat} onChange={(e) => update({ users: { ...draft.users!, mapping: { ...draft.users!.mapping, carersFormat: e.target.value as UserColumnMapping['carersFormat'] } } })}>
                        <option value="count">a number of carers (1 or 2)</option>
                        <option value="doubleHandedFlag">double-handed yes/no</option>
                      </select>
                    </label>
                  )}
                </TableStep>
              )}
              {step === 'units' && (
                <UnitsStep
                  units={draft.units}
                  onChange={(units) => update({ units })}
                  usersAreaKm2={usersArea && usersArea.key === areaKey ? usersArea.km2 : null}
                  busy={busy}
                  onBoundaryFile={async (file, use) => {
                    const choice = await chooseBoundary(file);
                    if (!choice) return;
                    setDraft((d) => ({
                      ...d,
                      units: use === 'cover' ? { ...d.units, cover: choice } : { ...d.units, boundary: choice, fields: choice.info.guessed },
                    }));
                  }}
                />
              )}
              {step === 'bases' && (
                <TableStep<BaseColumnMapping>
                  kind="bases"
                  intro={<p>One row per provider office or carers’ home area: id, name, postcode, weekly capacity in hours, zone(s) served. Optional.</p>}
                  choice={draft.bases}
                  fields={BASE_FIELDS}
                  problem={baseMappingProblem}
                  onFile={chooseBases}
                  onMapping={(mapping) => update({ bases: draft.bases && { ...draft.bases, mapping } })}
                  onRemove={() => update({ bases: null })}
                  busy={busy}
                />
              )}
              {step === 'zones' && (
                <ZonesStep
                  zones={draft.zones}
                  onChange={(zones) => update({ zones })}
                  usersZoneColumn={draft.users?.mapping.zone ?? null}
                  busy={busy}
                  onBoundaryFile={async (file) => {
                    const choice = await chooseBoundary(file);
                    if (choice) setDraft((d) => ({ ...d, zones: { ...d.zones, boundary: choice, fields: { id: choice.info.guessed.id ?? choice.info.propertyNames[0] ?? '', name: choice.info.guessed.name } } }));
                  }}
                  onListFile={async (file) => {
                    const preview = await run(`reading ${file.name}`, (api) => api.previewTable(file));
                    if (preview) setDraft((d) => ({ ...d, zones: { ...d.zones, list: { file, preview, mapping: recallMapping('zone-list', preview.headers, preview.guessedZoneList) } } }));
                  }}
                />
              )}
            </div>
          </div>
        )}
        {!result && (
          <footer className="import-foot">
            {job ? (
              <ProgressBar progress={job.progress} onCancel={job.cancel} />
            ) : (
              <>
                {error ? <p className="import-error" role="alert" data-testid="import-error">{error}</p> : <p className="hint" data-testid="import-blocker">{blocker ?? 'Ready to import.'}</p>}
                <span className="spacer" />
                <button type="button" onClick={() => setStep(STEPS[index - 1].id)} disabled={index === 0}>Back</button>
                <button type="button" onClick={() => setStep(STEPS[index + 1].id)} disabled={index === STEPS.length - 1}>Next</button>
                <button type="button" className="primary" data-action="run-import" onClick={startImport} disabled={blocker !== null}>Import</button>
              </>
            )}
          </footer>
        )}
    </ModalDialog>
  );
}
