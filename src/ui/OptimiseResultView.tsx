// One optimiser result: how the proposal compares with today's zones (in total
// and zone by zone), why travel rose if it did, what the optimiser minimised,
// the gap to the best possible, and the rules that hold it back or conflict.
import type { OptimiseResult, PlanComparison, ZoneChange } from '../../solver/optimise';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/store';
import { fmt1, fmtInt } from './format';
import * as F from './scoreFormat';

type Num = number | null;

/** "+12%" / "−3%" / "±0%" of a change, or a dash. */
function changePct(before: Num, after: Num): string {
  if (before === null || after === null || before === 0) return F.DASH;
  return F.signedPct((100 * (after - before)) / before);
}

/** A before → after pair; a rise the commissioner should see is marked in colour and with an arrow. */
function Pair({ before, after, show, worseIfUp = true }: { before: Num; after: Num; show: (x: Num) => string; worseIfUp?: boolean }) {
  const worse = before !== null && after !== null && (worseIfUp ? after > before * 1.005 + 1e-9 : after < before * 0.995 - 1e-9);
  return (
    <>
      <td>{show(before)}</td>
      <td className={worse ? 'worse' : undefined}>
        {show(after)}
        {worse ? ' ↑' : ''}
      </td>
    </>
  );
}

const minutes = (x: Num) => (x === null ? F.DASH : `${Math.ceil(x)} min`);
const km1 = (x: Num) => (x === null ? F.DASH : `${fmt1(x)} km`);
const hours = (x: Num) => (x === null ? F.DASH : fmtInt(x));

function Totals({ c }: { c: PlanComparison }) {
  return (
    <table className="compare-totals" data-testid="compare-totals">
      <caption>Against today's zones</caption>
      <thead>
        <tr><th scope="col"></th><th scope="col">Today</th><th scope="col">Proposed</th><th scope="col">Change</th></tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Travel from the bases, hour·km a week</th>
          <Pair before={c.travelHourKm.before} after={c.travelHourKm.after} show={hours} />
          <td>{changePct(c.travelHourKm.before, c.travelHourKm.after)}</td>
        </tr>
        <tr>
          <th scope="row">Mean per care hour</th>
          <Pair before={c.meanKm.before} after={c.meanKm.after} show={km1} />
          <td>{changePct(c.meanKm.before, c.meanKm.after)}</td>
        </tr>
        <tr>
          <th scope="row">Farthest unit from its base</th>
          <Pair before={c.worstReachMinutes.before} after={c.worstReachMinutes.after} show={minutes} />
          <td>{changePct(c.worstReachMinutes.before, c.worstReachMinutes.after)}</td>
        </tr>
        <tr>
          <th scope="row">Annual cost of care</th>
          <Pair before={c.annualCost.before} after={c.annualCost.after} show={F.poundsM} />
          <td>{changePct(c.annualCost.before, c.annualCost.after)}</td>
        </tr>
        {c.visitTravelCost && (
          <tr>
            <th scope="row">Travel between visits, a year (not minimised)</th>
            <Pair before={c.visitTravelCost.before} after={c.visitTravelCost.after} show={F.poundsM} />
            <td>{changePct(c.visitTravelCost.before, c.visitTravelCost.after)}</td>
          </tr>
        )}
        <tr>
          <th scope="row">Change provider</th>
          <td>{F.DASH}</td>
          <td colSpan={2}>{fmtInt(c.disruption.users)} users, {fmtInt(c.disruption.hours)} h/week</td>
        </tr>
      </tbody>
    </table>
  );
}

