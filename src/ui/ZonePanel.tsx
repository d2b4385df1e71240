// The zone table: the plan summary, then one row per zone with its key scores and
// rule warnings; a row opens to show every figure. Clicking a row makes it the zone
// to paint; clicking a header sorts by it.
import { Fragment, useState } from 'react';
import { rateMixWords, type ZoneScore } from '../../solver/score';
import { UNASSIGNED_COLOUR } from '../model/palette';
import { useApp, useScenario } from '../state/store';
import { usePlanScore } from '../state/useScores';
import { PlanSummary } from './PlanSummary';
import { metric, METRICS, sortZones, warningLabel, zoneRows, type MetricKey, type Sort, type ZoneRow } from './zoneMetrics';
import * as F from './scoreFormat';
import { nameHoldsId, zoneLabel } from '../../solver/zoneLabel';

/** Columns of the compact table; the rest of METRICS shows in a row's details. */
const COLUMNS: MetricKey[] = ['difficulty', 'hours', 'balance', 'waiting', 'visitTravel', 'rate', 'cost'];

/** The zone's mean rate over a thin bar of its rate mix (lightest: lowest band or class). */
function RateCell({ zs }: { zs: ZoneScore }) {
  const words = rateMixWords(zs.rateMix);
  return (
    <td className="num rate-cell" data-metric="rate" title={words}>
      {F.rate(zs.meanRate)}
      {words && (
        <span className="rate-mix" aria-hidden="true">
          {zs.rateMix.map((m, i) => (
            <span key={m.name} className={`rate-mix-part r${Math.min(i, 3)}`} style={{ flexGrow: m.hours }} />
          ))}
        </span>
      )}
      {words && <span className="visually-hidden">, {words}</span>}
    </td>
  );
}
const DETAILS = METRICS.filter((m) => m.key !== 'zone');

function SortHeader({ k, sort, onSort }: { k: MetricKey; sort: Sort; onSort(s: Sort): void }) {
  const m = metric(k);
  const active = sort.key === k;
  return (
    <th
      scope="col"
      className={k === 'zone' ? 'sortable' : 'num sortable'}
      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
    >
      <button
        type="button"
        title={`${m.title}. Click to sort.`}
        onClick={() => onSort({ key: k, descending: active ? !sort.descending : k !== 'zone' })}
      >
        {m.label}
        <span className="sort-mark" aria-hidden="true">{active ? (sort.descending ? '▼' : '▲') : ''}</span>
      </button>
    </th>
  );
}

function Warnings({ zs }: { zs: ZoneScore }) {
  if (zs.warnings.length === 0) return null;
  return (
    <ul className="zone-warnings" aria-label="Rule warnings">
      {zs.warnings.map((w) => (
        <li key={w.code} data-code={w.code} title={w.message}>
          <span className="warn-icon" aria-hidden="true">⚠</span> {warningLabel(w.code, zs)}
        </li>
      ))}
    </ul>
  );
}

