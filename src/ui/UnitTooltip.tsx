import { useHover } from '../state/hover';
import { useApp, useScenario } from '../state/store';
import { usePlanScore } from '../state/useScores';
import { isUnitLocked } from '../model/scenario';
import { RURALITY_NAMES, type Rurality } from '../../solver/model';
import { fmt1, fmtInt } from './format';
import { zoneLabel } from '../../solver/zoneLabel';

/** Hover card for one unit: what a commissioner needs to know at a glance. */
export function UnitTooltip() {
  const hover = useHover((s) => s.hover);
  const project = useApp((s) => s.project);
  const s = useScenario();
  const score = usePlanScore();
  if (!hover || !project) return null;
  const { model } = project;
  const u = hover.unit;
  const z = s.zoneOf[u];
  const zone = z >= 0 ? s.zones[z] : null;
  const ruc = model.units.ruc[u];
  const town = model.units.town[u];
  // The hatched units: say they earn the extra-rural rate, and why.
  const extra = score?.extraRural.flags.find((f) => f.unit === u);
  return (
    <div className="tooltip" role="tooltip" style={{ left: hover.x + 14, top: hover.y + 14 }}>
      <div className="tooltip-title">{model.units.names[u]}</div>
      <dl>
        <dt>Zone</dt>
        <dd>
          {zone ? zoneLabel(zone) : 'Unassigned'}
          {isUnitLocked(s, u) ? ' (locked)' : ''}
        </dd>
        {town >= 0 && (
          <>
            <dt>Town</dt>
            <dd>{model.towns[town].name}</dd>
          </>
        )}
        <dt>Service users</dt>
        <dd>{fmtInt(model.demand.users[u])}</dd>
        <dt>Weekly hours</dt>
        <dd>{fmt1(model.demand.hours[u])}</dd>
        <dt>Waiting</dt>
        <dd>{fmtInt(model.demand.waitingUsers[u])}</dd>
        <dt>Rurality</dt>
        <dd>
          {RURALITY_NAMES[model.units.rurality[u] as Rurality]}
          {model.units.sparse[u] ? ', sparse' : ''}
          {ruc ? ` (${ruc})` : ''}
        </dd>
        {extra && (
          <>
            <dt>Extra-rural</dt>
            <dd data-testid="tooltip-extra-rural">
              {extra.newArea ? 'a new area (no hours yet), ' : 'on the extra-rural rate, '}
              score {extra.score.toFixed(2)}: {extra.reasons.join('; ')}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