function Zones({ zones }: { zones: ZoneChange[] }) {
  return (
    <table className="compare-zones" data-testid="compare-zones">
      <caption>Zone by zone, today → proposed</caption>
      <thead>
        <tr>
          <th scope="col">Zone</th>
          <th scope="col" colSpan={2}>h/week</th>
          <th scope="col" colSpan={2}>Farthest, min</th>
          <th scope="col" colSpan={2}>Mean, km</th>
          <th scope="col" colSpan={2}>Pieces</th>
        </tr>
      </thead>
      <tbody>
        {zones.map((z) => (
          <tr key={z.zone} data-zone-index={z.zone}>
            <th scope="row">{z.label}</th>
            <td>{hours(z.hours.before)}</td>
            <td>{hours(z.hours.after)}</td>
            <Pair before={z.farthestMinutes.before} after={z.farthestMinutes.after} show={(x) => (x === null ? F.DASH : String(Math.ceil(x)))} />
            <Pair before={z.meanKm.before} after={z.meanKm.after} show={(x) => (x === null ? F.DASH : fmt1(x))} />
            <Pair before={z.pieces.before} after={z.pieces.after} show={(x) => (x === null ? F.DASH : String(x))} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OptimiseResultView({
  result,
  scenarioId,
  seconds,
  onDiscard,
}: {
  result: OptimiseResult;
  scenarioId: string | null;
  seconds: number;
  onDiscard: () => void;
}) {
  const { switchScenario, deleteScenario, setCompare, currentId } = useApp(
    useShallow((s) => ({ switchScenario: s.switchScenario, deleteScenario: s.deleteScenario, setCompare: s.setCompare, currentId: s.history.present.id })),
  );
  const ok = scenarioId !== null;
  const { explanation, comparison } = result;
  const rises = comparison !== null && comparison.travelChangePct !== null && comparison.travelChangePct >= 0.05;
  return (
    <div className={`optimise-result ${ok ? 'ok' : 'infeasible'}`} data-testid="optimise-result" role="status">
      <p className="summary" data-testid="compare-summary">{comparison ? comparison.summary : explanation.summary}</p>
      {ok && comparison && <Totals c={comparison} />}
      {ok && comparison && comparison.forcedBy.length > 0 && (
        <>
          <h3>{rises ? 'Why travel rises: today’s zones break these rules' : 'What today’s zones must change to keep the rules'}</h3>
          <ul data-testid="forced-by">{comparison.forcedBy.map((f) => <li key={f}>{f}</li>)}</ul>
        </>
      )}
      {ok && comparison && <Zones zones={comparison.zones} />}
      {ok && (
        <dl className="result-figures">
          <div><dt>Gap to the best possible</dt><dd>{result.gapPercent < 0.005 ? '0' : fmt1(result.gapPercent)}%{result.status === 'optimal' ? ' (proven optimal)' : ''}</dd></div>
          <div><dt>Units moved</dt><dd>{fmtInt(result.movedUnits)}</dd></div>
          <div><dt>Zones in one piece</dt><dd>{result.contiguous ? 'yes' : 'no'}</dd></div>
          <div><dt>Time</dt><dd>{fmt1(seconds)} s</dd></div>
        </dl>
      )}
      <p className="objective">{explanation.objective}</p>
      {explanation.binding.length > 0 && (
        <>
          <h3>Rules that hold the plan back</h3>
          <ul data-testid="binding">{explanation.binding.map((b, i) => <li key={i}>{b.message}</li>)}</ul>
        </>
      )}
      {explanation.conflicts.length > 0 && (
        <>
          <h3>Why no plan keeps every rule</h3>
          <ul data-testid="conflicts">
            {explanation.conflicts.map((c, i) => (
              <li key={i}>
                {c.message}
                {c.fix ? <strong> {c.fix}</strong> : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {explanation.notes.length > 0 && <ul className="notes">{explanation.notes.map((n, i) => <li key={i}>{n}</li>)}</ul>}
      <div className="form-row">
        {ok && (
          <>
            <button type="button" className="primary" onClick={() => switchScenario(scenarioId)}>Open it to accept or tweak</button>
            <button type="button" onClick={() => setCompare({ a: currentId, b: scenarioId })}>Compare with current</button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                deleteScenario(scenarioId);
                onDiscard();
              }}
            >
              Discard
            </button>
          </>
        )}
        {!ok && <button type="button" onClick={onDiscard}>Close</button>}
      </div>
    </div>
  );
}