function ZoneDetail({ zs, columns }: { zs: ZoneRow; columns: number }) {
  return (
    <tr className="zone-detail" data-detail-for={zs.zone}>
      <td colSpan={columns}>
        <dl className="detail-grid">
          {DETAILS.map((m) => (
            <div key={m.key} title={m.title}>
              <dt>{m.label}</dt>
              <dd data-metric={m.key}>{m.format(zs)}</dd>
            </div>
          ))}
          <div title="Weekly hours at each rate (band or class)" className="wide">
            <dt>Rate mix</dt>
            <dd data-metric="rate-mix">{rateMixWords(zs.rateMix) || F.DASH}</dd>
          </div>
          <div title="Whether the zone's hours keep the provider model's providers healthy" className="wide">
            <dt>Providers</dt>
            <dd data-metric="providers" data-viable={zs.providers.viable}>{zs.providers.reason}</dd>
          </div>
          <div title="Weekly hours of packages needing two carers">
            <dt>Double-handed</dt>
            <dd>{F.one(zs.doubleHandedHours)} h</dd>
          </div>
          <div title="Extra cost a year of the extra-rural uplift on flagged units">
            <dt>Uplift cost</dt>
            <dd>{F.pounds(zs.extraRuralUpliftCost)}</dd>
          </div>
        </dl>
        {zs.warnings.length > 0 && (
          <ul className="warning-sentences">
            {zs.warnings.map((w) => (
              <li key={w.code}>{w.message}</li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

export function ZonePanel() {
  const s = useScenario();
  const score = usePlanScore();
  const activeZone = useApp((st) => st.activeZone);
  const setActiveZone = useApp((st) => st.setActiveZone);
  const [sort, setSort] = useState<Sort>({ key: 'zone', descending: false });
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  // Scores follow the scenario in the same store update; a zone added a moment ago waits for them.
  if (!score || score.zones.length !== s.zones.length) return null;

  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const columnCount = COLUMNS.length + 2;
  const rows = zoneRows(score);
  const maxHours = Math.max(...score.zones.map((zs) => zs.hours), 1);
  const { unassigned } = score;
  const totalHours = score.assigned.hours + unassigned.hours;
  const totalWaiting = score.zones.reduce((t, zs) => t + zs.waitingUsers, 0);
  return (
    <section className="panel" aria-labelledby="zones-heading">
      <h2 id="zones-heading">Zones</h2>
      <PlanSummary score={score} />
      <label className="sort-by">
        Sort by
        <select
          value={sort.key}
          onChange={(e) => {
            const key = e.target.value as MetricKey;
            setSort({ key, descending: key !== 'zone' });
          }}
          aria-label="Sort zones by"
        >
          {METRICS.map((m) => (
            <option key={m.key} value={m.key} title={m.title}>{m.label}</option>
          ))}
        </select>
      </label>
      <table className="zone-table scores" data-testid="zone-table">
        <thead>
          <tr>
            <SortHeader k="zone" sort={sort} onSort={setSort} />
            {COLUMNS.map((k) => (
              <SortHeader key={k} k={k} sort={sort} onSort={setSort} />
            ))}
            <th scope="col"><span className="visually-hidden">Details</span></th>
          </tr>
        </thead>
        <tbody>
          {sortZones(rows, sort).map((i) => {
            const z = s.zones[i];
            const zs = rows[i];
            const isOpen = open.has(z.id);
            return (
              <Fragment key={z.id}>
                <tr
                  data-zone={z.id}
                  className={[i === activeZone ? 'active' : '', zs.warnings.length > 0 ? 'warned' : ''].join(' ').trim()}
                  onClick={() => setActiveZone(i)}
                  aria-selected={i === activeZone}
                >
                  <th scope="row">
                    <div className="zone-name">
                      <span className="swatch" style={{ background: z.colour }} aria-hidden="true" />
                      {nameHoldsId(z) ? zoneLabel(z) : <><span className="zone-id">{z.id}</span> {z.name}</>}
                      {s.lockedZones[i] && <span className="lock-mark" title="Locked">locked</span>}
                    </div>
                    <Warnings zs={zs} />
                  </th>
                  {COLUMNS.map((k) =>
                    k === 'hours' ? (
                      <td key={k} className="num hours-cell">
                        <span className="bar" style={{ width: `${(zs.hours / maxHours) * 100}%` }} aria-hidden="true" />
                        <span className="hours" data-hours={zs.hours}>{F.one(zs.hours)}</span>
                      </td>
                    ) : k === 'rate' ? (
                      <RateCell key={k} zs={zs} />
                    ) : (
                      <td key={k} className="num" data-metric={k}>{metric(k).format(zs)}</td>
                    ),
                  )}
                  <td className="expand-cell">
                    <button
                      type="button"
                      className="expand"
                      aria-expanded={isOpen}
                      aria-label={`All figures of zone ${zoneLabel(z)}`}
                      title="All figures"
                      onClick={(e) => {
                        e.stopPropagation();
                        toggle(z.id);
                      }}
                    >
                      {isOpen ? '▾' : '▸'}
                    </button>
                  </td>
                </tr>
                {isOpen && <ZoneDetail zs={zs} columns={columnCount} />}
              </Fragment>
            );
          })}
          {unassigned.units > 0 && (
            <tr data-zone="unassigned" className="unassigned">
              <th scope="row">
                <span className="swatch" style={{ background: UNASSIGNED_COLOUR }} aria-hidden="true" />
                Unassigned ({F.int(unassigned.units)} units, {F.int(unassigned.users)} users)
              </th>
              <td />
              <td className="num"><span className="hours" data-hours={unassigned.hours}>{F.one(unassigned.hours)}</span></td>
              <td colSpan={columnCount - 3} />
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All zones</th>
            <td />
            <td className="num" data-testid="total-hours" data-hours={totalHours}>{F.one(totalHours)}</td>
            <td />
            <td className="num">{F.int(totalWaiting)}</td>
            <td className="num">{F.one(score.visitTravel?.minutesPerContactHour)}</td>
            <td />
            <td className="num" data-testid="total-cost" data-value={score.annualCost}>{F.poundsM(score.annualCost)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
