// Two scenarios side by side: a map of the units that change zone, every zone
// metric with its change, and the disruption (who would change provider).
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { scorePlan, type PlanScore, type ZoneScore } from '../../../solver/score';
import { useApp } from '../../state/store';
import { modelFor, type Scenario } from '../../model/scenario';
import { DiffMap } from '../../map/DiffMap';
import { fmt1, fmtInt, fmtPct, fmtSigned } from '../format';
import { ModalDialog } from '../ModalDialog';
import { zoneLabel } from '../../../solver/zoneLabel';

interface Metric {
  label: string;
  value: (z: ZoneScore) => number | null;
  format: (x: number) => string;
  /** Format for the change, when it differs (e.g. percentage points). */
  delta?: (x: number) => string;
}

const money = (x: number) => `£${fmtInt(x)}`;
const thousands = (x: number) => `£${fmtInt(x / 1000)}k`;

const METRICS: Metric[] = [
  { label: 'Users', value: (z) => z.users, format: fmtInt },
  { label: 'Hours / week', value: (z) => z.hours, format: fmt1 },
  { label: 'Waiting', value: (z) => z.waitingUsers, format: fmtInt },
  { label: 'Rural share', value: (z) => z.ruralShare, format: fmtPct, delta: (x) => `${fmt1(x * 100)} pts` },
  { label: 'Travel, km', value: (z) => (z.travelFromBase ? z.travelFromBase.metres / 1000 : null), format: fmt1 },
  { label: 'Pieces', value: (z) => z.pieces, format: fmtInt },
  { label: 'Extra-rural h', value: (z) => z.extraRuralHours, format: fmt1 },
  { label: 'Annual cost', value: (z) => z.annualCost, format: thousands },
];

function score(project: NonNullable<ReturnType<typeof useApp.getState>['project']>, s: Scenario, settings: ReturnType<typeof useApp.getState>['settings'], baseline?: Scenario): PlanScore {
  return scorePlan(modelFor(project.model, s), { zoneOf: s.zoneOf }, settings, baseline ? { baseline: { zoneOf: baseline.zoneOf } } : undefined);
}

export function CompareView() {
  const { project, scenarios, compare, settings, setCompare } = useApp(
    useShallow((s) => ({ project: s.project, scenarios: s.scenarios, compare: s.compare, settings: s.settings, setCompare: s.setCompare })),
  );
  const a = scenarios.find((s) => s.id === compare?.a) ?? scenarios[0];
  const b = scenarios.find((s) => s.id === compare?.b) ?? scenarios[scenarios.length - 1];
  const scores = useMemo(() => (project ? { a: score(project, a, settings), b: score(project, b, settings, a) } : null), [project, a, b, settings]);
  if (!project || !scores) return null;

  // Zones are matched by id, so a zone added or deleted in one scenario shows as a blank on the other side.
  const ids = [...new Set([...a.zones.map((z) => z.id), ...b.zones.map((z) => z.id)])];
  const zoneA = (id: string) => scores.a.zones[a.zones.findIndex((z) => z.id === id)];
  const zoneB = (id: string) => scores.b.zones[b.zones.findIndex((z) => z.id === id)];
  const d = scores.b.disruption!;
  const pick = (which: 'a' | 'b', id: string) => setCompare({ a: which === 'a' ? id : a.id, b: which === 'b' ? id : b.id });

  return (
    <ModalDialog className="compare" labelledBy="compare-heading" testId="compare" onClose={() => setCompare(null)}>
      <header className="compare-head">
        <h2 id="compare-heading">Compare scenarios</h2>
        <label>
          A
          <select value={a.id} onChange={(e) => pick('a', e.target.value)} aria-label="Scenario A">
            {scenarios.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <label>
          B
          <select value={b.id} onChange={(e) => pick('b', e.target.value)} aria-label="Scenario B">
            {scenarios.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => setCompare(null)}>Close</button>
      </header>
      <div className="compare-body">
        <div className="compare-map">
          <DiffMap project={project} a={a} b={b} />
          <p className="compare-caption">
            Coloured: units that change zone from A to B, in their zone in B. Grey: unchanged. Dashed: locked in B.
          </p>
        </div>
        <div className="compare-tables">
          <dl className="disruption" data-testid="disruption">
            <div><dt>Units changing zone</dt><dd>{fmtInt(d.units)}</dd></div>
            <div><dt>Service users changing provider</dt><dd>{fmtInt(d.users)}</dd></div>
            <div><dt>Weekly hours changing provider</dt><dd>{fmt1(d.hours)}</dd></div>
            <div><dt>Annual cost, B − A</dt><dd>{fmtSigned(money)(scores.b.annualCost - scores.a.annualCost)}</dd></div>
            <div>
              <dt>Weekly travel, B − A</dt>
              <dd>{fmtSigned((x) => `${fmtInt(x)} hour-km`)((scores.b.travel.hourMetres - scores.a.travel.hourMetres) / 1000)}</dd>
            </div>
          </dl>
          <p className="hint">Each cell: the figure in B, and in brackets its change from A (hover for both).</p>
          <table className="compare-table" data-testid="compare-table">
            <thead>
              <tr>
                <th scope="col">Zone</th>
                {METRICS.map((m) => <th key={m.label} scope="col" className="num">{m.label}</th>)}
              </tr>
            </thead>
            <tbody>
              {ids.map((id) => {
                const za = zoneA(id);
                const zb = zoneB(id);
                const zone = (b.zones.find((z) => z.id === id) ?? a.zones.find((z) => z.id === id))!;
                return (
                  <tr key={id} data-zone={id}>
                    <th scope="row">{zoneLabel(zone)}</th>
                    {METRICS.map((m) => {
                      const va = za ? m.value(za) : null;
                      const vb = zb ? m.value(zb) : null;
                      const change = va !== null && vb !== null ? vb - va : null;
                      return (
                        <td
                          key={m.label}
                          className={`num ${change ? (change > 0 ? 'up' : 'down') : ''}`}
                          title={`A: ${va === null ? '–' : m.format(va)}, B: ${vb === null ? '–' : m.format(vb)}`}
                        >
                          {vb === null ? '–' : m.format(vb)}
                          {change ? <span className="delta"> ({fmtSigned(m.delta ?? m.format)(change)})</span> : null}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </ModalDialog>
  );
}
