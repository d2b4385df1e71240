// The zones ranked by how hard they are to serve, hardest first, each with the
// figures that make it hard in words. Relative to this county's own zones
// (docs/SCORING.md, "Difficulty"). Clicking a zone makes it the zone to paint.
import { zoneLabel } from '../../solver/zoneLabel';
import { useApp, useScenario } from '../state/store';
import { usePlanScore } from '../state/useScores';
import * as F from './scoreFormat';

/** Whole minutes from 10 up, as the reasons give them. */
const minutes = (m: number | null | undefined) => (m != null && m >= 10 ? F.int(m) : F.one(m));

export function HardestZonesPanel() {
  const s = useScenario();
  const score = usePlanScore();
  const activeZone = useApp((st) => st.activeZone);
  const setActiveZone = useApp((st) => st.setActiveZone);
  if (!score || score.zones.length !== s.zones.length) return null;
  const ranked = [...score.difficulty].sort((a, b) => a.rank - b.rank);
  return (
    <section className="panel" aria-labelledby="hardest-heading">
      <h2 id="hardest-heading">Hardest zones to serve</h2>
      <p className="hint">
        Ranked against this county’s other zones: travel between visits per contact hour, people waiting, use of the
        bases’ capacity, rurality, and whether the demand supports the providers the zone needs. 100 would be the
        hardest zone on every count.
      </p>
      <ol className="hardest-list" data-testid="hardest-list">
        {ranked.map((d) => {
          const zs = score.zones[d.zone];
          return (
            <li key={d.zone} data-zone={s.zones[d.zone].id} data-rank={d.rank} className={d.zone === activeZone ? 'active' : ''}>
              <div className="hardest-head">
                <button type="button" className="link" onClick={() => setActiveZone(d.zone)} aria-pressed={d.zone === activeZone}>
                  {zoneLabel(s.zones[d.zone])}
                </button>
                <span className="hardest-score" title="Difficulty, 0 to 100">
                  <span className="track" aria-hidden="true"><span className="bar" style={{ width: `${d.difficulty}%` }} /></span>
                  <span data-testid="difficulty">{F.int(d.difficulty)}</span>
                </span>
              </div>
              <p className="hardest-reasons">
                {d.reasons.length > 0 ? d.reasons.join('; ') : `${minutes(zs.visitTravel?.minutesPerContactHour)} min travel per contact hour; nothing stands out`}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
