// The zone list: one row per zone with its users and weekly hours. Scores
// (balance, travel, rural share, cost) join these columns as they arrive.
import { useMemo } from 'react';
import type { Project } from '../model/project';
import { useApp } from '../app/store';
import { fmtInt, fmt1 } from './format';

interface ZoneRow {
  index: number;
  id: string;
  name: string;
  units: number;
  users: number;
  hours: number;
  waiting: number;
}

function zoneRows(project: Project): ZoneRow[] {
  const { model, plan } = project;
  const rows: ZoneRow[] = model.zones.map((z, index) => ({ index, id: z.id, name: z.name, units: 0, users: 0, hours: 0, waiting: 0 }));
  for (let u = 0; u < model.units.count; u++) {
    const row = rows[plan.zoneOf[u]];
    if (!row) continue;
    row.units += 1;
    row.users += model.demand.users[u];
    row.hours += model.demand.hours[u];
    row.waiting += model.demand.waitingUsers[u];
  }
  return rows;
}

export function ZonePanel({ project }: { project: Project }) {
  const colours = useApp((s) => s.zoneColours);
  const rows = useMemo(() => zoneRows(project), [project]);
  const total = rows.reduce((t, r) => ({ users: t.users + r.users, hours: t.hours + r.hours, waiting: t.waiting + r.waiting }), {
    users: 0,
    hours: 0,
    waiting: 0,
  });
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
          {rows.map((r) => (
            <tr key={r.id} data-zone={r.id}>
              <th scope="row">
                <span className="swatch" style={{ background: colours[r.index] }} aria-hidden="true" />
                <span className="zone-id">{r.id}</span> {r.name}
              </th>
              <td className="num">{fmtInt(r.users)}</td>
              <td className="num">{fmtInt(r.waiting)}</td>
              <td className="num hours-cell">
                <span className="bar" style={{ width: `${(r.hours / maxHours) * 100}%` }} aria-hidden="true" />
                <span className="hours" data-hours={r.hours}>{fmt1(r.hours)}</span>
              </td>
            </tr>
          ))}
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
