// The zone table: one row per zone; clicking a row makes it the zone to paint.
import { useMemo } from 'react';
import type { CountyModel } from '../../solver/model';
import type { Scenario } from '../state/scenario';
import { useApp, useScenario } from '../state/store';
import { fmtInt, fmt1 } from './format';

interface ZoneRow {
  units: number;
  users: number;
  hours: number;
  waiting: number;
}

function zoneRows(model: CountyModel, s: Scenario): { rows: ZoneRow[]; unassigned: ZoneRow } {
  const blank = (): ZoneRow => ({ units: 0, users: 0, hours: 0, waiting: 0 });
  const rows = s.zones.map(blank);
  const unassigned = blank();
  for (let u = 0; u < model.units.count; u++) {
    const row = rows[s.zoneOf[u]] ?? unassigned;
    row.units += 1;
    row.users += model.demand.users[u];
    row.hours += model.demand.hours[u];
    row.waiting += model.demand.waitingUsers[u];
  }
  return { rows, unassigned };
}

export function ZonePanel() {
  const project = useApp((st) => st.project)!;
  const s = useScenario();
  const activeZone = useApp((st) => st.activeZone);
  const setActiveZone = useApp((st) => st.setActiveZone);
  const { rows, unassigned } = useMemo(() => zoneRows(project.model, s), [project, s]);
  const total = rows.concat(unassigned).reduce((t, r) => ({
    units: t.units + r.units,
    users: t.users + r.users,
    hours: t.hours + r.hours,
    waiting: t.waiting + r.waiting,
  }));
  const maxHours = Math.max(...rows.map((r) => r.hours), 1);
  return (
    <section className="panel" aria-labelledby="zones-heading">
      <h2 id="zones-heading">Zones</h2>
      <table className="zone-table" data-testid="zone-table">
        <thead>
          <tr>
            <th scope="col">Zone</th>
            <th scope="col" className="num">Users</th>
            <th scope="col" className="num">Waiting</th>
            <th scope="col" className="num">Hours / week</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const z = s.zones[i];
            return (
              <tr
                key={z.id}
                data-zone={z.id}
                className={i === activeZone ? 'active' : ''}
                onClick={() => setActiveZone(i)}
                aria-selected={i === activeZone}
              >
                <th scope="row">
                  <span className="swatch" style={{ background: z.colour }} aria-hidden="true" />
                  <span className="zone-id">{z.id}</span> {z.name}
                  {s.lockedZones[i] && <span className="lock-mark" title="Locked">locked</span>}
                </th>
                <td className="num">{fmtInt(r.users)}</td>
                <td className="num">{fmtInt(r.waiting)}</td>
                <td className="num hours-cell">
                  <span className="bar" style={{ width: `${(r.hours / maxHours) * 100}%` }} aria-hidden="true" />
                  <span className="hours" data-hours={r.hours}>{fmt1(r.hours)}</span>
                </td>
              </tr>
            );
          })}
          {unassigned.units > 0 && (
            <tr data-zone="unassigned" className="unassigned">
              <th scope="row">
                <span className="swatch" style={{ background: '#d9d9d9' }} aria-hidden="true" />
                Unassigned ({fmtInt(unassigned.units)} units)
              </th>
              <td className="num">{fmtInt(unassigned.users)}</td>
              <td className="num">{fmtInt(unassigned.waiting)}</td>
              <td className="num"><span className="hours" data-hours={unassigned.hours}>{fmt1(unassigned.hours)}</span></td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All zones</th>
            <td className="num">{fmtInt(total.users)}</td>
            <td className="num">{fmtInt(total.waiting)}</td>
            <td className="num" data-testid="total-hours" data-hours={total.hours}>{fmt1(total.hours)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
